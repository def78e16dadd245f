package org.cloudbilling.core.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import org.cloudbilling.core.recon.ReconciliationLists;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The named calendars: each one's zone and days, and what they mean for a month at its edges. */
class BillingCalendarConstantsTest {

    @Test
    void utc_isUtc_issueDay5_cutoffDay3_asTheSamplesBuiltIt() {
        assertThat(BillingCalendar.UTC.zone()).isEqualTo(ZoneOffset.UTC);
        assertThat(BillingCalendar.UTC.issueDay()).isEqualTo(5);
        assertThat(BillingCalendar.UTC.ruleCutoffDay()).isEqualTo(3);
        assertThat(BillingCalendar.UTC).isEqualTo(BillingCalendar.of(ZoneOffset.UTC, 5, 3));
    }

    @Test
    void utc_cutsMonthsAtUtcMidnight_whereTencentIsAlreadyInTheNextMonth() {
        // 2024-08-31T16:00Z is 00:00 on 1 September in UTC+8, still 31 August in UTC
        Instant lastEightHours = Instant.parse("2024-08-31T16:00:00Z");
        assertThat(BillingCalendar.UTC.monthOf(lastEightHours)).isEqualTo(BillingMonth.of(2024, 8));
        assertThat(BillingCalendar.TENCENT.monthOf(lastEightHours)).isEqualTo(BillingMonth.of(2024, 9));
        assertThat(BillingCalendar.UTC.interval(BillingMonth.of(2024, 9)))
                .isEqualTo(Interval.of(Instant.parse("2024-09-01T00:00:00Z"), Instant.parse("2024-10-01T00:00:00Z")));
    }

    @Test
    @Tag("RES-9")
    void utc_issuesSeptembersBill_at00UtcOnThe5thOfOctober() {
        assertThat(BillingCalendar.UTC.issueTime(BillingMonth.of(2024, 9)))
                .isEqualTo(Instant.parse("2024-10-05T00:00:00Z"));
        assertThat(BillingCalendar.UTC.isFinal(BillingMonth.of(2024, 9), Instant.parse("2024-10-04T23:59:59Z")))
                .isFalse();
    }

    @Test
    @Tag("BACK-2")
    void utc_ruleMonth_beforeThe3rdInUtc_isThePreviousMonth() {
        assertThat(BillingCalendar.UTC.ruleMonth(Instant.parse("2024-11-02T23:59:59Z")))
                .isEqualTo(BillingMonth.of(2024, 10));
        assertThat(BillingCalendar.UTC.ruleMonth(Instant.parse("2024-11-03T00:00:00Z")))
                .isEqualTo(BillingMonth.of(2024, 11));
    }

    @Test
    void huawei_isUtcPlus8_issueDay3_cutoffDay3() {
        assertThat(BillingCalendar.HUAWEI.zone()).isEqualTo(ZoneOffset.ofHours(8));
        assertThat(BillingCalendar.HUAWEI.issueDay()).isEqualTo(3);
        assertThat(BillingCalendar.HUAWEI.ruleCutoffDay()).isEqualTo(3);
        assertThat(BillingCalendar.HUAWEI).isNotEqualTo(BillingCalendar.TENCENT);
    }

    @Test
    @Tag("RECON-1")
    void huawei_issuesSeptembersLists_at00UtcPlus8OnThe3rdOfOctober_whenTheyAreProduced() {
        // 00:00 on 3 October in UTC+8 is 16:00 on 2 October in UTC
        Instant third = Instant.parse("2024-10-02T16:00:00Z");
        assertThat(BillingCalendar.HUAWEI.issueTime(BillingMonth.of(2024, 9))).isEqualTo(third);
        assertThat(ReconciliationLists.productionTime(BillingMonth.of(2024, 9), BillingCalendar.HUAWEI))
                .isEqualTo(third);
        assertThat(BillingCalendar.HUAWEI.isFinal(BillingMonth.of(2024, 9), third))
                .isTrue();
        assertThat(BillingCalendar.HUAWEI.isFinal(BillingMonth.of(2024, 9), third.minusSeconds(1)))
                .isFalse();
    }
}
