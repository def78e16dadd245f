package org.cloudbilling.reseller.bill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cloudbilling.reseller.Fixtures.t;

import java.time.LocalDate;
import java.time.ZoneOffset;
import org.cloudbilling.core.time.BillingCalendar;
import org.cloudbilling.core.time.BillingMonth;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("RES-9")
class BillScheduleTest {
    private static final BillingMonth SEPTEMBER = BillingMonth.of(2024, 9);

    @Test
    void status_beforeThe5thInUtc8_isProvisional_fromThenFinal() {
        assertThat(BillSchedule.status(BillingCalendar.TENCENT, SEPTEMBER, t("2024-10-04T23:59:59")))
                .isEqualTo(BillStatus.PROVISIONAL);
        assertThat(BillSchedule.status(BillingCalendar.TENCENT, SEPTEMBER, t("2024-10-05T00:00")))
                .isEqualTo(BillStatus.FINAL);
        assertThat(BillSchedule.status(BillingCalendar.TENCENT, SEPTEMBER, t("2024-09-20T00:00")))
                .isEqualTo(BillStatus.PROVISIONAL);
    }

    @Test
    void status_anotherCalendar_usesItsZoneAndIssueDay() {
        BillingCalendar utc = BillingCalendar.of(ZoneOffset.UTC, 3, 3);
        // 2024-10-03T00:00Z is 08:00 in UTC+8: final in UTC with issue day 3
        assertThat(BillSchedule.status(utc, SEPTEMBER, t("2024-10-03T08:00"))).isEqualTo(BillStatus.FINAL);
        assertThat(BillSchedule.status(utc, SEPTEMBER, t("2024-10-03T07:59"))).isEqualTo(BillStatus.PROVISIONAL);
    }

    @Test
    void dataThrough_isThePreviousDayInTheProvidersZone() {
        assertThat(BillSchedule.dataThrough(BillingCalendar.TENCENT, t("2024-09-17T00:30")))
                .isEqualTo(LocalDate.of(2024, 9, 16));
    }
}
