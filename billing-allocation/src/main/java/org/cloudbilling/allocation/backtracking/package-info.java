/**
 * Backtracking: recompute 1 to 12 past months with today's rules ({@link
 * org.cloudbilling.allocation.backtracking.Backtracking#run}) or today's tags ({@link
 * org.cloudbilling.allocation.backtracking.Backtracking#refreshTags}), record a request in progress first ({@link
 * org.cloudbilling.allocation.backtracking.Backtracking#submit}), keep every earlier version in an immutable
 * {@link org.cloudbilling.allocation.backtracking.AllocationHistory}, and compare versions ({@link
 * org.cloudbilling.allocation.backtracking.VersionDiff}).
 */
package org.cloudbilling.allocation.backtracking;
