package org.cloudbilling.allocation;

/** How a cost reached its place in a cost allocation bill (ALLOC-6). */
public enum AllocationType {
    /** Collected into a unit by a collection rule. */
    COLLECTED,
    /** Shared to a unit by a sharing rule. */
    SHARED,
    /** Matched by no rule (ALLOC-4), or a proportional share with no base whose fallback is Unallocated. */
    UNALLOCATED
}
