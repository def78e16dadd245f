/**
 * FOCUS 1.0, the FinOps open billing format: lossless rows ({@link org.cloudbilling.core.focus.FocusRow}), a
 * streaming reader of real exports and a writer of conformant ones ({@link org.cloudbilling.core.focus.FocusCsv}),
 * the mapping to and from line items ({@link org.cloudbilling.core.focus.FocusLineItems}), and a check of a
 * dataset against the FOCUS rules ({@link org.cloudbilling.core.focus.FocusValidator}).
 */
package org.cloudbilling.core.focus;
