package org.cloudbilling.core.consolidation;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import org.cloudbilling.core.bill.LineItem;
import org.cloudbilling.core.money.Money;

/** The measures of one group: how many items, and their list cost and total cost, exact. */
public final class Totals {
    private final long itemCount;
    private final Money listCost;
    private final Money totalCost;

    private Totals(long itemCount, Money listCost, Money totalCost) {
        this.itemCount = itemCount;
        this.listCost = listCost;
        this.totalCost = totalCost;
    }

    /**
     * Returns totals of the given measures.
     *
     * @param itemCount the number of items, at least 0
     * @param listCost the list cost, not null
     * @param totalCost the total cost, not null, in the currency of {@code listCost}
     * @return the totals, never null
     */
    public static Totals of(long itemCount, Money listCost, Money totalCost) {
        checkArgument(itemCount >= 0, "item count %s is negative", itemCount);
        checkArgument(
                listCost.currency().equals(totalCost.currency()),
                "list cost %s and total cost %s are in different currencies",
                listCost,
                totalCost);
        return new Totals(itemCount, requireNonNull(listCost), requireNonNull(totalCost));
    }

    /** Returns the totals of one item. */
    static Totals of(LineItem item) {
        return new Totals(1, item.listCost(), item.totalCost());
    }

    /** Returns the number of items. */
    public long itemCount() {
        return itemCount;
    }

    /** Returns the sum of the items' list cost, never null. */
    public Money listCost() {
        return listCost;
    }

    /** Returns the sum of the items' total cost, never null. */
    public Money totalCost() {
        return totalCost;
    }

    /**
     * Returns the measures of both, added.
     *
     * @param other the other totals, not null, in the same currency
     * @return the sum, never null
     */
    public Totals plus(Totals other) {
        return new Totals(
                Math.addExact(itemCount, other.itemCount),
                listCost.plus(other.listCost),
                totalCost.plus(other.totalCost));
    }

    @Override
    public boolean equals(Object obj) {
        if (!(obj instanceof Totals)) {
            return false;
        }
        Totals other = (Totals) obj;
        return itemCount == other.itemCount && listCost.equals(other.listCost) && totalCost.equals(other.totalCost);
    }

    @Override
    public int hashCode() {
        return (Long.hashCode(itemCount) * 31 + listCost.hashCode()) * 31 + totalCost.hashCode();
    }

    @Override
    public String toString() {
        return "Totals[items=" + itemCount + ", listCost=" + listCost + ", totalCost=" + totalCost + "]";
    }
}
