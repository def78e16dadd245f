/**
 * Identifiers of the billing domain as small value types: accounts ({@link org.cloudbilling.core.id.OwnerUin},
 * {@link org.cloudbilling.core.id.PayerUin}, {@link org.cloudbilling.core.id.OperatorUin}), products, regions,
 * projects, resources, orders and tags. Each keeps its string exactly as the provider writes it.
 */
package org.cloudbilling.core.id;
