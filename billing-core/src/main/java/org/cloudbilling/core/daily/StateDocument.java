package org.cloudbilling.core.daily;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * A piece of host state with its revision (DAILY-4): a rule schedule, a reseller's settings, an organization, a
 * fund ledger. Every change names the revision it was made on; a change made on a revision that is no longer the
 * current one is refused with a {@link StaleStateException}, so two workers cannot silently overwrite each other.
 *
 * <pre>{@code
 * StateDocument<RuleSchedule> doc = StateDocument.initial("rule schedule", schedule);    // revision 0
 * StateDocument<RuleSchedule> next = doc.apply(s -> s.withRuleSet(november, v2), 0);    // revision 1
 * next.apply(s -> s.withRuleSet(december, v3), 0);                                       // StaleStateException
 * }</pre>
 *
 * <p>Immutable; {@link StateJson} writes and reads it as versioned JSON.
 *
 * @param <T> the state, an immutable value
 */
public final class StateDocument<T> {
    private final String what;
    private final long revision;
    private final T value;

    private StateDocument(String what, long revision, T value) {
        this.what = requireNonNull(what, "what");
        checkArgument(revision >= 0, "a revision is not negative: %s", revision);
        this.revision = revision;
        this.value = requireNonNull(value, "value");
    }

    /**
     * Returns {@code value} at revision 0.
     *
     * @param what what the state is, for messages, such as {@code "rule schedule"}, not null
     * @param value the state, not null
     * @return the document, never null
     */
    public static <T> StateDocument<T> initial(String what, T value) {
        return new StateDocument<>(what, 0, value);
    }

    /**
     * Returns {@code value} at {@code revision}, as read back from storage.
     *
     * @param what what the state is, for messages, not null
     * @param revision the revision, not negative
     * @param value the state, not null
     * @return the document, never null
     */
    public static <T> StateDocument<T> of(String what, long revision, T value) {
        return new StateDocument<>(what, revision, value);
    }

    /**
     * Returns the state changed by {@code change}, at the next revision.
     *
     * @param change the change, a pure function of the current state, not null
     * @param basedOnRevision the revision the change was made on
     * @return the changed document, never null; this one is unchanged
     * @throws StaleStateException if {@code basedOnRevision} is not the current revision; the change is not run
     */
    public StateDocument<T> apply(UnaryOperator<T> change, long basedOnRevision) {
        requireNonNull(change, "change");
        StaleStateException.requireCurrent(what, basedOnRevision, revision);
        return new StateDocument<>(what, revision + 1, requireNonNull(change.apply(value), "changed state"));
    }

    /** Returns what the state is, for messages, never null. */
    public String what() {
        return what;
    }

    /** Returns the revision: 0 when new, one more with each change. */
    public long revision() {
        return revision;
    }

    /** Returns the state, never null. */
    public T value() {
        return value;
    }

    @Override
    public boolean equals(Object obj) {
        return obj instanceof StateDocument<?> other
                && other.what.equals(what)
                && other.revision == revision
                && other.value.equals(value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(what, revision, value);
    }

    @Override
    public String toString() {
        return what + "@" + revision + "[" + value + "]";
    }
}
