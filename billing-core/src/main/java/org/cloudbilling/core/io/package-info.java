/**
 * Reading and writing bills: the canonical line-item CSV ({@link org.cloudbilling.core.io.LineItemCsv}) and
 * the input errors every reader reports ({@link org.cloudbilling.core.io.BillingInputException}, each
 * {@link org.cloudbilling.core.io.InputProblem} naming source, line, column, value and reason). The domain
 * packages do no I/O; this one does.
 */
package org.cloudbilling.core.io;
