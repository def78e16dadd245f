package org.cloudbilling.allocation;

import java.time.Instant;
import java.util.Map;
import org.cloudbilling.core.bill.LineItem;
import org.cloudbilling.core.bill.TagBindings;
import org.cloudbilling.core.id.TagKey;

/**
 * The values of one line item that rules test: its plain dimensions and its tags at the allocation instant.
 *
 * <p>The tags are those the resource carried at the item's deduction time, or at the start of its fee period
 * when it has none, as the tag history says; when the history knows nothing of the resource (or the item has
 * no resource), the tags the bill shows on the item are used.
 *
 * <p>Plain values are read on first use. Confined to the thread allocating the item.
 */
final class ItemView {
    final LineItem item;
    /**
     * The plain values read so far, by dimension ordinal; read on first use, as most rules test few. Only the
     * entries {@link #read} marks are this item's: the array may be the matching scratch's, left as another view
     * filled it.
     */
    private final String[] values;

    /** How many plain dimensions there are (not {@code values().length}: that copies the constants for each view). */
    private static final int DIMENSIONS = AllocationDimension.values().length;

    private int read;
    final Map<TagKey, String> tags;
    /** Scratch for matching, lent by the thread's placement cache; null to allocate it for this item. */
    final RuleIndex.MatchScratch scratch;

    ItemView(LineItem item, TagBindings history) {
        this.item = item;
        this.tags = tagsOf(item, history);
        this.scratch = null;
        this.values = new String[DIMENSIONS];
    }

    /**
     * A view of {@code item} whose values the caller has read already: {@code tags} are the item's tags at its
     * allocation instant under the keys some rule tests (the others no rule reads), and {@code values}, beside
     * {@code dimensions}, the item's values of those plain dimensions (null for none), as {@link #value} would read
     * them. {@code scratch}, of the calling thread, is used for matching the item (or null).
     */
    ItemView(
            LineItem item,
            Map<TagKey, String> tags,
            AllocationDimension[] dimensions,
            String[] values,
            RuleIndex.MatchScratch scratch) {
        this.item = item;
        this.tags = tags;
        this.scratch = scratch;
        this.values = scratch == null ? new String[DIMENSIONS] : scratch.values;
        for (int d = 0; d < dimensions.length; d++) {
            int ordinal = dimensions[d].ordinal();
            this.values[ordinal] = values[d];
            read |= 1 << ordinal;
        }
    }

    static Instant tagInstant(LineItem item) {
        return item.deductionTime().orElse(item.feePeriod().start());
    }

    private static Map<TagKey, String> tagsOf(LineItem item, TagBindings history) {
        if (item.resourceId().isPresent()
                && !history.bindingsOf(item.resourceId().get()).isEmpty()) {
            return history.tagsAt(item.resourceId().get(), tagInstant(item));
        }
        return item.tags();
    }

    /** Returns the value of a plain dimension, or null when the item has none. */
    String value(AllocationDimension dimension) {
        int bit = 1 << dimension.ordinal();
        if ((read & bit) == 0) {
            values[dimension.ordinal()] = dimension.valueOf(item);
            read |= bit;
        }
        return values[dimension.ordinal()];
    }
}
