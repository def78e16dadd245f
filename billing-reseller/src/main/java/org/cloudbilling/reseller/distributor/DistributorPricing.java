package org.cloudbilling.reseller.distributor;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.cloudbilling.core.id.BusinessCode;
import org.cloudbilling.reseller.channel.PartnerUin;
import org.cloudbilling.reseller.internal.DiscountWording;

/**
 * What a distributor pays the provider for its second-level resellers' charges (RES-13): its currency and its own
 * discounts over time. A charge gets, among the discounts effective at its time, a product-specific one before an
 * every-product one, then the latest; with none, the distributor pays list price (rate 1).
 *
 * <pre>{@code
 * DistributorPricing pricing = new DistributorPricing(DIST, Currency.getInstance("CNY"), List.of(
 *         DistributorDiscount.of(new BigDecimal("0.70")),
 *         DistributorDiscount.forProduct(BusinessCode.of("p_cvm"), Instant.parse("2024-09-16T00:00:00+08:00"),
 *                 new BigDecimal("0.65"))));
 * }</pre>
 *
 * @param distributor the distributor, not null
 * @param currency the currency of its bills, not null
 * @param discounts its discounts; no two share product and effective-from, not null
 */
public record DistributorPricing(PartnerUin distributor, Currency currency, List<DistributorDiscount> discounts) {

    /**
     * @throws IllegalArgumentException naming the distributor, the product and the effective-from when two discounts
     *     share them (their periods would overlap)
     */
    public DistributorPricing {
        requireNonNull(distributor, "distributor");
        requireNonNull(currency, "currency");
        discounts = ImmutableList.copyOf(discounts);
        Set<List<Object>> seen = new HashSet<>();
        for (DistributorDiscount d : discounts) {
            checkArgument(
                    seen.add(List.of(d.product(), d.effectiveFrom())),
                    "distributor %s: two discounts on %s, %s, overlap",
                    distributor,
                    DiscountWording.scopeOf(d.product()),
                    DiscountWording.sinceOf(d.effectiveFrom()));
        }
    }

    /** Returns the pricing of a distributor without any discount: it pays list price. */
    public static DistributorPricing listPrice(PartnerUin distributor, Currency currency) {
        return new DistributorPricing(distributor, currency, List.of());
    }

    /**
     * Returns the discount the distributor gets on a charge of {@code product} at {@code at}; empty when none applies
     * (rate 1).
     */
    public Optional<DistributorDiscount> discountFor(BusinessCode product, Instant at) {
        requireNonNull(product, "product");
        requireNonNull(at, "at");
        return discounts.stream()
                .filter(d -> d.appliesTo(product, at))
                .max(Comparator.comparing(DistributorDiscount::isProductSpecific)
                        .thenComparing(DistributorDiscount::effectiveFrom));
    }

    /** Returns the rate of {@link #discountFor}, 1 when none applies. */
    public BigDecimal rateFor(BusinessCode product, Instant at) {
        return discountFor(product, at).map(DistributorDiscount::rate).orElse(BigDecimal.ONE);
    }
}
