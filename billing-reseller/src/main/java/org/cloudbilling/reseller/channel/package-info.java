/**
 * The channel and attribution (RES-1, ATTR-1..5): distributors, second-level resellers and the binding history of
 * end customers ({@link org.cloudbilling.reseller.channel.Channel}), and each charge attributed to its month,
 * partner, payer and project ({@link org.cloudbilling.reseller.channel.Attribution}). No class here reads a clock:
 * callers pass the instant.
 */
package org.cloudbilling.reseller.channel;
