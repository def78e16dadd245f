package org.cloudbilling.allocation.backtracking;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cloudbilling.allocation.AllocationType;
import org.cloudbilling.allocation.UnitId;
import org.cloudbilling.core.id.LineItemId;
import org.cloudbilling.core.money.Money;
import org.cloudbilling.core.time.BillingMonth;

/**
 * One version of one month's cost allocation bill: its lines, the rule version that produced them, and from
 * when it is in force. Versions are never changed or removed (BACK-8).
 *
 * <p>A month's lines may be in several currencies, as its items are (a host with accounts in CNY and in USD): each
 * item's lines are in that item's currency, and {@link #total(Currency)}, {@link #unitTotals(Currency)} and
 * {@link VersionDiff} work per currency.
 *
 * @param month the month
 * @param number 1 for the first version of the month, then 2, 3, ...
 * @param ruleVersion the id of the rule version applied
 * @param backtrack the id of the backtrack record that produced it; empty for a month's regular computation
 * @param computedAt when it was computed
 * @param effectiveFrom from when readers see it
 * @param lines the lines, one per item, unit, type and rule, in a canonical order; an item's lines in its currency
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
     *     and rule, two lines of the same item in two currencies (an item is in one currency; the lines of
     *     different items may be in different currencies)
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
        boolean ordered = true;
        int itemStart = 0; // the first line of the current item, while the lines are in canonical order
        for (int i = 1; i < lines.size() && ordered; i++) {
            AllocationLine before = lines.get(i - 1);
            AllocationLine l = lines.get(i);
            int c = AllocationLine.ORDER.compare(before, l);
            if (c > 0) {
                ordered = false;
            } else {
                if (!l.item().equals(before.item())) {
                    itemStart = i;
                } else if (!l.amount()
                        .currency()
                        .equals(lines.get(itemStart).amount().currency())) {
                    throw inTwoCurrencies(lines, i, itemStart);
                }
                if (c == 0) {
                    throw repeated(l, i, i - 1);
                }
            }
        }
        if (ordered) {
            return; // canonical lines, as computed: an item's lines, and a repeat and its twin, are next to each other
        }
        Map<LineItemId, Integer> firstOfItem = new HashMap<>();
        Map<List<Object>, Integer> seen = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            AllocationLine l = lines.get(i);
            Integer first = firstOfItem.putIfAbsent(l.item(), i);
            if (first != null
                    && !l.amount().currency().equals(lines.get(first).amount().currency())) {
                throw inTwoCurrencies(lines, i, first);
            }
            Integer earlier = seen.putIfAbsent(List.of(l.item(), l.unit(), l.type(), l.rule()), i);
            if (earlier != null) {
                throw repeated(l, i, earlier);
            }
        }
    }

    private static HistoryProblem inTwoCurrencies(List<AllocationLine> lines, int index, int first) {
        AllocationLine l = lines.get(index);
        return new HistoryProblem(
                "lines[" + index + "].amount",
                "item " + l.item() + " is in " + l.amount().currency() + " here and in "
                        + lines.get(first).amount().currency() + " in lines[" + first
                        + "]: an item's lines are in the item's currency");
    }

    private static HistoryProblem repeated(AllocationLine l, int index, int earlier) {
        return new HistoryProblem(
                "lines[" + index + "]",
                "repeats lines[" + earlier + "] (item " + l.item() + ", unit "
                        + l.unit().map(UnitId::value).orElse("none") + ", " + l.type() + ", rule "
                        + l.rule().map(r -> r.value()).orElse("none")
                        + "): a version has one line per item, unit, type and rule");
    }

    /**
     * Returns {@code lines} merged and ordered: lines of one item, unit, type and rule added together, sorted
     * by item, unit, type and rule, so that equal bills have equal lines.
     */
    static List<AllocationLine> canonical(List<AllocationLine> lines) {
        // sorted first (stable: equal lines keep their order), then each run of lines equal in that order merged
        // by currency in the order the currencies came, as merging in a map by (item, unit, type, rule, currency)
        // and then sorting gives
        List<AllocationLine> sorted = new ArrayList<>(lines);
        sorted.sort(AllocationLine.ORDER);
        List<AllocationLine> out = new ArrayList<>(sorted.size());
        int i = 0;
        while (i < sorted.size()) {
            AllocationLine first = sorted.get(i);
            int end = i + 1;
            while (end < sorted.size() && AllocationLine.ORDER.compare(first, sorted.get(end)) == 0) {
                end++;
            }
            if (end == i + 1) {
                out.add(first);
            } else {
                int from = out.size();
                for (int k = i; k < end; k++) {
                    AllocationLine l = sorted.get(k);
                    int at = -1;
                    for (int m = from; m < out.size(); m++) {
                        if (out.get(m).amount().currency().equals(l.amount().currency())) {
                            at = m;
                            break;
                        }
                    }
                    if (at < 0) {
                        out.add(l);
                    } else {
                        AllocationLine a = out.get(at);
                        out.set(
                                at,
                                new AllocationLine(
                                        a.item(), a.unit(), a.type(), a.amount().plus(l.amount()), a.rule()));
                    }
                }
            }
            i = end;
        }
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
