package org.cloudbilling.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.cloudbilling.core.bill.ActionType;
import org.cloudbilling.core.bill.LineItem;
import org.cloudbilling.core.bill.PayMode;
import org.cloudbilling.core.id.BusinessCode;
import org.cloudbilling.core.id.LineItemId;
import org.cloudbilling.core.id.OwnerUin;
import org.cloudbilling.core.id.PayerUin;
import org.cloudbilling.core.id.RegionId;
import org.cloudbilling.core.io.LineItemCsv;
import org.cloudbilling.core.io.LineItemCsvWriter;
import org.cloudbilling.core.money.Money;
import org.cloudbilling.core.time.Interval;
import org.cloudbilling.examples.CliRun;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConsolidateCommandTest {
    private static final String SAMPLE = CliRun.focusSample().toString();

    @TempDir
    Path dir;

    @Test
    void consolidate_focusSampleByServiceName_totalsEqualThePlainSumsOfTheFile() {
        Map<String, BigDecimal[]> expected = new TreeMap<>();
        for (Map<String, String> row : CliRun.focusRows()) {
            BigDecimal[] sums = expected.computeIfAbsent(
                    row.get("ServiceName"), k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO});
            sums[0] = sums[0].add(BigDecimal.ONE);
            sums[1] = sums[1].add(new BigDecimal(row.get("ListCost")));
            sums[2] = sums[2].add(new BigDecimal(row.get("BilledCost")));
        }

        CliRun run = CliRun.run("consolidate", "--input", SAMPLE, "--format", "focus", "--by", "ServiceName");

        assertThat(run.code()).isZero();
        assertThat(run.out()).startsWith("ServiceName,ItemCount,ListCost,BilledCost,BillingCurrency\n");
        List<String> want = new ArrayList<>();
        expected.forEach((service, s) -> want.add(service + "|" + s[0].toPlainString() + "|" + s[1].toPlainString()
                + "|" + s[2].toPlainString() + "|USD"));
        List<String> got = new ArrayList<>();
        for (Map<String, String> r : run.csv()) {
            got.add(r.get("ServiceName") + "|" + r.get("ItemCount") + "|" + r.get("ListCost") + "|"
                    + r.get("BilledCost") + "|" + r.get("BillingCurrency"));
        }
        assertThat(got).containsExactlyElementsOf(want); // same order: by value
        assertThat(run.err()).contains("read 1000 line items from " + SAMPLE);
    }

    @Test
    @Tag("FOCUS-6")
    void consolidate_byChargeCategoryAndTag_groupsAsTheFileSays() throws IOException {
        ObjectMapper json = new ObjectMapper();
        Map<String, BigDecimal> expected = new TreeMap<>();
        for (Map<String, String> row : CliRun.focusRows()) {
            String tags = row.get("Tags");
            String unit = "";
            if (!tags.isEmpty() && !tags.equals("NULL")) {
                JsonNode bu = json.readTree(tags).get("business_unit");
                unit = bu == null ? "" : bu.asText();
            }
            expected.merge(
                    row.get("ChargeCategory") + "," + unit, new BigDecimal(row.get("BilledCost")), BigDecimal::add);
        }

        CliRun run = CliRun.run(
                "consolidate", "--input", SAMPLE, "--format", "focus", "--by", "ChargeCategory,tag:business_unit");

        assertThat(run.code()).isZero();
        Map<String, BigDecimal> got = new TreeMap<>();
        for (Map<String, String> r : run.csv()) {
            String key = r.get("ChargeCategory") + "," + r.get("tag:business_unit");
            assertThat(got.put(key, new BigDecimal(r.get("BilledCost"))))
                    .as("key %s once", key)
                    .isNull();
        }
        assertThat(got).isEqualTo(expected);
        assertThat(got.keySet()).contains("Credit,", "Adjustment,PasadenaAI", "Usage,PeoriaData");
    }

    @Test
    void consolidate_canonicalFileToOutFile_writesTheTotalsThereAndNothingToStandardOutput() throws IOException {
        Path input = dir.resolve("month.csv");
        try (Writer w = Files.newBufferedWriter(input, StandardCharsets.UTF_8);
                LineItemCsvWriter csv = LineItemCsv.writer(w)) {
            csv.write(item("i1", "200", "ap-guangzhou", "10.12345678"));
            csv.write(item("i2", "200", "ap-guangzhou", "-0.12345678")); // a refund
            csv.write(item("i3", "200", "ap-shanghai", "5.00"));
            csv.write(item("i4", "300", null, "1.5"));
        }
        Path out = dir.resolve("totals.csv");

        CliRun run = CliRun.run(
                "consolidate",
                "--input",
                input.toString(),
                "--format",
                "canonical",
                "--by",
                "SubAccountId,RegionId",
                "--out",
                out.toString());

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).isEmpty();
        // 10.12345678 - 0.12345678 = 10.00000000: every decimal kept, no rounding, no stripping.
        assertThat(Files.readString(out))
                .isEqualTo("SubAccountId,RegionId,ItemCount,ListCost,BilledCost,BillingCurrency\n"
                        + "200,ap-guangzhou,2,10.00000000,10.00000000,CNY\n"
                        + "200,ap-shanghai,1,5.00,5.00,CNY\n"
                        + "300,,1,1.5,1.5,CNY\n");
    }

    @Test
    void consolidate_withoutBy_writesOneTotalPerCurrency() {
        BigDecimal total = CliRun.focusRows().stream()
                .map(r -> new BigDecimal(r.get("BilledCost")))
                .reduce(BigDecimal.ZERO, BigDecimal::add);

        CliRun run = CliRun.run("consolidate", "--input", SAMPLE, "--format", "focus");

        assertThat(run.code()).isZero();
        assertThat(run.csv()).hasSize(1);
        assertThat(run.csv().get(0).get("BilledCost")).isEqualTo(total.toPlainString());
        assertThat(run.csv().get(0).get("ItemCount")).isEqualTo("1000");
    }

    @Test
    void consolidate_tencentFormatOnAFocusFile_exitsWithTwo_namingTheMissingColumns() {
        CliRun run = CliRun.run("consolidate", "--input", SAMPLE, "--format", "tencent", "--by", "ServiceName");

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains(SAMPLE + ":1: the header lacks the columns [BillId");
        assertThat(run.out()).isEmpty();
    }

    @Test
    @Tag("FOCUS-7")
    void consolidate_badCell_exitsWithTwo_namingFileLineAndColumn_withoutStackTrace() throws IOException {
        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, CliRun.focusCsvWithLastCell(2, "BilledCost", "1.2.3"));
        int column = CliRun.focusHeader().indexOf("BilledCost") + 1;

        CliRun run = CliRun.run("consolidate", "--input", bad.toString(), "--format", "focus", "--by", "ServiceName");

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains(bad + ":3:" + column + " (BilledCost): ").contains("'1.2.3'");
        assertThat(run.err()).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void consolidate_malformedCsv_exitsWithTwo_namingFileLineAndColumn() throws IOException {
        Path bad = dir.resolve("quote.csv");
        Files.writeString(bad, CliRun.focusCsvWithLastCell(1, "Tags", "") + "1,USD,extra\n");

        CliRun run = CliRun.run("consolidate", "--input", bad.toString(), "--format", "focus");

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains(bad + ":3").contains("3 cells");
    }

    @Test
    void consolidate_badCanonicalRow_exitsWithTwo_namingFileAndLine() throws IOException {
        Path bad = dir.resolve("bad-canonical.csv");
        Files.writeString(bad, String.join(",", LineItemCsv.header()) + "\nnot,enough,cells\n");

        CliRun run = CliRun.run("consolidate", "--input", bad.toString(), "--format", "canonical");

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains(bad + ":2");
        assertThat(run.err()).doesNotContain("\tat ");
    }

    @Test
    void consolidate_missingFile_exitsWithTwo() {
        CliRun run =
                CliRun.run("consolidate", "--input", dir.resolve("none.csv").toString(), "--format", "focus");

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("none.csv: no such file");
    }

    @Test
    void consolidate_unknownOrRepeatedDimension_exitsWithTwo_listingTheKnownOnes() {
        CliRun unknown = CliRun.run("consolidate", "--input", SAMPLE, "--format", "focus", "--by", "Colour");
        CliRun twice =
                CliRun.run("consolidate", "--input", SAMPLE, "--format", "focus", "--by", "ServiceName,businessCode");

        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err())
                .contains("unknown dimension 'Colour'")
                .contains("ChargeCategory")
                .contains("tag:KEY");
        assertThat(twice.code()).isEqualTo(2);
        assertThat(twice.err()).contains("dimension businessCode is given twice");
    }

    @Test
    void consolidate_badOptionValue_exitsWithTwo() {
        CliRun run = CliRun.run("consolidate", "--input", SAMPLE, "--format", "xml");

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("--format").contains("xml").contains("Try 'billing consolidate --help'");
    }

    @Test
    @Tag("FOCUS-4")
    void consolidateByChargeCategory_andFocusExport_groupTheSameFileIdentically() throws IOException {
        // One item per action type and pay mode, each with its own amount, so a group's total names its members.
        Path input = dir.resolve("every-action.csv");
        int n = 0;
        try (Writer w = Files.newBufferedWriter(input, StandardCharsets.UTF_8);
                LineItemCsvWriter csv = LineItemCsv.writer(w)) {
            for (ActionType t : ActionType.values()) {
                for (PayMode m : PayMode.values()) {
                    n++;
                    csv.write(item("i" + n, "200", null, (t == ActionType.REFUND ? "-" : "") + n + ".01", t, m));
                }
            }
        }

        CliRun consolidated = CliRun.run(
                "consolidate", "--input", input.toString(), "--format", "canonical", "--by", "ChargeCategory");
        CliRun exported = CliRun.run("export", "--to", "focus", "--input", input.toString(), "--format", "canonical");

        assertThat(consolidated.code()).as(consolidated.err()).isZero();
        assertThat(exported.code()).as(exported.err()).isZero();
        Map<String, String> fromExport = new TreeMap<>();
        Map<String, BigDecimal[]> sums = new TreeMap<>();
        for (Map<String, String> r : exported.csv()) {
            BigDecimal[] s = sums.computeIfAbsent(
                    r.get("ChargeCategory"), k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO});
            s[0] = s[0].add(BigDecimal.ONE);
            s[1] = s[1].add(new BigDecimal(r.get("ListCost")));
            s[2] = s[2].add(new BigDecimal(r.get("BilledCost")));
        }
        sums.forEach((c, s) -> fromExport.put(c, s[0] + "|" + s[1].toPlainString() + "|" + s[2].toPlainString()));
        Map<String, String> fromConsolidate = new TreeMap<>();
        for (Map<String, String> r : consolidated.csv()) {
            fromConsolidate.put(
                    r.get("ChargeCategory"), r.get("ItemCount") + "|" + r.get("ListCost") + "|" + r.get("BilledCost"));
        }
        assertThat(fromConsolidate).isEqualTo(fromExport);
        // FOCUS 1.0: Purchase and Usage are charges "including refunds"; a refund is neither Credit nor Adjustment.
        Map<String, String> categoryById = new TreeMap<>();
        exported.csv()
                .forEach(r ->
                        categoryById.put(r.get("x_ActionType") + "/" + r.get("x_PayMode"), r.get("ChargeCategory")));
        assertThat(categoryById)
                .containsEntry("REFUND/PREPAID", "Purchase")
                .containsEntry("REFUND/POSTPAID", "Usage")
                .containsEntry("CREDIT/POSTPAID", "Credit")
                .containsEntry("ADJUSTMENT/PREPAID", "Adjustment");
    }

    private static LineItem item(String id, String owner, String region, String amount) {
        return item(id, owner, region, amount, ActionType.USAGE, PayMode.POSTPAID);
    }

    private static LineItem item(
            String id, String owner, String region, String amount, ActionType action, PayMode mode) {
        LineItem.Builder b = LineItem.builder()
                .id(LineItemId.of(id))
                .ownerUin(OwnerUin.of(owner))
                .payerUin(PayerUin.of("100"))
                .businessCode(BusinessCode.of("p_cvm"))
                .payMode(mode)
                .actionType(action)
                .feePeriod(Interval.of(Instant.parse("2024-09-01T00:00:00Z"), Instant.parse("2024-09-01T01:00:00Z")))
                .listCost(Money.of("CNY", amount))
                .totalCost(Money.of("CNY", amount));
        if (region != null) {
            b.regionId(RegionId.of(region));
        }
        return b.build();
    }
}
