package org.cloudbilling.allocation.backtracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.cloudbilling.allocation.JsonValues.forEachValue;
import static org.cloudbilling.allocation.backtracking.BacktrackExample.INPUTS;
import static org.cloudbilling.allocation.backtracking.BacktrackExample.SCHEDULE;
import static org.cloudbilling.core.time.BillingCalendar.TENCENT;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.cloudbilling.core.id.OperatorUin;
import org.cloudbilling.core.time.BillingMonth;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The bad-input catalog for allocation histories as JSON: every value replaced by a JSON value of another type
 * (a string for a number, an array for an object, null, a boolean) is refused naming its JSON path, and a failed
 * read leaves a history read earlier usable and unchanged.
 */
@Tag("bad-input")
class BadInputHistoryTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final java.util.Currency CNY = java.util.Currency.getInstance("CNY");
    private static final OperatorUin ALICE = OperatorUin.of("100000000042");

    private static final Pattern REPORTED_PATH = Pattern.compile("^invalid allocation history: at (\\$[^,:]*)[,:] ");

    /**
     * Values that may be null: the optional ones, whose null means absent. Not a line's unit: every unit in the
     * document is on a Collected line, which needs one.
     */
    private static final Pattern NULLABLE = Pattern.compile("\\$\\.versions\\[\\d+]\\.(backtrack|lines\\[\\d+]\\.rule)"
            + "|\\$\\.records\\[\\d+]\\.(completedAt|effectiveFrom|failure)");

    /** A small history with a backtrack record: two versions of one month, a few lines each. */
    private static AllocationHistory history() {
        BillingMonth oct = BillingMonth.of(2024, 10);
        AllocationHistory regular = BacktrackExample.regularRuns();
        BacktrackOutcome outcome = Backtracking.run(
                Backtracking.plan(
                        BacktrackRequest.of(ALICE, Instant.parse("2025-01-10T02:00:00Z"), oct), SCHEDULE, TENCENT),
                regular,
                INPUTS,
                TENCENT,
                BacktrackExample.at("2025-01-10T03:00:00Z"),
                BacktrackListener.NONE);
        List<MonthVersion> versions = new ArrayList<>();
        for (MonthVersion v : outcome.history().versions(oct)) {
            versions.add(new MonthVersion(
                    v.month(),
                    v.number(),
                    v.ruleVersion(),
                    v.backtrack(),
                    v.computedAt(),
                    v.effectiveFrom(),
                    v.lines().subList(0, 3)));
        }
        return new AllocationHistory(versions, outcome.history().records());
    }

    @Test
    void read_everyValueReplacedByAnotherJsonType_isRefusedNamingItsPath() throws Exception {
        AllocationHistory history = history();
        String json = HistoryJson.write(history);
        assertThat(HistoryJson.read(json)).isEqualTo(history);
        JsonNode document = JSON.readTree(json);
        List<JsonNode> others = List.of(
                JsonNodeFactory.instance.textNode("x"),
                JsonNodeFactory.instance.textNode("1"),
                JsonNodeFactory.instance.numberNode(1),
                JsonNodeFactory.instance.numberNode(new BigDecimal("1.5")),
                JsonNodeFactory.instance.numberNode(new BigDecimal("1e999999999")),
                JsonNodeFactory.instance.arrayNode().add("x"),
                JsonNodeFactory.instance.objectNode().put("x", "y"),
                JsonNodeFactory.instance.nullNode(),
                JsonNodeFactory.instance.booleanNode(true));
        List<String> checked = new ArrayList<>();
        List<String> accepted = new ArrayList<>();
        forEachValue(document, "$", (path, replace) -> {
            for (JsonNode other : others) {
                JsonNode changed = replace.apply(other);
                if (changed == null) {
                    continue;
                }
                String bad = changed.toString();
                Throwable t = catchThrowable(() -> HistoryJson.read(bad));
                if (other.isNull() && NULLABLE.matcher(path).matches()) {
                    assertThat(t).as("%s = null", path).isNull();
                    continue;
                }
                if (t == null) {
                    accepted.add(path + " = " + other);
                    continue;
                }
                assertThat(t)
                        .as("%s = %s", path, other)
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessageStartingWith("invalid allocation history: ");
                // the path of the value, or of the money or interval holding it, with the field it names
                java.util.regex.Matcher at = REPORTED_PATH.matcher(t.getMessage());
                assertThat(at.find()).as(t.getMessage()).isTrue();
                String reported = at.group(1);
                assertThat(path).as(t.getMessage()).startsWith(reported);
                if (!reported.equals(path)) {
                    assertThat(t.getMessage()).contains("." + path.substring(reported.length() + 1) + " ");
                }
                checked.add(path);
            }
        });
        assertThat(accepted)
                .as("values of the wrong type read without an error")
                .isEmpty();
        assertThat(checked).hasSizeGreaterThan(150).contains("$", "$.versions[0].number", "$.records[0].status");
    }

    @Test
    void read_emptyOrNonObjectDocument_isRefused() {
        for (String bad : List.of("", "null", "[]", "42", "\"history\"", "true", "{\"versions\": []} trailing")) {
            assertThatThrownBy(() -> HistoryJson.read(bad))
                    .as(bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("invalid allocation history: ");
        }
    }

    @Test
    void failedReads_leaveAHistoryReadEarlierUsableAndUnchanged() {
        AllocationHistory history = history();
        String json = HistoryJson.write(history);
        AllocationHistory read = HistoryJson.read(json);
        MonthVersion latest = read.latest(BillingMonth.of(2024, 10)).orElseThrow();
        VersionDiff diff = VersionDiff.between(
                read.version(BillingMonth.of(2024, 10), 1), read.version(BillingMonth.of(2024, 10), 2), CNY);

        for (String bad : List.of(
                json.replaceFirst("\"number\" : 1", "\"number\" : \"1\""),
                json.replaceFirst("\"number\" : 1", "\"number\" : 1.5"),
                json.replaceFirst("\"number\" : 1", "\"number\" : true"),
                json.replaceFirst("\"COLLECTED\"", "0"),
                json.replaceFirst("\"amount\" : \"([0-9.-]+)\"", "\"amount\" : $1"),
                json.substring(0, json.length() / 2))) {
            assertThatThrownBy(() -> HistoryJson.read(bad)).isInstanceOf(IllegalArgumentException.class);
        }

        assertThat(read).isEqualTo(history);
        assertThat(HistoryJson.write(read)).isEqualTo(json);
        assertThat(read.latest(BillingMonth.of(2024, 10))).contains(latest);
        assertThat(VersionDiff.between(
                        read.version(BillingMonth.of(2024, 10), 1), read.version(BillingMonth.of(2024, 10), 2), CNY))
                .isEqualTo(diff);
    }
}
