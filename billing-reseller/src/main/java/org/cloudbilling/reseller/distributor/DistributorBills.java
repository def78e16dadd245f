package org.cloudbilling.reseller.distributor;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.cloudbilling.core.bill.LineItem;
import org.cloudbilling.core.id.Identifier;
import org.cloudbilling.core.money.Money;
import org.cloudbilling.core.time.BillingCalendar;
import org.cloudbilling.core.time.BillingMonth;
import org.cloudbilling.reseller.bill.BillARow;
import org.cloudbilling.reseller.bill.BillSchedule;
import org.cloudbilling.reseller.bill.BillStatus;
import org.cloudbilling.reseller.bill.RowKind;
import org.cloudbilling.reseller.channel.AttributedCharge;
import org.cloudbilling.reseller.channel.Channel;
import org.cloudbilling.reseller.channel.PartnerUin;
import org.cloudbilling.reseller.internal.BillRows;
import org.cloudbilling.reseller.internal.BillTimes;

/**
 * Computes a distributor's two consolidated bills per second-level reseller (RES-13) from the same attributed
 * charges as the resellers' Bill A, so that the reseller's side of each row is exactly its Bill A:
 *
 * <ul>
 *   <li>the reseller's original price, discount and cost are those of the charge's Bill A row (RES-4, RES-5);
 *   <li>the distributor's cost is {@code (list - reserved-instance deduction) x distributor discount}, the discount
 *       being the one of {@link DistributorPricing} at the charge's time (fee start for usage, order time for
 *       prepaid); a bill adjustment, an amount between the provider and the reseller after discounts, passes through
 *       at its amount (margin 0); the distributor's discount is the original price less its cost;
 *   <li>the margin is the reseller's cost less the distributor's, exact, per row and summed
 *       ({@link DistributorMargin}).
 * </ul>
 *
 * <p>As Bill A, bills produced before the month's issue day are provisional and leave out charges attributed on or
 * after the current day (RES-9).
 *
 * <pre>{@code
 * DistributorMonth september = DistributorBills.compute(charges, channel, pricing, BillingMonth.of(2024, 9),
 *         BillingCalendar.TENCENT, Instant.parse("2024-10-06T00:00:00Z"));
 * Money margin = september.margin().byReseller().get(RESELLER_1);
 * }</pre>
 */
public final class DistributorBills {
    private DistributorBills() {}

    /**
     * Computes the consolidated bills of every second-level reseller of {@code pricing.distributor()}.
     *
     * @param charges attributed charges, of any partners and months; those not of the distributor's resellers or of
     *     other months are left out; not null
     * @param channel the channel, not null
     * @param pricing the distributor's currency and discounts, not null
     * @param month the month, not null
     * @param calendar the provider's calendar, not null
     * @param asOf when the bills are produced, from the caller's clock, not null
     * @return a resource ID bill and a detailed bill per second-level reseller, never null
     * @throws IllegalArgumentException if the distributor is not a distributor of the channel, or a charge of the
     *     month is in another currency (naming the line item, the reseller and the month)
     */
    public static DistributorMonth compute(
            Iterable<AttributedCharge> charges,
            Channel channel,
            DistributorPricing pricing,
            BillingMonth month,
            BillingCalendar calendar,
            Instant asOf) {
        requireNonNull(charges, "charges");
        requireNonNull(pricing, "pricing");
        requireNonNull(month, "month");
        requireNonNull(asOf, "asOf");
        Set<PartnerUin> resellers = channel.resellersOf(pricing.distributor());
        BillStatus status = BillSchedule.status(calendar, month, asOf);
        Instant cutoff = BillTimes.dataCutoff(calendar, asOf);
        Map<PartnerUin, Map<List<Object>, DistributorBillRow>> resource = new LinkedHashMap<>();
        Map<PartnerUin, Map<List<Object>, DistributorBillRow>> detailed = new LinkedHashMap<>();
        for (PartnerUin r : resellers) {
            resource.put(r, new LinkedHashMap<>());
            detailed.put(r, new LinkedHashMap<>());
        }
        for (AttributedCharge charge : charges) {
            Optional<PartnerUin> partner = charge.partner();
            if (partner.isEmpty()
                    || !resellers.contains(partner.get())
                    || !charge.month().equals(month)
                    || !charge.attributedAt().isBefore(cutoff)) {
                continue;
            }
            LineItem item = charge.item();
            checkArgument(
                    item.currency().equals(pricing.currency()),
                    "line item %s of reseller %s, month %s, is in %s; the bills of distributor %s are in %s",
                    item.id(),
                    partner.get(),
                    month,
                    item.currency().getCurrencyCode(),
                    pricing.distributor(),
                    pricing.currency().getCurrencyCode());
            DistributorBillRow row = row(charge, pricing);
            DistributorBillRow byResource = new DistributorBillRow(
                    row.customer(),
                    row.product(),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    row.resource(),
                    1,
                    row.originalPrice(),
                    row.resellerDiscount(),
                    row.resellerCost(),
                    row.distributorDiscount(),
                    row.distributorCost());
            resource.get(partner.get()).merge(key(byResource), byResource, DistributorBillRow::plus);
            detailed.get(partner.get()).merge(key(row), row, DistributorBillRow::plus);
        }
        List<DistributorBill> resourceBills = new ArrayList<>();
        List<DistributorBill> detailedBills = new ArrayList<>();
        for (PartnerUin r : resellers) {
            resourceBills.add(bill(pricing, r, month, status, DistributorBill.Level.RESOURCE, resource.get(r)));
            detailedBills.add(bill(pricing, r, month, status, DistributorBill.Level.DETAILED, detailed.get(r)));
        }
        return new DistributorMonth(
                pricing.distributor(), month, status, pricing.currency(), resourceBills, detailedBills);
    }

    private static DistributorBillRow row(AttributedCharge charge, DistributorPricing pricing) {
        LineItem item = charge.item();
        BillARow a = BillRows.billARow(item, Map.of());
        Money distributorCost;
        if (a.kind() == RowKind.ADJUSTMENT) {
            distributorCost = a.cost();
        } else {
            BigDecimal rate = pricing.rateFor(item.businessCode(), charge.feeTime());
            Money reserved = item.reservedInstanceDeduction().orElse(Money.zero(item.currency()));
            distributorCost = item.listCost().minus(reserved).multipliedBy(rate);
        }
        return new DistributorBillRow(
                item.ownerUin(),
                item.businessCode(),
                item.productCode(),
                item.regionId(),
                item.itemCode(),
                item.resourceId(),
                1,
                a.originalPrice(),
                a.resellerDiscount(),
                a.cost(),
                a.originalPrice().minus(distributorCost),
                distributorCost);
    }

    private static List<Object> key(DistributorBillRow row) {
        return List.of(row.customer(), row.product(), row.subProduct(), row.region(), row.component(), row.resource());
    }

    private static DistributorBill bill(
            DistributorPricing pricing,
            PartnerUin reseller,
            BillingMonth month,
            BillStatus status,
            DistributorBill.Level level,
            Map<List<Object>, DistributorBillRow> rows) {
        List<DistributorBillRow> sorted = new ArrayList<>(rows.values());
        sorted.sort(ORDER);
        return new DistributorBill(pricing.distributor(), reseller, month, status, pricing.currency(), level, sorted);
    }

    private static final Comparator<Optional<? extends Identifier>> OPTIONAL_ID =
            Comparator.comparing(o -> o.map(Identifier::value).orElse(""));

    private static final Comparator<DistributorBillRow> ORDER = Comparator.comparing(DistributorBillRow::customer)
            .thenComparing(DistributorBillRow::product)
            .thenComparing(DistributorBillRow::subProduct, OPTIONAL_ID)
            .thenComparing(DistributorBillRow::region, OPTIONAL_ID)
            .thenComparing(DistributorBillRow::component, OPTIONAL_ID)
            .thenComparing(DistributorBillRow::resource, OPTIONAL_ID);
}
