package org.cloudbilling.reseller.bill;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.cloudbilling.core.id.BusinessCode;
import org.cloudbilling.core.id.OwnerUin;
import org.cloudbilling.core.id.TagKey;
import org.cloudbilling.reseller.channel.PartnerUin;
import org.cloudbilling.reseller.internal.DiscountWording;
import org.immutables.value.Value;

/**
 * What a reseller has configured for its bills: whether Bill B shows end-customer discounts and the
 * reseller-perspective cost columns (RES-3, both off by default, as on the provider's allowlist), the discount
 * of each end customer (RES-10, 1 by default), per customer and optionally per product from an instant (RES-14), and its billing tag keys with when each was defined (RES-11).
 *
 * <pre>{@code
 * ResellerSettings settings = ResellerSettings.builder()
 *         .reseller(PartnerUin.of("200000000001"))
 *         .currency(Currency.getInstance("CNY"))
 *         .addBillBFeature(BillBFeature.CUSTOMER_DISCOUNTS)
 *         .putCustomerDiscount(OwnerUin.of("100000000007"), new BigDecimal("0.9"))
 *         .addDiscounts(CustomerDiscount.forProduct(OwnerUin.of("100000000007"), BusinessCode.of("p_cvm"),
 *                 Instant.parse("2024-09-16T00:00:00+08:00"), new BigDecimal("0.8")))
 *         .putBillingTagKey(TagKey.of("project"), Instant.parse("2024-09-01T00:00:00Z"))
 *         .build();
 * }</pre>
 */
// Immutables' annotations are for its generator only; clients need not read their module.
@SuppressWarnings("exports")
@Value.Immutable
public abstract class ResellerSettings {

    /** The default delay after which a newly defined billing tag key shows in bills: one day (RES-11). */
    public static final Duration DEFAULT_TAG_KEY_DELAY = BillingTagKeys.DEFAULT_DELAY;

    ResellerSettings() {}

    /** Returns a builder of settings. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link ResellerSettings}. */
    public static final class Builder extends ImmutableResellerSettings.Builder {
        Builder() {}
    }

    /** The reseller (or distributor) whose bills these are. */
    public abstract PartnerUin reseller();

    /** The currency of its bills. */
    public abstract Currency currency();

    /** What Bill B shows beyond list prices and customer vouchers (RES-3); empty by default. */
    public abstract Set<BillBFeature> billBFeatures();

    /** Returns whether Bill B shows end-customer discounts; when not, every customer pays list price. */
    public final boolean customerDiscountsEnabled() {
        return billBFeatures().contains(BillBFeature.CUSTOMER_DISCOUNTS);
    }

    /** Returns whether Bill B shows the reseller-perspective cost columns (reseller discount, voucher, cost). */
    public final boolean resellerPerspectiveEnabled() {
        return billBFeatures().contains(BillBFeature.RESELLER_PERSPECTIVE);
    }

    /**
     * The discount multiplier of each end customer from the beginning of time, on every product: 0.9 is 10% off; a
     * customer without any discount has 1. The shorthand of {@link CustomerDiscount#of}; see {@link #discounts()}.
     */
    public abstract Map<OwnerUin, BigDecimal> customerDiscounts();

    /**
     * End-customer discounts per customer and optionally per product, each from an instant (RES-14), besides the
     * shorthand {@link #customerDiscounts()}. No two may share customer, product and effective-from.
     */
    public abstract List<CustomerDiscount> discounts();

    /** Returns every discount, the shorthand ones included, by customer, never null. */
    @Value.Lazy
    Map<OwnerUin, List<CustomerDiscount>> discountsByCustomer() {
        Map<OwnerUin, List<CustomerDiscount>> out = new HashMap<>();
        customerDiscounts()
                .forEach((customer, rate) ->
                        out.computeIfAbsent(customer, c -> new ArrayList<>()).add(CustomerDiscount.of(customer, rate)));
        discounts()
                .forEach(d -> out.computeIfAbsent(d.customer(), c -> new ArrayList<>())
                        .add(d));
        return out;
    }

    /** The reseller's billing tag keys, each with the instant it was defined. */
    public abstract Map<TagKey, Instant> billingTagKeys();

    /** How long after its definition a billing tag key shows in bills; {@link #DEFAULT_TAG_KEY_DELAY} by default. */
    @Value.Default
    public Duration tagKeyDelay() {
        return DEFAULT_TAG_KEY_DELAY;
    }

    /**
     * Returns the shorthand discount multiplier of {@code customer} ({@link #customerDiscounts()}): 1 unless discounts
     * are enabled. Bill B applies {@link #discountFor} per charge (RES-14).
     */
    public final BigDecimal customerDiscount(OwnerUin customer) {
        return customerDiscountsEnabled() ? customerDiscounts().getOrDefault(customer, BigDecimal.ONE) : BigDecimal.ONE;
    }

    /**
     * Returns the discount Bill B applies to a charge of {@code customer} on {@code product} at {@code at} (RES-14):
     * among the discounts of the customer effective at or before {@code at}, a product-specific one wins over the
     * customer-wide ones, then the latest effective-from wins; empty when none applies or discounts are not enabled
     * (then the rate is 1).
     *
     * @param customer the end customer, not null
     * @param product the business code of the charge, not null
     * @param at the time of the charge: fee start for usage, order time for prepaid
     */
    public final Optional<CustomerDiscount> discountFor(OwnerUin customer, BusinessCode product, Instant at) {
        requireNonNull(product, "product");
        requireNonNull(at, "at");
        if (!customerDiscountsEnabled()) {
            return Optional.empty();
        }
        return discountsByCustomer().getOrDefault(customer, List.of()).stream()
                .filter(d -> d.appliesTo(customer, product, at))
                .max(Comparator.comparing(CustomerDiscount::isProductSpecific)
                        .thenComparing(CustomerDiscount::effectiveFrom));
    }

    /** Returns the billing tag keys with their delay, the mechanism bills show tags by (RES-11), never null. */
    public final BillingTagKeys tagKeys() {
        return new BillingTagKeys(billingTagKeys(), tagKeyDelay());
    }

    /** Returns whether bills produced at {@code asOf} show tag key {@code key} (RES-11). */
    public final boolean showsTagKey(TagKey key, Instant asOf) {
        return tagKeys().shows(key, asOf);
    }

    @Value.Check
    final void check() {
        customerDiscounts()
                .forEach((customer, rate) -> checkArgument(
                        rate.signum() >= 0,
                        "reseller %s: discount %s of customer %s is negative",
                        reseller(),
                        rate.toPlainString(),
                        customer));
        customerDiscounts()
                .forEach((customer, rate) -> checkArgument(
                        rate.compareTo(BigDecimal.ONE) <= 0,
                        "reseller %s: discount %s of customer %s is above 1",
                        reseller(),
                        rate.toPlainString(),
                        customer));
        Set<List<Object>> seen = new HashSet<>();
        discountsByCustomer().values().stream()
                .flatMap(List::stream)
                .forEach(d -> checkArgument(
                        seen.add(List.of(d.customer(), d.product(), d.effectiveFrom())),
                        "reseller %s: customer %s, %s, has two discounts %s",
                        reseller(),
                        d.customer(),
                        DiscountWording.scopeOf(d.product()),
                        DiscountWording.sinceOf(d.effectiveFrom())));
        checkArgument(
                !tagKeyDelay().isNegative(), "reseller %s: tag key delay %s is negative", reseller(), tagKeyDelay());
    }
}
