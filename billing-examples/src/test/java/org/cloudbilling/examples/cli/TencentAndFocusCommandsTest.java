package org.cloudbilling.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.cloudbilling.allocation.backtracking.AllocationLine;
import org.cloudbilling.allocation.focus.AllocationFocus;
import org.cloudbilling.core.bill.LineItem;
import org.cloudbilling.core.focus.FocusColumn;
import org.cloudbilling.core.focus.FocusCsv;
import org.cloudbilling.core.focus.FocusCsvReader;
import org.cloudbilling.core.focus.FocusRow;
import org.cloudbilling.core.io.FormulaGuard;
import org.cloudbilling.core.io.OnError;
import org.cloudbilling.core.provider.TencentBillCsv;
import org.cloudbilling.core.recon.OrderType;
import org.cloudbilling.core.recon.PayPerUseRecord;
import org.cloudbilling.core.recon.ReconciliationLists;
import org.cloudbilling.core.recon.ReconciliationZip;
import org.cloudbilling.examples.CliRun;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --format tencent}, {@code export --to focus} and {@code reconcile}, checked against the files' text. */
class TencentAndFocusCommandsTest {
    private static final String SAMPLE = CliRun.focusSample().toString();
    private static final String TENCENT = resource("/tencent/tencent-bill-detail.csv");
    private static final String RECON = resource("/tencent/tencent-reconcile.csv");

    @TempDir
    Path dir;

    /** Exports the Tencent bill as FOCUS in the Tencent calendar to {@code file}, with {@code options}; it succeeds. */
    private Path exportTencent(String file, String... options) {
        Path out = dir.resolve(file);
        List<String> args =
                new ArrayList<>(List.of("export", "--to", "focus", "--input", TENCENT, "--format", "tencent"));
        args.addAll(List.of(options));
        args.addAll(List.of("--calendar", "tencent", "--out", out.toString()));

        CliRun run = CliRun.run(args.toArray(String[]::new));

        assertThat(run.code()).as(run.err()).isZero();
        return out;
    }

    @Test
    void consolidate_tencentBillByBusinessCode_totalsEqualThePlainSumsOfTheFile() {
        Map<String, BigDecimal[]> expected = new TreeMap<>();
        for (Map<String, String> row : rows(TENCENT)) {
            BigDecimal[] s = expected.computeIfAbsent(
                    row.get("BusinessCode"), k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO});
            s[0] = s[0].add(BigDecimal.ONE);
            s[1] = s[1].add(new BigDecimal(row.get("Cost")));
            s[2] = s[2].add(new BigDecimal(row.get("RealCost")));
        }

        CliRun run = CliRun.run("consolidate", "--input", TENCENT, "--format", "tencent", "--by", "businessCode");

        assertThat(run.code()).as(run.err()).isZero();
        List<Map<String, String>> got = run.csv();
        assertThat(got).hasSize(expected.size());
        for (Map<String, String> r : got) {
            BigDecimal[] s = expected.get(r.get("businessCode"));
            assertThat(r.get("ItemCount")).isEqualTo(s[0].toPlainString());
            assertThat(new BigDecimal(r.get("ListCost"))).isEqualByComparingTo(s[1]);
            assertThat(new BigDecimal(r.get("BilledCost"))).isEqualByComparingTo(s[2]);
            assertThat(r.get("BillingCurrency")).isEqualTo("CNY");
        }
    }

    @Test
    void consolidate_tencentBillWithCurrency_usesThatCurrency() {
        CliRun run = CliRun.run("consolidate", "--input", TENCENT, "--format", "tencent", "--currency", "usd");

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.csv())
                .singleElement()
                .satisfies(r -> assertThat(r.get("BillingCurrency")).isEqualTo("USD"));
    }

    @Test
    void consolidate_tencentBillWithUnknownCurrency_exitsWithTwo() {
        CliRun run = CliRun.run("consolidate", "--input", TENCENT, "--format", "tencent", "--currency", "XYZW");

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("--currency: 'XYZW' is not an ISO 4217 currency code");
    }

    @Test
    @Tag("ALLOC-6")
    void allocate_tencentBillByTeamTag_collectsTheTaggedCost_andLeavesTheRestUnallocated() throws IOException {
        BigDecimal payments = BigDecimal.ZERO;
        BigDecimal rest = BigDecimal.ZERO;
        ObjectMapper json = new ObjectMapper();
        for (Map<String, String> row : rows(TENCENT)) {
            boolean tagged = false;
            if (!row.get("Tags").isEmpty()) {
                for (JsonNode tag : json.readTree(row.get("Tags"))) {
                    tagged |= tag.get("TagKey").asText().equals("team")
                            && tag.get("TagValue").asText().equals("payments");
                }
            }
            BigDecimal cost = new BigDecimal(row.get("RealCost"));
            if (tagged) {
                payments = payments.add(cost);
            } else {
                rest = rest.add(cost);
            }
        }

        CliRun run =
                CliRun.run("allocate", "--input", TENCENT, "--format", "tencent", "--rules", teamRules(), "--summary");

        assertThat(run.code()).as(run.err()).isZero();
        Map<String, BigDecimal> got = new HashMap<>();
        run.csv()
                .forEach(r -> got.put(r.get("unit") + "/" + r.get("allocation_type"), new BigDecimal(r.get("amount"))));
        assertThat(got.get("payments/Collected")).isEqualByComparingTo(payments);
        assertThat(got.get("/Unallocated")).isEqualByComparingTo(rest);
    }

    @Test
    @Tag("FOCUS-1")
    @Tag("FOCUS-5")
    void export_focusSampleLineItems_readsBackWithTheSameBilledCostPerItem() throws IOException {
        Map<String, BigDecimal> billed = new HashMap<>();
        CliRun.focusRows()
                .forEach(r -> billed.merge(r.get("Id"), new BigDecimal(r.get("BilledCost")), BigDecimal::add));
        Path out = dir.resolve("focus.csv");

        CliRun run =
                CliRun.run("export", "--to", "focus", "--input", SAMPLE, "--format", "focus", "--out", out.toString());

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(Files.readString(out)).startsWith(String.join(",", FocusCsv.header(List.of())));
        List<FocusRow> rows = FocusCsv.readAll(Files.newBufferedReader(out), "focus.csv", OnError.FAIL)
                .valuesOrThrow();
        Map<String, BigDecimal> got = new HashMap<>();
        rows.forEach(r -> got.merge(
                r.extra("x_LineItemId").orElseThrow(),
                r.decimal(FocusColumn.BILLED_COST).orElseThrow(),
                BigDecimal::add));
        assertThat(got).isEqualTo(billed);
        assertThat(run.err()).contains("wrote 1000 FOCUS rows");
    }

    @Test
    @Tag("ALLOC-6")
    void export_withRules_writesTheAllocationBill_whoseRowsOfEachItemAddUpToItsBilledCost() throws IOException {
        Map<String, BigDecimal> billed = new HashMap<>();
        for (Map<String, String> row : rows(TENCENT)) {
            billed.merge(
                    row.get("BillId") + (row.get("ItemCode").isEmpty() ? "" : "/" + row.get("ItemCode")),
                    new BigDecimal(row.get("RealCost")),
                    BigDecimal::add);
        }
        Path out = exportTencent("allocation.csv", "--rules", teamRules(), "--provider", "Tencent Cloud");

        List<FocusRow> rows = new java.util.ArrayList<>();
        try (FocusCsvReader in = FocusCsv.reader(Files.newBufferedReader(out), "allocation.csv", FormulaGuard.ON)) {
            in.forEachRemaining(rows::add);
        }
        Map<String, BigDecimal> got = new HashMap<>();
        for (FocusRow r : rows) {
            AllocationLine line = AllocationFocus.toLine(r);
            got.merge(line.item().value(), line.amount().amount(), BigDecimal::add);
            assertThat(r.text(FocusColumn.PROVIDER_NAME)).contains("Tencent Cloud");
        }
        assertThat(got.keySet()).isEqualTo(billed.keySet());
        billed.forEach((id, cost) -> assertThat(got.get(id)).isEqualByComparingTo(cost));
        assertThat(rows)
                .anySatisfy(r ->
                        assertThat(r.extra(AllocationFocus.X_ALLOCATION_UNIT)).contains("payments"));
    }

    @Test
    @Tag("FOCUS-7")
    void export_tencentLineItems_readBackAsTheSameLineItems() throws IOException {
        List<LineItem> original;
        try (Reader in = Files.newBufferedReader(Path.of(TENCENT))) {
            original = TencentBillCsv.readAll(
                            in, TENCENT, Currency.getInstance("CNY"), TencentBillCsv.BEIJING, OnError.FAIL)
                    .valuesOrThrow();
        }
        Path out = exportTencent("tencent-focus.csv");

        List<LineItem> back = FocusCsv.readLineItems(
                        Files.newBufferedReader(out), "tencent-focus.csv", FormulaGuard.ON, OnError.FAIL)
                .valuesOrThrow();
        assertThat(back).isEqualTo(original);
    }

    @Test
    void export_toAnotherFormat_exitsWithTwo() {
        CliRun run = CliRun.run("export", "--to", "parquet", "--input", SAMPLE, "--format", "focus");

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("the only export format is focus");
    }

    @Test
    @Tag("RECON-5")
    void reconcile_tencentBillWithoutOrderTerms_isRefusedNamingTheItem_unlessEstimatesAreAskedFor() {
        CliRun run = CliRun.run(
                "reconcile", "--input", RECON, "--format", "tencent", "--month", "2024-09", "--out", dir.toString());

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("carries no billing mode").contains("(RECON-5)");
        assertThat(dir.resolve("ReconciliationList_202409.zip")).doesNotExist();
    }

    @Test
    @Tag("RECON-1")
    void reconcile_tencentBill_writesTheZipOfTheCycle_withTheFilesSums() throws IOException {
        BigDecimal due = BigDecimal.ZERO;
        BigDecimal cash = BigDecimal.ZERO;
        BigDecimal coupons = BigDecimal.ZERO;
        BigDecimal usage = BigDecimal.ZERO;
        for (Map<String, String> row : rows(RECON)) {
            if (row.get("PayMode").equals("postPay") && row.get("FeeBeginTime").startsWith("2024-09")) {
                due = due.add(new BigDecimal(row.get("RealCost")));
                cash = cash.add(new BigDecimal(row.get("CashPayAmount")));
                coupons = coupons.add(new BigDecimal(row.get("VoucherPayAmount")));
                usage = usage.add(new BigDecimal(row.get("UsedAmount")));
            }
        }

        CliRun run = CliRun.run(
                "reconcile",
                "--input",
                RECON,
                "--format",
                "tencent",
                "--month",
                "2024-09",
                "--out",
                dir.toString(),
                "--estimate-order-terms");

        assertThat(run.code()).as(run.err()).isZero();
        Path zip = dir.resolve("ReconciliationList_202409.zip");
        assertThat(run.out().strip()).isEqualTo(zip.toAbsolutePath().toString());
        ReconciliationLists lists;
        try (InputStream in = Files.newInputStream(zip)) {
            lists = ReconciliationZip.read(in, zip.toString(), FormulaGuard.ON);
        }
        assertThat(lists.period()).singleElement().satisfies(p -> {
            assertThat(p.orderNo()).isEqualTo("20240901000123");
            assertThat(p.orderType()).isEqualTo(OrderType.PURCHASE);
            assertThat(p.payments().amountDue()).isEqualByComparingTo(new BigDecimal("80"));
        });
        PayPerUseRecord use = lists.payPerUse().get(0);
        assertThat(lists.payPerUse()).hasSize(1);
        assertThat(use.usage()).isEqualByComparingTo(usage);
        assertThat(use.payments().amountDue()).isEqualByComparingTo(due);
        assertThat(use.payments().cashPayment()).isEqualByComparingTo(cash);
        assertThat(use.payments().cashCouponUsed()).isEqualByComparingTo(coupons);
    }

    @Test
    void reconcile_twice_exitsWithTwo_withoutOverwriting() {
        String[] args = {
            "reconcile",
            "--input",
            RECON,
            "--format",
            "tencent",
            "--month",
            "2024-09",
            "--out",
            dir.toString(),
            "--estimate-order-terms"
        };
        assertThat(CliRun.run(args).code()).isZero();

        CliRun again = CliRun.run(args);

        assertThat(again.code()).isEqualTo(2);
        assertThat(again.err()).contains("exists already");
    }

    @Test
    void reconcile_itemsWithoutPayments_exitsWithTwo_sayingWhy() {
        CliRun run = CliRun.run(
                "reconcile", "--input", SAMPLE, "--format", "focus", "--month", "2024-09", "--out", dir.toString());

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("cannot make the reconciliation lists of 2024-09");
        assertThat(run.err()).doesNotContain("\tat ");
    }

    @Test
    void reconcile_badMonth_exitsWithTwo() {
        CliRun run = CliRun.run(
                "reconcile", "--input", RECON, "--format", "tencent", "--month", "2024-13", "--out", dir.toString());

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("--month: '2024-13' is not a month written YYYY-MM");
    }

    private String teamRules() {
        Path file = dir.resolve("team-rules.json");
        try {
            Files.writeString(file, CliRun.TEAM_RULES);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return file.toString();
    }

    private static List<Map<String, String>> rows(String file) {
        try {
            return CliRun.csvOf(Files.readString(Path.of(file)));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String resource(String name) {
        try {
            return Paths.get(TencentAndFocusCommandsTest.class.getResource(name).toURI())
                    .toString();
        } catch (URISyntaxException e) {
            throw new AssertionError(e);
        }
    }
}
