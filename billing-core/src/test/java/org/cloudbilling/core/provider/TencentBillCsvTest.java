package org.cloudbilling.core.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import org.cloudbilling.core.bill.ActionType;
import org.cloudbilling.core.bill.LineItem;
import org.cloudbilling.core.bill.PayMode;
import org.cloudbilling.core.bill.SettlementCycle;
import org.cloudbilling.core.id.BusinessCode;
import org.cloudbilling.core.id.InstanceType;
import org.cloudbilling.core.id.ItemCode;
import org.cloudbilling.core.id.LineItemId;
import org.cloudbilling.core.id.OperatorUin;
import org.cloudbilling.core.id.OrderId;
import org.cloudbilling.core.id.OwnerUin;
import org.cloudbilling.core.id.PayerUin;
import org.cloudbilling.core.id.ProductCode;
import org.cloudbilling.core.id.ProjectId;
import org.cloudbilling.core.id.RegionId;
import org.cloudbilling.core.id.ResourceId;
import org.cloudbilling.core.id.TagKey;
import org.cloudbilling.core.io.BillingInputException;
import org.cloudbilling.core.io.InputProblem;
import org.cloudbilling.core.io.OnError;
import org.cloudbilling.core.io.ReadResult;
import org.cloudbilling.core.money.Money;
import org.cloudbilling.core.testing.RepeatingReader;
import org.cloudbilling.core.time.Interval;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

class TencentBillCsvTest {
    private static final Currency CNY = Currency.getInstance("CNY");

    @Test
    @Tag("MONEY-2")
    void readAll_sampleBill_mapsEveryFieldExactly() throws Exception {
        List<LineItem> items;
        try (Reader in = new InputStreamReader(
                TencentBillCsvTest.class.getResourceAsStream("/provider/tencent-bill-detail.csv"),
                StandardCharsets.UTF_8)) {
            items = TencentBillCsv.readAll(in, "bill.csv", CNY, TencentBillCsv.BEIJING, OnError.FAIL)
                    .valuesOrThrow();
        }

        LineItem cvm = LineItem.builder()
                .id(LineItemId.of("20240930000001/v_cvm_cpu"))
                .payerUin(PayerUin.of("100000000001"))
                .ownerUin(OwnerUin.of("100000000002"))
                .operatorUin(OperatorUin.of("100000000003"))
                .businessCode(BusinessCode.of("p_cvm"))
                .productCode(ProductCode.of("sp_cvm_s5"))
                .itemCode(ItemCode.of("v_cvm_cpu"))
                .regionId(RegionId.of("ap-guangzhou"))
                .projectId(ProjectId.of("0"))
                .resourceId(ResourceId.of("ins-8f3k2j1a"))
                .instanceType(InstanceType.of("S5.MEDIUM4"))
                .payMode(PayMode.POSTPAID)
                .settlementCycle(SettlementCycle.HOURLY)
                .actionType(ActionType.USAGE)
                // 00:00:00-00:59:59 on 30 September in UTC+8 is [16:00, 17:00) on the 29th in UTC
                .feePeriod(Interval.of(Instant.parse("2024-09-29T16:00:00Z"), Instant.parse("2024-09-29T17:00:00Z")))
                .deductionTime(Instant.parse("2024-09-29T17:05:12Z"))
                .usageQuantity(new BigDecimal("1.000000000000000"))
                .usageUnit("Hours")
                .listCost(Money.of("CNY", "0.40000000"))
                .discountRate(new BigDecimal("0.8"))
                .cashPaid(Money.of("CNY", "0.22000000"))
                .voucherPaid(Money.of("CNY", "0.10000000"))
                .incentivePaid(Money.of("CNY", "0.00000000"))
                .transferPaid(Money.of("CNY", "0.00000000"))
                .totalCost(Money.of("CNY", "0.32000000"))
                .putTag(TagKey.of("team"), "payments")
                .putTag(TagKey.of(" org"), "Finance & Ops")
                .build();
        assertThat(items).hasSize(2);
        assertThat(items.get(0)).isEqualTo(cvm);
        assertThat(items.get(0).totalCost().toString()).isEqualTo("CNY 0.32000000");
        LineItem refund = items.get(1);
        assertThat(refund.actionType()).isEqualTo(ActionType.REFUND);
        assertThat(refund.payMode()).isEqualTo(PayMode.PREPAID);
        assertThat(refund.orderId()).contains(OrderId.of("20240917000123"));
        assertThat(refund.id()).isEqualTo(LineItemId.of("20240930000002"));
        assertThat(refund.tags()).isEmpty();
        assertThat(refund.totalCost()).isEqualTo(Money.of("CNY", "-96.40000000"));
    }

    @Test
    @Tag("FOCUS-2")
    void read_inclusiveEndAt235959Beijing_becomesAnExclusiveUtcEnd() throws Exception {
        String csv = header() + "\n" + row("2024-09-10 12:00:00", "2024-09-30 23:59:59") + "\n";
        LineItem item = TencentBillCsv.readAll(
                        new StringReader(csv), "b.csv", CNY, TencentBillCsv.BEIJING, OnError.FAIL)
                .values()
                .get(0);

        // 23:59:59 on 30 September in UTC+8 is the last second before 00:00 on 1 October, 16:00 UTC on the 30th
        assertThat(item.feePeriod().end()).isEqualTo(Instant.parse("2024-09-30T16:00:00Z"));
        assertThat(item.feePeriod().start()).isEqualTo(Instant.parse("2024-09-10T04:00:00Z"));
    }

    @Test
    void actionType_tencentValues_mapToTheCanonicalTypes() {
        assertThat(TencentBillCsvReader.actionType("prepay_modify", BigDecimal.ONE))
                .isEqualTo(ActionType.UPGRADE);
        assertThat(TencentBillCsvReader.actionType("prepay_modify", new BigDecimal("-1")))
                .isEqualTo(ActionType.DOWNGRADE);
        assertThat(TencentBillCsvReader.actionType("recon_increase", BigDecimal.ONE))
                .isEqualTo(ActionType.ADJUSTMENT);
        assertThat(TencentBillCsvReader.actionType("ri_hour_pay", BigDecimal.ONE))
                .isEqualTo(ActionType.COMMITMENT_DEDUCTION);
        assertThat(TencentBillCsvReader.actionType("something_new", BigDecimal.ONE))
                .isEqualTo(ActionType.OTHER);
    }

    @Test
    void read_badRows_reportLineColumnValueAndReasonFailOrCollect() {
        String csv = header() + "\n"
                + row("2024-09-10 12:00:00", "2024-09-30 23:59:59") + "\n"
                + row("2024-09-10T12:00:00", "2024-09-30 23:59:59") + "\n"
                + row("2024-09-10 12:00:00", "2024-09-30 23:59:59").replace("postPay", "monthly") + "\n"
                + row("2024-09-10 12:00:00", "2024-09-30 23:59:59")
                        .replace(",-96.40000000,-96.40000000,", ",-96.4,-96.40000001,")
                + "\n"
                + row("2024-09-30 12:00:00", "2024-09-10 23:59:59") + "\n"
                + row("2024-09-10 12:00:00", "2024-09-30 23:59:59").replace(",[]", ",\"[{\"\"TagKey\"\":\"\"\"\"}]\"")
                + "\n";
        ReadResult<LineItem> all =
                TencentBillCsv.readAll(new StringReader(csv), "b.csv", CNY, TencentBillCsv.BEIJING, OnError.COLLECT);

        assertThat(all.values()).hasSize(1);
        assertThat(all.problems())
                .extracting(InputProblem::toString)
                .containsExactly(
                        "b.csv:3:5 (FeeBeginTime): '2024-09-10T12:00:00' is not a time such as 2024-09-30 23:59:59",
                        "b.csv:4:4 (PayMode): pay mode 'monthly' is not prePay or postPay",
                        "b.csv:5: line item 1: payments add up to CNY -96.40000000 but totalCost is CNY -96.40000001",
                        "b.csv:6:6 (FeeEndTime): " + all.problems().get(3).reason(),
                        "b.csv:7:12 (Tags): tag {\"TagKey\":\"\"} is not {\"TagKey\": text, \"TagValue\": text}");
        assertThat(all.problems().get(0).value()).contains("2024-09-10T12:00:00");
        assertThatThrownBy(() -> TencentBillCsv.readAll(
                        new StringReader(csv), "b.csv", CNY, TencentBillCsv.BEIJING, OnError.FAIL))
                .isInstanceOfSatisfying(
                        BillingInputException.class,
                        e -> assertThat(e.problems())
                                .extracting(InputProblem::line)
                                .containsExactly(3L));
    }

    @Test
    void read_headerWithoutRequiredColumns_isRefusedNamingThem() {
        String csv = header().replace("RealCost,", "") + "\n";
        assertThatThrownBy(() -> TencentBillCsv.readAll(
                        new StringReader(csv), "h.csv", CNY, TencentBillCsv.BEIJING, OnError.COLLECT))
                .isInstanceOf(BillingInputException.class)
                .hasMessage("h.csv:1: the header lacks the columns [RealCost]");
    }

    @Test
    void reader_hugeBill_holdsOneRowAndReadsOnlyABufferAhead() {
        String head = header() + "\n";
        String line = row("2024-09-10 12:00:00", "2024-09-30 23:59:59") + "\n";
        RepeatingReader source = new RepeatingReader(head, line, 10_000_000L);
        try (TencentBillCsvReader in = TencentBillCsv.reader(source, "huge.csv", CNY, TencentBillCsv.BEIJING)) {
            for (int i = 0; i < 1000; i++) {
                in.next();
            }
            assertThat(source.consumed()).isLessThan((long) head.length() + 1001L * line.length() + 64 * 1024);
        }
    }

    private static String header() {
        return "BillId,PayerUin,OwnerUin,PayMode,FeeBeginTime,FeeEndTime,BusinessCode,ActionType,Cost,RealCost,"
                + "CashPayAmount,Tags";
    }

    private static String row(String begin, String end) {
        return "1,100000000001,100000000002,postPay," + begin + "," + end + ",p_cvm,postpay_deduct,-96.40000000,"
                + "-96.40000000,-96.40000000,[]";
    }
}
