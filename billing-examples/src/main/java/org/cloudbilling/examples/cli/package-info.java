/**
 * The subcommands of the {@code billing} command line: thin wrappers that read files, call the library and write
 * CSV. Exit codes: 0 done, 1 a bug, 2 bad input or usage (a message naming file, line and column, never a stack
 * trace).
 */
package org.cloudbilling.examples.cli;
