/**
 * Not API: the persistent map the daily month values of billing-core, billing-allocation and billing-reseller
 * share. Public only so that those packages can use it; it may change in any release.
 */
package org.cloudbilling.core.daily.internal;
