package org.cloudbilling.allocation.backtracking;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
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

    /** Checks the components; the lines must already be canonical (see {@link #canonical(List)}). */
    public MonthVersion {
        requireNonNull(month, "month");
        checkArgument(number >= 1, "version number %s is not positive", number);
        requireNonNull(ruleVersion, "ruleVersion");
        requireNonNull(backtrack, "backtrack");
        requireNonNull(computedAt, "computedAt");
        requireNonNull(effectiveFrom, "effectiveFrom");
        lines = List.copyOf(lines);
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
