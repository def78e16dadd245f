package org.cloudbilling.allocation.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.cloudbilling.allocation.AllocationRuleSet;
import org.cloudbilling.allocation.RuleSetException;
import org.cloudbilling.allocation.RuleSetProblem;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Values of the enumerated dimensions (actionType, payMode) and dimension names are checked when a rule set is
 * read: a value that can never match is a problem at its JSON path, listing the accepted values, with a "did you
 * mean" for a near miss (ALLOC-2).
 */
@Tag("ALLOC-2")
@Tag("bad-input")
class RuleSetValuesTest {
    private static final String ACTION_TYPES = "NEW_PURCHASE, RENEWAL, UPGRADE, DOWNGRADE, REFUND, USAGE, ADJUSTMENT,"
            + " COMMITMENT_DEDUCTION, COMMITMENT_PURCHASE, TAX, CREDIT, OTHER";

    private static String document(String condition) {
        return """
                {"units": [ {"id": "acme"}, {"id": "web", "parent": "acme"} ],
                 "collectionRules": [ {"id": "r", "unit": "web", "condition": {"and": [
                    {"dimension": "businessCode", "in": ["p_cvm"]}, %s ]}} ]}""".formatted(condition);
    }

    private static List<RuleSetProblem> problems(String json) {
        RuleSetException e = catchThrowableOfType(RuleSetException.class, () -> RuleSetJson.read(json));
        assertThat(e).as("reading %s fails", json).isNotNull();
        return e.problems();
    }

    @Test
    void read_actionTypeInFocusSpelling_isRefusedAtTheValue_suggestingTheConstant() {
        List<RuleSetProblem> problems =
                problems(document("{\"dimension\": \"actionType\", \"in\": [\"USAGE\", \"Credit\"]}"));

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("$.collectionRules[0].condition.and[1].in[1]");
            assertThat(p.message())
                    .isEqualTo("unknown actionType 'Credit'; did you mean 'CREDIT'? expected one of " + ACTION_TYPES);
        });
    }

    @Test
    void read_actionTypeNearMiss_suggestsTheNearestConstant() {
        List<RuleSetProblem> problems =
                problems(document("{\"dimension\": \"actionType\", \"notIn\": [\"REFUNDS\", \"new-purchase\"]}"));

        assertThat(problems)
                .extracting(RuleSetProblem::path)
                .containsExactly(
                        "$.collectionRules[0].condition.and[1].notIn[0]",
                        "$.collectionRules[0].condition.and[1].notIn[1]");
        assertThat(problems.get(0).message()).startsWith("unknown actionType 'REFUNDS'; did you mean 'REFUND'?");
        assertThat(problems.get(1).message())
                .startsWith("unknown actionType 'new-purchase'; did you mean 'NEW_PURCHASE'?");
    }

    @Test
    void read_focusChargeCategoryWithoutANearConstant_namesTheActionTypesOfTheCategory() {
        List<RuleSetProblem> problems = problems(document("{\"dimension\": \"actionType\", \"in\": [\"Purchase\"]}"));

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("$.collectionRules[0].condition.and[1].in[0]");
            assertThat(p.message())
                    .isEqualTo("unknown actionType 'Purchase'; 'Purchase' is a FOCUS ChargeCategory, whose action"
                            + " types are NEW_PURCHASE, RENEWAL, UPGRADE, DOWNGRADE, REFUND, COMMITMENT_PURCHASE;"
                            + " expected one of " + ACTION_TYPES);
        });
    }

    @Test
    void read_unrelatedActionType_listsTheAcceptedValuesWithoutAGuess() {
        List<RuleSetProblem> problems = problems(document("{\"dimension\": \"actionType\", \"in\": [\"Compute\"]}"));

        assertThat(problems)
                .singleElement()
                .hasToString("$.collectionRules[0].condition.and[1].in[0]: unknown actionType 'Compute'; expected one"
                        + " of " + ACTION_TYPES);
    }

    @Test
    void read_payModeLowerCase_isRefusedSuggestingTheConstant() {
        assertThat(problems(document("{\"dimension\": \"payMode\", \"in\": [\"prepaid\"]}")))
                .singleElement()
                .hasToString("$.collectionRules[0].condition.and[1].in[0]: unknown payMode 'prepaid'; did you mean"
                        + " 'PREPAID'? expected one of PREPAID, POSTPAID");
    }

    @Test
    void read_sharingSourceCondition_isCheckedToo() {
        String json = """
                {"units": [ {"id": "acme"}, {"id": "web", "parent": "acme"} ],
                 "sharingRules": [ {"id": "s", "method": "EVEN", "targets": ["web"],
                    "source": {"condition": {"dimension": "actionType", "in": ["Tax"]}}} ]}""";

        assertThat(problems(json))
                .singleElement()
                .satisfies(p -> assertThat(p.toString())
                        .startsWith("$.sharingRules[0].source.condition.in[0]: unknown actionType 'Tax'; did you mean"
                                + " 'TAX'?"));
    }

    @Test
    void read_dimensionNameNearMiss_suggestsTheName() {
        List<RuleSetProblem> problems = problems(document("{\"dimension\": \"actiontype\", \"in\": [\"CREDIT\"]}"));
        List<RuleSetProblem> operator = problems(document("{\"dimension\": \"operateUin\", \"in\": [\"1\"]}"));
        List<RuleSetProblem> tag = problems(document("{\"dimension\": \"Tag:team\", \"in\": [\"web\"]}"));

        assertThat(problems)
                .singleElement()
                .hasToString("$.collectionRules[0].condition.and[1].dimension: unknown dimension 'actiontype'; did you"
                        + " mean 'actionType'? expected one of ownerUin, operatorUin, businessCode, productCode,"
                        + " itemCode, projectId, regionId, resourceId, tag:KEY, payMode, instanceType, actionType");
        assertThat(operator)
                .singleElement()
                .satisfies(p -> assertThat(p.message())
                        .startsWith("unknown dimension 'operateUin'; did you mean 'operatorUin'?"));
        assertThat(tag)
                .singleElement()
                .satisfies(p ->
                        assertThat(p.message()).startsWith("unknown dimension 'Tag:team'; did you mean 'tag:team'?"));
    }

    @Test
    void read_everyConstantOfTheEnumeratedDimensions_isAccepted() {
        AllocationRuleSet rules = RuleSetJson.read(document("{\"dimension\": \"actionType\", \"in\": ["
                + quoted(ACTION_TYPES) + "]}, {\"dimension\": \"payMode\", \"notIn\": [\"PREPAID\", \"POSTPAID\"]}"));

        assertThat(rules.collectionRules()).hasSize(1);
    }

    private static String quoted(String list) {
        return "\"" + String.join("\", \"", list.split(", ")) + "\"";
    }
}
