package org.cloudbilling.reseller;

import static com.google.common.base.Preconditions.checkArgument;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
import java.util.Map;
import org.cloudbilling.core.id.OwnerUin;
import org.cloudbilling.core.id.TagKey;
import org.immutables.value.Value;

/**
 * What a reseller has configured for its bills: whether Bill B shows end-customer discounts and the
 * reseller-perspective cost columns (RES-3, both off by default, as on the provider's allowlist), the discount
 * of each end customer (RES-10, 1 by default), and its billing tag keys with when each was defined (RES-11).
 *
 * <pre>{@code
 * ResellerSettings settings = ResellerSettings.builder()
 *         .reseller(PartnerUin.of("200000000001"))
 *         .currency(Currency.getInstance("CNY"))
 *         .customerDiscountsEnabled(true)
 *         .putCustomerDiscount(OwnerUin.of("100000000007"), new BigDecimal("0.9"))
 *         .putBillingTagKey(TagKey.of("project"), Instant.parse("2024-09-01T00:00:00Z"))
 *         .build();
 * }</pre>
 */
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

    /** Whether Bill B shows end-customer discounts; when off every customer pays list price. */
    @Value.Default
    public boolean customerDiscountsEnabled() {
        return false;
    }

    /** Whether Bill B shows the reseller-perspective cost columns (reseller discount, voucher, cost). */
    @Value.Default
    public boolean resellerPerspectiveEnabled() {
        return false;
    }

    /** The discount multiplier of each end customer: 0.9 is 10% off; a customer not listed has 1. */
    public abstract Map<OwnerUin, BigDecimal> customerDiscounts();

    /** The reseller's billing tag keys, each with the instant it was defined. */
    public abstract Map<TagKey, Instant> billingTagKeys();

    /** How long after its definition a billing tag key shows in bills; {@link #DEFAULT_TAG_KEY_DELAY} by default. */
    @Value.Default
    public Duration tagKeyDelay() {
        return DEFAULT_TAG_KEY_DELAY;
    }

    /** Returns the discount multiplier Bill B applies to {@code customer}: 1 unless discounts are enabled. */
    public final BigDecimal customerDiscount(OwnerUin customer) {
        return customerDiscountsEnabled() ? customerDiscounts().getOrDefault(customer, BigDecimal.ONE) : BigDecimal.ONE;
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
        checkArgument(
                !tagKeyDelay().isNegative(), "reseller %s: tag key delay %s is negative", reseller(), tagKeyDelay());
    }
}
