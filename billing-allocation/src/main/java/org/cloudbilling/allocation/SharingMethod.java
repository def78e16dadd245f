package org.cloudbilling.allocation;

/** How a sharing rule splits a shared cost among its target units (ALLOC-5). */
public enum SharingMethod {
    /** By explicit percentages that add up to exactly 100. */
    RATIO,
    /** In equal parts. */
    EVEN,
    /** In proportion to each target's collected cost in the same period, before any sharing. */
    PROPORTIONAL
}
