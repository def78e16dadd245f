/**
 * What a distributor reads of its second-level resellers: their end customers' Bill A rows
 * ({@link org.cloudbilling.reseller.distributor.DistributorQueries}, RES-2), and its consolidated bills, own cost and
 * margin per reseller ({@link org.cloudbilling.reseller.distributor.DistributorBills}, RES-13).
 */
package org.cloudbilling.reseller.distributor;
