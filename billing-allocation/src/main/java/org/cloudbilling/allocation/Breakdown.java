package org.cloudbilling.allocation;

/** A dimension an allocation summary breaks each unit's cost down by (ALLOC-8). */
public enum Breakdown {
    /** The product, level 1 (business code). */
    PRODUCT,
    /** The resource; items without one fall under an empty value. */
    RESOURCE,
    /** The billing component (item code); items without one fall under an empty value. */
    COMPONENT,
    /** The day the item's fee period starts on, in the calendar's zone. */
    DAY,
    /** The month the item's fee period starts in, in the calendar's zone. */
    MONTH
}
