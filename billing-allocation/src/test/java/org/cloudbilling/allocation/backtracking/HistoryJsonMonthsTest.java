package org.cloudbilling.allocation.backtracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.cloudbilling.allocation.AllocationType;
import org.cloudbilling.allocation.RuleId;
import org.cloudbilling.allocation.UnitId;
import org.cloudbilling.core.id.LineItemId;
import org.cloudbilling.core.id.OperatorUin;
import org.cloudbilling.core.money.Money;
import org.cloudbilling.core.time.BillingMonth;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** DAILY-4: an allocation history written and read a month at a time, one document per month. */
@Tag("DAILY-4")
class HistoryJsonMonthsTest {
    private static final Instant T = Instant.parse("2024-10-05T00:00:00Z");
    private static final BillingMonth SEPTEMBER = BillingMonth.of(2024, 9);

    @TempDir
    Path dir;

    /** A random consistent history: 1 to 4 months, their versions, backtrack records over one or more months. */
    static AllocationHistory randomHistory(long seed) {
        Random random = new Random(seed);
        List<BillingMonth> months = new ArrayList<>();
        int monthCount = 1 + random.nextInt(4);
        int monthNumber = 0;
        for (int m = 0; m < monthCount; m++) {
            monthNumber += 1 + random.nextInt(3);
            months.add(BillingMonth.of(2024, monthNumber));
        }
        List<BacktrackRecord> records = new ArrayList<>();
        int recordCount = random.nextInt(4);
        for (int r = 0; r < recordCount; r++) {
            List<BillingMonth> covered = new ArrayList<>();
            for (BillingMonth m : months) {
                if (covered.isEmpty() || random.nextBoolean()) {
                    covered.add(m);
                }
            }
            BacktrackStatus status = BacktrackStatus.values()[random.nextInt(3)];
            boolean done = status != BacktrackStatus.IN_PROGRESS;
            records.add(new BacktrackRecord(
                    "bt-" + random.nextInt(1000) + "-" + r,
                    OperatorUin.of("op" + random.nextInt(3)),
                    T.plusSeconds(random.nextInt(100_000)),
                    covered,
                    months.get(random.nextInt(months.size())),
                    "rv-" + r,
                    status,
                    done ? Optional.of(T.plusSeconds(200_000 + r)) : Optional.empty(),
                    status == BacktrackStatus.COMPLETED ? Optional.of(T.plusSeconds(300_000)) : Optional.empty(),
                    status == BacktrackStatus.FAILED ? Optional.of("month 2024-0" + r + " failed") : Optional.empty()));
        }
        List<BacktrackRecord> completed = records.stream()
                .filter(r -> r.status() == BacktrackStatus.COMPLETED)
                .toList();
        List<MonthVersion> versions = new ArrayList<>();
        for (BillingMonth m : months) {
            int count = random.nextInt(4);
            for (int n = 1; n <= count; n++) {
                Optional<String> backtrack = n > 1 && !completed.isEmpty() && random.nextBoolean()
                        ? Optional.of(
                                completed.get(random.nextInt(completed.size())).id())
                        : Optional.empty();
                List<AllocationLine> lines = new ArrayList<>();
                int items = random.nextInt(6);
                for (int i = 0; i < items; i++) {
                    String currency = i % 3 == 2 ? "USD" : "CNY";
                    boolean unallocated = random.nextInt(5) == 0;
                    lines.add(new AllocationLine(
                            LineItemId.of("i" + i),
                            unallocated ? Optional.empty() : Optional.of(UnitId.of("u" + random.nextInt(3))),
                            unallocated ? AllocationType.UNALLOCATED : AllocationType.SHARED,
                            Money.ofUnscaled(
                                    java.util.Currency.getInstance(currency),
                                    random.nextLong() % 10_000_000_000L,
                                    random.nextInt(11)),
                            unallocated ? Optional.empty() : Optional.of(RuleId.of("s" + random.nextInt(2)))));
                }
                versions.add(new MonthVersion(
                        m,
                        n,
                        "rv-" + n,
                        backtrack,
                        T.plusSeconds(n),
                        T.plusSeconds(10L * n),
                        MonthVersion.canonical(lines)));
            }
        }
        return new AllocationHistory(versions, records);
    }

    @Test
    void monthsWrittenToADirectory_readBackEqual() {
        qt().withExamples(100).forAll(longs().all()).checkAssert(seed -> {
            AllocationHistory history = randomHistory(seed);
            Path here = dir.resolve("h" + Long.toHexString(seed));
            HistoryJson.writeMonths(history, here);
            assertThat(HistoryJson.readMonths(here)).isEqualTo(history);
            // and the same as the one-document form
            assertThat(HistoryJson.read(HistoryJson.write(history))).isEqualTo(history);
        });
    }

    @Test
    void oneMonth_readsBackItsVersions_andTheRecordsThatConcernIt() {
        qt().withExamples(100).forAll(longs().all()).checkAssert(seed -> {
            AllocationHistory history = randomHistory(seed);
            for (BillingMonth month : HistoryJson.months(history)) {
                StringWriter out = new StringWriter();
                HistoryJson.writeMonth(history, month, out);
                AllocationHistory one = HistoryJson.readMonth(new StringReader(out.toString()), "m.json", month);
                assertThat(one.versions()).isEqualTo(history.versions(month));
                for (BacktrackRecord r : history.records()) {
                    boolean concerns = r.months().contains(month)
                            || history.versions(month).stream()
                                    .anyMatch(v -> v.backtrack().equals(Optional.of(r.id())));
                    if (concerns) {
                        assertThat(one.records()).contains(r);
                    }
                }
                // in the history's order
                List<Integer> places =
                        one.records().stream().map(history.records()::indexOf).toList();
                assertThat(places).isSorted().doesNotContain(-1);
            }
        });
    }

    private static MonthVersion september(int number) {
        return new MonthVersion(
                SEPTEMBER,
                number,
                "rv-1",
                Optional.empty(),
                T,
                T,
                List.of(new AllocationLine(
                        LineItemId.of("i1"),
                        Optional.of(UnitId.of("web")),
                        AllocationType.SHARED,
                        Money.of("CNY", "1.00"),
                        Optional.of(RuleId.of("s")))));
    }

    private Path written() {
        AllocationHistory history = new AllocationHistory(List.of(september(1), september(2)), List.of());
        HistoryJson.writeMonths(history, dir);
        return dir.resolve("2024-09.json");
    }

    private static void edit(Path file, String from, String to) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(text).contains(from);
        Files.writeString(file, text.replace(from, to), StandardCharsets.UTF_8);
    }

    @Test
    void aMonthFileOfANewerVersion_isRefusedBeforeTheRest_namingFileAndMonth() throws IOException {
        Path file = written();
        edit(file, "\"formatVersion\" : 1", "\"formatVersion\" : 2");
        edit(file, "\"versions\"", "\"versionz\""); // not reached: the version comes first
        assertThatThrownBy(() -> HistoryJson.readMonths(dir))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("invalid allocation history 2024-09.json (month 2024-09): at $.formatVersion, line 3,"
                        + " column 22: format version 2 is newer than this library reads (up to 1): upgrade the"
                        + " library");
    }

    @Test
    void aTruncatedMonthFile_isRefused_namingFileAndMonth() throws IOException {
        Path file = written();
        String text = Files.readString(file, StandardCharsets.UTF_8);
        Files.writeString(file, text.substring(0, text.indexOf("\"number\" : 2")), StandardCharsets.UTF_8);
        assertThatThrownBy(() -> HistoryJson.readMonths(dir))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("invalid allocation history 2024-09.json (month 2024-09): at $.versions[1]")
                .hasMessageContaining("end-of-input");
    }

    @Test
    void aCorruptedValue_isRefused_namingFileMonthAndPath() throws IOException {
        Path file = written();
        edit(file, "\"number\" : 2", "\"number\" : \"two\"");
        assertThatThrownBy(() -> HistoryJson.readMonths(dir))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(
                        "invalid allocation history 2024-09.json (month 2024-09): at $.versions[1].number, line ");
    }

    @Test
    void aFileHoldingAnotherMonth_isRefused() throws IOException {
        Path file = written();
        Files.move(file, dir.resolve("2024-10.json"));
        assertThatThrownBy(() -> HistoryJson.readMonths(dir))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("invalid allocation history 2024-10.json (month 2024-10): at $.month, line 4, column 22:"
                        + " holds 2024-09, not 2024-10");
    }

    @Test
    void aMissingDirectory_isAnIoFailure_notBadInput() {
        assertThatThrownBy(() -> HistoryJson.readMonths(dir.resolve("none")))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("none");
    }
}
