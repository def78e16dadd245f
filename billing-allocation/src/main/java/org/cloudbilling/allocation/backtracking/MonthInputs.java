package org.cloudbilling.allocation.backtracking;

import org.cloudbilling.core.bill.LineItem;
import org.cloudbilling.core.bill.TagBindings;
import org.cloudbilling.core.time.BillingMonth;

/**
 * Where a recomputation gets a month's data: the host application reads its store. May be called more than
 * once per month, and the items are iterated up to twice (see {@code Allocator.prepare}).
 */
public interface MonthInputs {
    /** Returns the line items of {@code month}. */
    Iterable<LineItem> items(BillingMonth month);

    /** Returns the resources' tag history, as it stands now, covering {@code month}. */
    TagBindings tags(BillingMonth month);
}
