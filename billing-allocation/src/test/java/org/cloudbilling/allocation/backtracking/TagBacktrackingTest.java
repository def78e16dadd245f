package org.cloudbilling.allocation.backtracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cloudbilling.allocation.backtracking.BacktrackExample.CAL;

import java.time.Instant;
import java.util.Currency;
import java.util.List;
import org.cloudbilling.allocation.RuleSchedule;
import org.cloudbilling.allocation.UnitId;
import org.cloudbilling.core.bill.LineItem;
import org.cloudbilling.core.bill.TagBinding;
import org.cloudbilling.core.bill.TagBindings;
import org.cloudbilling.core.consolidation.Consolidation;
import org.cloudbilling.core.consolidation.Dimension;
import org.cloudbilling.core.consolidation.Grouping;
import org.cloudbilling.core.id.OperatorUin;
import org.cloudbilling.core.id.ResourceId;
import org.cloudbilling.core.id.Tag;
import org.cloudbilling.core.money.Money;
import org.cloudbilling.core.time.BillingMonth;
import org.junit.jupiter.api.Test;

class TagBacktrackingTest {
    private static final Currency CNY = Currency.getInstance("CNY");
    private static final BillingMonth SEP = BillingMonth.of(2024, 9);
    private static final BillingMonth OCT = BillingMonth.of(2024, 10);
    /** The V2 rules throughout: team=data goes to data, other compute to web. */
    private static final RuleSchedule SCHEDULE =
            RuleSchedule.activated(Instant.parse("2024-08-10T02:00:00Z"), CAL, BacktrackExample.V2);

    /**
     * In September and October, ins-1 is tagged team=web and ins-2 team=web; on 1 November ins-1 is re-tagged
     * team=data (it lives on); ins-2 is terminated on 20 October with team=web still on it.
     */
    private static final TagBindings HISTORY = TagBindings.of(List.of(
            TagBinding.of(ResourceId.of("ins-1"), Tag.of("team", "web"), Instant.parse("2024-08-01T00:00:00Z"))
                    .endedAt(Instant.parse("2024-10-31T16:00:00Z"), TagBinding.End.UNBOUND),
            TagBinding.of(ResourceId.of("ins-1"), Tag.of("team", "data"), Instant.parse("2024-10-31T16:00:00Z")),
            TagBinding.of(ResourceId.of("ins-2"), Tag.of("team", "web"), Instant.parse("2024-08-01T00:00:00Z"))
                    .endedAt(Instant.parse("2024-10-20T00:00:00Z"), TagBinding.End.RESOURCE_TERMINATED)));

    private static List<LineItem> items(BillingMonth month) {
        Instant start = CAL.start(month).plusSeconds(5L * 86_400);
        return List.of(
                BacktrackExample.item(month, "ins-1", "p_cvm", "ins-1", null, "10.00", start),
                BacktrackExample.item(month, "ins-2", "p_cvm", "ins-2", null, "7.00", start));
    }

    private static final MonthInputs INPUTS = new MonthInputs() {
        @Override
        public Iterable<LineItem> items(BillingMonth month) {
            return TagBacktrackingTest.items(month);
        }

        @Override
        public TagBindings tags(BillingMonth month) {
            return HISTORY;
        }
    };

    @Test
    @org.junit.jupiter.api.Tag("BACK-6")
    void currentTags_reachBack_terminatedResourcesKeepTheirOldTags() {
        AllocationHistory before = AllocationHistory.empty();
        for (BillingMonth m : List.of(SEP, OCT)) {
            before = Backtracking.computeMonth(
                    m, SCHEDULE, before, INPUTS, CAL, BacktrackExample.at("2024-11-01T00:00:00Z"));
        }
        assertThat(before.version(SEP, 1).unitTotals(CNY).keySet())
                .as("before: both resources were team=web")
                .containsExactly(java.util.Optional.of(UnitId.of("web")));

        BacktrackOutcome refreshed = Backtracking.refreshTags(
                new BacktrackRequest(OperatorUin.of("42"), Instant.parse("2024-11-10T02:00:00Z"), SEP, OCT),
                SCHEDULE,
                before,
                INPUTS,
                CAL,
                BacktrackExample.at("2024-11-10T03:00:00Z"),
                BacktrackListener.NONE);
        assertThat(refreshed.isCompleted()).isTrue();
        for (BillingMonth m : List.of(SEP, OCT)) {
            MonthVersion v = refreshed.history().latest(m).orElseThrow();
            assertThat(v.number()).isEqualTo(2);
            // ins-1 is team=data now, so its past costs move to data; ins-2 was terminated as team=web
            assertThat(v.unitTotals(CNY)
                            .get(java.util.Optional.of(UnitId.of("data")))
                            .values())
                    .containsExactly(Money.of("CNY", "10.00"));
            assertThat(v.unitTotals(CNY)
                            .get(java.util.Optional.of(UnitId.of("web")))
                            .values())
                    .containsExactly(Money.of("CNY", "7.00"));
        }
    }

    @Test
    @org.junit.jupiter.api.Tag("BACK-7")
    void tagBacktracking_changesOnlyTheCostAllocationBill() {
        List<LineItem> september = items(SEP);
        var byResourceBefore = Consolidation.consolidate(september, Grouping.by(Dimension.RESOURCE));
        Backtracking.refreshTags(
                BacktrackRequest.of(OperatorUin.of("42"), Instant.parse("2024-11-10T02:00:00Z"), SEP),
                SCHEDULE,
                AllocationHistory.empty(),
                INPUTS,
                CAL,
                BacktrackExample.at("2024-11-10T03:00:00Z"),
                BacktrackListener.NONE);
        assertThat(items(SEP)).isEqualTo(september);
        assertThat(september).allSatisfy(item -> assertThat(item.tags()).isEmpty());
        assertThat(Consolidation.consolidate(september, Grouping.by(Dimension.RESOURCE)))
                .isEqualTo(byResourceBefore);
        assertThat(HISTORY.tagsAt(ResourceId.of("ins-1"), CAL.start(SEP)))
                .as("the tag history itself is not rewritten")
                .containsEntry(org.cloudbilling.core.id.TagKey.of("team"), "web");
    }
}
