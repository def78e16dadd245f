package org.cloudbilling.reseller.channel;

/** A channel partner's place in the hierarchy distributor -> second-level reseller -> end customer (RES-1). */
public enum PartnerRole {
    /** A first-level partner; it may have second-level resellers and end customers of its own. */
    DISTRIBUTOR,
    /** A second-level reseller under one distributor; its end customers are the distributor's indirect customers. */
    RESELLER
}
