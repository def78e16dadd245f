package org.cloudbilling.core.id;

/**
 * The key of a resource tag, kept exactly as given: {@code " org"} with its leading blank is a key of its own.
 */
public final class TagKey extends Identifier {
    private TagKey(String value) {
        super(value, "tag key");
    }

    /**
     * Returns the tag key {@code value}.
     *
     * @param value the key exactly as given, not null, not empty
     * @return the key, never null
     * @throws IllegalArgumentException if {@code value} is empty
     */
    public static TagKey of(String value) {
        return new TagKey(value);
    }
}
