package org.cloudbilling.core.focus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cloudbilling.core.io.FastPathComparison.delete;
import static org.cloudbilling.core.io.FastPathComparison.described;
import static org.cloudbilling.core.io.FastPathComparison.file;
import static org.cloudbilling.core.io.FastPathComparison.joinedWithStrayBytes;
import static org.cloudbilling.core.io.FastPathComparison.outcome;
import static org.cloudbilling.core.io.FastPathComparison.withOddTagsAndIds;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cloudbilling.core.bill.LineItem;
import org.cloudbilling.core.consolidation.Consolidation;
import org.cloudbilling.core.consolidation.Dimension;
import org.cloudbilling.core.consolidation.Grouping;
import org.cloudbilling.core.id.TagKey;
import org.cloudbilling.core.io.FormulaGuard;
import org.cloudbilling.core.io.OnError;
import org.cloudbilling.core.testing.BillingGenerators;
import org.cloudbilling.core.time.BillingCalendar;
import org.cloudbilling.core.time.BillingMonth;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.dsl.TheoryBuilder4;
import org.quicktheories.generators.Generate;

/**
 * FOCUS-8, import: consolidating a FOCUS CSV file from its bytes ({@link FocusCsv#consolidate}, parts read on
 * several threads) gives exactly what the plain reader's items give consolidated: the same groups, the same totals
 * with every scale, and the same error for the first bad row, whatever the number of threads and wherever the file
 * is cut; on the library's own exports (FOCUS 1.0 and 1.2), on a provider's rows (no {@code x_} columns), on
 * spoiled files, and on the real FOCUS 1.0 sample.
 */
@Tag("FOCUS-8")
class FocusCsvFastPathProperties {
    private static final BillingMonth MONTH = BillingMonth.of(2024, 9);
    private static final FocusExport EXPORT =
            new FocusExport("Tencent Cloud", "Tencent Cloud", "Tencent Cloud", BillingCalendar.UTC);

    /** Text that needs quoting, escaping or decoding: quotes, commas, line breaks, non-ASCII, guarded starts. */
    private static final List<String> ODD = List.of(
            "équipe",
            "名前",
            "a,b",
            "say \"hi\"",
            "line\nbreak",
            "cr\r\nlf",
            "=SUM(A1)",
            "'quoted",
            "-5",
            "NULL",
            "plain");

    /**
     * Groupings the fast path totals from the cells (library fields, other FOCUS columns, tags, days and months at a
     * fixed offset), and ones it reads as items (the id, the pricing quantity, a derived cost metric, days in a zone
     * with summer time).
     */
    private static final List<Grouping> GROUPINGS = List.of(
            Grouping.by(),
            Grouping.by(Dimension.OWNER),
            Grouping.by(Dimension.PAYER, Dimension.BUSINESS, Dimension.CHARGE_CATEGORY),
            Grouping.by(Dimension.parse("ServiceCategory"), Dimension.REGION),
            Grouping.by(Dimension.OWNER, Dimension.tag(TagKey.of("team"))),
            Grouping.by(BillingCalendar.UTC, Dimension.DAY),
            Grouping.by(BillingCalendar.TENCENT, Dimension.OWNER, Dimension.MONTH),
            Grouping.by(Dimension.PAY_MODE, Dimension.ACTION_TYPE, Dimension.parse("ChargeFrequency")),
            Grouping.by(Dimension.parse("ServiceSubcategory"), Dimension.parse("ChargeClass"), Dimension.ITEM),
            Grouping.by(Dimension.RESOURCE, Dimension.PROJECT, Dimension.parse("x_SettlementCycle")),
            Grouping.by(
                    Dimension.parse("ListCost"), Dimension.parse("ConsumedQuantity"), Dimension.parse("PricingUnit")),
            Grouping.by(Dimension.parse("id"), Dimension.parse("EffectiveCost")),
            Grouping.by(BillingCalendar.of(ZoneId.of("America/Sao_Paulo"), 5, 3), Dimension.DAY));

    static Gen<LineItem> items() {
        return BillingGenerators.withReportedMetrics(withOddTagsAndIds(
                BillingGenerators.lineItems(Currency.getInstance("USD"))
                        .mix(BillingGenerators.lineItems(Currency.getInstance("JPY"))),
                ODD));
    }

    /**
     * USD items with reported metrics and at most one tag: the tags cell then holds no comma, so a row splits on commas
     * into its cells.
     */
    static Gen<LineItem> oneTagItems() {
        Gen<LineItem> usd = BillingGenerators.lineItems(Currency.getInstance("USD"));
        return BillingGenerators.withReportedMetrics(in -> {
            LineItem item = usd.generate(in);
            Map<TagKey, String> tags = new LinkedHashMap<>();
            item.tags().entrySet().stream().limit(1).forEach(t -> tags.put(t.getKey(), t.getValue()));
            return LineItem.builder().from(item).tags(tags).build();
        });
    }

    /**
     * Spoils rows of a CSV's {@code lines} (the header first, then the rows, then the empty text after the last line
     * break), one for each of {@code how}, spread over the rows by their index and name.
     */
    static void spoilRows(List<String> lines, List<String> header, List<String> how) {
        for (int i = 0; i < how.size(); i++) {
            // rows only: line 0 is the header, and the text ends with a line break
            int at = 1 + (i * 7 + how.get(i).length()) % (lines.size() - 2);
            lines.set(at, spoil(lines.get(at), header, how.get(i)));
        }
    }

    /**
     * A builder of item {@code n} of a simple hourly series (ids {@code li-N}, four owners, one payer, CNY costs),
     * for the tests that vary one field over many items.
     */
    static LineItem.Builder hourlyItem(int n) {
        java.time.Instant start = java.time.Instant.ofEpochSecond(1_727_740_800L + 3600L * (n % 24));
        org.cloudbilling.core.money.Money cost = org.cloudbilling.core.money.Money.of("CNY", "1." + (n % 100));
        return LineItem.builder()
                .id(org.cloudbilling.core.id.LineItemId.of("li-" + n))
                .ownerUin(org.cloudbilling.core.id.OwnerUin.of("o" + (n % 4)))
                .payerUin(org.cloudbilling.core.id.PayerUin.of("p1"))
                .businessCode(org.cloudbilling.core.id.BusinessCode.of("p_cvm"))
                .payMode(org.cloudbilling.core.bill.PayMode.POSTPAID)
                .actionType(org.cloudbilling.core.bill.ActionType.USAGE)
                .feePeriod(org.cloudbilling.core.time.Interval.of(start, start.plusSeconds(3600)))
                .listCost(cost)
                .totalCost(cost);
    }

    /**
     * Writes {@code items} as the library's FOCUS 1.2 CSV and collects it by the fast path on one and on two threads,
     * in parts of {@code partSize} bytes: asserts the items equal the plain reader's, and gives {@code eachPair}
     * every item of the fast path with the plain reader's of its row. Returns the one-thread collection.
     */
    static List<LineItem> collectedAsThePlainReader(
            List<LineItem> items, int partSize, java.util.function.BiConsumer<LineItem, LineItem> eachPair) {
        String text = csv(items, FocusVersion.V1_2, false, FormulaGuard.OFF);
        Path file = file(text.getBytes(StandardCharsets.UTF_8));
        try {
            List<LineItem> plain = FocusCsv.readLineItems(
                            new StringReader(text), "f.csv", FormulaGuard.OFF, OnError.FAIL)
                    .values();
            List<LineItem> oneThread = null;
            for (int threads = 1; threads <= 2; threads++) {
                List<LineItem> fast = FocusCsv.collect(
                        file,
                        StandardCharsets.UTF_8,
                        FormulaGuard.OFF,
                        java.util.stream.Collectors.toList(),
                        threads,
                        partSize);
                assertThat(fast).as("%s threads", threads).isEqualTo(plain);
                for (int i = 0; i < fast.size(); i++) {
                    eachPair.accept(fast.get(i), plain.get(i));
                }
                oneThread = oneThread == null ? fast : oneThread;
            }
            return oneThread;
        } finally {
            delete(file);
        }
    }

    /** The items as a FOCUS CSV: the library's own export, or a provider's rows without the {@code x_} columns. */
    static String csv(List<LineItem> items, FocusVersion version, boolean provider, FormulaGuard guard) {
        StringWriter out = new StringWriter();
        List<String> extra = provider ? List.of() : FocusLineItems.EXTRA_COLUMNS;
        try (FocusCsvWriter w = FocusCsv.writer(out, version, extra, guard)) {
            for (LineItem item : items) {
                FocusRow row = FocusLineItems.toRow(item, MONTH, EXPORT.withVersion(version));
                if (provider) {
                    FocusRow.Builder b = row.toBuilder();
                    FocusLineItems.EXTRA_COLUMNS.forEach(h -> b.extra(h, null));
                    row = b.build();
                }
                w.write(row);
            }
        }
        return out.toString();
    }

    /**
     * {@code examples} draws of up to 30 {@link #items()}, 1 to 3 threads, parts of 1 to 4000 bytes and a kind of
     * FOCUS CSV ({@link #csv(List, int)}), without shrinking.
     */
    static TheoryBuilder4<List<LineItem>, Integer, Integer, Integer> exports(int examples) {
        return qt().withShrinkCycles(0)
                .withExamples(examples)
                .forAll(
                        lists().of(items()).ofSizeBetween(0, 30),
                        integers().between(1, 3),
                        integers().between(1, 4000),
                        integers().between(0, 7));
    }

    /**
     * {@code examples} draws of 1 to 12 {@link #oneTagItems()}, 1 to 3 {@link #SPOILERS}, 1 to 3 threads and parts of
     * 1 to 3000 bytes, without shrinking.
     */
    static TheoryBuilder4<List<LineItem>, List<String>, Integer, Integer> spoiledExports(int examples) {
        return qt().withShrinkCycles(0)
                .withExamples(examples)
                .forAll(
                        lists().of(oneTagItems()).ofSizeBetween(1, 12),
                        lists().of(Generate.pick(SPOILERS)).ofSizeBetween(1, 3),
                        integers().between(1, 3),
                        integers().between(1, 3000));
    }

    /** The FOCUS version of a kind of {@link #csv(List, int)}: bit 0. */
    static FocusVersion version(int kind) {
        return (kind & 1) == 0 ? FocusVersion.V1_0 : FocusVersion.V1_2;
    }

    /** The formula guard of a kind of {@link #csv(List, int)}: bit 2. */
    static FormulaGuard guard(int kind) {
        return (kind & 4) != 0 ? FormulaGuard.ON : FormulaGuard.OFF;
    }

    /**
     * The items as one of eight kinds of FOCUS CSV ({@code kind} from 0 to 7): bit 0 the version (1.0, with its line
     * breaks LF, or 1.2), bit 1 a provider's rows, bit 2 guarded.
     */
    static String csv(List<LineItem> items, int kind) {
        String text = csv(items, version(kind), (kind & 2) != 0, guard(kind));
        return (kind & 1) == 0 ? text.replace("\r\n", "\n") : text;
    }

    /**
     * A file of the items as a guarded FOCUS CSV with LF line breaks, its rows spoiled by {@code how}
     * ({@link #spoilRows}) and stray bytes joined in ({@code joinedWithStrayBytes}): FOCUS 1.2 when {@code partSize}
     * is even, else 1.0; when {@code providerRows} and {@code partSize} is a multiple of 3, a provider's rows, without
     * ids ({@link #withoutIds}).
     */
    static Path spoiledFile(List<LineItem> items, List<String> how, int partSize, boolean providerRows) {
        FocusVersion version = partSize % 2 == 0 ? FocusVersion.V1_2 : FocusVersion.V1_0;
        String text = csv(items, version, false, FormulaGuard.ON).replace("\r\n", "\n");
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        spoilRows(lines, header(lines), how);
        if (providerRows && partSize % 3 == 0) {
            withoutIds(lines);
        }
        return file(joinedWithStrayBytes(lines));
    }

    /** The column names of a CSV's {@code lines}, split on commas. */
    static List<String> header(List<String> lines) {
        return List.of(lines.get(0).split(",", -1));
    }

    /**
     * Empties the id of every row of {@code lines} as wide as the header: a provider's rows, which have no id, so rows
     * are named by their lines.
     */
    static void withoutIds(List<String> lines) {
        List<String> header = header(lines);
        int id = header.indexOf(FocusLineItems.X_LINE_ITEM_ID);
        for (int i = 1; i < lines.size() - 1; i++) {
            String[] cells = lines.get(i).split(",", -1);
            if (cells.length == header.size()) {
                cells[id] = "";
                lines.set(i, String.join(",", cells));
            }
        }
    }

    /** The plain reader's items of the file, one by one, stopping at the first bad row. */
    static List<LineItem> plainItems(Path file, FormulaGuard guard) {
        try (java.io.InputStream in = Files.newInputStream(file);
                FocusCsvReader r = FocusCsv.reader(in, StandardCharsets.UTF_8, file.toString(), guard)) {
            List<LineItem> items = new ArrayList<>();
            while (r.hasNext()) {
                items.add(r.nextLineItem());
            }
            return items;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The plain reader's items of the text, consolidated; or its refusal, naming {@code file}. */
    private static String plain(String text, Path file, FormulaGuard guard, Grouping grouping) {
        return outcome(() -> Consolidation.consolidate(
                FocusCsv.readLineItems(new StringReader(text), file.toString(), guard, OnError.FAIL)
                        .valuesOrThrow(),
                grouping));
    }

    private static String fast(Path file, FormulaGuard guard, Grouping grouping, int threads, int partSize) {
        return outcome(() -> FocusCsv.consolidate(file, StandardCharsets.UTF_8, guard, grouping, threads, partSize));
    }

    @Test
    void fastPath_givesThePlainReadersTotals_whateverTheThreadsAndCuts() {
        exports(60).checkAssert((items, threads, partSize, kind) -> {
            FormulaGuard guard = guard(kind);
            String text = csv(items, kind);
            Path file = file(text.getBytes(StandardCharsets.UTF_8));
            try {
                for (Grouping grouping : GROUPINGS) {
                    String expected = plain(text, file, guard, grouping);
                    assertThat(expected).doesNotStartWith("refused");
                    assertThat(fast(file, guard, grouping, threads, partSize)).isEqualTo(expected);
                }
            } finally {
                delete(file);
            }
        });
    }

    /** Ways to spoil a row: a bad cell, a bad row or bad CSV, and odd but valid cells the plain mapping reads. */
    static final List<String> SPOILERS = List.of(
            "amount",
            "width",
            "quoteInside",
            "badByte",
            "blank",
            "guard",
            "quotedBreak",
            "loneCr",
            "afterQuote",
            "tagsJunk",
            "tagsDuplicate",
            "badTime",
            "spaceTime",
            "badCurrency",
            "unclosed",
            "endNotAfterStart",
            "quotedAmount",
            "longAmount",
            "nullService",
            "exponent",
            "plusAmount",
            "manyDecimals",
            "badPayMode",
            "negativeRate",
            "payments",
            "rateTooManyDecimals",
            "rateZero",
            "rateQuoted",
            "emptyTagKey",
            "badActionType",
            "badSettlement",
            "badDeduction",
            "otherDeduction",
            "effectiveAsBilled",
            "effectiveNull",
            "contractedNull",
            "pricingUnits",
            "pricingNoUnit",
            "purchaseCount",
            "consumedNull",
            "startNextDay",
            "spaceEnd",
            "quotedCategory",
            "nullCategory",
            "noActionType",
            "tagsDuplicateLater",
            "tagsEscapedDuplicate",
            "tagsEmptyKeyLater",
            "tagsNumber",
            "tagsBlanks",
            "tagsEmptyValue",
            "tagsEmpty",
            "tagsTrailingComma",
            "tagsUnclosed",
            "tagsControl",
            "unitPriceJunk",
            "unitPriceTwoPoints",
            "unitPricePointLast",
            "unitPricePointFirst",
            "unitPriceLong",
            "unitPriceSignOnly",
            "unitPriceQuoted",
            "unitPriceNull",
            "consumedJunk",
            "billingPeriodBad",
            "billingPeriodQuoted",
            "billingPeriodSpace");

    static String spoil(String line, List<String> header, String how) {
        String[] cells = line.split(",", -1);
        int billed = header.indexOf("BilledCost");
        int list = header.indexOf("ListCost");
        int sub = header.indexOf("SubAccountId");
        int service = header.indexOf("ServiceName");
        int region = header.indexOf("RegionId");
        int start = header.indexOf("ChargePeriodStart");
        int end = header.indexOf("ChargePeriodEnd");
        int currency = header.indexOf("BillingCurrency");
        int tags = header.indexOf("Tags");
        int payMode = header.indexOf("x_PayMode");
        switch (how) {
            case "amount" -> cells[billed] = "12.5x";
            case "width" -> {
                return line + ",extra";
            }
            case "quoteInside" -> cells[sub] = "o\"1";
            case "badByte" -> cells[sub] = "o\u0000BAD";
            case "blank" -> {
                return "\n" + line;
            }
            case "guard" -> cells[service] = "'" + cells[service];
            case "quotedBreak" -> cells[service] = "\"li\nx\"";
            case "loneCr" -> cells[region] = "p\rq";
            case "afterQuote" -> cells[sub] = "\"o\"x";
            case "tagsJunk" -> cells[tags] = "\"{}junk\"";
            case "tagsDuplicate" -> cells[tags] = "\"{\"\"a\"\":\"\"1\"\",\"\"a\"\":\"\"2\"\"}\"";
            case "badTime" -> cells[start] = "2024-02-30T00:00:00Z";
            case "spaceTime" -> cells[start] = cells[start].replace('T', ' ').replace("Z", "");
            case "badCurrency" -> cells[currency] = "XYZ";
            case "unclosed" -> cells[region] = "\"open";
            case "endNotAfterStart" -> cells[end] = cells[start];
            case "quotedAmount" -> cells[billed] = "\"" + cells[billed] + "\"";
            case "longAmount" -> cells[list] = cells[list] + "0000000000000000000";
            case "nullService" -> cells[service] = "NULL";
            case "exponent" -> cells[billed] = "1e2";
            case "plusAmount" -> cells[billed] = "+" + cells[billed].replace("-", "");
            case "manyDecimals" -> cells[billed] = "0.0000000000000000001";
            case "badPayMode" -> cells[payMode] = "SOMETIMES";
            case "negativeRate" -> cells[header.indexOf("x_DiscountRate")] = "-0.5";
            case "payments" -> cells[header.indexOf("x_CashPaid")] = "1.00";
            case "rateTooManyDecimals" -> cells[header.indexOf("x_DiscountRate")] = "0.1234567890123";
            case "rateZero" -> cells[header.indexOf("x_DiscountRate")] = "0.000";
            case "rateQuoted" -> cells[header.indexOf("x_DiscountRate")] = "\"0.85\"";
            case "emptyTagKey" -> cells[tags] = "\"{\"\"\"\":\"\"1\"\"}\"";
            case "badActionType" -> cells[header.indexOf("x_ActionType")] = "SOMETHING";
            case "badSettlement" -> cells[header.indexOf("x_SettlementCycle")] = "HOURLY";
            case "badDeduction" -> cells[header.indexOf("x_DeductionTime")] = "yesterday";
            case "otherDeduction" -> cells[header.indexOf("x_DeductionTime")] = "2024-09-01T00:00:00.000Z";
            case "effectiveAsBilled" ->
                cells[header.indexOf("EffectiveCost")] = cells[billed] + (cells[billed].contains(".") ? "0" : ".0");
            case "effectiveNull" -> cells[header.indexOf("EffectiveCost")] = "";
            case "contractedNull" -> cells[header.indexOf("ContractedCost")] = "NULL";
            case "pricingUnits" -> {
                cells[header.indexOf("PricingQuantity")] = "1";
                cells[header.indexOf("PricingUnit")] = "Units";
            }
            case "pricingNoUnit" -> cells[header.indexOf("PricingUnit")] = "";
            case "purchaseCount" -> {
                cells[header.indexOf("PricingQuantity")] = "4.00";
                cells[header.indexOf("PricingUnit")] = "Units";
                cells[header.indexOf("ConsumedQuantity")] = "";
            }
            case "consumedNull" -> cells[header.indexOf("ConsumedQuantity")] = "";
            case "startNextDay" -> {
                cells[start] = "2024-08-31T23:00:00Z";
                cells[end] = "2024-09-01T00:00:00Z";
            }
            case "spaceEnd" -> cells[end] = "2099-01-01 00:00:00";
            case "quotedCategory" ->
                cells[header.indexOf("ChargeCategory")] = "\"" + cells[header.indexOf("ChargeCategory")] + "\"";
            case "nullCategory" -> cells[header.indexOf("ChargeCategory")] = "";
            case "noActionType" -> cells[header.indexOf("x_ActionType")] = "";
            case "tagsDuplicateLater" -> cells[tags] = quoted("{\"a\":\"1\",\"b\":\"2\",\"a\":\"3\"}");
            case "tagsEscapedDuplicate" -> cells[tags] = quoted("{\"ab\":\"1\",\"\\u0061b\":\"2\"}");
            case "tagsEmptyKeyLater" -> cells[tags] = quoted("{\"a\":\"1\",\"\":\"2\"}");
            case "tagsNumber" -> cells[tags] = quoted("{\"a\":1}");
            case "tagsBlanks" -> cells[tags] = quoted("{ \"a\" : \"1\" , \"b\":\"x y\" }");
            case "tagsEmptyValue" -> cells[tags] = quoted("{\"a\":\"\",\"b\":\"2\"}");
            case "tagsEmpty" -> cells[tags] = quoted("{}");
            case "tagsTrailingComma" -> cells[tags] = quoted("{\"a\":\"1\",}");
            case "tagsUnclosed" -> cells[tags] = quoted("{\"a\":\"1\"");
            case "tagsControl" -> cells[tags] = quoted("{\"a\":\"1\tx\"}");
            // decimal cells that are only checked, not totalled, and a period's bounds, which repeat row after row
            case "unitPriceJunk" -> cells[header.indexOf("ListUnitPrice")] = "12.5x";
            case "unitPriceTwoPoints" -> cells[header.indexOf("ListUnitPrice")] = "1.2.3";
            case "unitPricePointLast" -> cells[header.indexOf("ListUnitPrice")] = "5.";
            case "unitPricePointFirst" -> cells[header.indexOf("ListUnitPrice")] = "-.5";
            case "unitPriceLong" -> cells[header.indexOf("ListUnitPrice")] = "-1234567890.123456789";
            case "unitPriceSignOnly" -> cells[header.indexOf("ListUnitPrice")] = "-";
            case "unitPriceQuoted" -> cells[header.indexOf("ListUnitPrice")] = "\"-0.50\"";
            case "unitPriceNull" -> cells[header.indexOf("ListUnitPrice")] = "NULL";
            case "consumedJunk" -> cells[header.indexOf("ConsumedQuantity")] = "2..5";
            case "billingPeriodBad" -> cells[header.indexOf("BillingPeriodStart")] = "2024-02-30T00:00:00Z";
            case "billingPeriodQuoted" ->
                cells[header.indexOf("BillingPeriodStart")] = "\"" + cells[header.indexOf("BillingPeriodStart")] + "\"";
            case "billingPeriodSpace" ->
                cells[header.indexOf("BillingPeriodEnd")] = cells[header.indexOf("BillingPeriodEnd")].replace('T', ' ');
            default -> throw new IllegalArgumentException(how);
        }
        return String.join(",", cells);
    }

    /** A cell's text as CSV quotes it: in quotes, a quote doubled. */
    private static String quoted(String text) {
        return "\"" + text.replace("\"", "\"\"") + "\"";
    }

    @Test
    void fastPath_refusesBadRowsExactlyAsThePlainReader() {
        spoiledExports(120).checkAssert((items, spoilers, threads, partSize) -> {
            // the plain reader reads ahead, so a byte that is not UTF-8 may stop it before an earlier bad
            // row: that spoiler is tried alone
            List<String> how = spoilers.contains("badByte") ? List.of("badByte") : spoilers;
            Path file = spoiledFile(items, how, partSize, false);
            try {
                for (Grouping grouping : GROUPINGS) {
                    // a spoiled cell may leave a row the reader takes but consolidation cannot total (a
                    // ContractedCost with more decimals than Money keeps): both paths must then fail alike
                    String expected =
                            outcome(() -> Consolidation.consolidate(plainItems(file, FormulaGuard.ON), grouping));
                    assertThat(fast(file, FormulaGuard.ON, grouping, threads, partSize))
                            .as("spoiled by %s", how)
                            .isEqualTo(expected);
                }
            } finally {
                delete(file);
            }
        });
    }

    /** The real FOCUS 1.0 sample (the copy of {@code data/focus-1.0/focus_sample.csv} in the test resources). */
    static String sample() throws IOException {
        try (java.io.InputStream in = FocusCsvFastPathProperties.class.getResourceAsStream("/focus/focus_sample.csv")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void fastPath_onTheRealFocusSample_givesThePlainReadersTotals() throws IOException {
        String text = sample();
        Path file = file(text.getBytes(StandardCharsets.UTF_8));
        try {
            for (Grouping grouping : GROUPINGS) {
                String expected = plain(text, file, FormulaGuard.OFF, grouping);
                assertThat(expected).doesNotStartWith("refused").contains("USD");
                for (int threads = 1; threads <= 2; threads++) {
                    for (int partSize : new int[] {997, 65_536, 16 << 20}) {
                        assertThat(fast(file, FormulaGuard.OFF, grouping, threads, partSize))
                                .isEqualTo(expected);
                    }
                }
            }
        } finally {
            delete(file);
        }
    }

    @Test
    void fastPath_headerForms_byteOrderMark_otherCharset_asThePlainReader() throws IOException {
        String text = sample();
        int eol = text.indexOf('\n');
        String plainHeader = text.substring(0, eol).replace("\"", "") + text.substring(eol);
        String oddHeader = "\"\"" + text.substring(0, eol) + "\"\"" + text.substring(eol); // "" + the first name
        Grouping grouping = Grouping.by(Dimension.OWNER);
        for (String variant : List.of(plainHeader, oddHeader, "\uFEFF" + text, text.replace("\n", "\r\n"))) {
            Path file = file(variant.getBytes(StandardCharsets.UTF_8));
            try {
                assertThat(fast(file, FormulaGuard.OFF, grouping, 2, 4096))
                        .isEqualTo(plain(variant, file, FormulaGuard.OFF, grouping));
            } finally {
                delete(file);
            }
        }
        Path latin = file(text.getBytes(StandardCharsets.ISO_8859_1));
        try {
            assertThat(described(FocusCsv.consolidate(
                            latin, StandardCharsets.ISO_8859_1, FormulaGuard.OFF, grouping, 2, 4096)))
                    .isEqualTo(plain(text, latin, FormulaGuard.OFF, grouping));
        } finally {
            delete(latin);
        }
    }

    /**
     * The sample's text with its header refused or odd: {@code header} is its header line without quotes, {@code rows}
     * the text after it.
     */
    static List<String> headersRefusedOrOdd(String header, String rows) {
        return List.of(
                header + rows, // plain: the header is cut from the bytes
                header.replace("BilledCost", "Billed Cost") + rows, // lacks a column that may never be null
                header.replace("ChargePeriodStart", "BilledCost") + rows, // a repeated column
                header + "," + rows, // an empty last name: rows narrower than the header
                header + ",x_Extra" + rows, // one more column than the rows hold
                "\n" + header + rows, // a blank first line
                header.replace("BilledCost", "\"BilledCost\"") + rows, // a quoted name
                header.substring(0, header.length() - 1) + "\r" + rows); // a lone CR
    }

    @Test
    void fastPath_headersRefusedOrOdd_asThePlainReader() throws IOException {
        String text = sample();
        int eol = text.indexOf('\n');
        String header = text.substring(0, eol).replace("\"", "");
        String rows = text.substring(eol);
        assertThat(header).contains("BilledCost", "ChargePeriodStart");
        Grouping grouping = Grouping.by(Dimension.OWNER);
        List<String> variants = new ArrayList<>(headersRefusedOrOdd(header, rows));
        variants.add(header.replace("ChargePeriodStart", "#ChargePeriodStart") + rows);
        variants.add(header.replace("ChargePeriodStart", " ChargePeriodStart") + rows);
        for (String variant : variants) {
            Path file = file(variant.getBytes(StandardCharsets.UTF_8));
            try {
                assertThat(fast(file, FormulaGuard.OFF, grouping, 2, 4096))
                        .as(variant.substring(0, 60))
                        .isEqualTo(plain(variant, file, FormulaGuard.OFF, grouping));
            } finally {
                delete(file);
            }
        }
    }
}
