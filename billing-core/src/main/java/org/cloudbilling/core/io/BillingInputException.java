package org.cloudbilling.core.io;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import java.util.List;

/**
 * Thrown when input cannot be read: names every {@link InputProblem} found, each with its place and reason.
 * This is the one exception the readers throw for bad input.
 */
public final class BillingInputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient ImmutableList<InputProblem> problems;

    /**
     * Creates the exception.
     *
     * @param problems what is wrong, not null, not empty
     */
    public BillingInputException(List<InputProblem> problems) {
        super(message(problems));
        this.problems = ImmutableList.copyOf(problems);
    }

    /**
     * Creates the exception for one problem.
     *
     * @param problem what is wrong, not null
     */
    public BillingInputException(InputProblem problem) {
        this(List.of(problem));
    }

    /** Returns the problems, in input order, never empty. */
    public ImmutableList<InputProblem> problems() {
        return problems;
    }

    private static String message(List<InputProblem> problems) {
        checkArgument(!problems.isEmpty(), "an input exception needs at least one problem");
        if (problems.size() == 1) {
            return problems.get(0).toString();
        }
        StringBuilder s = new StringBuilder(problems.size() + " problems in the input:");
        int shown = Math.min(problems.size(), 20);
        for (int i = 0; i < shown; i++) {
            s.append("\n  ").append(problems.get(i));
        }
        if (shown < problems.size()) {
            s.append("\n  ... and ").append(problems.size() - shown).append(" more");
        }
        return s.toString();
    }
}
