package org.cloudbilling.allocation.backtracking;

import static java.util.Objects.requireNonNull;

import com.google.common.hash.Hashing;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.cloudbilling.allocation.AllocationRuleSet;
import org.cloudbilling.allocation.AllocationRun;
import org.cloudbilling.allocation.Allocator;
import org.cloudbilling.allocation.RuleSchedule;
import org.cloudbilling.core.bill.LineItem;
import org.cloudbilling.core.bill.TagBindings;
import org.cloudbilling.core.id.ResourceId;
import org.cloudbilling.core.time.BillingCalendar;
import org.cloudbilling.core.time.BillingMonth;

/**
 * Recomputes past months with today's rules and keeps every earlier version (BACK-1..8).
 *
 * <pre>{@code
 * BacktrackPlan plan = Backtracking.plan(
 *         new BacktrackRequest(operator, now, BillingMonth.of(2024, 8), BillingMonth.of(2024, 12)), schedule, calendar);
 * BacktrackOutcome done = Backtracking.run(plan, history, inputs, calendar, clock, BacktrackListener.NONE);
 * VersionDiff october = VersionDiff.between(
 *         done.history().version(oct, 1), done.history().latest(oct).orElseThrow(), cny);
 * }</pre>
 *
 * <p>Every function is pure: the clock, the calendar, the month data and the history come in as arguments,
 * and a new history comes out. A backtrack that fails in any month changes no month (BACK-4: never a mix).
 */
public final class Backtracking {
    /** The most months one backtrack covers (BACK-1, BACK-6). */
    public static final int MAX_MONTHS = 12;

    private Backtracking() {}

    /**
     * Checks a request and works out what it will do (BACK-1, BACK-2).
     *
     * @param request the request, not null
     * @param schedule the rule sets by month, with the activation month, not null
     * @param calendar the provider's calendar: zone and cut-off day, not null
     * @return the plan, never null
     * @throws IllegalArgumentException naming the limit broken and the value that broke it: more than 12 months,
     *     a range that ends before it starts, a month not yet begun at submission, a month before cost allocation
     *     was activated
     */
    public static BacktrackPlan plan(BacktrackRequest request, RuleSchedule schedule, BillingCalendar calendar) {
        List<BillingMonth> months = months(request, schedule, calendar);
        BillingMonth ruleMonth = calendar.ruleMonth(request.submittedAt());
        if (ruleMonth.isBefore(schedule.firstMonth())) {
            throw new IllegalArgumentException("submitted at " + request.submittedAt() + ", the rules of " + ruleMonth
                    + " apply, but cost allocation starts in " + schedule.firstMonth());
        }
        return new BacktrackPlan(request, months, ruleMonth, RuleVersion.of(schedule.ruleSetFor(ruleMonth)));
    }

    private static List<BillingMonth> months(BacktrackRequest request, RuleSchedule schedule, BillingCalendar cal) {
        requireNonNull(request, "request");
        requireNonNull(schedule, "schedule");
        requireNonNull(cal, "calendar");
        long count = request.from().monthsUntil(request.to()) + 1;
        if (count < 1) {
            throw new IllegalArgumentException("the range " + request.from() + ".." + request.to()
                    + " ends before it starts: a backtrack covers 1 to " + MAX_MONTHS + " months");
        }
        if (count > MAX_MONTHS) {
            throw new IllegalArgumentException("a backtrack covers 1 to " + MAX_MONTHS + " months; " + request.from()
                    + ".." + request.to() + " is " + count + " months");
        }
        BillingMonth submissionMonth = cal.monthOf(request.submittedAt());
        if (request.to().isAfter(submissionMonth)) {
            throw new IllegalArgumentException("month " + request.to() + " is in the future: the request was submitted"
                    + " at " + request.submittedAt() + ", in " + submissionMonth);
        }
        if (request.from().isBefore(schedule.firstMonth())) {
            throw new IllegalArgumentException("month " + request.from() + " is before cost allocation starts in "
                    + schedule.firstMonth() + " (activated at " + schedule.activatedAt() + ")");
        }
        List<BillingMonth> months = new ArrayList<>();
        for (BillingMonth m = request.from(); !m.isAfter(request.to()); m = m.next()) {
            months.add(m);
        }
        return months;
    }

    /**
     * Runs a planned backtrack: recomputes each month with the plan's rule version, then adds every month's new
     * version at once, in force from 00:00 the day after completion (BACK-5). If any month fails, no version is
     * added and the record says why.
     *
     * @param plan the plan, not null
     * @param history the history before, not null
     * @param inputs each month's items and tag history, not null
     * @param calendar cuts days and months, not null
     * @param clock the caller's clock: completion time, not null
     * @param listener hears progress, not null
     * @return the new history and the record, never null
     */
    public static BacktrackOutcome run(
            BacktrackPlan plan,
            AllocationHistory history,
            MonthInputs inputs,
            BillingCalendar calendar,
            Clock clock,
            BacktrackListener listener) {
        Allocator allocator = Allocator.compile(plan.ruleVersion().rules());
        BacktrackRequest r = plan.request();
        return execute(
                recordId("rules", r),
                r,
                plan.months(),
                plan.ruleMonth(),
                plan.ruleVersion().id(),
                month -> recompute(allocator, month, inputs.items(month), inputs.tags(month), calendar),
                history,
                calendar,
                clock,
                listener);
    }

    /**
     * Tag backtracking (BACK-6, BACK-7): recomputes 1 to 12 months, each with the rule set it had (ALLOC-10),
     * but with the resources' current tags: a tag bound now counts as bound throughout those months; a tag since
     * unbound, and every tag of a resource since terminated, keep their values of the time. Only cost allocation
     * versions change: line items, and every other view of them, keep their original tags.
     *
     * @param request the months and the submission, not null
     * @param schedule the rule sets by month, not null
     * @param history the history before, not null
     * @param inputs each month's items and the tag history as it stands at submission, not null
     * @param calendar cuts days and months, not null
     * @param clock the caller's clock, not null
     * @param listener hears progress, not null
     * @return the new history and the record, never null
     * @throws IllegalArgumentException if the months break a limit, as for {@link #plan}
     */
    public static BacktrackOutcome refreshTags(
            BacktrackRequest request,
            RuleSchedule schedule,
            AllocationHistory history,
            MonthInputs inputs,
            BillingCalendar calendar,
            Clock clock,
            BacktrackListener listener) {
        List<BillingMonth> months = months(request, schedule, calendar);
        return execute(
                recordId("tags", request),
                request,
                months,
                calendar.ruleMonth(request.submittedAt()),
                "per month",
                month -> {
                    AllocationRuleSet rules = schedule.ruleSetFor(month);
                    Iterable<LineItem> items = inputs.items(month);
                    TagBindings refreshed =
                            TagRefresh.refresh(inputs.tags(month), resources(items), request.submittedAt());
                    return new Computed(
                            RuleVersion.of(rules).id(),
                            recompute(Allocator.compile(rules), month, items, refreshed, calendar)
                                    .lines());
                },
                history,
                calendar,
                clock,
                listener);
    }

    /**
     * Computes a month with the rule set its schedule gives it and adds it as a new version, in force at once:
     * the regular monthly run that backtracks later revise.
     *
     * @param month the month, not null
     * @param schedule the rule sets by month, not null
     * @param history the history before, not null
     * @param inputs the month's items and tags, not null
     * @param calendar cuts days and months, not null
     * @param clock the caller's clock, not null
     * @return the history with the new version, never null
     */
    public static AllocationHistory computeMonth(
            BillingMonth month,
            RuleSchedule schedule,
            AllocationHistory history,
            MonthInputs inputs,
            BillingCalendar calendar,
            Clock clock) {
        RuleVersion version = RuleVersion.of(schedule.ruleSetFor(month));
        Computed computed =
                recompute(Allocator.compile(version.rules()), month, inputs.items(month), inputs.tags(month), calendar);
        Instant now = clock.instant();
        return history.withVersions(List.of(new MonthVersion(
                month, history.nextNumber(month), version.id(), Optional.empty(), now, now, computed.lines())));
    }

    /** A recomputed month: the rule version id and the canonical lines. */
    private record Computed(String ruleVersion, List<AllocationLine> lines) {}

    private interface MonthComputation {
        Computed compute(BillingMonth month);
    }

    private static Computed recompute(
            Allocator allocator, BillingMonth month, Iterable<LineItem> items, TagBindings tags, BillingCalendar cal) {
        AllocationRun run = allocator.prepare(items, tags);
        List<AllocationLine> lines = new ArrayList<>();
        run.allocateAll(items, cal, row -> lines.add(AllocationLine.of(row)));
        return new Computed(RuleVersion.of(allocator.rules()).id(), MonthVersion.canonical(lines));
    }

    private static BacktrackOutcome execute(
            String id,
            BacktrackRequest request,
            List<BillingMonth> months,
            BillingMonth ruleMonth,
            String ruleVersion,
            MonthComputation computation,
            AllocationHistory history,
            BillingCalendar calendar,
            Clock clock,
            BacktrackListener listener) {
        BacktrackRecord started = new BacktrackRecord(
                id,
                request.operator(),
                request.submittedAt(),
                months,
                ruleMonth,
                ruleVersion,
                BacktrackStatus.IN_PROGRESS,
                Optional.empty(),
                Optional.empty(),
                Optional.empty());
        listener.started(started);
        List<Computed> results = new ArrayList<>();
        try {
            for (int i = 0; i < months.size(); i++) {
                listener.monthStarted(months.get(i), i + 1, months.size());
                results.add(computation.compute(months.get(i)));
                listener.monthDone(months.get(i));
            }
        } catch (RuntimeException e) {
            Instant failedAt = clock.instant();
            BacktrackRecord failed =
                    started.failed(failedAt, "month " + months.get(results.size()) + ": " + e.getMessage());
            listener.finished(failed);
            return new BacktrackOutcome(history.withRecord(failed), failed);
        }
        Instant completedAt = clock.instant();
        Instant effectiveFrom = calendar.dayOf(completedAt)
                .plusDays(1)
                .atStartOfDay(calendar.zone())
                .toInstant();
        List<MonthVersion> versions = new ArrayList<>();
        for (int i = 0; i < months.size(); i++) {
            BillingMonth month = months.get(i);
            versions.add(new MonthVersion(
                    month,
                    history.nextNumber(month),
                    results.get(i).ruleVersion(),
                    Optional.of(id),
                    completedAt,
                    effectiveFrom,
                    results.get(i).lines()));
        }
        BacktrackRecord completed = started.completed(completedAt, effectiveFrom);
        listener.finished(completed);
        return new BacktrackOutcome(history.withVersions(versions).withRecord(completed), completed);
    }

    private static String recordId(String kind, BacktrackRequest r) {
        String text = kind + "|" + r.operator() + "|" + r.submittedAt() + "|" + r.from() + "|" + r.to();
        return "bt-"
                + Hashing.sha256()
                        .hashString(text, StandardCharsets.UTF_8)
                        .toString()
                        .substring(0, 16);
    }

    private static Set<ResourceId> resources(Iterable<LineItem> items) {
        Set<ResourceId> out = new LinkedHashSet<>();
        for (LineItem item : items) {
            item.resourceId().ifPresent(out::add);
        }
        return out;
    }
}
