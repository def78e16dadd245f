/**
 * FOCUS conformance by the FinOps Foundation's rule model ({@link
 * org.cloudbilling.core.focus.conformance.FocusConformance}): the Foundation's machine-readable requirements
 * interpreted as data, with a per-rule {@link org.cloudbilling.core.focus.conformance.ConformanceReport}. The
 * bundled FOCUS 1.2 model and its MIT licence are resources of this package.
 */
package org.cloudbilling.core.focus.conformance;
