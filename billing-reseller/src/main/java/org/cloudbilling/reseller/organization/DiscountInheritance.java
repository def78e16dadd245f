package org.cloudbilling.reseller.organization;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import org.cloudbilling.core.bill.LineItem;
import org.cloudbilling.core.id.OwnerUin;
import org.cloudbilling.core.money.Money;
import org.cloudbilling.core.time.BillingCalendar;
import org.cloudbilling.core.time.BillingMonth;
import org.cloudbilling.reseller.confirmation.Outcome;
import org.cloudbilling.reseller.confirmation.Refusal;

/**
 * Prices a member's bill with the group admin's contract discount (ORG-2, ORG-11). A charge gets the discount
 * when, at the start of its fee cycle, its owner is a member of an entity registered to the group admin's
 * verified entity, and {@link Permission#DISCOUNT_INHERITANCE} was granted to it on that day or before: the
 * discount applies from the start (in the calendar's zone) of the day it is granted, never to fee cycles of
 * earlier days. The discount is {@code listCost x (1 - rate)}, exact, never rounded.
 *
 * <pre>{@code
 * Outcome<ImmutableList<InheritedDiscountRow>> bill = DiscountInheritance.price(
 *         org, BillingCalendar.TENCENT, BillingMonth.of(2024, 9), M1, new BigDecimal("0.80"), items);
 * }</pre>
 */
public final class DiscountInheritance {
    private DiscountInheritance() {}

    /**
     * Returns {@code member}'s bill for {@code month} priced with the inherited contract discount, or the refusal.
     *
     * @param organization the organization, not null
     * @param calendar the provider's calendar, for the month of a fee cycle, not null
     * @param month the month, not null
     * @param member the member, not null
     * @param contractRate the group admin's contract discount as the share of the list price paid: 0.80 is 20%
     *     off; from 0 to 1, not null
     * @param items line items of any accounts and months; the member's of the month are priced, not null
     * @return one row per item of the member in the month, in item order, or the refusal naming the member, the
     *     month and why: the member never holds the permission during the month ({@code PERMISSION_MISSING}) or
     *     is never a member of the admin's verified entity during it ({@code DIFFERENT_VERIFIED_ENTITY})
     * @throws IllegalArgumentException naming the member and the month if the rate is outside 0..1
     */
    public static Outcome<ImmutableList<InheritedDiscountRow>> price(
            Organization organization,
            BillingCalendar calendar,
            BillingMonth month,
            OwnerUin member,
            BigDecimal contractRate,
            Iterable<LineItem> items) {
        requireNonNull(organization, "organization");
        requireNonNull(calendar, "calendar");
        requireNonNull(month, "month");
        requireNonNull(member, "member");
        requireNonNull(contractRate, "contractRate");
        checkArgument(
                contractRate.signum() >= 0 && contractRate.compareTo(BigDecimal.ONE) <= 0,
                "the inherited discount of %s in %s: contract rate %s is not between 0 and 1",
                member,
                month,
                contractRate.toPlainString());
        Instant monthEnd = calendar.start(month.next());
        Optional<Instant> granted = organization.grantedFrom(member, Permission.DISCOUNT_INHERITANCE);
        if (granted.isEmpty() || !granted.get().isBefore(monthEnd)) {
            // (a grant at or after the month's end covers no day of it)
            return Outcome.refused(
                    Refusal.Reason.PERMISSION_MISSING,
                    "%s may not inherit the contract discount in %s: it does not hold %s",
                    member,
                    month,
                    Permission.DISCOUNT_INHERITANCE);
        }
        Optional<String> adminName = organization.verifiedNameOf(organization.groupAdmin(), calendar.start(month));
        boolean everInEntity = organization.memberships().stream()
                .anyMatch(m -> m.member().equals(member)
                        && m.tenure().from().isBefore(monthEnd)
                        && m.tenure()
                                .until()
                                .map(u -> u.isAfter(calendar.start(month)))
                                .orElse(true)
                        && Optional.of(organization.entities().get(m.entity()).verifiedName())
                                .equals(adminName));
        if (!everInEntity) {
            return Outcome.refused(
                    Refusal.Reason.DIFFERENT_VERIFIED_ENTITY,
                    "%s may not inherit the contract discount in %s: it is not a member of the admin's verified"
                            + " entity '%s'",
                    member,
                    month,
                    adminName.orElse("(none)"));
        }
        ZoneId zone = calendar.zone();
        Instant fromDay = granted.get().equals(Instant.MIN)
                ? Instant.MIN
                : granted.get().atZone(zone).toLocalDate().atStartOfDay(zone).toInstant();
        BigDecimal off = BigDecimal.ONE.subtract(contractRate);
        ImmutableList.Builder<InheritedDiscountRow> rows = ImmutableList.builder();
        for (LineItem item : items) {
            Instant start = item.feePeriod().start();
            if (!item.ownerUin().equals(member) || !calendar.monthOf(start).equals(month)) {
                continue;
            }
            Money list = item.listCost();
            boolean inherits = !start.isBefore(fromDay)
                    && organization.membershipAt(member, start).isPresent()
                    && organization.verifiedNameOf(member, start).equals(adminName(organization, start));
            Money discount = inherits ? list.multipliedBy(off) : Money.zero(list.currency());
            rows.add(new InheritedDiscountRow(item, list, discount, list.minus(discount)));
        }
        return Outcome.accepted(rows.build());
    }

    private static Optional<String> adminName(Organization organization, Instant at) {
        return organization.verifiedNameOf(organization.groupAdmin(), at);
    }
}
