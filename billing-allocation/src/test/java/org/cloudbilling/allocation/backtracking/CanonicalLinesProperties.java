package org.cloudbilling.allocation.backtracking;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.cloudbilling.allocation.AllocationType;
import org.cloudbilling.allocation.RuleId;
import org.cloudbilling.allocation.UnitId;
import org.cloudbilling.core.id.LineItemId;
import org.cloudbilling.core.money.Money;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * BACK-8: a month's lines are kept in one canonical form, so versions compare line by line. The canonical form is
 * now made by sorting with a comparator that makes no object and merging runs of equal lines; it must give exactly
 * what the earlier way gave (merge in a map by item, unit, type, rule and currency, then sort by item, unit as
 * {@code "~" + id} or {@code ""}, type and rule as its id or {@code ""}), kept here as the oracle.
 */
@Tag("BACK-8")
@DisplayName("BACK-8 canonical lines equal the map-then-sort form they replaced")
class CanonicalLinesProperties {
    private static final Currency CNY = Currency.getInstance("CNY");
    private static final Currency USD = Currency.getInstance("USD");

    private static final Comparator<AllocationLine> OLD_ORDER = Comparator.comparing(AllocationLine::item)
            .thenComparing(l -> l.unit().map(u -> "~" + u.value()).orElse(""))
            .thenComparing(AllocationLine::type)
            .thenComparing(l -> l.rule().map(r -> r.value()).orElse(""));

    private static List<AllocationLine> oldCanonical(List<AllocationLine> lines) {
        Map<List<Object>, AllocationLine> merged = new LinkedHashMap<>();
        for (AllocationLine l : lines) {
            merged.merge(
                    List.of(l.item(), l.unit(), l.type(), l.rule(), l.amount().currency()),
                    l,
                    (a, b) -> new AllocationLine(
                            a.item(), a.unit(), a.type(), a.amount().plus(b.amount()), a.rule()));
        }
        List<AllocationLine> out = new ArrayList<>(merged.values());
        out.sort(OLD_ORDER);
        return out;
    }

    private static AllocationLine line(Random r) {
        LineItemId item = LineItemId.of("i" + r.nextInt(12));
        boolean unallocated = r.nextInt(5) == 0;
        Optional<UnitId> unit = unallocated
                ? Optional.empty()
                : Optional.of(UnitId.of(List.of("a", "b", "a-b", "B", "z").get(r.nextInt(5))));
        AllocationType type = unallocated
                ? AllocationType.UNALLOCATED
                : (r.nextBoolean() ? AllocationType.COLLECTED : AllocationType.SHARED);
        Optional<RuleId> rule = r.nextInt(4) == 0 ? Optional.empty() : Optional.of(RuleId.of("r" + r.nextInt(3)));
        Money amount = Money.ofUnscaled(r.nextInt(6) == 0 ? USD : CNY, r.nextInt(2000) - 500, r.nextInt(9));
        return new AllocationLine(item, unit, type, amount, rule);
    }

    /** The lines as written, so that a different scale or order shows (Money's equals ignores the scale). */
    private static List<String> written(List<AllocationLine> lines) {
        return lines.stream()
                .map(l -> l.item().value() + " " + l.unit().map(UnitId::value).orElse("-") + " " + l.type() + " "
                        + l.rule().map(RuleId::value).orElse("-") + " "
                        + l.amount().currency() + " "
                        + l.amount().amount().toPlainString())
                .toList();
    }

    @Test
    void canonical_equalsMergingInAMapThenSorting() {
        for (long seed = 0; seed < 3_000; seed++) {
            Random r = new Random(seed);
            List<AllocationLine> lines = new ArrayList<>();
            int n = r.nextInt(60);
            for (int i = 0; i < n; i++) {
                lines.add(line(r));
            }
            assertThat(written(MonthVersion.canonical(lines)))
                    .as("seed %s", seed)
                    .containsExactlyElementsOf(written(oldCanonical(lines)));
        }
    }
}
