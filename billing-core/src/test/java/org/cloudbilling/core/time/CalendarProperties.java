package org.cloudbilling.core.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** Invariants of months, days and intervals that hold for any instant and any calendar. */
class CalendarProperties {
    /** Seconds from 1900 to 2200, so that every month boundary and leap year in between is reachable. */
    private static final Gen<Instant> INSTANTS =
            longs().between(-2_208_988_800L, 7_258_118_400L).map(s -> Instant.ofEpochSecond(s));

    private static final Gen<BillingCalendar> CALENDARS = integers()
            .between(-12, 14)
            .zip(
                    integers().between(1, 28),
                    integers().between(1, 28),
                    (h, issue, cutoff) -> BillingCalendar.of(ZoneOffset.ofHours(h), issue, cutoff));

    @Test
    void monthOf_instantLiesInItsMonthsInterval_andTheMonthsTile() {
        qt().forAll(INSTANTS, CALENDARS).checkAssert((t, cal) -> {
            BillingMonth m = cal.monthOf(t);
            Interval interval = cal.interval(m);
            assertThat(interval.contains(t)).isTrue();
            assertThat(interval.end()).isEqualTo(cal.interval(m.next()).start());
            assertThat(cal.dayOf(t).getMonthValue()).isEqualTo(m.yearMonth().getMonthValue());
        });
    }

    @Test
    @Tag("BACK-2")
    @Tag("ALLOC-11")
    void ruleMonth_isTheMonthOrTheOneBefore_byTheCutoffDay() {
        qt().forAll(INSTANTS, CALENDARS).checkAssert((t, cal) -> {
            BillingMonth month = cal.monthOf(t);
            boolean beforeCutoff = cal.dayOf(t).getDayOfMonth() < cal.ruleCutoffDay();
            assertThat(cal.ruleMonth(t)).isEqualTo(beforeCutoff ? month.previous() : month);
        });
    }

    @Test
    @Tag("RES-9")
    void isFinal_exactlyFromTheIssueTime_whichFollowsTheMonthsEnd() {
        qt().forAll(INSTANTS, CALENDARS).checkAssert((t, cal) -> {
            BillingMonth m = cal.monthOf(t);
            Instant issue = cal.issueTime(m);
            assertThat(issue).isAfterOrEqualTo(cal.interval(m).end());
            assertThat(cal.isFinal(m, issue)).isTrue();
            assertThat(cal.isFinal(m, issue.minusNanos(1))).isFalse();
            assertThat(cal.isFinal(m, t)).isFalse();
        });
    }

    @Test
    void overlaps_isSymmetric_andAgreesWithASharedInstant() {
        qt().forAll(INSTANTS, longs().between(1, 1_000_000), INSTANTS, longs().between(1, 1_000_000))
                .checkAssert((s1, len1, s2, len2) -> {
                    Interval a = Interval.of(s1, s1.plusSeconds(len1));
                    Interval b = Interval.of(s2, s2.plusSeconds(len2));
                    Instant laterStart = s1.isAfter(s2) ? s1 : s2;
                    boolean shared = a.contains(laterStart) && b.contains(laterStart);
                    assertThat(a.overlaps(b)).isEqualTo(b.overlaps(a)).isEqualTo(shared);
                    assertThat(a.isWithin(a)).isTrue();
                });
    }
}
