package org.cloudbilling.reseller.organization;

/** The six financial permissions (ORG-4); an operation without its permission is refused. */
public enum Permission {
    /** View members' bills. */
    VIEW_BILLS,
    /** View members' balances. */
    VIEW_BALANCE,
    /** Allocate funds to entity admins. */
    ALLOCATE_FUNDS,
    /** Invoice members. */
    INVOICE,
    /** Consolidate members' bills. */
    CONSOLIDATED_BILLING,
    /** Let members of the admin's verified entity inherit its contract discounts. */
    DISCOUNT_INHERITANCE
}
