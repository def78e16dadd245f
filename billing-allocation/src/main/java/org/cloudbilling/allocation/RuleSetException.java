package org.cloudbilling.allocation;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import java.util.List;

/** Thrown when a rule set is invalid; lists every problem found, each with its JSON path. */
public final class RuleSetException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String source;
    private final transient ImmutableList<RuleSetProblem> problems;

    /**
     * Creates the exception.
     *
     * @param problems every problem found, not empty
     */
    public RuleSetException(List<RuleSetProblem> problems) {
        this("", problems);
    }

    /**
     * Creates the exception for a rule set read from {@code source}, such as a file name.
     *
     * @param source where the rule set was read from, not null; empty when unknown
     * @param problems every problem found, not empty
     */
    public RuleSetException(String source, List<RuleSetProblem> problems) {
        super(message(requireNonNull(source, "source"), problems));
        checkArgument(!problems.isEmpty(), "a rule set exception needs at least one problem");
        this.source = requireNonNull(source, "source");
        this.problems = ImmutableList.copyOf(problems);
    }

    /** Returns where the rule set was read from, such as a file name; empty when unknown. Never null. */
    public String source() {
        return source;
    }

    /** Returns every problem found, never empty. */
    public ImmutableList<RuleSetProblem> problems() {
        return problems;
    }

    private static String message(String source, List<RuleSetProblem> problems) {
        String where = source.isEmpty() ? "" : " in " + source;
        if (problems.size() == 1) {
            return "invalid rule set" + where + ": " + problems.get(0);
        }
        StringBuilder s = new StringBuilder("invalid rule set" + where + ", " + problems.size() + " problems:");
        problems.forEach(p -> s.append("\n  ").append(p));
        return s.toString();
    }
}
