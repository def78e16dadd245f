package org.cloudbilling.allocation;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collector;
import java.util.stream.Stream;
import org.cloudbilling.core.bill.LineItem;
import org.cloudbilling.core.bill.TagBindings;
import org.cloudbilling.core.id.TagKey;
import org.cloudbilling.core.money.Money;
import org.cloudbilling.core.money.Split;
import org.cloudbilling.core.time.BillingCalendar;

/**
 * A rule set compiled for allocation: built once, then used for any number of months and threads.
 *
 * <pre>{@code
 * Allocator allocator = Allocator.compile(ruleSet);
 * AllocationRun september = allocator.prepare(items, tagHistory);       // reads items once: bases, pools
 * AllocationSummary summary = items.parallelStream().collect(september.toSummary(calendar));
 * }</pre>
 *
 * <h2>How a cost is placed</h2>
 *
 * <ol>
 *   <li>If it matches the source condition of a sharing rule, the first such rule (in rule-set order) shares
 *       it among its targets.
 *   <li>Otherwise the first collection rule (in rule-set order) that matches collects it into its unit
 *       (ALLOC-3); the other matching rules are reported by {@link #explain}.
 *   <li>Otherwise it is Unallocated (ALLOC-4).
 *   <li>A unit that is the source of a sharing rule passes every cost that reaches it (collected or shared)
 *       on to that rule's targets, and so on down the chain; the rule set refuses cycles. Rules are followed in
 *       topological order, so what reaches a unit by several paths is merged there and shared once (ALLOC-13):
 *       one row per item, unit, allocation type and rule.
 * </ol>
 *
 * <p>Shares are computed at the allocation scale ({@link #DEFAULT_ALLOCATION_SCALE} decimals, or the item's own
 * when it has more; MONEY-6) and rounded over the run so that no target's total from a rule drifts a unit from
 * its exact share of the rule's pool (ALLOC-12; see {@link AllocationRun}). Instances are immutable and safe to
 * share between threads.
 */
public final class Allocator {
    final AllocationRuleSet rules;
    /**
     * The conditions an item is matched against, in precedence order: the sources of the sharing rules that match
     * items ({@link #sharingRuleOfSource}), then the collection rules'. An item's first match is where it goes: the
     * first sharing rule whose source it matches, else the first collection rule that collects it; one look-up of
     * each of its values finds both.
     */
    final RuleIndex matching;
    /** For each source condition of {@link #matching} (the first ones), the index of its sharing rule. */
    final int[] sharingRuleOfSource;

    final ImmutableMap<UnitId, SharingRule> bySourceUnit;
    /** Each sharing rule's targets, in ascending id order. */
    final ImmutableMap<RuleId, ImmutableList<UnitId>> sortedTargets;
    /**
     * By sharing rule index: the split of a ratio or even rule; for a proportional rule, whose splits depend on the
     * period, null, and {@link #fallbackSplit} is what it falls back to when no target has a positive base.
     */
    final Split[] fixedSplit;
    /**
     * By sharing rule index: a proportional rule's split when no target has a positive base (ALLOC-7): even among its
     * targets, or null when it falls back to Unallocated; null for the other rules.
     */
    final Split[] fallbackSplit;

    final boolean hasProportionalRules;

    /** The least number of decimals shares are computed at (MONEY-6). */
    final int allocationScale;
    /** The index of the sharing rule each source unit shares by. */
    final ImmutableMap<UnitId, Integer> ruleIndexBySourceUnit;
    /** For each sharing rule, per target in ascending id order: the index of the rule it shares on by, or -1. */
    final int[][] onward;
    /** For each sharing rule, per target in ascending id order: a salt for the tie-break keys of its splits. */
    final long[][] targetSalt;
    /** The sharing rules' indices in topological order: a rule comes after every rule that passes costs to it. */
    final int[] topologicalOrder;
    /** Each sharing rule's position in {@link #topologicalOrder}. */
    final int[] positionOf;

    /** A hash of the sharing rules, their targets and the allocation scale: what a rounding tally belongs to. */
    final long sharingFingerprint;

    /**
     * The plain dimensions some condition (collection or sharing source) tests, and the tag keys: an item's
     * placement depends on its values of these alone, so placements are cached by them ({@link PlacementCache}).
     */
    final AllocationDimension[] keyDimensions;

    final TagKey[] keyTags;
    /** For each collection rule, the sharing rule its unit passes costs on by, or -1. */
    final int[] onwardOfCollection;
    /** The units in a dense order: the index of a unit in per-unit accumulators. */
    final ImmutableList<UnitId> unitOrder;

    final ImmutableMap<UnitId, Integer> unitIndex;
    /** For each collection rule, the dense index of its unit. */
    final int[] unitOfCollection;
    /** For each sharing rule, per target in ascending id order: the target's dense index. */
    final int[][] targetUnit;
    /** For each sharing rule, whether none of its targets shares on: its split's parts are rows as they are. */
    final boolean[] terminal;

    /** The allocation scale {@link #compile(AllocationRuleSet)} uses: shares are computed with 8 decimals. */
    public static final int DEFAULT_ALLOCATION_SCALE = 8;

    private Allocator(AllocationRuleSet rules, int allocationScale) {
        this.rules = rules;
        this.allocationScale = allocationScale;
        java.util.EnumSet<AllocationDimension> dimensions = java.util.EnumSet.noneOf(AllocationDimension.class);
        java.util.Set<TagKey> tagKeys = new java.util.TreeSet<>(java.util.Comparator.comparing(TagKey::value));
        rules.collectionRules().forEach(r -> collectKeys(r.condition(), dimensions, tagKeys));
        for (SharingRule r : rules.sharingRules()) {
            if (r.source() instanceof SharingSource.Matching m) {
                collectKeys(m.condition(), dimensions, tagKeys);
            }
        }
        dimensions.remove(AllocationDimension.TAG);
        this.keyDimensions = dimensions.toArray(new AllocationDimension[0]);
        this.keyTags = tagKeys.toArray(new TagKey[0]);
        List<Condition> sourceConditions = new ArrayList<>();
        List<Integer> ruleOfSource = new ArrayList<>();
        Map<UnitId, SharingRule> bySource = new HashMap<>();
        ImmutableMap.Builder<RuleId, ImmutableList<UnitId>> targets = ImmutableMap.builder();
        ImmutableMap.Builder<RuleId, Split> splits = ImmutableMap.builder();
        boolean proportional = false;
        for (int i = 0; i < rules.sharingRules().size(); i++) {
            SharingRule r = rules.sharingRules().get(i);
            if (r.source() instanceof SharingSource.Matching m) {
                sourceConditions.add(m.condition());
                ruleOfSource.add(i);
            } else {
                bySource.put(((SharingSource.CollectedBy) r.source()).unit(), r);
            }
            ImmutableList<UnitId> sorted = ImmutableList.sortedCopyOf(r.targets());
            targets.put(r.id(), sorted);
            switch (r.method()) {
                case EVEN:
                    splits.put(r.id(), Split.evenly(sorted.size()));
                    break;
                case RATIO:
                    List<BigDecimal> weights = new ArrayList<>();
                    sorted.forEach(t -> weights.add(r.percentages().get(t)));
                    splits.put(r.id(), Split.byWeights(weights));
                    break;
                case PROPORTIONAL:
                    proportional = true;
                    break;
                default:
                    throw new AssertionError("bug: unknown sharing method " + r.method());
            }
        }
        List<Condition> matchingConditions = new ArrayList<>(sourceConditions);
        rules.collectionRules().forEach(r -> matchingConditions.add(r.condition()));
        this.matching = new RuleIndex(matchingConditions, keyTags);
        this.sharingRuleOfSource =
                ruleOfSource.stream().mapToInt(Integer::intValue).toArray();
        this.bySourceUnit = ImmutableMap.copyOf(bySource);
        this.sortedTargets = targets.build();
        ImmutableMap<RuleId, Split> fixedSplits = splits.build();
        this.hasProportionalRules = proportional;

        int m = rules.sharingRules().size();
        Map<UnitId, Integer> ruleOfUnit = new HashMap<>();
        for (int i = 0; i < m; i++) {
            if (rules.sharingRules().get(i).source() instanceof SharingSource.CollectedBy c) {
                ruleOfUnit.putIfAbsent(c.unit(), i);
            }
        }
        this.ruleIndexBySourceUnit = ImmutableMap.copyOf(ruleOfUnit);
        this.onward = new int[m][];
        this.targetSalt = new long[m][];
        int[] feeders = new int[m];
        for (int i = 0; i < m; i++) {
            SharingRule r = rules.sharingRules().get(i);
            ImmutableList<UnitId> sorted = sortedTargets.get(r.id());
            onward[i] = new int[sorted.size()];
            targetSalt[i] = new long[sorted.size()];
            for (int k = 0; k < sorted.size(); k++) {
                Integer next = ruleOfUnit.get(sorted.get(k));
                onward[i][k] = next == null ? -1 : next;
                if (next != null) {
                    feeders[next]++;
                }
                targetSalt[i][k] = TieBreak.mix(TieBreak.mix(r.id().value().hashCode())
                        ^ sorted.get(k).value().hashCode());
            }
        }
        long fingerprint = TieBreak.mix(allocationScale + 1L);
        for (int i = 0; i < m; i++) {
            fingerprint = TieBreak.mix(
                    fingerprint ^ rules.sharingRules().get(i).method().ordinal());
            for (long salt : targetSalt[i]) {
                fingerprint = TieBreak.mix(fingerprint ^ salt);
            }
        }
        this.sharingFingerprint = fingerprint;
        // Kahn's algorithm, iteratively: the rule set has refused cycles, so every rule gets a position
        this.topologicalOrder = new int[m];
        this.positionOf = new int[m];
        java.util.ArrayDeque<Integer> ready = new java.util.ArrayDeque<>();
        for (int i = 0; i < m; i++) {
            if (feeders[i] == 0) {
                ready.add(i);
            }
        }
        int placed = 0;
        while (!ready.isEmpty()) {
            int i = ready.removeFirst();
            positionOf[i] = placed;
            topologicalOrder[placed++] = i;
            for (int next : onward[i]) {
                if (next >= 0 && --feeders[next] == 0) {
                    ready.add(next);
                }
            }
        }
        if (placed != m) {
            throw new AssertionError("bug: the checked rule set has a sharing cycle");
        }
        this.unitOrder = ImmutableList.sortedCopyOf(rules.units().units().keySet());
        ImmutableMap.Builder<UnitId, Integer> index = ImmutableMap.builder();
        for (int i = 0; i < unitOrder.size(); i++) {
            index.put(unitOrder.get(i), i);
        }
        this.unitIndex = index.build();
        int c = rules.collectionRules().size();
        this.onwardOfCollection = new int[c];
        this.unitOfCollection = new int[c];
        for (int i = 0; i < c; i++) {
            UnitId unit = rules.collectionRules().get(i).unit();
            onwardOfCollection[i] = ruleOfUnit.getOrDefault(unit, -1);
            unitOfCollection[i] = unitIndex.get(unit);
        }
        this.targetUnit = new int[m][];
        for (int i = 0; i < m; i++) {
            ImmutableList<UnitId> sorted =
                    sortedTargets.get(rules.sharingRules().get(i).id());
            targetUnit[i] = new int[sorted.size()];
            for (int k = 0; k < sorted.size(); k++) {
                targetUnit[i][k] = unitIndex.get(sorted.get(k));
            }
        }
        this.fixedSplit = new Split[m];
        this.fallbackSplit = new Split[m];
        for (int i = 0; i < m; i++) {
            SharingRule r = rules.sharingRules().get(i);
            fixedSplit[i] = fixedSplits.get(r.id());
            if (fixedSplit[i] == null && r.fallback() != ZeroBaseFallback.UNALLOCATED) {
                fallbackSplit[i] = Split.evenly(targetUnit[i].length);
            }
        }
        this.terminal = new boolean[m];
        for (int i = 0; i < m; i++) {
            terminal[i] = java.util.Arrays.stream(onward[i]).allMatch(next -> next < 0);
        }
    }

    private static void collectKeys(
            Condition c, java.util.Set<AllocationDimension> dimensions, java.util.Set<TagKey> tagKeys) {
        if (c instanceof Condition.In in) {
            dimensions.add(in.dimension());
            in.tagKey().ifPresent(tagKeys::add);
        } else if (c instanceof Condition.And and) {
            and.conditions().forEach(part -> collectKeys(part, dimensions, tagKeys));
        } else {
            ((Condition.Or) c).conditions().forEach(part -> collectKeys(part, dimensions, tagKeys));
        }
    }

    /**
     * Compiles {@code rules}.
     *
     * @param rules a checked rule set, not null
     * @return the allocator, never null
     */
    public static Allocator compile(AllocationRuleSet rules) {
        return new Allocator(requireNonNull(rules, "rules"), DEFAULT_ALLOCATION_SCALE);
    }

    /**
     * Compiles {@code rules} to compute shares with {@code allocationScale} decimals, or with an item's own
     * decimals when it has more (MONEY-6).
     *
     * @param rules a checked rule set, not null
     * @param allocationScale from 0 to {@link Money#MAX_SCALE}
     * @return the allocator, never null
     * @throws IllegalArgumentException if the scale is out of range
     */
    public static Allocator compile(AllocationRuleSet rules, int allocationScale) {
        checkArgument(
                allocationScale >= 0 && allocationScale <= Money.MAX_SCALE,
                "allocation scale %s is not between 0 and %s",
                allocationScale,
                Money.MAX_SCALE);
        return new Allocator(requireNonNull(rules, "rules"), allocationScale);
    }

    /** Returns the least number of decimals shares are computed at (MONEY-6). */
    public int allocationScale() {
        return allocationScale;
    }

    /** Returns the rule set, never null. */
    public AllocationRuleSet rules() {
        return rules;
    }

    /**
     * Prepares the allocation of one period (a billing month): when a rule shares in proportion to collected
     * cost or among several targets, reads {@code items} once to find each unit's collected cost and each sharing
     * rule's pool, which decide the run's rounding (ALLOC-12); otherwise reads nothing. No item is kept: the
     * rounding is tallied item by item ({@link RoundingTally}), so memory grows with units, rules and currencies.
     * With a proportional rule an item's split depends on the bases the whole period gives: items held in memory
     * (a {@link java.util.Collection}) are read once, the shared ones kept by reference (with their entry rule)
     * until the bases are known; any other {@code Iterable}, such as a file read as it goes, is iterated twice
     * instead, so that no item is kept.
     *
     * @param items the period's items; iterated once here (twice with a proportional rule, unless a
     *     {@link java.util.Collection}), and again by the caller to allocate
     * @param tags the resources' tag history, not null; {@link TagBindings#empty()} to use the tags on the items
     * @return the run, never null
     */
    public AllocationRun prepare(Iterable<LineItem> items, TagBindings tags) {
        requireNonNull(items, "items");
        requireNonNull(tags, "tags");
        return AllocationRun.prepare(this, items, tags);
    }

    /**
     * Prepares the allocation of one period from a stream, like {@link #prepare(Iterable, TagBindings)}: on a
     * parallel stream the first pass runs in parallel, with exactly the sequential result. The stream is consumed
     * only when a rule is proportional or shares among several targets. A stream is read once: without a
     * proportional rule nothing is kept, but with one the items that enter the sharing graph are kept until the
     * bases are known. For a period that does not fit in memory, prepare from an {@link Iterable} that reads it
     * twice, or merge {@link AllocationRun#tally tallies} of its parts.
     *
     * <pre>{@code
     * AllocationRun run = allocator.prepare(items.parallelStream(), tagHistory);
     * AllocationSummary summary = items.parallelStream().collect(run.toSummary(calendar));
     * }</pre>
     *
     * @param items the period's items, not null
     * @param tags the resources' tag history, not null
     * @return the run, never null
     */
    public AllocationRun prepare(Stream<LineItem> items, TagBindings tags) {
        requireNonNull(items, "items");
        requireNonNull(tags, "tags");
        return AllocationRun.prepare(this, items, tags);
    }

    /**
     * Returns the proportional bases of {@code items}: each unit's collected cost per currency (ALLOC-5). The bases
     * of the parts of a period {@linkplain AllocationBases#merge merge} into the period's, exactly.
     *
     * @param items some of the period's items, each in exactly one part, not null
     * @param tags the resources' tag history, not null
     * @return the bases, never null
     */
    public AllocationBases bases(Iterable<LineItem> items, TagBindings tags) {
        requireNonNull(items, "items");
        AllocationBases.Accumulator sums = new AllocationBases.Accumulator(this, requireNonNull(tags, "tags"));
        for (LineItem item : items) {
            sums.add(item);
        }
        return sums.toBases();
    }

    /**
     * Returns a collector of the proportional bases of a stream of items, like {@link #bases(Iterable,
     * TagBindings)}; on a parallel stream the result is identical to a sequential one.
     *
     * <pre>{@code
     * AllocationBases bases = items.parallelStream().collect(allocator.toBases(tagHistory));
     * }</pre>
     *
     * @param tags the resources' tag history, not null
     * @return the collector, never null
     */
    public Collector<LineItem, ?, AllocationBases> toBases(TagBindings tags) {
        requireNonNull(tags, "tags");
        return Collector.of(
                () -> new AllocationBases.Accumulator(this, tags),
                AllocationBases.Accumulator::add,
                AllocationBases.Accumulator::merge,
                AllocationBases.Accumulator::toBases,
                Collector.Characteristics.UNORDERED);
    }

    /**
     * Prepares the allocation of one period whose proportional bases are known (computed elsewhere, merged from
     * parts): reads {@code items} once, only to tally the rounding of those that enter the sharing graph
     * (ALLOC-12), and not at all when no rule is proportional or shares among several targets. With the bases of
     * the period's items and the period's items, the run allocates exactly as {@link #prepare(Iterable,
     * TagBindings)} over them. Items no sharing rule reaches may be left out of {@code items}: they play no part
     * in the rounding.
     *
     * @param bases the period's bases, not null
     * @param items the period's items, or at least those that enter the sharing graph; iterated at most once, not
     *     null
     * @param tags the resources' tag history, not null
     * @return the run, never null
     * @throws IllegalArgumentException if the bases name a unit the rule set does not have
     */
    public AllocationRun prepare(AllocationBases bases, Iterable<LineItem> items, TagBindings tags) {
        requireNonNull(bases, "bases");
        requireNonNull(items, "items");
        requireNonNull(tags, "tags");
        bases.checkUnitsOf(rules);
        return AllocationRun.prepare(this, bases, items, tags);
    }

    /**
     * Returns the run of a period's bases without rounding corrections: to {@linkplain AllocationRun#tally tally}
     * the period's parts where they are, then {@linkplain AllocationRun#rounded round} the run by the merged
     * tallies. Allocating with this run directly splits each item right, but leaves the rounding of each rule's
     * pool to pile up (ALLOC-12) whenever a rule shares among several targets.
     *
     * @param bases the period's bases, not null
     * @param tags the resources' tag history, not null
     * @return the run, never null
     * @throws IllegalArgumentException if the bases name a unit the rule set does not have
     */
    public AllocationRun prepare(AllocationBases bases, TagBindings tags) {
        return prepare(bases, List.of(), tags);
    }

    /**
     * Returns a collector that prepares and allocates one period in a single pass over its items, to the totals per
     * unit, allocation type and currency: the same {@link AllocationTotals} as {@code prepare} followed by
     * {@link AllocationRun#toTotals()} over the same items, exactly, but each item is read and placed once. Items
     * with the same values under the rules' dimensions and tag keys share a placement. A collected or Unallocated
     * item is added to a primitive sum at once; an item that enters the sharing graph is kept as its id, cost and
     * entry rule until the period's proportional bases and rounding (ALLOC-5, ALLOC-12) are known, at the end. So
     * memory grows with the shared items, not with the others. On a parallel stream, or
     * {@code LineItemCsv.collect} of a file, the result is identical to a sequential run; there, the end (the held
     * items' rounding and shares) runs in parts too, on a parallel stream: on the threads of the caller's fork-join
     * pool, or of the common pool when the caller is not a pool thread. A sequential stream stays on its thread.
     *
     * <pre>{@code
     * AllocationTotals totals = LineItemCsv.collect(file, UTF_8, FormulaGuard.ON,
     *         allocator.toTotals(TagBindings.empty()));
     * }</pre>
     *
     * @param tags the resources' tag history, not null; {@link TagBindings#empty()} to use the tags on the items
     * @return the collector, never null
     */
    public java.util.stream.Collector<LineItem, ?, AllocationTotals> toTotals(TagBindings tags) {
        return OnePassTotals.collector(this, requireNonNull(tags, "tags"));
    }

    /**
     * Returns a collector that prepares, allocates and summarizes one period in a single pass over its items (ALLOC-8:
     * by unit, product, resource, component, day and month): the same {@link AllocationSummary} as {@code prepare}
     * followed by {@link AllocationRun#toSummary(BillingCalendar)} over the same items, exactly, but each item is read
     * and placed once. A collected or Unallocated item goes to the summary at once; an item that enters the sharing
     * graph is kept by reference until the period's proportional bases and rounding (ALLOC-5, ALLOC-12) are known, at
     * the end. So memory grows with the shared items, not with the others. On a parallel stream the result is
     * identical to a sequential run.
     *
     * <pre>{@code
     * AllocationSummary summary = items.parallelStream().collect(allocator.toSummary(calendar, tagHistory));
     * }</pre>
     *
     * @param calendar cuts days and months for the summaries, not null
     * @param tags the resources' tag history, not null; {@link TagBindings#empty()} to use the tags on the items
     * @return the collector, never null
     */
    public Collector<LineItem, ?, AllocationSummary> toSummary(BillingCalendar calendar, TagBindings tags) {
        return OnePassSummary.collector(this, requireNonNull(calendar, "calendar"), requireNonNull(tags, "tags"));
    }

    /**
     * Explains where {@code item} goes and why: every matching rule, the one that won, and the chain of
     * sharing rules it passes through. Amounts of proportional shares depend on the period: see {@link
     * AllocationRun#allocate(LineItem)}.
     *
     * @param item the item, not null
     * @param tags the resources' tag history, not null
     * @return the explanation, never null
     */
    public Explanation explain(LineItem item, TagBindings tags) {
        ItemView view = new ItemView(item, tags);
        List<RuleId> matchingCollection = new ArrayList<>();
        List<RuleId> matchingSharing = new ArrayList<>();
        int sources = sharingRuleOfSource.length;
        for (int i : matching.allMatches(view)) {
            if (i < sources) {
                matchingSharing.add(
                        rules.sharingRules().get(sharingRuleOfSource[i]).id());
            } else {
                matchingCollection.add(rules.collectionRules().get(i - sources).id());
            }
        }
        Optional<RuleId> sharedBy = matchingSharing.stream().findFirst();
        Optional<UnitId> collectedInto = Optional.empty();
        if (sharedBy.isEmpty() && !matchingCollection.isEmpty()) {
            collectedInto = Optional.of(rule(matchingCollection.get(0)).unit());
        }
        return new Explanation(
                item.id(),
                ItemView.tagInstant(item),
                ImmutableMap.copyOf(view.tags),
                ImmutableList.copyOf(matchingSharing),
                ImmutableList.copyOf(matchingCollection),
                sharedBy,
                collectedInto.isPresent() ? Optional.of(matchingCollection.get(0)) : Optional.empty(),
                collectedInto,
                chainFrom(sharedBy.map(this::sharingRule), collectedInto));
    }

    private ImmutableList<RuleId> chainFrom(Optional<SharingRule> first, Optional<UnitId> collectedInto) {
        ImmutableList.Builder<RuleId> chain = ImmutableList.builder();
        List<UnitId> frontier = new ArrayList<>();
        if (first.isPresent()) {
            chain.add(first.get().id());
            frontier.addAll(sortedTargets.get(first.get().id()));
        }
        collectedInto.ifPresent(frontier::add);
        java.util.Set<RuleId> seen = new java.util.HashSet<>();
        first.ifPresent(f -> seen.add(f.id()));
        while (!frontier.isEmpty()) {
            List<UnitId> next = new ArrayList<>();
            for (UnitId u : frontier) {
                SharingRule s = bySourceUnit.get(u);
                if (s != null && seen.add(s.id())) { // each rule once, however many paths reach it (ALLOC-13)
                    chain.add(s.id());
                    next.addAll(sortedTargets.get(s.id()));
                }
            }
            frontier = next;
        }
        return chain.build();
    }

    private AllocationRule rule(RuleId id) {
        return rules.collectionRules().stream()
                .filter(r -> r.id().equals(id))
                .findFirst()
                .orElseThrow();
    }

    private SharingRule sharingRule(RuleId id) {
        return rules.sharingRules().stream()
                .filter(r -> r.id().equals(id))
                .findFirst()
                .orElseThrow();
    }
}
