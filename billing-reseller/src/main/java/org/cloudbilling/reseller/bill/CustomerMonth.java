package org.cloudbilling.reseller.bill;

import static java.util.Objects.requireNonNull;

import org.cloudbilling.core.id.OwnerUin;
import org.cloudbilling.core.time.BillingMonth;
import org.cloudbilling.reseller.channel.PartnerUin;

/**
 * Which customer bill a bill is, whatever its total (RES-12): one end customer's bill from one reseller for one
 * month. Every revision of that bill (provisional, then final, then restated) has the same customer-month, and
 * confirmation is counted per customer-month, so what was confirmed of one revision stays confirmed of the next.
 *
 * <pre>{@code
 * CustomerMonth september = new CustomerMonth(OwnerUin.of("100000000101"), reseller, BillingMonth.of(2024, 9));
 * }</pre>
 *
 * @param customer the end customer, not null
 * @param reseller the reseller that bills it, not null
 * @param month the month billed, not null
 */
public record CustomerMonth(OwnerUin customer, PartnerUin reseller, BillingMonth month) {
    public CustomerMonth {
        requireNonNull(customer, "customer");
        requireNonNull(reseller, "reseller");
        requireNonNull(month, "month");
    }

    /** Returns {@code "the bill of <customer> for <month>"}, as refusals name it. */
    @Override
    public String toString() {
        return "the bill of " + customer + " for " + month;
    }
}
