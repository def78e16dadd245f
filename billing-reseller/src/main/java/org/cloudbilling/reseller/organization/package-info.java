/**
 * Organizations and multi-account finance (ORG-1 to ORG-6): an {@link org.cloudbilling.reseller.organization.Organization}
 * with its entities, admins, memberships over time, payment mode and permissions; the fund-allocation
 * {@link org.cloudbilling.reseller.organization.FundLedger}; and
 * {@link org.cloudbilling.reseller.organization.ConsolidatedBill}s per member and per entity.
 */
@BillingStyle
package org.cloudbilling.reseller.organization;

import org.cloudbilling.core.BillingStyle;
