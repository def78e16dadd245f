package org.cloudbilling.reseller.channel;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Optional;
import org.cloudbilling.core.time.Interval;

/**
 * How long a relation holds: from an instant, start-inclusive, until an end-exclusive instant or open-ended. A
 * binding of a customer to a reseller (RES-1) and a membership of an organization (ORG-3) are tenures.
 *
 * @param from the first instant the relation holds, not null
 * @param until the first instant it no longer holds; empty while it still holds
 */
public record Tenure(Instant from, Optional<Instant> until) {

    /**
     * @throws IllegalArgumentException if {@code until} is not after {@code from}
     */
    public Tenure {
        requireNonNull(from, "from");
        requireNonNull(until, "until");
        until.ifPresent(end -> checkArgument(end.isAfter(from), "tenure end %s is not after its start %s", end, from));
    }

    /** Returns the open-ended tenure from {@code from}, never null. */
    public static Tenure since(Instant from) {
        return new Tenure(from, Optional.empty());
    }

    /** Returns the tenure {@code [from, until)}, never null. */
    public static Tenure between(Instant from, Instant until) {
        return new Tenure(from, Optional.of(until));
    }

    /** Returns whether the relation holds at {@code instant}. */
    public boolean contains(Instant instant) {
        return !instant.isBefore(from) && until.map(instant::isBefore).orElse(true);
    }

    /** Returns whether the relation holds during the whole of {@code interval}. */
    public boolean covers(Interval interval) {
        return !interval.start().isBefore(from)
                && until.map(end -> !interval.end().isAfter(end)).orElse(true);
    }

    /** Returns whether the relation holds during some part of {@code interval}. */
    public boolean overlaps(Interval interval) {
        return interval.end().isAfter(from)
                && until.map(end -> interval.start().isBefore(end)).orElse(true);
    }

    /** Returns whether the two tenures share an instant. */
    public boolean overlaps(Tenure other) {
        boolean thisBeforeOtherEnds = other.until.map(from::isBefore).orElse(true);
        boolean otherBeforeThisEnds = until.map(other.from::isBefore).orElse(true);
        return thisBeforeOtherEnds && otherBeforeThisEnds;
    }

    /**
     * Returns this tenure ended at {@code at}.
     *
     * @throws IllegalArgumentException if the tenure already ended, or {@code at} is not after its start
     */
    public Tenure endedAt(Instant at) {
        checkArgument(until.isEmpty(), "tenure from %s already ended at %s", from, until.orElse(null));
        return between(from, at);
    }

    @Override
    public String toString() {
        return "[" + from + ", " + until.map(Instant::toString).orElse("open") + ")";
    }
}
