/**
 * Sample programs, one per capability, each short enough to read at once and run by a test that checks its
 * output: {@link org.cloudbilling.examples.samples.ConsolidateMonthSample},
 * {@link org.cloudbilling.examples.samples.AllocateSample},
 * {@link org.cloudbilling.examples.samples.BacktrackSample},
 * {@link org.cloudbilling.examples.samples.FocusAllocationSample}.
 */
package org.cloudbilling.examples.samples;
