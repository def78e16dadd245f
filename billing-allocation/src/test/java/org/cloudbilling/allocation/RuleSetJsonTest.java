package org.cloudbilling.allocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.cloudbilling.allocation.json.RuleSetJson;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Rule sets read from and written to JSON: the documented form, round trips, and every problem with its path. */
class RuleSetJsonTest {
    private static final String UNITS = """
            "units": [ {"id": "acme"}, {"id": "web", "parent": "acme"}, {"id": "data", "parent": "acme"} ]""";

    private static Reader resource(String name) {
        InputStream in = RuleSetJsonTest.class.getResourceAsStream(name);
        assertThat(in).as(name).isNotNull();
        return new InputStreamReader(in, StandardCharsets.UTF_8);
    }

    private static List<String> problems(String json) {
        RuleSetException e = catchThrowableOfType(RuleSetException.class, () -> RuleSetJson.read(json));
        assertThat(e).as("reading %s fails", json).isNotNull();
        return e.problems().stream().map(RuleSetProblem::toString).toList();
    }

    private static String withRules(String collectionRules, String sharingRules) {
        return "{" + UNITS + ", \"tagKeys\": [\"team\"], \"collectionRules\": [" + collectionRules
                + "], \"sharingRules\": [" + sharingRules + "]}";
    }

    @Test
    @Tag("ALLOC-2")
    @Tag("ALLOC-5")
    void read_workedExampleFile_equalsTheRuleSetBuiltInCode() throws IOException {
        try (Reader in = resource("/rules/worked-example.json")) {
            assertThat(RuleSetJson.read(in, "worked-example.json")).isEqualTo(WorkedExample.RULES);
        }
    }

    @Test
    void read_leavesTheTextOpen_forItsCallerToClose() throws IOException {
        StringReader text = new StringReader("{" + UNITS + "}  ");
        assertThat(RuleSetJson.read(text, "units.json").units().units()).hasSize(3);
        assertThat(text.ready()).isTrue(); // a closed reader throws here
    }

    @Test
    void write_workedExample_givesTheDocumentedForm() throws IOException {
        ObjectMapper json = new ObjectMapper();
        try (Reader in = resource("/rules/worked-example.json")) {
            assertThat(json.readTree(RuleSetJson.write(WorkedExample.RULES))).isEqualTo(json.readTree(in));
        }
    }

    @Test
    @Tag("ALLOC-2")
    @Tag("ALLOC-5")
    void writeThenRead_givesAnEqualRuleSet_forRandomRuleSets() {
        qt().withExamples(300).forAll(longs().all()).checkAssert(seed -> {
            AllocationRuleSet rules = new RandomRuleSets(seed).ruleSet();
            AllocationRuleSet back = RuleSetJson.read(RuleSetJson.write(rules));
            assertThat(back).isEqualTo(rules);
            assertThat(RuleSetJson.write(back)).isEqualTo(RuleSetJson.write(rules));
        });
    }

    @Test
    @Tag("ALLOC-5")
    void read_percentagesAsStringsOrNumbers_keepsThemExactly() {
        AllocationRuleSet rules = RuleSetJson.read(withRules("", """
                {"id": "s", "source": {"unit": "acme"}, "method": "RATIO",
                 "ratios": {"web": 33.333333333333333334, "data": "66.666666666666666666"}}"""));
        SharingRule rule = rules.sharingRules().get(0);
        assertThat(rule.targets()).containsExactly(UnitId.of("web"), UnitId.of("data"));
        assertThat(rule.percentages().get(UnitId.of("web"))).isEqualTo(new BigDecimal("33.333333333333333334"));
        assertThat(rule.percentages().get(UnitId.of("data"))).isEqualTo(new BigDecimal("66.666666666666666666"));
    }

    @Test
    @Tag("ALLOC-5")
    void read_ratiosOf99_99And100_01_areRejectedWithTheirPath() {
        for (String[] p : new String[][] {{"60", "39.99"}, {"60", "40.01"}}) {
            assertThat(problems(withRules(
                            "",
                            "{\"id\": \"s\", \"source\": {\"unit\": \"acme\"}, \"method\": \"RATIO\", \"ratios\": {\"web\": \""
                                    + p[0] + "\", \"data\": \"" + p[1] + "\"}}")))
                    .containsExactly("$.sharingRules[0].ratios: percentages add up to "
                            + new BigDecimal(p[0]).add(new BigDecimal(p[1])).toPlainString() + ", not exactly 100");
        }
    }

    @Test
    @Tag("ALLOC-1")
    void read_unknownUnitsAndDuplicateIds_areReportedTogether() {
        assertThat(problems(withRules("""
                        {"id": "r1", "unit": "mobile", "condition": {"dimension": "ownerUin", "in": ["1"]}},
                        {"id": "r1", "unit": "web", "condition": {"dimension": "ownerUin", "in": ["2"]}}""", """
                        {"id": "s1", "source": {"unit": "web"}, "method": "EVEN", "targets": ["data", "ops"]}""")))
                .containsExactlyInAnyOrder(
                        "$.collectionRules[0].unit: unknown unit mobile",
                        "$.collectionRules[1].id: duplicate rule id r1",
                        "$.sharingRules[0].targets[1]: unknown unit ops");
    }

    @Test
    @Tag("ALLOC-1")
    void read_cyclicUnitTree_namesTheUnits() {
        assertThat(problems("""
                        {"units": [ {"id": "a"}, {"id": "b", "parent": "c"}, {"id": "c", "parent": "b"} ]}"""))
                .singleElement()
                .asString()
                .startsWith("$.units: units form a cycle through")
                .contains("b")
                .contains("c");
    }

    @Test
    @Tag("ALLOC-2")
    void read_emptyValueList_andUnknownDimension_areReportedWithTheirPaths() {
        assertThat(problems(withRules("""
                        {"id": "r1", "unit": "web", "condition": {"and": [
                            {"dimension": "businessCode", "in": []},
                            {"dimension": "colour", "notIn": ["red"]},
                            {"dimension": "tag:", "in": ["x"]} ]}}""", "")))
                .containsExactly(
                        "$.collectionRules[0].condition.and[0].in: the value list is empty",
                        "$.collectionRules[0].condition.and[1].dimension: unknown dimension 'colour'; expected one"
                                + " of ownerUin, operatorUin, businessCode, productCode, itemCode, projectId, regionId,"
                                + " resourceId, tag:KEY, payMode, instanceType, actionType",
                        "$.collectionRules[0].condition.and[2].dimension: a tag dimension names its key, such as"
                                + " tag:team");
    }

    @Test
    @Tag("ALLOC-9")
    void read_sixteenTagKeys_areRejected() {
        String keys = IntStream.range(0, 16).mapToObj(i -> "\"k" + i + "\"").collect(Collectors.joining(", "));
        assertThat(problems("{" + UNITS + ", \"tagKeys\": [" + keys + "]}"))
                .containsExactly("$.tagKeys: 16 cost allocation tag keys are active; at most 15 may be");
    }

    @Test
    @Tag("ALLOC-9")
    void read_ruleOnAnInactiveTagKey_isRejected() {
        assertThat(problems(withRules(
                        "{\"id\": \"r1\", \"unit\": \"web\", \"condition\": {\"dimension\": \"tag:env\", \"in\": [\"prod\"]}}",
                        "")))
                .singleElement()
                .asString()
                .startsWith("$.collectionRules[0].condition: tag key 'env' is not an active cost allocation tag key");
    }

    @Test
    void read_malformedJson_namesTheLineAndColumn() {
        assertThat(problems("{\n  \"units\": [\n    {\"id\": \"a\",}\n  ]\n}"))
                .singleElement()
                .asString()
                .startsWith("$: not valid JSON at line 3, column 16:");
        assertThat(problems("{\"units\": [], \"units\": []}"))
                .singleElement()
                .asString()
                .startsWith("$: not valid JSON at line 1, column ")
                .contains("Duplicate field 'units'");
        assertThat(problems("{\"units\": [\n  {\"id\": \"a\",\n   \"name\": \"A\", \"id\": \"b\"}\n]}"))
                .singleElement()
                .asString()
                .startsWith("$: not valid JSON at line 3, column ")
                .contains("Duplicate field 'id'");
        assertThat(problems("")).containsExactly("$: the input is empty");
        assertThat(problems("{\"units\": []} []")).singleElement().asString().startsWith("$: not valid JSON");
    }

    @Test
    void read_wrongTypesMissingAndUnknownFields_areEachReported() {
        assertThat(problems("""
                        {"units": [ {"id": 7}, {"name": "x"} ], "tagKeys": "team",
                         "collectionRules": [ {"id": "r", "unit": "a", "condition": {"dimension": "ownerUin", "in": [1]}, "priority": 2} ],
                         "sharingRules": [ {"id": "s", "source": {}, "method": "SOMETIMES", "targets": ["a"]} ]}"""))
                .containsExactly(
                        "$.units[0].id: expected a string, found a number",
                        "$.units[1].id: is missing",
                        "$.tagKeys: expected an array, found a string",
                        "$.collectionRules[0].priority: unknown field; expected one of id, unit, condition",
                        "$.collectionRules[0].condition.in[0]: expected a string, found a number",
                        "$.sharingRules[0].source: a source has exactly one of 'condition' (costs matching it) and"
                                + " 'unit' (costs reaching it)",
                        "$.sharingRules[0].method: unknown value 'SOMETIMES'; expected one of [RATIO, EVEN,"
                                + " PROPORTIONAL]");
        assertThat(problems("[]")).containsExactly("$: expected an object, found an array");
        assertThat(problems("{}")).containsExactly("$.units: is missing");
    }

    @Test
    @Tag("ALLOC-5")
    @Tag("ALLOC-7")
    void read_optionsThatDoNotFitTheMethod_areRejected() {
        assertThat(problems(withRules("", """
                        {"id": "s1", "source": {"unit": "acme"}, "method": "EVEN", "targets": ["web"],
                         "ratios": {"web": "100"}, "fallback": "UNALLOCATED"},
                        {"id": "s2", "source": {"unit": "web"}, "method": "RATIO"},
                        {"id": "s3", "source": {"unit": "data"}, "method": "PROPORTIONAL"}""")))
                .containsExactly(
                        "$.sharingRules[0].fallback: a fallback is only for the PROPORTIONAL method, not EVEN",
                        "$.sharingRules[0].ratios: ratios are only for the RATIO method, not EVEN",
                        "$.sharingRules[1].ratios: the RATIO method needs ratios",
                        "$.sharingRules[2].targets: is missing");
    }

    @Test
    @Tag("ALLOC-5")
    void read_percentagesOutOfRangeOrHuge_areRejectedWithoutExpandingThem() {
        assertThat(problems(withRules("", """
                        {"id": "s", "source": {"unit": "acme"}, "method": "RATIO",
                         "ratios": {"web": 1e999999999, "data": "-5", "acme": 100.5}}""")))
                .containsExactly(
                        "$.sharingRules[0].ratios.web: percentage 1E+999999999 is not between 0 and 100",
                        "$.sharingRules[0].ratios.data: '-5' is not a percentage: write digits such as \"33.5\", from 0"
                                + " to 100 with at most 18 decimals",
                        "$.sharingRules[0].ratios.acme: percentage 100.5 is not between 0 and 100");
    }

    @Test
    @Tag("ALLOC-5")
    void read_sharingRulesInACycle_areRejected() {
        assertThat(problems(withRules("", """
                        {"id": "s1", "source": {"unit": "web"}, "method": "EVEN", "targets": ["data"]},
                        {"id": "s2", "source": {"unit": "data"}, "method": "EVEN", "targets": ["web"]}""")))
                .singleElement()
                .asString()
                .startsWith("$.sharingRules: sharing rules pass costs around a cycle");
    }

    @Test
    void read_fromANamedSource_namesItInTheMessage() {
        RuleSetException e = catchThrowableOfType(
                RuleSetException.class,
                () -> RuleSetJson.read(new java.io.StringReader("{\"units\": 1}"), "rules/acme.json"));
        assertThat(e.source()).isEqualTo("rules/acme.json");
        assertThat(e).hasMessage("invalid rule set in rules/acme.json: $.units: expected an array, found a number");
    }

    @Test
    @Tag("ALLOC-2")
    void read_notInAndNesting_buildTheSameConditionsAsCode() {
        AllocationRuleSet rules = RuleSetJson.read(withRules("""
                {"id": "r1", "unit": "web", "condition": {"or": [
                    {"and": [ {"dimension": "payMode", "notIn": ["PREPAID"]}, {"dimension": "tag:team", "notIn": ["data"]} ]},
                    {"dimension": "regionId", "in": ["ap-guangzhou", "ap-shanghai"]} ]}}""", ""));
        assertThat(rules.collectionRules().get(0).condition())
                .isEqualTo(Condition.or(
                        Condition.and(
                                Condition.notIn(AllocationDimension.PAY_MODE, "PREPAID"),
                                Condition.tagNotIn(org.cloudbilling.core.id.TagKey.of("team"), "data")),
                        Condition.in(AllocationDimension.REGION_ID, "ap-guangzhou", "ap-shanghai")));
    }
}
