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
import org.cloudbilling.core.consolidation.Grouping;
import org.cloudbilling.core.consolidation.Rollup;
import org.junit.jupiter.api.Tag;
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

    /**
     * FOCUS-8: the tallies of a file's parts merged by their sums ({@link CellTally.Merged}) give the roll-up that
     * merging each part's roll-up gives ({@link Rollup#merge}), to the scale of every amount: parts with groups in
     * common and not, two keys naming one group, scales 0 to 12, sums past a long, quantities reported or not.
     */
    @Test
    @Tag("FOCUS-8")
    void merged_isTheMergeOfThePartsRollups() {
        Grouping grouping = Grouping.by(org.cloudbilling.core.consolidation.Dimension.OWNER);
        Currency cny = Currency.getInstance("CNY");
        java.util.Random random = new java.util.Random(16);
        long[] units = {0, 1, -1, 7, 12_345, -99_999_999, Long.MAX_VALUE / 3, Long.MIN_VALUE / 3};
        for (int example = 0; example < 500; example++) {
            CellTally.Merged merged = new CellTally.Merged();
            Rollup expected = Rollup.empty(grouping);
            int parts = 1 + random.nextInt(5);
            for (int p = 0; p < parts; p++) {
                CellTally part = new CellTally(new int[] {0}, 1, 0);
                int groups = random.nextInt(4);
                for (int g = 0; g < groups; g++) {
                    // two keys (say quoted and not) may name one group: owners o0 to o2
                    GroupKey group = GroupKey.of(List.of("o" + random.nextInt(3)), cny);
                    CellTally.Sums sums = part.add(new byte[] {(byte) g}, group);
                    int rows = 1 + random.nextInt(3);
                    for (int r = 0; r < rows; r++) {
                        sums.count++;
                        for (CellTally.Sum sum : new CellTally.Sum[] {
                            sums.list, sums.billed, sums.effective, sums.contracted, sums.consumed, sums.pricing
                        }) {
                            if (sum == sums.consumed || sum == sums.pricing ? random.nextInt(3) > 0 : true) {
                                sum.add(units[random.nextInt(units.length)], random.nextInt(13));
                            }
                        }
                    }
                }
                expected = expected.merge(part.toRollup(grouping));
                merged.add(part);
            }
            Rollup got = merged.toRollup(grouping);
            assertThat(got.groups().toString()).isEqualTo(expected.groups().toString());
            assertThat(got).isEqualTo(expected);
        }
    }

    /** The hash of a key cell is the same wherever its bytes are: read as words, or one by one at a buffer's end. */
    @Test
    @Tag("FOCUS-8")
    void hash_isTheSameWhereverTheBytesAre() {
        java.util.Random random = new java.util.Random(8);
        for (int example = 0; example < 2000; example++) {
            byte[] cell = new byte[random.nextInt(30)];
            random.nextBytes(cell);
            int at = random.nextInt(20);
            byte[] inside = new byte[at + cell.length + 8 + random.nextInt(8)];
            random.nextBytes(inside); // other bytes around the cell
            System.arraycopy(cell, 0, inside, at, cell.length);
            byte[] atEnd = new byte[at + cell.length];
            System.arraycopy(cell, 0, atEnd, at, cell.length);
            int h = random.nextInt();
            assertThat(CellTally.hash(h, inside, at, at + cell.length))
                    .isEqualTo(CellTally.hash(h, atEnd, at, at + cell.length))
                    .isEqualTo(CellTally.hash(h, cell, 0, cell.length));
        }
    }
}
