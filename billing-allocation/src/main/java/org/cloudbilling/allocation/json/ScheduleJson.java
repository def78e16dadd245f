package org.cloudbilling.allocation.json;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cloudbilling.allocation.AllocationRuleSet;
import org.cloudbilling.allocation.RuleSchedule;
import org.cloudbilling.core.daily.StateDocument;
import org.cloudbilling.core.daily.StateJson;
import org.cloudbilling.core.json.BillingJson;
import org.cloudbilling.core.time.BillingMonth;

/**
 * A {@link RuleSchedule} with its revision as versioned JSON (DAILY-4):
 *
 * <pre>{@code
 * {"format": "cloudbilling.rule-schedule", "formatVersion": 1, "revision": 2,
 *  "state": {"activatedAt": "2024-08-01T02:00:00Z", "firstMonth": "2024-07",
 *            "changes": [{"from": "2024-07", "rules": {...}}, {"from": "2024-11", "rules": {...}}]}}
 * }</pre>
 *
 * <p>Each rule set is in the form of {@link RuleSetJson}. Refusals name the file, JSON path, line and column (see
 * {@link StateJson}); a rule set that is not valid is reported with its {@code changes[i]} path.
 */
public final class ScheduleJson {
    /** What a schedule is called in messages and in its {@link StateDocument}. */
    public static final String WHAT = "rule schedule";

    private static final StateJson.Form<RuleSchedule, ScheduleData> FORM = new StateJson.Form<>(
            "cloudbilling.rule-schedule", WHAT, 1, ScheduleData.class, ScheduleJson::toData, ScheduleJson::fromData);

    private ScheduleJson() {}

    /** The stored form of a schedule. */
    record ScheduleData(Instant activatedAt, BillingMonth firstMonth, List<ChangeData> changes) {}

    /** The stored form of one change: its month and rule set. */
    record ChangeData(BillingMonth from, JsonNode rules) {}

    /**
     * Returns {@code schedule} at revision 0, ready for changes with {@link StateDocument#apply}.
     *
     * @param schedule the schedule, not null
     * @return the document, never null
     */
    public static StateDocument<RuleSchedule> document(RuleSchedule schedule) {
        return StateDocument.initial(WHAT, schedule);
    }

    /**
     * Writes {@code schedule} to {@code out}; flushes {@code out} and leaves it open.
     *
     * @param schedule the schedule and its revision, not null
     * @param out where to write, not null
     * @throws UncheckedIOException if {@code out} fails
     */
    public static void write(StateDocument<RuleSchedule> schedule, Writer out) {
        StateJson.write(FORM, schedule, out);
    }

    /**
     * Reads a schedule from {@code in}, then closes {@code in}.
     *
     * @param in the JSON, not null
     * @param source what {@code in} is, such as a file name, for messages, not null
     * @return the schedule and its revision, equal to what was written, never null
     * @throws IllegalArgumentException naming the source, JSON path, line, column and reason
     * @throws UncheckedIOException if {@code in} fails
     */
    public static StateDocument<RuleSchedule> read(Reader in, String source) {
        return StateJson.read(FORM, in, source);
    }

    private static ScheduleData toData(RuleSchedule schedule) {
        ObjectMapper mapper = BillingJson.mapper();
        List<ChangeData> changes = new ArrayList<>();
        for (Map.Entry<BillingMonth, AllocationRuleSet> e : schedule.changes().entrySet()) {
            try {
                changes.add(new ChangeData(e.getKey(), mapper.readTree(RuleSetJson.write(e.getValue()))));
            } catch (JsonProcessingException x) {
                throw new IllegalStateException("a rule set's own JSON does not read back: " + x.getMessage(), x);
            }
        }
        return new ScheduleData(schedule.activatedAt(), schedule.firstMonth(), changes);
    }

    private static RuleSchedule fromData(ScheduleData data) {
        Map<BillingMonth, AllocationRuleSet> changes = new LinkedHashMap<>();
        for (int i = 0; i < data.changes().size(); i++) {
            ChangeData change = requireNonNull(data.changes().get(i), "changes[" + i + "]");
            String where = "changes[" + i + "].rules";
            AllocationRuleSet rules;
            try {
                rules = RuleSetJson.read(new StringReader(change.rules().toString()), where);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
            }
            if (changes.put(change.from(), rules) != null) {
                throw new IllegalArgumentException("changes[" + i + "]: a second rule set from " + change.from());
            }
        }
        return RuleSchedule.restore(data.activatedAt(), data.firstMonth(), changes);
    }
}
