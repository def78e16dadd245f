package org.cloudbilling.allocation.backtracking;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cloudbilling.allocation.AllocationType;
import org.cloudbilling.allocation.UnitId;
import org.cloudbilling.core.money.Money;
import org.cloudbilling.core.time.BillingMonth;

/**
 * One version of one month's cost allocation bill: its lines, the rule version that produced them, and from
 * when it is in force. Versions are never changed or removed (BACK-8).
 *
 * @param month the month
 * @param number 1 for the first version of the month, then 2, 3, ...
 * @param ruleVersion the id of the rule version applied
 * @param backtrack the id of the backtrack record that produced it; empty for a month's regular computation
 * @param computedAt when it was computed
 * @param effectiveFrom from when readers see it
 * @param lines the lines, one per item, unit, type and rule, in a canonical order
 */
public record MonthVersion(
        BillingMonth month,
        int number,
        String ruleVersion,
        Optional<String> backtrack,
        Instant computedAt,
        Instant effectiveFrom,
        List<AllocationLine> lines) {

    /**
     * Checks the components; the lines should already be canonical (see {@link #canonical(List)}).
     *
     * @throws IllegalArgumentException naming the value: a number below 1, two lines of the same item, unit, type
     *     and rule, lines in more than one currency (a month's cost allocation bill is in one currency)
     */
    public MonthVersion {
        requireNonNull(month, "month");
        if (number < 1) {
            throw new HistoryProblem("number", "version number " + number + " is not positive");
        }
        requireNonNull(ruleVersion, "ruleVersion");
        requireNonNull(backtrack, "backtrack");
        requireNonNull(computedAt, "computedAt");
        requireNonNull(effectiveFrom, "effectiveFrom");
        lines = List.copyOf(lines);
        checkLines(lines);
    }

    private static void checkLines(List<AllocationLine> lines) {
        if (lines.isEmpty()) {
            return;
        }
        Currency first = lines.get(0).amount().currency();
        boolean ordered = true;
        for (int i = 0; i < lines.size(); i++) {
            AllocationLine l = lines.get(i);
            if (!l.amount().currency().equals(first)) {
                throw new HistoryProblem(
                        "lines[" + i + "].amount",
                        "line in " + l.amount().currency() + ", but lines[0] is in " + first
                                + ": a month's cost allocation bill is in one currency");
            }
            if (i > 0 && ordered) {
                int c = AllocationLine.ORDER.compare(lines.get(i - 1), l);
                if (c == 0) {
                    throw repeated(l, i, i - 1);
                }
                ordered = c < 0;
            }
        }
        if (ordered) {
            return; // canonical lines, as computed: a repeat would have been next to its twin
        }
        Map<List<Object>, Integer> seen = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            AllocationLine l = lines.get(i);
            Integer earlier = seen.putIfAbsent(List.of(l.item(), l.unit(), l.type(), l.rule()), i);
            if (earlier != null) {
                throw repeated(l, i, earlier);
            }
        }
    }

    private static HistoryProblem repeated(AllocationLine l, int index, int earlier) {
        return new HistoryProblem(
                "lines[" + index + "]",
                "repeats lines[" + earlier + "] (item " + l.item() + ", unit "
                        + l.unit().map(UnitId::value).orElse("none") + ", " + l.type() + ", rule "
                        + l.rule().map(r -> r.value()).orElse("none")
                        + "): a version has one line per item, unit, type and rule");
    }

    /** Returns the currency of the lines, empty when there are none. */
    Optional<Currency> currency() {
        return lines.isEmpty()
                ? Optional.empty()
                : Optional.of(lines.get(0).amount().currency());
    }

    /**
     * Returns {@code lines} merged and ordered: lines of one item, unit, type and rule added together, sorted
     * by item, unit, type and rule, so that equal bills have equal lines.
     */
    static List<AllocationLine> canonical(List<AllocationLine> lines) {
        Map<List<Object>, AllocationLine> merged = new LinkedHashMap<>();
        for (AllocationLine l : lines) {
            merged.merge(
                    List.of(l.item(), l.unit(), l.type(), l.rule(), l.amount().currency()),
                    l,
                    (a, b) -> new AllocationLine(
                            a.item(), a.unit(), a.type(), a.amount().plus(b.amount()), a.rule()));
        }
        List<AllocationLine> out = new ArrayList<>(merged.values());
        out.sort(AllocationLine.ORDER);
        return out;
    }

    /** Returns whether the two versions hold the same bill: the same rule version and the same lines. */
    public boolean sameContentAs(MonthVersion other) {
        return ruleVersion.equals(other.ruleVersion) && lines.equals(other.lines);
    }

    /**
     * Returns the total per unit (empty for Unallocated) and type.
     *
     * @param currency the currency, not null
     * @return the totals, by unit then type, never null
     */
    public Map<Optional<UnitId>, Map<AllocationType, Money>> unitTotals(Currency currency) {
        Map<Optional<UnitId>, Map<AllocationType, Money>> out = new java.util.TreeMap<>(java.util.Comparator.comparing(
                (Optional<UnitId> u) -> u.map(id -> "~" + id.value()).orElse("")));
        for (AllocationLine l : lines) {
            if (l.amount().currency().equals(currency)) {
                out.computeIfAbsent(l.unit(), u -> new java.util.EnumMap<>(AllocationType.class))
                        .merge(l.type(), l.amount(), Money::plus);
            }
        }
        return out;
    }

    /**
     * Returns the total of every line in {@code currency}: the month's source total.
     *
     * @param currency the currency, not null
     * @return the total, never null
     */
    public Money total(Currency currency) {
        Money sum = Money.zero(currency);
        for (AllocationLine l : lines) {
            if (l.amount().currency().equals(currency)) {
                sum = sum.plus(l.amount());
            }
        }
        return sum;
    }
}
