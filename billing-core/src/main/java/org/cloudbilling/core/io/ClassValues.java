package org.cloudbilling.core.io;

import java.util.Map;
import org.cloudbilling.core.bill.LineItemField;
import org.cloudbilling.core.id.TagKey;

/**
 * The values of a row's class fields ({@link CostClassCollector#classFields()}) as a reader knows them before it
 * makes the row's item: what {@link CostClassCollector#classOf(ClassValues)} is given, valid during that call only.
 */
public interface ClassValues {
    /**
     * Returns the item's value of class field {@code field} as {@link LineItemField#text} gives it, or null when
     * the item has none.
     *
     * @param field a class field other than {@link LineItemField#TAGS}, not null
     * @return the value as text, or null
     * @throws IllegalArgumentException if {@code field} is not a class field, or is {@link LineItemField#TAGS}
     */
    String text(LineItemField field);

    /**
     * Returns the item's tags, never null: empty when the item has none, or when {@link LineItemField#TAGS} is not
     * a class field.
     */
    Map<TagKey, String> tags();

    /**
     * Returns the item's value of tag {@code key}, or null when it has none: {@code tags().get(key)}, which a
     * reader may give without making the map of the tags.
     *
     * @param key the tag key, not null
     * @return the value, or null
     */
    default String tag(TagKey key) {
        return tags().get(key);
    }
}
