package org.cloudbilling.reseller.focus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.cloudbilling.core.bill.ActionType;
import org.cloudbilling.core.bill.LineItem;
import org.cloudbilling.core.focus.FocusColumn;
import org.cloudbilling.core.focus.FocusExport;
import org.cloudbilling.core.focus.FocusLineItems;
import org.cloudbilling.core.focus.FocusRow;
import org.cloudbilling.core.focus.FocusValidator;
import org.cloudbilling.core.focus.FocusVersion;
import org.cloudbilling.core.id.LineItemId;
import org.cloudbilling.core.id.TagKey;
import org.cloudbilling.core.money.Money;
import org.cloudbilling.core.time.BillingCalendar;
import org.cloudbilling.reseller.WorkedExampleTest;
import org.cloudbilling.reseller.bill.BillA;
import org.cloudbilling.reseller.bill.BillARow;
import org.cloudbilling.reseller.bill.BillStatus;
import org.cloudbilling.reseller.bill.ResellerMonth;
import org.cloudbilling.reseller.bill.RowKind;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The worked example of {@code docs/reseller.md} exported as FOCUS: R1's and R2's September Bill A and Bill B.
 * The golden files hold the figures the guide works out by hand (R1: Bill A 103.20, Bill B 124.00).
 */
class ResellerFocusTest {
    static final Currency CNY = Currency.getInstance("CNY");
    static final FocusExport PROVIDER =
            new FocusExport("Tencent Cloud", "Tencent Cloud", "Tencent Cloud", BillingCalendar.TENCENT);
    static final FocusExport R1_ISSUER =
            new FocusExport("Tencent Cloud", "Tencent Cloud", "Reseller 200000000011", BillingCalendar.TENCENT);
    static final Map<LineItemId, LineItem> ITEMS =
            WorkedExampleTest.ITEMS.stream().collect(Collectors.toMap(LineItem::id, Function.identity()));
    static final Instant SEPTEMBER_START =
            BillingCalendar.TENCENT.interval(WorkedExampleTest.SEPTEMBER).start();

    private static final List<String> GOLDEN_A = FocusFiles.golden("focus-reseller-bill-a.csv");
    private static final List<String> GOLDEN_B = FocusFiles.golden("focus-reseller-bill-b.csv");

    @Test
    @Tag("FOCUS-1")
    @Tag("FOCUS-4")
    @Tag("RES-3")
    @Tag("RES-4")
    @Tag("RES-5")
    void billA_workedExampleR1_matchesGoldenFile() {
        String csv = FocusFiles.write(
                ResellerFocus.billA(WorkedExampleTest.R1_MONTH.billA(), ITEMS::get, PROVIDER),
                ResellerFocus.BILL_A_COLUMNS);

        assertThat(FocusFiles.project(csv, List.of(GOLDEN_A.get(0).split(",")))).containsExactlyElementsOf(GOLDEN_A);
    }

    @Test
    @Tag("FOCUS-1")
    @Tag("FOCUS-4")
    @Tag("RES-3")
    @Tag("RES-4")
    @Tag("RES-5")
    @Tag("RES-10")
    void billB_workedExampleR1_matchesGoldenFileWithoutTheAdjustment() {
        String csv = FocusFiles.write(
                ResellerFocus.billB(WorkedExampleTest.R1_MONTH.billB(), ITEMS::get, R1_ISSUER),
                ResellerFocus.BILL_B_COLUMNS);

        assertThat(FocusFiles.project(csv, List.of(GOLDEN_B.get(0).split(",")))).containsExactlyElementsOf(GOLDEN_B);
        assertThat(FocusFiles.project(csv, List.of("InvoiceIssuerName", "ProviderName")))
                .contains("Reseller 200000000011,Tencent Cloud");
    }

    @Test
    @Tag("FOCUS-1")
    @Tag("FOCUS-2")
    @Tag("FOCUS-3")
    @Tag("FOCUS-4")
    @Tag("FOCUS-5")
    @Tag("FOCUS-6")
    void validate_workedExampleBills_noViolationAndBilledCostAddsUpToTheGuidesTotals() {
        // R1: A 103.20, B 124.00; R2: A 1.60 + 24.00 + 8.00 = 33.60, B 2.00 + 30.00 + 10.00 = 42.00
        assertValid(WorkedExampleTest.R1_MONTH, "103.20", "124.00");
        assertValid(WorkedExampleTest.R2_MONTH, "33.60", "42.00");
    }

    @Test
    @Tag("FOCUS-5")
    void validate_wrongInvoiceTotal_reportsFocus5() {
        String csv = FocusFiles.write(
                ResellerFocus.billA(WorkedExampleTest.R1_MONTH.billA(), ITEMS::get, PROVIDER),
                ResellerFocus.BILL_A_COLUMNS);

        assertThat(FocusValidator.validate(
                        new StringReader(csv), "a.csv", Map.of(SEPTEMBER_START, new BigDecimal("103.21"))))
                .extracting(v -> v.rule())
                .containsExactly("FOCUS-5");
    }

    @Test
    @Tag("FOCUS-1")
    void read_writtenBills_givesTheSameRows() {
        List<FocusRow> a = ResellerFocus.billA(WorkedExampleTest.R1_MONTH.billA(), ITEMS::get, PROVIDER);
        List<FocusRow> b = ResellerFocus.billB(WorkedExampleTest.R1_MONTH.billB(), ITEMS::get, R1_ISSUER);

        assertThat(FocusFiles.read(FocusFiles.write(a, ResellerFocus.BILL_A_COLUMNS)))
                .containsExactlyElementsOf(a);
        assertThat(FocusFiles.read(FocusFiles.write(b, ResellerFocus.BILL_B_COLUMNS)))
                .containsExactlyElementsOf(b);
    }

    @Test
    @Tag("RES-3")
    void billB_noCostInformationUnlessEnabled() {
        List<FocusRow> b = ResellerFocus.billB(WorkedExampleTest.R1_MONTH.billB(), ITEMS::get, R1_ISSUER);

        assertThat(b).allSatisfy(r -> {
            assertThat(r.extra(ResellerFocus.X_RESELLER_COST)).isEmpty();
            assertThat(r.extra(ResellerFocus.X_RESELLER_DISCOUNT)).isEmpty();
            assertThat(r.extra(ResellerFocus.X_RESELLER_VOUCHER)).isEmpty();
            assertThat(r.extra(ResellerFocus.X_CASH_EXPENDITURE)).isEmpty();
            assertThat(r.extra("x_VoucherPaid")).isEmpty();
            assertThat(r.extra("x_CashPaid")).isEmpty();
        });
    }

    @Test
    @Tag("FOCUS-6")
    @Tag("RES-11")
    void billA_rowTags_areAJsonObjectWithKeysAndValuesExactlyAsGiven() {
        LineItem item = ITEMS.get(LineItemId.of("a-h1"));
        Map<TagKey, String> tags = new LinkedHashMap<>();
        tags.put(TagKey.of(" team"), "web");
        tags.put(TagKey.of("cost center"), "=1+1");
        BillA bill = finalR1September(new BillARow(
                item.id(),
                item.ownerUin(),
                ActionType.USAGE,
                RowKind.CHARGE,
                Money.of("CNY", "2.00"),
                Money.of("CNY", "0.40"),
                Money.of("CNY", "0"),
                Money.of("CNY", "1.60"),
                Money.of("CNY", "1.60"),
                tags));

        List<FocusRow> rows = ResellerFocus.billA(bill, ITEMS::get, PROVIDER);
        String csv = FocusFiles.write(rows, ResellerFocus.BILL_A_COLUMNS);

        assertThat(FocusFiles.project(csv, List.of("Tags")))
                .containsExactly("Tags", "{\" team\":\"web\",\"cost center\":\"=1+1\"}");
        assertThat(FocusValidator.validate(new StringReader(csv), "a.csv", Map.of()))
                .isEmpty();
        assertThat(FocusFiles.read(csv)).containsExactlyElementsOf(rows);
    }

    @Test
    @Tag("FOCUS-4")
    @Tag("RES-4")
    void billA_configurationChangeRefundPart_isANegativePurchaseAtTheResellersAmount() {
        LineItem downgrade = LineItem.builder()
                .from(ITEMS.get(LineItemId.of("a-p")))
                .id(LineItemId.of("a-chg"))
                .actionType(ActionType.DOWNGRADE)
                .listCost(Money.of("CNY", "-50.00"))
                .totalCost(Money.of("CNY", "-40.00"))
                .voucherPaid(Money.of("CNY", "0"))
                .cashPaid(Money.of("CNY", "-40.00"))
                .build();
        // the refund part of a configuration change shows at the reseller's post-discount amount (RES-4)
        BillA bill = finalR1September(new BillARow(
                downgrade.id(),
                downgrade.ownerUin(),
                ActionType.DOWNGRADE,
                RowKind.CONFIGURATION_CHANGE,
                Money.of("CNY", "-40.00"),
                Money.of("CNY", "0.00"),
                Money.of("CNY", "0"),
                Money.of("CNY", "-40.00"),
                Money.of("CNY", "-40.00"),
                Map.of()));

        FocusRow row = ResellerFocus.billA(bill, id -> downgrade, PROVIDER).get(0);

        assertThat(row.text(FocusColumn.CHARGE_CATEGORY)).contains("Purchase");
        assertThat(row.decimal(FocusColumn.LIST_COST)).contains(new BigDecimal("-40.00"));
        assertThat(row.decimal(FocusColumn.BILLED_COST)).contains(new BigDecimal("-40.00"));
        assertThat(row.extra(ResellerFocus.X_ROW_KIND)).contains("CONFIGURATION_CHANGE");
        assertThat(row.extra("x_ActionType")).contains("DOWNGRADE");
        assertThat(row.tags()).isEmpty();
    }

    @Test
    void billA_unknownLineItem_isRefusedNamingIt() {
        assertThatThrownBy(() -> ResellerFocus.billA(WorkedExampleTest.R1_MONTH.billA(), id -> null, PROVIDER))
                .isInstanceOf(NullPointerException.class)
                .hasMessageContaining("a-h1");
    }

    /** R1's final Bill A of the worked example's September with the one row. */
    private static BillA finalR1September(BillARow row) {
        return new BillA(WorkedExampleTest.R1, WorkedExampleTest.SEPTEMBER, BillStatus.FINAL, CNY, List.of(row));
    }

    private static void assertValid(ResellerMonth month, String totalA, String totalB) {
        List<FocusRow> a = ResellerFocus.billA(month.billA(), ITEMS::get, PROVIDER);
        List<FocusRow> b = ResellerFocus.billB(month.billB(), ITEMS::get, R1_ISSUER);
        String csvA = FocusFiles.write(a, ResellerFocus.BILL_A_COLUMNS);
        String csvB = FocusFiles.write(b, ResellerFocus.BILL_B_COLUMNS);

        assertThat(FocusValidator.validate(
                        new StringReader(csvA), "a.csv", Map.of(SEPTEMBER_START, new BigDecimal(totalA))))
                .isEmpty();
        assertThat(FocusValidator.validate(
                        new StringReader(csvB), "b.csv", Map.of(SEPTEMBER_START, new BigDecimal(totalB))))
                .isEmpty();
        assertThat(sum(a)).isEqualByComparingTo(totalA);
        assertThat(sum(b)).isEqualByComparingTo(totalB);
    }

    static BigDecimal sum(List<FocusRow> rows) {
        return rows.stream()
                .map(r -> r.decimal(FocusColumn.BILLED_COST).orElseThrow())
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    @Test
    @Tag("FOCUS-8")
    void bills12_purchaseRow_hasEffectiveCostZero_andItsBilledCost() {
        // a-p: Alice's new purchase, list 100.00; R1's cost at discount 0.8 is 80.00; Alice pays 100.00 (no discount)
        FocusRow a =
                ResellerFocus.billA(
                                WorkedExampleTest.R1_MONTH.billA(), ITEMS::get, PROVIDER.withVersion(FocusVersion.V1_2))
                        .stream()
                        .filter(r -> r.extra(FocusLineItems.X_LINE_ITEM_ID)
                                .orElseThrow()
                                .equals("a-p"))
                        .findFirst()
                        .orElseThrow();
        FocusRow b = ResellerFocus.billB(
                        WorkedExampleTest.R1_MONTH.billB(), ITEMS::get, R1_ISSUER.withVersion(FocusVersion.V1_2))
                .stream()
                .filter(r ->
                        r.extra(FocusLineItems.X_LINE_ITEM_ID).orElseThrow().equals("a-p"))
                .findFirst()
                .orElseThrow();

        assertThat(a.text(FocusColumn.CHARGE_CATEGORY)).contains("Purchase");
        assertThat(a.decimal(FocusColumn.BILLED_COST).orElseThrow()).isEqualByComparingTo("80.00");
        assertThat(a.decimal(FocusColumn.EFFECTIVE_COST).orElseThrow()).isEqualByComparingTo("0");
        assertThat(a.text(FocusColumn.PRICING_CATEGORY)).contains("Standard");
        assertThat(b.decimal(FocusColumn.BILLED_COST).orElseThrow()).isEqualByComparingTo("100.00");
        assertThat(b.decimal(FocusColumn.EFFECTIVE_COST).orElseThrow()).isEqualByComparingTo("0");
    }
}
