package org.cloudbilling.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cloudbilling.core.io.FastPathComparison.delete;
import static org.cloudbilling.core.io.FastPathComparison.file;
import static org.cloudbilling.core.io.FastPathComparison.outcome;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.io.InputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.stream.Collectors;
import org.cloudbilling.core.bill.LineItem;
import org.cloudbilling.core.consolidation.Consolidation;
import org.cloudbilling.core.consolidation.Dimension;
import org.cloudbilling.core.consolidation.Grouping;
import org.cloudbilling.core.id.TagKey;
import org.cloudbilling.core.testing.BillingGenerators;
import org.cloudbilling.core.time.BillingCalendar;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * The fast path of a canonical CSV file ({@link LineItemCsv#reader(Path, java.nio.charset.Charset, FormulaGuard)},
 * {@link LineItemCsv#collect} and {@link LineItemCsv#consolidate}, which totals rows without making items) gives what
 * the plain reader gives on the same bytes: the same items in the same order, the same totals, every scale kept, and the same errors at the same lines, whatever the number of threads and wherever the
 * file is cut (parts as small as a few bytes, so cuts fall inside quoted line breaks).
 */
@Tag("MONEY-2")
class LineItemCsvFastPathProperties {
    /** Text that needs quoting, escaping or decoding: quotes, commas, line breaks, non-ASCII, guarded starts. */
    private static final List<String> ODD = List.of(
            "équipe",
            "e\u0301quipe",
            "名前",
            "a,b",
            "say \"hi\"",
            "line\nbreak",
            "cr\r\nlf",
            "=SUM(A1)",
            "'quoted",
            "-5",
            " lead",
            "\uD83D\uDE00",
            "\"",
            "plain");

    private static Gen<LineItem> items() {
        return FastPathComparison.withOddTagsAndIds(
                BillingGenerators.lineItems(Currency.getInstance("USD"))
                        .mix(BillingGenerators.lineItems(Currency.getInstance("JPY")))
                        .mix(BillingGenerators.lineItems(Currency.getInstance("CNY"))),
                ODD);
    }

    private static String csv(List<LineItem> items, FormulaGuard guard, boolean crlf) {
        StringWriter out = new StringWriter();
        try (LineItemCsvWriter w = LineItemCsv.writer(out, guard)) {
            items.forEach(w::write);
        }
        String text = out.toString();
        return crlf ? text : text.replace("\r\n", "\n");
    }

    /** What a reader gives, row by row: an item, or a refusal; then how reading ended. */
    private static List<String> outcomes(LineItemCsvReader in) {
        List<String> out = new ArrayList<>();
        try (in) {
            while (true) {
                try {
                    if (!in.hasNext()) {
                        out.add("end");
                        return out;
                    }
                    LineItem item = in.next();
                    out.add(item + " " + item.listCost() + " " + item.totalCost() + " " + item.tags());
                } catch (BillingInputException e) {
                    out.add("refused " + e.problems());
                    if (isFatal(e)) {
                        return out;
                    }
                }
            }
        } catch (BillingInputException e) {
            out.add("refused " + e.problems());
            return out;
        }
    }

    /** A refusal that ends the reading: the text or the CSV itself is malformed. */
    private static boolean isFatal(BillingInputException e) {
        String reason = e.problems().get(0).reason();
        return reason.startsWith("the text is not valid") || reason.startsWith("the CSV is malformed");
    }

    private static List<String> plain(byte[] bytes, FormulaGuard guard) {
        InputStream in = new java.io.ByteArrayInputStream(bytes);
        try {
            return outcomes(LineItemCsv.reader(in, StandardCharsets.UTF_8, "f.csv", guard));
        } catch (BillingInputException e) {
            return List.of("refused " + e.problems());
        }
    }

    private static List<String> fast(Path file, FormulaGuard guard, int threads, int partSize) {
        try {
            return outcomes(LineItemCsv.reader(file, StandardCharsets.UTF_8, guard, threads, partSize));
        } catch (BillingInputException e) {
            return List.of("refused " + e.problems());
        }
    }

    /** The plain outcomes with the file's name as the fast path names it. */
    private static List<String> named(List<String> outcomes, Path file) {
        List<String> out = new ArrayList<>();
        for (String o : outcomes) {
            out.add(o.replace("f.csv:", file + ":"));
        }
        return out;
    }

    @Test
    void fastPath_givesThePlainReadersItemsInOrder_whateverTheThreadsAndCuts() {
        qt().withExamples(150)
                .forAll(
                        lists().of(items()).ofSizeBetween(0, 40),
                        integers().between(1, 3),
                        integers().between(1, 3000),
                        Generate.booleans())
                .checkAssert((items, threads, partSize, crlf) -> {
                    for (FormulaGuard guard : FormulaGuard.values()) {
                        byte[] bytes = csv(items, guard, crlf).getBytes(StandardCharsets.UTF_8);
                        Path file = file(bytes);
                        // the plain reader on the same bytes (LF lines turn a quoted CRLF into LF)
                        List<LineItem> expected = LineItemCsv.reader(
                                        new java.io.StringReader(new String(bytes, StandardCharsets.UTF_8)),
                                        "f.csv",
                                        guard)
                                .readAll(OnError.FAIL)
                                .values();
                        if (crlf) {
                            assertThat(expected).isEqualTo(items);
                        }
                        try {
                            List<LineItem> read = new ArrayList<>();
                            try (LineItemCsvReader in =
                                    LineItemCsv.reader(file, StandardCharsets.UTF_8, guard, threads, partSize)) {
                                in.forEachRemaining(read::add);
                            }
                            assertThat(read).isEqualTo(expected);
                            for (int i = 0; i < expected.size(); i++) {
                                assertThat(read.get(i).totalCost().toString())
                                        .isEqualTo(expected.get(i).totalCost().toString());
                                assertThat(read.get(i).listCost().toString())
                                        .isEqualTo(expected.get(i).listCost().toString());
                            }
                            List<LineItem> collected = LineItemCsv.collect(
                                    file, StandardCharsets.UTF_8, guard, Collectors.toList(), threads, partSize);
                            assertThat(collected).isEqualTo(expected);
                            for (Grouping grouping : GROUPINGS) {
                                String totalled = outcome(() -> LineItemCsv.consolidate(
                                        file, StandardCharsets.UTF_8, guard, grouping, threads, partSize));
                                assertThat(totalled)
                                        .isEqualTo(outcome(() -> Consolidation.consolidate(expected, grouping)));
                            }
                        } finally {
                            delete(file);
                        }
                    }
                });
    }

    /**
     * Groupings {@link LineItemCsv#consolidate} totals from the cells (columns of the file, days and months at a
     * fixed offset from UTC), and ones it reads as items (a tag; days in a zone with summer time).
     */
    private static final List<Grouping> GROUPINGS = List.of(
            Grouping.by(),
            Grouping.by(Dimension.OWNER),
            Grouping.by(Dimension.PAYER, Dimension.PROJECT, Dimension.PAY_MODE),
            Grouping.by(Dimension.RESOURCE, Dimension.ACTION_TYPE, Dimension.INSTANCE_TYPE),
            Grouping.by(BillingCalendar.UTC, Dimension.DAY),
            Grouping.by(BillingCalendar.TENCENT, Dimension.OWNER, Dimension.MONTH),
            Grouping.by(BillingCalendar.TENCENT, Dimension.DAY, Dimension.PAY_MODE, Dimension.MONTH),
            Grouping.by(BillingCalendar.of(ZoneId.of("America/Sao_Paulo"), 5, 3), Dimension.DAY),
            Grouping.by(Dimension.OWNER, Dimension.tag(TagKey.of("team"))));

    /** Ways to spoil a row's text: each a bad cell, a bad row or bad CSV. */
    private static final List<String> SPOILERS = List.of(
            "amount",
            "width",
            "quoteInside",
            "badByte",
            "blank",
            "guard",
            "quotedBreak",
            "loneCr",
            "afterQuote",
            "negativeRate",
            "payments",
            "tagsJunk",
            "tagsDuplicate",
            "badTime",
            "badCurrency",
            "unclosed",
            "tagsEmptyKey",
            "tagsNumber",
            "badPayMode",
            "endNotAfterStart",
            "quotedAmount",
            "longAmount",
            "rateTooManyDecimals",
            "rateTrailingZeros",
            "rateZero",
            "rateHuge",
            "rateQuoted",
            "startNextDay",
            "startLeapDay");

    private static String spoil(String line, String how) {
        String[] cells = line.split(",", -1);
        switch (how) {
            case "amount" -> cells[22] = "12.5x";
            case "width" -> {
                return line + ",extra";
            }
            case "quoteInside" -> cells[1] = "o\"1";
            case "badByte" -> cells[1] = "o\u0000BAD";
            case "blank" -> {
                return "\n" + line;
            }
            case "guard" -> cells[0] = "'" + cells[0];
            case "quotedBreak" -> cells[0] = "\"li\nx\"";
            case "loneCr" -> cells[2] = "p\rq";
            case "afterQuote" -> cells[1] = "\"o\"x";
            case "negativeRate" -> cells[23] = "-0.5";
            case "payments" -> cells[26] = "1.00";
            case "tagsJunk" -> cells[34] = "\"{}junk\"";
            case "tagsDuplicate" -> cells[34] = "\"{\"\"a\"\":\"\"1\"\",\"\"a\"\":\"\"2\"\"}\"";
            case "badTime" -> cells[14] = "2024-02-30T00:00:00Z";
            case "badCurrency" -> cells[21] = "XYZ";
            case "unclosed" -> cells[3] = "\"open";
            case "tagsEmptyKey" -> cells[34] = "\"{\"\"\"\":\"\"1\"\"}\"";
            case "tagsNumber" -> cells[34] = "\"{\"\"a\"\":1}\"";
            case "badPayMode" -> cells[11] = "SOMETIMES";
            case "endNotAfterStart" -> cells[15] = cells[14];
            case "quotedAmount" -> cells[22] = "\"" + cells[22] + "\"";
            case "longAmount" -> cells[33] = cells[33] + "0000000000000000000";
            // the contracted cost, list cost times rate: past 18 decimals (refused), trailing zeros past 18 (kept
            // to 18), zero, past a long, and a rate the fast path does not read
            case "rateTooManyDecimals" -> cells[23] = "0.1234567890123";
            case "rateTrailingZeros" -> cells[23] = "0.5000000000000";
            case "rateZero" -> cells[23] = "0.000";
            case "rateHuge" -> cells[23] = "999999999999999999";
            case "rateQuoted" -> cells[23] = "\"0.85\"";
            // days and months: the start an hour before midnight, UTC, and on a leap day
            case "startNextDay" -> {
                cells[14] = "2024-08-31T23:00:00Z";
                cells[15] = "2024-09-01T00:00:00Z";
            }
            case "startLeapDay" -> {
                cells[14] = "2024-02-29T16:00:00Z";
                cells[15] = "2024-02-29T17:00:00Z";
            }
            default -> throw new IllegalArgumentException(how);
        }
        return String.join(",", cells);
    }

    @Test
    void fastPath_refusesBadRowsExactlyAsThePlainReader() {
        qt().withExamples(120)
                .forAll(
                        lists().of(BillingGenerators.lineItems(Currency.getInstance("USD")))
                                .ofSizeBetween(1, 12),
                        lists().of(Generate.pick(SPOILERS)).ofSizeBetween(1, 3),
                        integers().between(1, 3),
                        integers().between(1, 2000))
                .checkAssert((items, spoilers, threads, partSize) -> {
                    String text = csv(items, FormulaGuard.ON, false);
                    List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
                    for (int i = 0; i < spoilers.size(); i++) {
                        // rows only: line 0 is the header, and the text ends with a line break
                        int at = 1 + (i * 7 + spoilers.get(i).length()) % (lines.size() - 2);
                        lines.set(at, spoil(lines.get(at), spoilers.get(i)));
                    }
                    byte[] bytes = FastPathComparison.joinedWithStrayBytes(lines);
                    Path file = file(bytes);
                    try {
                        List<String> plain = named(plain(bytes, FormulaGuard.ON), file);
                        List<String> fast = fast(file, FormulaGuard.ON, threads, partSize);
                        String last = plain.get(plain.size() - 1);
                        if (last.startsWith("refused") && last.contains("the text is not valid")) {
                            // the plain reader's parser reads ahead, so a byte that is not UTF-8 may stop it a few
                            // rows earlier: the same refusal, after as many or more of the same rows
                            assertThat(fast.get(fast.size() - 1)).isEqualTo(last);
                            assertThat(fast.subList(0, plain.size() - 1)).isEqualTo(plain.subList(0, plain.size() - 1));
                        } else {
                            assertThat(fast).isEqualTo(plain);
                        }
                        String firstRefusal = plain.stream()
                                .filter(o -> o.startsWith("refused"))
                                .findFirst()
                                .orElse(null);
                        String collected;
                        try {
                            collected = LineItemCsv.collect(
                                            file,
                                            StandardCharsets.UTF_8,
                                            FormulaGuard.ON,
                                            Collectors.counting(),
                                            threads,
                                            partSize)
                                    + " items";
                        } catch (BillingInputException e) {
                            collected = "refused " + e.problems();
                        }
                        for (Grouping grouping : GROUPINGS) {
                            String totalled = outcome(() -> LineItemCsv.consolidate(
                                    file, StandardCharsets.UTF_8, FormulaGuard.ON, grouping, threads, partSize));
                            String itemised = outcome(() -> LineItemCsv.collect(
                                    file,
                                    StandardCharsets.UTF_8,
                                    FormulaGuard.ON,
                                    Consolidation.toRollup(grouping),
                                    threads,
                                    partSize));
                            assertThat(totalled).isEqualTo(itemised);
                        }
                        assertThat(collected)
                                .isEqualTo(
                                        firstRefusal != null
                                                ? firstRefusal
                                                : plain.stream()
                                                                .filter(o ->
                                                                        !o.startsWith("refused") && !o.equals("end"))
                                                                .count()
                                                        + " items");
                    } finally {
                        delete(file);
                    }
                });
    }

    @Test
    void fastPath_badOrMissingHeaderOrOtherCharset_isReadByThePlainReader() {
        byte[] noHeader = "a,b\n1,2\n".getBytes(StandardCharsets.UTF_8);
        byte[] bom = ("\uFEFF" + csv(List.of(), FormulaGuard.ON, false)).getBytes(StandardCharsets.UTF_8);
        for (byte[] bytes : List.of(noHeader, bom, new byte[0])) {
            Path file = file(bytes);
            try {
                assertThat(fast(file, FormulaGuard.ON, 2, 16)).isEqualTo(named(plain(bytes, FormulaGuard.ON), file));
            } finally {
                delete(file);
            }
        }
    }
}
