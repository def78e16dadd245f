/**
 * Exact money: {@link org.cloudbilling.core.money.Money}, splits whose parts add up exactly
 * ({@link org.cloudbilling.core.money.Split}), and the named settlement policies that are the only place an
 * amount is rounded ({@link org.cloudbilling.core.money.SettlementPolicy}).
 */
package org.cloudbilling.core.money;
