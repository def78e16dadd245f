/**
 * Resellers and distributors: the channel and its binding history ({@link org.cloudbilling.reseller.Channel}),
 * attribution of each charge to its owner, reseller and payer ({@link org.cloudbilling.reseller.Attribution}),
 * Bill A and Bill B of a reseller's month and their reconciliation
 * ({@link org.cloudbilling.reseller.ResellerBills}, {@link org.cloudbilling.reseller.Reconciliation}),
 * distributor queries, bill confirmation and credit ({@link org.cloudbilling.reseller.Confirmation}), and views
 * scoped to a {@link org.cloudbilling.reseller.Viewer}. No class here reads a clock: callers pass the instant.
 */
@BillingStyle
package org.cloudbilling.reseller;

import org.cloudbilling.core.BillingStyle;
