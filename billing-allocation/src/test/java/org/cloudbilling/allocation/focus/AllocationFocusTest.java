package org.cloudbilling.allocation.focus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cloudbilling.allocation.AllocatedRow;
import org.cloudbilling.allocation.AllocationType;
import org.cloudbilling.allocation.RuleId;
import org.cloudbilling.allocation.UnitId;
import org.cloudbilling.allocation.backtracking.AllocationLine;
import org.cloudbilling.allocation.backtracking.MonthVersion;
import org.cloudbilling.core.bill.LineItem;
import org.cloudbilling.core.focus.FocusColumn;
import org.cloudbilling.core.focus.FocusCsv;
import org.cloudbilling.core.focus.FocusCsvWriter;
import org.cloudbilling.core.focus.FocusExport;
import org.cloudbilling.core.focus.FocusRow;
import org.cloudbilling.core.focus.FocusValidator;
import org.cloudbilling.core.io.FormulaGuard;
import org.cloudbilling.core.io.OnError;
import org.cloudbilling.core.money.Money;
import org.cloudbilling.core.testing.BillFixtures;
import org.cloudbilling.core.testing.BillingGenerators;
import org.cloudbilling.core.time.BillingCalendar;
import org.cloudbilling.core.time.BillingMonth;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

class AllocationFocusTest {
    private static final FocusExport EXPORT =
            new FocusExport("Tencent Cloud", "Tencent Cloud", "Tencent Cloud International", BillingCalendar.TENCENT);
    private static final BillingMonth SEPTEMBER = BillingMonth.of(2024, 9);
    private static final LineItem CVM = BillFixtures.CVM_HOUR; // total CNY 0.32, list CNY 0.40

    private static final List<AllocatedRow> SHARED = List.of(
            new AllocatedRow(
                    CVM,
                    Optional.of(UnitId.of("web")),
                    AllocationType.SHARED,
                    Money.of("CNY", "0.20000000"),
                    Optional.of(RuleId.of("share-cvm"))),
            new AllocatedRow(
                    CVM,
                    Optional.of(UnitId.of("db")),
                    AllocationType.SHARED,
                    Money.of("CNY", "0.12000000"),
                    Optional.of(RuleId.of("share-cvm"))),
            new AllocatedRow(
                    BillFixtures.DISK_REFUND,
                    Optional.empty(),
                    AllocationType.UNALLOCATED,
                    Money.of("CNY", "-96.40000000"),
                    Optional.empty()));

    @Test
    @Tag("ALLOC-6")
    void toRows_sharedItem_unitAndTypeColumnsAndListCostSplitInTheSameProportions() {
        List<FocusRow> rows = AllocationFocus.toRows(SHARED, SEPTEMBER, EXPORT);

        assertThat(rows.get(0).extra(AllocationFocus.X_ALLOCATION_UNIT)).contains("web");
        assertThat(rows.get(0).extra(AllocationFocus.X_ALLOCATION_TYPE)).contains("Shared");
        assertThat(rows.get(2).extra(AllocationFocus.X_ALLOCATION_UNIT)).isEmpty();
        assertThat(rows.get(2).extra(AllocationFocus.X_ALLOCATION_TYPE)).contains("Unallocated");
        // 0.40 x 0.20 / 0.32 = 0.25 and 0.40 x 0.12 / 0.32 = 0.15
        assertThat(rows.get(0).decimal(FocusColumn.LIST_COST)).contains(new BigDecimal("0.25000000"));
        assertThat(rows.get(1).decimal(FocusColumn.LIST_COST)).contains(new BigDecimal("0.15000000"));
        assertThat(rows.get(1).decimal(FocusColumn.BILLED_COST)).contains(new BigDecimal("0.12000000"));
        assertThat(rows.get(0).extra("x_CashPaid")).isEmpty();
    }

    @Test
    @Tag("FOCUS-1")
    @Tag("FOCUS-9")
    void write_allocationBill_matchesGoldenFileAndFollowsTheFocusRules() throws IOException {
        String csv = write(AllocationFocus.toRows(SHARED, SEPTEMBER, EXPORT));

        assertThat(csv).isEqualTo(golden("focus-allocation.csv"));
        assertThat(FocusValidator.validate(new StringReader(csv), "a.csv", Map.of()))
                .isEmpty();
        // FOCUS-9 on the golden file itself: the allocated rows of each origin add up to the origin's metrics
        List<FocusRow> back = FocusCsv.readAll(new StringReader(golden("focus-allocation.csv")), "golden", OnError.FAIL)
                .values();
        for (LineItem origin : List.of(CVM, BillFixtures.DISK_REFUND)) {
            FocusRow expected = org.cloudbilling.core.focus.FocusLineItems.toRow(origin, SEPTEMBER, EXPORT);
            for (FocusColumn c : List.of(
                    FocusColumn.BILLED_COST,
                    FocusColumn.EFFECTIVE_COST,
                    FocusColumn.LIST_COST,
                    FocusColumn.CONTRACTED_COST,
                    FocusColumn.CONSUMED_QUANTITY)) {
                BigDecimal sum = back.stream()
                        .filter(r -> r.extra("x_LineItemId")
                                .orElseThrow()
                                .equals(origin.id().value()))
                        .map(r -> r.decimal(c).orElse(BigDecimal.ZERO))
                        .reduce(BigDecimal.ZERO, BigDecimal::add);
                assertThat(sum)
                        .as("%s of %s", c.header(), origin.id())
                        .isEqualByComparingTo(expected.decimal(c).orElse(BigDecimal.ZERO));
            }
        }
    }

    @Test
    @Tag("FOCUS-4")
    @Tag("BACK-8")
    void corrections_backtrackedMonth_areCorrectionRowsOfTheChangeAddingUpToZero() throws IOException {
        MonthVersion before = version(
                1,
                List.of(new AllocationLine(
                        CVM.id(),
                        Optional.of(UnitId.of("web")),
                        AllocationType.COLLECTED,
                        Money.of("CNY", "0.32000000"),
                        Optional.of(RuleId.of("collect-web")))));
        MonthVersion after =
                version(2, SHARED.subList(0, 2).stream().map(AllocationLine::of).toList());

        List<FocusRow> rows = AllocationFocus.corrections(before, after, id -> CVM, BillingMonth.of(2024, 10), EXPORT);

        assertThat(rows)
                .allSatisfy(r -> assertThat(r.text(FocusColumn.CHARGE_CLASS)).contains("Correction"));
        assertThat(rows)
                .extracting(
                        r -> r.decimal(FocusColumn.BILLED_COST).orElseThrow().toPlainString())
                .containsExactly("0.20000000", "0.12000000", "-0.32000000");
        assertThat(rows)
                .extracting(r -> r.decimal(FocusColumn.LIST_COST).orElseThrow().toPlainString())
                .containsExactly("0.25000000", "0.15000000", "-0.40000000");
        String csv = write(rows);
        assertThat(csv).isEqualTo(golden("focus-allocation-corrections.csv"));
        // billed in October, the corrections of September follow FOCUS-4
        assertThat(FocusValidator.validate(new StringReader(csv), "c.csv", Map.of()))
                .isEmpty();
        assertThatThrownBy(() -> AllocationFocus.corrections(before, after, id -> CVM, SEPTEMBER, EXPORT))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a correction of 2024-09 is billed in a later month, not in 2024-09");
    }

    @Test
    @Tag("FOCUS-9")
    void exportThenImport_anyAllocation_givesBackTheLinesAndConservesCost() {
        qt().forAll(BillingGenerators.lineItems(Currency.getInstance("USD")), BillingGenerators.weights())
                .checkAssert((item, weights) -> {
                    List<Money> parts = weights.stream().allMatch(w -> w.signum() == 0)
                            ? item.totalCost().splitEvenly(weights.size())
                            : item.totalCost().splitByWeights(weights);
                    List<AllocatedRow> rows = new ArrayList<>();
                    for (int i = 0; i < parts.size(); i++) {
                        rows.add(new AllocatedRow(
                                item,
                                Optional.of(UnitId.of("u" + i)),
                                AllocationType.SHARED,
                                parts.get(i),
                                Optional.of(RuleId.of("r"))));
                    }
                    BillingMonth month =
                            BillingCalendar.TENCENT.monthOf(item.feePeriod().start());
                    String csv = write(AllocationFocus.toRows(rows, month, EXPORT));
                    List<FocusRow> back = FocusCsv.readAll(new StringReader(csv), "mem", OnError.FAIL)
                            .values();

                    assertThat(back.stream().map(AllocationFocus::toLine).toList())
                            .isEqualTo(rows.stream().map(AllocationLine::of).toList());
                    BigDecimal billed = back.stream()
                            .map(r -> r.decimal(FocusColumn.BILLED_COST).orElseThrow())
                            .reduce(BigDecimal.ZERO, BigDecimal::add);
                    BigDecimal list = back.stream()
                            .map(r -> r.decimal(FocusColumn.LIST_COST).orElseThrow())
                            .reduce(BigDecimal.ZERO, BigDecimal::add);
                    assertThat(billed).isEqualByComparingTo(item.totalCost().amount());
                    assertThat(list).isEqualByComparingTo(item.listCost().amount());
                    // FOCUS-9: every summable metric the origin has adds up exactly, whatever the decimals
                    FocusRow origin = org.cloudbilling.core.focus.FocusLineItems.toRow(item, month, EXPORT);
                    for (FocusColumn c : List.of(
                            FocusColumn.EFFECTIVE_COST, FocusColumn.CONTRACTED_COST, FocusColumn.CONSUMED_QUANTITY)) {
                        Optional<BigDecimal> whole = origin.decimal(c);
                        BigDecimal sum = back.stream()
                                .map(r -> r.decimal(c).orElse(BigDecimal.ZERO))
                                .reduce(BigDecimal.ZERO, BigDecimal::add);
                        assertThat(sum).as(c.header()).isEqualByComparingTo(whole.orElse(BigDecimal.ZERO));
                        if (whole.isEmpty()) {
                            assertThat(back)
                                    .allSatisfy(r -> assertThat(r.isNull(c)).isTrue());
                        }
                    }
                });
    }

    private static MonthVersion version(int number, List<AllocationLine> lines) {
        Instant t = Instant.parse("2024-10-05T00:00:00Z");
        return new MonthVersion(SEPTEMBER, number, "rv-" + number, Optional.empty(), t, t, lines);
    }

    private static String write(List<FocusRow> rows) {
        StringWriter out = new StringWriter();
        try (FocusCsvWriter w = FocusCsv.writer(out, AllocationFocus.EXTRA_COLUMNS, FormulaGuard.ON)) {
            rows.forEach(w::write);
        }
        return out.toString();
    }

    private static String golden(String name) throws IOException {
        try (InputStream in = AllocationFocusTest.class.getResourceAsStream("/golden/" + name)) {
            if (in == null) {
                throw new AssertionError("no golden file " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
