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
    /**
     * The item's tags at its allocation instant, or null when the view has its values under the allocator's key tags
     * instead ({@link #keyTags}): read them with {@link #tag}.
     */
    final Map<TagKey, String> tags;
    /**
     * The item's values under the allocator's key tags ({@code Allocator.keyTags}), in their order from
     * {@link #keyTagsFrom} on (null for none); or null when the view has {@link #tags}.
     */
    private final String[] keyTags;

    private final int keyTagsFrom;
    /** Scratch for matching, lent by the thread's placement cache; null to allocate it for this item. */
    final RuleIndex.MatchScratch scratch;

    ItemView(LineItem item, TagBindings history) {
        this.item = item;
        this.tags = tagsOf(item, history);
        this.keyTags = null;
        this.keyTagsFrom = 0;
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
        this(item, tags, dimensions, values, scratch, -1);
    }

    /**
     * A view of {@code item} from its placement key ({@link PlacementCache}): {@code key} holds the item's values of
     * the allocator's key dimensions ({@code dimensions}), then its tag values under the allocator's key tags, in
     * their order (null for none). No map of tags is made: the rules read the tags by their key's place.
     */
    ItemView(LineItem item, AllocationDimension[] dimensions, String[] key, RuleIndex.MatchScratch scratch) {
        this(item, null, dimensions, key, scratch, dimensions.length);
    }

    private ItemView(
            LineItem item,
            Map<TagKey, String> tags,
            AllocationDimension[] dimensions,
            String[] values,
            RuleIndex.MatchScratch scratch,
            int keyTagsFrom) {
        this.item = item;
        this.tags = tags;
        this.keyTags = keyTagsFrom < 0 ? null : values;
        this.keyTagsFrom = Math.max(0, keyTagsFrom);
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

    /**
     * Returns the item's value of tag {@code key}, at place {@code slot} among the allocator's key tags (-1 when it is
     * not one of them: the view then has its tags, not a key), or null when the item has no such tag.
     */
    String tag(int slot, TagKey key) {
        return keyTags != null ? keyTags[keyTagsFrom + slot] : tags.get(key);
    }

    /** Whether the item may have a tag a rule reads: false only when it has no tag at all. */
    boolean mayHaveTags() {
        return keyTags != null || !tags.isEmpty();
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
