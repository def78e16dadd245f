/**
 * A reseller's bills: Bill A (provider to reseller) and Bill B (reseller to end customers) of one month from the
 * same attributed charges ({@link org.cloudbilling.reseller.bill.ResellerBills}, RES-3..5, RES-8, RES-10, RES-11,
 * RES-14), why their totals differ ({@link org.cloudbilling.reseller.bill.BillDifference}), the bill schedule
 * (RES-9) and one end customer's bill, the unit of confirmation
 * ({@link org.cloudbilling.reseller.bill.CustomerBill}).
 */
@BillingStyle
package org.cloudbilling.reseller.bill;

import org.cloudbilling.core.internal.BillingStyle;
