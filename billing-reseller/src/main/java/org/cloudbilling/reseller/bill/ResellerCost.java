package org.cloudbilling.reseller.bill;

import static java.util.Objects.requireNonNull;

import org.cloudbilling.core.money.Money;

/**
 * The reseller-perspective columns Bill B shows only where enabled for the reseller (RES-3), never to an end
 * customer.
 *
 * @param resellerDiscount the reseller's discount on the row, not null
 * @param resellerVoucher the reseller's voucher expenditure on the row, not null
 * @param cost the reseller's cost of the row, not null
 */
public record ResellerCost(Money resellerDiscount, Money resellerVoucher, Money cost) {
    public ResellerCost {
        requireNonNull(resellerDiscount, "resellerDiscount");
        requireNonNull(resellerVoucher, "resellerVoucher");
        requireNonNull(cost, "cost");
    }
}
