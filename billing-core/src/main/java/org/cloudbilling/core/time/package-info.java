/**
 * Billing time: {@link org.cloudbilling.core.time.BillingMonth}, start-inclusive end-exclusive
 * {@link org.cloudbilling.core.time.Interval}s, and the provider's
 * {@link org.cloudbilling.core.time.BillingCalendar} (zone, issue day, rule cut-off day). No class here reads
 * the system clock: callers pass the instant.
 */
package org.cloudbilling.core.time;
