package org.cloudbilling.reseller.channel;

/** Whose decision the payer of an attributed charge is (ATTR-4). */
public enum PayerBasis {
    /** Not paid on behalf of the owner: the payer the item reports, or the owner itself. */
    AS_REPORTED,
    /** An organization admin pays the charge on behalf of its owner ({@link PayOnBehalf}, ATTR-4, ORG-1, ORG-3). */
    ON_BEHALF
}
