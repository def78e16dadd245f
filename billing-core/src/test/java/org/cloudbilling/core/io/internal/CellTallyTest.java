package org.cloudbilling.core.io.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import org.cloudbilling.core.consolidation.GroupKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

    /**
     * The key of a row's group is the same bytes in the tally of any part of a file for the same key cells (so a part
     * can take a group named by another part), and differs for other cells; a group added by its key is found.
     */
    @Test
    void key_isTheSameInEveryPartForTheSameKeyCells(@TempDir Path dir) throws IOException {
        // key: the first cell, the day of the time, then the currency (the third cell)
        String first = "acct-1,2024-09-18T10:00:00Z,CNY\nacct-2,2024-09-18T10:00:00Z,CNY\n";
        String second = "acct-1,2024-09-18T23:00:00Z,CNY\n\"acct-1\",2024-09-18T10:00:00Z,CNY\n"
                + "acct-1,2024-09-19T10:00:00Z,CNY\nacct-1,2024-09-18T10:00:00Z,USD\n";
        Path file = dir.resolve("rows.csv");
        Files.write(file, (first + second).getBytes(StandardCharsets.US_ASCII));
        int[] key = {0, CellTally.DAY};
        GroupKey group = GroupKey.of(List.of("acct-1", "2024-09-18"), Currency.getInstance("CNY"));
        List<byte[]> keys = new ArrayList<>();
        try (FileChannel channel = FileChannel.open(file)) {
            CellTally one = new CellTally(key, 2, 0);
            CsvByteRows rows = new CsvByteRows("rows.csv");
            rows.read(channel, channel.size(), 0, first.length(), 0, line -> {
                long start = Instant.parse(rows.text(1)).getEpochSecond();
                assertThat(one.find(rows, start)).isNull();
                byte[] k = one.key(rows, start);
                keys.add(k);
                CellTally.Sums sums = one.add(k, group);
                assertThat(one.find(rows, start)).isSameAs(sums);
                return true;
            });
            CellTally other = new CellTally(key, 2, 0);
            CsvByteRows more = new CsvByteRows("rows.csv");
            more.read(channel, channel.size(), first.length(), channel.size(), first.length(), line -> {
                long start = Instant.parse(more.text(1)).getEpochSecond();
                assertThat(other.find(more, start)).isNull();
                keys.add(other.key(more, start));
                return true;
            });
        }
        assertThat(keys).hasSize(6);
        assertThat(keys.get(2)).as("acct-1 on the 18th, in another part").isEqualTo(keys.get(0));
        assertThat(keys.get(1)).as("acct-2").isNotEqualTo(keys.get(0));
        assertThat(keys.get(3))
                .as("acct-1 quoted: another key, merged by the roll-up")
                .isNotEqualTo(keys.get(0));
        assertThat(keys.get(4)).as("the 19th").isNotEqualTo(keys.get(0));
        assertThat(keys.get(5)).as("USD").isNotEqualTo(keys.get(0));
    }
}
