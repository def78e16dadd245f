/**
 * Consolidation: roll any number of line items or bills up by chosen {@link
 * org.cloudbilling.core.consolidation.Dimension}s into exact {@link org.cloudbilling.core.consolidation.Totals};
 * partial {@link org.cloudbilling.core.consolidation.Rollup}s merge associatively and commutatively.
 */
package org.cloudbilling.core.consolidation;
