/**
 * Cost allocation: a {@link org.cloudbilling.allocation.UnitTree} of cost allocation units, collection rules
 * ({@link org.cloudbilling.allocation.AllocationRule}) and sharing rules
 * ({@link org.cloudbilling.allocation.SharingRule}) gathered in an
 * {@link org.cloudbilling.allocation.AllocationRuleSet}, and the allocation of a month of line items into
 * Collected, Shared and Unallocated rows that add up to each item exactly.
 */
package org.cloudbilling.allocation;
