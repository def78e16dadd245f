/**
 * JSON for the billing types: the Jackson {@link org.cloudbilling.core.json.BillingModule} and a ready, strict
 * {@link org.cloudbilling.core.json.BillingJson#mapper()}. Amounts are always JSON strings.
 */
package org.cloudbilling.core.json;
