package org.cloudbilling.reseller.internal;

import java.time.Instant;
import org.cloudbilling.core.time.BillingCalendar;
import org.cloudbilling.core.time.BillingMonth;
import org.cloudbilling.core.time.Interval;

/** Not API: the instants a month's bills are about (ATTR-3, RES-9), shared by bills, distributor bills and views. */
public final class BillTimes {
    private BillTimes() {}

    /**
     * Returns the instants whose bindings can bring a charge into {@code month}'s bills: the month itself and its
     * billing time, 00:00 on the 1st of the next month (ATTR-3).
     */
    public static Interval billingWindow(BillingCalendar calendar, BillingMonth month) {
        Interval m = calendar.interval(month);
        return Interval.of(m.start(), m.end().plusNanos(1));
    }

    /**
     * Returns the first instant whose charges bills produced at {@code asOf} leave out: 00:00 of {@code asOf}'s
     * day in the calendar's zone (RES-9).
     */
    public static Instant dataCutoff(BillingCalendar calendar, Instant asOf) {
        return calendar.dayOf(asOf).atStartOfDay(calendar.zone()).toInstant();
    }
}
