/** Reseller host state as versioned JSON with a revision (DAILY-4): {@link org.cloudbilling.reseller.json.ResellerStateJson}. */
package org.cloudbilling.reseller.json;
