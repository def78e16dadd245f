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
 */
final class ItemView {
    private static final AllocationDimension[] PLAIN = plainDimensions();

    final LineItem item;
    private final String[] values = new String[AllocationDimension.values().length];
    final Map<TagKey, String> tags;

    ItemView(LineItem item, TagBindings history) {
        this.item = item;
        for (AllocationDimension d : PLAIN) {
            values[d.ordinal()] = d.valueOf(item);
        }
        this.tags = tagsOf(item, history);
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
        return values[dimension.ordinal()];
    }

    static AllocationDimension[] plainDimensions() {
        return java.util.Arrays.stream(AllocationDimension.values())
                .filter(d -> d != AllocationDimension.TAG)
                .toArray(AllocationDimension[]::new);
    }
}
