package org.cloudbilling.core.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class BillingCalendarTest {
    private static final BillingCalendar TENCENT = BillingCalendar.TENCENT;

    @Test
    void monthOf_cutsMonthsInTheProvidersZone() {
        // 23:59:59 on 31 August in UTC is 07:59:59 on 1 September in UTC+8
        assertThat(TENCENT.monthOf(Instant.parse("2024-08-31T15:59:59Z"))).isEqualTo(BillingMonth.of(2024, 8));
        assertThat(TENCENT.monthOf(Instant.parse("2024-08-31T16:00:00Z"))).isEqualTo(BillingMonth.of(2024, 9));
        assertThat(TENCENT.dayOf(Instant.parse("2024-08-31T16:00:00Z"))).isEqualTo(LocalDate.of(2024, 9, 1));
    }

    @Test
    void interval_isStartInclusiveEndExclusive() {
        Interval sept = TENCENT.interval(BillingMonth.of(2024, 9));
        assertThat(sept.start()).isEqualTo(Instant.parse("2024-08-31T16:00:00Z"));
        assertThat(sept.end()).isEqualTo(Instant.parse("2024-09-30T16:00:00Z"));
        assertThat(sept.contains(sept.start())).isTrue();
        assertThat(sept.contains(sept.end())).isFalse();
        assertThat(TENCENT.interval(BillingMonth.of(2024, 12)).end()).isEqualTo(Instant.parse("2024-12-31T16:00:00Z"));
    }

    @Test
    void ruleMonth_beforeTheThird_isThePreviousMonth_BACK2_ALLOC11() {
        // 23:59 on 2 November in UTC+8: still before the cut-off
        assertThat(TENCENT.ruleMonth(Instant.parse("2024-11-02T15:59:00Z"))).isEqualTo(BillingMonth.of(2024, 10));
        // 00:00 on 3 November in UTC+8: the cut-off day itself uses November's rules
        assertThat(TENCENT.ruleMonth(Instant.parse("2024-11-02T16:00:00Z"))).isEqualTo(BillingMonth.of(2024, 11));
        // 1 January is before the 3rd: the previous year's December
        assertThat(TENCENT.ruleMonth(Instant.parse("2025-01-01T01:00:00Z"))).isEqualTo(BillingMonth.of(2024, 12));
    }

    @Test
    void isFinal_fromTheIssueDayInTheProvidersZone() {
        BillingMonth sept = BillingMonth.of(2024, 9);
        assertThat(TENCENT.issueTime(sept)).isEqualTo(Instant.parse("2024-10-04T16:00:00Z"));
        assertThat(TENCENT.isFinal(sept, Instant.parse("2024-10-04T15:59:59Z"))).isFalse();
        assertThat(TENCENT.isFinal(sept, Instant.parse("2024-10-04T16:00:00Z"))).isTrue();
    }

    @Test
    void of_refusesDaysOutOfRange() {
        assertThatThrownBy(() -> BillingCalendar.of(ZoneOffset.UTC, 29, 3))
                .hasMessage("issue day 29 is not between 1 and 28");
        assertThatThrownBy(() -> BillingCalendar.of(ZoneOffset.UTC, 5, 0))
                .hasMessage("rule cut-off day 0 is not between 1 and 28");
    }

    @Test
    void billingMonth_parsesAndCounts() {
        assertThat(BillingMonth.parse("2024-09").plusMonths(4)).isEqualTo(BillingMonth.of(2025, 1));
        assertThat(BillingMonth.of(2024, 8).monthsUntil(BillingMonth.of(2024, 12)))
                .isEqualTo(4);
        assertThatThrownBy(() -> BillingMonth.parse("2024/09")).hasMessageContaining("not of the form 2024-09");
    }

    @Test
    void interval_refusesAnEndNotAfterItsStart_andConvertsInclusiveEnds() {
        Instant t = Instant.parse("2024-09-01T00:00:00Z");
        assertThatThrownBy(() -> Interval.of(t, t)).hasMessageContaining("is not after its start");
        Interval day = Interval.ofInclusiveEnd(t, Instant.parse("2024-09-01T23:59:59Z"));
        assertThat(day.end()).isEqualTo(Instant.parse("2024-09-02T00:00:00Z"));
    }
}
