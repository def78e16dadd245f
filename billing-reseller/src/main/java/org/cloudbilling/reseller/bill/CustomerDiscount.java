package org.cloudbilling.reseller.bill;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;
import org.cloudbilling.core.id.BusinessCode;
import org.cloudbilling.core.id.OwnerUin;
import org.cloudbilling.reseller.internal.DiscountWording;

/**
 * An end customer's discount on Bill B (RES-10, RES-14): a multiplier for one customer, for all its products or
 * for one product (business code), applying to charges whose time is at or after {@code effectiveFrom}. The time
 * of a charge is its fee start for usage (postpaid) and its order time for prepaid (ATTR-1).
 *
 * <pre>{@code
 * CustomerDiscount.of(alice, new BigDecimal("0.9"));                             // always, every product
 * CustomerDiscount.from(alice, Instant.parse("2024-09-16T00:00:00+08:00"), new BigDecimal("0.8"));
 * CustomerDiscount.forProduct(alice, BusinessCode.of("p_cvm"), Instant.parse("2024-09-16T00:00:00+08:00"),
 *         new BigDecimal("0.7"));
 * }</pre>
 *
 * @param customer the end customer, not null
 * @param product the product it applies to; empty for every product of the customer
 * @param effectiveFrom the instant from which it applies, inclusive; {@link #BEGINNING_OF_TIME} for always
 * @param rate the multiplier, 0.9 is 10% off, in [0, 1]
 */
public record CustomerDiscount(
        OwnerUin customer, Optional<BusinessCode> product, Instant effectiveFrom, BigDecimal rate) {

    /** The effective-from of a discount that always applies, as set with the one-rate-per-customer shorthand. */
    public static final Instant BEGINNING_OF_TIME = Instant.MIN;

    /**
     * @throws IllegalArgumentException naming the customer and product if the rate is outside [0, 1]
     */
    public CustomerDiscount {
        requireNonNull(customer, "customer");
        requireNonNull(product, "product");
        requireNonNull(effectiveFrom, "effectiveFrom");
        requireNonNull(rate, "rate");
        checkArgument(
                rate.signum() >= 0 && rate.compareTo(BigDecimal.ONE) <= 0,
                "discount %s of customer %s, %s, %s is outside [0, 1]",
                rate.toPlainString(),
                customer,
                DiscountWording.scopeOf(product),
                DiscountWording.sinceOf(effectiveFrom));
    }

    /** Returns a discount of {@code customer} on every product, from the beginning of time. */
    public static CustomerDiscount of(OwnerUin customer, BigDecimal rate) {
        return new CustomerDiscount(customer, Optional.empty(), BEGINNING_OF_TIME, rate);
    }

    /** Returns a discount of {@code customer} on every product, from {@code effectiveFrom}. */
    public static CustomerDiscount from(OwnerUin customer, Instant effectiveFrom, BigDecimal rate) {
        return new CustomerDiscount(customer, Optional.empty(), effectiveFrom, rate);
    }

    /** Returns a discount of {@code customer} on {@code product} only, from {@code effectiveFrom}. */
    public static CustomerDiscount forProduct(
            OwnerUin customer, BusinessCode product, Instant effectiveFrom, BigDecimal rate) {
        return new CustomerDiscount(customer, Optional.of(product), effectiveFrom, rate);
    }

    /** Returns whether this discount is for one product rather than every product of the customer. */
    public boolean isProductSpecific() {
        return product.isPresent();
    }

    /** Returns whether this discount can apply to a charge of {@code owner} on {@code code} at {@code at}. */
    boolean appliesTo(OwnerUin owner, BusinessCode code, Instant at) {
        return customer.equals(owner) && product.map(code::equals).orElse(true) && !effectiveFrom.isAfter(at);
    }
}
