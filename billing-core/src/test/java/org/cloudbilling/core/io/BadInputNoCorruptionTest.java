package org.cloudbilling.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.cloudbilling.core.bill.Bill;
import org.cloudbilling.core.bill.LineItem;
import org.cloudbilling.core.consolidation.Consolidation;
import org.cloudbilling.core.consolidation.Dimension;
import org.cloudbilling.core.consolidation.Grouping;
import org.cloudbilling.core.consolidation.Rollup;
import org.cloudbilling.core.id.PayerUin;
import org.cloudbilling.core.json.BillingJson;
import org.cloudbilling.core.testing.BillingGenerators;
import org.cloudbilling.core.time.BillingMonth;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * No bad input corrupts a result already produced: collecting errors keeps every good row exactly as reading the
 * input without the bad rows does, and values computed before bad input is fed to the library are equal to their
 * earlier copies afterwards.
 */
@Tag("bad-input")
class BadInputNoCorruptionTest {

    /** Each bad row of the catalog, as a change to a good row of the format. */
    private static List<Function<Map<String, String>, Map<String, String>>> badRows(BadInputFormat f) {
        List<Function<Map<String, String>, Map<String, String>>> bad = new ArrayList<>();
        bad.add(set(f.amount, "12.5x"));
        bad.add(set(f.amount, "1e999999999"));
        bad.add(set(f.amount, "4" + "0".repeat(399)));
        bad.add(set(f.amount, "1." + "0".repeat(39) + "1"));
        bad.add(set(f.amount, "NaN"));
        bad.add(set(f.quantity, "-Infinity"));
        bad.add(set(f.end, f == BadInputFormat.TENCENT ? "2024-09-01 07:00:00" : "2024-08-31T00:00:00Z"));
        bad.add(set(f.tags, "[1, 2"));
        bad.add(row -> {
            Map<String, String> shorter = new LinkedHashMap<>(row);
            shorter.remove(f.header().get(f.header().size() - 1));
            return shorter;
        });
        if (f.currency != null) {
            bad.add(set(f.currency, "XYZ"));
        }
        return bad;
    }

    @ParameterizedTest
    @EnumSource(BadInputFormat.class)
    void readAll_collect_keepsEveryGoodRowExactlyAsReadingWithoutTheBadRows(BadInputFormat f) {
        List<Map<String, String>> good = f.goodRows();
        List<LineItem> expected = f.read(f.csv(good), "good.csv", OnError.FAIL).values();
        assertThat(expected).hasSize(3);
        List<Function<Map<String, String>, Map<String, String>>> bad = badRows(f);
        // every bad row before, between and after the good rows, each bad row in turn
        for (int b = 0; b < bad.size(); b++) {
            List<Map<String, String>> rows = new ArrayList<>();
            List<Long> badLines = new ArrayList<>();
            for (int i = 0; i <= good.size(); i++) {
                Map<String, String> badRow = bad.get((b + i) % bad.size()).apply(new LinkedHashMap<>(good.get(1)));
                badLines.add((long) rows.size() + 2);
                rows.add(badRow);
                if (i < good.size()) {
                    rows.add(good.get(i));
                }
            }
            ReadResult<LineItem> read = f.read(f.csv(rows), "mixed.csv", OnError.COLLECT);
            assertThat(read.values()).as("%s bad row %s", f, b).isEqualTo(expected);
            assertThat(read.values().get(0).totalCost().toString())
                    .isEqualTo(expected.get(0).totalCost().toString());
            assertThat(read.problems().stream().map(InputProblem::line).distinct())
                    .as("%s bad row %s", f, b)
                    .containsExactlyElementsOf(badLines);
        }
    }

    @Test
    void readAll_collect_randomItemsAmongBadRows_givesBackExactlyTheItems() {
        BadInputFormat f = BadInputFormat.CANONICAL;
        List<String> badRows = new ArrayList<>(List.of("\"quoted \"\" quote\",x"));
        for (Function<Map<String, String>, Map<String, String>> bad : badRows(f)) {
            badRows.add(f.csv(List.of(bad.apply(f.goodRows().get(1)))).split("\n")[1]);
        }
        qt().forAll(
                        lists().of(BillingGenerators.lineItems(Currency.getInstance("USD")))
                                .ofSizeBetween(0, 12),
                        lists().of(integers().between(0, 1000)).ofSizeBetween(0, 8))
                .checkAssert((items, positions) -> {
                    // each item's row on its own (a generated cell may hold a line break), after the header
                    List<String> lines = new ArrayList<>(List.of(String.join(",", LineItemCsv.header())));
                    for (LineItem item : items) {
                        StringWriter out = new StringWriter();
                        try (LineItemCsvWriter w = LineItemCsv.writer(out)) {
                            w.write(item);
                        }
                        String text = out.toString();
                        lines.add(text.substring(text.indexOf('\n') + 1, text.length() - 1));
                    }
                    for (int p : positions) {
                        // a bad row goes in before a row (or at the end), never before the header
                        lines.add(1 + p % lines.size(), badRows.get(p % badRows.size()));
                    }
                    ReadResult<LineItem> read = LineItemCsv.readAll(
                            new StringReader(String.join("\n", lines) + "\n"), "mixed.csv", OnError.COLLECT);
                    assertThat(read.values()).isEqualTo(items);
                    assertThat(read.problems()).hasSize(positions.size());
                });
    }

    @Test
    void results_computedBeforeBadInput_equalTheirEarlierCopiesAfterIt() throws Exception {
        BadInputFormat f = BadInputFormat.CANONICAL;
        LineItemCsvReader reader =
                LineItemCsv.reader(new StringReader(f.csv(f.withCell(1, f.amount, "NaN"))), "partly-bad.csv");
        LineItem first = reader.next();
        Bill bill = Bill.builder()
                .payerUin(PayerUin.of("100000000001"))
                .month(BillingMonth.of(2024, 9))
                .currency(Currency.getInstance("CNY"))
                .addAllItems(
                        f.read(f.csv(f.goodRows()), "good.csv", OnError.FAIL).values())
                .build();
        Grouping byOwner = Grouping.by(Dimension.OWNER, Dimension.BUSINESS);
        Rollup rollup = Consolidation.consolidate(bill.items(), byOwner);
        ObjectMapper json = BillingJson.mapper();
        String billCopy = json.writeValueAsString(bill);
        String firstCopy = json.writeValueAsString(first);
        String rollupCopy = rollup.toString();

        // the same reader goes on past a bad row; every reader and the library's builders meet the catalog
        assertThatThrownBy(reader::next).isInstanceOf(BillingInputException.class);
        LineItem third = reader.next();
        reader.close();
        for (BadInputFormat format : BadInputFormat.values()) {
            for (Function<Map<String, String>, Map<String, String>> bad : badRows(format)) {
                List<Map<String, String>> rows = format.goodRows();
                rows.set(1, bad.apply(rows.get(1)));
                format.read(format.csv(rows), "bad.csv", OnError.COLLECT);
            }
        }
        List<LineItem> mixed = new ArrayList<>(bill.items());
        mixed.add(BadInputFormat.item(1)); // a duplicate id
        assertThatThrownBy(() -> Bill.builder()
                        .from(bill)
                        .addItems(BadInputFormat.item(1))
                        .build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> json.readValue(billCopy.replace("\"CNY\"", "\"XYZ\""), Bill.class))
                .isInstanceOf(com.fasterxml.jackson.core.JsonProcessingException.class);
        assertThat(Consolidation.consolidate(mixed, byOwner)).isNotEqualTo(rollup);

        assertThat(json.writeValueAsString(bill)).isEqualTo(billCopy);
        assertThat(json.readValue(billCopy, Bill.class)).isEqualTo(bill);
        assertThat(json.writeValueAsString(first)).isEqualTo(firstCopy);
        assertThat(first).isEqualTo(BadInputFormat.item(1));
        assertThat(third).isEqualTo(BadInputFormat.item(3));
        assertThat(rollup.toString()).isEqualTo(rollupCopy);
        assertThat(Consolidation.consolidate(bill.items(), byOwner)).isEqualTo(rollup);
    }

    private static Function<Map<String, String>, Map<String, String>> set(String column, String value) {
        return row -> {
            row.put(column, value);
            return row;
        };
    }
}
