package org.cloudbilling.allocation;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cloudbilling.core.id.LineItemId;
import org.cloudbilling.core.money.Money;

/**
 * What a period's shared items give each sharing rule, per currency, before the run's rounding correction
 * (ALLOC-12): the rule's pool, what the items' own rounding gave each target, and the rule's designated item (the
 * largest absolute input, then the smallest id). A tally holds no items: its size grows with rules, targets and
 * currencies, never with the number of items.
 *
 * <p>Tallies of parts of a period merge into the tally of the whole: the merge is associative and commutative,
 * so a period can be tallied in any split, in any order, on any machine. Typical use, when the items cannot be
 * read twice on one machine:
 *
 * <pre>{@code
 * AllocationRun bases = allocator.prepare(monthBases, tags);      // the proportional bases (AllocationBases)
 * RoundingTally part = bases.tally(partition);                     // on each worker
 * RoundingTally month = part1.merge(part2);                        // anywhere, in any order
 * AllocationRun run = bases.rounded(month);                        // the run prepare over the month gives
 * }</pre>
 *
 * <p>A tally belongs to the rule set and the bases of the run that made it. Immutable to its users and
 * serializable (amounts travel as exact decimals).
 */
public final class RoundingTally implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The sharing rules and allocation scale the tally belongs to ({@code Allocator.sharingFingerprint}). */
    final long fingerprint;
    /** By sharing rule index, then currency; mutated only while a run is being prepared. */
    final transient Map<Integer, Map<Currency, RuleTally>> byRule;

    private RoundingTally(long fingerprint) {
        this.fingerprint = fingerprint;
        this.byRule = new HashMap<>();
    }

    /** Returns an empty tally for the sharing rules and allocation scale of {@code allocator}. */
    static RoundingTally of(Allocator allocator) {
        return new RoundingTally(allocator.sharingFingerprint);
    }

    /** One rule's inflow in one currency, from the items' own rounding. */
    static final class RuleTally {
        Money pool;
        Money[] toTarget;
        int scale;
        /** The designated item: its id, total cost and the rule it enters the sharing graph by. */
        LineItemId designated;

        Money designatedAmount;
        int designatedEntry;
        /** The designated item's absolute input to this rule. */
        Money designatedInput;

        void add(LineItemId id, Money amount, int entry, Money input, List<Money> parts, int itemScale, int sign) {
            if (pool == null) {
                pool = Money.zero(input.currency());
                toTarget = new Money[parts.size()];
                Arrays.fill(toTarget, pool);
            }
            pool = sign > 0 ? pool.plus(input) : pool.minus(input);
            for (int k = 0; k < parts.size(); k++) {
                toTarget[k] = sign > 0 ? toTarget[k].plus(parts.get(k)) : toTarget[k].minus(parts.get(k));
            }
            scale = Math.max(scale, itemScale);
            if (sign > 0 && precedes(id, input.abs())) {
                designate(id, amount, entry, input.abs());
            }
        }

        /**
         * Adds sums made elsewhere ({@link UnitsTally}): the pool, each target's sum and the largest scale, as adding
         * the same splits one by one would.
         */
        void addSums(Money inflow, Money[] targets, int itemScale) {
            if (pool == null) {
                pool = Money.zero(inflow.currency());
                toTarget = new Money[targets.length];
                Arrays.fill(toTarget, pool);
            }
            pool = pool.plus(inflow);
            for (int k = 0; k < targets.length; k++) {
                toTarget[k] = toTarget[k].plus(targets[k]);
            }
            scale = Math.max(scale, itemScale);
        }

        void designate(LineItemId id, Money amount, int entry, Money input) {
            designated = id;
            designatedAmount = amount;
            designatedEntry = entry;
            designatedInput = input;
        }

        /** The designated item has the largest input, then the smallest id: the same in any order. */
        private boolean precedes(LineItemId id, Money input) {
            if (designated == null) {
                return true;
            }
            int byInput = input.compareTo(designatedInput);
            return byInput > 0 || (byInput == 0 && id.compareTo(designated) < 0);
        }

        void merge(RuleTally other) {
            if (other.pool == null) {
                return;
            }
            if (pool == null) {
                pool = other.pool;
                toTarget = other.toTarget.clone();
            } else {
                pool = pool.plus(other.pool);
                for (int k = 0; k < toTarget.length; k++) {
                    toTarget[k] = toTarget[k].plus(other.toTarget[k]);
                }
            }
            scale = Math.max(scale, other.scale);
            if (other.designated != null && precedes(other.designated, other.designatedInput)) {
                designate(other.designated, other.designatedAmount, other.designatedEntry, other.designatedInput);
            }
        }

        RuleTally copy() {
            RuleTally c = new RuleTally();
            c.merge(this);
            return c;
        }
    }

    /** Adds what one item's split by {@code rule} gave (sign +1) or takes it back (sign -1). */
    void add(
            int rule, LineItemId id, Money amount, int entry, Money input, List<Money> parts, int itemScale, int sign) {
        byRule.computeIfAbsent(rule, r -> new HashMap<>())
                .computeIfAbsent(input.currency(), c -> new RuleTally())
                .add(id, amount, entry, input, parts, itemScale, sign);
    }

    /** The tally of {@code rule} in {@code currency}, made empty the first time. */
    RuleTally ruleTally(int rule, Currency currency) {
        return byRule.computeIfAbsent(rule, r -> new HashMap<>()).computeIfAbsent(currency, c -> new RuleTally());
    }

    /** Adds {@code other} into this tally and returns this; both must belong to one rule set. */
    RoundingTally mergeInPlace(RoundingTally other) {
        checkSameRules(other);
        other.byRule.forEach((rule, byCurrency) ->
                byCurrency.forEach((currency, tally) -> byRule.computeIfAbsent(rule, r -> new HashMap<>())
                        .computeIfAbsent(currency, c -> new RuleTally())
                        .merge(tally)));
        return this;
    }

    RoundingTally copy() {
        return new RoundingTally(fingerprint).mergeInPlace(this);
    }

    /** Returns how many designated items the tally keeps: at most one per sharing rule and currency. */
    int candidates() {
        int n = 0;
        for (Map<Currency, RuleTally> byCurrency : byRule.values()) {
            for (RuleTally t : byCurrency.values()) {
                n += t.designated == null ? 0 : 1;
            }
        }
        return n;
    }

    /**
     * Returns the tally of both parts of a period: pools and targets' sums added, the designated item the first
     * by the total order. Associative and commutative; neither tally changes.
     *
     * @param other the tally of another part of the same period, by the same rule set and bases, not null
     * @return the merged tally, never null
     * @throws IllegalArgumentException if {@code other} was made with other sharing rules or another allocation
     *     scale
     */
    public RoundingTally merge(RoundingTally other) {
        requireNonNull(other, "other");
        return copy().mergeInPlace(other);
    }

    private void checkSameRules(RoundingTally other) {
        if (other.fingerprint != fingerprint) {
            throw new IllegalArgumentException("rounding tallies of other sharing rules or another allocation scale"
                    + " cannot merge: both must come from runs of the same rule set and scale");
        }
    }

    /** Returns whether the tally has seen no shared item. */
    boolean isEmpty() {
        return byRule.isEmpty();
    }

    private Object writeReplace() {
        List<Object[]> rows = new ArrayList<>();
        byRule.forEach((rule, byCurrency) -> byCurrency.forEach((currency, t) -> {
            BigDecimal[] targets = new BigDecimal[t.toTarget.length];
            for (int k = 0; k < targets.length; k++) {
                targets[k] = t.toTarget[k].amount();
            }
            rows.add(new Object[] {
                rule,
                currency.getCurrencyCode(),
                t.pool.amount(),
                targets,
                t.scale,
                t.designated == null ? null : t.designated.value(),
                t.designated == null ? null : t.designatedAmount.amount(),
                t.designatedEntry,
                t.designated == null ? null : t.designatedInput.amount()
            });
        }));
        return new Form(fingerprint, rows.toArray(new Object[0][]));
    }

    /** The serialized form: exact decimals and codes only. */
    private record Form(long fingerprint, Object[][] rows) implements Serializable {
        private static final long serialVersionUID = 1L;

        private Object readResolve() {
            RoundingTally tally = new RoundingTally(fingerprint);
            for (Object[] row : rows) {
                Currency currency = Money.currency((String) row[1]);
                RuleTally t = new RuleTally();
                t.pool = Money.of(currency, (BigDecimal) row[2]);
                BigDecimal[] targets = (BigDecimal[]) row[3];
                t.toTarget = new Money[targets.length];
                for (int k = 0; k < targets.length; k++) {
                    t.toTarget[k] = Money.of(currency, targets[k]);
                }
                t.scale = (Integer) row[4];
                if (row[5] != null) {
                    t.designated = LineItemId.of((String) row[5]);
                    t.designatedAmount = Money.of(currency, (BigDecimal) row[6]);
                    t.designatedEntry = (Integer) row[7];
                    t.designatedInput = Money.of(currency, (BigDecimal) row[8]);
                }
                tally.byRule
                        .computeIfAbsent((Integer) row[0], r -> new HashMap<>())
                        .put(currency, t);
            }
            return tally;
        }
    }
}
