package org.cloudbilling.core.focus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cloudbilling.core.io.FastPathComparison.delete;
import static org.cloudbilling.core.io.FastPathComparison.file;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.cloudbilling.core.bill.LineItem;
import org.cloudbilling.core.consolidation.Consolidation;
import org.cloudbilling.core.consolidation.Dimension;
import org.cloudbilling.core.consolidation.Grouping;
import org.cloudbilling.core.io.BillingInputException;
import org.cloudbilling.core.io.FastPathComparison;
import org.cloudbilling.core.io.FormulaGuard;
import org.cloudbilling.core.io.OnError;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * FOCUS-8, import: reading a FOCUS CSV file to line items from its bytes ({@link FocusCsv#collect}, parts read on
 * several threads, items made from the cells) gives exactly the plain reader's items, item by item and in file
 * order (every field, every scale, the attributes in their order, the {@code line-N} id of a row without one), and
 * the same error for the first bad row, whatever the number of threads and wherever the file is cut; on the
 * library's own exports (FOCUS 1.0 and 1.2, guarded or not), on a provider's rows (no {@code x_} columns), on
 * spoiled files, and on the real FOCUS 1.0 sample. The generators and spoilers are those of
 * {@link FocusCsvFastPathProperties}.
 */
@Tag("FOCUS-8")
class FocusCsvCollectProperties {
    /** Each item on its own line, as its text (which shows every scale and the attributes' order). */
    private static String described(List<LineItem> items) {
        StringBuilder out = new StringBuilder();
        for (LineItem item : items) {
            out.append(item).append('\n');
        }
        return out.toString();
    }

    /** The items described, or the refusal or failure, worded. */
    private static String outcome(Supplier<List<LineItem>> read) {
        try {
            return described(read.get());
        } catch (BillingInputException e) {
            return "refused " + e.problems();
        } catch (RuntimeException e) {
            return "failed " + e;
        }
    }

    private static List<LineItem> fast(Path file, FormulaGuard guard, int threads, int partSize) {
        return FocusCsv.collect(file, StandardCharsets.UTF_8, guard, Collectors.toList(), threads, partSize);
    }

    @Test
    void collect_givesThePlainReadersItems_itemByItem_whateverTheThreadsAndCuts() {
        FocusCsvFastPathProperties.exports(80).checkAssert((items, threads, partSize, kind) -> {
            FormulaGuard guard = FocusCsvFastPathProperties.guard(kind);
            String text = FocusCsvFastPathProperties.csv(items, kind);
            Path file = file(text.getBytes(StandardCharsets.UTF_8));
            try {
                List<LineItem> expected = FocusCsv.readLineItems(
                                new StringReader(text), file.toString(), guard, OnError.FAIL)
                        .valuesOrThrow();
                assertThat(expected).hasSize(items.size());
                List<LineItem> got = fast(file, guard, threads, partSize);
                assertThat(got).isEqualTo(expected);
                assertThat(described(got)).isEqualTo(described(expected));
            } finally {
                delete(file);
            }
        });
    }

    /**
     * The fast path hands one amount, decimal and {@code Optional} to the rows whose cells have the same digits: never
     * to a row whose currency differs (USD 1.5 is not EUR 1.5) or whose scale differs (15, 1.5 and 0.15 have the same
     * digits). Rows of a few such amounts, quantities and rates in either currency, read on one thread (one parser
     * sees every row), give the plain reader's items.
     */
    @Test
    void collect_sameDigitsInAnotherCurrencyOrAtAnotherScale_areNotSharedAmongRows() {
        sameDigitsNotShared(List.of("15", "1.5", "0.15", "1.50", "-15", "150"));
    }

    /**
     * The cutter reads a decimal cell of 8 to 16 bytes that repeats the last one it read (a row's costs often repeat
     * one another) as that value without reading its digits again: never a cell that differs in one byte, its first,
     * one in the middle or its last, nor one with the point elsewhere, nor a longer or shorter cell with the same
     * first and last bytes. Rows of such costs give the plain reader's items.
     */
    @Test
    void collect_longCostsThatDifferInOneByte_areReadEachByItsOwnDigits() {
        sameDigitsNotShared(List.of(
                "12345678.90",
                "12345678.91",
                "22345678.90",
                "12345078.90",
                "1234567.890",
                "123456789.0",
                "-2345678.90",
                "12345678.9",
                "12345678.900",
                "1234567812345678.9",
                "12345678123.45678",
                "12345679123.45678",
                "1234567.8"));
    }

    private static void sameDigitsNotShared(List<String> amounts) {
        Gen<String> amount = Generate.pick(amounts);
        Gen<String> currencies = Generate.pick(List.of("USD", "EUR"));
        Gen<Integer> dice = integers().between(0, 3);
        java.time.Instant start = java.time.Instant.parse("2024-09-01T00:00:00Z");
        Gen<LineItem> items = in -> {
            String c = currencies.generate(in);
            String total = amount.generate(in);
            LineItem.Builder b = LineItem.builder()
                    .id(org.cloudbilling.core.id.LineItemId.of(
                            "li-" + integers().between(0, 999).generate(in)))
                    .ownerUin(org.cloudbilling.core.id.OwnerUin.of("100000000001"))
                    .payerUin(org.cloudbilling.core.id.PayerUin.of("100000000001"))
                    .businessCode(org.cloudbilling.core.id.BusinessCode.of("p_cvm"))
                    .payMode(org.cloudbilling.core.bill.PayMode.POSTPAID)
                    .actionType(org.cloudbilling.core.bill.ActionType.USAGE)
                    .feePeriod(org.cloudbilling.core.time.Interval.of(start, start.plusSeconds(3600)))
                    .listCost(org.cloudbilling.core.money.Money.of(c, amount.generate(in)))
                    .totalCost(org.cloudbilling.core.money.Money.of(c, total));
            if (dice.generate(in) > 0) {
                b.cashPaid(org.cloudbilling.core.money.Money.of(c, total));
            }
            if (dice.generate(in) > 0) {
                b.tax(org.cloudbilling.core.money.Money.of(c, amount.generate(in)));
            }
            if (dice.generate(in) > 0) {
                b.effectiveCost(org.cloudbilling.core.money.Money.of(c, amount.generate(in)));
            }
            if (dice.generate(in) > 0) {
                b.usageQuantity(new java.math.BigDecimal(amount.generate(in))).usageUnit("Hours");
            }
            if (dice.generate(in) > 0) {
                b.pricingQuantity(new java.math.BigDecimal(amount.generate(in))).pricingUnit("Hours");
            }
            if (dice.generate(in) > 1) {
                b.discountRate(new java.math.BigDecimal(amount.generate(in).replace("-", "")));
            }
            return b.build();
        };
        qt().withShrinkCycles(0)
                .withExamples(60)
                .forAll(lists().of(items).ofSizeBetween(2, 40), integers().between(0, 3))
                .checkAssert((list, kind) -> {
                    FocusVersion version = (kind & 1) == 0 ? FocusVersion.V1_0 : FocusVersion.V1_2;
                    boolean provider = (kind & 2) != 0;
                    String text = FocusCsvFastPathProperties.csv(list, version, provider, FormulaGuard.OFF);
                    Path file = file(text.getBytes(StandardCharsets.UTF_8));
                    try {
                        List<LineItem> expected = FocusCsv.readLineItems(
                                        new StringReader(text), file.toString(), FormulaGuard.OFF, OnError.FAIL)
                                .valuesOrThrow();
                        List<LineItem> got = fast(file, FormulaGuard.OFF, 1, 16 << 20);
                        assertThat(described(got)).isEqualTo(described(expected));
                        assertThat(got).isEqualTo(expected);
                    } finally {
                        delete(file);
                    }
                });
    }

    @Test
    void collect_refusesBadRowsExactlyAsThePlainReader() {
        FocusCsvFastPathProperties.spoiledExports(150).checkAssert((items, spoilers, threads, partSize) -> {
            // the plain reader reads ahead, so a byte that is not UTF-8 may stop it before an earlier bad
            // row: that spoiler is tried alone
            List<String> how = spoilers.contains("badByte") ? List.of("badByte") : spoilers;
            // a provider's rows, without ids, when partSize is a multiple of 3
            Path file = FocusCsvFastPathProperties.spoiledFile(items, how, partSize, true);
            try {
                String expected = outcome(() -> FocusCsvFastPathProperties.plainItems(file, FormulaGuard.ON));
                assertThat(outcome(() -> fast(file, FormulaGuard.ON, threads, partSize)))
                        .as("spoiled by %s", how)
                        .isEqualTo(expected);
                // consolidation reads the rows it does not total through the same item path
                Grouping grouping = Grouping.by(Dimension.OWNER);
                assertThat(FastPathComparison.outcome(() -> FocusCsv.consolidate(
                                file, StandardCharsets.UTF_8, FormulaGuard.ON, grouping, threads, partSize)))
                        .as("consolidated, spoiled by %s", how)
                        .isEqualTo(FastPathComparison.outcome(() -> Consolidation.consolidate(
                                FocusCsvFastPathProperties.plainItems(file, FormulaGuard.ON), grouping)));
            } finally {
                delete(file);
            }
        });
    }

    /**
     * Found by {@link #collect_refusesBadRowsExactlyAsThePlainReader}: a row without an id whose ContractedCost,
     * derived from the list cost and the discount rate, has more decimals than {@code Money} keeps is refused when
     * it is consolidated, naming the item by its line. The fast path named it by its line in its part
     * ({@code line-1}), not in the file ({@code line-4}).
     */
    @Test
    void consolidate_rowWithoutIdRefusedWhenTotalled_isNamedByItsLineInTheFile_whateverThePart() {
        java.time.Instant start = java.time.Instant.parse("2024-09-01T00:00:00Z");
        List<LineItem> items = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            items.add(LineItem.builder()
                    .id(org.cloudbilling.core.id.LineItemId.of("li-" + i))
                    .ownerUin(org.cloudbilling.core.id.OwnerUin.of("100000000001"))
                    .payerUin(org.cloudbilling.core.id.PayerUin.of("100000000001"))
                    .businessCode(org.cloudbilling.core.id.BusinessCode.of("p_cvm"))
                    .payMode(org.cloudbilling.core.bill.PayMode.POSTPAID)
                    .actionType(org.cloudbilling.core.bill.ActionType.USAGE)
                    .feePeriod(org.cloudbilling.core.time.Interval.of(start, start.plusSeconds(3600)))
                    .listCost(org.cloudbilling.core.money.Money.of("USD", "363597.59561185"))
                    .discountRate(new java.math.BigDecimal("0.85"))
                    .totalCost(org.cloudbilling.core.money.Money.of("USD", "309057.95627007"))
                    .build());
        }
        String text = FocusCsvFastPathProperties.csv(items, FocusVersion.V1_2, false, FormulaGuard.ON)
                .replace("\r\n", "\n");
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        List<String> header = List.of(lines.get(0).split(",", -1));
        for (int i = 1; i <= 3; i++) {
            String[] cells = lines.get(i).split(",", -1);
            cells[header.indexOf(FocusLineItems.X_LINE_ITEM_ID)] = "";
            if (i == 3) {
                cells[header.indexOf("x_DiscountRate")] = "0.1234567890123"; // 8 + 13 decimals: past Money's 18
                cells[header.indexOf("ContractedCost")] = "NULL";
            }
            lines.set(i, String.join(",", cells));
        }
        Path file = file(String.join("\n", lines).getBytes(StandardCharsets.UTF_8));
        try {
            Grouping grouping = Grouping.by(Dimension.OWNER);
            String plain = FastPathComparison.outcome(() ->
                    Consolidation.consolidate(FocusCsvFastPathProperties.plainItems(file, FormulaGuard.ON), grouping));
            assertThat(plain).contains("line item line-4: ContractedCost");
            for (int threads = 1; threads <= 2; threads++) {
                for (int partSize : new int[] {1, 400, 1 << 20}) {
                    int t = threads;
                    assertThat(FastPathComparison.outcome(() -> FocusCsv.consolidate(
                                    file, StandardCharsets.UTF_8, FormulaGuard.ON, grouping, t, partSize)))
                            .as("%d threads, parts of %d bytes", threads, partSize)
                            .isEqualTo(plain);
                }
            }
        } finally {
            delete(file);
        }
    }

    @Test
    void collect_onTheRealFocusSample_givesThePlainReadersItems() throws IOException {
        String text = FocusCsvFastPathProperties.sample();
        Path file = file(text.getBytes(StandardCharsets.UTF_8));
        try {
            List<LineItem> expected = FocusCsv.readLineItems(
                            new StringReader(text), file.toString(), FormulaGuard.OFF, OnError.FAIL)
                    .valuesOrThrow();
            assertThat(expected).hasSize(1000);
            assertThat(expected.get(0).attributes()).isNotEmpty();
            for (int threads = 1; threads <= 2; threads++) {
                for (int partSize : new int[] {997, 65_536, 16 << 20}) {
                    List<LineItem> got = fast(file, FormulaGuard.OFF, threads, partSize);
                    assertThat(got).isEqualTo(expected);
                    assertThat(described(got)).isEqualTo(described(expected));
                }
            }
            // without its Id column, every row is named by its line
            String noIds = text.replace("\"Id\",", "\"NotId\",");
            Path renamed = file(noIds.getBytes(StandardCharsets.UTF_8));
            try {
                List<LineItem> byLine = FocusCsv.readLineItems(
                                new StringReader(noIds), renamed.toString(), FormulaGuard.OFF, OnError.FAIL)
                        .valuesOrThrow();
                assertThat(byLine.get(1).id().value()).isEqualTo("line-3");
                assertThat(described(fast(renamed, FormulaGuard.OFF, 2, 4096))).isEqualTo(described(byLine));
            } finally {
                delete(renamed);
            }
        } finally {
            delete(file);
        }
    }
}
