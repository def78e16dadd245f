package org.cloudbilling.core.focus.conformance;

import java.util.List;

/**
 * One rule of the model, as read: what it is about, whether it can be checked from data ({@code Static}) or not
 * ({@code Dynamic}), the features it applies to, its keyword and text, its requirement and row condition.
 */
record ModelRule(
        String id,
        String reference,
        boolean dynamic,
        List<String> criteria,
        String keyword,
        String text,
        Requirement requirement,
        Check condition,
        List<String> dependencies) {

    /** MUST, MUST NOT (and REQUIRED, SHALL): a failure means the dataset does not conform. */
    boolean isMust() {
        return Keyword.of(keyword) == Keyword.MUST;
    }

    /** What a keyword asks. */
    enum Keyword {
        MUST,
        SHOULD,
        MAY;

        static Keyword of(String keyword) {
            switch (keyword) {
                case "MUST", "MUST NOT", "REQUIRED", "SHALL", "SHALL NOT":
                    return MUST;
                case "SHOULD", "SHOULD NOT", "RECOMMENDED", "NOT RECOMMENDED":
                    return SHOULD;
                case "MAY", "OPTIONAL":
                    return MAY;
                default:
                    return null;
            }
        }
    }

    /** What a rule requires. */
    sealed interface Requirement {}

    /** Nothing the data can show (an empty requirement). */
    record Nothing() implements Requirement {}

    /** A check each row in the condition must pass. */
    record RowCheck(Check check) implements Requirement {}

    /**
     * Each value of column A goes with exactly {@code expected} values of column B (a SkuPriceId has one SkuId);
     * rows with A null are left out, a null B is no value.
     */
    record DistinctCount(String columnA, String columnB, int expected) implements Requirement {}

    /** Other rules, combined (a composite rule). */
    record Rules(RuleTree tree) implements Requirement {}

    /** Rules combined with AND and OR. */
    sealed interface RuleTree {}

    record Ref(String ruleId) implements RuleTree {}

    record AllOf(List<RuleTree> items) implements RuleTree {}

    record AnyOf(List<RuleTree> items) implements RuleTree {}
}
