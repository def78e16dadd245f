/**
 * Not API: what the bill, distributor and view packages of billing-reseller share (the month's billing window and
 * data cut-off, the Bill A row of a line item, the wording of a discount's scope). The module does not export it.
 */
package org.cloudbilling.reseller.internal;
