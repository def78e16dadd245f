package org.cloudbilling.core.focus.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
        assertThatThrownBy(() -> load("{\"ModelRules\": {"))
                .isInstanceOf(ConformanceModelException.class)
                .hasMessageStartingWith("m.json: at $: not JSON")
                .satisfies(e ->
                        assertThat(((ConformanceModelException) e).ruleId()).isNull());
    }

    @Test
    void unknownCheckFunction_isRefusedNamingRuleAndPath() {
        String json = model(
                "1.3",
                "X-C-001-M",
                "{\"CheckFunction\": \"AND\", \"Items\": [{\"CheckFunction\": \"CheckRegex\", \"ColumnName\": \"X\"}]}",
                "[]");

        assertThatThrownBy(() -> load(json))
                .isInstanceOf(ConformanceModelException.class)
                .hasMessageContaining("rule X-C-001-M")
                .hasMessageContaining("unknown check function 'CheckRegex'")
                .satisfies(e -> {
                    ConformanceModelException m = (ConformanceModelException) e;
                    assertThat(m.ruleId()).isEqualTo("X-C-001-M");
                    assertThat(m.path())
                            .isEqualTo("$.ModelRules.X-C-001-M.ValidationCriteria.Requirement.Items[0].CheckFunction");
                });
    }

    @Test
    void referenceToAMissingRule_isRefusedNamingRuleAndPath() {
        String json = model(
                "1.3", "X-C-000-M", "{\"CheckFunction\": \"CheckModelRule\", \"ModelRuleId\": \"X-C-009-M\"}", "[]");

        assertThatThrownBy(() -> load(json))
                .isInstanceOf(ConformanceModelException.class)
                .hasMessageContaining("rule X-C-000-M")
                .hasMessageContaining("X-C-009-M, which the model lacks")
                .satisfies(e -> assertThat(((ConformanceModelException) e).path())
                        .isEqualTo("$.ModelRules.X-C-000-M.ValidationCriteria.Requirement"));
    }

    @Test
    void dependencyOnAMissingRule_isRefusedNamingRuleAndPath() {
        String json = model(
                "1.3", "X-C-001-M", "{\"CheckFunction\": \"ColumnPresent\", \"ColumnName\": \"X\"}", "[\"X-C-404-M\"]");

        assertThatThrownBy(() -> load(json))
                .isInstanceOf(ConformanceModelException.class)
                .satisfies(e -> assertThat(((ConformanceModelException) e).path())
                        .isEqualTo("$.ModelRules.X-C-001-M.ValidationCriteria.Dependencies[0]"));
    }

    @Test
    void missingArgument_isRefusedNamingRuleAndPath() {
        String json = model("1.3", "X-C-001-M", "{\"CheckFunction\": \"TypeDecimal\"}", "[]");

        assertThatThrownBy(() -> load(json))
                .isInstanceOf(ConformanceModelException.class)
                .hasMessageContaining("ColumnName is missing")
                .satisfies(e -> assertThat(((ConformanceModelException) e).path())
                        .isEqualTo("$.ModelRules.X-C-001-M.ValidationCriteria.Requirement.ColumnName"));
    }

    @Test
    void ruleThatContainsItself_isRefused() {
        String json = model(
                "1.3", "X-C-000-M", "{\"CheckFunction\": \"CheckModelRule\", \"ModelRuleId\": \"X-C-000-M\"}", "[]");

        assertThatThrownBy(() -> load(json))
                .isInstanceOf(ConformanceModelException.class)
                .hasMessageContaining("contains itself");
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
