package org.cloudbilling.allocation.backtracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cloudbilling.allocation.backtracking.BacktrackExample.CAL;

import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.cloudbilling.allocation.AllocationRule;
import org.cloudbilling.allocation.AllocationRuleSet;
import org.cloudbilling.allocation.Condition;
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
import org.cloudbilling.core.id.TagKey;
import org.cloudbilling.core.money.Money;
import org.cloudbilling.core.time.BillingMonth;
import org.junit.jupiter.api.Test;

class TagBacktrackingTest {
    private static final Currency CNY = Currency.getInstance("CNY");
    private static final BillingMonth SEP = BillingMonth.of(2024, 9);
    private static final BillingMonth OCT = BillingMonth.of(2024, 10);
    private static final TagKey TEAM = TagKey.of("team");
    /** The V2 rules throughout: team=data goes to data, other compute to web. */
    private static final RuleSchedule SCHEDULE =
            RuleSchedule.activated(Instant.parse("2024-08-10T02:00:00Z"), CAL, BacktrackExample.V2);

    /**
     * In September and October, ins-1 and ins-2 are tagged team=web; on 1 November ins-1 is re-tagged
     * team=data (it lives on); ins-2 is terminated on 20 October with team=web still on it.
     */
    private static final TagBindings HISTORY = TagBindings.of(List.of(
            TagBinding.of(ResourceId.of("ins-1"), Tag.of("team", "web"), Instant.parse("2024-08-01T00:00:00Z"))
                    .endedAt(Instant.parse("2024-10-31T16:00:00Z"), TagBinding.End.UNBOUND),
            TagBinding.of(ResourceId.of("ins-1"), Tag.of("team", "data"), Instant.parse("2024-10-31T16:00:00Z")),
            TagBinding.of(ResourceId.of("ins-2"), Tag.of("team", "web"), Instant.parse("2024-08-01T00:00:00Z"))
                    .endedAt(Instant.parse("2024-10-20T00:00:00Z"), TagBinding.End.RESOURCE_TERMINATED)));

    /** Only tags place costs: team=data to data, team=web to web; an item without a team tag is Unallocated. */
    private static final RuleSchedule TAGS_ONLY = RuleSchedule.activated(
            Instant.parse("2024-08-10T02:00:00Z"),
            CAL,
            AllocationRuleSet.of(
                    BacktrackExample.UNITS,
                    List.of(
                            AllocationRule.of("r-data-tag", "data", Condition.tagIn(TEAM, "data")),
                            AllocationRule.of("r-web-tag", "web", Condition.tagIn(TEAM, "web"))),
                    List.of(),
                    Set.of(TEAM)));

    /** Both resources' items, dated the 6th, carrying {@code team} as their own tag, or no tag when null. */
    private static List<LineItem> items(BillingMonth month, String team) {
        Instant start = CAL.start(month).plusSeconds(5L * 86_400);
        return List.of(
                BacktrackExample.item(month, "ins-1", "p_cvm", "ins-1", team, "10.00", start),
                BacktrackExample.item(month, "ins-2", "p_cvm", "ins-2", team, "7.00", start));
    }

    /** Items without tags of their own: only the tag history places them. */
    private static final MonthInputs UNTAGGED = new MonthInputs() {
        @Override
        public Iterable<LineItem> items(BillingMonth month) {
            return TagBacktrackingTest.items(month, null);
        }

        @Override
        public TagBindings tags(BillingMonth month) {
            return HISTORY;
        }
    };

    /** September's items as the bill showed them, with team=web on them. */
    private static final List<LineItem> SEPTEMBER = items(SEP, "web");

    /** Hands out the same item objects each time, so that a test can look at what the backtrack was given. */
    private static final MonthInputs SEPTEMBER_AS_BILLED = new MonthInputs() {
        @Override
        public Iterable<LineItem> items(BillingMonth month) {
            return SEPTEMBER;
        }

        @Override
        public TagBindings tags(BillingMonth month) {
            return HISTORY;
        }
    };

    private static Money unitTotal(MonthVersion v, String unit) {
        var types = v.unitTotals(CNY).get(Optional.ofNullable(unit).map(UnitId::of));
        return types == null ? Money.zero(CNY) : Money.total(CNY, types.values());
    }

    @Test
    @org.junit.jupiter.api.Tag("BACK-6")
    void currentTags_reachBack_terminatedResourcesKeepTheirOldTags() {
        AllocationHistory before = AllocationHistory.empty();
        for (BillingMonth m : List.of(SEP, OCT)) {
            before = Backtracking.computeMonth(
                    m, TAGS_ONLY, before, UNTAGGED, CAL, BacktrackExample.at("2024-11-01T00:00:00Z"));
        }
        // before: both resources were team=web in September and October
        assertThat(unitTotal(before.version(SEP, 1), "web")).isEqualTo(Money.of("CNY", "17.00"));

        BacktrackOutcome refreshed = Backtracking.refreshTags(
                new BacktrackRequest(OperatorUin.of("42"), Instant.parse("2024-11-10T02:00:00Z"), SEP, OCT),
                TAGS_ONLY,
                before,
                UNTAGGED,
                CAL,
                BacktrackExample.at("2024-11-10T03:00:00Z"),
                BacktrackListener.NONE);
        assertThat(refreshed.isCompleted()).isTrue();
        for (BillingMonth m : List.of(SEP, OCT)) {
            MonthVersion v = refreshed.history().latest(m).orElseThrow();
            assertThat(v.number()).isEqualTo(2);
            // ins-1 is team=data now, so its past costs move to data
            assertThat(unitTotal(v, "data")).as("%s data", m).isEqualTo(Money.of("CNY", "10.00"));
            // ins-2 was terminated on 20 October as team=web: only its kept tag places it in web (no other rule
            // matches it; without the tag it would be Unallocated)
            assertThat(unitTotal(v, "web")).as("%s web", m).isEqualTo(Money.of("CNY", "7.00"));
            assertThat(unitTotal(v, null)).as("%s Unallocated", m).isEqualTo(Money.zero(CNY));
        }
    }

    @Test
    @org.junit.jupiter.api.Tag("BACK-7")
    void tagBacktracking_changesTheCostAllocationBill_andNoOtherView() {
        Grouping byTeam = Grouping.by(Dimension.tag(TEAM));
        var byTeamBefore = Consolidation.consolidate(SEPTEMBER, byTeam);
        var byResourceBefore = Consolidation.consolidate(SEPTEMBER, Grouping.by(Dimension.RESOURCE));
        AllocationHistory before = Backtracking.computeMonth(
                SEP,
                SCHEDULE,
                AllocationHistory.empty(),
                SEPTEMBER_AS_BILLED,
                CAL,
                BacktrackExample.at("2024-10-01T00:00:00Z"));

        BacktrackOutcome refreshed = Backtracking.refreshTags(
                BacktrackRequest.of(OperatorUin.of("42"), Instant.parse("2024-11-10T02:00:00Z"), SEP),
                SCHEDULE,
                before,
                SEPTEMBER_AS_BILLED,
                CAL,
                BacktrackExample.at("2024-11-10T03:00:00Z"),
                BacktrackListener.NONE);

        // the cost allocation bill changes: a second version moves ins-1 (team=data now) from web to data
        MonthVersion v2 = refreshed.history().latest(SEP).orElseThrow();
        assertThat(v2.number()).isEqualTo(2);
        assertThat(unitTotal(v2, "data")).isEqualTo(Money.of("CNY", "10.00"));
        assertThat(unitTotal(v2, "web")).isEqualTo(Money.of("CNY", "7.00"));
        assertThat(refreshed.history().version(SEP, 1)).isEqualTo(before.version(SEP, 1));
        assertThat(unitTotal(before.version(SEP, 1), "web")).isEqualTo(Money.of("CNY", "17.00"));
        // every other view keeps the tags the bill showed: the very items the backtrack read still say team=web,
        // and consolidating them by team or by resource gives what it gave before
        assertThat(SEPTEMBER).extracting(item -> item.tags().get(TEAM)).containsExactly("web", "web");
        var byTeamAfter = Consolidation.consolidate(SEPTEMBER, byTeam);
        assertThat(byTeamAfter).isEqualTo(byTeamBefore);
        assertThat(byTeamAfter.groups().keySet()).extracting(k -> k.values()).containsExactly(List.of("web"));
        assertThat(Consolidation.consolidate(SEPTEMBER, Grouping.by(Dimension.RESOURCE)))
                .isEqualTo(byResourceBefore);
        assertThat(HISTORY.tagsAt(ResourceId.of("ins-1"), CAL.start(SEP)))
                .as("the tag history itself is not rewritten")
                .containsEntry(TEAM, "web");
    }
}
