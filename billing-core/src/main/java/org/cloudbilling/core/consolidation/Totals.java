package org.cloudbilling.core.consolidation;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;
import org.cloudbilling.core.bill.CostMetric;
import org.cloudbilling.core.bill.LineItem;
import org.cloudbilling.core.money.Money;

/**
 * The measures of one group, exact: how many items, every cost metric (FOCUS-11: BilledCost, EffectiveCost,
 * ListCost, ContractedCost, each as {@link CostMetric} defines it on an item) and the quantities (the sum of the
 * items' ConsumedQuantity and PricingQuantity that report one).
 */
public final class Totals {
    private final long itemCount;
    private final Money listCost;
    private final Money totalCost;
    private final Money effectiveCost;
    private final Money contractedCost;
    private final BigDecimal consumedQuantity;
    private final BigDecimal pricingQuantity;

    private Totals(
            long itemCount,
            Money listCost,
            Money totalCost,
            Money effectiveCost,
            Money contractedCost,
            BigDecimal consumedQuantity,
            BigDecimal pricingQuantity) {
        this.itemCount = itemCount;
        this.listCost = listCost;
        this.totalCost = totalCost;
        this.effectiveCost = effectiveCost;
        this.contractedCost = contractedCost;
        this.consumedQuantity = consumedQuantity;
        this.pricingQuantity = pricingQuantity;
    }

    /**
     * Returns totals of the given measures, of items that report neither amortization nor a negotiated price: the
     * effective cost is the total cost, the contracted cost the list cost, and no quantity.
     *
     * @param itemCount the number of items, at least 0
     * @param listCost the list cost, not null
     * @param totalCost the total cost, not null, in the currency of {@code listCost}
     * @return the totals, never null
     */
    public static Totals of(long itemCount, Money listCost, Money totalCost) {
        return of(itemCount, listCost, totalCost, totalCost, listCost, null, null);
    }

    /**
     * Returns totals of the given measures.
     *
     * @param itemCount the number of items, at least 0
     * @param listCost the ListCost, not null
     * @param billedCost the BilledCost (the total cost), not null
     * @param effectiveCost the EffectiveCost, not null
     * @param contractedCost the ContractedCost, not null
     * @param consumedQuantity the sum of ConsumedQuantity, or null when no item reports one
     * @param pricingQuantity the sum of PricingQuantity, or null when no item reports one
     * @return the totals, never null
     * @throws IllegalArgumentException if the count is negative or the amounts are in different currencies
     */
    public static Totals of(
            long itemCount,
            Money listCost,
            Money billedCost,
            Money effectiveCost,
            Money contractedCost,
            BigDecimal consumedQuantity,
            BigDecimal pricingQuantity) {
        checkArgument(itemCount >= 0, "item count %s is negative", itemCount);
        requireNonNull(listCost, "listCost");
        checkCurrency(listCost, "total cost", requireNonNull(billedCost, "billedCost"));
        checkCurrency(listCost, "effective cost", requireNonNull(effectiveCost, "effectiveCost"));
        checkCurrency(listCost, "contracted cost", requireNonNull(contractedCost, "contractedCost"));
        return new Totals(
                itemCount, listCost, billedCost, effectiveCost, contractedCost, consumedQuantity, pricingQuantity);
    }

    private static void checkCurrency(Money listCost, String name, Money other) {
        checkArgument(
                listCost.currency().equals(other.currency()),
                "list cost %s and %s %s are in different currencies",
                listCost,
                name,
                other);
    }

    /** Returns the totals of one item. */
    static Totals of(LineItem item) {
        return new Totals(
                1,
                item.listCost(),
                item.totalCost(),
                CostMetric.EFFECTIVE_COST.of(item),
                CostMetric.CONTRACTED_COST.of(item),
                item.usageQuantity().orElse(null),
                item.pricingQuantity().orElse(null));
    }

    /** Returns the number of items. */
    public long itemCount() {
        return itemCount;
    }

    /** Returns the sum of the items' list cost (ListCost), never null. */
    public Money listCost() {
        return listCost;
    }

    /** Returns the sum of the items' total cost (BilledCost), never null. */
    public Money totalCost() {
        return totalCost;
    }

    /** Returns the sum of the items' EffectiveCost, never null. */
    public Money effectiveCost() {
        return effectiveCost;
    }

    /** Returns the sum of the items' ContractedCost, never null. */
    public Money contractedCost() {
        return contractedCost;
    }

    /**
     * Returns the sum of {@code metric} over the items, never null.
     *
     * @param metric the metric, not null
     * @return the sum, never null
     */
    public Money metric(CostMetric metric) {
        switch (requireNonNull(metric, "metric")) {
            case BILLED_COST:
                return totalCost;
            case EFFECTIVE_COST:
                return effectiveCost;
            case LIST_COST:
                return listCost;
            case CONTRACTED_COST:
                return contractedCost;
            default:
                throw new AssertionError("bug: unknown metric " + metric);
        }
    }

    /** Returns the sum of the ConsumedQuantity (usage quantity) of the items that report one. */
    public Optional<BigDecimal> consumedQuantity() {
        return Optional.ofNullable(consumedQuantity);
    }

    /** Returns the sum of the PricingQuantity of the items that report one. */
    public Optional<BigDecimal> pricingQuantity() {
        return Optional.ofNullable(pricingQuantity);
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
                totalCost.plus(other.totalCost),
                effectiveCost.plus(other.effectiveCost),
                contractedCost.plus(other.contractedCost),
                add(consumedQuantity, other.consumedQuantity),
                add(pricingQuantity, other.pricingQuantity));
    }

    private static BigDecimal add(BigDecimal a, BigDecimal b) {
        return a == null ? b : b == null ? a : a.add(b);
    }

    @Override
    public boolean equals(Object obj) {
        if (!(obj instanceof Totals)) {
            return false;
        }
        Totals other = (Totals) obj;
        return itemCount == other.itemCount
                && listCost.equals(other.listCost)
                && totalCost.equals(other.totalCost)
                && effectiveCost.equals(other.effectiveCost)
                && contractedCost.equals(other.contractedCost)
                && Objects.equals(consumedQuantity, other.consumedQuantity)
                && Objects.equals(pricingQuantity, other.pricingQuantity);
    }

    @Override
    public int hashCode() {
        return Objects.hash(
                itemCount, listCost, totalCost, effectiveCost, contractedCost, consumedQuantity, pricingQuantity);
    }

    @Override
    public String toString() {
        return "Totals[items=" + itemCount + ", listCost=" + listCost + ", totalCost=" + totalCost
                + ", effectiveCost=" + effectiveCost + ", contractedCost=" + contractedCost
                + (consumedQuantity == null ? "" : ", consumedQuantity=" + consumedQuantity.toPlainString())
                + (pricingQuantity == null ? "" : ", pricingQuantity=" + pricingQuantity.toPlainString()) + "]";
    }
}
