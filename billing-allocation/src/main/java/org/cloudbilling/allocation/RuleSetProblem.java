package org.cloudbilling.allocation;

import static java.util.Objects.requireNonNull;

/**
 * One thing wrong with a rule set, at a JSON path such as {@code $.sharingRules[2].ratios} (the same path
 * whether the rule set was read from JSON or built in code).
 *
 * @param path where, as a JSON path
 * @param message what is wrong
 */
public record RuleSetProblem(String path, String message) {
    /** Checks that no component is null. */
    public RuleSetProblem {
        requireNonNull(path, "path");
        requireNonNull(message, "message");
    }

    static RuleSetProblem at(String relativePath, String message) {
        return new RuleSetProblem(relativePath.startsWith("$") ? relativePath : "$." + relativePath, message);
    }

    /** Returns {@code path: message}. */
    @Override
    public String toString() {
        return path + ": " + message;
    }
}
