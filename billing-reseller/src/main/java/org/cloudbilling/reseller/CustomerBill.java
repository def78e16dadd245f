package org.cloudbilling.reseller;

import static java.util.Objects.requireNonNull;

import org.cloudbilling.core.id.OwnerUin;
import org.cloudbilling.core.money.Money;
import org.cloudbilling.core.time.BillingMonth;

/**
 * One end customer's bill for one month from its reseller: what confirmation works on, as a whole (RES-7).
 *
 * @param customer the end customer, not null
 * @param reseller the reseller that bills it, not null
 * @param month the month, not null
 * @param total the bill's total, not null
 */
public record CustomerBill(OwnerUin customer, PartnerUin reseller, BillingMonth month, Money total) {
    public CustomerBill {
        requireNonNull(customer, "customer");
        requireNonNull(reseller, "reseller");
        requireNonNull(month, "month");
        requireNonNull(total, "total");
    }
}
