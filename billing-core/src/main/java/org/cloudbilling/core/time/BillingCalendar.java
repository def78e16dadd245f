package org.cloudbilling.core.time;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/**
 * A provider's billing calendar: the zone its months and days are cut in, the day a month's bill is
 * issued, and the day from which rule changes apply to the current month.
 *
 * <pre>{@code
 * BillingCalendar cal = BillingCalendar.TENCENT;                        // UTC+8, issue day 5, cut-off day 3
 * cal.monthOf(Instant.parse("2024-08-31T16:00:00Z"));                   // 2024-09: already Sept 1st in UTC+8
 * cal.ruleMonth(Instant.parse("2024-11-02T10:00:00Z"));                 // 2024-10: submitted before the 3rd
 * BillingCalendar.UTC.monthOf(Instant.parse("2024-08-31T16:00:00Z"));  // 2024-08 in UTC
 * }</pre>
 *
 * <p>Calendars are immutable; pass one to every function that needs to know what day it is.
 */
public final class BillingCalendar {

    /** Tencent Cloud: UTC+8; bills issued on the 5th (RES-9); rules cut off on the 3rd (BACK-2, ALLOC-11). */
    public static final BillingCalendar TENCENT = new BillingCalendar(ZoneOffset.ofHours(8), 5, 3);

    /**
     * Huawei Cloud: UTC+8; a month's reconciliation lists are produced on the 3rd of the following month
     * (RECON-1), which is this calendar's issue day. Huawei's billing documents name no rule cut-off day; this
     * calendar uses the 3rd, as {@link #TENCENT} does. A host with another cut-off builds its own with
     * {@link #of}.
     */
    public static final BillingCalendar HUAWEI = new BillingCalendar(ZoneOffset.ofHours(8), 3, 3);

    /**
     * Months and days cut in UTC, with Tencent's days (bills issued on the 5th, rules cut off on the 3rd): for
     * data already in UTC, such as FOCUS datasets, whose periods are UTC by definition (FOCUS-2), and for tests
     * and samples that should not depend on a provider's zone. Equal to
     * {@code BillingCalendar.of(ZoneOffset.UTC, 5, 3)}.
     */
    public static final BillingCalendar UTC = new BillingCalendar(ZoneOffset.UTC, 5, 3);

    private final ZoneId zone;
    private final int issueDay;
    private final int ruleCutoffDay;

    private BillingCalendar(ZoneId zone, int issueDay, int ruleCutoffDay) {
        this.zone = zone;
        this.issueDay = issueDay;
        this.ruleCutoffDay = ruleCutoffDay;
    }

    /**
     * Returns a calendar.
     *
     * @param zone the zone months and days are cut in, not null
     * @param issueDay the day of the following month on which a month's bill is issued, 1 to 28
     * @param ruleCutoffDay the first day of a month whose submissions use that month's rules, 1 to 28
     * @return the calendar, never null
     * @throws IllegalArgumentException if a day is out of range
     */
    public static BillingCalendar of(ZoneId zone, int issueDay, int ruleCutoffDay) {
        requireNonNull(zone, "zone");
        checkArgument(issueDay >= 1 && issueDay <= 28, "issue day %s is not between 1 and 28", issueDay);
        checkArgument(
                ruleCutoffDay >= 1 && ruleCutoffDay <= 28,
                "rule cut-off day %s is not between 1 and 28",
                ruleCutoffDay);
        return new BillingCalendar(zone, issueDay, ruleCutoffDay);
    }

    /** Returns the zone months and days are cut in, never null. */
    public ZoneId zone() {
        return zone;
    }

    /** Returns the day of the following month on which a month's bill is issued. */
    public int issueDay() {
        return issueDay;
    }

    /** Returns the first day of a month whose submissions use that month's rules. */
    public int ruleCutoffDay() {
        return ruleCutoffDay;
    }

    /**
     * Returns the billing month {@code instant} falls in, in this calendar's zone.
     *
     * @param instant the instant, not null
     * @return the month, never null
     */
    public BillingMonth monthOf(Instant instant) {
        ZonedDateTime t = instant.atZone(zone);
        return BillingMonth.of(t.getYear(), t.getMonthValue());
    }

    /**
     * Returns the day {@code instant} falls on, in this calendar's zone.
     *
     * @param instant the instant, not null
     * @return the local date, never null
     */
    public LocalDate dayOf(Instant instant) {
        return instant.atZone(zone).toLocalDate();
    }

    /**
     * Returns the instants of {@code month}: from 00:00 on its first day to 00:00 on the next month's first
     * day, in this calendar's zone.
     *
     * @param month the month, not null
     * @return the interval, never null
     */
    public Interval interval(BillingMonth month) {
        return Interval.of(start(month), start(month.next()));
    }

    /**
     * Returns the first instant of {@code month}: 00:00 on its first day in this calendar's zone. This is
     * also the billing time of the month before (ATTR-3).
     *
     * @param month the month, not null
     * @return the instant, never null
     */
    public Instant start(BillingMonth month) {
        return month.yearMonth().atDay(1).atStartOfDay(zone).toInstant();
    }

    /**
     * Returns the instant {@code month}'s bill is issued: 00:00 on the issue day of the following month.
     *
     * @param month the month, not null
     * @return the instant, never null
     */
    public Instant issueTime(BillingMonth month) {
        return month.next().yearMonth().atDay(issueDay).atStartOfDay(zone).toInstant();
    }

    /**
     * Returns whether {@code month}'s bill is final at {@code now}: its issue time has come (RES-9).
     * Before that the month's figures are provisional.
     *
     * @param month the month, not null
     * @param now the current instant, from the caller's clock, not null
     */
    public boolean isFinal(BillingMonth month, Instant now) {
        return !now.isBefore(issueTime(month));
    }

    /**
     * Returns the month whose rules apply to something submitted or activated at {@code instant}: that
     * month in this calendar's zone, or the month before when the day is before the cut-off day
     * (BACK-2, ALLOC-11).
     *
     * @param instant the submission or activation time, not null
     * @return the month, never null
     */
    public BillingMonth ruleMonth(Instant instant) {
        ZonedDateTime t = instant.atZone(zone);
        BillingMonth month = BillingMonth.of(t.getYear(), t.getMonthValue());
        return t.getDayOfMonth() < ruleCutoffDay ? month.previous() : month;
    }

    @Override
    public boolean equals(Object obj) {
        if (!(obj instanceof BillingCalendar)) {
            return false;
        }
        BillingCalendar other = (BillingCalendar) obj;
        return zone.equals(other.zone) && issueDay == other.issueDay && ruleCutoffDay == other.ruleCutoffDay;
    }

    @Override
    public int hashCode() {
        return (zone.hashCode() * 31 + issueDay) * 31 + ruleCutoffDay;
    }

    @Override
    public String toString() {
        return "BillingCalendar[zone=" + zone + ", issueDay=" + issueDay + ", ruleCutoffDay=" + ruleCutoffDay + "]";
    }
}
