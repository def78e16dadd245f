package org.cloudbilling.allocation;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import java.util.List;
import org.cloudbilling.core.bill.LineItem;
import org.cloudbilling.core.bill.TagBindings;
import org.cloudbilling.core.time.BillingCalendar;

/**
 * Allocates a month of line items in one call, keeping every row: the simplest way in, for months that fit
 * in memory. For streams of any size, use {@link Allocator} and {@link AllocationRun} directly.
 *
 * <pre>{@code
 * AllocationBill bill = Allocation.allocate(ruleSet, items, tagHistory, BillingCalendar.TENCENT);
 * bill.summary().unitTotal(UnitId.of("web"), UnitScope.WITH_SUBTREE, cny);
 * bill.explain(LineItemId.of("li-42")).text();
 * }</pre>
 */
public final class Allocation {
    private Allocation() {}

    /**
     * Allocates {@code items}, one billing month, by {@code rules}.
     *
     * @param rules the rule set in force for the month, not null
     * @param items the month's items, not null
     * @param tags the resources' tag history, not null
     * @param calendar cuts days and months for the summaries, not null
     * @return the cost allocation bill, never null
     */
    public static AllocationBill allocate(
            AllocationRuleSet rules, List<LineItem> items, TagBindings tags, BillingCalendar calendar) {
        requireNonNull(calendar, "calendar");
        AllocationRun run = Allocator.compile(rules).prepare(items, tags);
        ImmutableList.Builder<AllocatedRow> rows = ImmutableList.builder();
        AllocationSummary summary = run.allocateAll(items, calendar, rows::add);
        return new AllocationBill(run, tags, ImmutableList.copyOf(items), rows.build(), summary);
    }
}
