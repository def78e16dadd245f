package org.cloudbilling.reseller.organization;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedMap;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;
import org.cloudbilling.core.bill.LineItem;
import org.cloudbilling.core.id.OwnerUin;
import org.cloudbilling.core.money.Money;
import org.cloudbilling.core.time.BillingCalendar;
import org.cloudbilling.core.time.BillingMonth;

/**
 * An organization's consolidated bill for a month (ORG-6): the sum of its members' bills, every row keeping its
 * owner, with totals per member and per entity.
 *
 * <pre>{@code
 * ConsolidatedBill bill = ConsolidatedBill.consolidate(org, BillingCalendar.TENCENT, BillingMonth.of(2024, 9), CNY, items);
 * bill.totalsByEntity();
 * }</pre>
 *
 * @param month the month, not null
 * @param currency the currency of every amount, not null
 * @param rows the rows, in the order of the items, not null
 */
public record ConsolidatedBill(BillingMonth month, Currency currency, List<ConsolidatedRow> rows) {

    public ConsolidatedBill {
        requireNonNull(month, "month");
        requireNonNull(currency, "currency");
        rows = ImmutableList.copyOf(rows);
    }

    /**
     * Consolidates the items of {@code month} whose owner was an admin or member of the organization at the
     * start of the item's fee cycle; other items are left out.
     *
     * @param organization the organization, not null
     * @param calendar the provider's calendar, not null
     * @param month the month, not null
     * @param currency the currency of the bill, not null
     * @param items line items of any accounts and months, not null
     * @return the consolidated bill, never null
     * @throws IllegalArgumentException if an item of a member in the month is in another currency
     */
    public static ConsolidatedBill consolidate(
            Organization organization,
            BillingCalendar calendar,
            BillingMonth month,
            Currency currency,
            Iterable<LineItem> items) {
        requireNonNull(organization, "organization");
        requireNonNull(month, "month");
        ImmutableList.Builder<ConsolidatedRow> rows = ImmutableList.builder();
        for (LineItem item : items) {
            if (!calendar.monthOf(item.feePeriod().start()).equals(month)) {
                continue;
            }
            Optional<EntityId> entity =
                    organization.entityOf(item.ownerUin(), item.feePeriod().start());
            if (entity.isEmpty()) {
                continue;
            }
            checkArgument(
                    item.currency().equals(currency),
                    "line item %s is in %s, the consolidated bill in %s",
                    item.id(),
                    item.currency().getCurrencyCode(),
                    currency.getCurrencyCode());
            rows.add(new ConsolidatedRow(item, entity.get()));
        }
        return new ConsolidatedBill(month, currency, rows.build());
    }

    /** Returns the total of every row, exact, never null. */
    public Money total() {
        Money total = Money.zero(currency);
        for (ConsolidatedRow row : rows) {
            total = total.plus(row.item().totalCost());
        }
        return total;
    }

    /** Returns the total of each member, in member order, never null. */
    public ImmutableSortedMap<OwnerUin, Money> totalsByMember() {
        return totalsBy(ConsolidatedRow::owner);
    }

    /** Returns the total of each entity, in entity order, never null. */
    public ImmutableSortedMap<EntityId, Money> totalsByEntity() {
        return totalsBy(ConsolidatedRow::entity);
    }

    /** Returns the bill of {@code member} alone, never null. */
    public ConsolidatedBill memberBill(OwnerUin member) {
        requireNonNull(member, "member");
        return filtered(r -> r.owner().equals(member));
    }

    /** Returns the part of this bill whose rows satisfy {@code keep}, never null. */
    ConsolidatedBill filtered(Predicate<ConsolidatedRow> keep) {
        return new ConsolidatedBill(month, currency, rows.stream().filter(keep).toList());
    }

    private <K extends Comparable<? super K>> ImmutableSortedMap<K, Money> totalsBy(Function<ConsolidatedRow, K> key) {
        Map<K, Money> totals = new TreeMap<>();
        for (ConsolidatedRow row : rows) {
            totals.merge(key.apply(row), row.item().totalCost(), Money::plus);
        }
        return ImmutableSortedMap.copyOf(totals);
    }
}
