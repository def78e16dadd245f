package org.cloudbilling.core.id;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

/**
 * The base of the small identifier types ({@link OwnerUin}, {@link ResourceId}, ...): a non-empty string
 * kept exactly as given, compared by value, and never equal to an identifier of another type. Subclasses are
 * final.
 *
 * <p>Identifiers are immutable and safe to share between threads.
 */
public abstract class Identifier implements Comparable<Identifier> {
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

    /** Returns the identifier exactly as given, never null, never empty. */
    public final String value() {
        return value;
    }

    /** Orders identifiers of one type by value; identifiers of different types by type name first. */
    @Override
    public final int compareTo(Identifier other) {
        if (getClass() != other.getClass()) {
            return getClass().getName().compareTo(other.getClass().getName());
        }
        return value.compareTo(other.value);
    }

    @Override
    public final boolean equals(Object obj) {
        return obj == this || (obj != null && obj.getClass() == getClass() && ((Identifier) obj).value.equals(value));
    }

    @Override
    public final int hashCode() {
        return getClass().hashCode() * 31 + value.hashCode();
    }

    /** Returns the value itself, so identifiers print as the provider writes them. */
    @Override
    public final String toString() {
        return value;
    }
}
