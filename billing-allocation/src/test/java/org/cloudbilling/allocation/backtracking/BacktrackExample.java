package org.cloudbilling.allocation.backtracking;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.cloudbilling.allocation.AllocationDimension;
import org.cloudbilling.allocation.AllocationRule;
import org.cloudbilling.allocation.AllocationRuleSet;
import org.cloudbilling.allocation.AllocationUnit;
import org.cloudbilling.allocation.Condition;
import org.cloudbilling.allocation.RuleSchedule;
import org.cloudbilling.core.bill.ActionType;
import org.cloudbilling.core.bill.LineItem;
import org.cloudbilling.core.bill.PayMode;
import org.cloudbilling.core.bill.TagBindings;
import org.cloudbilling.core.id.BusinessCode;
import org.cloudbilling.core.id.LineItemId;
import org.cloudbilling.core.id.OwnerUin;
import org.cloudbilling.core.id.PayerUin;
import org.cloudbilling.core.id.ResourceId;
import org.cloudbilling.core.id.TagKey;
import org.cloudbilling.core.money.Money;
import org.cloudbilling.core.time.BillingCalendar;
import org.cloudbilling.core.time.BillingMonth;
import org.cloudbilling.core.time.Interval;

/**
 * The worked example of docs/backtracking.md: Acme's rules change in November; in January, August through
 * December are recomputed with them.
 */
final class BacktrackExample {
    private BacktrackExample() {}

    static final BillingCalendar CAL = BillingCalendar.TENCENT;
    static final TagKey TEAM = TagKey.of("team");
    static final List<AllocationUnit> UNITS = List.of(
            AllocationUnit.root("acme", "Acme"),
            AllocationUnit.child("web", "Web", "acme"),
            AllocationUnit.child("data", "Data", "acme"));

    /** August to October: compute goes to web, storage to data, the CDN is not covered. */
    static final AllocationRuleSet V1 = AllocationRuleSet.of(
            UNITS,
            List.of(
                    AllocationRule.of("r-web", "web", Condition.in(AllocationDimension.BUSINESS_CODE, "p_cvm")),
                    AllocationRule.of("r-data", "data", Condition.in(AllocationDimension.BUSINESS_CODE, "p_cos"))),
            List.of(),
            Set.of(TEAM));

    /** From November: compute tagged team=data goes to data (first), and the CDN to data too. */
    static final AllocationRuleSet V2 = AllocationRuleSet.of(
            UNITS,
            List.of(
                    AllocationRule.of("r-data-tag", "data", Condition.tagIn(TEAM, "data")),
                    AllocationRule.of("r-web", "web", Condition.in(AllocationDimension.BUSINESS_CODE, "p_cvm")),
                    AllocationRule.of("r-data", "data", Condition.in(AllocationDimension.BUSINESS_CODE, "p_cos")),
                    AllocationRule.of("r-data-cdn", "data", Condition.in(AllocationDimension.BUSINESS_CODE, "p_cdn"))),
            List.of(),
            Set.of(TEAM));

    static final RuleSchedule SCHEDULE = RuleSchedule.activated(Instant.parse("2024-08-10T02:00:00Z"), CAL, V1)
            .withRuleSet(BillingMonth.of(2024, 11), V2);

    /** Every month has the same four items, dated the 15th. */
    static List<LineItem> items(BillingMonth month) {
        Instant start = CAL.start(month).plusSeconds(14L * 86_400 + 3600);
        List<LineItem> items = new ArrayList<>();
        items.add(item(month, "cvm-web", "p_cvm", "ins-1", "web", "100.00", start));
        items.add(item(month, "cvm-data", "p_cvm", "ins-2", "data", "80.00", start));
        items.add(item(month, "cos", "p_cos", "bucket-1", null, "40.00", start));
        items.add(item(month, "cdn", "p_cdn", "cdn-1", null, "25.00", start));
        return items;
    }

    static LineItem item(
            BillingMonth month, String id, String product, String resource, String team, String total, Instant start) {
        return item(month, id, product, resource, team, total, "CNY", start);
    }

    /** An item in {@code currency}, owned and paid for by account 100. */
    static LineItem item(
            BillingMonth month,
            String id,
            String product,
            String resource,
            String team,
            String total,
            String currency,
            Instant start) {
        LineItem.Builder b = LineItem.builder()
                .id(LineItemId.of(month + "-" + id))
                .ownerUin(OwnerUin.of("100"))
                .payerUin(PayerUin.of("100"))
                .businessCode(BusinessCode.of(product))
                .resourceId(ResourceId.of(resource))
                .payMode(PayMode.POSTPAID)
                .actionType(ActionType.USAGE)
                .feePeriod(Interval.of(start, start.plusSeconds(3600)))
                .listCost(Money.of(currency, total))
                .totalCost(Money.of(currency, total));
        if (team != null) {
            b.putTag(TEAM, team);
        }
        return b.build();
    }

    static final MonthInputs INPUTS = new MonthInputs() {
        @Override
        public Iterable<LineItem> items(BillingMonth month) {
            return BacktrackExample.items(month);
        }

        @Override
        public TagBindings tags(BillingMonth month) {
            return TagBindings.empty();
        }
    };

    /** The inputs of {@link #INPUTS}, but the items of {@code failing} cannot be read: they throw {@code message}. */
    static MonthInputs failingIn(BillingMonth failing, String message) {
        return new MonthInputs() {
            @Override
            public Iterable<LineItem> items(BillingMonth month) {
                if (month.equals(failing)) {
                    throw new IllegalStateException(message);
                }
                return BacktrackExample.items(month);
            }

            @Override
            public TagBindings tags(BillingMonth month) {
                return TagBindings.empty();
            }
        };
    }

    /** A clock stopped at {@code instant}. */
    /**
     * Runs {@code plan} over {@code history} on {@code inputs} in the example's calendar, at 03:00 UTC on 10 January
     * 2025.
     */
    static BacktrackOutcome runOnJan10(
            BacktrackPlan plan, AllocationHistory history, MonthInputs inputs, BacktrackListener listener) {
        return Backtracking.run(plan, history, inputs, CAL, at("2025-01-10T03:00:00Z"), listener);
    }

    static Clock at(String instant) {
        return Clock.fixed(Instant.parse(instant), ZoneOffset.UTC);
    }

    /** August to December computed month by month, each on the 1st of the next month (UTC+8), by its own rules. */
    static AllocationHistory regularRuns() {
        AllocationHistory h = AllocationHistory.empty();
        for (BillingMonth m = BillingMonth.of(2024, 8); !m.isAfter(BillingMonth.of(2024, 12)); m = m.next()) {
            h = Backtracking.computeMonth(
                    m, SCHEDULE, h, INPUTS, CAL, Clock.fixed(CAL.start(m.next()), ZoneOffset.UTC));
        }
        return h;
    }
}
