package org.cloudbilling.examples.cli;

import java.io.InputStream;
import java.io.PrintWriter;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;

/**
 * Progress of long work on standard error: a progress bar when standard error is a terminal, plain lines when it
 * is not (a log, a pipe, a test). Results never go here.
 */
final class Progress {
    private static final long PLAIN_STEP_MINIMUM = 10_000;

    private final PrintWriter err;
    private final boolean bar;
    private final String command;

    Progress(PrintWriter err, boolean bar, String command) {
        this.err = err;
        this.bar = bar;
        this.command = command;
    }

    /** Prints one line about the work, such as a count once it is known. */
    void note(String message) {
        err.println(command + ": " + message);
        err.flush();
    }

    /** Returns {@code in}, counting the bytes read toward {@code size} when drawing a bar. */
    InputStream reading(String name, InputStream in, long size) {
        if (bar) {
            return ProgressBar.wrap(
                    in,
                    new ProgressBarBuilder()
                            .setTaskName("reading " + name)
                            .setInitialMax(size)
                            .setUnit(" MiB", 1 << 20)
                            .clearDisplayOnFinish());
        }
        note("reading " + name + " (" + size + " bytes)");
        return in;
    }

    /**
     * Says that {@code name} of {@code size} bytes is being read where no stream of its bytes can be counted (a file
     * read from its bytes on every core): the line {@link #reading(String, InputStream, long)} prints, and no bar.
     */
    void reading(String name, long size) {
        if (!bar) {
            note("reading " + name + " (" + size + " bytes)");
        }
    }

    /** Starts counting {@code max} steps of {@code task}. */
    Steps steps(String task, long max) {
        if (bar) {
            ProgressBar pb = new ProgressBarBuilder()
                    .setTaskName(task)
                    .setInitialMax(max)
                    .clearDisplayOnFinish()
                    .build();
            return new Steps() {
                @Override
                public void step() {
                    pb.step();
                }

                @Override
                public void close() {
                    pb.close();
                }
            };
        }
        return new Steps() {
            private long done;
            private long nextTenth = 1;

            @Override
            public void step() {
                done++;
                if (max >= PLAIN_STEP_MINIMUM && done * 10 >= nextTenth * max && nextTenth < 10) {
                    note(task + " " + nextTenth * 10 + "% (" + done + " of " + max + ")");
                    nextTenth++;
                }
            }

            @Override
            public void close() {
                note(task + " done (" + done + " of " + max + ")");
            }
        };
    }

    /** Counted steps of one task. */
    interface Steps extends AutoCloseable {
        /** One step done. */
        void step();

        @Override
        void close();
    }
}
