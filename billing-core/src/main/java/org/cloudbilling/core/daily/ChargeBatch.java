package org.cloudbilling.core.daily;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.cloudbilling.core.bill.LineItem;
import org.cloudbilling.core.id.LineItemId;
import org.cloudbilling.core.time.BillingMonth;

/**
 * One delivery of a month's charges (DAILY-1, DAILY-2): charges new to the month, charges restated by id (the
 * whole new content replaces the old), and ids withdrawn. Each id appears at most once in a batch.
 *
 * @param id the batch id, not null
 * @param kind a day's data, or a recorded adjustment, not null
 * @param month the month the batch belongs to, not null
 * @param currency the currency of every charge, not null
 * @param added charges new to the month, not null
 * @param restated charges that replace the month's charges of the same id, not null
 * @param withdrawn ids of the month's charges that are removed, not null
 */
public record ChargeBatch(
        BatchId id,
        BatchKind kind,
        BillingMonth month,
        Currency currency,
        List<LineItem> added,
        List<LineItem> restated,
        List<LineItemId> withdrawn) {

    /**
     * Checks the components.
     *
     * @throws BatchRefusedException if an id appears twice in the batch
     */
    public ChargeBatch {
        requireNonNull(id, "id");
        requireNonNull(kind, "kind");
        requireNonNull(month, "month");
        requireNonNull(currency, "currency");
        added = ImmutableList.copyOf(added);
        restated = ImmutableList.copyOf(restated);
        withdrawn = ImmutableList.copyOf(withdrawn);
        Set<LineItemId> seen = new HashSet<>();
        for (LineItem item : added) {
            once(id, seen, item.id());
        }
        for (LineItem item : restated) {
            once(id, seen, item.id());
        }
        for (LineItemId w : withdrawn) {
            once(id, seen, w);
        }
    }

    private static void once(BatchId batch, Set<LineItemId> seen, LineItemId item) {
        if (!seen.add(item)) {
            throw new BatchRefusedException(batch, Optional.of(item), "appears twice in the batch");
        }
    }

    /**
     * Returns a day's batch of new charges only.
     *
     * @param id the batch id, not null
     * @param month the month, not null
     * @param currency the currency, not null
     * @param added the charges, not null
     * @return the batch, never null
     */
    public static ChargeBatch daily(BatchId id, BillingMonth month, Currency currency, List<LineItem> added) {
        return new ChargeBatch(id, BatchKind.DAILY, month, currency, added, List.of(), List.of());
    }

    /** Returns the number of charges and ids the batch carries. */
    public int size() {
        return added.size() + restated.size() + withdrawn.size();
    }
}
