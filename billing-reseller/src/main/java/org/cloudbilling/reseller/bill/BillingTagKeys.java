package org.cloudbilling.reseller.bill;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableMap;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.cloudbilling.core.id.TagKey;

/**
 * The billing tag keys an account that pays for others has defined, each with when it was defined: a tag key of
 * another account's resource shows in its bills only once it has defined a billing tag key of the same name, and
 * only from a delay after that (one day by default). A reseller's keys work so (RES-11), and so do a group
 * admin's that pays on behalf of its members (ORG-7).
 *
 * <pre>{@code
 * BillingTagKeys keys = BillingTagKeys.of(Map.of(TagKey.of("project"), Instant.parse("2024-09-01T00:00:00Z")));
 * keys.visible(item.tags(), asOf);   // only "project", from 2024-09-02T00:00:00Z on
 * }</pre>
 *
 * @param definedAt each billing tag key with the instant it was defined, not null
 * @param delay how long after its definition a key shows in bills, not negative, not null
 */
public record BillingTagKeys(Map<TagKey, Instant> definedAt, Duration delay) {

    /** The default delay after which a newly defined billing tag key shows in bills: one day. */
    public static final Duration DEFAULT_DELAY = Duration.ofDays(1);

    /**
     * @throws IllegalArgumentException if the delay is negative
     */
    public BillingTagKeys {
        definedAt = ImmutableMap.copyOf(definedAt);
        requireNonNull(delay, "delay");
        checkArgument(!delay.isNegative(), "tag key delay %s is negative", delay);
    }

    /** Returns the keys {@code definedAt} with the default delay, never null. */
    public static BillingTagKeys of(Map<TagKey, Instant> definedAt) {
        return new BillingTagKeys(definedAt, DEFAULT_DELAY);
    }

    /** Returns no billing tag keys: no other account's tag shows, never null. */
    public static BillingTagKeys none() {
        return of(Map.of());
    }

    /** Returns whether bills produced at {@code asOf} show tag key {@code key}. */
    public boolean shows(TagKey key, Instant asOf) {
        requireNonNull(asOf, "asOf");
        Instant defined = definedAt.get(key);
        return defined != null && !defined.plus(delay).isAfter(asOf);
    }

    /** Returns the part of {@code tags} that bills produced at {@code asOf} show, in their order, never null. */
    public ImmutableMap<TagKey, String> visible(Map<TagKey, String> tags, Instant asOf) {
        ImmutableMap.Builder<TagKey, String> out = ImmutableMap.builder();
        tags.forEach((k, v) -> {
            if (shows(k, asOf)) {
                out.put(k, v);
            }
        });
        return out.build();
    }
}
