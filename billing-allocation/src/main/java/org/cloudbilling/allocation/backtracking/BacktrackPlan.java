package org.cloudbilling.allocation.backtracking;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.cloudbilling.core.time.BillingMonth;

/**
 * A checked backtrack: the months to recompute, and the rule month and version that apply (BACK-1, BACK-2).
 *
 * @param request the request
 * @param months the months, in order, 1 to 12
 * @param ruleMonth the month whose rules apply: the submission month, or the one before it before the 3rd
 * @param ruleVersion the rule set in force in the rule month, with its version id
 */
public record BacktrackPlan(
        BacktrackRequest request, List<BillingMonth> months, BillingMonth ruleMonth, RuleVersion ruleVersion) {
    /** Checks that no component is null and copies the months. */
    public BacktrackPlan {
        requireNonNull(request, "request");
        months = List.copyOf(months);
        requireNonNull(ruleMonth, "ruleMonth");
        requireNonNull(ruleVersion, "ruleVersion");
    }
}
