package org.cloudbilling.allocation.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.cloudbilling.allocation.AllocationDimension;
import org.cloudbilling.allocation.AllocationRuleSet;
import org.cloudbilling.allocation.AllocationUnit;
import org.cloudbilling.allocation.Condition;
import org.cloudbilling.allocation.RuleSetException;
import org.cloudbilling.allocation.RuleSetProblem;
import org.cloudbilling.allocation.SharingRule;
import org.cloudbilling.allocation.SharingSource;
import org.cloudbilling.allocation.UnitId;
import org.cloudbilling.allocation.ZeroBaseFallback;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Problems of form in a rule set document: each is reported once, at its JSON path, and a broken part never
 * stops the reader from reporting the problems of the other parts.
 */
class RuleSetJsonProblemsTest {
    private static final String UNITS = """
            "units": [ {"id": "acme"}, {"id": "web", "parent": "acme"}, {"id": "data", "parent": "acme"} ]""";
    private static final String OWNER_1 = "{\"dimension\": \"ownerUin\", \"in\": [\"1\"]}";
    private static final String DIMENSIONS = "ownerUin, operatorUin, businessCode, productCode, itemCode, projectId,"
            + " regionId, resourceId, tag:KEY, payMode, instanceType, actionType";

    private static List<String> problems(String json) {
        RuleSetException e = catchThrowableOfType(RuleSetException.class, () -> RuleSetJson.read(json));
        assertThat(e).as("reading %s fails", json).isNotNull();
        return e.problems().stream().map(RuleSetProblem::toString).toList();
    }

    private static String collection(String... rules) {
        return "{" + UNITS + ", \"tagKeys\": [\"team\"], \"collectionRules\": [" + String.join(", ", rules) + "]}";
    }

    private static String sharing(String... rules) {
        return "{" + UNITS + ", \"sharingRules\": [" + String.join(", ", rules) + "]}";
    }

    private static String rule(String id, String condition) {
        return "{\"id\": \"" + id + "\", \"unit\": \"web\", \"condition\": " + condition + "}";
    }

    @Test
    void read_partsThatAreNotObjects_areReportedWithWhatWasFound() {
        assertThat(problems("""
                        {"units": [ {"id": "acme"}, "web" ],
                         "collectionRules": [ 7, {"id": "r", "unit": "acme", "condition": ["x"]} ],
                         "sharingRules": [ true,
                            {"id": "s1", "source": null, "method": "EVEN", "targets": ["acme"]},
                            {"id": "s2", "source": {"unit": "acme"}, "method": "RATIO", "ratios": "50"} ]}"""))
                .containsExactly(
                        "$.units[1]: expected an object, found a string",
                        "$.collectionRules[0]: expected an object, found a number",
                        "$.collectionRules[1].condition: expected an object, found an array",
                        "$.sharingRules[0]: expected an object, found a boolean",
                        "$.sharingRules[1].source: expected an object, found null",
                        "$.sharingRules[2].ratios: expected an object, found a string");
    }

    @Test
    void read_listsThatAreNotArrays_areReportedWithWhatWasFound() {
        assertThat(problems("{\"units\": {}, \"tagKeys\": null, \"collectionRules\": \"r\"}"))
                .containsExactly(
                        "$.units: expected an array, found an object",
                        "$.tagKeys: expected an array, found null",
                        "$.collectionRules: expected an array, found a string");
    }

    @Test
    void read_nullWhereAStringIsRequired_isReported() {
        assertThat(problems("{\"units\": [ {\"id\": null} ], \"tagKeys\": [null]}"))
                .containsExactly(
                        "$.units[0].id: expected a string, found null", "$.tagKeys[0]: expected a string, found null");
    }

    @Test
    void read_unknownFieldsAtEveryLevel_areEachReportedWithTheFieldsExpected() {
        assertThat(problems("""
                        {"units": [ {"id": "acme", "colour": "red"} ], "version": 2,
                         "collectionRules": [ {"id": "r", "unit": "acme",
                             "condition": {"dimension": "ownerUin", "in": ["1"], "weight": 2}} ],
                         "sharingRules": [ {"id": "s", "source": {"unit": "acme", "why": 1}, "method": "EVEN",
                             "targets": ["acme"], "share": 1} ]}"""))
                .containsExactly(
                        "$.version: unknown field; expected one of units, tagKeys, collectionRules, sharingRules",
                        "$.units[0].colour: unknown field; expected one of id, name, parent",
                        "$.collectionRules[0].condition.weight: unknown field; expected one of dimension, in, notIn",
                        "$.sharingRules[0].share: unknown field; expected one of id, source, method, targets,"
                                + " ratios, fallback",
                        "$.sharingRules[0].source.why: unknown field; expected one of condition, unit");
    }

    @Test
    void read_andTogetherWithOtherFields_reportsEachOtherField() {
        assertThat(problems(collection(
                        rule("r1", "{\"and\": [" + OWNER_1 + "], \"or\": [" + OWNER_1 + "]}"),
                        rule("r2", "{\"or\": [" + OWNER_1 + "], \"dimension\": \"ownerUin\"}"))))
                .containsExactly(
                        "$.collectionRules[0].condition.or: unknown field; expected one of and",
                        "$.collectionRules[1].condition.dimension: unknown field; expected one of or");
    }

    @Test
    void read_namesOfSixtyCharacters_areKept_longerOnesAreShortened() {
        String sixty = "f".repeat(60);
        assertThat(problems("{" + UNITS + ", \"" + sixty + "\": 1, \"" + sixty + "g\": 2}"))
                .containsExactly(
                        "$." + sixty + ": unknown field; expected one of units, tagKeys, collectionRules,"
                                + " sharingRules",
                        "$." + sixty + "...: unknown field; expected one of units, tagKeys, collectionRules,"
                                + " sharingRules");
        assertThat(problems(collection(rule("r", "{\"dimension\": \"" + sixty + "x\", \"in\": [\"1\"]}"))))
                .containsExactly("$.collectionRules[0].condition.dimension: unknown dimension '" + sixty
                        + "...'; expected one of " + DIMENSIONS);
    }

    @Test
    void read_emptyIdentifiers_areReportedWhereTheyAre() {
        assertThat(problems("""
                        {"units": [ {"id": "acme"}, {"id": "", "parent": "acme"} ], "tagKeys": ["team", ""],
                         "collectionRules": [ {"id": "", "unit": "acme", "condition": {"dimension": "ownerUin", "in": ["1"]}} ],
                         "sharingRules": [
                            {"id": "s1", "source": {"unit": ""}, "method": "EVEN", "targets": ["acme"]},
                            {"id": "s2", "source": {"unit": "acme"}, "method": "EVEN", "targets": ["web", ""]},
                            {"id": "s3", "source": {"unit": "acme"}, "method": "RATIO", "ratios": {"": "100"}} ]}"""))
                .containsExactly(
                        "$.units[1].id: is empty",
                        "$.tagKeys[1]: is empty",
                        "$.collectionRules[0].id: is empty",
                        "$.sharingRules[0].source.unit: is empty",
                        "$.sharingRules[1].targets[1]: is empty",
                        "$.sharingRules[2].ratios.: is empty");
    }

    @Test
    @Tag("ALLOC-9")
    void read_tagKeyListedTwice_isReportedAtItsSecondPlace() {
        assertThat(problems("{" + UNITS + ", \"tagKeys\": [\"team\", \"env\", \"team\"]}"))
                .containsExactly("$.tagKeys[2]: tag key 'team' is listed twice");
    }

    @Test
    void read_collectionRulesMissingAPart_reportOnlyThatPart() {
        assertThat(problems(collection(
                        "{\"unit\": \"web\", \"condition\": " + OWNER_1 + "}",
                        "{\"id\": \"r2\", \"condition\": " + OWNER_1 + "}",
                        "{\"id\": \"r3\", \"unit\": \"web\"}")))
                .containsExactly(
                        "$.collectionRules[0].id: is missing",
                        "$.collectionRules[1].unit: is missing",
                        "$.collectionRules[2].condition: is missing");
    }

    @Test
    @Tag("ALLOC-5")
    void read_sharingRulesMissingAPart_reportOnlyThatPart() {
        assertThat(problems(sharing(
                        "{\"source\": {\"unit\": \"acme\"}, \"method\": \"EVEN\", \"targets\": [\"web\"]}",
                        "{\"id\": \"s2\", \"method\": \"EVEN\", \"targets\": [\"web\"]}",
                        "{\"id\": \"s3\", \"source\": {\"unit\": \"data\"}, \"targets\": [\"web\"]}")))
                .containsExactly(
                        "$.sharingRules[0].id: is missing",
                        "$.sharingRules[1].source: is missing",
                        "$.sharingRules[2].method: is missing");
    }

    @Test
    @Tag("ALLOC-5")
    void read_sourceWithBothUnitAndCondition_orABrokenCondition_isReported() {
        assertThat(problems(sharing(
                        "{\"id\": \"s1\", \"source\": {\"unit\": \"acme\", \"condition\": " + OWNER_1
                                + "}, \"method\": \"EVEN\", \"targets\": [\"web\"]}",
                        "{\"id\": \"s2\", \"source\": {\"condition\": {\"dimension\": \"nowhere\", \"in\": [\"x\"]}},"
                                + " \"method\": \"EVEN\", \"targets\": [\"web\"]}")))
                .containsExactly(
                        "$.sharingRules[0].source: a source has exactly one of 'condition' (costs matching it) and"
                                + " 'unit' (costs reaching it)",
                        "$.sharingRules[1].source.condition.dimension: unknown dimension 'nowhere'; expected one of "
                                + DIMENSIONS);
    }

    @Test
    @Tag("ALLOC-7")
    void read_fallback_defaultsToEven_isReadWhenGiven_andMustBeKnown() {
        AllocationRuleSet rules = RuleSetJson.read(sharing(
                "{\"id\": \"s1\", \"source\": {\"unit\": \"acme\"}, \"method\": \"PROPORTIONAL\", \"targets\":"
                        + " [\"web\"], \"fallback\": \"UNALLOCATED\"}",
                "{\"id\": \"s2\", \"source\": {\"unit\": \"data\"}, \"method\": \"PROPORTIONAL\", \"targets\":"
                        + " [\"web\"], \"fallback\": null}"));
        assertThat(rules.sharingRules())
                .extracting(SharingRule::fallback)
                .containsExactly(ZeroBaseFallback.UNALLOCATED, ZeroBaseFallback.EVEN);
        assertThat(problems(sharing(
                        "{\"id\": \"s1\", \"source\": {\"unit\": \"acme\"}, \"method\": \"PROPORTIONAL\", \"targets\":"
                                + " [\"web\"], \"fallback\": \"LATER\"}",
                        "{\"id\": \"s2\", \"source\": {\"unit\": \"data\"}, \"method\": \"RATIO\", \"ratios\":"
                                + " {\"web\": \"100\"}, \"fallback\": \"EVEN\"}")))
                .containsExactly(
                        "$.sharingRules[0].fallback: unknown value 'LATER'; expected one of [EVEN, UNALLOCATED]",
                        "$.sharingRules[1].fallback: a fallback is only for the PROPORTIONAL method, not RATIO");
    }

    @Test
    void read_unitWithNullNameAndParent_isARootNamedByItsId() {
        AllocationRuleSet rules = RuleSetJson.read("{\"units\": [ {\"id\": \"acme\", \"name\": null, \"parent\": null},"
                + " {\"id\": \"web\", \"name\": \"Web team\", \"parent\": \"acme\"} ]}");
        assertThat(rules.units().units().values())
                .containsExactly(
                        new AllocationUnit(UnitId.of("acme"), "acme", Optional.empty()),
                        new AllocationUnit(UnitId.of("web"), "Web team", Optional.of(UnitId.of("acme"))));
    }

    @Test
    @Tag("ALLOC-5")
    void read_percentagesAtTheBoundsAndAsIntegers_areAccepted() {
        AllocationRuleSet rules = RuleSetJson.read(sharing(
                "{\"id\": \"s1\", \"source\": {\"unit\": \"acme\"}, \"method\": \"RATIO\", \"ratios\": {\"web\": \"0\","
                        + " \"data\": \"100\"}}",
                "{\"id\": \"s2\", \"source\": {\"unit\": \"web\"}, \"method\": \"RATIO\", \"ratios\": {\"data\": 100}}",
                "{\"id\": \"s3\", \"source\": {\"condition\": " + OWNER_1
                        + "}, \"method\": \"RATIO\", \"targets\": [\"acme\"],"
                        + " \"ratios\": {\"acme\": 100.000000000000000000}}"));
        assertThat(rules.sharingRules().get(0).percentages())
                .containsExactly(
                        java.util.Map.entry(UnitId.of("web"), BigDecimal.ZERO),
                        java.util.Map.entry(UnitId.of("data"), new BigDecimal("100")));
        assertThat(rules.sharingRules().get(1).percentages()).containsEntry(UnitId.of("data"), new BigDecimal("100"));
        assertThat(rules.sharingRules().get(2).percentages().get(UnitId.of("acme")))
                .isEqualTo(new BigDecimal("100.000000000000000000"));
    }

    @Test
    @Tag("ALLOC-5")
    void read_percentagesOfTheWrongKindOrTooPrecise_areRejected() {
        assertThat(problems(sharing("""
                        {"id": "s", "source": {"unit": "acme"}, "method": "RATIO",
                         "ratios": {"web": true, "data": null, "acme": 0.1234567890123456789}}""", """
                        {"id": "t", "source": {"unit": "web"}, "method": "RATIO",
                         "ratios": {"data": "1000", "acme": "0.1234567890123456789"}}""")))
                .containsExactly(
                        "$.sharingRules[0].ratios.web: expected a percentage as a string or a number, found a boolean",
                        "$.sharingRules[0].ratios.data: expected a percentage as a string or a number, found null",
                        "$.sharingRules[0].ratios.acme: percentage 0.1234567890123456789 has more than 18 decimals",
                        "$.sharingRules[1].ratios.data: '1000' is not a percentage: write digits such as \"33.5\","
                                + " from 0 to 100 with at most 18 decimals",
                        "$.sharingRules[1].ratios.acme: '0.1234567890123456789' is not a percentage: write digits"
                                + " such as \"33.5\", from 0 to 100 with at most 18 decimals");
    }

    @Test
    @Tag("ALLOC-5")
    void read_emptyRatios_areReported() {
        assertThat(problems(sharing("{\"id\": \"s\", \"source\": {\"unit\": \"acme\"}, \"method\": \"RATIO\","
                        + " \"ratios\": {}}")))
                .containsExactly(
                        "$.sharingRules[0].ratios: ratios are empty: a RATIO split needs a percentage per" + " target");
    }

    @Test
    @Tag("ALLOC-2")
    void read_emptyOrMalformedAndOr_areReportedOnce() {
        assertThat(problems(collection(
                        rule("r1", "{\"and\": []}"),
                        rule("r2", "{\"or\": \"x\"}"),
                        rule("r3", "{\"or\": [" + OWNER_1 + ", {\"dimension\": \"ownerUin\"}]}"))))
                .containsExactly(
                        "$.collectionRules[0].condition.and: 'and' needs at least one condition",
                        "$.collectionRules[1].condition.or: expected an array, found a string",
                        "$.collectionRules[2].condition.or[1]: a condition has exactly one of 'in' and 'notIn', or is"
                                + " an 'and' or an 'or'");
    }

    @Test
    @Tag("ALLOC-2")
    void read_conditionsWithBadPartsOfIn_reportEachPart() {
        assertThat(problems(collection(
                        rule("r1", "{\"dimension\": \"ownerUin\", \"in\": [\"1\"], \"notIn\": [\"2\"]}"),
                        rule("r2", "{\"dimension\": \"tag\", \"in\": [\"x\"]}"),
                        rule("r3", "{\"in\": [\"x\"]}"),
                        rule("r4", "{\"dimension\": 5, \"in\": [\"x\"]}"),
                        rule("r5", "{\"dimension\": \"ownerUin\", \"in\": \"x\"}"),
                        rule("r6", "{\"dimension\": \"tag:\", \"in\": [1, \"x\"]}"))))
                .containsExactly(
                        "$.collectionRules[0].condition: a condition has exactly one of 'in' and 'notIn', or is an"
                                + " 'and' or an 'or'",
                        "$.collectionRules[1].condition.dimension: unknown dimension 'tag'; expected one of "
                                + DIMENSIONS,
                        "$.collectionRules[2].condition.dimension: is missing",
                        "$.collectionRules[3].condition.dimension: expected a string, found a number",
                        "$.collectionRules[4].condition.in: expected an array, found a string",
                        "$.collectionRules[5].condition.in[0]: expected a string, found a number",
                        "$.collectionRules[5].condition.dimension: a tag dimension names its key, such as tag:team");
    }

    @Test
    @Tag("ALLOC-2")
    void read_tagDimension_readsTheKeyAfterThePrefix() {
        AllocationRuleSet rules =
                RuleSetJson.read(collection(rule("r", "{\"dimension\": \"tag:team\", \"notIn\": [\"a\", \"b\"]}")));
        assertThat(rules.collectionRules().get(0).condition())
                .isEqualTo(Condition.tagNotIn(org.cloudbilling.core.id.TagKey.of("team"), "a", "b"));
        assertThat(RuleSetJson.read(collection(rule("r", OWNER_1)))
                        .collectionRules()
                        .get(0)
                        .condition())
                .isEqualTo(Condition.in(AllocationDimension.OWNER_UIN, "1"));
    }

    @Test
    @Tag("ALLOC-5")
    void read_conditionSource_isAMatchingSource() {
        AllocationRuleSet rules = RuleSetJson.read(sharing("{\"id\": \"s\", \"source\": {\"condition\": " + OWNER_1
                + "}, \"method\": \"EVEN\"," + " \"targets\": [\"web\", \"data\"]}"));
        assertThat(rules.sharingRules().get(0).source())
                .isEqualTo(SharingSource.matching(Condition.in(AllocationDimension.OWNER_UIN, "1")));
        assertThat(rules.sharingRules().get(0).targets()).containsExactly(UnitId.of("web"), UnitId.of("data"));
    }
}
