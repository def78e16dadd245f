package org.cloudbilling.reseller.distributor;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;
import org.cloudbilling.core.id.BusinessCode;
import org.cloudbilling.reseller.bill.CustomerDiscount;
import org.cloudbilling.reseller.internal.DiscountWording;

/**
 * The distributor's own discount from the provider (RES-13): a multiplier on the list price of the charges of its
 * second-level resellers' end customers, for every product or for one product (business code), applying to charges
 * whose time is at or after {@code effectiveFrom} (fee start for usage, order time for prepaid, as RES-14).
 *
 * <pre>{@code
 * DistributorDiscount.of(new BigDecimal("0.70"));                                   // 30% off, always
 * DistributorDiscount.forProduct(BusinessCode.of("p_cvm"), Instant.parse("2024-09-16T00:00:00+08:00"),
 *         new BigDecimal("0.65"));
 * }</pre>
 *
 * @param product the product it applies to; empty for every product
 * @param effectiveFrom the instant from which it applies, inclusive; {@link CustomerDiscount#BEGINNING_OF_TIME} for
 *     always
 * @param rate the multiplier, 0.7 is 30% off, in [0, 1]
 */
public record DistributorDiscount(Optional<BusinessCode> product, Instant effectiveFrom, BigDecimal rate) {

    /**
     * @throws IllegalArgumentException naming the product and effective-from if the rate is outside [0, 1]
     */
    public DistributorDiscount {
        requireNonNull(product, "product");
        requireNonNull(effectiveFrom, "effectiveFrom");
        requireNonNull(rate, "rate");
        checkArgument(
                rate.signum() >= 0 && rate.compareTo(BigDecimal.ONE) <= 0,
                "distributor discount %s on %s, %s, is outside [0, 1]",
                rate.toPlainString(),
                DiscountWording.scopeOf(product),
                DiscountWording.sinceOf(effectiveFrom));
    }

    /** Returns a discount on every product, from the beginning of time. */
    public static DistributorDiscount of(BigDecimal rate) {
        return new DistributorDiscount(Optional.empty(), CustomerDiscount.BEGINNING_OF_TIME, rate);
    }

    /** Returns a discount on every product, from {@code effectiveFrom}. */
    public static DistributorDiscount from(Instant effectiveFrom, BigDecimal rate) {
        return new DistributorDiscount(Optional.empty(), effectiveFrom, rate);
    }

    /** Returns a discount on {@code product} only, from {@code effectiveFrom}. */
    public static DistributorDiscount forProduct(BusinessCode product, Instant effectiveFrom, BigDecimal rate) {
        return new DistributorDiscount(Optional.of(product), effectiveFrom, rate);
    }

    /** Returns whether this discount is for one product rather than every product. */
    public boolean isProductSpecific() {
        return product.isPresent();
    }

    boolean appliesTo(BusinessCode code, Instant at) {
        return product.map(code::equals).orElse(true) && !effectiveFrom.isAfter(at);
    }
}
