package org.cloudbilling.allocation;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableSortedMap;
import java.time.Instant;
import java.util.Map;
import org.cloudbilling.core.time.BillingCalendar;
import org.cloudbilling.core.time.BillingMonth;

/**
 * Which rule set is in force in which month (ALLOC-10), from the month cost allocation was activated
 * (ALLOC-11): the month of activation, or the month before when activated before the calendar's cut-off day.
 *
 * <pre>{@code
 * RuleSchedule schedule = RuleSchedule.activated(Instant.parse("2024-08-01T02:00:00Z"), BillingCalendar.TENCENT, v1)
 *         .withRuleSet(BillingMonth.of(2024, 11), v2);
 * schedule.firstMonth();                            // 2024-07: activated on 1 August, before the 3rd
 * schedule.ruleSetFor(BillingMonth.of(2024, 10));   // v1
 * schedule.ruleSetFor(BillingMonth.of(2025, 1));    // v2
 * }</pre>
 *
 * <p>Immutable: {@link #withRuleSet} returns a new schedule and keeps the months before it unchanged.
 */
public final class RuleSchedule {
    private final Instant activatedAt;
    private final BillingMonth firstMonth;
    private final ImmutableSortedMap<BillingMonth, AllocationRuleSet> changes;

    private RuleSchedule(
            Instant activatedAt, BillingMonth firstMonth, ImmutableSortedMap<BillingMonth, AllocationRuleSet> changes) {
        this.activatedAt = activatedAt;
        this.firstMonth = firstMonth;
        this.changes = changes;
    }

    /**
     * Returns the schedule of cost allocation activated at {@code activatedAt} with {@code rules}.
     *
     * @param activatedAt when cost allocation was activated, not null
     * @param calendar the provider's calendar, whose cut-off day decides the first month, not null
     * @param rules the rule set in force from the first month, not null
     * @return the schedule, never null
     */
    public static RuleSchedule activated(Instant activatedAt, BillingCalendar calendar, AllocationRuleSet rules) {
        BillingMonth first = calendar.ruleMonth(requireNonNull(activatedAt, "activatedAt"));
        return new RuleSchedule(activatedAt, first, ImmutableSortedMap.of(first, requireNonNull(rules, "rules")));
    }

    /**
     * Returns a schedule as stored (DAILY-4), such as read back by {@code ScheduleJson}.
     *
     * @param activatedAt when cost allocation was activated, not null
     * @param firstMonth the first month with cost allocation data, not null
     * @param changes each month a rule set took effect and the rule set; the first is {@code firstMonth}, not null
     * @return the schedule, never null
     * @throws IllegalArgumentException if there is no change in {@code firstMonth} or one before it
     */
    public static RuleSchedule restore(
            Instant activatedAt, BillingMonth firstMonth, Map<BillingMonth, AllocationRuleSet> changes) {
        requireNonNull(activatedAt, "activatedAt");
        requireNonNull(firstMonth, "firstMonth");
        ImmutableSortedMap<BillingMonth, AllocationRuleSet> sorted = ImmutableSortedMap.copyOf(changes);
        checkArgument(
                !sorted.isEmpty() && sorted.firstKey().equals(firstMonth),
                "the first rule set takes effect in the first month, %s; the changes start in %s",
                firstMonth,
                sorted.isEmpty() ? "no month" : sorted.firstKey());
        return new RuleSchedule(activatedAt, firstMonth, sorted);
    }

    /** Returns when cost allocation was activated, never null. */
    public Instant activatedAt() {
        return activatedAt;
    }

    /** Returns the first month with cost allocation data (ALLOC-11), never null. */
    public BillingMonth firstMonth() {
        return firstMonth;
    }

    /**
     * Returns this schedule with {@code rules} in force from {@code from} on (until a later change).
     *
     * @param from the first month of the new rule set, not before {@link #firstMonth()}, not null
     * @param rules the rule set, not null
     * @return the new schedule, never null
     * @throws IllegalArgumentException if {@code from} is before the first month
     */
    public RuleSchedule withRuleSet(BillingMonth from, AllocationRuleSet rules) {
        checkArgument(
                !from.isBefore(firstMonth),
                "cost allocation starts in %s; a rule set cannot take effect in %s",
                firstMonth,
                from);
        ImmutableSortedMap.Builder<BillingMonth, AllocationRuleSet> b = ImmutableSortedMap.naturalOrder();
        for (Map.Entry<BillingMonth, AllocationRuleSet> e : changes.entrySet()) {
            if (!e.getKey().equals(from)) {
                b.put(e);
            }
        }
        b.put(from, requireNonNull(rules, "rules"));
        return new RuleSchedule(activatedAt, firstMonth, b.build());
    }

    /**
     * Returns the rule set in force in {@code month}.
     *
     * @param month the month, not before {@link #firstMonth()}, not null
     * @return the rule set, never null
     * @throws IllegalArgumentException if the month is before cost allocation started
     */
    public AllocationRuleSet ruleSetFor(BillingMonth month) {
        checkArgument(
                !month.isBefore(firstMonth),
                "cost allocation starts in %s (activated at %s); %s has no allocation",
                firstMonth,
                activatedAt,
                month);
        return changes.floorEntry(month).getValue();
    }

    /** Returns each change: the month a rule set took effect and the rule set, in month order, never null. */
    public ImmutableSortedMap<BillingMonth, AllocationRuleSet> changes() {
        return changes;
    }

    @Override
    public boolean equals(Object obj) {
        return obj instanceof RuleSchedule
                && ((RuleSchedule) obj).activatedAt.equals(activatedAt)
                && ((RuleSchedule) obj).firstMonth.equals(firstMonth)
                && ((RuleSchedule) obj).changes.equals(changes);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(activatedAt, firstMonth, changes);
    }

    @Override
    public String toString() {
        return "RuleSchedule[from " + firstMonth + ", changes in " + changes.keySet() + "]";
    }
}
