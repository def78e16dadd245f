package org.cloudbilling.core.focus.conformance;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * What the check of one rule of the model found.
 *
 * @param ruleId the rule's id in the model, such as {@code BilledCost-C-004-M}; never null
 * @param keyword the rule's keyword: MUST, MUST NOT, SHOULD, SHOULD NOT, RECOMMENDED, MAY; never null
 * @param requirement the requirement as the model states it ({@code MustSatisfy}); never null
 * @param outcome what the check found, never null
 * @param failingRows how many rows failed the rule (for a distinct-count rule: how many values of its first
 *     column); 0 unless {@link Outcome#FAILED}, and 0 for a rule that fails through the rules it combines
 * @param examples the first failing rows, each naming its line (CSV) or row (Parquet) and the values read;
 *     never null
 * @param note why the rule was not checked, or which rules it failed through; empty when there is nothing to
 *     add; never null
 */
public record RuleVerdict(
        String ruleId,
        String keyword,
        String requirement,
        Outcome outcome,
        long failingRows,
        List<String> examples,
        String note) {

    /** What the check of a rule found. */
    public enum Outcome {
        /** Checked, and every row in its condition passed. */
        HELD,
        /** Checked, and some row (or the header) failed it. */
        FAILED,
        /** The rule applies to a feature the data's generator did not declare (its applicability criteria). */
        NOT_APPLICABLE,
        /** A Dynamic rule: the model says it cannot be checked from the data alone. */
        DYNAMIC,
        /** A MAY rule: a permission, nothing to fail. */
        PERMISSION,
        /** Not checked: a column it reads is absent (its presence rule reports that), or nothing beneath it ran. */
        NOT_CHECKED
    }

    /** Validates and copies. */
    public RuleVerdict {
        requireNonNull(ruleId, "ruleId");
        requireNonNull(keyword, "keyword");
        requireNonNull(requirement, "requirement");
        requireNonNull(outcome, "outcome");
        examples = List.copyOf(examples);
        requireNonNull(note, "note");
    }

    /**
     * Whether the rule is a MUST or MUST NOT: when it failed, the dataset does not conform. A failed SHOULD is
     * advice.
     *
     * @return whether the keyword obliges
     */
    public boolean obliges() {
        return ModelRule.Keyword.of(keyword) == ModelRule.Keyword.MUST;
    }

    /**
     * Whether the dataset breaks this rule and the rule obliges (MUST, MUST NOT).
     *
     * @return whether this is a conformance failure
     */
    public boolean isViolation() {
        return outcome == Outcome.FAILED && obliges();
    }

    /**
     * Whether the dataset does not follow this SHOULD, SHOULD NOT or RECOMMENDED rule: advice, not a failure.
     *
     * @return whether this is advice not followed
     */
    public boolean isAdvice() {
        return outcome == Outcome.FAILED && !obliges();
    }
}
