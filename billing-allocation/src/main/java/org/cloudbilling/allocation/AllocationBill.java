package org.cloudbilling.allocation;

import com.google.common.collect.ImmutableList;
import org.cloudbilling.core.bill.LineItem;
import org.cloudbilling.core.bill.TagBindings;
import org.cloudbilling.core.id.LineItemId;

/**
 * A month's cost allocation bill held in memory: every allocated row, the summary, and explanations.
 * Immutable.
 */
public final class AllocationBill {
    private final AllocationRun run;
    private final TagBindings tags;
    private final ImmutableList<LineItem> items;
    private final ImmutableList<AllocatedRow> rows;
    private final AllocationSummary summary;

    AllocationBill(
            AllocationRun run,
            TagBindings tags,
            ImmutableList<LineItem> items,
            ImmutableList<AllocatedRow> rows,
            AllocationSummary summary) {
        this.run = run;
        this.tags = tags;
        this.items = items;
        this.rows = rows;
        this.summary = summary;
    }

    /** Returns every row, item by item in input order, never null. */
    public ImmutableList<AllocatedRow> rows() {
        return rows;
    }

    /** Returns the totals, never null. */
    public AllocationSummary summary() {
        return summary;
    }

    /** Returns the run that produced the bill, with its proportional bases, never null. */
    public AllocationRun run() {
        return run;
    }

    /**
     * Explains where the item {@code id} went and why.
     *
     * @param id an item of this bill, not null
     * @return the explanation, never null
     * @throws IllegalArgumentException if the bill has no such item
     */
    public Explanation explain(LineItemId id) {
        for (LineItem item : items) {
            if (item.id().equals(id)) {
                return run.allocator().explain(item, tags);
            }
        }
        throw new IllegalArgumentException("the allocation bill has no line item " + id);
    }

    /**
     * Returns the rows of the item {@code id}; they add up to its total cost.
     *
     * @param id an item of this bill, not null
     * @return its rows, empty when the bill has no such item
     */
    public ImmutableList<AllocatedRow> rowsOf(LineItemId id) {
        return rows.stream().filter(r -> r.item().id().equals(id)).collect(ImmutableList.toImmutableList());
    }
}
