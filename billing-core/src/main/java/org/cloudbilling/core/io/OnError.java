package org.cloudbilling.core.io;

/** What a reader does with a row it cannot read. Neither choice skips a row silently. */
public enum OnError {
    /** Stop at the first bad row with a {@link BillingInputException}. */
    FAIL,
    /** Read on, and report every bad row in the result's problems. */
    COLLECT
}
