package org.cloudbilling.allocation.backtracking;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Collectors;
import org.cloudbilling.allocation.RuleSchedule;
import org.cloudbilling.core.bill.LineItem;
import org.cloudbilling.core.bill.TagBindings;
import org.cloudbilling.core.id.OperatorUin;
import org.cloudbilling.core.time.BillingCalendar;
import org.cloudbilling.core.time.BillingMonth;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The example of docs/backtracking.md ("A month's life"), run as written: October's first version, a backtrack
 * submitted, stored in progress, run, then replayed. The code between the markers is the doc's, word for word.
 */
class BacktrackingDocTest {

    /** A host's store, in memory: the month's items, the tag history, and the history it saves as JSON. */
    static final class Store {
        String saved = "";

        List<LineItem> items(BillingMonth month) {
            return BacktrackExample.items(month);
        }

        TagBindings tagHistory() {
            return TagBindings.empty();
        }

        void save(AllocationHistory history) {
            StringWriter out = new StringWriter();
            HistoryJson.write(history, out);
            saved = out.toString();
        }

        AllocationHistory load() {
            return HistoryJson.read(new StringReader(saved));
        }
    }

    @Test
    @Tag("BACK-4")
    @Tag("BACK-5")
    @Tag("BACK-9")
    void monthsLife_firstVersion_submit_run_replay() {
        Store store = new Store();
        RuleSchedule schedule = BacktrackExample.SCHEDULE; // V1 from August 2024, V2 from November
        BillingCalendar calendar = BillingCalendar.TENCENT;
        OperatorUin operator = OperatorUin.of("100000000042");
        BillingMonth oct = BillingMonth.of(2024, 10);
        Clock clock = Clock.fixed(Instant.parse("2025-01-10T03:00:00Z"), ZoneOffset.UTC);

        // --- doc example starts
        MonthInputs inputs = new MonthInputs() {
            @Override
            public Iterable<LineItem> items(BillingMonth month) {
                return store.items(month); // may be called more than once, and iterated up to twice
            }

            @Override
            public TagBindings tags(BillingMonth month) {
                return store.tagHistory(); // as it stands now, covering the month
            }
        };

        // 00:00 on 1 November 2024 (UTC+8): October's regular run, with October's rules (V1): version 1
        Clock nov1 = Clock.fixed(Instant.parse("2024-10-31T16:00:00Z"), ZoneOffset.UTC);
        AllocationHistory history =
                Backtracking.computeMonth(oct, schedule, AllocationHistory.empty(), inputs, calendar, nov1);
        store.save(history);

        // 10:00 on 10 January 2025 (UTC+8): recompute October with January's rules (V2)
        BacktrackRequest request = BacktrackRequest.of(operator, Instant.parse("2025-01-10T02:00:00Z"), oct);
        BacktrackPlan plan = Backtracking.plan(request, schedule, calendar);
        BacktrackOutcome submitted = Backtracking.submit(plan, store.load()); // IN_PROGRESS ("Reviewing")
        store.save(submitted.history()); // readers still see version 1
        BacktrackOutcome done = Backtracking.run(plan, store.load(), inputs, calendar, clock, BacktrackListener.NONE);
        store.save(done.history()); // COMPLETED: version 2, in force from 00:00 on 11 January (UTC+8)

        // the same request again, say after a crash before the host heard back: nothing changes
        BacktrackOutcome replay = Backtracking.run(plan, store.load(), inputs, calendar, clock, BacktrackListener.NONE);
        // --- doc example ends

        assertThat(history.versions(oct)).extracting(MonthVersion::number).containsExactly(1);
        assertThat(history.version(oct, 1).backtrack()).isEmpty();
        assertThat(history.version(oct, 1).ruleVersion())
                .isEqualTo(RuleVersion.of(BacktrackExample.V1).id());
        assertThat(history.version(oct, 1).effectiveFrom()).isEqualTo(Instant.parse("2024-10-31T16:00:00Z"));

        assertThat(submitted.record().status()).isEqualTo(BacktrackStatus.IN_PROGRESS);
        assertThat(submitted.history().versions(oct)).hasSize(1);

        assertThat(done.record().status()).isEqualTo(BacktrackStatus.COMPLETED);
        assertThat(done.record().id()).isEqualTo(submitted.record().id());
        assertThat(done.history().records()).containsExactly(done.record());
        assertThat(done.history().version(oct, 2).ruleVersion())
                .isEqualTo(RuleVersion.of(BacktrackExample.V2).id());
        assertThat(done.history().inForce(oct, Instant.parse("2025-01-10T15:59:59Z")))
                .contains(done.history().version(oct, 1));
        assertThat(done.history().inForce(oct, Instant.parse("2025-01-10T16:00:00Z")))
                .contains(done.history().version(oct, 2));

        assertThat(replay.history()).isEqualTo(done.history());
        assertThat(replay.record()).isEqualTo(done.record());
        assertThat(store.load()).isEqualTo(done.history());
    }

    @Test
    void docExample_isTheCodeOfThisTest() throws IOException {
        String test = Files.readString(
                Path.of("src/test/java/org/cloudbilling/allocation/backtracking/BacktrackingDocTest.java"));
        String code = test.substring(
                test.indexOf("// --- doc example starts\n") + "// --- doc example starts\n".length(),
                test.indexOf("        // --- doc example ends"));
        String dedented = code.lines()
                .map(l -> l.length() >= 8 ? l.substring(8) : l.strip())
                .collect(Collectors.joining("\n", "", "\n"));
        String doc = Files.readString(Path.of("../docs/backtracking.md"));
        assertThat(doc).contains("```java\n" + dedented + "```\n");
    }
}
