package org.cloudbilling.core.id;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import org.cloudbilling.core.internal.IdInternals;

/**
 * The base of the small identifier types ({@link OwnerUin}, {@link ResourceId}, ...): a non-empty string
 * kept exactly as given, compared by value, and never equal to an identifier of another type. Subclasses are
 * final.
 *
 * <p>Identifiers are immutable and safe to share between threads.
 */
public abstract class Identifier implements Comparable<Identifier> {
    static {
        IdInternals.install(Identifier::valueHash);
    }

    /** The identifier's text; null for a compact identifier (a {@link LineItemId} held as a prefix and a number). */
    private final String value;

    /**
     * Creates an identifier; subclasses in other modules (allocation unit ids, rule ids) pass their name.
     *
     * @param value the identifier, not null, not empty
     * @param what what the identifier names, for messages, such as {@code "owner UIN"}
     * @throws IllegalArgumentException if {@code value} is empty
     */
    protected Identifier(String value, String what) {
        requireNonNull(value, what);
        checkArgument(!value.isEmpty(), "%s is empty", what);
        this.value = value;
    }

    /** A compact identifier, whose text {@link #text()} makes when it is first asked for (this package only). */
    Identifier() {
        this.value = null;
    }

    /** The text of a compact identifier, made on first use; only called on one (the others hold their text). */
    String text() {
        throw new IllegalStateException("bug: an identifier without its text");
    }

    /** Whether this identifier's text equals {@code other}'s, both of this class. */
    boolean sameValue(Identifier other) {
        return value().equals(other.value());
    }

    /** The hash of this identifier's text, {@link String#hashCode()}. */
    int valueHash() {
        return value().hashCode();
    }

    /** Returns the identifier exactly as given, never null, never empty. */
    public final String value() {
        String v = value;
        return v != null ? v : text();
    }

    /** Orders identifiers of one type by value; identifiers of different types by type name first. */
    @Override
    public final int compareTo(Identifier other) {
        if (getClass() != other.getClass()) {
            return getClass().getName().compareTo(other.getClass().getName());
        }
        return value().compareTo(other.value());
    }

    @Override
    public final boolean equals(Object obj) {
        return obj == this || (obj != null && obj.getClass() == getClass() && sameValue((Identifier) obj));
    }

    @Override
    public final int hashCode() {
        return getClass().hashCode() * 31 + valueHash();
    }

    /** Returns the value itself, so identifiers print as the provider writes them. */
    @Override
    public final String toString() {
        return value();
    }
}
