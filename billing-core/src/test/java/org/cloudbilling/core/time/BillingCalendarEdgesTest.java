package org.cloudbilling.core.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

class BillingCalendarEdgesTest {
    /** Calendars are built inside each test, so that mutation testing attributes their checks to it. */
    private static BillingCalendar utc(int issueDay, int ruleCutoffDay) {
        return BillingCalendar.of(ZoneOffset.UTC, issueDay, ruleCutoffDay);
    }

    @Test
    void of_firstAndTwentyEighthDays_areAccepted() {
        assertThat(utc(1, 1).issueDay()).isEqualTo(1);
        assertThat(utc(1, 1).ruleCutoffDay()).isEqualTo(1);
        assertThat(utc(28, 28).issueDay()).isEqualTo(28);
        assertThat(utc(28, 28).ruleCutoffDay()).isEqualTo(28);
        assertThat(utc(1, 1).zone()).isEqualTo(ZoneOffset.UTC);
    }

    @Test
    void of_dayZeroOrTwentyNine_isRefusedNamingTheDay() {
        assertThatThrownBy(() -> BillingCalendar.of(ZoneOffset.UTC, 0, 3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("issue day 0 is not between 1 and 28");
        assertThatThrownBy(() -> BillingCalendar.of(ZoneOffset.UTC, 5, 29))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("rule cut-off day 29 is not between 1 and 28");
        assertThatThrownBy(() -> BillingCalendar.of(null, 5, 3))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("zone");
    }

    @Test
    void tencent_isUtcPlus8_issueDay5_cutoffDay3() {
        assertThat(BillingCalendar.TENCENT.zone()).isEqualTo(ZoneOffset.ofHours(8));
        assertThat(BillingCalendar.TENCENT.issueDay()).isEqualTo(5);
        assertThat(BillingCalendar.TENCENT.ruleCutoffDay()).isEqualTo(3);
        assertThat(BillingCalendar.TENCENT).isEqualTo(BillingCalendar.of(ZoneOffset.ofHours(8), 5, 3));
    }

    @Test
    @Tag("RES-9")
    void issueTime_onTheTwentyEighth_ofTheFollowingMonth_evenAfterFebruary() {
        // February 2024's bill is issued on 28 March; December's on 28 January of the next year
        assertThat(utc(28, 28).issueTime(BillingMonth.of(2024, 2))).isEqualTo(Instant.parse("2024-03-28T00:00:00Z"));
        assertThat(utc(28, 28).issueTime(BillingMonth.of(2024, 12))).isEqualTo(Instant.parse("2025-01-28T00:00:00Z"));
        assertThat(utc(1, 1).issueTime(BillingMonth.of(2024, 1))).isEqualTo(Instant.parse("2024-02-01T00:00:00Z"));
    }

    @Test
    @Tag("RES-9")
    void isFinal_exactlyAtTheIssueInstant_isFinal_oneNanoBefore_isNot() {
        Instant issue = Instant.parse("2024-10-04T16:00:00Z");
        BillingMonth sept = BillingMonth.of(2024, 9);

        assertThat(BillingCalendar.TENCENT.isFinal(sept, issue.minusNanos(1))).isFalse();
        assertThat(BillingCalendar.TENCENT.isFinal(sept, issue)).isTrue();
        assertThat(BillingCalendar.TENCENT.isFinal(sept, issue.plusNanos(1))).isTrue();
    }

    @Test
    void interval_leapFebruary_hasTwentyNineDays_andCommonFebruaryTwentyEight() {
        Interval leap = utc(1, 1).interval(BillingMonth.of(2024, 2));
        Interval common = utc(1, 1).interval(BillingMonth.of(2023, 2));
        Interval leap2000 = utc(1, 1).interval(BillingMonth.of(2000, 2));
        Interval notLeap1900 = utc(1, 1).interval(BillingMonth.of(1900, 2));

        assertThat(leap.end()).isEqualTo(Instant.parse("2024-03-01T00:00:00Z"));
        assertThat(leap.duration().toDays()).isEqualTo(29);
        assertThat(common.duration().toDays()).isEqualTo(28);
        assertThat(leap2000.duration().toDays()).isEqualTo(29);
        assertThat(notLeap1900.duration().toDays()).isEqualTo(28);
    }

    @Test
    void interval_acrossADaylightSavingChange_isCutAtLocalMidnight() {
        // Sao Paulo had no DST in 2024; New York moved to EDT on 10 March 2024
        BillingCalendar newYork = BillingCalendar.of(ZoneId.of("America/New_York"), 5, 3);

        Interval march = newYork.interval(BillingMonth.of(2024, 3));

        assertThat(march.start()).isEqualTo(Instant.parse("2024-03-01T05:00:00Z"));
        assertThat(march.end()).isEqualTo(Instant.parse("2024-04-01T04:00:00Z"));
        assertThat(march.duration().toHours()).isEqualTo(31 * 24 - 1);
    }

    @Test
    void start_isTheFirstInstantOfTheMonth_inTheZone() {
        assertThat(BillingCalendar.TENCENT.start(BillingMonth.of(2025, 1)))
                .isEqualTo(Instant.parse("2024-12-31T16:00:00Z"));
        assertThat(utc(1, 1).start(BillingMonth.of(2025, 1))).isEqualTo(Instant.parse("2025-01-01T00:00:00Z"));
    }

    @Test
    void monthOfAndDayOf_lastNanoOfAMonth_staysInIt() {
        Instant lastNano = Instant.parse("2024-12-31T23:59:59.999999999Z");

        assertThat(utc(1, 1).monthOf(lastNano)).isEqualTo(BillingMonth.of(2024, 12));
        assertThat(utc(1, 1).dayOf(lastNano)).isEqualTo(LocalDate.of(2024, 12, 31));
        assertThat(utc(1, 1).monthOf(lastNano.plusNanos(1))).isEqualTo(BillingMonth.of(2025, 1));
        assertThat(utc(1, 1).dayOf(lastNano.plusNanos(1))).isEqualTo(LocalDate.of(2025, 1, 1));
    }

    @Test
    @Tag("BACK-2")
    @Tag("ALLOC-11")
    void ruleMonth_cutoffDayOne_isAlwaysTheSameMonth() {
        assertThat(utc(1, 1).ruleMonth(Instant.parse("2024-03-01T00:00:00Z"))).isEqualTo(BillingMonth.of(2024, 3));
        assertThat(utc(1, 1).ruleMonth(Instant.parse("2024-03-31T23:59:59Z"))).isEqualTo(BillingMonth.of(2024, 3));
    }

    @Test
    @Tag("BACK-2")
    @Tag("ALLOC-11")
    void ruleMonth_cutoffDay28_dayBeforeIsThePreviousMonth_dayItselfIsNot() {
        assertThat(utc(28, 28).ruleMonth(Instant.parse("2024-03-27T23:59:59Z"))).isEqualTo(BillingMonth.of(2024, 2));
        assertThat(utc(28, 28).ruleMonth(Instant.parse("2024-03-28T00:00:00Z"))).isEqualTo(BillingMonth.of(2024, 3));
        assertThat(utc(28, 28).ruleMonth(Instant.parse("2024-02-29T12:00:00Z"))).isEqualTo(BillingMonth.of(2024, 2));
    }

    @Test
    void equals_comparesZoneAndBothDays_andHashCodeAgrees() {
        BillingCalendar c = BillingCalendar.of(ZoneOffset.UTC, 5, 3);

        assertThat(c).isEqualTo(BillingCalendar.of(ZoneOffset.UTC, 5, 3));
        assertThat(c).hasSameHashCodeAs(BillingCalendar.of(ZoneOffset.UTC, 5, 3));
        assertThat(c).isNotEqualTo(BillingCalendar.of(ZoneOffset.ofHours(1), 5, 3));
        assertThat(c).isNotEqualTo(BillingCalendar.of(ZoneOffset.UTC, 6, 3));
        assertThat(c).isNotEqualTo(BillingCalendar.of(ZoneOffset.UTC, 5, 4));
        assertThat(c).isNotEqualTo(ZoneOffset.UTC);
        assertThat(c.hashCode())
                .isNotEqualTo(BillingCalendar.of(ZoneOffset.UTC, 6, 3).hashCode());
        assertThat(c.hashCode())
                .isNotEqualTo(BillingCalendar.of(ZoneOffset.UTC, 5, 4).hashCode());
        assertThat(c).hasToString("BillingCalendar[zone=Z, issueDay=5, ruleCutoffDay=3]");
    }

    @Test
    void billingMonth_orderAndNeighbours_acrossAYearEnd() {
        BillingMonth dec = BillingMonth.of(2024, 12);
        BillingMonth jan = BillingMonth.of(YearMonth.of(2025, 1));

        assertThat(dec.next()).isEqualTo(jan);
        assertThat(jan.previous()).isEqualTo(dec);
        assertThat(dec.isBefore(jan)).isTrue();
        assertThat(jan.isBefore(dec)).isFalse();
        assertThat(dec.isBefore(dec)).isFalse();
        assertThat(jan.isAfter(dec)).isTrue();
        assertThat(dec.isAfter(jan)).isFalse();
        assertThat(dec.isAfter(dec)).isFalse();
        assertThat(dec.compareTo(jan)).isNegative();
        assertThat(jan.compareTo(dec)).isPositive();
        assertThat(dec.compareTo(BillingMonth.parse("2024-12"))).isZero();
        assertThat(jan.monthsUntil(dec)).isEqualTo(-1);
        assertThat(dec.plusMonths(-12)).isEqualTo(BillingMonth.of(2023, 12));
        assertThat(jan.yearMonth()).isEqualTo(YearMonth.of(2025, 1));
        assertThat(jan).hasToString("2025-01");
    }

    @Test
    void billingMonth_equalsAndHashCode_byMonth() {
        assertThat(BillingMonth.of(2024, 9)).isEqualTo(BillingMonth.parse("2024-09"));
        assertThat(BillingMonth.of(2024, 9)).hasSameHashCodeAs(BillingMonth.parse("2024-09"));
        assertThat(BillingMonth.of(2024, 9)).isNotEqualTo(BillingMonth.of(2024, 10));
        assertThat(BillingMonth.of(2024, 9)).isNotEqualTo(YearMonth.of(2024, 9));
        assertThatThrownBy(() -> BillingMonth.of(null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("month");
        assertThatThrownBy(() -> BillingMonth.parse("2024-13"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("billing month '2024-13' is not of the form 2024-09");
    }
}
