package org.cloudbilling.examples.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.cloudbilling.allocation.AllocatedRow;
import org.cloudbilling.allocation.Allocation;
import org.cloudbilling.allocation.AllocationBill;
import org.cloudbilling.allocation.AllocationType;
import org.cloudbilling.allocation.RuleId;
import org.cloudbilling.allocation.SummaryRow;
import org.cloudbilling.allocation.UnitId;
import org.cloudbilling.allocation.json.RuleSetJson;
import org.cloudbilling.core.bill.LineItem;
import org.cloudbilling.core.bill.TagBindings;
import org.cloudbilling.core.consolidation.Consolidation;
import org.cloudbilling.core.consolidation.Dimension;
import org.cloudbilling.core.consolidation.Grouping;
import org.cloudbilling.core.focus.FocusColumn;
import org.cloudbilling.core.focus.FocusCsv;
import org.cloudbilling.core.focus.FocusCsvWriter;
import org.cloudbilling.core.focus.FocusExport;
import org.cloudbilling.core.focus.FocusLineItems;
import org.cloudbilling.core.id.LineItemId;
import org.cloudbilling.core.io.FormulaGuard;
import org.cloudbilling.core.io.LineItemCsv;
import org.cloudbilling.core.io.LineItemCsvWriter;
import org.cloudbilling.core.money.Money;
import org.cloudbilling.core.testing.BillingGenerators;
import org.cloudbilling.core.time.BillingCalendar;
import org.cloudbilling.core.time.BillingMonth;
import org.cloudbilling.examples.FocusSampleAccess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Spark jobs against the in-process library, on a generated month and on the bundled FOCUS sample: the
 * same rows and the same totals, compared as text so that every decimal, scale included, must agree.
 */
class SparkParityTest {
    private static final long SEED = 20240901L;
    private static final int ITEMS = 3_000;
    private static final Currency CNY = Currency.getInstance("CNY");
    private static final Currency USD = Currency.getInstance("USD");
    private static final Currency JPY = Currency.getInstance("JPY");

    private static SparkSession spark;
    private static List<LineItem> month;
    private static List<LineItem> focus;

    @BeforeAll
    static void startSpark() {
        spark = SparkSession.builder()
                .master("local[2]")
                .appName("cloudbilling-parity")
                .config("spark.ui.enabled", "false")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.sql.shuffle.partitions", "3")
                .config("spark.sql.session.timeZone", "UTC")
                .getOrCreate();
        month = GeneratedMonth.items(SEED, ITEMS);
        focus = FocusSampleAccess.read();
    }

    @AfterAll
    static void stopSpark() {
        if (spark != null) {
            spark.stop();
        }
    }

    @Test
    @Tag("ALLOC-5")
    @Tag("ALLOC-6")
    @Tag("ALLOC-7")
    void allocate_generatedMonth_rowsAndUnitTotalsIdenticalToLibrary() {
        AllocationBill expected =
                Allocation.allocate(GeneratedMonth.rules(), month, TagBindings.empty(), BillingCalendar.TENCENT);
        Dataset<String> items = LineItemDatasets.of(spark, month, 4);

        Dataset<Row> rows =
                SparkAllocation.allocate(items, GeneratedMonth::rules).cache();

        assertThat(items.rdd().getNumPartitions()).isEqualTo(4);
        assertThat(rowTexts(rows)).containsExactlyElementsOf(rowTexts(expected));
        assertThat(summaryTexts(SparkAllocation.summarize(rows)))
                .containsExactlyElementsOf(summaryTexts(expected.summary().byUnit()));
        assertAddsUpPerItem(rows, month);
    }

    @Test
    @Tag("ALLOC-5")
    @Tag("ALLOC-6")
    void allocate_focusSample_rowsAndUnitTotalsIdenticalToLibrary() {
        AllocationBill expected =
                Allocation.allocate(FocusSampleRules.rules(), focus, TagBindings.empty(), BillingCalendar.TENCENT);
        Dataset<String> items = LineItemDatasets.of(spark, focus, 3);

        Dataset<Row> rows =
                SparkAllocation.allocate(items, FocusSampleRules::rules).cache();

        assertThat(rowTexts(rows)).containsExactlyElementsOf(rowTexts(expected));
        assertThat(summaryTexts(SparkAllocation.summarize(rows)))
                .containsExactlyElementsOf(summaryTexts(expected.summary().byUnit()));
        assertAddsUpPerItem(rows, focus);
        for (String rule : List.of("s-vpc", "s-elb", "s-watch")) {
            assertThat(rowTexts(rows)).as(rule).anyMatch(r -> r.contains("|SHARED|") && r.endsWith("|" + rule));
        }
    }

    @Test
    @Tag("ORG-6")
    void consolidate_generatedMonth_groupTotalsIdenticalToLibrary() {
        Dataset<String> items = LineItemDatasets.of(spark, month, 5);

        assertSameGroups(items, month, () -> Grouping.by(Dimension.OWNER, Dimension.BUSINESS));
        assertSameGroups(items, month, () -> Grouping.by(Dimension.tag(GeneratedMonth.TEAM), Dimension.REGION));
        assertSameGroups(items, month, () -> Grouping.by(BillingCalendar.TENCENT, Dimension.DAY, Dimension.PAY_MODE));
        assertSameGroups(items, month, () -> Grouping.by());
    }

    @Test
    void consolidate_focusSample_groupTotalsIdenticalToLibrary() {
        Dataset<String> items = LineItemDatasets.of(spark, focus, 3);

        assertSameGroups(items, focus, () -> Grouping.by(Dimension.PAYER, Dimension.OWNER, Dimension.BUSINESS));
        assertSameGroups(
                items,
                focus,
                () -> Grouping.by(
                        Dimension.tag(FocusSampleRules.BUSINESS_UNIT), Dimension.tag(FocusSampleRules.APPLICATION)));
    }

    /** The generated month takes every path the parity tests claim to cover; checked in process. */
    @Test
    @Tag("ALLOC-7")
    void generatedMonth_anySeed_coversRefundsCurrenciesAndEverySharingMethod() {
        AllocationBill bill =
                Allocation.allocate(GeneratedMonth.rules(), month, TagBindings.empty(), BillingCalendar.TENCENT);

        assertThat(month).hasSize(ITEMS);
        assertThat(month).anyMatch(i -> i.totalCost().isNegative());
        assertThat(month)
                .anyMatch(i -> i.currency().equals(USD) && i.voucherPaid().isPresent());
        for (String rule : List.of("s-network", "s-support", "s-platform", "s-gpu")) {
            assertThat(bill.rows())
                    .as(rule)
                    .anyMatch(r -> r.type() == AllocationType.SHARED
                            && r.rule().equals(java.util.Optional.of(RuleId.of(rule))));
        }
        assertThat(bill.run().collectedCost(CNY).get(UnitId.of("legacy")).isNegative())
                .isTrue();
        assertThat(bill.run().isFallingBack(RuleId.of("s-gpu"), USD)).isTrue();
        assertThat(bill.run().isFallingBack(RuleId.of("s-gpu"), CNY)).isFalse();
        assertThat(bill.rows())
                .anyMatch(
                        r -> r.type() == AllocationType.UNALLOCATED && r.rule().isEmpty())
                .anyMatch(r -> r.type() == AllocationType.UNALLOCATED
                        && r.rule().equals(java.util.Optional.of(RuleId.of("s-gpu"))));
    }

    /** Any valid items (every scale, refunds, payment breakdowns, odd tag keys), any partitioning. */
    @Test
    @Tag("ALLOC-6")
    void sparkJobs_anyItemsAnyPartitioning_identicalToLibrary() {
        qt().withExamples(4)
                .withShrinkCycles(20)
                .forAll(
                        lists().of(BillingGenerators.lineItems(CNY)).ofSizeBetween(0, 150),
                        lists().of(BillingGenerators.lineItems(JPY)).ofSizeBetween(0, 40),
                        integers().between(1, 6))
                .checkAssert((cny, jpy, partitions) -> {
                    List<LineItem> items = new ArrayList<>();
                    for (LineItem item : concat(cny, jpy)) { // unique ids, as in a bill, even once shrunk
                        items.add(LineItem.builder()
                                .from(item)
                                .id(LineItemId.of("li-" + items.size()))
                                .build());
                    }
                    Dataset<String> dataset = LineItemDatasets.of(spark, items, partitions);
                    Recipe<Grouping> grouping =
                            () -> Grouping.by(Dimension.PAYER, Dimension.BUSINESS, Dimension.tag(GeneratedMonth.TEAM));
                    assertThat(groupTexts(SparkConsolidation.consolidate(dataset, grouping)))
                            .containsExactlyElementsOf(
                                    groupTexts(GroupTotals.of(Consolidation.consolidate(items, grouping.make()))));
                    AllocationBill expected = Allocation.allocate(
                            GeneratedMonth.rules(), items, TagBindings.empty(), BillingCalendar.TENCENT);
                    Dataset<Row> rows = SparkAllocation.allocate(dataset, GeneratedMonth::rules);
                    assertThat(rowTexts(rows)).containsExactlyElementsOf(rowTexts(expected));
                    assertThat(summaryTexts(SparkAllocation.summarize(rows)))
                            .containsExactlyElementsOf(
                                    summaryTexts(expected.summary().byUnit()));
                });
    }

    @Test
    void generatedMonth_sameSeed_sameItems() {
        assertThat(GeneratedMonth.items(SEED, 200)).isEqualTo(GeneratedMonth.items(SEED, 200));
        assertThat(GeneratedMonth.items(SEED, 200)).isNotEqualTo(GeneratedMonth.items(SEED + 1, 200));
    }

    @Test
    @Tag("ALLOC-8")
    void allocationJob_canonicalCsvFilesAndRuleSetJson_writesTheLibrarysTotals(@TempDir Path dir) throws IOException {
        Path input = Files.createDirectories(dir.resolve("in"));
        int third = month.size() / 3;
        writeCsv(input.resolve("a.csv"), month.subList(0, third));
        writeCsv(input.resolve("b.csv"), month.subList(third, 2 * third));
        writeCsv(input.resolve("c.csv"), month.subList(2 * third, month.size()));
        Path rules = Files.writeString(dir.resolve("rules.json"), RuleSetJson.write(GeneratedMonth.rules()));
        Path out = dir.resolve("out");

        AllocationJob.parse(
                        "--input", input.toString(),
                        "--rules", rules.toString(),
                        "--out", out.toString(),
                        "--by", "ownerUin,tag:team",
                        "--partitions", "3")
                .run(spark);

        AllocationBill expected =
                Allocation.allocate(GeneratedMonth.rules(), month, TagBindings.empty(), BillingCalendar.TENCENT);
        List<String> summary = new ArrayList<>(List.of("unit,allocation_type,currency,amount"));
        for (SummaryRow r : expected.summary().byUnit()) {
            summary.add(String.join(
                    ",",
                    r.unit().map(UnitId::value).orElse(""),
                    r.type().name(),
                    r.amount().currency().getCurrencyCode(),
                    r.amount().amount().toPlainString()));
        }
        assertThat(linesOf(out.resolve("summary"), ".txt")).containsExactlyElementsOf(summary);
        List<String> consolidation =
                new ArrayList<>(List.of("ownerUin,tag:team,currency,item_count,list_cost,total_cost"));
        for (GroupTotals g : GroupTotals.of(Consolidation.consolidate(
                month,
                Grouping.by(
                        BillingCalendar.of(ZoneOffset.UTC, 5, 3),
                        Dimension.OWNER,
                        Dimension.tag(GeneratedMonth.TEAM))))) {
            consolidation.add(String.join(
                    ",",
                    g.values().get(0),
                    g.values().get(1) == null ? "" : g.values().get(1),
                    g.currency().getCurrencyCode(),
                    String.valueOf(g.totals().itemCount()),
                    g.totals().listCost().amount().toPlainString(),
                    g.totals().totalCost().amount().toPlainString()));
        }
        assertThat(linesOf(out.resolve("consolidation"), ".txt")).containsExactlyElementsOf(consolidation);
        List<String> rows = linesOf(out.resolve("rows"), ".csv");
        assertThat(rows.stream().filter(l -> l.startsWith("item_id,"))).isNotEmpty();
        assertThat(rows.stream().filter(l -> !l.startsWith("item_id,")))
                .hasSize(expected.rows().size());
    }

    @Test
    void allocationJob_badRowInCsv_reportsFileAndLine(@TempDir Path dir) throws IOException {
        Path input = Files.createDirectories(dir.resolve("in"));
        writeCsv(input.resolve("bad.csv"), month.subList(0, 5));
        List<String> lines = new ArrayList<>(Files.readAllLines(input.resolve("bad.csv")));
        lines.set(3, "li-broken" + ",".repeat(LineItemCsv.header().size() - 1));
        Files.write(input.resolve("bad.csv"), lines);
        Path rules = Files.writeString(dir.resolve("rules.json"), RuleSetJson.write(GeneratedMonth.rules()));
        AllocationJob job = AllocationJob.parse(
                "--input",
                input.toString(),
                "--rules",
                rules.toString(),
                "--out",
                dir.resolve("out").toString());

        Throwable failure = catchThrowable(() -> job.run(spark));

        assertThat(failure).isNotNull();
        assertThat(AllocationJob.inputProblem(failure))
                .hasValueSatisfying(m -> assertThat(m).contains("bad.csv:4"));
    }

    /**
     * The same month written as canonical CSV, as FOCUS CSV and (by DuckDB, amounts as DECIMAL(38,8), times as
     * timestamps) as FOCUS Parquet, each read with Spark's own readers, allocates alike: the rows of the two CSV
     * forms agree as text, scale included, and with the library's; the Parquet form's agree in value (its decimals
     * carry the column's 8 decimals).
     */
    @Test
    @Tag("ALLOC-5")
    @Tag("ALLOC-6")
    void allocate_sameMonthAsCanonicalCsvFocusCsvAndFocusParquet_identicalResults(@TempDir Path dir) throws Exception {
        Path canonical = Files.createDirectories(dir.resolve("canonical"));
        writeCsv(canonical.resolve("month.csv"), month);
        Path focusCsv = Files.createDirectories(dir.resolve("focus-csv"));
        FocusExport export =
                new FocusExport("Tencent Cloud", "Tencent Cloud", "Tencent Cloud", BillingCalendar.TENCENT);
        try (FocusCsvWriter out = FocusCsv.writer(
                Files.newBufferedWriter(focusCsv.resolve("month.csv")),
                FocusLineItems.EXTRA_COLUMNS,
                FormulaGuard.ON)) {
            month.forEach(item -> out.write(FocusLineItems.toRow(item, BillingMonth.of(2024, 9), export)));
        }
        Path focusParquet = Files.createDirectories(dir.resolve("focus-parquet"));
        writeParquet(focusCsv.resolve("month.csv"), focusParquet.resolve("month.parquet"));
        org.apache.spark.sql.types.StructType schema =
                spark.read().parquet(focusParquet.toString()).schema();
        assertThat(schema.apply("BilledCost").dataType().simpleString()).isEqualTo("decimal(38,8)");
        assertThat(schema.apply("ChargePeriodStart").dataType().simpleString()).isEqualTo("timestamp");

        List<String> fromCanonical = rowTexts(SparkAllocation.allocate(
                LineItemDatasets.readCanonicalCsv(spark, canonical.toString(), 3), GeneratedMonth::rules));
        List<String> fromFocusCsv = rowTexts(SparkAllocation.allocate(
                LineItemDatasets.readFocusCsv(spark, focusCsv.toString(), 3), GeneratedMonth::rules));
        Dataset<Row> fromParquet = SparkAllocation.allocate(
                        LineItemDatasets.readFocusParquet(spark, focusParquet.toString(), 3), GeneratedMonth::rules)
                .cache();

        AllocationBill expected =
                Allocation.allocate(GeneratedMonth.rules(), month, TagBindings.empty(), BillingCalendar.TENCENT);
        assertThat(fromCanonical).hasSize(expected.rows().size()).containsExactlyElementsOf(rowTexts(expected));
        assertThat(fromFocusCsv).containsExactlyElementsOf(fromCanonical);
        assertThat(valueTexts(rowTexts(fromParquet))).containsExactlyElementsOf(valueTexts(fromCanonical));
        assertAddsUpPerItem(fromParquet, month);
    }

    /** A bad value in a FOCUS CSV read by Spark fails the job naming the file, the item and the column. */
    @Test
    void readFocusCsv_badValueOrNoId_failsNamingFileItemAndColumn(@TempDir Path dir) throws IOException {
        Path good = Files.createDirectories(dir.resolve("good"));
        FocusExport export =
                new FocusExport("Tencent Cloud", "Tencent Cloud", "Tencent Cloud", BillingCalendar.TENCENT);
        try (FocusCsvWriter out = FocusCsv.writer(
                Files.newBufferedWriter(good.resolve("two.csv")), FocusLineItems.EXTRA_COLUMNS, FormulaGuard.ON)) {
            month.subList(0, 2)
                    .forEach(item -> out.write(FocusLineItems.toRow(item, BillingMonth.of(2024, 9), export)));
        }
        List<String> lines = Files.readAllLines(good.resolve("two.csv"));
        List<String> header = List.of(lines.get(0).split(",", -1)); // the header has no quoted cell
        int billed = header.indexOf("BilledCost");
        int id = header.indexOf(FocusLineItems.X_LINE_ITEM_ID);
        String second = month.get(1).id().value();

        Path bad = Files.createDirectories(dir.resolve("bad"));
        Files.write(
                bad.resolve("bad.csv"), List.of(lines.get(0), lines.get(1), withCell(lines.get(2), billed, "12,5")));
        Throwable badValue = catchThrowable(
                () -> LineItemDatasets.readFocusCsv(spark, bad.toString(), 1).collectAsList());
        assertThat(AllocationJob.inputProblem(badValue))
                .hasValueSatisfying(m -> assertThat(m)
                        .contains("bad.csv")
                        .contains("item " + second)
                        .contains("(BilledCost)"));

        Path noId = Files.createDirectories(dir.resolve("no-id"));
        Files.write(noId.resolve("no-id.csv"), List.of(lines.get(0), withCell(lines.get(1), id, "")));
        Throwable missingId = catchThrowable(
                () -> LineItemDatasets.readFocusCsv(spark, noId.toString(), 1).collectAsList());
        assertThat(AllocationJob.inputProblem(missingId))
                .hasValueSatisfying(m -> assertThat(m).contains("no-id.csv").contains("x_LineItemId"));
    }

    /** Returns a CSV line with cell {@code index} replaced. */
    private static String withCell(String line, int index, String value) throws IOException {
        com.fasterxml.jackson.dataformat.csv.CsvMapper csv = new com.fasterxml.jackson.dataformat.csv.CsvMapper();
        String[] cells = csv.readerFor(String[].class)
                .with(com.fasterxml.jackson.dataformat.csv.CsvParser.Feature.WRAP_AS_ARRAY)
                .<String[]>readValues(line)
                .next();
        cells[index] = value;
        return csv.writeValueAsString(cells).trim();
    }

    /** DuckDB writes the FOCUS CSV as Parquet: costs as DECIMAL(38,8), times as timestamps, the rest as text. */
    private static void writeParquet(Path csv, Path parquet) throws Exception {
        List<String> casts = new ArrayList<>();
        for (FocusColumn c : FocusColumn.values()) {
            if (c.type() == FocusColumn.Type.DECIMAL
                    && c != FocusColumn.CONSUMED_QUANTITY
                    && c != FocusColumn.PRICING_QUANTITY) {
                casts.add("CAST(\"" + c.header() + "\" AS DECIMAL(38,8)) AS \"" + c.header() + "\"");
            } else if (c.type() == FocusColumn.Type.DATETIME) {
                casts.add("CAST(\"" + c.header() + "\" AS TIMESTAMPTZ) AS \"" + c.header() + "\"");
            }
        }
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:duckdb:");
                java.sql.Statement s = c.createStatement()) {
            s.execute("SET TimeZone = 'UTC'");
            s.execute("CREATE TABLE focus AS SELECT * FROM read_csv('" + csv + "', header = true, all_varchar = true)");
            List<String> present = new ArrayList<>();
            try (java.sql.ResultSet r = s.executeQuery("SELECT column_name FROM (DESCRIBE focus)")) {
                while (r.next()) {
                    present.add(r.getString(1));
                }
            }
            List<String> replaced = new ArrayList<>();
            for (String cast : casts) {
                String column = cast.substring(cast.lastIndexOf(" AS \"") + 5, cast.length() - 1);
                if (present.contains(column)) {
                    replaced.add(cast);
                }
            }
            s.execute("COPY (SELECT * REPLACE (" + String.join(", ", replaced) + ") FROM focus) TO '" + parquet
                    + "' (FORMAT parquet)");
        }
    }

    /** Row texts with each amount as its value, trailing zeros dropped. */
    private static List<String> valueTexts(List<String> rows) {
        List<String> out = new ArrayList<>();
        for (String row : rows) {
            String[] cells = row.split("\\|", -1);
            cells[5] = new java.math.BigDecimal(cells[5]).stripTrailingZeros().toPlainString();
            out.add(String.join("|", cells));
        }
        out.sort(null);
        return out;
    }

    private static List<LineItem> concat(List<LineItem> a, List<LineItem> b) {
        List<LineItem> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static void writeCsv(Path file, List<LineItem> items) throws IOException {
        try (LineItemCsvWriter writer = LineItemCsv.writer(Files.newBufferedWriter(file))) {
            items.forEach(writer::write);
        }
    }

    /** The lines of the part files Spark wrote in {@code dir}, in part order. */
    private static List<String> linesOf(Path dir, String suffix) throws IOException {
        List<String> lines = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path part : files.filter(p -> p.getFileName().toString().startsWith("part-")
                            && p.getFileName().toString().endsWith(suffix))
                    .sorted()
                    .collect(Collectors.toList())) {
                lines.addAll(Files.readAllLines(part));
            }
        }
        return lines;
    }

    private static void assertSameGroups(Dataset<String> items, List<LineItem> list, Recipe<Grouping> grouping) {
        List<GroupTotals> onSpark = SparkConsolidation.consolidate(items, grouping);
        List<GroupTotals> inProcess = GroupTotals.of(Consolidation.consolidate(list, grouping.make()));
        assertThat(groupTexts(onSpark)).isNotEmpty().containsExactlyElementsOf(groupTexts(inProcess));
    }

    /** ALLOC-6, checked without the library: each item's rows add up to its total cost. */
    private static void assertAddsUpPerItem(Dataset<Row> rows, List<LineItem> items) {
        Map<String, Money> sums = new HashMap<>();
        for (Row r : rows.collectAsList()) {
            sums.merge(r.getString(0), Money.of(r.getString(4), r.getString(5)), Money::plus);
        }
        assertThat(sums).hasSameSizeAs(items);
        for (LineItem item : items) {
            assertThat(sums.get(item.id().value()).isEqual(item.totalCost()))
                    .as(item.id().value())
                    .isTrue();
        }
    }

    private static List<String> rowTexts(Dataset<Row> rows) {
        return rows.collectAsList().stream()
                .map(r -> String.join(
                        "|",
                        r.getString(0),
                        String.valueOf(r.getInt(1)),
                        String.valueOf(r.getString(2)),
                        r.getString(3),
                        r.getString(4),
                        r.getString(5),
                        String.valueOf(r.getString(6))))
                .sorted()
                .collect(Collectors.toList());
    }

    private static List<String> rowTexts(AllocationBill bill) {
        List<String> out = new ArrayList<>();
        String previous = null;
        int index = 0;
        for (AllocatedRow r : bill.rows()) {
            String id = r.item().id().value();
            index = id.equals(previous) ? index + 1 : 0;
            previous = id;
            out.add(String.join(
                    "|",
                    id,
                    String.valueOf(index),
                    r.unit().map(UnitId::value).orElse("null"),
                    r.type().name(),
                    r.amount().currency().getCurrencyCode(),
                    r.amount().amount().toPlainString(),
                    r.rule().map(RuleId::value).orElse("null")));
        }
        out.sort(null);
        return out;
    }

    private static List<String> summaryTexts(List<SummaryRow> rows) {
        return rows.stream()
                .map(r -> r.unit().map(UnitId::value).orElse("") + "|" + r.type() + "|"
                        + r.value().orElse("")
                        + "|" + r.amount().currency().getCurrencyCode() + "|"
                        + r.amount().amount().toPlainString())
                .collect(Collectors.toList());
    }

    private static List<String> groupTexts(List<GroupTotals> groups) {
        return groups.stream()
                .map(g -> g.values() + "|" + g.currency().getCurrencyCode() + "|"
                        + g.totals().itemCount() + "|"
                        + g.totals().listCost().amount().toPlainString() + "|"
                        + g.totals().totalCost().amount().toPlainString())
                .collect(Collectors.toList());
    }
}
