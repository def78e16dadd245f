package org.cloudbilling.reseller.organization;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import org.cloudbilling.core.bill.LineItem;
import org.cloudbilling.core.money.Money;

/**
 * A row of a member's bill priced with the inherited contract discount (ORG-11): the list cost, the inherited
 * discount (zero for a charge before the discount was granted) and the cost after it, exact, never rounded.
 *
 * @param item the member's line item, not null
 * @param listCost the item's list cost, not null
 * @param inheritedDiscount the admin's contract discount on it, zero or the list cost times (1 - rate), not null
 * @param cost the list cost minus the inherited discount, not null
 */
public record InheritedDiscountRow(LineItem item, Money listCost, Money inheritedDiscount, Money cost) {
    /**
     * @throws IllegalArgumentException if the cost is not the list cost minus the discount
     */
    public InheritedDiscountRow {
        requireNonNull(item, "item");
        requireNonNull(listCost, "listCost");
        requireNonNull(inheritedDiscount, "inheritedDiscount");
        requireNonNull(cost, "cost");
        checkArgument(
                listCost.minus(inheritedDiscount).equals(cost),
                "row %s: cost %s is not list cost %s minus inherited discount %s",
                item.id(),
                cost,
                listCost,
                inheritedDiscount);
    }
}
