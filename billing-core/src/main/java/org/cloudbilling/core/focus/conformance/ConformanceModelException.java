package org.cloudbilling.core.focus.conformance;

import static java.util.Objects.requireNonNull;

/**
 * A conformance model that cannot be used: not JSON, a rule that names an unknown check function, lacks an
 * argument, or references a rule the model does not have. The message names the model, the rule and the JSON path
 * of the offending value, such as {@code model-1.2.json: rule BilledCost-C-004-M at
 * $.ModelRules.BilledCost-C-004-M.ValidationCriteria.Requirement: unknown check function 'CheckFoo'}.
 */
public final class ConformanceModelException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String ruleId;
    private final String path;

    ConformanceModelException(String source, String ruleId, String path, String reason) {
        super(source + ": " + (ruleId == null ? "" : "rule " + ruleId + " ") + "at " + path + ": " + reason);
        this.ruleId = ruleId;
        this.path = requireNonNull(path, "path");
    }

    /**
     * Returns the id of the rule at fault.
     *
     * @return the rule id, or null when the fault is outside any rule (the file is not JSON, a top-level member
     *     is missing)
     */
    public String ruleId() {
        return ruleId;
    }

    /**
     * Returns where in the model the fault is, as a JSON path ({@code $.ModelRules.X.ValidationCriteria...}).
     *
     * @return the path, never null
     */
    public String path() {
        return path;
    }
}
