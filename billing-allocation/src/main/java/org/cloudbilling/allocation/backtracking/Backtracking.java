package org.cloudbilling.allocation.backtracking;

import static java.util.Objects.requireNonNull;

import com.google.common.hash.Hashing;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import org.cloudbilling.allocation.AllocationRuleSet;
import org.cloudbilling.allocation.AllocationRun;
import org.cloudbilling.allocation.Allocator;
import org.cloudbilling.allocation.RuleId;
import org.cloudbilling.allocation.RuleSchedule;
import org.cloudbilling.allocation.UnitId;
import org.cloudbilling.core.bill.LineItem;
import org.cloudbilling.core.bill.TagBindings;
import org.cloudbilling.core.id.ResourceId;
import org.cloudbilling.core.time.BillingCalendar;
import org.cloudbilling.core.time.BillingMonth;

/**
 * Recomputes past months with today's rules and keeps every earlier version (BACK-1..9).
 *
 * <pre>{@code
 * BacktrackPlan plan = Backtracking.plan(
 *         new BacktrackRequest(operator, now, BillingMonth.of(2024, 8), BillingMonth.of(2024, 12)), schedule, calendar);
 * BacktrackOutcome submitted = Backtracking.submit(plan, history);      // in progress, for the host to store
 * BacktrackOutcome done = Backtracking.run(plan, submitted.history(), inputs, calendar, clock, BacktrackListener.NONE);
 * VersionDiff october = VersionDiff.between(
 *         done.history().version(oct, 1), done.history().latest(oct).orElseThrow(), cny);
 * }</pre>
 *
 * <p>Every function is pure: the clock, the calendar, the month data and the history come in as arguments,
 * and a new history comes out. A backtrack that fails in any month changes no month (BACK-4: never a mix). A
 * request is identified by its operator, submission time and months: run again after it completed, it changes
 * nothing (BACK-9).
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
     * Records a planned backtrack as in progress ("Reviewing", BACK-4) before any month is computed, so that the
     * host can store the history with it; {@link #run} then replaces that record with the completed or failed one
     * (BACK-9).
     *
     * <pre>{@code
     * BacktrackOutcome submitted = Backtracking.submit(plan, history);
     * store.save(HistoryJson.write(submitted.history()));          // the record says IN_PROGRESS
     * BacktrackOutcome done = Backtracking.run(plan, submitted.history(), inputs, calendar, clock, listener);
     * store.save(HistoryJson.write(done.history()));               // COMPLETED, or FAILED with the reason
     * }</pre>
     *
     * <p>A request already recorded as in progress or completed is left as it is, and its record returned; a
     * failed one is recorded as in progress again (a retry).
     *
     * @param plan the plan, not null
     * @param history the history before, not null
     * @return the history with the request's record, and that record, never null
     */
    public static BacktrackOutcome submit(BacktrackPlan plan, AllocationHistory history) {
        return submitted(runRecord(plan), history);
    }

    /**
     * Runs a planned backtrack: recomputes each month with the plan's rule version, then adds every month's new
     * version at once, in force from 00:00 the day after completion (BACK-5). If any month fails, no version is
     * added and the record says why.
     *
     * <p>A request is identified by its operator, submission time and months (its record id). Replaying a request
     * whose record in {@code history} is completed changes nothing (BACK-9): no month is computed, no version is
     * added, the history and the completed record are returned as they are, and the listener hears only
     * {@link BacktrackListener#finished}. A request recorded as in progress (see {@link #submit}) or as failed is
     * run, and its record replaced by the completed or failed one; a completed record is never rewritten.
     *
     * @param plan the plan, not null
     * @param history the history before, not null
     * @param inputs each month's items and tag history, not null
     * @param calendar cuts days and months, not null
     * @param clock the caller's clock: completion time, not null
     * @param listener hears progress, not null
     * @return the new history and the record, never null
     * @throws IllegalArgumentException if the request's record is completed with another rule version than the
     *     plan's: the plan was made from another rule schedule
     */
    public static BacktrackOutcome run(
            BacktrackPlan plan,
            AllocationHistory history,
            MonthInputs inputs,
            BillingCalendar calendar,
            Clock clock,
            BacktrackListener listener) {
        BacktrackRecord record = runRecord(plan);
        Optional<BacktrackOutcome> done = replay(record, history, listener);
        if (done.isPresent()) {
            return done.get();
        }
        Allocator allocator = Allocator.compile(plan.ruleVersion().rules());
        return execute(
                record,
                month -> new Computed(
                        plan.ruleVersion().id(), recompute(allocator, inputs.items(month), inputs.tags(month))),
                history,
                calendar,
                clock,
                listener);
    }

    private static BacktrackRecord runRecord(BacktrackPlan plan) {
        BacktrackRequest r = plan.request();
        return inProgress(
                recordId("rules", r),
                r,
                plan.months(),
                plan.ruleMonth(),
                plan.ruleVersion().id());
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
        BacktrackRecord record = tagRecord(request, schedule, calendar);
        Optional<BacktrackOutcome> done = replay(record, history, listener);
        if (done.isPresent()) {
            return done.get();
        }
        return execute(
                record,
                month -> {
                    AllocationRuleSet rules = schedule.ruleSetFor(month);
                    Iterable<LineItem> items = inputs.items(month);
                    TagBindings refreshed =
                            TagRefresh.refresh(inputs.tags(month), resources(items), request.submittedAt());
                    return new Computed(
                            RuleVersion.of(rules).id(), recompute(Allocator.compile(rules), items, refreshed));
                },
                history,
                calendar,
                clock,
                listener);
    }

    /**
     * Records a tag backtrack as in progress before any month is computed, as {@link #submit(BacktrackPlan,
     * AllocationHistory)} does for a rule backtrack; {@link #refreshTags} with the same request then replaces the
     * record (BACK-9).
     *
     * @param request the months and the submission, not null
     * @param schedule the rule sets by month, not null
     * @param history the history before, not null
     * @param calendar cuts days and months, not null
     * @return the history with the request's record, and that record, never null
     * @throws IllegalArgumentException if the months break a limit, as for {@link #plan}
     */
    public static BacktrackOutcome submitTagRefresh(
            BacktrackRequest request, RuleSchedule schedule, AllocationHistory history, BillingCalendar calendar) {
        return submitted(tagRecord(request, schedule, calendar), history);
    }

    private static BacktrackRecord tagRecord(BacktrackRequest request, RuleSchedule schedule, BillingCalendar cal) {
        List<BillingMonth> months = months(request, schedule, cal);
        return inProgress(recordId("tags", request), request, months, cal.ruleMonth(request.submittedAt()), PER_MONTH);
    }

    /** The rule version a tag backtrack's record names: each month keeps the rule set it had. */
    private static final String PER_MONTH = "per month";

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
     * @throws IllegalArgumentException if an item of the month is in another currency than in the month's earlier
     *     versions (an item keeps its currency; a month may hold items in several currencies)
     */
    public static AllocationHistory computeMonth(
            BillingMonth month,
            RuleSchedule schedule,
            AllocationHistory history,
            MonthInputs inputs,
            BillingCalendar calendar,
            Clock clock) {
        RuleVersion version = RuleVersion.of(schedule.ruleSetFor(month));
        List<AllocationLine> lines =
                recompute(Allocator.compile(version.rules()), inputs.items(month), inputs.tags(month));
        Instant now = clock.instant();
        return history.withVersions(List.of(
                new MonthVersion(month, history.nextNumber(month), version.id(), Optional.empty(), now, now, lines)));
    }

    /** A recomputed month: the rule version id and the canonical lines. */
    private record Computed(String ruleVersion, List<AllocationLine> lines) {}

    private interface MonthComputation {
        Computed compute(BillingMonth month);
    }

    /**
     * Returns the canonical lines of a month's items allocated by {@code allocator}. The lines of a unit share one
     * {@code Optional} of it, and those of a rule one of the rule: a month's lines stay in memory until every month
     * of the backtrack is done, and a present {@code Optional} per line would double what they hold beside their
     * amounts.
     */
    private static List<AllocationLine> recompute(Allocator allocator, Iterable<LineItem> items, TagBindings tags) {
        AllocationRun run = allocator.prepare(items, tags);
        List<AllocationLine> lines = new ArrayList<>();
        Map<UnitId, Optional<UnitId>> units = new HashMap<>();
        Map<RuleId, Optional<RuleId>> rules = new HashMap<>();
        run.allocateAll(
                items,
                row -> lines.add(new AllocationLine(
                        row.item().id(),
                        shared(units, row.unit()),
                        row.type(),
                        row.amount(),
                        shared(rules, row.rule()))));
        return MonthVersion.canonical(lines);
    }

    /** Returns the {@code Optional} of {@code id}'s value that {@code seen} holds, holding {@code id} if none. */
    private static <T> Optional<T> shared(Map<T, Optional<T>> seen, Optional<T> id) {
        if (id.isEmpty()) {
            return id;
        }
        Optional<T> had = seen.putIfAbsent(id.get(), id);
        return had == null ? id : had;
    }

    private static BacktrackRecord inProgress(
            String id,
            BacktrackRequest request,
            List<BillingMonth> months,
            BillingMonth ruleMonth,
            String ruleVersion) {
        return new BacktrackRecord(
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
    }

    private static BacktrackOutcome submitted(BacktrackRecord record, AllocationHistory history) {
        requireNonNull(history, "history");
        Optional<BacktrackRecord> earlier = history.record(record.id());
        if (earlier.isPresent() && earlier.get().status() != BacktrackStatus.FAILED) {
            return new BacktrackOutcome(history, earlier.get());
        }
        return new BacktrackOutcome(history.withRecord(record), record);
    }

    /** The outcome of a request whose record is completed, unchanged; empty when the request is to be run. */
    private static Optional<BacktrackOutcome> replay(
            BacktrackRecord record, AllocationHistory history, BacktrackListener listener) {
        requireNonNull(history, "history");
        requireNonNull(listener, "listener");
        Optional<BacktrackRecord> earlier = history.record(record.id());
        if (earlier.isEmpty() || earlier.get().status() != BacktrackStatus.COMPLETED) {
            return Optional.empty();
        }
        BacktrackRecord completed = earlier.get();
        if (!completed.ruleVersion().equals(record.ruleVersion())) {
            throw new IllegalArgumentException("backtrack " + completed.id() + " was completed with rule version "
                    + completed.ruleVersion() + ", but this plan has " + record.ruleVersion()
                    + ": a completed backtrack is never rewritten; submit a new request");
        }
        listener.finished(completed);
        return Optional.of(new BacktrackOutcome(history, completed));
    }

    private static BacktrackOutcome execute(
            BacktrackRecord started,
            MonthComputation computation,
            AllocationHistory history,
            BillingCalendar calendar,
            Clock clock,
            BacktrackListener listener) {
        List<BillingMonth> months = started.months();
        listener.started(started);
        BillingMonth current = months.get(0);
        AllocationHistory after;
        BacktrackRecord completed;
        // months are independent: computed in parallel, then heard and checked in order, so that the outcome, the
        // listener's events and the first failing month are those of computing them one after another
        Object[] computed = eachMonth(months.size(), i -> computation.compute(months.get(i)));
        try {
            for (int i = 0; i < months.size(); i++) {
                current = months.get(i);
                listener.monthStarted(current, i + 1, months.size());
                resultOf(computed[i]);
                listener.monthDone(current);
            }
            Instant completedAt = clock.instant();
            Instant effectiveFrom = calendar.dayOf(completedAt)
                    .plusDays(1)
                    .atStartOfDay(calendar.zone())
                    .toInstant();
            completed = started.completed(completedAt, effectiveFrom);
            // each month's version is made and checked against the month's earlier versions in parallel as well
            // (the lines are copied and checked, the items' currencies compared): the first failing month is still
            // the one a month-by-month check finds first
            Object[] made = eachMonth(months.size(), i -> {
                Computed c = (Computed) computed[i];
                MonthVersion version = new MonthVersion(
                        months.get(i),
                        history.nextNumber(months.get(i)),
                        c.ruleVersion(),
                        Optional.of(started.id()),
                        completedAt,
                        effectiveFrom,
                        c.lines());
                history.checkItemCurrencies(version);
                return version;
            });
            List<MonthVersion> versions = new ArrayList<>();
            for (int i = 0; i < months.size(); i++) {
                current = months.get(i);
                versions.add((MonthVersion) resultOf(made[i]));
            }
            after = history.withBacktrack(versions, completed);
        } catch (RuntimeException e) {
            BacktrackRecord failed = started.failed(clock.instant(), "month " + current + ": " + e.getMessage());
            listener.finished(failed);
            return new BacktrackOutcome(history.withRecord(failed), failed);
        }
        listener.finished(completed);
        return new BacktrackOutcome(after, completed);
    }

    /**
     * Runs {@code work} for months {@code 0..count-1} in parallel; each slot holds the month's result, or the
     * {@link RuntimeException} it threw.
     */
    private static Object[] eachMonth(int count, IntFunction<Object> work) {
        Object[] out = new Object[count];
        IntStream.range(0, count).parallel().forEach(i -> {
            try {
                out[i] = work.apply(i);
            } catch (RuntimeException e) {
                out[i] = e;
            }
        });
        return out;
    }

    /** Returns a slot of {@link #eachMonth}: the result, or throws what the month threw. */
    private static Object resultOf(Object slot) {
        if (slot instanceof RuntimeException e) {
            throw e;
        }
        return slot;
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
