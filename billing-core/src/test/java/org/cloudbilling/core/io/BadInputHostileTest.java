package org.cloudbilling.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cloudbilling.core.bill.LineItem;
import org.cloudbilling.core.focus.FocusCsv;
import org.cloudbilling.core.focus.FocusCsvWriter;
import org.cloudbilling.core.focus.FocusExport;
import org.cloudbilling.core.focus.FocusLineItems;
import org.cloudbilling.core.focus.FocusValidator;
import org.cloudbilling.core.id.LineItemId;
import org.cloudbilling.core.id.TagKey;
import org.cloudbilling.core.money.Money;
import org.cloudbilling.core.provider.TencentBillCsv;
import org.cloudbilling.core.time.BillingCalendar;
import org.cloudbilling.core.time.Interval;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Hostile inputs of issues 14 and 15 against the CSV readers: bytes in another charset (IO-1), times no writer
 * can write (IO-3), tags with a repeated key or trailing text, and headers that would amplify the error message.
 */
@Tag("bad-input")
class BadInputHostileTest {
    private static final Charset GB18030 = Charset.forName("GB18030");

    private static BillingInputException refusal(Runnable read) {
        BillingInputException e = catchThrowableOfType(BillingInputException.class, read::run);
        assertThat(e).as("a BillingInputException").isNotNull();
        return e;
    }

    /** A Tencent bill of four rows whose team tags are four distinct Chinese values. */
    private static String tencentBillWithChineseTags() {
        List<Map<String, String>> rows = new ArrayList<>(BadInputFormat.TENCENT.goodRows());
        Map<String, String> fourth = new LinkedHashMap<>(rows.get(2));
        fourth.put("BillId", "li-4");
        rows.add(fourth);
        String[] teams = {"研发", "市场", "运维", "财务"};
        for (int i = 0; i < 4; i++) {
            rows.get(i).put("Tags", "[{\"TagKey\":\"team\",\"TagValue\":\"" + teams[i] + "\"}]");
        }
        return BadInputFormat.TENCENT.csv(rows);
    }

    @Test
    @Tag("IO-1")
    void tencentBill_inGb18030WithChineseTags_isReadWithItsCharset_andRefusedAsUtf8NamingLineAndColumn() {
        String text = tencentBillWithChineseTags();
        byte[] gb = text.getBytes(GB18030);

        List<LineItem> items = all(TencentBillCsv.reader(
                new ByteArrayInputStream(gb), GB18030, "t.csv", BadInputFormat.CNY, TencentBillCsv.BEIJING));
        assertThat(items).extracting(i -> i.tags().get(TagKey.of("team"))).containsExactly("研发", "市场", "运维", "财务");

        // as UTF-8, the first byte of 研 (D1 D0 in GB18030) is not valid: refused where 研 stands, never replaced
        String line2 = text.split("\n")[1];
        int column = line2.indexOf('研') + 1;
        BillingInputException e = refusal(() -> all(TencentBillCsv.reader(
                new ByteArrayInputStream(gb),
                StandardCharsets.UTF_8,
                "t.csv",
                BadInputFormat.CNY,
                TencentBillCsv.BEIJING)));
        assertThat(e.problems()).hasSize(1);
        InputProblem p = e.problems().get(0);
        assertThat(p.line()).isEqualTo(2);
        assertThat(p.column()).isEqualTo(column);
        assertThat(p.toString())
                .startsWith("t.csv:2:" + column + ": the text is not valid UTF-8: the byte sequence D1 is malformed");
    }

    @ParameterizedTest
    @EnumSource(BadInputFormat.class)
    @Tag("IO-1")
    void everyReader_malformedUtf8AfterCrlfLines_isRefusedNamingLineAndColumn(BadInputFormat format) {
        // row 2 (line 3) gets a resource id with é written in ISO-8859-1: the byte E9 is not UTF-8
        String text = format.csv(format.withCell(1, format.text, "ins-é"), "\r\n");
        byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
        String line3 = text.split("\r\n")[2];
        int column = line3.indexOf('é') + 1;

        BillingInputException e = refusal(() -> read(format, bytes, StandardCharsets.UTF_8));

        assertThat(e.problems()).hasSize(1);
        assertThat(e.problems().get(0).toString())
                .startsWith("bad.csv:3:" + column + ": the text is not valid UTF-8: the byte sequence E9");
        // with its charset the same bytes are read, é and all
        assertThat(read(format, bytes, StandardCharsets.ISO_8859_1))
                .extracting(i -> i.resourceId().orElseThrow().value())
                .containsExactly("ins-1", "ins-é", "ins-3");
    }

    private static List<LineItem> read(BadInputFormat format, byte[] bytes, Charset charset) {
        ByteArrayInputStream in = new ByteArrayInputStream(bytes);
        return switch (format) {
            case CANONICAL -> {
                List<LineItem> items = new ArrayList<>();
                LineItemCsv.reader(in, charset, "bad.csv", FormulaGuard.ON).forEachRemaining(items::add);
                yield items;
            }
            case FOCUS -> {
                List<LineItem> items = new ArrayList<>();
                var r = FocusCsv.reader(in, charset, "bad.csv", FormulaGuard.OFF);
                while (r.hasNext()) {
                    items.add(r.nextLineItem());
                }
                yield items;
            }
            case TENCENT ->
                all(TencentBillCsv.reader(in, charset, "bad.csv", BadInputFormat.CNY, TencentBillCsv.BEIJING));
        };
    }

    private static List<LineItem> all(java.util.Iterator<LineItem> it) {
        List<LineItem> items = new ArrayList<>();
        it.forEachRemaining(items::add);
        return items;
    }

    @Test
    @Tag("IO-1")
    void reconciliationZip_entryNotUtf8_isRefusedNamingEntryLineAndColumn() throws java.io.IOException {
        String entry = org.cloudbilling.core.recon.ReconciliationLists.periodName(
                        org.cloudbilling.core.time.BillingMonth.of(2024, 9))
                + ".csv";
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(bytes)) {
            zip.putNextEntry(new java.util.zip.ZipEntry(entry));
            zip.write("Ab\u00e9c,d\n".getBytes(StandardCharsets.ISO_8859_1));
            zip.closeEntry();
        }

        BillingInputException e = refusal(() -> org.cloudbilling.core.recon.ReconciliationZip.read(
                new ByteArrayInputStream(bytes.toByteArray()), "z.zip", FormulaGuard.ON));

        assertThat(e.getMessage()).startsWith("z.zip!" + entry + ":1:3: the text is not valid UTF-8");
    }

    @ParameterizedTest
    @EnumSource(BadInputFormat.class)
    @Tag("IO-3")
    void everyReader_feePeriodWithFractionalSecondsOrOutsideTheYears1To9998_isRefusedNamingTheCell(
            BadInputFormat format) {
        boolean tencent = format == BadInputFormat.TENCENT;
        String fraction = tencent ? "2024-09-10 04:00:00.5" : "2024-09-10T04:00:00.5Z";
        String year9999 = tencent ? "9999-09-10 04:00:00" : "9999-09-10T04:00:00Z";
        String negative = tencent ? "-2024-09-10 04:00:00" : "-2024-09-10T04:00:00Z";
        int column = format.columnOf(format.start);
        for (String cell : List.of(fraction, year9999, negative)) {
            ReadResult<LineItem> read =
                    format.read(format.csv(format.withCell(1, format.start, cell)), "bad.csv", OnError.COLLECT);

            assertThat(read.values()).as(cell).hasSize(2);
            assertThat(read.problems()).as(cell).hasSize(1);
            InputProblem p = read.problems().get(0);
            assertThat(p.line()).isEqualTo(3);
            assertThat(p.column()).isEqualTo(column);
            assertThat(p.value()).contains(cell);
            if (cell.equals(year9999)) {
                assertThat(p.reason())
                        .contains("is outside the supported range, the years 1 to 9998 (0001-01-01T00:00:00Z to"
                                + " 9999-01-01T00:00:00Z)");
            }
            if (cell.equals(fraction) && !tencent) {
                assertThat(p.reason()).contains("has a fraction of a second");
            }
        }
    }

    /** A charge of one hour from {@code start}, costing {@code amount} CNY. */
    private static LineItem charge(String id, String start, String amount) {
        Instant s = Instant.parse(start);
        return LineItem.builder()
                .from(BadInputFormat.item(1))
                .id(LineItemId.of(id))
                .feePeriod(Interval.of(s, s.plusSeconds(3600)))
                .deductionTime(java.util.Optional.empty())
                .listCost(Money.of("CNY", amount))
                .totalCost(Money.of("CNY", amount))
                .build();
    }

    @Test
    @Tag("IO-3")
    void firstAndLastSupportedHours_negativeAndZeroAmounts_areWrittenAsFocusValidAndReadBackEqual() {
        List<LineItem> items = List.of(
                charge("first", "0001-01-01T00:00:00Z", "-5.25"),
                charge("last", "9998-12-31T23:00:00Z", "0.00"),
                charge("negative", "2024-09-10T04:00:00Z", "-0.00000001"));
        for (BillingCalendar calendar :
                List.of(BillingCalendar.TENCENT, BillingCalendar.of(java.time.ZoneOffset.UTC, 5, 3))) {
            FocusExport export = new FocusExport("P", "P", "P", calendar);
            StringWriter out = new StringWriter();
            try (FocusCsvWriter w = FocusCsv.writer(out, FocusLineItems.EXTRA_COLUMNS, FormulaGuard.ON)) {
                for (LineItem i : items) {
                    w.write(FocusLineItems.toRow(
                            i, calendar.monthOf(i.feePeriod().start()), export));
                }
            }

            assertThat(FocusValidator.validate(new StringReader(out.toString()), "f.csv", Map.of()))
                    .isEmpty();
            List<LineItem> back = FocusCsv.readLineItems(
                            new StringReader(out.toString()), "f.csv", FormulaGuard.ON, OnError.FAIL)
                    .valuesOrThrow();
            assertThat(back)
                    .extracting(LineItem::feePeriod)
                    .containsExactly(
                            items.get(0).feePeriod(),
                            items.get(1).feePeriod(),
                            items.get(2).feePeriod());
            assertThat(back)
                    .extracting(i -> i.totalCost().amount())
                    .containsExactly(new BigDecimal("-5.25"), new BigDecimal("0.00"), new BigDecimal("-0.00000001"));
        }
        StringWriter canonical = new StringWriter();
        try (LineItemCsvWriter w = LineItemCsv.writer(canonical)) {
            items.forEach(w::write);
        }
        assertThat(LineItemCsv.readAll(new StringReader(canonical.toString()), "c.csv", OnError.FAIL)
                        .valuesOrThrow())
                .isEqualTo(items);
    }

    @Test
    void canonicalTags_repeatedKeyOrTrailingText_areRefusedNamingLineAndColumn() {
        BadInputFormat format = BadInputFormat.CANONICAL;
        int column = format.columnOf("tags");
        for (String tags : List.of("{\"team\":\"a\",\"team\":\"b\"}", "{\"team\":\"a\"} junk")) {
            ReadResult<LineItem> read =
                    format.read(format.csv(format.withCell(1, "tags", tags)), "bad.csv", OnError.COLLECT);

            assertThat(read.values()).as(tags).extracting(i -> i.id().value()).containsExactly("li-1", "li-3");
            assertThat(read.problems()).as(tags).hasSize(1);
            assertThat(read.problems().get(0).toString()).startsWith("bad.csv:3:" + column + " (tags): tags are not");
        }
    }

    @ParameterizedTest
    @EnumSource(BadInputFormat.class)
    void header_of500000RepeatedColumns_givesAShortMessage(BadInputFormat format) {
        List<String> header = new ArrayList<>(format.header());
        StringBuilder csv = new StringBuilder(String.join(",", header));
        csv.append(",a".repeat(500_000)).append('\n');

        BillingInputException e = refusal(() -> format.read(csv.toString(), "bad.csv", OnError.COLLECT));

        assertThat(e.getMessage().length()).isLessThan(4_000);
        assertThat(e.getMessage()).startsWith("bad.csv:1: ").contains("column", "a");
    }

    @ParameterizedTest
    @EnumSource(
            value = BadInputFormat.class,
            names = {"FOCUS", "TENCENT"})
    void header_of250000DistinctRepeatedColumns_listsTwentyAndCountsTheRest(BadInputFormat format) {
        StringBuilder csv = new StringBuilder(String.join(",", format.header()));
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < 250_000; i++) {
                csv.append(",c").append(i);
            }
        }
        csv.append('\n');

        BillingInputException e = refusal(() -> format.read(csv.toString(), "bad.csv", OnError.COLLECT));

        assertThat(e.getMessage())
                .startsWith("bad.csv:1: column c0 appears twice; column c1 appears twice;")
                .endsWith("column c19 appears twice; and 249980 more problems");
    }
}
