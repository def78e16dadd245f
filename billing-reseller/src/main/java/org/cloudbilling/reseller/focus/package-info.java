/**
 * A reseller's Bill A and Bill B as FOCUS 1.0 ({@link org.cloudbilling.reseller.focus.ResellerFocus}): one FOCUS
 * row per bill row, BilledCost adding up to the bill's total (FOCUS-5), the bill's own columns in custom
 * {@code x_} columns. Built on the FOCUS writer of {@code org.cloudbilling.core.focus}.
 */
package org.cloudbilling.reseller.focus;
