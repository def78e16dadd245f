package org.cloudbilling.core.focus.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.StringReader;
import java.util.Set;
import org.cloudbilling.core.focus.conformance.RuleVerdict.Outcome;
import org.junit.jupiter.api.Test;

/** Models other than the bundled one: a newer one that loads as data, and broken ones that are refused clearly. */
class ConformanceModelTest {
    /** A model in the Foundation's form with one rule, its requirement given as JSON. */
    private static String model(String version, String ruleId, String requirement, String dependencies) {
        return """
                {"Details": {"ModelVersion": "%1$s", "FOCUSVersion": "%1$s"},
                 "ApplicabilityCriteria": {"TAGGING_SUPPORTED": {"Description": "tags"}},
                 "CheckFunctions": {},
                 "ModelDatasets": {"CostAndUsage": {"ModelRules": ["%2$s"]}},
                 "ModelRules": {
                   "%2$s": {"Function": "Validation", "Reference": "AllocatedMethodId", "EntityType": "Column",
                     "ModelVersionIntroduced": "%1$s", "Status": "Active", "ApplicabilityCriteria": [],
                     "Type": "Static",
                     "ValidationCriteria": {"MustSatisfy": "AllocatedMethodId MUST NOT be null when ...",
                       "Keyword": "MUST NOT", "Requirement": %3$s, "Condition": {}, "Dependencies": %4$s}}}}
                """.formatted(version, ruleId, requirement, dependencies);
    }

    private static FocusConformance load(String json) {
        return FocusConformance.load(new StringReader(json), "m.json");
    }

    /** Loads the model, which must be refused; returns the refusal, to check what it names. */
    private static ConformanceModelException refusal(String json) {
        Throwable thrown = catchThrowable(() -> load(json));
        assertThat(thrown).isInstanceOf(ConformanceModelException.class);
        return (ConformanceModelException) thrown;
    }

    @Test
    void newerModel_withTheSameFunctions_loadsAndChecks() {
        FocusConformance v13 = load(model(
                "1.3",
                "AllocatedMethodId-C-003-C",
                "{\"CheckFunction\": \"CheckNotValue\", \"ColumnName\": \"AllocatedMethodId\", \"Value\": null}",
                "[]"));

        ConformanceReport report =
                v13.check(new StringReader("AllocatedMethodId,BilledCost\nm1,1\n,2\n"), "a.csv", Set.of());

        assertThat(v13.focusVersion()).isEqualTo("1.3");
        assertThat(v13.applicabilityCriteria()).containsExactly("TAGGING_SUPPORTED");
        RuleVerdict v = report.verdict("AllocatedMethodId-C-003-C").orElseThrow();
        assertThat(v.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(v.examples()).containsExactly("line 3: AllocatedMethodId=null");
    }

    @Test
    void notJson_isRefusedNamingTheModel() {
        ConformanceModelException e = refusal("{\"ModelRules\": {");

        assertThat(e).hasMessageStartingWith("m.json: at $: not JSON");
        assertThat(e.ruleId()).isNull();
    }

    @Test
    void unknownCheckFunction_isRefusedNamingRuleAndPath() {
        String json = model(
                "1.3",
                "X-C-001-M",
                "{\"CheckFunction\": \"AND\", \"Items\": [{\"CheckFunction\": \"CheckRegex\", \"ColumnName\": \"X\"}]}",
                "[]");

        ConformanceModelException e = refusal(json);

        assertThat(e)
                .hasMessageContaining("rule X-C-001-M")
                .hasMessageContaining("unknown check function 'CheckRegex'");
        assertThat(e.ruleId()).isEqualTo("X-C-001-M");
        assertThat(e.path()).isEqualTo("$.ModelRules.X-C-001-M.ValidationCriteria.Requirement.Items[0].CheckFunction");
    }

    @Test
    void referenceToAMissingRule_isRefusedNamingRuleAndPath() {
        String json = model(
                "1.3", "X-C-000-M", "{\"CheckFunction\": \"CheckModelRule\", \"ModelRuleId\": \"X-C-009-M\"}", "[]");

        ConformanceModelException e = refusal(json);

        assertThat(e).hasMessageContaining("rule X-C-000-M").hasMessageContaining("X-C-009-M, which the model lacks");
        assertThat(e.path()).isEqualTo("$.ModelRules.X-C-000-M.ValidationCriteria.Requirement");
    }

    @Test
    void dependencyOnAMissingRule_isRefusedNamingRuleAndPath() {
        String json = model(
                "1.3", "X-C-001-M", "{\"CheckFunction\": \"ColumnPresent\", \"ColumnName\": \"X\"}", "[\"X-C-404-M\"]");

        assertThat(refusal(json).path()).isEqualTo("$.ModelRules.X-C-001-M.ValidationCriteria.Dependencies[0]");
    }

    @Test
    void missingArgument_isRefusedNamingRuleAndPath() {
        String json = model("1.3", "X-C-001-M", "{\"CheckFunction\": \"TypeDecimal\"}", "[]");

        ConformanceModelException e = refusal(json);

        assertThat(e).hasMessageContaining("ColumnName is missing");
        assertThat(e.path()).isEqualTo("$.ModelRules.X-C-001-M.ValidationCriteria.Requirement.ColumnName");
    }

    @Test
    void ruleThatContainsItself_isRefused() {
        String json = model(
                "1.3", "X-C-000-M", "{\"CheckFunction\": \"CheckModelRule\", \"ModelRuleId\": \"X-C-000-M\"}", "[]");

        assertThat(refusal(json)).hasMessageContaining("contains itself");
    }

    @Test
    void bundledModel_interpretsEveryRule() {
        FocusConformance focus = FocusConformance.focus12();

        ConformanceReport report = focus.check(new StringReader("BilledCost\n1\n"), "one.csv", Set.of());

        assertThat(focus.focusVersion()).isEqualTo("1.2");
        assertThat(focus.applicabilityCriteria()).hasSize(18);
        assertThat(report.verdicts()).hasSize(621);
        assertThat(report.verdicts().stream().filter(v -> v.outcome() == Outcome.DYNAMIC))
                .hasSize(201);
    }
}
