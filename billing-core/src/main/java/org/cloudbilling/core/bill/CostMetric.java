package org.cloudbilling.core.bill;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.util.Optional;
import org.cloudbilling.core.money.Money;

/**
 * A cost metric of FOCUS that consolidation and allocation can run on (FOCUS-11), each with its one definition on a
 * {@link LineItem}, used by consolidation and by the FOCUS export alike:
 *
 * <ul>
 *   <li>{@link #BILLED_COST}: the total cost, what is invoiced ({@link LineItem#totalCost()});
 *   <li>{@link #EFFECTIVE_COST}: the amortized cost as reported ({@link LineItem#effectiveCost()}), else the total
 *       cost: a source that reports no amortization has nothing to spread;
 *   <li>{@link #LIST_COST}: the cost at list price ({@link LineItem#listCost()});
 *   <li>{@link #CONTRACTED_COST}: the cost at the negotiated price as reported ({@link LineItem#contractedCost()}),
 *       else the list cost times the discount rate when one is reported, else the list cost.
 * </ul>
 *
 * <p>An item read from a provider's FOCUS dataset (one that carries {@link LineItem#attributes() attributes}) reports
 * the metrics itself: where its EffectiveCost or ContractedCost cell is null, the metric is zero (a null adds
 * nothing, as SQL's {@code SUM} has it), never a value the library made up.
 *
 * <pre>{@code
 * Money amortized = CostMetric.EFFECTIVE_COST.of(item);
 * CostMetric m = CostMetric.parse("ContractedCost");   // CONTRACTED_COST
 * }</pre>
 */
public enum CostMetric {
    /** FOCUS BilledCost, the default metric. */
    BILLED_COST("BilledCost"),
    /** FOCUS EffectiveCost, the amortized view. */
    EFFECTIVE_COST("EffectiveCost"),
    /** FOCUS ListCost. */
    LIST_COST("ListCost"),
    /** FOCUS ContractedCost. */
    CONTRACTED_COST("ContractedCost");

    private final String focusName;

    CostMetric(String focusName) {
        this.focusName = focusName;
    }

    /** Returns the FOCUS column of the metric, such as {@code BilledCost}. */
    public String focusName() {
        return focusName;
    }

    /**
     * Returns the metric's amount for {@code item}, in the item's currency.
     *
     * @param item the item, not null
     * @return the amount, never null
     * @throws IllegalArgumentException for {@link #CONTRACTED_COST} derived from a discount rate, when the product
     *     of list cost and rate has more decimals than money holds
     */
    public Money of(LineItem item) {
        switch (this) {
            case BILLED_COST:
                return item.totalCost();
            case EFFECTIVE_COST:
                return item.effectiveCost().orElse(isCarried(item) ? Money.zero(item.currency()) : item.totalCost());
            case LIST_COST:
                return item.listCost();
            case CONTRACTED_COST:
                Optional<Money> reported = item.contractedCost();
                if (reported.isPresent()) {
                    return reported.get();
                }
                if (isCarried(item)) {
                    return Money.zero(item.currency());
                }
                if (item.discountRate().isEmpty()) {
                    return item.listCost();
                }
                BigDecimal product =
                        item.listCost().amount().multiply(item.discountRate().get());
                try {
                    return Money.of(item.currency(), product);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(
                            "line item " + item.id() + ": ContractedCost, list cost times discount rate, is "
                                    + product.toPlainString() + ": " + e.getMessage(),
                            e);
                }
            default:
                throw new AssertionError("bug: unknown metric " + this);
        }
    }

    /**
     * Returns the item as one billed at this metric: its total cost is the metric's amount, and the payment fields,
     * which add up to the billed cost, are cleared; every other field is kept. An engine that allocates the total
     * cost (the allocation) then allocates this metric, and conserves it exactly.
     *
     * @param item the item, not null
     * @return the item itself for {@link #BILLED_COST}, else the view, never null
     */
    public LineItem view(LineItem item) {
        if (this == BILLED_COST) {
            return requireNonNull(item, "item");
        }
        Money amount = of(item);
        return LineItem.builder()
                .from(item)
                .totalCost(amount)
                .cashPaid(Optional.empty())
                .voucherPaid(Optional.empty())
                .incentivePaid(Optional.empty())
                .transferPaid(Optional.empty())
                .creditPaid(Optional.empty())
                .couponPaid(Optional.empty())
                .build();
    }

    /** Whether the item was read from a provider's FOCUS dataset, which reports its metrics itself. */
    private static boolean isCarried(LineItem item) {
        return !item.attributes().isEmpty();
    }

    /**
     * Returns the metric named {@code name}: its FOCUS column name, such as {@code EffectiveCost}.
     *
     * @param name the name, not null
     * @return the metric, never null
     * @throws IllegalArgumentException if no metric has that name, listing the names there are
     */
    public static CostMetric parse(String name) {
        requireNonNull(name, "name");
        for (CostMetric m : values()) {
            if (m.focusName.equals(name)) {
                return m;
            }
        }
        throw new IllegalArgumentException(
                "unknown cost metric '" + name + "'; known: BilledCost, EffectiveCost, ListCost, ContractedCost");
    }

    @Override
    public String toString() {
        return focusName;
    }
}
