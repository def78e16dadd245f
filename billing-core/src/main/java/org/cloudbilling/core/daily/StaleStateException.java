package org.cloudbilling.core.daily;

import static java.util.Objects.requireNonNull;

/**
 * A change made on a state that is no longer the current one (DAILY-4): another worker wrote a newer revision in
 * between. Nothing was changed; read the state again and retry.
 */
public final class StaleStateException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    private final long expected;
    private final long actual;

    /**
     * Creates the refusal.
     *
     * @param what the state, such as a file name, not null
     * @param expected the revision the change was based on
     * @param actual the current revision
     */
    public StaleStateException(String what, long expected, long actual) {
        super(requireNonNull(what, "what") + " is at revision " + actual + ", the change was made on revision "
                + expected + ": read it again and retry; nothing was changed");
        this.expected = expected;
        this.actual = actual;
    }

    /**
     * Refuses a change based on {@code expected} unless it is the {@code actual} revision.
     *
     * @param what the state, for the message, not null
     * @param expected the revision the change was based on
     * @param actual the current revision
     * @throws StaleStateException if they differ
     */
    public static void requireCurrent(String what, long expected, long actual) {
        if (expected != actual) {
            throw new StaleStateException(what, expected, actual);
        }
    }

    /** Returns the revision the change was based on. */
    public long expected() {
        return expected;
    }

    /** Returns the current revision. */
    public long actual() {
        return actual;
    }
}
