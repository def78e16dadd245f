package org.cloudbilling.reseller.bill;

import static java.util.Objects.requireNonNull;

import org.cloudbilling.core.id.OwnerUin;
import org.cloudbilling.core.money.Money;
import org.cloudbilling.core.time.BillingMonth;
import org.cloudbilling.reseller.channel.PartnerUin;

/**
 * One revision of one end customer's bill for one month from its reseller: what confirmation works on, as a whole
 * or for part of its total (RES-7). {@link BillB#customerBill} makes one from Bill B.
 *
 * <p>A bill is identified by its {@link #customerMonth() customer-month}, not by its total (RES-12): the bill of
 * the same customer, reseller and month computed again (provisional, then final on the issue day, or restated
 * later) is a new revision of the same bill, and {@link org.cloudbilling.reseller.confirmation.Confirmation}
 * carries what was confirmed of one revision over to the next. Only an issued bill ({@link BillStatus#FINAL},
 * RES-9) can be confirmed.
 *
 * @param customer the end customer, not null
 * @param reseller the reseller that bills it, not null
 * @param month the month, not null
 * @param status {@link BillStatus#PROVISIONAL} before the month's issue day, {@link BillStatus#FINAL} from then on
 *     (RES-9), not null
 * @param total the bill's total, negative in a month of refunds, not null
 */
public record CustomerBill(OwnerUin customer, PartnerUin reseller, BillingMonth month, BillStatus status, Money total) {
    public CustomerBill {
        requireNonNull(customer, "customer");
        requireNonNull(reseller, "reseller");
        requireNonNull(month, "month");
        requireNonNull(status, "status");
        requireNonNull(total, "total");
    }

    /** Returns which bill this is a revision of: its customer, reseller and month, never null. */
    public CustomerMonth customerMonth() {
        return new CustomerMonth(customer, reseller, month);
    }

    /** Returns whether the bill is issued, so that it can be confirmed (RES-9). */
    public boolean isIssued() {
        return status == BillStatus.FINAL;
    }
}
