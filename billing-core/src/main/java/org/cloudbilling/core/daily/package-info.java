/**
 * Months that grow by daily batches (DAILY-1..4): a {@link org.cloudbilling.core.daily.MonthLedger} holds a
 * month's charges by id and takes {@link org.cloudbilling.core.daily.ChargeBatch}es of new, restated and withdrawn
 * charges, each once; {@link org.cloudbilling.core.consolidation.RunningRollup} keeps the month's roll-up by deltas;
 * {@link org.cloudbilling.core.daily.DailyJson} writes and reads the ledger as versioned JSON with a
 * revision. See docs/daily.md.
 */
package org.cloudbilling.core.daily;
