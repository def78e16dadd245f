package org.cloudbilling.examples.cli;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import org.cloudbilling.core.bill.ActionType;
import org.cloudbilling.core.bill.LineItem;
import org.cloudbilling.core.bill.PayMode;
import org.cloudbilling.core.recon.BillingMode;
import org.cloudbilling.core.time.BillingCalendar;

/**
 * {@code reconcile --estimate-order-terms}: for a source that does not report an order's billing mode, quantity and
 * duration (a Tencent bill does not), an estimate the user asks for by name. The library never guesses them
 * (RECON-5); this program does only when told to, for the prepaid items that carry none: the mode and duration
 * from the fee period in the calendar's zone (a whole number of years is Yearly, of months Monthly, otherwise Daily
 * with the days it touches) and a quantity of 1. What an item carries is kept.
 */
final class OrderTermsEstimate {
    private OrderTermsEstimate() {}

    static LineItem estimate(LineItem item, BillingCalendar calendar) {
        if (item.payMode() != PayMode.PREPAID) {
            return item;
        }
        LineItem.Builder b = LineItem.builder().from(item);
        ZonedDateTime start = item.feePeriod().start().atZone(calendar.zone());
        ZonedDateTime end = item.feePeriod().end().atZone(calendar.zone());
        BillingMode mode;
        BigDecimal duration;
        long months = ChronoUnit.MONTHS.between(start, end);
        if (months > 0 && start.plusMonths(months).equals(end) && months % 12 == 0) {
            mode = BillingMode.YEARLY;
            duration = BigDecimal.valueOf(months / 12);
        } else if (months > 0 && start.plusMonths(months).equals(end)) {
            mode = BillingMode.MONTHLY;
            duration = BigDecimal.valueOf(months);
        } else {
            mode = BillingMode.DAILY;
            LocalDateTime endDay = end.toLocalDate().atStartOfDay();
            long days = ChronoUnit.DAYS.between(start.toLocalDate(), end.toLocalDate())
                    + (end.toLocalDateTime().isAfter(endDay) ? 1 : 0);
            duration = BigDecimal.valueOf(Math.max(1, days));
        }
        if (item.billingMode().isEmpty() && item.actionType() != ActionType.REFUND) {
            b.billingMode(mode);
        }
        if (item.purchaseDuration().isEmpty()) {
            b.purchaseDuration(duration);
        }
        if (item.purchaseQuantity().isEmpty()) {
            b.purchaseQuantity(1);
        }
        return b.build();
    }
}
