package org.cloudbilling.allocation.backtracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cloudbilling.allocation.backtracking.BacktrackExample.INPUTS;
import static org.cloudbilling.allocation.backtracking.BacktrackExample.SCHEDULE;
import static org.cloudbilling.core.time.BillingCalendar.TENCENT;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.cloudbilling.core.bill.LineItem;
import org.cloudbilling.core.bill.TagBindings;
import org.cloudbilling.core.id.OperatorUin;
import org.cloudbilling.core.time.BillingMonth;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Backtracks of 0 and 13 months (BACK-1, BACK-6: 1 to 12 months). A request names its first and last month, so
 * 0 months is a range whose last month comes before its first; 13 is one month more than the most allowed. Both
 * are refused before any month is read and before a record is started.
 */
@Tag("bad-input")
@Tag("BACK-1")
@Tag("BACK-6")
class BadInputBacktrackTest {
    private static final OperatorUin ALICE = OperatorUin.of("100000000042");
    /** 10 September 2025 in UTC+8: every month from August 2024 to August 2025 is in the past. */
    private static final Instant SUBMITTED = Instant.parse("2025-09-10T02:00:00Z");

    private static final BillingMonth AUG_2024 = BillingMonth.of(2024, 8);

    private static BacktrackRequest request(BillingMonth from, BillingMonth to) {
        return new BacktrackRequest(ALICE, SUBMITTED, from, to);
    }

    @Test
    void plan_zeroMonths_isRefusedAsARangeEndingBeforeItStarts() {
        BillingMonth sep = BillingMonth.of(2024, 9);
        assertThatThrownBy(() -> Backtracking.plan(request(sep, AUG_2024), SCHEDULE, TENCENT))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the range 2024-09..2024-08 ends before it starts: a backtrack covers 1 to 12 months");
    }

    @Test
    void plan_thirteenMonths_isRefused_twelveAndOneAreRead() {
        BillingMonth aug2025 = BillingMonth.of(2025, 8);
        assertThatThrownBy(() -> Backtracking.plan(request(AUG_2024, aug2025), SCHEDULE, TENCENT))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a backtrack covers 1 to 12 months; 2024-08..2025-08 is 13 months");
        assertThat(Backtracking.plan(request(AUG_2024, BillingMonth.of(2025, 7)), SCHEDULE, TENCENT)
                        .months())
                .hasSize(Backtracking.MAX_MONTHS)
                .startsWith(AUG_2024);
        assertThat(Backtracking.plan(request(AUG_2024, AUG_2024), SCHEDULE, TENCENT)
                        .months())
                .containsExactly(AUG_2024);
    }

    @Test
    void refreshTags_zeroOrThirteenMonths_isRefusedBeforeAnythingIsReadOrHeard() {
        AllocationHistory before = BacktrackExample.regularRuns();
        List<String> touched = new ArrayList<>();
        MonthInputs watched = new MonthInputs() {
            @Override
            public Iterable<LineItem> items(BillingMonth month) {
                touched.add("items " + month);
                return INPUTS.items(month);
            }

            @Override
            public TagBindings tags(BillingMonth month) {
                touched.add("tags " + month);
                return INPUTS.tags(month);
            }
        };
        BacktrackListener listener = new BacktrackListener() {
            @Override
            public void started(BacktrackRecord record) {
                touched.add("started");
            }

            @Override
            public void finished(BacktrackRecord record) {
                touched.add("finished " + record.status());
            }
        };
        for (BacktrackRequest bad : new BacktrackRequest[] {
            request(BillingMonth.of(2024, 9), AUG_2024), request(AUG_2024, BillingMonth.of(2025, 8))
        }) {
            assertThatThrownBy(() -> Backtracking.refreshTags(
                            bad,
                            SCHEDULE,
                            before,
                            watched,
                            TENCENT,
                            BacktrackExample.at("2025-09-10T03:00:00Z"),
                            listener))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("a backtrack covers 1 to 12 months");
            assertThatThrownBy(() -> Backtracking.submitTagRefresh(bad, SCHEDULE, before, TENCENT))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("a backtrack covers 1 to 12 months");
        }
        assertThat(touched).as("no month read, no record started or finished").isEmpty();
        // a good request through the same inputs and listener is heard
        Backtracking.refreshTags(
                request(AUG_2024, AUG_2024),
                SCHEDULE,
                before,
                watched,
                TENCENT,
                BacktrackExample.at("2025-09-10T03:00:00Z"),
                listener);
        assertThat(touched).startsWith("started").endsWith("finished COMPLETED").contains("items 2024-08");
    }
}
