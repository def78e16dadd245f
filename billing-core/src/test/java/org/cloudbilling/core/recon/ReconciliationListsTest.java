package org.cloudbilling.core.recon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.cloudbilling.core.bill.ActionType;
import org.cloudbilling.core.bill.LineItem;
import org.cloudbilling.core.bill.PayMode;
import org.cloudbilling.core.id.BusinessCode;
import org.cloudbilling.core.id.InstanceType;
import org.cloudbilling.core.id.ItemCode;
import org.cloudbilling.core.id.LineItemId;
import org.cloudbilling.core.id.OrderId;
import org.cloudbilling.core.id.OwnerUin;
import org.cloudbilling.core.id.PayerUin;
import org.cloudbilling.core.id.ProductCode;
import org.cloudbilling.core.id.RegionId;
import org.cloudbilling.core.io.BillingInputException;
import org.cloudbilling.core.io.FormulaGuard;
import org.cloudbilling.core.io.InputProblem;
import org.cloudbilling.core.io.OnError;
import org.cloudbilling.core.io.ReadResult;
import org.cloudbilling.core.money.Money;
import org.cloudbilling.core.testing.RepeatingReader;
import org.cloudbilling.core.time.BillingCalendar;
import org.cloudbilling.core.time.BillingMonth;
import org.cloudbilling.core.time.Interval;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReconciliationListsTest {
    private static final BillingMonth SEPTEMBER = BillingMonth.of(2024, 9);
    private static final BillingCalendar HUAWEI = BillingCalendar.TENCENT; // UTC+8, as Huawei's China regions

    /** A one-month ECS subscription from 00:00 on 10 September (UTC+8), paid in cash and coupon. */
    static final LineItem ECS_MONTH = prepaid(
                    "li-1",
                    "O-100",
                    ActionType.NEW_PURCHASE,
                    "2024-09-09T16:00:00Z",
                    "2024-10-09T16:00:00Z",
                    "100.00000000",
                    "90.12501236")
            .billingMode(BillingMode.MONTHLY)
            .purchaseQuantity(1)
            .purchaseDuration(BigDecimal.ONE)
            .cashPaid(Money.of("CNY", "80.12501236"))
            .couponPaid(Money.of("CNY", "10.00000000"))
            .build();
    /** A one-year renewal, paid on credit. */
    static final LineItem RDS_YEAR = prepaid(
                    "li-2",
                    "O-101",
                    ActionType.RENEWAL,
                    "2024-09-14T16:00:00Z",
                    "2025-09-14T16:00:00Z",
                    "1200.00",
                    "1000.00")
            .billingMode(BillingMode.YEARLY)
            .purchaseQuantity(1)
            .purchaseDuration(BigDecimal.ONE)
            .creditPaid(Money.of("CNY", "1000.00"))
            .build();
    /** An unsubscription of O-090, refunded in cash. */
    static final LineItem ECS_REFUND = prepaid(
                    "li-3",
                    "O-102",
                    ActionType.REFUND,
                    "2024-09-20T16:00:00Z",
                    "2024-10-01T16:00:00Z",
                    "-36.67",
                    "-30.00")
            .purchaseQuantity(1)
            .purchaseDuration(BigDecimal.valueOf(11))
            .originalOrderId(OrderId.of("O-090"))
            .cashPaid(Money.of("CNY", "-30.00"))
            .build();
    /** A downgrade: a Change with a negative amount. */
    static final LineItem ECS_DOWNGRADE = prepaid(
                    "li-4",
                    "O-103",
                    ActionType.DOWNGRADE,
                    "2024-09-25T04:30:00Z",
                    "2024-10-01T16:00:00Z",
                    "-5.00",
                    "-4.00")
            .billingMode(BillingMode.DAILY)
            .purchaseQuantity(1)
            .purchaseDuration(BigDecimal.valueOf(7))
            .voucherPaid(Money.of("CNY", "-4.00"))
            .build();
    /** Two hours of OBS storage, summed into one Pay-per-Use row. */
    static final LineItem OBS_1 = postpaid("li-5", "2024-09-01T00:00:00Z", "2.5", "0.50000000", "0.40000000");

    static final LineItem OBS_2 = postpaid("li-6", "2024-09-01T01:00:00Z", "1.25", "0.25000000", "0.20000000");

    static final List<LineItem> ITEMS = List.of(ECS_MONTH, RDS_YEAR, ECS_REFUND, ECS_DOWNGRADE, OBS_1, OBS_2);

    private static LineItem.Builder prepaid(
            String id, String order, ActionType action, String start, String end, String list, String total) {
        return LineItem.builder()
                .id(LineItemId.of(id))
                .ownerUin(OwnerUin.of("u1"))
                .payerUin(PayerUin.of("u1"))
                .businessCode(BusinessCode.of(action == ActionType.RENEWAL ? "RDS" : "ECS"))
                .productCode(ProductCode.of(action == ActionType.RENEWAL ? "RDS for MySQL" : "Elastic Cloud Server"))
                .instanceType(InstanceType.of("s6.large.2"))
                .regionId(RegionId.of("cn-north-4"))
                .payMode(PayMode.PREPAID)
                .actionType(action)
                .orderId(OrderId.of(order))
                .feePeriod(Interval.of(Instant.parse(start), Instant.parse(end)))
                .listCost(Money.of("CNY", list))
                .totalCost(Money.of("CNY", total));
    }

    private static LineItem postpaid(String id, String start, String usage, String list, String total) {
        Instant s = Instant.parse(start);
        return LineItem.builder()
                .id(LineItemId.of(id))
                .ownerUin(OwnerUin.of("u1"))
                .payerUin(PayerUin.of("u1"))
                .businessCode(BusinessCode.of("OBS"))
                .productCode(ProductCode.of("Object Storage Service"))
                .itemCode(ItemCode.of("Storage space"))
                .regionId(RegionId.of("cn-north-4"))
                .payMode(PayMode.POSTPAID)
                .actionType(ActionType.USAGE)
                .feePeriod(Interval.of(s, s.plusSeconds(3600)))
                .usageQuantity(new BigDecimal(usage))
                .usageUnit("GB-hour")
                .listCost(Money.of("CNY", list))
                .cashPaid(Money.of("CNY", total))
                .totalCost(Money.of("CNY", total))
                .build();
    }

    @Test
    @Tag("RECON-1")
    void names_cycle_areThoseOfTheProviderAndProducedOnTheThird() {
        assertThat(ReconciliationLists.periodName(SEPTEMBER)).isEqualTo("ReconciliationList(Period)_202409");
        assertThat(ReconciliationLists.payPerUseName(SEPTEMBER)).isEqualTo("ReconciliationList(Pay-per-Use)_202409");
        assertThat(ReconciliationLists.productionTime(SEPTEMBER, HUAWEI))
                .isEqualTo(Instant.parse("2024-10-02T16:00:00Z")); // 00:00 on 3 October, UTC+8
        assertThat(ReconciliationLists.productionTime(BillingMonth.of(2024, 12), HUAWEI))
                .isEqualTo(Instant.parse("2025-01-02T16:00:00Z"));
    }

    @Test
    @Tag("RECON-1")
    void zip_lists_holdsBothListsTogetherAndReadsBack() throws IOException {
        ReconciliationLists lists = ReconciliationLists.of(SEPTEMBER, ITEMS, HUAWEI);
        byte[] zipped = zipped(lists, FormulaGuard.ON);

        List<String> entries = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zipped))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                entries.add(e.getName());
            }
        }
        assertThat(entries)
                .containsExactly("ReconciliationList(Period)_202409.csv", "ReconciliationList(Pay-per-Use)_202409.csv");
        assertThat(ReconciliationZip.read(new ByteArrayInputStream(zipped), "r.zip", FormulaGuard.ON))
                .isEqualTo(lists);
    }

    @Test
    @Tag("RECON-2")
    void header_lists_areExactlyTheProviderColumnsInOrder() {
        // Table 1 and Table 2 of the provider's description (shared/domain/sources/huawei-reconciliation-list.txt)
        assertThat(ReconciliationCsv.PERIOD_COLUMNS)
                .containsExactly(
                        "Billing Cycle",
                        "Consume/Unsubscription Time",
                        "Order No.",
                        "Order Type",
                        "Pre-OrderId",
                        "Product Type",
                        "Region",
                        "Product",
                        "Specifications",
                        "Billing Mode",
                        "Purchase Quantity",
                        "Duration",
                        "Official Total Amount",
                        "Amount Due",
                        "Cash Payment",
                        "Credit Payment",
                        "Cash Coupon Used",
                        "Remarks");
        assertThat(ReconciliationCsv.PAY_PER_USE_COLUMNS)
                .containsExactly(
                        "Billing Cycle",
                        "Product Type",
                        "Region",
                        "Product",
                        "Specifications",
                        "Billing Mode",
                        "Usage Type",
                        "Usage",
                        "Usage Unit",
                        "Official Total Amount",
                        "Amount Due",
                        "Cash Payment",
                        "Credit Payment",
                        "Cash Coupon Used",
                        "Remarks");
    }

    @Test
    @Tag("RECON-2")
    void write_lists_matchGoldenFiles() throws IOException {
        ReconciliationLists lists = ReconciliationLists.of(SEPTEMBER, ITEMS, HUAWEI);
        StringWriter period = new StringWriter();
        ReconciliationCsv.writePeriod(period, lists.period().iterator(), FormulaGuard.ON);
        StringWriter payPerUse = new StringWriter();
        ReconciliationCsv.writePayPerUse(payPerUse, lists.payPerUse().iterator(), FormulaGuard.ON);

        assertThat(period.toString()).isEqualTo(golden("ReconciliationList(Period)_202409.csv"));
        assertThat(payPerUse.toString()).isEqualTo(golden("ReconciliationList(Pay-per-Use)_202409.csv"));
    }

    @Test
    @Tag("RECON-2")
    void read_wrongHeader_isRefusedNamingTheColumns() {
        String csv = String.join(",", ReconciliationCsv.PAY_PER_USE_COLUMNS).replace("Usage Unit", "Unit") + "\n";
        assertThatThrownBy(() -> ReconciliationCsv.readPayPerUse(
                        new StringReader(csv), "p.csv", FormulaGuard.OFF, OnError.COLLECT))
                .isInstanceOf(BillingInputException.class)
                .hasMessageContaining("p.csv:1")
                .hasMessageContaining("missing columns [Usage Unit]")
                .hasMessageContaining("unknown columns [Unit]");
    }

    @Test
    @Tag("RECON-3")
    void of_prepaidItems_orderTypesModesAndPreOrders() {
        List<PeriodRecord> rows =
                ReconciliationLists.of(SEPTEMBER, ITEMS, HUAWEI).period();

        assertThat(rows)
                .extracting(PeriodRecord::orderType)
                .containsExactly(OrderType.PURCHASE, OrderType.RENEWAL, OrderType.UNSUBSCRIPTION, OrderType.CHANGE);
        assertThat(rows)
                .extracting(PeriodRecord::billingMode)
                .containsExactly(
                        Optional.of(BillingMode.MONTHLY),
                        Optional.of(BillingMode.YEARLY),
                        Optional.empty(),
                        Optional.of(BillingMode.DAILY));
        assertThat(rows)
                .extracting(PeriodRecord::duration)
                .containsExactly(BigDecimal.ONE, BigDecimal.ONE, BigDecimal.valueOf(11), BigDecimal.valueOf(7));
        assertThat(rows.get(2).preOrderId()).contains("O-090");
        assertThat(rows.get(3).change()).contains(PeriodRecord.Change.DOWNGRADE);
        assertThat(rows.get(0).change()).isEmpty();
        assertThat(rows.get(0).consumeTime()).isEqualTo("2024-09-10 00:00:00");
    }

    @Test
    @Tag("RECON-3")
    void periodRecord_unsubscriptionWithBillingModeOrWithoutPreOrder_isRefused() {
        Payments p = new Payments(BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ZERO, BigDecimal.ZERO);
        assertThatThrownBy(() -> new PeriodRecord(
                        SEPTEMBER,
                        "t",
                        "O-1",
                        OrderType.UNSUBSCRIPTION,
                        Optional.empty(),
                        "",
                        "",
                        "",
                        "",
                        Optional.empty(),
                        1,
                        BigDecimal.ONE,
                        p,
                        ""))
                .hasMessage("order O-1 is an unsubscription without its Pre-OrderId (RECON-3)");
        assertThatThrownBy(() -> new PeriodRecord(
                        SEPTEMBER,
                        "t",
                        "O-1",
                        OrderType.UNSUBSCRIPTION,
                        Optional.of("O-0"),
                        "",
                        "",
                        "",
                        "",
                        Optional.of(BillingMode.MONTHLY),
                        1,
                        BigDecimal.ONE,
                        p,
                        ""))
                .hasMessage("order O-1 is an unsubscription with billing mode Monthly; it has none (RECON-3)");
        PeriodRecord upgrade = new PeriodRecord(
                SEPTEMBER,
                "t",
                "O-2",
                OrderType.CHANGE,
                Optional.empty(),
                "",
                "",
                "",
                "",
                Optional.of(BillingMode.MONTHLY),
                1,
                BigDecimal.ONE,
                p,
                "");
        assertThat(upgrade.change()).contains(PeriodRecord.Change.UPGRADE);
    }

    @Test
    @Tag("RECON-4")
    void payments_notAddingUp_areRefused() {
        assertThatThrownBy(() -> new Payments(
                        BigDecimal.TEN, new BigDecimal("5.00"), new BigDecimal("3"), BigDecimal.ONE, BigDecimal.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cash 3 + credit 1 + cash coupons 0 = 4, not the amount due 5.00 (RECON-4)");
    }

    @Test
    @Tag("RECON-4")
    void of_items_amountDueIsCashPlusCreditPlusCouponsWithEveryDecimal() {
        ReconciliationLists lists = ReconciliationLists.of(SEPTEMBER, ITEMS, HUAWEI);

        Payments ecs = lists.period().get(0).payments();
        assertThat(ecs.amountDue()).isEqualByComparingTo("90.12501236"); // not truncated: MONEY-2
        assertThat(ecs.cashPayment().add(ecs.creditPayment()).add(ecs.cashCouponUsed()))
                .isEqualByComparingTo(ecs.amountDue());
        PayPerUseRecord obs = lists.payPerUse().get(0);
        assertThat(lists.payPerUse()).hasSize(1);
        assertThat(obs.usage()).isEqualByComparingTo("3.75");
        assertThat(obs.payments().amountDue()).isEqualByComparingTo("0.60000000");
        assertThat(obs.payments().officialTotalAmount()).isEqualByComparingTo("0.75");
    }

    @Test
    @Tag("RECON-4")
    void of_itemWithoutPayments_isRefusedNamingIt() {
        LineItem noPayments = prepaid(
                        "li-9",
                        "O-9",
                        ActionType.NEW_PURCHASE,
                        "2024-09-09T16:00:00Z",
                        "2024-10-09T16:00:00Z",
                        "1",
                        "1")
                .build();
        assertThatThrownBy(() -> ReconciliationLists.of(SEPTEMBER, List.of(noPayments), HUAWEI))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("line item li-9 reports no payment fields");
    }

    @Test
    void read_badRows_reportEntryLineColumnValueAndReason() throws IOException {
        String header = String.join(",", ReconciliationCsv.PAY_PER_USE_COLUMNS);
        String good = "2024-09,OBS,cn-north-4,OBS,,Pay-per-use,Storage,1.5,GB,1,1,1,0,0,";
        String csv = header + "\n" + good + "\n"
                + good.replace("Pay-per-use", "Hourly") + "\n"
                + good.replace(",1,1,1,0,0,", ",1,1,0.5,0,0,") + "\n"
                + good.replace("2024-09", "2024-9") + "\n";
        ReadResult<PayPerUseRecord> all =
                ReconciliationCsv.readPayPerUse(new StringReader(csv), "p.csv", FormulaGuard.OFF, OnError.COLLECT);

        assertThat(all.values()).hasSize(1);
        assertThat(all.problems()).hasSize(3);
        InputProblem mode = all.problems().get(0);
        assertThat(mode.toString()).startsWith("p.csv:3:6 (Billing Mode): billing mode 'Hourly' is not one of");
        assertThat(mode.value()).contains("Hourly");
        assertThat(all.problems().get(1).toString())
                .isEqualTo(
                        "p.csv:4:11 (Amount Due): cash 0.5 + credit 0 + cash coupons 0 = 0.5, not the amount due 1 (RECON-4)");
        assertThat(all.problems().get(2).toString()).contains("p.csv:5:1 (Billing Cycle)");
        assertThatThrownBy(() ->
                        ReconciliationCsv.readPayPerUse(new StringReader(csv), "p.csv", FormulaGuard.OFF, OnError.FAIL))
                .isInstanceOfSatisfying(
                        BillingInputException.class,
                        e -> assertThat(e.problems())
                                .extracting(InputProblem::line)
                                .containsExactly(3L));
    }

    @Test
    void read_zipWithPathOrForeignEntry_isRefusedWithoutExtractingAnything() throws IOException {
        for (String name : List.of("../ReconciliationList(Period)_202409.csv", "evil/x.csv", "/etc/passwd")) {
            byte[] zipped = ReconciliationZipTest.zip(name, "x");
            assertThatThrownBy(
                            () -> ReconciliationZip.read(new ByteArrayInputStream(zipped), "z.zip", FormulaGuard.OFF))
                    .as(name)
                    .isInstanceOf(BillingInputException.class)
                    .hasMessageContaining("entry '" + name + "' is not ReconciliationList(Period)_YYYYMM.csv");
        }
    }

    @Test
    @Tag("RECON-1")
    void read_zipMissingAList_isRefused() throws IOException {
        byte[] zipped = ReconciliationZipTest.zip(
                "ReconciliationList(Period)_202409.csv", String.join(",", ReconciliationCsv.PERIOD_COLUMNS));
        assertThatThrownBy(() -> ReconciliationZip.read(new ByteArrayInputStream(zipped), "z.zip", FormulaGuard.OFF))
                .hasMessageContaining("the ZIP lacks the Pay-per-Use list (RECON-1)");
    }

    @Test
    void write_toDirectory_createsOnlyItsFileThereAndNeverOverwrites(@TempDir Path dir) throws IOException {
        Path target = dir.resolve("target");
        Files.createDirectory(target);
        ReconciliationLists lists = ReconciliationLists.of(SEPTEMBER, ITEMS, HUAWEI);

        Path zip = ReconciliationZip.write(lists, dir.resolve("target/../target"), FormulaGuard.ON);

        assertThat(zip).isEqualTo(target.toAbsolutePath().resolve("ReconciliationList_202409.zip"));
        try (var files = Files.walk(dir)) {
            assertThat(files.filter(Files::isRegularFile).toList()).containsExactly(zip);
        }
        assertThatThrownBy(() -> ReconciliationZip.write(lists, target, FormulaGuard.ON))
                .isInstanceOf(java.io.UncheckedIOException.class);
        assertThatThrownBy(() -> ReconciliationZip.write(lists, zip, FormulaGuard.ON))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not a directory");
        try (InputStream in = Files.newInputStream(zip)) {
            assertThat(ReconciliationZip.read(in, zip.toString(), FormulaGuard.ON))
                    .isEqualTo(lists);
        }
    }

    @Test
    void write_formulaLikeText_isGuardedAndAmountsAreNot() {
        Payments p = new Payments(
                new BigDecimal("-5"), new BigDecimal("-4"), new BigDecimal("-4"), BigDecimal.ZERO, BigDecimal.ZERO);
        PeriodRecord evil = new PeriodRecord(
                SEPTEMBER,
                "t",
                "=cmd|' /C calc'!A0",
                OrderType.CHANGE,
                Optional.empty(),
                "@SUM(1)",
                "+r",
                "-p",
                "\ts",
                Optional.of(BillingMode.MONTHLY),
                1,
                BigDecimal.ONE,
                p,
                "\rx");
        StringWriter out = new StringWriter();
        ReconciliationCsv.writePeriod(out, List.of(evil).iterator(), FormulaGuard.ON);
        String row = out.toString().split("\n", 2)[1];

        assertThat(row)
                .contains("'=cmd", "'@SUM(1)", "'+r", "'-p", "\"'\ts\"", "'\rx")
                .contains(",-5,-4,-4,0,0,");
        assertThat(ReconciliationCsv.readPeriod(
                                new StringReader(out.toString()), "e.csv", FormulaGuard.ON, OnError.FAIL)
                        .values())
                .containsExactly(evil);
    }

    @Test
    void reader_hugeList_holdsOneRowAndReadsOnlyABufferAhead() {
        String header = String.join(",", ReconciliationCsv.PAY_PER_USE_COLUMNS) + "\n";
        String row = "2024-09,OBS,cn-north-4,OBS,,Pay-per-use,Storage,1.5,GB,1,1,1,0,0,\n";
        RepeatingReader source = new RepeatingReader(header, row, 10_000_000L);
        try (RecordReader<PayPerUseRecord> in =
                ReconciliationCsv.payPerUseReader(source, "huge.csv", FormulaGuard.OFF)) {
            for (int i = 0; i < 1000; i++) {
                in.next();
            }
            assertThat(source.consumed()).isLessThan((long) header.length() + 1001L * row.length() + 64 * 1024);
        }
    }

    @Test
    @Tag("RECON-1")
    void read_streamed_givesEachRecordToItsConsumerAndReportsForeignCycles() throws IOException {
        ReconciliationLists lists = ReconciliationLists.of(SEPTEMBER, ITEMS, HUAWEI);
        byte[] zipped = zipped(lists, FormulaGuard.OFF);
        List<PeriodRecord> period = new ArrayList<>();
        List<PayPerUseRecord> payPerUse = new ArrayList<>();

        ReconciliationZip.Streamed s = ReconciliationZip.read(
                new ByteArrayInputStream(zipped),
                "s.zip",
                FormulaGuard.OFF,
                OnError.COLLECT,
                period::add,
                payPerUse::add);

        assertThat(s.cycle()).isEqualTo(SEPTEMBER);
        assertThat(s.problems()).isEmpty();
        assertThat(period).isEqualTo(lists.period());
        assertThat(payPerUse).isEqualTo(lists.payPerUse());

        byte[] foreign = ReconciliationZipTest.zip(
                "ReconciliationList(Period)_202409.csv",
                String.join(",", ReconciliationCsv.PERIOD_COLUMNS) + "\n",
                "ReconciliationList(Pay-per-Use)_202409.csv",
                String.join(",", ReconciliationCsv.PAY_PER_USE_COLUMNS) + "\n"
                        + "2024-08,OBS,cn-north-4,OBS,,Pay-per-use,Storage,1.5,GB,1,1,1,0,0,\n");
        ReconciliationZip.Read read =
                ReconciliationZip.read(new ByteArrayInputStream(foreign), "f.zip", FormulaGuard.OFF, OnError.COLLECT);
        assertThat(read.lists().payPerUse()).isEmpty();
        assertThat(read.problems())
                .extracting(InputProblem::toString)
                .containsExactly(
                        "f.zip!ReconciliationList(Pay-per-Use)_202409.csv:2: the row is of cycle 2024-08, not 2024-09");
    }

    @Test
    void periodRecord_postpaidItem_isRefused() {
        assertThatThrownBy(() -> ReconciliationLists.periodRecord(SEPTEMBER, OBS_1, HUAWEI))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("line item li-5 is not prepaid");
        assertThat(ReconciliationLists.periodRecord(SEPTEMBER, ECS_MONTH, HUAWEI))
                .isEqualTo(ReconciliationLists.of(SEPTEMBER, List.of(ECS_MONTH), HUAWEI)
                        .period()
                        .get(0));
    }

    @Test
    void write_toDirectoryWithALinkInPlaceOfTheFile_refusesAndWritesNothingOutside(@TempDir Path dir)
            throws IOException {
        Path target = Files.createDirectory(dir.resolve("target"));
        Path outside = dir.resolve("outside.zip");
        Files.createSymbolicLink(target.resolve("ReconciliationList_202409.zip"), outside);
        ReconciliationLists lists = ReconciliationLists.of(SEPTEMBER, ITEMS, HUAWEI);

        assertThatThrownBy(() -> ReconciliationZip.write(lists, target, FormulaGuard.ON))
                .isInstanceOf(java.io.UncheckedIOException.class);
        assertThat(outside).doesNotExist();
    }

    /** The lists written as a ZIP. */
    private static byte[] zipped(ReconciliationLists lists, FormulaGuard guard) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ReconciliationZip.write(lists, out, guard);
        return out.toByteArray();
    }

    static String golden(String name) throws IOException {
        try (InputStream in = ReconciliationListsTest.class.getResourceAsStream("/golden/" + name)) {
            if (in == null) {
                throw new AssertionError("no golden file " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
