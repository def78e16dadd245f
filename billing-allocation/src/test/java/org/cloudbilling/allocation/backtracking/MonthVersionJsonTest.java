package org.cloudbilling.allocation.backtracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import org.cloudbilling.allocation.AllocationType;
import org.cloudbilling.allocation.RuleId;
import org.cloudbilling.allocation.UnitId;
import org.cloudbilling.core.id.LineItemId;
import org.cloudbilling.core.money.Money;
import org.cloudbilling.core.time.BillingMonth;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Canonical lines of a month version, and histories read back from bad JSON. */
@Tag("BACK-8")
class MonthVersionJsonTest {
    private static final BillingMonth SEPTEMBER = BillingMonth.of(2024, 9);
    private static final Instant T = Instant.parse("2024-10-05T00:00:00Z");

    private static AllocationLine line(String item, String unit, String rule, String amount) {
        return new AllocationLine(
                LineItemId.of(item),
                Optional.ofNullable(unit).map(UnitId::of),
                unit == null ? AllocationType.UNALLOCATED : AllocationType.SHARED,
                Money.of("CNY", amount),
                Optional.ofNullable(rule).map(RuleId::of));
    }

    private static String json() {
        MonthVersion v =
                new MonthVersion(SEPTEMBER, 1, "rv-1", Optional.empty(), T, T, List.of(line("i1", "web", "s", "1.00")));
        return HistoryJson.write(new AllocationHistory(List.of(v), List.of()));
    }

    @Test
    void canonical_mergesLinesOfOneKey_andOrdersByItemUnitAndRule() {
        assertThat(MonthVersion.canonical(List.of(
                        line("i2", "web", "s", "1.00"),
                        line("i1", "web", "s-b", "2.00"),
                        line("i1", "web", "s-a", "3.00"),
                        line("i1", "data", "s-b", "4.00"),
                        line("i1", null, null, "5.00"),
                        line("i1", "web", "s-b", "0.50"))))
                .containsExactly(
                        line("i1", null, null, "5.00"),
                        line("i1", "data", "s-b", "4.00"),
                        line("i1", "web", "s-a", "3.00"),
                        line("i1", "web", "s-b", "2.50"),
                        line("i2", "web", "s", "1.00"));
    }

    @Test
    void monthVersion_numberZero_isRefused() {
        assertThatThrownBy(() -> new MonthVersion(SEPTEMBER, 0, "rv-1", Optional.empty(), T, T, List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("number: version number 0 is not positive");
    }

    @Test
    void monthVersion_repeatedLine_isRefused_nextToItsTwinOrNot() {
        // canonical order: the repeat comes right after its twin
        assertThatThrownBy(() -> new MonthVersion(
                        SEPTEMBER,
                        1,
                        "rv-1",
                        Optional.empty(),
                        T,
                        T,
                        List.of(line("i1", "web", "s", "1.00"), line("i1", "web", "s", "2.00"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("lines[1]: repeats lines[0] (item i1, unit web, SHARED, rule s): a version has one line"
                        + " per item, unit, type and rule");
        // out of order: found all the same
        assertThatThrownBy(() -> new MonthVersion(
                        SEPTEMBER,
                        1,
                        "rv-1",
                        Optional.empty(),
                        T,
                        T,
                        List.of(
                                line("i2", "web", "s", "1.00"),
                                line("i1", null, null, "2.00"),
                                line("i2", "data", "s", "3.00"),
                                line("i2", "web", "s", "4.00"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("lines[3]: repeats lines[0] (item i2, unit web, SHARED, rule s): a version has one line"
                        + " per item, unit, type and rule");
        // the same item, unit and type under two rules, or two units, are two lines
        assertThat(new MonthVersion(
                                SEPTEMBER,
                                1,
                                "rv-1",
                                Optional.empty(),
                                T,
                                T,
                                List.of(
                                        line("i2", "web", "s-b", "1.00"),
                                        line("i2", "web", "s-a", "1.00"),
                                        line("i2", "data", "s-a", "1.00")))
                        .lines())
                .hasSize(3);
    }

    private static AllocationLine usd(String item, String unit, String rule, String amount) {
        return new AllocationLine(
                LineItemId.of(item),
                Optional.of(UnitId.of(unit)),
                AllocationType.SHARED,
                Money.of("USD", amount),
                Optional.of(RuleId.of(rule)));
    }

    private static MonthVersion september(AllocationLine... lines) {
        return new MonthVersion(SEPTEMBER, 1, "rv-1", Optional.empty(), T, T, List.of(lines));
    }

    @Test
    void monthVersion_linesOfOneItemInTwoCurrencies_areRefused_nextToEachOtherOrNot() {
        // canonical order: i1's USD line right after its CNY one
        assertThatThrownBy(() -> september(line("i1", "data", "s", "1.00"), usd("i1", "web", "s", "1.00")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("lines[1].amount: item i1 is in USD here and in CNY in lines[0]: an item's lines are"
                        + " in the item's currency");
        // out of order: found all the same, against the item's first line
        assertThatThrownBy(() -> september(
                        line("i1", "web", "s", "1.00"),
                        line("i0", null, null, "2.00"),
                        line("i1", "data", "s", "3.00"),
                        usd("i1", "new", "s", "4.00")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("lines[3].amount: item i1 is in USD here and in CNY in lines[0]: an item's lines are"
                        + " in the item's currency");
    }

    @Test
    @Tag("BACK-9")
    void monthVersion_itemsInTwoCurrencies_areOneVersion() {
        MonthVersion v = september(
                line("i1", "data", "s", "1.00"),
                line("i1", "web", "s", "2.00"),
                usd("i2", "data", "s", "3.00"),
                usd("i2", "web", "s", "4.00"),
                line("i3", "web", "s", "5.00"));
        assertThat(v.total(Currency.getInstance("CNY"))).isEqualTo(Money.of("CNY", "8.00"));
        assertThat(v.total(Currency.getInstance("USD"))).isEqualTo(Money.of("USD", "7.00"));
        // out of order too
        assertThat(september(
                                usd("i2", "web", "s", "4.00"),
                                line("i1", "web", "s", "2.00"),
                                usd("i2", "data", "s", "3.00"))
                        .lines())
                .hasSize(3);
    }

    @Test
    void read_emptyOrNumericUnit_isRefusedNamingItsPath() {
        String json = json();
        assertThat(HistoryJson.read(json).versions()).hasSize(1);
        assertThat(json).contains("\"web\"");
        assertThatThrownBy(() -> HistoryJson.read(json.replace("\"web\"", "\"\"")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("invalid allocation history: at $.versions[0].lines[0].unit, line ")
                .hasMessageEndingWith(": expected a non-empty string for UnitId");
        assertThatThrownBy(() -> HistoryJson.read(json.replace("\"web\"", "7")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("invalid allocation history: at $.versions[0].lines[0].unit, line ")
                .hasMessageEndingWith(": expected a non-empty string for UnitId");
        assertThatThrownBy(() -> HistoryJson.read(json.replace("\"s\"", "\"\"")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("invalid allocation history: at $.")
                .hasMessageEndingWith(": expected a non-empty string for RuleId");
    }

    @Test
    void read_malformedJson_hasTheRootPath() {
        assertThatThrownBy(() -> HistoryJson.read("nope"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("invalid allocation history: at $, line 1, column 1: ")
                .hasMessageContaining("'nope'");
    }
}
