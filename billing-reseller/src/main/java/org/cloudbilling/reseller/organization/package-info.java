/**
 * Organizations and multi-account finance (ORG-1 to ORG-11): an {@link org.cloudbilling.reseller.organization.Organization}
 * with its entities, admins, memberships over time, payment mode per entity over time and dated permissions; the
 * {@link org.cloudbilling.reseller.organization.FundLedger} of fund movements; consolidated bills per member and per
 * entity ({@link org.cloudbilling.reseller.organization.ConsolidatedBill}, seen through
 * {@link org.cloudbilling.reseller.organization.OrganizationViews}); invoices and notes
 * ({@link org.cloudbilling.reseller.organization.InvoiceRegister}); and the inherited contract discount
 * ({@link org.cloudbilling.reseller.organization.DiscountInheritance}).
 */
@BillingStyle
package org.cloudbilling.reseller.organization;

import org.cloudbilling.core.internal.BillingStyle;
