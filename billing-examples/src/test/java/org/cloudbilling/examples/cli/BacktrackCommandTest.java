package org.cloudbilling.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.cloudbilling.allocation.backtracking.AllocationHistory;
import org.cloudbilling.allocation.backtracking.HistoryJson;
import org.cloudbilling.core.bill.ActionType;
import org.cloudbilling.core.bill.LineItem;
import org.cloudbilling.core.bill.PayMode;
import org.cloudbilling.core.id.BusinessCode;
import org.cloudbilling.core.id.LineItemId;
import org.cloudbilling.core.id.OwnerUin;
import org.cloudbilling.core.id.PayerUin;
import org.cloudbilling.core.id.TagKey;
import org.cloudbilling.core.io.LineItemCsv;
import org.cloudbilling.core.io.LineItemCsvWriter;
import org.cloudbilling.core.money.Money;
import org.cloudbilling.core.time.BillingMonth;
import org.cloudbilling.core.time.Interval;
import org.cloudbilling.examples.CliRun;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Three months of the same four costs, allocated first by product, then with a tag rule and the CDN added. */
class BacktrackCommandTest {
    static final String UNITS = """
            "units": [{"id": "acme", "name": "Acme"}, {"id": "web", "name": "Web", "parent": "acme"},
                      {"id": "data", "name": "Data", "parent": "acme"}],
            "tagKeys": ["team"], "sharingRules": [],
            """;
    static final String OLD = "{" + UNITS + """
            "collectionRules": [
              {"id": "r-cvm", "unit": "web", "condition": {"dimension": "businessCode", "in": ["p_cvm"]}},
              {"id": "r-cos", "unit": "data", "condition": {"dimension": "businessCode", "in": ["p_cos"]}}]}
            """;
    static final String NEW = "{" + UNITS + """
            "collectionRules": [
              {"id": "r-team-data", "unit": "data", "condition": {"dimension": "tag:team", "in": ["data"]}},
              {"id": "r-cvm", "unit": "web", "condition": {"dimension": "businessCode", "in": ["p_cvm"]}},
              {"id": "r-cos", "unit": "data", "condition": {"dimension": "businessCode", "in": ["p_cos"]}},
              {"id": "r-cdn", "unit": "data", "condition": {"dimension": "businessCode", "in": ["p_cdn"]}}]}
            """;

    @TempDir
    Path dir;

    Path items;
    Path oldRules;
    Path newRules;

    @BeforeEach
    void files() throws IOException {
        items = dir.resolve("items.csv");
        try (Writer w = Files.newBufferedWriter(items, StandardCharsets.UTF_8);
                LineItemCsvWriter csv = LineItemCsv.writer(w)) {
            for (String month : List.of("2024-08", "2024-09", "2024-10")) {
                csv.write(item(month + "-cvm-web", month, "p_cvm", "web", "100.00"));
                csv.write(item(month + "-cvm-data", month, "p_cvm", "data", "80.00"));
                csv.write(item(month + "-cos", month, "p_cos", null, "40.00"));
                csv.write(item(month + "-cdn", month, "p_cdn", null, "25.00"));
            }
        }
        oldRules = Files.writeString(dir.resolve("old.json"), OLD);
        newRules = Files.writeString(dir.resolve("new.json"), NEW);
    }

    @Test
    @Tag("BACK-8")
    void backtrack_threeMonthsAfterARuleChange_writesEachUnitsChange() {
        CliRun run = backtrack(
                "--before",
                oldRules.toString(),
                "--history-out",
                dir.resolve("h.json").toString());

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("month,unit,before,after,change,currency\n");
        Map<String, List<BigDecimal>> got = new TreeMap<>();
        for (Map<String, String> r : run.csv()) {
            got.put(
                    r.get("month") + " " + r.get("unit"),
                    List.of(
                            new BigDecimal(r.get("before")),
                            new BigDecimal(r.get("after")),
                            new BigDecimal(r.get("change"))));
            assertThat(r.get("currency")).isEqualTo("CNY");
        }
        // Before: web 100 + 80 (all compute), data 40 (storage), the CDN's 25 Unallocated.
        // After: data-tagged compute 80 and the CDN 25 move to data: web 100, data 145, nothing Unallocated.
        assertThat(got).hasSize(9);
        for (String month : List.of("2024-08", "2024-09", "2024-10")) {
            assertAmounts(got.get(month + " "), "25.00", "0", "-25.00");
            assertAmounts(got.get(month + " data"), "40.00", "145.00", "105.00");
            assertAmounts(got.get(month + " web"), "180.00", "100.00", "-80.00");
        }
        assertThat(run.err()).contains("rules of 2024-11").contains("completed; in force from ");
    }

    @Test
    @Tag("BACK-8")
    void backtrack_fromTheStoredHistory_withTheSameRules_changesNothing_andKeepsEveryVersion() throws IOException {
        Path first = firstHistory();
        Path second = dir.resolve("second.json");

        // a new request, submitted a day later
        CliRun again = backtrack(
                "--history",
                first.toString(),
                "--history-out",
                second.toString(),
                "--submitted-at",
                "2024-11-06T02:00:00Z");

        assertThat(again.code()).as(again.err()).isZero();
        assertThat(again.out()).isEqualTo("month,unit,before,after,change,currency\n");
        AllocationHistory history = HistoryJson.read(Files.readString(second));
        assertThat(history.versions(BillingMonth.of(2024, 9))).hasSize(3);
        assertThat(history.version(BillingMonth.of(2024, 9), 3)
                        .sameContentAs(history.version(BillingMonth.of(2024, 9), 2)))
                .isTrue();
    }

    @Test
    @Tag("BACK-9")
    void backtrack_theSameRequestReplayed_addsNoVersion() throws IOException {
        Path first = firstHistory();
        Path replayed = dir.resolve("replayed.json");

        CliRun again = backtrack("--history", first.toString(), "--history-out", replayed.toString());

        assertThat(again.code()).as(again.err()).isZero();
        assertThat(again.out()).isEqualTo("month,unit,before,after,change,currency\n");
        AllocationHistory before = HistoryJson.read(Files.readString(first));
        AllocationHistory after = HistoryJson.read(Files.readString(replayed));
        assertThat(after.versions(BillingMonth.of(2024, 9))).hasSize(2);
        assertThat(after).isEqualTo(before);
    }

    @Test
    void backtrack_lines_writesEveryChangedLine() {
        CliRun run = backtrack("--before", oldRules.toString(), "--lines", "--to", "2024-08");

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out())
                .contains("2024-08,2024-08-cdn,,Unallocated,,removed,25.00,,-25.00,CNY")
                .contains("2024-08,2024-08-cdn,data,Collected,r-cdn,added,,25.00,25.00,CNY");
        assertThat(run.csv()).hasSize(4);
    }

    @Test
    @Tag("BACK-1")
    void backtrack_thirteenMonths_exitsWithTwo_namingTheLimit() {
        CliRun run = backtrack("--before", oldRules.toString(), "--from", "2023-09", "--to", "2024-09");

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("1 to 12 months").contains("13 months").doesNotContain("\tat ");
    }

    @Test
    void backtrack_beforeAndHistoryTogether_exitsWithTwo() {
        CliRun run = backtrack("--before", oldRules.toString(), "--history", oldRules.toString());

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("mutually exclusive");
    }

    @Test
    void backtrack_badMonth_exitsWithTwo() {
        CliRun run = backtrack("--before", oldRules.toString(), "--from", "August");

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("--from: 'August' is not a month written YYYY-MM, such as 2024-09");
    }

    /** Backtracks from the old rules, keeping the history in first.json; it succeeds. Returns the history file. */
    private Path firstHistory() {
        Path first = dir.resolve("first.json");
        assertThat(backtrack("--before", oldRules.toString(), "--history-out", first.toString())
                        .code())
                .isZero();
        return first;
    }

    private CliRun backtrack(String... more) {
        List<String> args = new java.util.ArrayList<>(List.of(
                "backtrack",
                "--input",
                items.toString(),
                "--format",
                "canonical",
                "--rules",
                newRules.toString(),
                "--from",
                "2024-08",
                "--to",
                "2024-10",
                "--submitted-at",
                "2024-11-05T02:00:00Z"));
        // a later --from, --to or --submitted-at replaces the one above
        for (int i = 0; i < more.length; i++) {
            if (more[i].equals("--from") || more[i].equals("--to") || more[i].equals("--submitted-at")) {
                args.set(args.indexOf(more[i]) + 1, more[++i]);
            } else {
                args.add(more[i]);
            }
        }
        return CliRun.run(args.toArray(String[]::new));
    }

    private static void assertAmounts(List<BigDecimal> got, String before, String after, String change) {
        assertThat(got).as("a row for the unit").isNotNull();
        assertThat(got.get(0)).isEqualByComparingTo(before);
        assertThat(got.get(1)).isEqualByComparingTo(after);
        assertThat(got.get(2)).isEqualByComparingTo(change);
    }

    private static LineItem item(String id, String month, String product, String team, String amount) {
        Instant start = Instant.parse(month + "-10T00:00:00Z");
        LineItem.Builder b = LineItem.builder()
                .id(LineItemId.of(id))
                .ownerUin(OwnerUin.of("100"))
                .payerUin(PayerUin.of("100"))
                .businessCode(BusinessCode.of(product))
                .payMode(PayMode.POSTPAID)
                .actionType(ActionType.USAGE)
                .feePeriod(Interval.of(start, start.plusSeconds(3600)))
                .listCost(Money.of("CNY", amount))
                .totalCost(Money.of("CNY", amount));
        if (team != null) {
            b.putTag(TagKey.of("team"), team);
        }
        return b.build();
    }
}
