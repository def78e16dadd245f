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

/** Line and unit differences between two versions of a month, worked out by hand. */
@Tag("BACK-8")
class VersionDiffTest {
    private static final Currency CNY = Currency.getInstance("CNY");
    private static final BillingMonth SEPTEMBER = BillingMonth.of(2024, 9);

    /** A line written {@code item unit type rule amount}, {@code -} for no unit or no rule. */
    private static AllocationLine line(String line) {
        String[] f = line.split(" ");
        return new AllocationLine(
                LineItemId.of(f[0]),
                Optional.of(f[1]).filter(u -> !u.equals("-")).map(UnitId::of),
                AllocationType.valueOf(f[2]),
                Money.of("CNY", f[4]),
                Optional.of(f[3]).filter(r -> !r.equals("-")).map(RuleId::of));
    }

    /** Version {@code number} of September, its lines written as {@link #line(String)} reads them. */
    private static MonthVersion september(int number, String... lines) {
        return version(
                SEPTEMBER,
                number,
                java.util.Arrays.stream(lines).map(VersionDiffTest::line).toArray(AllocationLine[]::new));
    }

    private static MonthVersion version(BillingMonth month, int number, AllocationLine... lines) {
        Instant t = Instant.parse("2024-10-05T00:00:00Z");
        return new MonthVersion(month, number, "rv-" + number, Optional.empty(), t, t, List.of(lines));
    }

    private static String describe(VersionDiff.LineChange l) {
        return l.kind() + " " + l.item() + " " + l.unit().map(Object::toString).orElse("-") + " "
                + l.rule().map(Object::toString).orElse("-") + " " + l.change().amount();
    }

    @Test
    void between_unchangedLinesAreLeftOut_andLinesOfOneItemAreOrderedByUnitThenRule() {
        MonthVersion v1 = september(1, "i1 - UNALLOCATED - 30.00", "i2 web COLLECTED r-web 7.00");
        MonthVersion v2 = september(
                2,
                "i1 web SHARED s-b 10.00",
                "i1 web SHARED s-a 5.00",
                "i1 new SHARED s-a 15.00",
                "i2 web COLLECTED r-web 7.00");

        VersionDiff diff = VersionDiff.between(v1, v2, CNY);

        assertThat(diff.lines())
                .extracting(VersionDiffTest::describe)
                .containsExactly(
                        "REMOVED i1 - - -30.00",
                        "ADDED i1 new s-a 15.00",
                        "ADDED i1 web s-a 5.00",
                        "ADDED i1 web s-b 10.00");
        assertThat(diff.isEmpty()).isFalse();
        // Unallocated loses 30; web gains 15 (7 before, 22 after); the unit "new", only in v2, gains 15
        assertThat(diff.units())
                .extracting(u -> u.unit().map(Object::toString).orElse("-") + " "
                        + u.before().amount() + " " + u.after().amount() + " "
                        + u.change().amount())
                .containsExactly("- 30.00 0 -30.00", "new 0 15.00 15.00", "web 7.00 22.00 15.00");
        assertThat(diff.totalChange()).isEqualTo(Money.zero(CNY));
    }

    @Test
    void between_changedAmount_isOneChangedLine() {
        MonthVersion v1 = september(1, "i1 web COLLECTED r 7.00");
        MonthVersion v2 = september(2, "i1 web COLLECTED r 9.50");
        VersionDiff diff = VersionDiff.between(v1, v2, CNY);
        assertThat(diff.lines()).extracting(VersionDiffTest::describe).containsExactly("CHANGED i1 web r 2.50");
        assertThat(diff.lines().get(0).before()).contains(Money.of("CNY", "7.00"));
        assertThat(diff.lines().get(0).after()).contains(Money.of("CNY", "9.50"));
        assertThat(diff.totalChange()).isEqualTo(Money.of("CNY", "2.50"));
    }

    @Test
    void between_linesOfZeroAddedOrRemoved_areLeftOut() {
        // a zero-cost item moves from Unallocated to web: nothing changes in money
        MonthVersion v1 = september(1, "i0 - UNALLOCATED - 0.00", "i1 web COLLECTED r 7.00");
        MonthVersion v2 = september(2, "i0 web COLLECTED r 0.00", "i1 web COLLECTED r 7.00", "i2 data COLLECTED r 0");
        VersionDiff diff = VersionDiff.between(v1, v2, CNY);
        assertThat(diff.lines()).extracting(VersionDiffTest::describe).isEmpty();
        assertThat(diff.isEmpty()).isTrue();
        assertThat(diff.units()).isEmpty();
        // a line of zero next to a real change is still left out
        MonthVersion v3 = september(3, "i0 web COLLECTED r 0.00", "i1 web COLLECTED r 9.00");
        assertThat(VersionDiff.between(v1, v3, CNY).lines())
                .extracting(VersionDiffTest::describe)
                .containsExactly("CHANGED i1 web r 2.00");
    }

    @Test
    void between_equalVersions_isEmpty() {
        MonthVersion v1 = september(1, "i1 web COLLECTED r 7.00");
        MonthVersion v2 = september(2, "i1 web COLLECTED r 7.00");
        VersionDiff diff = VersionDiff.between(v1, v2, CNY);
        assertThat(diff.isEmpty()).isTrue();
        assertThat(diff.units()).isEmpty();
    }

    @Test
    void between_versionsOfDifferentMonths_isRefused() {
        MonthVersion september = september(1);
        MonthVersion october = version(BillingMonth.of(2024, 10), 1);
        assertThatThrownBy(() -> VersionDiff.between(september, october, CNY))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("versions of different months: 2024-09 and 2024-10");
    }
}
