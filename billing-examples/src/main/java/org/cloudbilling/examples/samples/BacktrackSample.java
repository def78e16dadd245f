package org.cloudbilling.examples.samples;

import static org.cloudbilling.examples.samples.SampleItems.item;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Set;
import org.cloudbilling.allocation.AllocationDimension;
import org.cloudbilling.allocation.AllocationRule;
import org.cloudbilling.allocation.AllocationRuleSet;
import org.cloudbilling.allocation.AllocationUnit;
import org.cloudbilling.allocation.Condition;
import org.cloudbilling.allocation.RuleSchedule;
import org.cloudbilling.allocation.backtracking.AllocationHistory;
import org.cloudbilling.allocation.backtracking.BacktrackListener;
import org.cloudbilling.allocation.backtracking.BacktrackOutcome;
import org.cloudbilling.allocation.backtracking.BacktrackPlan;
import org.cloudbilling.allocation.backtracking.BacktrackRequest;
import org.cloudbilling.allocation.backtracking.Backtracking;
import org.cloudbilling.allocation.backtracking.MonthInputs;
import org.cloudbilling.allocation.backtracking.VersionDiff;
import org.cloudbilling.core.bill.LineItem;
import org.cloudbilling.core.bill.TagBindings;
import org.cloudbilling.core.id.OperatorUin;
import org.cloudbilling.core.id.TagKey;
import org.cloudbilling.core.time.BillingCalendar;
import org.cloudbilling.core.time.BillingMonth;

/**
 * Backtracking three months after a rule change: August to October were allocated by product; in November a tag
 * rule and a rule for the CDN are added, and the three months are recomputed with them. Prints what changed.
 */
public final class BacktrackSample {
    private BacktrackSample() {}

    /**
     * Prints the sample's output.
     *
     * @param args none
     */
    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        run(out);
        out.flush();
    }

    static void run(PrintWriter out) {
        BillingCalendar calendar = BillingCalendar.UTC;
        TagKey team = TagKey.of("team");
        List<AllocationUnit> units = List.of(
                AllocationUnit.root("acme", "Acme"),
                AllocationUnit.child("web", "Web", "acme"),
                AllocationUnit.child("data", "Data", "acme"));
        AllocationRule compute =
                AllocationRule.of("r-cvm", "web", Condition.in(AllocationDimension.BUSINESS_CODE, "p_cvm"));
        AllocationRule storage =
                AllocationRule.of("r-cos", "data", Condition.in(AllocationDimension.BUSINESS_CODE, "p_cos"));
        AllocationRuleSet v1 = AllocationRuleSet.of(units, List.of(compute, storage), List.of(), Set.of(team));
        AllocationRuleSet v2 = AllocationRuleSet.of(
                units,
                List.of(
                        AllocationRule.of("r-team-data", "data", Condition.tagIn(team, "data")),
                        compute,
                        storage,
                        AllocationRule.of("r-cdn", "data", Condition.in(AllocationDimension.BUSINESS_CODE, "p_cdn"))),
                List.of(),
                Set.of(team));

        // Activated on 10 August with V1; V2 in force from November.
        RuleSchedule schedule = RuleSchedule.activated(Instant.parse("2024-08-10T00:00:00Z"), calendar, v1)
                .withRuleSet(BillingMonth.of(2024, 11), v2);
        MonthInputs inputs = new MonthInputs() {
            @Override
            public Iterable<LineItem> items(BillingMonth month) {
                String m = month.toString();
                return List.of(
                        item(m + "-cvm-web", "100", "p_cvm", m + "-10T00:00:00Z", "100.00", "web"),
                        item(m + "-cvm-data", "100", "p_cvm", m + "-10T00:00:00Z", "80.00", "data"),
                        item(m + "-cos", "100", "p_cos", m + "-10T00:00:00Z", "40.00", null),
                        item(m + "-cdn", "100", "p_cdn", m + "-10T00:00:00Z", "25.00", null));
            }

            @Override
            public TagBindings tags(BillingMonth month) {
                return TagBindings.empty();
            }
        };

        // Each month was computed on the 1st of the next month with the rules it had.
        List<BillingMonth> months =
                List.of(BillingMonth.of(2024, 8), BillingMonth.of(2024, 9), BillingMonth.of(2024, 10));
        AllocationHistory history = AllocationHistory.empty();
        for (BillingMonth m : months) {
            Clock firstOfNext = Clock.fixed(calendar.start(m.next()), ZoneOffset.UTC);
            history = Backtracking.computeMonth(m, schedule, history, inputs, calendar, firstOfNext);
        }

        // On 5 November an operator asks to recompute August to October: the rules of November (V2) apply.
        Instant submitted = Instant.parse("2024-11-05T02:00:00Z");
        BacktrackPlan plan = Backtracking.plan(
                new BacktrackRequest(OperatorUin.of("ops-1"), submitted, months.get(0), months.get(2)),
                schedule,
                calendar);
        Clock completion = Clock.fixed(Instant.parse("2024-11-05T03:00:00Z"), ZoneOffset.UTC);
        BacktrackOutcome done = Backtracking.run(plan, history, inputs, calendar, completion, BacktrackListener.NONE);

        out.println("Backtrack of " + plan.months() + " with the rules of " + plan.ruleMonth() + ": "
                + done.record().status() + ", in force from "
                + done.record().effectiveFrom().orElseThrow());
        Currency cny = Currency.getInstance("CNY");
        for (BillingMonth m : months) {
            VersionDiff diff = VersionDiff.between(
                    done.history().version(m, 1), done.history().version(m, 2), cny);
            List<String> changes = new ArrayList<>();
            for (VersionDiff.UnitChange c : diff.units()) {
                changes.add(c.unit().map(u -> u.value()).orElse("Unallocated") + " "
                        + c.before().amount() + " -> " + c.after().amount() + " ("
                        + c.change().amount() + ")");
            }
            out.println(m + ": " + String.join("; ", changes) + "; total change "
                    + diff.totalChange().amount());
        }
    }
}
