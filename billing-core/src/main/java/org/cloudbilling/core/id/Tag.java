package org.cloudbilling.core.id;

import static java.util.Objects.requireNonNull;

/**
 * A resource tag: a key and a value, both kept exactly as given. The value may be empty.
 *
 * <pre>{@code
 * Tag team = Tag.of("team", "payments");
 * }</pre>
 */
public final class Tag implements Comparable<Tag> {
    private final TagKey key;
    private final String value;

    private Tag(TagKey key, String value) {
        this.key = requireNonNull(key, "key");
        this.value = requireNonNull(value, "value");
    }

    /**
     * Returns the tag {@code key=value}.
     *
     * @param key the key, not null
     * @param value the value, not null, may be empty
     * @return the tag, never null
     */
    public static Tag of(TagKey key, String value) {
        return new Tag(key, value);
    }

    /**
     * Returns the tag {@code key=value}.
     *
     * @param key the key, not null, not empty
     * @param value the value, not null, may be empty
     * @return the tag, never null
     */
    public static Tag of(String key, String value) {
        return new Tag(TagKey.of(key), value);
    }

    /** Returns the key, never null. */
    public TagKey key() {
        return key;
    }

    /** Returns the value, never null. */
    public String value() {
        return value;
    }

    @Override
    public int compareTo(Tag other) {
        int c = key.compareTo(other.key);
        return c != 0 ? c : value.compareTo(other.value);
    }

    @Override
    public boolean equals(Object obj) {
        return obj instanceof Tag && ((Tag) obj).key.equals(key) && ((Tag) obj).value.equals(value);
    }

    @Override
    public int hashCode() {
        return key.hashCode() * 31 + value.hashCode();
    }

    /** Returns {@code key=value}. */
    @Override
    public String toString() {
        return key + "=" + value;
    }
}
