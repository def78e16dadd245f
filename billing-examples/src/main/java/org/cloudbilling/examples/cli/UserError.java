package org.cloudbilling.examples.cli;

/**
 * A mistake of the user's (a missing file, an unsupported format, a bad option value): the command prints the
 * message, without a stack trace, and exits with {@value #EXIT_CODE}.
 */
public final class UserError extends RuntimeException {
    /** The exit code of a user's mistake, as for a usage error. */
    public static final int EXIT_CODE = 2;

    private static final long serialVersionUID = 1L;

    /**
     * Creates the error.
     *
     * @param message what is wrong and where, not null
     */
    public UserError(String message) {
        super(message);
    }
}
