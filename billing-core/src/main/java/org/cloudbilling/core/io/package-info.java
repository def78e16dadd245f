/**
 * Reading and writing bills: the canonical line-item CSV ({@link org.cloudbilling.core.io.LineItemCsv}) and
 * the input errors every reader reports ({@link org.cloudbilling.core.io.BillingInputException}, each
 * {@link org.cloudbilling.core.io.InputProblem} naming source, line, column, value and reason), and what every
 * format shares: strict decoding of bytes in a given charset ({@link org.cloudbilling.core.io.StrictText}, IO-1),
 * the one CSV writer, guarded against spreadsheet formulas by default ({@link org.cloudbilling.core.io.CsvWriter},
 * IO-2) and the times a reader accepts
 * ({@link org.cloudbilling.core.io.SupportedTimes}, IO-3). The domain packages do no I/O; this one does. The CSV row
 * reader and the formula guard's text rules that every format shares are in {@code io.internal}, which the module
 * does not export.
 */
package org.cloudbilling.core.io;
