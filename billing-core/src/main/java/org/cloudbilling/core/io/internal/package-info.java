/**
 * Not API: what the format readers of billing-core share and callers never see. Public only so that the readers
 * in {@code focus}, {@code provider} and {@code recon} can use it; it may change in any release.
 */
package org.cloudbilling.core.io.internal;
