package org.cloudbilling.allocation;

import org.cloudbilling.core.id.Identifier;

/** A collection rule or a sharing rule; unique within a rule set. */
public final class RuleId extends Identifier {
    private RuleId(String value) {
        super(value, "rule id");
    }

    /**
     * Returns the rule id {@code value}.
     *
     * @param value the identifier, not null, not empty
     * @return the identifier, never null
     * @throws IllegalArgumentException if {@code value} is empty
     */
    public static RuleId of(String value) {
        return new RuleId(value);
    }
}
