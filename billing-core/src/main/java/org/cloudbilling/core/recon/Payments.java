package org.cloudbilling.core.recon;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;

/**
 * The amount due of a reconciliation row and how it was paid (RECON-4): amount due = cash payment + credit payment
 * + cash coupon used, exactly.
 *
 * @param officialTotalAmount the price at the official list price, not null
 * @param amountDue what the customer owes after discounts, not null
 * @param cashPayment paid in cash, not null
 * @param creditPayment paid on credit, not null
 * @param cashCouponUsed paid with cash coupons, not null
 */
public record Payments(
        BigDecimal officialTotalAmount,
        BigDecimal amountDue,
        BigDecimal cashPayment,
        BigDecimal creditPayment,
        BigDecimal cashCouponUsed) {

    /**
     * Checks RECON-4.
     *
     * @throws IllegalArgumentException if the payments do not add up to the amount due
     */
    public Payments {
        requireNonNull(officialTotalAmount, "officialTotalAmount");
        requireNonNull(amountDue, "amountDue");
        requireNonNull(cashPayment, "cashPayment");
        requireNonNull(creditPayment, "creditPayment");
        requireNonNull(cashCouponUsed, "cashCouponUsed");
        BigDecimal paid = cashPayment.add(creditPayment).add(cashCouponUsed);
        checkArgument(
                paid.compareTo(amountDue) == 0,
                "cash %s + credit %s + cash coupons %s = %s, not the amount due %s (RECON-4)",
                cashPayment.toPlainString(),
                creditPayment.toPlainString(),
                cashCouponUsed.toPlainString(),
                paid.toPlainString(),
                amountDue.toPlainString());
    }

    /** Returns these payments plus {@code other}'s, column by column. */
    public Payments plus(Payments other) {
        return new Payments(
                officialTotalAmount.add(other.officialTotalAmount),
                amountDue.add(other.amountDue),
                cashPayment.add(other.cashPayment),
                creditPayment.add(other.creditPayment),
                cashCouponUsed.add(other.cashCouponUsed));
    }
}
