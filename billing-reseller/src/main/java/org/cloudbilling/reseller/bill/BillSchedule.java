package org.cloudbilling.reseller.bill;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.time.LocalDate;
import org.cloudbilling.core.time.BillingCalendar;
import org.cloudbilling.core.time.BillingMonth;

/**
 * The bill schedule (RES-9): a month's customer bill is issued on the calendar's issue day of the following
 * month (the 5th, UTC+8, for {@link BillingCalendar#TENCENT}); before that it is provisional. Data of the current
 * month runs to the previous day.
 *
 * <pre>{@code
 * BillSchedule.status(BillingCalendar.TENCENT, BillingMonth.of(2024, 9), Instant.parse("2024-10-04T15:59:59Z"));  // PROVISIONAL
 * BillSchedule.status(BillingCalendar.TENCENT, BillingMonth.of(2024, 9), Instant.parse("2024-10-04T16:00:00Z"));  // FINAL
 * }</pre>
 */
public final class BillSchedule {
    private BillSchedule() {}

    /**
     * Returns whether {@code month}'s bill is final at {@code asOf}.
     *
     * @param calendar the provider's calendar, not null
     * @param month the month billed, not null
     * @param asOf the current instant, from the caller's clock, not null
     * @return the status, never null
     */
    public static BillStatus status(BillingCalendar calendar, BillingMonth month, Instant asOf) {
        requireNonNull(month, "month");
        return calendar.isFinal(month, asOf) ? BillStatus.FINAL : BillStatus.PROVISIONAL;
    }

    /**
     * Returns the last day whose data bills produced at {@code asOf} contain: the day before {@code asOf}'s day in
     * the calendar's zone.
     *
     * @param calendar the provider's calendar, not null
     * @param asOf the current instant, not null
     * @return the day, never null
     */
    public static LocalDate dataThrough(BillingCalendar calendar, Instant asOf) {
        return calendar.dayOf(asOf).minusDays(1);
    }
}
