package org.cloudbilling.examples.cli;

/** What the subcommands need from the top command beyond picocli's streams. */
public interface CommandContext {
    /** Returns whether standard error is a terminal, so that progress is drawn as a bar rather than as lines. */
    boolean stderrIsTerminal();
}
