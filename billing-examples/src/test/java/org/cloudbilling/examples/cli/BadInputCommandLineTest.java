package org.cloudbilling.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
import org.cloudbilling.core.time.Interval;
import org.cloudbilling.examples.CliRun;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hostile inputs of issues 14 and 15 given to the command line: every one is refused with exit 2 and a short
 * message naming where, or handled exactly; none prints a stack trace.
 */
@Tag("bad-input")
class BadInputCommandLineTest {
    /** Tag values (and line item ids) a spreadsheet would run as formulas. */
    private static final List<String> HOSTILE = List.of("=cmd|'/C calc'!A0", "+1+1", "-x", "@SUM(A1)", "\tx");

    private static final String RULES = """
            {"units": [{"id": "acme", "name": "Acme"}, {"id": "web", "name": "Web", "parent": "acme"}],
             "tagKeys": ["team"],
             "collectionRules": [{"id": "r1", "unit": "web",
                                  "condition": {"dimension": "tag:team", "in": ["=cmd|'/C calc'!A0"]}}]}
            """;
    private static final String NO_RULES = """
            {"units": [{"id": "acme", "name": "Acme"}, {"id": "web", "name": "Web", "parent": "acme"}]}
            """;

    @TempDir
    Path dir;

    private Path file(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    /** Runs {@code billing backtrack} of the canonical {@code bill} from {@code rules} to themselves, with more. */
    private static CliRun backtrackOnSameRules(String bill, String rules, String... more) {
        List<String> args = new ArrayList<>(
                List.of("backtrack", "--input", bill, "--format", "canonical", "--rules", rules, "--before", rules));
        args.addAll(List.of(more));
        return CliRun.run(args.toArray(String[]::new));
    }

    private static LineItem item(String id, String team, String start, String amount) {
        Instant s = Instant.parse(start);
        return LineItem.builder()
                .id(LineItemId.of(id))
                .ownerUin(OwnerUin.of("100000000002"))
                .payerUin(PayerUin.of("100000000001"))
                .businessCode(BusinessCode.of("p_cvm"))
                .payMode(PayMode.POSTPAID)
                .actionType(ActionType.USAGE)
                .feePeriod(Interval.of(s, s.plusSeconds(3600)))
                .listCost(Money.of("CNY", amount))
                .totalCost(Money.of("CNY", amount))
                .putTag(TagKey.of("team"), team)
                .build();
    }

    /** A canonical bill: one item per hostile value, its id the value too, 1.00 CNY each, in September 2024. */
    private Path hostileBill() throws IOException {
        StringWriter out = new StringWriter();
        try (LineItemCsvWriter w = LineItemCsv.writer(out)) {
            for (int i = 0; i < HOSTILE.size(); i++) {
                w.write(item(HOSTILE.get(i), HOSTILE.get(i), "2024-09-1" + i + "T00:00:00Z", "1.00"));
            }
        }
        return file("hostile.csv", out.toString());
    }

    private static void assertRefused(CliRun run, String... contains) {
        assertThat(run.code()).as(run.err()).isEqualTo(2);
        assertThat(run.err()).contains(contains).doesNotContain("\tat ", "internal error");
    }

    @Test
    void ruleSetsBeyondJacksonsLimits_areRefusedWithExit2_inAllocateExportAndBacktrack() throws IOException {
        Path bill = hostileBill();
        List<String> documents = List.of(
                "{\"units\": " + "[".repeat(1001) + "]".repeat(1001) + "}",
                "{\"units\": [], \"tagKeys\": [" + "9".repeat(1001) + "]}",
                "{\"units\": [], \"" + "k".repeat(50_001) + "\": 1}");
        for (String json : documents) {
            String rules = file("deep.json", json).toString();
            String b = bill.toString();
            assertRefused(
                    CliRun.run("allocate", "--input", b, "--format", "canonical", "--rules", rules),
                    "deep.json",
                    "not valid JSON at line 1, column ");
            assertRefused(
                    CliRun.run("export", "--to", "focus", "--input", b, "--format", "canonical", "--rules", rules),
                    "not valid JSON at line 1, column ");
            assertRefused(backtrackOnSameRules(b, rules, "--from", "2024-09"), "not valid JSON at line 1, column ");
        }
    }

    @Test
    @Tag("IO-2")
    void consolidateAllocateAndBacktrack_guardFormulaCells_andOffWritesThemExactly() throws IOException {
        String bill = hostileBill().toString();

        CliRun consolidated = CliRun.run("consolidate", "--input", bill, "--format", "canonical", "--by", "tag:team");
        assertThat(consolidated.code()).as(consolidated.err()).isZero();
        assertThat(consolidated.csv())
                .extracting(r -> r.get("tag:team"))
                .containsExactlyInAnyOrder("'=cmd|'/C calc'!A0", "'+1+1", "'-x", "'@SUM(A1)", "'\tx");

        CliRun exact = CliRun.run(
                "consolidate", "--input", bill, "--format", "canonical", "--by", "tag:team", "--formula-guard", "off");
        assertThat(exact.csv()).extracting(r -> r.get("tag:team")).containsExactlyInAnyOrderElementsOf(HOSTILE);

        String rules = file("rules.json", RULES).toString();
        CliRun allocated = CliRun.run("allocate", "--input", bill, "--format", "canonical", "--rules", rules);
        assertThat(allocated.code()).as(allocated.err()).isZero();
        assertThat(allocated.csv())
                .extracting(r -> r.get("line_item_id"))
                .containsExactlyInAnyOrder("'=cmd|'/C calc'!A0", "'+1+1", "'-x", "'@SUM(A1)", "'\tx");

        CliRun backtracked = CliRun.run(
                "backtrack",
                "--input",
                bill,
                "--format",
                "canonical",
                "--before",
                rules,
                "--rules",
                file("none.json", NO_RULES).toString(),
                "--from",
                "2024-09",
                "--submitted-at",
                "2024-10-10T00:00:00Z",
                "--lines");
        assertThat(backtracked.code()).as(backtracked.err()).isZero();
        // only the item collected by r1 moves: from web (Collected) to Unallocated
        assertThat(backtracked.csv()).extracting(r -> r.get("line_item_id")).contains("'=cmd|'/C calc'!A0");
        assertThat(backtracked.csv()).extracting(r -> r.get("line_item_id")).allMatch(id -> id.startsWith("'"));
    }

    @Test
    @Tag("IO-3")
    void exportToFocus_ofFeePeriodsWithFractionsOrOutsideTheYears1To9998_isRefusedAtReadNamingTheCell()
            throws IOException {
        String good = Files.readString(hostileBill());
        String[] lines = good.split("\n");
        int column = List.of(lines[0].split(",")).indexOf("feePeriodStart") + 1;
        for (String start : List.of("2024-09-10T04:00:00.5Z", "9999-09-10T04:00:00Z", "-2024-09-10T04:00:00Z")) {
            String bad = lines[0] + "\n" + lines[1].replace("2024-09-10T00:00:00Z", start) + "\n";
            Path file = file("times.csv", bad);

            CliRun run = CliRun.run("export", "--to", "focus", "--input", file.toString(), "--format", "canonical");

            assertRefused(run, "times.csv:2:" + column + " (feePeriodStart)");
        }
        // the first and last supported years are exported
        String edges = lines[0] + "\n"
                + lines[1].replace("2024-09-10T00:00:00Z", "0001-01-01T00:00:00Z")
                        .replace("2024-09-10T01:00:00Z", "0001-01-01T01:00:00Z")
                + "\n"
                + lines[2].replace("2024-09-11T00:00:00Z", "9998-12-31T23:00:00Z")
                        .replace("2024-09-11T01:00:00Z", "9999-01-01T00:00:00Z")
                + "\n";
        CliRun run = CliRun.run(
                "export", "--to", "focus", "--input", file("edges.csv", edges).toString(), "--format", "canonical");
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.csv())
                .extracting(r -> r.get("ChargePeriodStart"))
                .containsExactly("0001-01-01T00:00:00Z", "9998-12-31T23:00:00Z");
    }

    @Test
    @Tag("IO-1")
    void tencentBillInGbkWithChineseTags_isGroupedByItsFourTeamsWithTheEncoding_andRefusedWithout() throws IOException {
        Charset gbk = Charset.forName("GBK");
        StringBuilder csv = new StringBuilder("BillId,PayerUin,OwnerUin,BusinessCode,PayMode,ActionType,FeeBeginTime,"
                + "FeeEndTime,Cost,RealCost,Tags\n");
        String[] teams = {"研发", "市场", "运维", "财务"};
        for (int i = 0; i < teams.length; i++) {
            csv.append("b-")
                    .append(i)
                    .append(",100000000001,100000000002,p_cvm,postPay,postpay_deduct,")
                    .append("2024-09-10 08:00:00,2024-09-10 08:59:59,1.00,1.00,")
                    .append("\"[{\"\"TagKey\"\":\"\"team\"\",\"\"TagValue\"\":\"\"")
                    .append(teams[i])
                    .append("\"\"}]\"\n");
        }
        Path file = dir.resolve("gbk.csv");
        Files.write(file, csv.toString().getBytes(gbk));

        CliRun run = CliRun.run(
                "consolidate",
                "--input",
                file.toString(),
                "--format",
                "tencent",
                "--by",
                "tag:team",
                "--encoding",
                "GB18030");
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.csv()).extracting(r -> r.get("tag:team")).containsExactlyInAnyOrder(teams);

        String line2 = csv.toString().split("\n")[1];
        CliRun utf8 = CliRun.run("consolidate", "--input", file.toString(), "--format", "tencent", "--by", "tag:team");
        assertRefused(utf8, "gbk.csv:2:" + (line2.indexOf('研') + 1) + ": the text is not valid UTF-8");

        assertRefused(
                CliRun.run("consolidate", "--input", file.toString(), "--format", "tencent", "--encoding", "klingon"),
                "--encoding: 'klingon' is not a character encoding");
    }

    @Test
    void canonicalTagsWithARepeatedKeyOrTrailingText_areRefusedNamingLineAndColumn() throws IOException {
        String good = Files.readString(hostileBill());
        String[] lines = good.split("\n");
        int column = List.of(lines[0].split(",")).indexOf("tags") + 1;
        String tags = "\"{\"\"team\"\":\"\"=cmd|'/C calc'!A0\"\"}\"";
        assertThat(lines[1]).contains(tags);
        for (String bad :
                List.of("\"{\"\"team\"\":\"\"a\"\",\"\"team\"\":\"\"b\"\"}\"", "\"{\"\"team\"\":\"\"a\"\"} junk\"")) {
            Path file = file("tags.csv", lines[0] + "\n" + lines[1].replace(tags, bad) + "\n");

            assertRefused(
                    CliRun.run("consolidate", "--input", file.toString(), "--format", "canonical"),
                    "tags.csv:2:" + column + " (tags): tags are not a JSON object");
        }
    }

    @Test
    @Tag("IO-2")
    void focusExport_readBackByTheCommandLine_givesTheExactValues_howeverManyRoundTrips() throws IOException {
        // values that already look guarded too: a leading quote must survive
        List<String> teams = new ArrayList<>(HOSTILE);
        teams.add("'quoted");
        teams.add("''=x");
        StringWriter out = new StringWriter();
        try (LineItemCsvWriter w = LineItemCsv.writer(out)) {
            for (int i = 0; i < teams.size(); i++) {
                w.write(item("li-" + i, teams.get(i), "2024-09-1" + i + "T00:00:00Z", "1.00"));
            }
        }
        Path input = file("bill.csv", out.toString());
        Path export = null;
        for (int round = 0; round < 3; round++) {
            Path next = dir.resolve("export-" + round + ".csv");
            CliRun run = round == 0
                    ? CliRun.run(
                            "export",
                            "--to",
                            "focus",
                            "--input",
                            input.toString(),
                            "--format",
                            "canonical",
                            "--out",
                            next.toString())
                    : CliRun.run(
                            "export",
                            "--to",
                            "focus",
                            "--input",
                            export.toString(),
                            "--format",
                            "focus",
                            "--out",
                            next.toString());
            assertThat(run.code()).as(run.err()).isZero();
            if (export != null) {
                assertThat(Files.readString(next)).isEqualTo(Files.readString(export));
            }
            export = next;
        }
        CliRun exact = CliRun.run(
                "consolidate",
                "--input",
                export.toString(),
                "--format",
                "focus",
                "--by",
                "tag:team",
                "--formula-guard",
                "off");
        assertThat(exact.code()).as(exact.err()).isZero();
        assertThat(exact.csv()).extracting(r -> r.get("tag:team")).containsExactlyInAnyOrderElementsOf(teams);
    }

    @Test
    void outToDevFull_isAnIoErrorNamingThePath_exit2() throws IOException {
        Path full = Path.of("/dev/full");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isWritable(full), "/dev/full exists");
        String bill = hostileBill().toString();

        assertRefused(
                CliRun.run("consolidate", "--input", bill, "--format", "canonical", "--out", "/dev/full"),
                "cannot write /dev/full: No space left on device");
        assertRefused(
                CliRun.run("export", "--to", "focus", "--input", bill, "--format", "canonical", "--out", "/dev/full"),
                "cannot write /dev/full");
        assertRefused(
                CliRun.run(
                        "allocate",
                        "--input",
                        bill,
                        "--format",
                        "canonical",
                        "--rules",
                        file("rules.json", RULES).toString(),
                        "--out",
                        "/dev/full"),
                "cannot write /dev/full");
    }

    @Test
    void monthsOutsideTheSupportedYears_areRefusedNamingTheRange() throws IOException {
        String bill = hostileBill().toString();
        String rules = file("rules.json", RULES).toString();

        assertRefused(
                backtrackOnSameRules(bill, rules, "--from", "-999999999-01"),
                "--from: month -999999999-01 is outside the supported range 0001-01 to 9998-12");
        Files.createDirectories(dir.resolve("lists"));
        assertRefused(
                CliRun.run(
                        "reconcile",
                        "--input",
                        bill,
                        "--format",
                        "canonical",
                        "--month",
                        "-2024-09",
                        "--out",
                        dir.resolve("lists").toString()),
                "--month: month -2024-09 is outside the supported range 0001-01 to 9998-12");
        assertThat(dir.resolve("lists")).isEmptyDirectory();
        assertRefused(
                backtrackOnSameRules(bill, rules, "--from", "2024-09", "--submitted-at", "+10000-01-01T00:00:00Z"),
                "--submitted-at: time +10000-01-01T00:00:00Z is outside the supported range");
    }

    @Test
    void headerOf500000RepeatedColumns_givesAShortMessage() throws IOException {
        for (String format : List.of("focus", "tencent", "canonical")) {
            String header = switch (format) {
                case "focus" -> "BilledCost";
                case "tencent" -> "BillId";
                default -> "id";
            };
            Path file = file("wide.csv", header + ",a".repeat(500_000) + "\n");

            CliRun run = CliRun.run("consolidate", "--input", file.toString(), "--format", format);

            assertRefused(run, "wide.csv:1: ");
            assertThat(run.err().length()).as(format).isLessThan(4_000);
        }
    }

    @Test
    void ruleSetWithThousandsOfProblems_listsTwentyAndCountsTheRest() throws IOException {
        StringBuilder units = new StringBuilder("{\"units\": [{\"id\": \"acme\"}");
        for (int i = 0; i < 5_000; i++) {
            units.append(", {\"id\": \"u").append(i).append("\", \"parent\": \"missing\"}");
        }
        String rules = file("many.json", units.append("]}").toString()).toString();

        CliRun run =
                CliRun.run("allocate", "--input", hostileBill().toString(), "--format", "canonical", "--rules", rules);

        assertRefused(run, "invalid rule set in " + rules + ", 5000 problems:", "... and 4980 more");
        assertThat(run.err().lines().count()).isLessThan(30);
    }

    @SuppressWarnings("unused")
    private static Map<String, String> unused() {
        return Map.of();
    }
}
