package org.cloudbilling.reseller.bill;

/** Whether a month's bill may still change (RES-9). */
public enum BillStatus {
    /** Before the issue day: the month is not final and its figures may change. */
    PROVISIONAL,
    /** From the issue day on: the month's bill is issued. */
    FINAL
}
