/**
 * Reconciliation lists (RECON-1..4): for a billing cycle, the yearly/monthly list
 * ({@link org.cloudbilling.core.recon.PeriodRecord}) and the pay-per-use list
 * ({@link org.cloudbilling.core.recon.PayPerUseRecord}) with the columns of the provider's lists, produced from
 * line items ({@link org.cloudbilling.core.recon.ReconciliationLists}), written and read as CSV together in one
 * ZIP ({@link org.cloudbilling.core.recon.ReconciliationZip}).
 */
package org.cloudbilling.core.recon;
