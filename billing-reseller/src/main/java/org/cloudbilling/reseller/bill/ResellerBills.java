package org.cloudbilling.reseller.bill;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableMap;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.cloudbilling.core.bill.LineItem;
import org.cloudbilling.core.id.LineItemId;
import org.cloudbilling.core.id.TagKey;
import org.cloudbilling.core.money.Money;
import org.cloudbilling.core.time.BillingCalendar;
import org.cloudbilling.core.time.BillingMonth;
import org.cloudbilling.reseller.channel.AttributedCharge;
import org.cloudbilling.reseller.internal.BillRows;
import org.cloudbilling.reseller.internal.BillTimes;

/**
 * Computes Bill A and Bill B of one reseller's month from the same attributed charges (RES-3, RES-4, RES-5,
 * RES-8, RES-10, RES-11) so that their difference can be explained row by row ({@link BillDifference}).
 *
 * <ul>
 *   <li>Bill A has a row for every charge of the reseller's end customers in the month, bill adjustments
 *       included; its amounts are the provider's: cost = the item's total cost, reseller voucher = its voucher
 *       payment, cash expenditure = cost - reseller voucher. End-customer vouchers never touch it (RES-8).
 *   <li>Bill B has a row for every such charge except bill adjustments (RES-5), at list price, with
 *       {@code (list - reserved instance) x customer discount - customer voucher} (RES-10); the customer
 *       discount is the one of the charge's customer and product at its fee start (usage) or order time (prepaid),
 *       and the row names it (RES-14).
 *   <li>Refunds and the refund part of configuration changes show at the reseller's post-discount amount in A
 *       and at the customer's refund amount in B (RES-4).
 *   <li>Tags show only under the reseller's billing tag keys, one day after their definition (RES-11).
 *   <li>Bills produced before the month's issue day are {@link BillStatus#PROVISIONAL} and leave out charges
 *       attributed on or after the current day (RES-9).
 * </ul>
 *
 * <pre>{@code
 * ResellerMonth september = ResellerBills.compute(charges, settings, BillingMonth.of(2024, 9),
 *         BillingCalendar.TENCENT, Instant.parse("2024-10-06T00:00:00Z"), Map.of());
 * BillDifference why = september.totalDifference();
 * }</pre>
 */
public final class ResellerBills {
    private ResellerBills() {}

    /**
     * Computes the reseller's Bill A and Bill B.
     *
     * @param charges attributed charges, of any partners and months; those of other partners or months are left
     *     out; not null
     * @param settings the reseller's settings, not null
     * @param month the month billed, not null
     * @param calendar the provider's calendar, not null
     * @param asOf when the bills are produced, from the caller's clock, not null
     * @param customerVouchers the end-customer voucher amount used on each Bill B row, by line item, not null
     * @return both bills, never null
     * @throws IllegalArgumentException if a charge of the reseller's month is in another currency, or a voucher
     *     is negative, in another currency or names a line item that has no Bill B row
     */
    public static ResellerMonth compute(
            Iterable<AttributedCharge> charges,
            ResellerSettings settings,
            BillingMonth month,
            BillingCalendar calendar,
            Instant asOf,
            Map<LineItemId, Money> customerVouchers) {
        requireNonNull(settings, "settings");
        requireNonNull(month, "month");
        requireNonNull(asOf, "asOf");
        Map<LineItemId, Money> vouchers = ImmutableMap.copyOf(customerVouchers);
        BillStatus status = BillSchedule.status(calendar, month, asOf);
        Instant cutoff = BillTimes.dataCutoff(calendar, asOf);
        List<BillARow> rowsA = new ArrayList<>();
        List<BillBRow> rowsB = new ArrayList<>();
        Set<LineItemId> idsB = new HashSet<>();
        for (AttributedCharge charge : charges) {
            if (!charge.partner().equals(Optional.of(settings.reseller()))
                    || !charge.month().equals(month)
                    || !charge.attributedAt().isBefore(cutoff)) {
                continue;
            }
            LineItem item = charge.item();
            checkArgument(
                    item.currency().equals(settings.currency()),
                    "line item %s of reseller %s is in %s, its bills in %s",
                    item.id(),
                    settings.reseller(),
                    item.currency().getCurrencyCode(),
                    settings.currency().getCurrencyCode());
            Map<TagKey, String> tags = visibleTags(item, settings, asOf);
            BillARow a = BillRows.billARow(item, tags);
            rowsA.add(a);
            if (a.kind() != RowKind.ADJUSTMENT) {
                Money voucher = vouchers.getOrDefault(item.id(), Money.zero(settings.currency()));
                rowsB.add(rowB(charge, a, settings, voucher, tags));
                idsB.add(item.id());
            }
        }
        vouchers.forEach((id, amount) -> {
            checkArgument(idsB.contains(id), "customer voucher names line item %s, which has no Bill B row", id);
            checkArgument(
                    amount.currency().equals(settings.currency()) && !amount.isNegative(),
                    "customer voucher on line item %s is %s; it must be at least zero in %s",
                    id,
                    amount,
                    settings.currency().getCurrencyCode());
        });
        return new ResellerMonth(
                new BillA(settings.reseller(), month, status, settings.currency(), rowsA),
                new BillB(settings.reseller(), month, status, settings.currency(), rowsB));
    }

    private static BillBRow rowB(
            AttributedCharge charge, BillARow a, ResellerSettings settings, Money voucher, Map<TagKey, String> tags) {
        LineItem item = charge.item();
        Money list = item.listCost();
        Money reserved = item.reservedInstanceDeduction().orElse(Money.zero(item.currency()));
        Optional<CustomerDiscount> applied =
                settings.discountFor(item.ownerUin(), item.businessCode(), charge.feeTime());
        BigDecimal discount = applied.map(CustomerDiscount::rate).orElse(BigDecimal.ONE);
        Money beforeVoucher = list.minus(reserved).multipliedBy(discount);
        Money original = BillRows.showsAsRefund(item) ? beforeVoucher : list;
        Optional<ResellerCost> cost = settings.resellerPerspectiveEnabled()
                ? Optional.of(new ResellerCost(a.resellerDiscount(), a.resellerVoucher(), a.cost()))
                : Optional.empty();
        return new BillBRow(
                item.id(),
                item.ownerUin(),
                item.actionType(),
                a.kind(),
                original,
                reserved,
                settings.customerDiscountsEnabled() ? Optional.of(discount) : Optional.empty(),
                beforeVoucher,
                voucher,
                beforeVoucher.minus(voucher),
                cost,
                tags,
                applied);
    }

    private static Map<TagKey, String> visibleTags(LineItem item, ResellerSettings settings, Instant asOf) {
        return settings.tagKeys().visible(item.tags(), asOf);
    }
}
