/**
 * Rule sets as JSON: {@link org.cloudbilling.allocation.json.RuleSetJson} reads and writes an
 * {@link org.cloudbilling.allocation.AllocationRuleSet}, so host applications can store units, collection
 * rules and sharing rules as data. Reading reports every problem with its JSON path.
 */
package org.cloudbilling.allocation.json;
