package org.cloudbilling.core.io;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * The times the readers accept (IO-3): whole seconds, in the years 1 to 9998 (UTC), from {@link #FIRST} to
 * {@link #LAST}, the end of year 9998. What a reader accepts, every writer of the library can write, and every later step can
 * compute with: a FOCUS export writes times as {@code YYYY-MM-DDTHH:mm:ssZ} (FOCUS-2), four digits of year and
 * no fraction of a second, and the billing period of a time in year 9998 ends in 9998 or 9999 in any calendar,
 * while one of December 9999 would end in year 10000.
 *
 * <pre>{@code
 * SupportedTimes.check(Instant.parse("2024-09-10T04:00:00Z"));     // the instant
 * SupportedTimes.check(Instant.parse("2024-09-10T04:00:00.5Z"));   // IllegalArgumentException
 * SupportedTimes.check(Instant.parse("9999-01-01T00:00:01Z"));     // IllegalArgumentException, naming the range
 * }</pre>
 */
public final class SupportedTimes {
    /** The first time supported: {@code 0001-01-01T00:00:00Z}. */
    public static final Instant FIRST = Instant.parse("0001-01-01T00:00:00Z");

    /**
     * The last time supported: {@code 9999-01-01T00:00:00Z}, the exclusive end of a period that ends with year 9998.
     */
    public static final Instant LAST = Instant.parse("9999-01-01T00:00:00Z");

    private static final Instant WRITABLE_FIRST = Instant.parse("0000-01-01T00:00:00Z");
    private static final Instant WRITABLE_END = Instant.parse("+10000-01-01T00:00:00Z");

    private SupportedTimes() {}

    /**
     * Returns {@code time} when it is supported.
     *
     * @param time the time, not null
     * @return {@code time}, never null
     * @throws IllegalArgumentException if it has a fraction of a second or lies outside the years 1 to 9998, with
     *     a message naming the time and the supported range
     */
    public static Instant check(Instant time) {
        requireNonNull(time, "time");
        if (time.isBefore(FIRST) || time.isAfter(LAST)) {
            throw new IllegalArgumentException("time " + time + " is outside the supported range, the years 1 to 9998"
                    + " (" + FIRST + " to " + LAST + ")");
        }
        if (time.getNano() != 0) {
            throw new IllegalArgumentException("time " + time + " has a fraction of a second; times are whole seconds"
                    + " (FOCUS-2 writes YYYY-MM-DDTHH:mm:ssZ)");
        }
        return time;
    }

    /**
     * Returns {@code time} when a FOCUS export can write it as {@code YYYY-MM-DDTHH:mm:ssZ} (FOCUS-2): whole
     * seconds in the years 0 to 9999. The billing period of a {@link #check supported} charge always can be, in
     * any calendar; readers take such times for the columns derived from a charge's times, such as a FOCUS
     * BillingPeriodStart.
     *
     * @param time the time, not null
     * @return {@code time}, never null
     * @throws IllegalArgumentException if it has a fraction of a second or lies outside the years 0 to 9999
     */
    public static Instant checkWritable(Instant time) {
        requireNonNull(time, "time");
        if (time.isBefore(WRITABLE_FIRST) || !time.isBefore(WRITABLE_END)) {
            throw new IllegalArgumentException("time " + time + " cannot be written with a four-digit year: it is"
                    + " outside the years 0 to 9999");
        }
        if (time.getNano() != 0) {
            throw new IllegalArgumentException("time " + time + " has a fraction of a second; times are whole seconds"
                    + " (FOCUS-2 writes YYYY-MM-DDTHH:mm:ssZ)");
        }
        return time;
    }
}
