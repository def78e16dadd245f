/**
 * A reseller's Bill A and Bill B kept up to date by a month's daily batches (DAILY-1..3): {@link
 * org.cloudbilling.reseller.daily.RunningResellerBills}. See docs/daily.md.
 */
package org.cloudbilling.reseller.daily;
