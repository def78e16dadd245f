/**
 * A month's cost allocation kept up to date by daily batches (DAILY-1..3): {@link
 * org.cloudbilling.allocation.daily.RunningAllocation}. See docs/daily.md.
 */
package org.cloudbilling.allocation.daily;
