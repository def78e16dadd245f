package org.cloudbilling.core.time;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;

/**
 * A span of time that includes its start and excludes its end, {@code [start, end)}, the form FOCUS uses
 * (FOCUS-2) and every period in this library takes.
 *
 * <pre>{@code
 * Interval hour = Interval.of(Instant.parse("2024-09-18T22:00:00Z"), Instant.parse("2024-09-18T23:00:00Z"));
 * hour.contains(Instant.parse("2024-09-18T23:00:00Z"));   // false: the end is excluded
 * }</pre>
 */
public final class Interval {
    private final Instant start;
    private final Instant end;

    private Interval(Instant start, Instant end) {
        this.start = start;
        this.end = end;
    }

    /**
     * Returns the interval {@code [start, end)}.
     *
     * @param start the first instant inside, not null
     * @param end the first instant after, not null
     * @return the interval, never null
     * @throws IllegalArgumentException if {@code end} is not after {@code start}
     */
    public static Interval of(Instant start, Instant end) {
        requireNonNull(start, "start");
        requireNonNull(end, "end");
        checkArgument(end.isAfter(start), "interval end %s is not after its start %s", end, start);
        return new Interval(start, end);
    }

    /**
     * Returns the interval from {@code start} through the whole second {@code lastSecond}, as providers write
     * fee periods ({@code 2024-09-30 23:59:59}): the exclusive end is one second later.
     *
     * @param start the first instant inside, not null
     * @param lastSecond the last second inside, not null
     * @return the interval {@code [start, lastSecond + 1s)}, never null
     * @throws IllegalArgumentException if {@code lastSecond} is before {@code start}
     */
    public static Interval ofInclusiveEnd(Instant start, Instant lastSecond) {
        return of(start, lastSecond.plusSeconds(1));
    }

    /** Returns the first instant inside, never null. */
    public Instant start() {
        return start;
    }

    /** Returns the first instant after the interval, never null. */
    public Instant end() {
        return end;
    }

    /** Returns the length, always positive. */
    public Duration duration() {
        return Duration.between(start, end);
    }

    /**
     * Returns whether {@code instant} lies in {@code [start, end)}.
     *
     * @param instant the instant, not null
     */
    public boolean contains(Instant instant) {
        return !instant.isBefore(start) && instant.isBefore(end);
    }

    /**
     * Returns whether this interval lies wholly within {@code other}.
     *
     * @param other the enclosing interval, not null
     */
    public boolean isWithin(Interval other) {
        return !start.isBefore(other.start) && !end.isAfter(other.end);
    }

    /**
     * Returns whether the two intervals share at least one instant.
     *
     * @param other the other interval, not null
     */
    public boolean overlaps(Interval other) {
        return start.isBefore(other.end) && other.start.isBefore(end);
    }

    @Override
    public boolean equals(Object obj) {
        return obj instanceof Interval && ((Interval) obj).start.equals(start) && ((Interval) obj).end.equals(end);
    }

    @Override
    public int hashCode() {
        return start.hashCode() * 31 + end.hashCode();
    }

    /** Returns {@code [start, end)} in ISO-8601. */
    @Override
    public String toString() {
        return "[" + start + ", " + end + ")";
    }
}
