package org.cloudbilling.allocation.backtracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cloudbilling.allocation.backtracking.BacktrackExample.CAL;
import static org.cloudbilling.allocation.backtracking.BacktrackExample.INPUTS;
import static org.cloudbilling.allocation.backtracking.BacktrackExample.SCHEDULE;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.cloudbilling.core.id.OperatorUin;
import org.cloudbilling.core.time.BillingMonth;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Months of a backtrack are computed in parallel: each month's new version is exactly what backtracking that month
 * alone gives, and the listener hears the months in order.
 */
@Tag("BACK-4")
@Tag("BACK-5")
@DisplayName("BACK-4 months computed in parallel give exactly the months computed one by one")
class BacktrackParallelTest {
    private static final OperatorUin ALICE = OperatorUin.of("100000000042");
    private static final Instant JAN_10 = Instant.parse("2025-01-10T02:00:00Z");

    private static BacktrackOutcome backtrack(BillingMonth from, BillingMonth to, List<String> heard) {
        return Backtracking.run(
                Backtracking.plan(new BacktrackRequest(ALICE, JAN_10, from, to), SCHEDULE, CAL),
                BacktrackExample.regularRuns(),
                INPUTS,
                CAL,
                BacktrackExample.at("2025-01-10T03:00:00Z"),
                new BacktrackListener() {
                    @Override
                    public void monthStarted(BillingMonth month, int index, int count) {
                        heard.add("start " + month);
                    }

                    @Override
                    public void monthDone(BillingMonth month) {
                        heard.add("done " + month);
                    }
                });
    }

    @Test
    void fiveMonthsTogether_equalEachMonthAlone_heardInOrder() {
        BillingMonth aug = BillingMonth.of(2024, 8);
        BillingMonth dec = BillingMonth.of(2024, 12);
        List<String> heard = new ArrayList<>();
        AllocationHistory together = backtrack(aug, dec, heard).history();
        List<String> expectedEvents = new ArrayList<>();
        for (BillingMonth m = aug; !m.isAfter(dec); m = m.next()) {
            expectedEvents.add("start " + m);
            expectedEvents.add("done " + m);
            AllocationHistory alone = backtrack(m, m, new ArrayList<>()).history();
            assertThat(together.version(m, 2).lines())
                    .as("%s", m)
                    .isEqualTo(alone.version(m, 2).lines());
        }
        assertThat(heard).isEqualTo(expectedEvents);
    }

    /**
     * A backtrack holds every month's lines until its last month is done: the lines of one unit share one {@code
     * Optional} of it, rather than one each (memory, not values: the lines stay equal).
     */
    @Test
    void linesOfOneUnit_shareTheUnitsOptional() {
        BillingMonth nov = BillingMonth.of(2024, 11);
        AllocationHistory after =
                backtrack(nov, BillingMonth.of(2024, 12), new ArrayList<>()).history();
        for (BillingMonth m : List.of(nov, BillingMonth.of(2024, 12))) {
            List<AllocationLine> data = after.version(m, 2).lines().stream()
                    .filter(l -> l.unit().isPresent() && l.unit().get().value().equals("data"))
                    .toList();
            assertThat(data).as("%s: cvm-data, cos and cdn go to data", m).hasSize(3);
            assertThat(data)
                    .as("%s", m)
                    .allSatisfy(l -> assertThat(l.unit()).isSameAs(data.get(0).unit()));
        }
    }
}
