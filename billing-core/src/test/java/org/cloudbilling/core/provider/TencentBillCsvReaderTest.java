package org.cloudbilling.core.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.cloudbilling.core.bill.ActionType;
import org.cloudbilling.core.bill.LineItem;
import org.cloudbilling.core.bill.SettlementCycle;
import org.cloudbilling.core.id.ItemCode;
import org.cloudbilling.core.id.LineItemId;
import org.cloudbilling.core.id.TagKey;
import org.cloudbilling.core.io.BillingInputException;
import org.cloudbilling.core.io.InputProblem;
import org.cloudbilling.core.io.OnError;
import org.cloudbilling.core.io.ReadResult;
import org.cloudbilling.core.money.Money;
import org.cloudbilling.core.testing.ClosingReader;
import org.junit.jupiter.api.Test;

/** The reader's header checks, row errors, tag parsing, action and cycle mapping, and closing. */
class TencentBillCsvReaderTest {
    /** Columns 1 to 12: BillId, ..., RealCost (10), CashPayAmount (11), Tags (12). */
    private static final String HEADER = "BillId,PayerUin,OwnerUin,PayMode,FeeBeginTime,FeeEndTime,BusinessCode,"
            + "ActionType,Cost,RealCost,CashPayAmount,Tags";

    private static final String ROW =
            "B1,100,200,postPay,2024-09-01 00:00:00,2024-09-01 00:59:59,p_cvm," + "postpay_deduct_h,2.50,2.00,2.00,[]";

    private static ReadResult<LineItem> read(String csv) {
        return TencentBillCsv.readAll(
                new StringReader(csv), "t.csv", Currency.getInstance("CNY"), TencentBillCsv.BEIJING, OnError.COLLECT);
    }

    /** The problems of one row of {@link #ROW} with {@code from} replaced by {@code to}, as text. */
    private static java.util.List<String> problemsOf(String from, String to) {
        String row = ROW.replace(from, to);
        assertThat(row).as("the replacement applies").isNotEqualTo(ROW);
        ReadResult<LineItem> read = read(HEADER + "\n" + row + "\n");
        assertThat(read.values()).isEmpty();
        return read.problems().stream().map(InputProblem::toString).toList();
    }

    @Test
    void readAll_goodRow_mapsItsValues() {
        LineItem item = read(HEADER + "\n" + ROW + "\n").valuesOrThrow().get(0);

        assertThat(item.id()).isEqualTo(LineItemId.of("B1"));
        assertThat(item.totalCost()).isEqualTo(Money.of("CNY", "2.00"));
        assertThat(item.listCost()).isEqualTo(Money.of("CNY", "2.50"));
        assertThat(item.actionType()).isEqualTo(ActionType.USAGE);
        assertThat(item.settlementCycle()).contains(SettlementCycle.HOURLY);
        // 00:00:00 to 00:59:59 on 1 September in UTC+8: [16:00, 17:00) on 31 August in UTC
        assertThat(item.feePeriod().start()).isEqualTo(Instant.parse("2024-08-31T16:00:00Z"));
        assertThat(item.feePeriod().end()).isEqualTo(Instant.parse("2024-08-31T17:00:00Z"));
        assertThat(item.tags()).isEmpty();
    }

    @Test
    void readAll_itemCode_joinsTheBillIdAndTheItemCodeIntoTheId() {
        String csv = HEADER + ",ItemCode\n" + ROW + ",v_cpu\n" + ROW.replace("B1", "B2") + ",\n";

        ReadResult<LineItem> read = read(csv);

        assertThat(read.problems()).isEmpty();
        assertThat(read.values())
                .extracting(LineItem::id)
                .containsExactly(LineItemId.of("B1/v_cpu"), LineItemId.of("B2"));
        assertThat(read.values().get(0).itemCode()).contains(ItemCode.of("v_cpu"));
        assertThat(read.values().get(1).itemCode()).isEmpty();
    }

    @Test
    void reader_emptyInput_isRefusedAndClosed() {
        ClosingReader in = new ClosingReader("");

        assertThatThrownBy(
                        () -> TencentBillCsv.reader(in, "t.csv", Currency.getInstance("CNY"), TencentBillCsv.BEIJING))
                .isInstanceOf(BillingInputException.class)
                .hasMessage("t.csv: the input is empty: no header row");
        assertThat(in.closed()).isTrue();
    }

    @Test
    void reader_columnTwice_isRefusedNamingIt() {
        assertThatThrownBy(() -> read(HEADER + ",Cost\n"))
                .isInstanceOf(BillingInputException.class)
                .hasMessage("t.csv:1: column Cost appears twice");
        assertThatThrownBy(() -> read(HEADER.replace("RealCost", "Tags") + "\n"))
                .isInstanceOf(BillingInputException.class)
                .hasMessage("t.csv:1: column Tags appears twice; the header lacks the columns [RealCost]");
    }

    @Test
    void reader_completeHeader_isAcceptedWithColumnsInAnyOrder() {
        String header = "Tags,CashPayAmount,RealCost,Cost,ActionType,BusinessCode,FeeEndTime,FeeBeginTime,PayMode,"
                + "OwnerUin,PayerUin,BillId";
        String[] cells = ROW.split(",");
        StringBuilder row = new StringBuilder();
        for (int i = cells.length - 1; i >= 0; i--) {
            row.append(cells[i]).append(i == 0 ? "" : ",");
        }

        assertThat(read(header + "\n" + row + "\n").valuesOrThrow())
                .isEqualTo(read(HEADER + "\n" + ROW + "\n").valuesOrThrow());
    }

    @Test
    void next_afterTheLastRow_throwsNoSuchElementNamingTheSource() {
        try (TencentBillCsvReader in = TencentBillCsv.reader(
                new StringReader(HEADER + "\n" + ROW + "\n"),
                "t.csv",
                Currency.getInstance("CNY"),
                TencentBillCsv.BEIJING)) {
            assertThat(in.hasNext()).isTrue();
            assertThat(in.next().id()).isEqualTo(LineItemId.of("B1"));
            assertThat(in.hasNext()).isFalse();
            assertThatThrownBy(in::next)
                    .isInstanceOf(NoSuchElementException.class)
                    .hasMessage("no more rows in t.csv");
        }
    }

    @Test
    void line_afterBlankLines_isTheLineTheRowStartsOn() {
        try (TencentBillCsvReader in = TencentBillCsv.reader(
                new StringReader(HEADER + "\n" + ROW + "\n\n\n" + ROW.replace("B1", "B2") + "\n"),
                "t.csv",
                Currency.getInstance("CNY"),
                TencentBillCsv.BEIJING)) {
            in.next();
            assertThat(in.line()).isEqualTo(2);
            assertThat(in.next().id()).isEqualTo(LineItemId.of("B2"));
            assertThat(in.line()).isEqualTo(5);
        }
    }

    @Test
    void close_reader_closesTheUnderlyingReader() {
        ClosingReader source = new ClosingReader(HEADER + "\n" + ROW + "\n");
        TencentBillCsvReader in =
                TencentBillCsv.reader(source, "t.csv", Currency.getInstance("CNY"), TencentBillCsv.BEIJING);
        assertThat(source.closed()).isFalse();

        in.close();

        assertThat(source.closed()).isTrue();
    }

    @Test
    void readAll_rowWithTooFewOrTooManyCells_isRefusedNamingLineAndCounts() {
        ReadResult<LineItem> read =
                read(HEADER + "\n" + ROW.replace(",[]", "") + "\n" + ROW + ",x\n" + ROW.replace("B1", "B3") + "\n");

        assertThat(read.values()).extracting(LineItem::id).containsExactly(LineItemId.of("B3"));
        assertThat(read.problems())
                .extracting(InputProblem::toString)
                .containsExactly(
                        "t.csv:2: the row has 11 cells, the header 12", "t.csv:3: the row has 13 cells, the header 12");
    }

    @Test
    void readAll_emptyRequiredCells_areEachReportedWithTheirColumn() {
        assertThat(problemsOf("B1,100,200,", ",100,,"))
                .containsExactly(
                        "t.csv:2:1 (BillId): BillId is required", "t.csv:2:3 (OwnerUin): OwnerUin is required");
        assertThat(problemsOf("postPay,2024-09-01 00:00:00,", ",,"))
                .containsExactly(
                        "t.csv:2:5 (FeeBeginTime): FeeBeginTime is required",
                        "t.csv:2:4 (PayMode): PayMode is required");
        assertThat(problemsOf(",2.50,2.00,2.00,", ",,,2.00,"))
                .containsExactly("t.csv:2:10 (RealCost): RealCost is required", "t.csv:2:9 (Cost): Cost is required");
    }

    @Test
    void readAll_emptyOptionalCells_areAbsentValuesNotProblems() {
        LineItem item = read(HEADER + "\n" + ROW.replace(",2.00,[]", ",2.00,") + "\n")
                .valuesOrThrow()
                .get(0);

        assertThat(item.tags()).isEmpty();
        assertThat(item.cashPaid()).contains(Money.of("CNY", "2.00"));
    }

    @Test
    void readAll_badTags_areReportedWithTheTagsCell() {
        assertThat(problemsOf("[]", "\"{\"\"TagKey\"\":\"\"a\"\"}\""))
                .containsExactly("t.csv:2:12 (Tags): tags are not a JSON array of {\"TagKey\", \"TagValue\"}");
        assertThat(problemsOf("[]", "null"))
                .containsExactly("t.csv:2:12 (Tags): tags are not a JSON array of {\"TagKey\", \"TagValue\"}");
        assertThat(problemsOf("[]", "\"[{\"\"TagKey\"\":1,\"\"TagValue\"\":\"\"v\"\"}]\""))
                .containsExactly("t.csv:2:12 (Tags): tag {\"TagKey\":1,\"TagValue\":\"v\"} is not {\"TagKey\": text,"
                        + " \"TagValue\": text}");
        assertThat(problemsOf("[]", "\"[{\"\"TagKey\"\":\"\"k\"\"}]\""))
                .containsExactly(
                        "t.csv:2:12 (Tags): tag {\"TagKey\":\"k\"} is not {\"TagKey\": text, \"TagValue\": text}");
        assertThat(problemsOf("[]", "\"[{\"\"TagKey\"\":\"\"k\"\",\"\"TagValue\"\":2}]\""))
                .containsExactly("t.csv:2:12 (Tags): tag {\"TagKey\":\"k\",\"TagValue\":2} is not {\"TagKey\": text,"
                        + " \"TagValue\": text}");
        assertThat(problemsOf(
                        "[]",
                        "\"[{\"\"TagKey\"\":\"\"k\"\",\"\"TagValue\"\":\"\"1\"\"},"
                                + "{\"\"TagKey\"\":\"\"k\"\",\"\"TagValue\"\":\"\"2\"\"}]\""))
                .containsExactly("t.csv:2:12 (Tags): tag key 'k' appears twice");
        assertThat(problemsOf("[]", "[x"))
                .singleElement()
                .satisfies(p -> assertThat(p).startsWith("t.csv:2:12 (Tags): tags are not JSON: "));
    }

    @Test
    void readAll_tags_keepKeysValuesAndOrder() {
        LineItem item = read(HEADER + "\n"
                        + ROW.replace(
                                "[]",
                                "\"[{\"\"TagKey\"\":\"\"z\"\",\"\"TagValue\"\":\"\"\"\"},"
                                        + "{\"\"TagKey\"\":\"\"a\"\",\"\"TagValue\"\":\"\"B c\"\"}]\"")
                        + "\n")
                .valuesOrThrow()
                .get(0);

        Map<TagKey, String> expected = new LinkedHashMap<>();
        expected.put(TagKey.of("z"), "");
        expected.put(TagKey.of("a"), "B c");
        assertThat(item.tags()).containsExactlyEntriesOf(expected);
    }

    @Test
    void actionType_everyTencentValue_mapsToItsCanonicalType() {
        Map<String, ActionType> expected = new LinkedHashMap<>();
        for (String v : new String[] {"prepay_purchase", "prePurchase", "pre_purchase"}) {
            expected.put(v, ActionType.NEW_PURCHASE);
        }
        for (String v : new String[] {"prepay_renew", "preRenew", "pre_renew"}) {
            expected.put(v, ActionType.RENEWAL);
        }
        for (String v : new String[] {"preUpgrade", "pre_upgrade"}) {
            expected.put(v, ActionType.UPGRADE);
        }
        for (String v : new String[] {"preDowngrade", "pre_downgrade"}) {
            expected.put(v, ActionType.DOWNGRADE);
        }
        expected.put("prepay_return", ActionType.REFUND);
        for (String v : new String[] {
            "postpay_deduct", "postpay_deduct_h", "postpay_deduct_d", "postpay_deduct_m", "postpay_deduct_s"
        }) {
            expected.put(v, ActionType.USAGE);
        }
        for (String v : new String[] {"recon_deduct", "recon_increase", "recon_guarantee"}) {
            expected.put(v, ActionType.ADJUSTMENT);
        }
        expected.put("ripay_purchase", ActionType.COMMITMENT_PURCHASE);
        expected.put("ri_hour_pay", ActionType.COMMITMENT_DEDUCTION);
        expected.put("svp_hour_pay", ActionType.COMMITMENT_DEDUCTION);
        expected.put("PREPAY_PURCHASE", ActionType.OTHER);

        expected.forEach((value, type) -> assertThat(TencentBillCsvReader.actionType(value, BigDecimal.TEN))
                .as(value)
                .isEqualTo(type));
    }

    @Test
    void actionType_prepayModifyOfZero_isAnUpgrade() {
        assertThat(TencentBillCsvReader.actionType("prepay_modify", new BigDecimal("0.00")))
                .isEqualTo(ActionType.UPGRADE);
        assertThat(TencentBillCsvReader.actionType("prepay_modify", new BigDecimal("-0.01")))
                .isEqualTo(ActionType.DOWNGRADE);
    }

    @Test
    void settlementCycle_deductionSuffix_isTheCycle() {
        assertThat(TencentBillCsvReader.settlementCycle("postpay_deduct_h")).contains(SettlementCycle.HOURLY);
        assertThat(TencentBillCsvReader.settlementCycle("postpay_deduct_d")).contains(SettlementCycle.DAILY);
        assertThat(TencentBillCsvReader.settlementCycle("postpay_deduct_m")).contains(SettlementCycle.MONTHLY);
        assertThat(TencentBillCsvReader.settlementCycle("postpay_deduct_s")).isEqualTo(Optional.empty());
        assertThat(TencentBillCsvReader.settlementCycle("postpay_deduct")).isEqualTo(Optional.empty());
    }
}
