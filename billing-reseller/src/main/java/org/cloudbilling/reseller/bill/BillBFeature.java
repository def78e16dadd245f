package org.cloudbilling.reseller.bill;

/**
 * What Bill B shows only where the provider has enabled it for the reseller (RES-3); each is off unless listed in
 * {@link ResellerSettings#billBFeatures()}.
 */
public enum BillBFeature {
    /** End-customer discounts (RES-10, RES-14); without it every customer pays list price. */
    CUSTOMER_DISCOUNTS,
    /** The reseller-perspective cost columns: reseller discount, voucher and cost ({@link ResellerCost}). */
    RESELLER_PERSPECTIVE
}
