package org.cloudbilling.core.time;

import static java.util.Objects.requireNonNull;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * A calendar month that a bill covers, written {@code 2024-09}. Which instants belong to it depends on
 * the provider's zone: ask a {@link BillingCalendar}.
 */
public final class BillingMonth implements Comparable<BillingMonth> {
    private final YearMonth month;

    private BillingMonth(YearMonth month) {
        this.month = month;
    }

    /**
     * Returns the month {@code year-month}.
     *
     * @param year the year
     * @param month the month, 1 to 12
     * @return the billing month, never null
     * @throws java.time.DateTimeException if the month is out of range
     */
    public static BillingMonth of(int year, int month) {
        return new BillingMonth(YearMonth.of(year, month));
    }

    /**
     * Returns the billing month of {@code month}.
     *
     * @param month the month, not null
     * @return the billing month, never null
     */
    public static BillingMonth of(YearMonth month) {
        return new BillingMonth(requireNonNull(month, "month"));
    }

    /**
     * Parses {@code 2024-09}.
     *
     * @param text the month as {@code yyyy-MM}, not null
     * @return the billing month, never null
     * @throws IllegalArgumentException if the text is not a month of that form
     */
    public static BillingMonth parse(String text) {
        requireNonNull(text, "text");
        try {
            return new BillingMonth(YearMonth.parse(text));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("billing month '" + text + "' is not of the form 2024-09", e);
        }
    }

    /** Returns the month as a {@link YearMonth}, never null. */
    public YearMonth yearMonth() {
        return month;
    }

    /** Returns this month plus {@code months} (negative to go back), never null. */
    public BillingMonth plusMonths(long months) {
        return new BillingMonth(month.plusMonths(months));
    }

    /** Returns the following month, never null. */
    public BillingMonth next() {
        return plusMonths(1);
    }

    /** Returns the preceding month, never null. */
    public BillingMonth previous() {
        return plusMonths(-1);
    }

    /**
     * Returns the number of months from this month to {@code other}: 0 for the same month, negative when
     * {@code other} comes first.
     *
     * @param other the other month, not null
     */
    public long monthsUntil(BillingMonth other) {
        return month.until(other.month, ChronoUnit.MONTHS);
    }

    /** Returns whether this month comes before {@code other}. */
    public boolean isBefore(BillingMonth other) {
        return month.isBefore(other.month);
    }

    /** Returns whether this month comes after {@code other}. */
    public boolean isAfter(BillingMonth other) {
        return month.isAfter(other.month);
    }

    @Override
    public int compareTo(BillingMonth other) {
        return month.compareTo(other.month);
    }

    @Override
    public boolean equals(Object obj) {
        return obj instanceof BillingMonth && ((BillingMonth) obj).month.equals(month);
    }

    @Override
    public int hashCode() {
        return month.hashCode();
    }

    /** Returns {@code yyyy-MM}, such as {@code 2024-09}. */
    @Override
    public String toString() {
        return month.toString();
    }
}
