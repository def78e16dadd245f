package org.cloudbilling.reseller.organization;

/** How an organization's members pay (ORG-1). */
public enum PaymentMode {
    /** Unified organization payment: each entity's admin account pays its members' consumption (ORG-3). */
    UNIFIED,
    /** Member self-pay: each member pays its own; the admin may view, invoice and consolidate (ORG-2). */
    SELF_PAY
}
