/**
 * Confirmation of customer bills and the credit it moves (RES-6, RES-7, RES-12), as pure transitions over a
 * {@link org.cloudbilling.reseller.confirmation.CreditState} that return an
 * {@link org.cloudbilling.reseller.confirmation.Outcome}: the new state or the
 * {@link org.cloudbilling.reseller.confirmation.Refusal}s (which the organization's transitions return too).
 */
package org.cloudbilling.reseller.confirmation;
