package org.cloudbilling.examples.cli;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The failure of a file named by {@code --out} (a full disk, {@code /dev/full}, a closed pipe): not a bug but the
 * user's to fix, so the command prints {@code cannot write FILE: reason} without a stack trace and exits with
 * {@value UserError#EXIT_CODE}, wherever in the writing it surfaces (wrapped or not).
 */
public final class OutputFailed extends IOException {
    private static final long serialVersionUID = 1L;

    OutputFailed(Path file, IOException cause) {
        super("cannot write " + file + ": " + cause.getMessage(), cause);
    }

    /**
     * Returns the {@link OutputFailed} that {@code e} is or wraps, or null.
     *
     * @param e a failure, not null
     * @return the output failure in its causes, or null
     */
    public static OutputFailed in(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof OutputFailed o) {
                return o;
            }
        }
        return null;
    }
}
