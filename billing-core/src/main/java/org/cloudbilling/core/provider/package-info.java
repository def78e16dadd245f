/**
 * Readers of providers' own bill exports into line items: the Tencent-style detailed bill CSV
 * ({@link org.cloudbilling.core.provider.TencentBillCsv}). The column mappings are listed in
 * {@code docs/formats.md}.
 */
package org.cloudbilling.core.provider;
