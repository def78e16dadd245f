package org.cloudbilling.examples.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.cloudbilling.allocation.AllocatedRow;
import org.cloudbilling.allocation.Allocation;
import org.cloudbilling.allocation.AllocationType;
import org.cloudbilling.allocation.backtracking.AllocationLine;
import org.cloudbilling.allocation.backtracking.MonthVersion;
import org.cloudbilling.allocation.focus.AllocationFocus;
import org.cloudbilling.core.bill.LineItem;
import org.cloudbilling.core.focus.FocusColumn;
import org.cloudbilling.core.focus.FocusCsv;
import org.cloudbilling.core.focus.FocusCsvWriter;
import org.cloudbilling.core.focus.FocusExport;
import org.cloudbilling.core.focus.FocusLineItems;
import org.cloudbilling.core.focus.FocusRow;
import org.cloudbilling.core.focus.FocusVersion;
import org.cloudbilling.core.focus.conformance.ConformanceReport;
import org.cloudbilling.core.focus.conformance.FocusConformance;
import org.cloudbilling.core.focus.parquet.FocusParquet;
import org.cloudbilling.core.focus.parquet.FocusParquetWriter;
import org.cloudbilling.core.id.LineItemId;
import org.cloudbilling.core.io.FormulaGuard;
import org.cloudbilling.core.time.BillingCalendar;
import org.cloudbilling.core.time.BillingMonth;
import org.cloudbilling.examples.CliRun;
import org.cloudbilling.examples.ResellerMonthGenerator;
import org.cloudbilling.examples.bench.Workload;
import org.cloudbilling.reseller.bill.ResellerBills;
import org.cloudbilling.reseller.bill.ResellerMonth;
import org.cloudbilling.reseller.channel.AttributedCharge;
import org.cloudbilling.reseller.channel.Attribution;
import org.cloudbilling.reseller.channel.AttributionContext;
import org.cloudbilling.reseller.channel.PartnerUin;
import org.cloudbilling.reseller.focus.ResellerFocus;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * FOCUS-8: every FOCUS 1.2 export of the library's own data passes the FinOps Foundation's conformance model: no
 * MUST or MUST NOT rule fails, with the applicability criteria the library's data meets declared
 * ({@link #DECLARED}, listed in docs/formats.md).
 */
@Tag("FOCUS-8")
class OwnExports12ConformanceTest {
    /**
     * The applicability criteria the library's data meets: tags, and charges for provisioned resources (ResourceId).
     * Not SUB_ACCOUNT_SUPPORTED: line items carry the owner's id but no account name (SubAccountName); not
     * USAGE_MEASUREMENT_SUPPORTED: not every usage charge carries its consumed quantity (the workload's have none).
     */
    static final Set<String> DECLARED = Set.of("TAGGING_SUPPORTED", "BILLING_BASED_ON_PROVISIONED_RESOURCES_SUPPORTED");

    private static final FocusExport TENCENT =
            new FocusExport("Tencent Cloud", "Tencent Cloud", "Tencent Cloud", Workload.CALENDAR, FocusVersion.V1_2);

    @TempDir
    Path dir;

    private static ConformanceReport check(String csv, String name) {
        return FocusConformance.focus12().check(new StringReader(csv), name, DECLARED);
    }

    private static List<String> failures(ConformanceReport report) {
        return report.violations().stream()
                .map(v -> v.ruleId() + " (" + v.failingRows() + " rows) " + v.examples())
                .collect(Collectors.toList());
    }

    private static void assertConforms(String csv, String name) {
        ConformanceReport report = check(csv, name);
        assertThat(report.rows()).as("rows of %s", name).isPositive();
        assertThat(report.datasetProblems()).as("dataset problems of %s", name).isEmpty();
        assertThat(failures(report)).as("MUST rules failing on %s", name).isEmpty();
    }

    private static String csv(List<FocusRow> rows, List<String> extra) {
        StringWriter text = new StringWriter();
        try (FocusCsvWriter w = FocusCsv.writer(text, FocusVersion.V1_2, extra, FormulaGuard.OFF)) {
            rows.forEach(w::write);
        }
        return text.toString();
    }

    private static String resource(String name) {
        try {
            return Paths.get(OwnExports12ConformanceTest.class.getResource(name).toURI())
                    .toString();
        } catch (URISyntaxException e) {
            throw new AssertionError(e);
        }
    }

    private String cliExport(String... args) throws IOException {
        Path out = dir.resolve("out-" + System.nanoTime() + ".csv");
        List<String> all =
                new ArrayList<>(List.of("export", "--to", "focus", "--focus-version", "1.2", "--out", out.toString()));
        all.addAll(List.of(args));
        CliRun run = CliRun.run(all.toArray(String[]::new));
        assertThat(run.code()).as(run.err()).isZero();
        return Files.readString(out);
    }

    /** Exports the Tencent test bill, in the Tencent calendar, with {@code more} options; returns the file's text. */
    private String tencentExport(String... more) throws IOException {
        List<String> args = new ArrayList<>(List.of(
                "--input",
                resource("/tencent/tencent-bill-detail.csv"),
                "--format",
                "tencent",
                "--calendar",
                "tencent"));
        args.addAll(List.of(more));
        return cliExport(args.toArray(String[]::new));
    }

    @Test
    @DisplayName("FOCUS-8: the 1.2 export of a generated month's line items passes the model")
    void generatedMonth_lineItems_conform() {
        List<LineItem> items = Workload.generate(7, 2_000, 20).materialize();
        List<FocusRow> rows = new ArrayList<>();
        items.forEach(i -> rows.add(FocusLineItems.toRow(i, Workload.MONTH, TENCENT)));

        assertConforms(csv(rows, FocusLineItems.EXTRA_COLUMNS), "generated month");
    }

    @Test
    @Tag("FOCUS-10")
    @DisplayName("FOCUS-8, FOCUS-10: the 1.2 Parquet export of a generated month's line items passes the model, with"
            + " the verdicts of its CSV form")
    void generatedMonth_lineItemsParquet_conformLikeCsv() throws IOException {
        List<LineItem> items = Workload.generate(7, 2_000, 20).materialize();
        List<FocusRow> rows = new ArrayList<>();
        items.forEach(i -> rows.add(FocusLineItems.toRow(i, Workload.MONTH, TENCENT)));
        Path parquet = dir.resolve("month.parquet");
        try (FocusParquetWriter w = FocusParquet.writer(
                Files.newOutputStream(parquet),
                FocusVersion.V1_2,
                FocusLineItems.EXTRA_COLUMNS,
                FocusParquetWriter.Compression.SNAPPY,
                500)) {
            rows.forEach(w::write);
        }

        ConformanceReport fromParquet = FocusConformance.focus12().check(parquet, DECLARED);
        ConformanceReport fromCsv = check(csv(rows, FocusLineItems.EXTRA_COLUMNS), "generated month");

        assertThat(fromParquet.rows()).isEqualTo(rows.size());
        assertThat(fromParquet.datasetProblems()).isEmpty();
        assertThat(failures(fromParquet))
                .as("MUST rules failing on the Parquet export")
                .isEmpty();
        assertThat(fromParquet.verdicts())
                .extracting(v -> v.ruleId() + " " + v.outcome() + " " + v.failingRows())
                .containsExactlyElementsOf(fromCsv.verdicts().stream()
                        .map(v -> v.ruleId() + " " + v.outcome() + " " + v.failingRows())
                        .toList());
    }

    @Test
    @DisplayName("FOCUS-8: the 1.2 allocation bill of a generated month passes the model")
    void generatedMonth_allocationBill_conforms() {
        Workload w = Workload.generate(7, 2_000, 20);
        List<AllocatedRow> allocated = Allocation.allocate(w.rules(), w.materialize(), w.tags(), Workload.CALENDAR)
                .rows();

        List<FocusRow> rows = AllocationFocus.toRows(allocated, Workload.MONTH, TENCENT);

        assertConforms(csv(rows, AllocationFocus.EXTRA_COLUMNS), "generated allocation bill");
    }

    @Test
    @Tag("FOCUS-9")
    @DisplayName("FOCUS-8, FOCUS-9: the 1.3 allocation bill of a generated month passes the 1.2 model on its 1.2"
            + " columns, and carries the split in 1.3's Allocated columns")
    void generatedMonth_allocationBill13_passesThe12Model() {
        Workload w = Workload.generate(7, 2_000, 20);
        List<AllocatedRow> allocated = Allocation.allocate(w.rules(), w.materialize(), w.tags(), Workload.CALENDAR)
                .rows();

        List<FocusRow> rows = AllocationFocus.toRows(allocated, Workload.MONTH, TENCENT.withVersion(FocusVersion.V1_3));
        StringWriter text = new StringWriter();
        try (FocusCsvWriter out = FocusCsv.writer(
                text, FocusVersion.V1_3, AllocationFocus.extraColumns(FocusVersion.V1_3), FormulaGuard.OFF)) {
            rows.forEach(out::write);
        }

        assertThat(rows)
                .allSatisfy(
                        r -> assertThat(r.text(FocusColumn.ALLOCATED_METHOD_ID)).isPresent());
        assertConforms(text.toString(), "generated allocation bill, FOCUS 1.3");
    }

    @Test
    @DisplayName("FOCUS-8: the 1.2 corrections of a backtracked allocation bill pass the model")
    void generatedMonth_backtrackCorrections_conform() {
        Workload w = Workload.generate(7, 500, 20);
        List<LineItem> items = w.materialize();
        Map<LineItemId, LineItem> byId = new LinkedHashMap<>();
        items.forEach(i -> byId.put(i.id(), i));
        List<AllocationLine> lines = Allocation.allocate(w.rules(), items, w.tags(), Workload.CALENDAR).rows().stream()
                .map(AllocationLine::of)
                .toList();
        // the recomputed version: the first unit line of every fifth item that has no unallocated line is found
        // unallocated after all
        Set<LineItemId> unallocated = lines.stream()
                .filter(l -> l.unit().isEmpty())
                .map(AllocationLine::item)
                .collect(Collectors.toSet());
        Set<LineItemId> moved = new java.util.HashSet<>();
        List<AllocationLine> recomputed = new ArrayList<>();
        for (AllocationLine l : lines) {
            boolean move = l.unit().isPresent()
                    && !unallocated.contains(l.item())
                    && Math.floorMod(l.item().hashCode(), 5) == 0
                    && moved.add(l.item());
            recomputed.add(
                    move
                            ? new AllocationLine(
                                    l.item(),
                                    Optional.empty(),
                                    AllocationType.UNALLOCATED,
                                    l.amount(),
                                    Optional.empty())
                            : l);
        }
        Instant t = Instant.parse("2024-10-05T00:00:00Z");
        MonthVersion before = new MonthVersion(Workload.MONTH, 1, "rv-1", Optional.empty(), t, t, lines);
        MonthVersion after = new MonthVersion(Workload.MONTH, 2, "rv-2", Optional.empty(), t, t, recomputed);

        List<FocusRow> rows = AllocationFocus.corrections(before, after, byId::get, BillingMonth.of(2024, 10), TENCENT);

        assertThat(rows).isNotEmpty();
        assertConforms(csv(rows, AllocationFocus.EXTRA_COLUMNS), "allocation corrections");
    }

    @Test
    @DisplayName("FOCUS-8: billing export --focus-version 1.2 of the Tencent test bill passes the model")
    void tencentBill_lineItems_conform() throws IOException {
        String text = tencentExport();

        assertConforms(text, "tencent-bill-detail.csv export");
    }

    @Test
    @DisplayName("FOCUS-8: billing export --focus-version 1.2 --rules of the Tencent test bill passes the model")
    void tencentBill_allocationBill_conforms() throws IOException {
        Path rules = dir.resolve("team-rules.json");
        Files.writeString(rules, CliRun.TEAM_RULES);

        String text = tencentExport("--rules", rules.toString());

        assertConforms(text, "tencent allocation export");
    }

    @Test
    @DisplayName("FOCUS-8: Bill A and Bill B of the demo's reseller month, in FOCUS 1.2, pass the model")
    void resellerMonth_billsAandB_conform() {
        ResellerMonthGenerator.Month month = ResellerMonthGenerator.generate(ResellerMonthGenerator.SEED);
        List<AttributedCharge> charges =
                Attribution.attribute(month.items(), AttributionContext.of(BillingCalendar.TENCENT, month.channel()));
        Map<LineItemId, LineItem> byId = new LinkedHashMap<>();
        month.items().forEach(i -> byId.put(i.id(), i));
        Function<LineItemId, LineItem> items = byId::get;
        for (PartnerUin reseller : month.settings().keySet()) {
            ResellerMonth bills = ResellerBills.compute(
                    charges,
                    month.settings().get(reseller),
                    BillingMonth.of(2024, 9),
                    BillingCalendar.TENCENT,
                    Instant.parse("2024-10-06T01:00:00Z"),
                    month.customerVouchers().getOrDefault(reseller, Map.of()));
            // Bill B: the reseller sold the services to its customers and invoices them; the cloud published them
            FocusExport issuer = new FocusExport(
                    "Reseller " + reseller.value(),
                    "Tencent Cloud",
                    "Reseller " + reseller.value(),
                    BillingCalendar.TENCENT,
                    FocusVersion.V1_2);

            assertConforms(
                    csv(ResellerFocus.billA(bills.billA(), items, TENCENT), ResellerFocus.BILL_A_COLUMNS),
                    "Bill A of " + reseller.value());
            assertConforms(
                    csv(ResellerFocus.billB(bills.billB(), items, issuer), ResellerFocus.BILL_B_COLUMNS),
                    "Bill B of " + reseller.value());
        }
    }

    /** The column a rule is about: {@code ContractedCost} of {@code ContractedCost-C-003-M}. */
    private static String column(String ruleId) {
        return ruleId.substring(0, ruleId.indexOf('-'));
    }

    @Test
    @DisplayName("FOCUS-8: a 1.2 re-export of the FOCUS 1.0 sample fails no rule of a column the sample does not fail,"
            + " on no more rows")
    void focusSample_reexport_introducesNoViolation() throws IOException {
        // the sample writes a null as the text NULL, which fails a column's type rule; the re-export carries the
        // null, which fails the same column's nullability rule on the same rows: a violation the file had
        Map<String, Long> before = new LinkedHashMap<>();
        check(Files.readString(CliRun.focusSample()), "focus_sample.csv")
                .violations()
                .forEach(v -> before.merge(column(v.ruleId()), v.failingRows(), Math::max));

        String text = cliExport("--input", CliRun.focusSample().toString(), "--format", "focus");

        List<String> introduced = check(text, "re-export").violations().stream()
                .filter(v -> v.failingRows() > before.getOrDefault(column(v.ruleId()), 0L))
                .map(v -> v.ruleId() + " (" + v.failingRows() + " rows) " + v.examples())
                .toList();
        assertThat(introduced)
                .as("rules the re-export fails on more rows than the sample fails its column's rules")
                .isEmpty();
    }
}
