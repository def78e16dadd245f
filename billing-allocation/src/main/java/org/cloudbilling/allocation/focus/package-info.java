/**
 * Cost allocation bills as FOCUS 1.0 ({@link org.cloudbilling.allocation.focus.AllocationFocus}): allocated rows
 * with the custom columns {@code x_AllocationUnit}, {@code x_AllocationType} and {@code x_AllocationRule}, and
 * the corrections a backtracked month brings, with ChargeClass {@code Correction}. Built on the FOCUS writer of
 * {@code org.cloudbilling.core.focus}.
 */
package org.cloudbilling.allocation.focus;
