package org.cloudbilling.core.io.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The days and months the fast path cuts from a fee period's start, against {@code java.time}. */
class CellTallyTest {
    @Test
    void monthOfDay_isTheMonthOfEveryDayFromYear0To9999() {
        long from = LocalDate.of(0, 1, 1).toEpochDay();
        long to = LocalDate.of(9999, 12, 31).toEpochDay();
        for (long day = from; day <= to; day++) {
            LocalDate date = LocalDate.ofEpochDay(day);
            long expected = date.getYear() * 12L + date.getMonthValue() - 1;
            if (CellTally.monthOfDay(day) != expected) {
                assertThat(CellTally.monthOfDay(day)).as("month of %s", date).isEqualTo(expected);
            }
        }
    }

    @Test
    void period_cutsDaysAndMonthsAtTheOffset() {
        CellTally tencent = new CellTally(new int[] {CellTally.DAY}, 0, 8 * 3600);
        CellTally utc = new CellTally(new int[] {CellTally.DAY}, 0, 0);
        long lateAugust31 = Instant.parse("2024-08-31T16:00:00Z").getEpochSecond();
        assertThat(tencent.periodText(CellTally.DAY, tencent.period(CellTally.DAY, lateAugust31)))
                .isEqualTo("2024-09-01");
        assertThat(tencent.periodText(CellTally.MONTH, tencent.period(CellTally.MONTH, lateAugust31)))
                .isEqualTo("2024-09");
        assertThat(utc.periodText(CellTally.DAY, utc.period(CellTally.DAY, lateAugust31)))
                .isEqualTo("2024-08-31");
        assertThat(utc.periodText(CellTally.MONTH, utc.period(CellTally.MONTH, lateAugust31)))
                .isEqualTo("2024-08");
        long first = Instant.parse("0001-01-01T00:00:00Z").getEpochSecond();
        CellTally west = new CellTally(new int[] {CellTally.MONTH}, 0, -3600);
        assertThat(west.periodText(CellTally.MONTH, west.period(CellTally.MONTH, first)))
                .isEqualTo(YearMonth.from(Instant.ofEpochSecond(first).atOffset(ZoneOffset.ofHours(-1)))
                        .toString());
    }
}
