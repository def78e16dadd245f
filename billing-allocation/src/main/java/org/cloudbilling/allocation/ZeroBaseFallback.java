package org.cloudbilling.allocation;

/**
 * What a proportional split does when no target has collected a positive cost in the period (ALLOC-7).
 * Either way the cost is kept and the result says which applied.
 */
public enum ZeroBaseFallback {
    /** Split evenly among the targets. The default. */
    EVEN,
    /** Leave the cost Unallocated. */
    UNALLOCATED
}
