package org.cloudbilling.allocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.cloudbilling.allocation.JsonValues.forEachValue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.cloudbilling.allocation.json.RuleSetJson;
import org.cloudbilling.core.time.BillingCalendar;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The bad-input catalog for rule sets: cyclic unit trees, unknown units, ratios adding up to 99.99% and 100.01%,
 * and every value of a rule-set document replaced by a JSON value of another type.
 */
@Tag("bad-input")
class BadInputRuleSetTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A document using every part of the form: units with names and parents, tag keys, both rule kinds. */
    private static final String DOCUMENT = """
            {
              "units": [ {"id": "acme", "name": "Acme"}, {"id": "web", "name": "Web", "parent": "acme"},
                         {"id": "data", "parent": "acme"} ],
              "tagKeys": ["team"],
              "collectionRules": [
                {"id": "r-web", "unit": "web", "condition": {"and": [
                   {"dimension": "businessCode", "in": ["p_cvm"]}, {"dimension": "tag:team", "notIn": ["data"]} ]}},
                {"id": "r-data", "unit": "data", "condition": {"or": [ {"dimension": "ownerUin", "in": ["2"]} ]}} ],
              "sharingRules": [
                {"id": "s-net", "source": {"condition": {"dimension": "businessCode", "in": ["p_vpc"]}},
                 "method": "RATIO", "ratios": {"web": "60", "data": 40}},
                {"id": "s-ops", "source": {"unit": "data"}, "method": "PROPORTIONAL", "targets": ["web"],
                 "fallback": "EVEN"} ]
            }""";

    /** Optional fields whose null means "absent" (or, for a parent, "the root"). */
    private static final Set<String> NULLABLE = Set.of("name", "parent", "fallback");

    private static List<String> problems(String json) {
        Throwable t = catchThrowable(() -> RuleSetJson.read(new StringReader(json), "rules.json"));
        assertThat(t).as("reading %s", json).isInstanceOf(RuleSetException.class);
        RuleSetException e = (RuleSetException) t;
        assertThat(e.source()).isEqualTo("rules.json");
        assertThat(e.getMessage()).startsWith("invalid rule set in rules.json");
        return e.problems().stream().map(RuleSetProblem::toString).toList();
    }

    @Test
    void read_theDocument_isValid() {
        AllocationRuleSet rules = RuleSetJson.read(DOCUMENT);
        assertThat(rules.sharingRules().get(0).percentages())
                .containsEntry(UnitId.of("web"), new BigDecimal("60"))
                .containsEntry(UnitId.of("data"), new BigDecimal("40"));
    }

    @Test
    void read_everyValueReplacedByAnotherJsonType_isRefusedAtItsPath() throws Exception {
        JsonNode document = JSON.readTree(DOCUMENT);
        AllocationRuleSet original = RuleSetJson.read(DOCUMENT);
        List<JsonNode> others = List.of(
                JsonNodeFactory.instance.textNode("x"),
                JsonNodeFactory.instance.numberNode(42),
                JsonNodeFactory.instance.numberNode(new BigDecimal("1e999999999")),
                JsonNodeFactory.instance.arrayNode().add("web"),
                JsonNodeFactory.instance.objectNode().put("id", "web"),
                JsonNodeFactory.instance.nullNode(),
                JsonNodeFactory.instance.booleanNode(true));
        List<String> checked = new ArrayList<>();
        forEachValue(document, "$", (path, replace) -> {
            for (JsonNode other : others) {
                JsonNode changed = replace.apply(other);
                if (changed == null) {
                    continue; // the same type: not a type error
                }
                String json = changed.toString();
                String field = path.substring(path.lastIndexOf('.') + 1);
                boolean ratio = path.contains(".ratios.");
                if (ratio && other.isNumber() && other.decimalValue().compareTo(new BigDecimal(100)) <= 0) {
                    // a percentage may be a JSON number: 42 for 60 is valid, and refused only as a sum
                    assertThat(problems(json)).singleElement().asString().contains("add up to");
                    continue;
                }
                if (other.isNull() && NULLABLE.contains(field)) {
                    Throwable t = catchThrowable(() -> RuleSetJson.read(json));
                    assertThat(t)
                            .as(json)
                            .satisfiesAnyOf(
                                    x -> assertThat(x).isNull(),
                                    x -> assertThat(x).isInstanceOf(RuleSetException.class));
                    continue;
                }
                assertThat(problems(json))
                        .as("%s replaced by %s", path, other)
                        .anySatisfy(p -> assertThat(p).startsWith(path));
                checked.add(path);
            }
        });
        assertThat(checked).hasSizeGreaterThan(100).contains("$", "$.units[1].parent", "$.sharingRules[0].ratios.web");
        // nothing read before or during these attempts changed
        assertThat(RuleSetJson.read(DOCUMENT)).isEqualTo(original);
    }

    @Test
    void read_nullEmptyOrNonObjectDocument_isRefusedAtTheRoot() {
        assertThat(problems("null")).containsExactly("$: expected an object, found null");
        assertThat(problems("[]")).containsExactly("$: expected an object, found an array");
        assertThat(problems("\"rules\"")).containsExactly("$: expected an object, found a string");
        assertThat(problems("true")).containsExactly("$: expected an object, found a boolean");
        assertThat(problems("")).containsExactly("$: the input is empty");
        assertThat(problems("   ")).containsExactly("$: the input is empty");
        assertThat(problems("{}")).containsExactly("$.units: is missing");
    }

    @Test
    @Tag("ALLOC-1")
    void read_cyclicUnitTrees_areRefusedNamingTheUnits() {
        assertThat(problems("{\"units\": [ {\"id\": \"a\", \"parent\": \"a\"} ]}"))
                .anySatisfy(p -> assertThat(p).startsWith("$.units: units form a cycle through [a]"));
        // a root, and beside it a loop of three no path from the root reaches
        assertThat(problems("""
                        {"units": [ {"id": "root"}, {"id": "x", "parent": "z"}, {"id": "y", "parent": "x"},
                                    {"id": "z", "parent": "y"} ]}"""))
                .anySatisfy(p -> assertThat(p).startsWith("$.units: units form a cycle through [x, y, z]"));
        // no root at all: the whole tree is a cycle
        assertThat(problems("{\"units\": [ {\"id\": \"a\", \"parent\": \"b\"}, {\"id\": \"b\", \"parent\": \"a\"} ]}"))
                .anySatisfy(p -> assertThat(p).startsWith("$.units: units form a cycle through [a, b]"));
    }

    @Test
    @Tag("ALLOC-1")
    void read_unknownUnits_areRefusedWhereverTheyAreNamed() {
        assertThat(problems("""
                        {"units": [ {"id": "acme"}, {"id": "web", "parent": "acm"} ],
                         "collectionRules": [ {"id": "r", "unit": "webb", "condition": {"dimension": "ownerUin", "in": ["1"]}} ],
                         "sharingRules": [
                           {"id": "s1", "source": {"unit": "ops"}, "method": "EVEN", "targets": ["web"]},
                           {"id": "s2", "source": {"unit": "web"}, "method": "RATIO", "ratios": {"web": "50", "Web": "50"}} ]}"""))
                .anySatisfy(p -> assertThat(p).contains("acm"))
                .anySatisfy(p -> assertThat(p).isEqualTo("$.collectionRules[0].unit: unknown unit webb"))
                .anySatisfy(p ->
                        assertThat(p).startsWith("$.sharingRules[0].source").contains("ops"))
                .anySatisfy(p -> assertThat(p).startsWith("$.sharingRules[1]").contains("Web"));
    }

    @Test
    @Tag("ALLOC-5")
    void read_ratiosAddingUpTo99_99Or100_01_areRefused_and100ExactlyIsRead() {
        for (String[] ratios : List.of(
                new String[] {"60", "39.99"},
                new String[] {"60", "40.01"},
                new String[] {"33.333333333333333333", "66.666666666666666666"},
                new String[] {"0", "0"})) {
            String json = ratioDocument(ratios[0], ratios[1]);
            assertThat(problems(json))
                    .singleElement()
                    .asString()
                    .startsWith("$.sharingRules[0].ratios: ")
                    .contains("add up to")
                    .contains(new BigDecimal(ratios[0])
                            .add(new BigDecimal(ratios[1]))
                            .toPlainString());
        }
        AllocationRuleSet exact = RuleSetJson.read(ratioDocument("33.333333333333333333", "66.666666666666666667"));
        assertThat(exact.sharingRules().get(0).percentages().values().stream().reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo("100");
        assertThat(RuleSetJson.read(ratioDocument("99.99", "0.01")).sharingRules())
                .hasSize(1);
    }

    @Test
    void failedReads_leaveARuleSetReadEarlierUsableAndUnchanged() {
        AllocationRuleSet before = RuleSetJson.read(DOCUMENT);
        String written = RuleSetJson.write(before);
        AllocationBill bill = Allocation.allocate(
                WorkedExample.RULES, WorkedExample.ITEMS, WorkedExample.TAGS, BillingCalendar.TENCENT);
        String rowsText = bill.rows().toString();
        String summaryText = bill.summary().toString();

        // each failed read is refused for its own problem, at its path
        assertThat(problems(ratioDocument("60", "39.99")))
                .containsExactly("$.sharingRules[0].ratios: percentages add up to 99.99, not exactly 100");
        assertThat(problems("{\"units\": [ {\"id\": \"a\", \"parent\": \"a\"} ]}"))
                .contains("$.units: the unit tree has no root (a unit without parent)")
                .anySatisfy(p -> assertThat(p)
                        .startsWith("$.units: units form a cycle through")
                        .contains("a"));
        assertThat(problems(DOCUMENT.replace("\"web\", \"name\": \"Web\"", "\"web\", \"name\": 7")))
                .containsExactly("$.units[1].name: expected a string, found a number");
        assertThatThrownBy(() -> RuleSetJson.read(DOCUMENT.substring(0, DOCUMENT.length() / 2)))
                .isInstanceOf(RuleSetException.class)
                .hasMessageContaining("line");

        assertThat(RuleSetJson.write(before)).isEqualTo(written);
        assertThat(RuleSetJson.read(written)).isEqualTo(before);
        AllocationBill again = Allocation.allocate(
                WorkedExample.RULES, WorkedExample.ITEMS, WorkedExample.TAGS, BillingCalendar.TENCENT);
        assertThat(bill.rows().toString()).isEqualTo(rowsText);
        assertThat(bill.summary().toString()).isEqualTo(summaryText);
        assertThat(bill.rows()).isEqualTo(again.rows());
        // the rule set read before the failures still allocates as a fresh read of the same document does
        assertThat(Allocation.allocate(before, WorkedExample.ITEMS, WorkedExample.TAGS, BillingCalendar.TENCENT)
                        .rows())
                .isEqualTo(Allocation.allocate(
                                RuleSetJson.read(DOCUMENT),
                                WorkedExample.ITEMS,
                                WorkedExample.TAGS,
                                BillingCalendar.TENCENT)
                        .rows())
                .isNotEmpty();
    }

    private static String ratioDocument(String web, String data) {
        return """
                {"units": [ {"id": "acme"}, {"id": "web", "parent": "acme"}, {"id": "data", "parent": "acme"} ],
                 "sharingRules": [ {"id": "s", "source": {"unit": "acme"}, "method": "RATIO",
                                    "ratios": {"web": "%s", "data": "%s"}} ]}""".formatted(web, data);
    }
}
