package org.cloudbilling.core.bill;

import static com.google.common.base.Preconditions.checkArgument;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.time.Instant;
import java.util.Optional;
import org.cloudbilling.core.id.ResourceId;
import org.cloudbilling.core.id.Tag;
import org.cloudbilling.core.internal.BillingStyle;
import org.cloudbilling.core.time.Interval;
import org.immutables.value.Value;

/**
 * A tag a resource carried over a span of time: bound at {@link #boundAt()}, and, once it ended, unbound or
 * gone with the resource at {@link #endedAt()}. The span includes its start and excludes its end.
 *
 * <pre>{@code
 * TagBinding b = TagBinding.of(ResourceId.of("ins-1"), Tag.of("team", "web"), Instant.parse("2024-09-01T00:00:00Z"))
 *         .endedAt(Instant.parse("2024-09-17T00:00:00Z"), TagBinding.End.UNBOUND);
 * }</pre>
 */
@Value.Immutable
@BillingStyle
@JsonSerialize(as = ImmutableTagBinding.class)
@JsonDeserialize(as = ImmutableTagBinding.class)
public abstract class TagBinding {

    /** How a binding ended. */
    public enum End {
        /** The tag was removed from the resource. */
        UNBOUND,
        /** The resource was terminated with the tag still on it. */
        RESOURCE_TERMINATED
    }

    TagBinding() {}

    /**
     * Returns a binding of {@code tag} to {@code resource} from {@code boundAt} on, not yet ended.
     *
     * @param resource the resource, not null
     * @param tag the tag, not null
     * @param boundAt when the tag was bound, not null
     * @return the binding, never null
     */
    public static TagBinding of(ResourceId resource, Tag tag, Instant boundAt) {
        return ImmutableTagBinding.builder()
                .resourceId(resource)
                .tag(tag)
                .boundAt(boundAt)
                .build();
    }

    /** The resource the tag is bound to. */
    public abstract ResourceId resourceId();

    /** The tag. */
    public abstract Tag tag();

    /** When the tag was bound. */
    public abstract Instant boundAt();

    /** When the binding ended; empty while it lasts. */
    public abstract Optional<Instant> endedAt();

    /** How the binding ended; present exactly when {@link #endedAt()} is. */
    public abstract Optional<End> end();

    /**
     * Returns this binding ended at {@code at} for {@code reason}.
     *
     * @param at the end, after {@link #boundAt()}, not null
     * @param reason why it ended, not null
     * @return the ended binding, never null
     */
    public TagBinding endedAt(Instant at, End reason) {
        return ImmutableTagBinding.builder().from(this).endedAt(at).end(reason).build();
    }

    /** Returns whether the resource carried the tag at {@code instant}. */
    public boolean isActiveAt(Instant instant) {
        return !instant.isBefore(boundAt()) && endedAt().map(instant::isBefore).orElse(true);
    }

    /** Returns whether the resource carried the tag at any instant of {@code interval}. */
    public boolean overlaps(Interval interval) {
        return boundAt().isBefore(interval.end())
                && endedAt().map(e -> e.isAfter(interval.start())).orElse(true);
    }

    @Value.Check
    final void check() {
        checkArgument(
                endedAt().isPresent() == end().isPresent(),
                "tag binding %s on %s: endedAt and end go together (endedAt=%s, end=%s)",
                tag(),
                resourceId(),
                endedAt().orElse(null),
                end().orElse(null));
        endedAt()
                .ifPresent(e -> checkArgument(
                        e.isAfter(boundAt()),
                        "tag binding %s on %s: endedAt %s is not after boundAt %s",
                        tag(),
                        resourceId(),
                        e,
                        boundAt()));
    }
}
