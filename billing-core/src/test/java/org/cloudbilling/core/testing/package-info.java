/**
 * Test support published in billing-core's test-jar: QuickTheories generators of amounts, split weights,
 * settlement policies, fee periods and line items ({@link org.cloudbilling.core.testing.BillingGenerators}), for
 * this library's property tests and for host applications' own.
 */
package org.cloudbilling.core.testing;
