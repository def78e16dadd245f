package org.cloudbilling.core.recon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.cloudbilling.core.io.BillingInputException;
import org.cloudbilling.core.io.FormulaGuard;
import org.cloudbilling.core.io.InputProblem;
import org.cloudbilling.core.io.OnError;
import org.cloudbilling.core.time.BillingMonth;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ZIP of both lists: its entries, what it refuses to read, and the rows it refuses to write. */
class ReconciliationZipTest {
    private static final String PERIOD = "ReconciliationList(Period)_202409.csv";
    private static final String PAY_PER_USE = "ReconciliationList(Pay-per-Use)_202409.csv";

    private static String periodList(String... rows) {
        return list(ReconciliationCsv.PERIOD_COLUMNS, rows);
    }

    private static String payPerUseList(String... rows) {
        return list(ReconciliationCsv.PAY_PER_USE_COLUMNS, rows);
    }

    /** A list's text: its header of {@code columns}, then the rows, each line ended by a line break. */
    private static String list(List<String> columns, String... rows) {
        StringBuilder s = new StringBuilder(String.join(",", columns)).append('\n');
        for (String r : rows) {
            s.append(r).append('\n');
        }
        return s.toString();
    }

    /** A ZIP of the entries, name then text, in order. */
    static byte[] zip(String... nameThenText) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (int i = 0; i < nameThenText.length; i += 2) {
                zip.putNextEntry(new ZipEntry(nameThenText[i]));
                zip.write(nameThenText[i + 1].getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    private static ReconciliationZip.Read read(byte[] zip, OnError onError) {
        return ReconciliationZip.read(new ByteArrayInputStream(zip), "z.zip", FormulaGuard.OFF, onError);
    }

    private static PayPerUseRecord obs(BillingMonth cycle) {
        BigDecimal one = BigDecimal.ONE;
        return new PayPerUseRecord(
                cycle,
                "OBS",
                "cn-north-4",
                "OBS",
                "",
                BillingMode.PAY_PER_USE,
                "Storage",
                new BigDecimal("1.5"),
                "GB",
                new Payments(one, one, one, BigDecimal.ZERO, BigDecimal.ZERO),
                "");
    }

    private static PeriodRecord purchase(BillingMonth cycle) {
        BigDecimal ten = BigDecimal.TEN;
        return new PeriodRecord(
                cycle,
                "2024-09-10 00:00:00",
                "O-1",
                OrderType.PURCHASE,
                Optional.empty(),
                "ECS",
                "cn-north-4",
                "ECS",
                "s6",
                Optional.of(BillingMode.MONTHLY),
                1,
                BigDecimal.ONE,
                new Payments(ten, ten, ten, BigDecimal.ZERO, BigDecimal.ZERO),
                "");
    }

    @Test
    @Tag("RECON-1")
    void fileName_cycle_isReconciliationListYyyymmZip() {
        assertThat(ReconciliationZip.fileName(BillingMonth.of(2024, 9))).isEqualTo("ReconciliationList_202409.zip");
        assertThat(ReconciliationZip.fileName(BillingMonth.of(2025, 12))).isEqualTo("ReconciliationList_202512.zip");
    }

    @Test
    @Tag("RECON-1")
    void write_lists_isAFinishedZipWithACentralDirectory(@TempDir Path dir) throws IOException {
        BillingMonth september = BillingMonth.of(2024, 9);
        ReconciliationLists lists =
                new ReconciliationLists(september, List.of(purchase(september)), List.of(obs(september)));
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        ReconciliationZip.write(lists, out, FormulaGuard.OFF);

        // ZipFile reads the central directory, which only a finished ZIP has
        Path file = dir.resolve("r.zip");
        Files.write(file, out.toByteArray());
        try (ZipFile zip = new ZipFile(file.toFile())) {
            List<String> names = new ArrayList<>();
            zip.stream().forEach(e -> names.add(e.getName()));
            assertThat(names).containsExactly(PERIOD, PAY_PER_USE);
            String payPerUse =
                    new String(zip.getInputStream(zip.getEntry(PAY_PER_USE)).readAllBytes(), StandardCharsets.UTF_8);
            assertThat(payPerUse)
                    .isEqualTo("\"Billing Cycle\",\"Product Type\",Region,Product,Specifications,\"Billing Mode\","
                            + "\"Usage Type\",Usage,\"Usage Unit\",\"Official Total Amount\",\"Amount Due\","
                            + "\"Cash Payment\",\"Credit Payment\",\"Cash Coupon Used\",Remarks\n"
                            + "2024-09,OBS,cn-north-4,OBS,,Pay-per-use,Storage,1.5,GB,1,1,1,0,0,\n");
        }
    }

    @Test
    @Tag("RECON-1")
    void write_rowOfAnotherCycle_isRefusedNamingBothCycles() {
        BillingMonth september = BillingMonth.of(2024, 9);
        BillingMonth august = BillingMonth.of(2024, 8);

        assertThatThrownBy(() -> ReconciliationZip.write(
                        september,
                        List.of(purchase(august)).iterator(),
                        Collections.emptyIterator(),
                        new ByteArrayOutputStream(),
                        FormulaGuard.OFF))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a row of cycle 2024-08 in the lists of 2024-09");
        assertThatThrownBy(() -> ReconciliationZip.write(
                        september,
                        Collections.emptyIterator(),
                        List.of(obs(september), obs(august)).iterator(),
                        new ByteArrayOutputStream(),
                        FormulaGuard.OFF))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a row of cycle 2024-08 in the lists of 2024-09");
    }

    @Test
    @Tag("RECON-1")
    void read_entriesOfTwoCycles_isRefused() throws IOException {
        byte[] zip = zip(PERIOD, periodList(), "ReconciliationList(Pay-per-Use)_202408.csv", payPerUseList());

        assertThatThrownBy(() -> read(zip, OnError.COLLECT))
                .isInstanceOf(BillingInputException.class)
                .hasMessage("z.zip: entry ReconciliationList(Pay-per-Use)_202408.csv is of another cycle than 2024-09");
    }

    @Test
    @Tag("RECON-1")
    void read_listTwice_isRefused() throws IOException {
        // ZipOutputStream refuses a name twice: write a name of the same length, then rename it in the bytes
        String other = PERIOD.replace(".csv", ".csX");
        byte[] zip = new String(
                        zip(PERIOD, periodList(), other, periodList(), PAY_PER_USE, payPerUseList()),
                        StandardCharsets.ISO_8859_1)
                .replace(other, PERIOD)
                .getBytes(StandardCharsets.ISO_8859_1);

        assertThatThrownBy(() -> read(zip, OnError.COLLECT))
                .isInstanceOf(BillingInputException.class)
                .hasMessage("z.zip: entry " + PERIOD + " appears twice");
    }

    @Test
    @Tag("RECON-1")
    void read_missingLists_namesEachMissingList() throws IOException {
        assertThatThrownBy(() -> read(zip(), OnError.COLLECT))
                .isInstanceOf(BillingInputException.class)
                .hasMessage("z.zip: the ZIP lacks the Period list and the Pay-per-Use list (RECON-1)");
        assertThatThrownBy(() -> read(zip(PAY_PER_USE, payPerUseList()), OnError.COLLECT))
                .isInstanceOf(BillingInputException.class)
                .hasMessage("z.zip: the ZIP lacks the Period list (RECON-1)");
        assertThatThrownBy(() -> read(zip(PERIOD, periodList()), OnError.COLLECT))
                .isInstanceOf(BillingInputException.class)
                .hasMessage("z.zip: the ZIP lacks the Pay-per-Use list (RECON-1)");
    }

    @Test
    @Tag("RECON-1")
    void read_entryNamesNotOfAList_areRefusedNamingThem() throws IOException {
        for (String name : List.of(
                "ReconciliationList(Period)_2024-09.csv",
                "ReconciliationList(Period)_202409.csv.txt",
                "ReconciliationList(Pay-per-Use)_20249.csv",
                "ReconciliationList(Period)_202409/",
                "reconciliationlist(period)_202409.csv")) {
            byte[] zip = zip(name, "x");
            assertThatThrownBy(() -> read(zip, OnError.COLLECT))
                    .as(name)
                    .isInstanceOf(BillingInputException.class)
                    .hasMessage("z.zip: entry '" + name + "' is not ReconciliationList(Period)_YYYYMM.csv nor "
                            + "ReconciliationList(Pay-per-Use)_YYYYMM.csv");
        }
    }

    @Test
    @Tag("RECON-1")
    void read_entryOfMonthThirteen_isRefusedNamingIt() throws IOException {
        byte[] zip = zip("ReconciliationList(Period)_202413.csv", periodList());

        assertThatThrownBy(() -> read(zip, OnError.COLLECT))
                .isInstanceOf(BillingInputException.class)
                .hasMessage("z.zip: entry 'ReconciliationList(Period)_202413.csv': billing month '2024-13' is not of"
                        + " the form 2024-09");
    }

    @Test
    void read_badRow_failsAtOnceOrIsCollectedWithItsEntry() throws IOException {
        String good = "2024-09,OBS,cn-north-4,OBS,,Pay-per-use,Storage,1.5,GB,1,1,1,0,0,";
        String bad = good.replace(",1.5,", ",x,");
        byte[] zip = zip(PERIOD, periodList(), PAY_PER_USE, payPerUseList(bad, good));

        assertThatThrownBy(() -> read(zip, OnError.FAIL))
                .isInstanceOfSatisfying(
                        BillingInputException.class,
                        e -> assertThat(e.problems())
                                .extracting(InputProblem::toString)
                                .containsExactly(
                                        "z.zip!" + PAY_PER_USE + ":2:8 (Usage): amount 'x' is not a decimal number"));
        ReconciliationZip.Read read = read(zip, OnError.COLLECT);
        assertThat(read.problems())
                .extracting(InputProblem::toString)
                .containsExactly("z.zip!" + PAY_PER_USE + ":2:8 (Usage): amount 'x' is not a decimal number");
        assertThat(read.lists().payPerUse()).containsExactly(obs(BillingMonth.of(2024, 9)));
        assertThat(read.lists().period()).isEmpty();
        assertThat(read.lists().billingCycle()).isEqualTo(BillingMonth.of(2024, 9));
    }

    @Test
    void read_rowOfAnotherCycleWithFail_isRefusedNamingEntryAndLine() throws IOException {
        String august = "2024-08,OBS,cn-north-4,OBS,,Pay-per-use,Storage,1.5,GB,1,1,1,0,0,";
        byte[] zip = zip(PERIOD, periodList(), PAY_PER_USE, payPerUseList(august));

        assertThatThrownBy(() -> read(zip, OnError.FAIL))
                .isInstanceOf(BillingInputException.class)
                .hasMessage("z.zip!" + PAY_PER_USE + ":2: the row is of cycle 2024-08, not 2024-09");
    }
}
