package org.cloudbilling.allocation;

import com.google.common.collect.ImmutableList;
import java.util.List;

/** Thrown when a rule set is invalid; lists every problem found, each with its JSON path. */
public final class RuleSetException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final transient ImmutableList<RuleSetProblem> problems;

    /**
     * Creates the exception.
     *
     * @param problems every problem found, not empty
     */
    public RuleSetException(List<RuleSetProblem> problems) {
        super(message(problems));
        this.problems = ImmutableList.copyOf(problems);
    }

    /** Returns every problem found, never empty. */
    public ImmutableList<RuleSetProblem> problems() {
        return problems;
    }

    private static String message(List<RuleSetProblem> problems) {
        if (problems.size() == 1) {
            return "invalid rule set: " + problems.get(0);
        }
        StringBuilder s = new StringBuilder("invalid rule set, " + problems.size() + " problems:");
        problems.forEach(p -> s.append("\n  ").append(p));
        return s.toString();
    }
}
