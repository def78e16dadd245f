package org.cloudbilling.allocation.backtracking;

import org.cloudbilling.core.bill.LineItem;
import org.cloudbilling.core.bill.TagBindings;
import org.cloudbilling.core.time.BillingMonth;

/**
 * Where a recomputation gets a month's data: the host application reads its store. May be called more than
 * once per month, and the items are iterated up to twice (see {@code Allocator.prepare}). A backtrack computes its
 * months in parallel, so an implementation is called from several threads at once, for different months.
 */
public interface MonthInputs {
    /** Returns the line items of {@code month}. */
    Iterable<LineItem> items(BillingMonth month);

    /** Returns the resources' tag history, as it stands now, covering {@code month}. */
    TagBindings tags(BillingMonth month);
}
