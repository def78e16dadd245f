package org.cloudbilling.allocation.focus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.cloudbilling.allocation.AllocatedRow;
import org.cloudbilling.allocation.AllocationType;
import org.cloudbilling.allocation.RuleId;
import org.cloudbilling.allocation.UnitId;
import org.cloudbilling.allocation.backtracking.AllocationLine;
import org.cloudbilling.allocation.backtracking.MonthVersion;
import org.cloudbilling.core.bill.LineItem;
import org.cloudbilling.core.focus.FocusColumn;
import org.cloudbilling.core.focus.FocusExport;
import org.cloudbilling.core.focus.FocusLineItems;
import org.cloudbilling.core.focus.FocusRow;
import org.cloudbilling.core.money.Money;
import org.cloudbilling.core.testing.BillFixtures;
import org.cloudbilling.core.time.BillingCalendar;
import org.cloudbilling.core.time.BillingMonth;
import org.cloudbilling.core.time.Interval;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Correction rows between two versions of a month, and the checks of rows read back. */
@Tag("BACK-8")
class AllocationFocusCorrectionsTest {
    private static final FocusExport EXPORT =
            new FocusExport("Tencent Cloud", "Tencent Cloud", "Tencent Cloud International", BillingCalendar.TENCENT);
    private static final BillingMonth SEPTEMBER = BillingMonth.of(2024, 9);
    private static final BillingMonth OCTOBER = BillingMonth.of(2024, 10);
    private static final LineItem CVM = BillFixtures.CVM_HOUR; // total CNY 0.32, list CNY 0.40
    private static final LineItem DISK = BillFixtures.DISK_REFUND; // total CNY -96.40, list CNY -120.50

    private static LineItem item(org.cloudbilling.core.id.LineItemId id) {
        return id.equals(CVM.id()) ? CVM : id.equals(DISK.id()) ? DISK : null;
    }

    private static AllocationLine line(LineItem item, String unit, AllocationType type, String amount) {
        return new AllocationLine(
                item.id(),
                Optional.ofNullable(unit).map(UnitId::of),
                type,
                Money.of("CNY", amount),
                Optional.ofNullable(unit).map(u -> RuleId.of("r-" + u)));
    }

    private static MonthVersion version(BillingMonth month, int number, AllocationLine... lines) {
        Instant t = Instant.parse("2024-10-05T00:00:00Z");
        return new MonthVersion(month, number, "rv-" + number, Optional.empty(), t, t, List.of(lines));
    }

    private static String describe(FocusRow r) {
        return r.extra(AllocationFocus.X_ALLOCATION_UNIT).orElse("-") + " "
                + r.decimal(FocusColumn.BILLED_COST).orElseThrow().toPlainString() + " "
                + r.decimal(FocusColumn.LIST_COST).orElseThrow().toPlainString();
    }

    @Test
    @Tag("FOCUS-4")
    void corrections_unchangedLinesAreLeftOut_aLineWhoseListShareAloneChangedIsKept() {
        AllocationLine diskUnallocated = line(DISK, null, AllocationType.UNALLOCATED, "-96.40000000");
        MonthVersion before = version(
                SEPTEMBER,
                1,
                line(CVM, "web", AllocationType.SHARED, "0.20000000"),
                line(CVM, "db", AllocationType.SHARED, "0.12000000"),
                diskUnallocated);
        MonthVersion after = version(
                SEPTEMBER,
                2,
                line(CVM, "web", AllocationType.SHARED, "0.20000000"),
                line(CVM, "db", AllocationType.SHARED, "0.16000000"),
                line(CVM, "ops", AllocationType.SHARED, "-0.04000000"),
                diskUnallocated);

        List<FocusRow> rows =
                AllocationFocus.corrections(before, after, AllocationFocusCorrectionsTest::item, OCTOBER, EXPORT);

        // list 0.40 split by |0.20|:|0.12| is 0.25, 0.15 before; by |0.20|:|0.16|:|-0.04| it is 0.20, 0.16, 0.04
        assertThat(rows)
                .extracting(AllocationFocusCorrectionsTest::describe)
                .containsExactly(
                        "web 0.00000000 -0.05000000", "db 0.04000000 0.01000000", "ops -0.04000000 0.04000000");
        assertThat(rows)
                .allSatisfy(r -> assertThat(r.text(FocusColumn.CHARGE_CLASS)).contains("Correction"));
    }

    @Test
    @Tag("FOCUS-4")
    void corrections_ofAnItemStartingInTheBillingMonth_areStillCorrections() {
        LineItem late = LineItem.builder()
                .from(CVM)
                .feePeriod(Interval.of(Instant.parse("2024-10-10T00:00:00Z"), Instant.parse("2024-10-10T01:00:00Z")))
                .build();
        MonthVersion before = version(SEPTEMBER, 1, line(late, "web", AllocationType.COLLECTED, "0.32000000"));
        MonthVersion after = version(SEPTEMBER, 2, line(late, "db", AllocationType.COLLECTED, "0.32000000"));
        assertThat(FocusLineItems.toRow(late, OCTOBER, EXPORT).text(FocusColumn.CHARGE_CLASS))
                .as("the item alone is not a correction in October")
                .isEmpty();

        List<FocusRow> rows = AllocationFocus.corrections(before, after, id -> late, OCTOBER, EXPORT);

        assertThat(rows)
                .extracting(AllocationFocusCorrectionsTest::describe)
                .containsExactly("db 0.32000000 0.40000000", "web -0.32000000 -0.40000000");
        assertThat(rows)
                .allSatisfy(r -> assertThat(r.text(FocusColumn.CHARGE_CLASS)).contains("Correction"));
    }

    @Test
    void corrections_versionsOfDifferentMonths_orAnUnknownItem_areRefused() {
        MonthVersion september = version(SEPTEMBER, 1, line(CVM, "web", AllocationType.COLLECTED, "0.32000000"));
        MonthVersion october = version(OCTOBER, 1, line(CVM, "web", AllocationType.COLLECTED, "0.32000000"));
        assertThatThrownBy(() -> AllocationFocus.corrections(
                        september, october, AllocationFocusCorrectionsTest::item, BillingMonth.of(2024, 11), EXPORT))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("versions of 2024-09 and 2024-10 are of different months");
        assertThatThrownBy(() -> AllocationFocus.corrections(september, september, id -> null, OCTOBER, EXPORT))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("no line item li-0001");
    }

    @Test
    void toRows_ofTheItemsOwnMonth_areNotCorrections() {
        List<FocusRow> rows = AllocationFocus.toRows(
                List.of(new AllocatedRow(
                        CVM,
                        Optional.of(UnitId.of("web")),
                        AllocationType.COLLECTED,
                        CVM.totalCost(),
                        Optional.of(RuleId.of("r-web")))),
                SEPTEMBER,
                EXPORT);
        assertThat(rows).singleElement().satisfies(r -> {
            assertThat(r.text(FocusColumn.CHARGE_CLASS)).isEmpty();
            assertThat(r.decimal(FocusColumn.LIST_COST)).contains(new BigDecimal("0.40000000"));
        });
    }

    @Test
    void toLine_rowWithoutItsIdTypeCurrencyOrCost_orWithAnUnknownType_namesTheColumn() {
        FocusRow row = AllocationFocus.toRows(
                        List.of(new AllocatedRow(
                                CVM, Optional.empty(), AllocationType.UNALLOCATED, CVM.totalCost(), Optional.empty())),
                        SEPTEMBER,
                        EXPORT)
                .get(0);
        assertThat(AllocationFocus.toLine(row))
                .isEqualTo(new AllocationLine(
                        CVM.id(), Optional.empty(), AllocationType.UNALLOCATED, CVM.totalCost(), Optional.empty()));
        assertThatThrownBy(() -> AllocationFocus.toLine(row.toBuilder()
                        .extra(FocusLineItems.X_LINE_ITEM_ID, null)
                        .build()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("x_LineItemId is null");
        assertThatThrownBy(() -> AllocationFocus.toLine(row.toBuilder()
                        .extra(AllocationFocus.X_ALLOCATION_TYPE, null)
                        .build()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("x_AllocationType is null");
        assertThatThrownBy(() -> AllocationFocus.toLine(row.toBuilder()
                        .extra(AllocationFocus.X_ALLOCATION_TYPE, "Moved")
                        .build()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("x_AllocationType 'Moved' is not Collected, Shared or Unallocated");
        assertThatThrownBy(() -> AllocationFocus.toLine(row.toBuilder()
                        .set(FocusColumn.BILLING_CURRENCY, (String) null)
                        .build()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("BillingCurrency is null");
        assertThatThrownBy(() -> AllocationFocus.toLine(row.toBuilder()
                        .set(FocusColumn.BILLED_COST, (BigDecimal) null)
                        .build()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("BilledCost is null");
    }
}
