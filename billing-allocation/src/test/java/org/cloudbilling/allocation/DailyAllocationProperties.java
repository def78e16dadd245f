package org.cloudbilling.allocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Random;
import org.cloudbilling.allocation.daily.RunningAllocation;
import org.cloudbilling.core.bill.LineItem;
import org.cloudbilling.core.bill.TagBindings;
import org.cloudbilling.core.consolidation.Consolidation;
import org.cloudbilling.core.consolidation.Dimension;
import org.cloudbilling.core.consolidation.Grouping;
import org.cloudbilling.core.consolidation.RunningRollup;
import org.cloudbilling.core.daily.ChargeBatch;
import org.cloudbilling.core.daily.MonthLedger;
import org.cloudbilling.core.testing.DailyBatches;
import org.cloudbilling.core.time.BillingCalendar;
import org.cloudbilling.core.time.BillingMonth;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * DAILY-1, DAILY-2: a month applied batch by batch (new, restated and withdrawn charges, batches delivered twice)
 * gives, after every batch, the consolidation, allocation rows and summaries of one pass over the month's charges
 * at that point, to the last decimal.
 */
class DailyAllocationProperties {
    private static final Currency CNY = Currency.getInstance("CNY");
    private static final BillingMonth SEPTEMBER = BillingMonth.of(2024, 9);
    private static final BillingCalendar CALENDAR = BillingCalendar.TENCENT;
    private static final Grouping GROUPING = Grouping.by(Dimension.OWNER, Dimension.BUSINESS, Dimension.REGION);

    @Test
    @Tag("DAILY-1")
    @Tag("DAILY-2")
    void batchByBatch_equalsOnePassOverTheCharges_afterEveryBatch() {
        qt().withExamples(120).forAll(longs().all()).checkAssert(seed -> {
            RandomRuleSets random = new RandomRuleSets(seed);
            AllocationRuleSet rules = random.ruleSet();
            Allocator allocator = Allocator.compile(rules);
            List<LineItem> items = random.items(new Random(seed).nextInt(40));
            DailyBatches days =
                    DailyBatches.of(items, SEPTEMBER, CNY, 1 + new Random(seed ^ 7).nextInt(15), new Random(seed));

            MonthLedger ledger = MonthLedger.open(SEPTEMBER, CNY, CALENDAR);
            RunningRollup rollup = RunningRollup.empty(GROUPING);
            RunningAllocation allocation = RunningAllocation.start(allocator, TagBindings.empty(), CALENDAR);
            int n = 0;
            for (ChargeBatch batch : days.arrivals()) {
                MonthLedger.Update update = ledger.apply(batch, DailyBatches.arrival(CALENDAR.start(SEPTEMBER), n++));
                ledger = update.ledger();
                rollup = rollup.apply(update.removed(), update.added());
                allocation = allocation.apply(update);
                assertSameAsOnePass(ledger, rollup, allocation, rules);
            }
            assertThat(ledger.charges())
                    .containsExactlyInAnyOrderElementsOf(days.finalCharges().values());
        });
    }

    static void assertSameAsOnePass(
            MonthLedger ledger, RunningRollup rollup, RunningAllocation allocation, AllocationRuleSet rules) {
        List<LineItem> charges = ledger.charges();
        assertThat(rollup.rollup()).isEqualTo(Consolidation.consolidate(charges, GROUPING));
        AllocationBill once = Allocation.allocate(rules, charges, TagBindings.empty(), CALENDAR);
        assertThat(allocation.rows()).isEqualTo(once.rows());
        AllocationSummary summary = once.summary();
        assertThat(allocation.byUnit()).isEqualTo(summary.byUnit());
        for (Breakdown b : Breakdown.values()) {
            assertThat(allocation.by(b)).as("by %s", b).isEqualTo(summary.by(b));
        }
        assertThat(allocation.sourceTotals()).isEqualTo(summary.sourceTotals());
        assertThat(allocation.itemCount()).isEqualTo(summary.itemCount());
    }

    @Test
    @Tag("DAILY-2")
    void theSameBatchTwice_changesNothing() {
        qt().withExamples(40).forAll(longs().all()).checkAssert(seed -> {
            RandomRuleSets random = new RandomRuleSets(seed);
            Allocator allocator = Allocator.compile(random.ruleSet());
            List<LineItem> items = random.items(20);
            ChargeBatch batch = ChargeBatch.daily(org.cloudbilling.core.daily.BatchId.of("d1"), SEPTEMBER, CNY, items);
            Instant at = Instant.parse("2024-09-10T00:00:00Z");
            MonthLedger.Update first =
                    MonthLedger.open(SEPTEMBER, CNY, CALENDAR).apply(batch, at);
            MonthLedger.Update again = first.ledger().apply(batch, at.plusSeconds(60));
            assertThat(again.ledger()).isSameAs(first.ledger());
            assertThat(again.changes()).isEmpty();
            RunningAllocation once = RunningAllocation.start(allocator, TagBindings.empty(), CALENDAR)
                    .apply(first);
            assertThat(once.apply(again)).isSameAs(once);
        });
    }

    /**
     * A batch that only adds cost to a unit a proportional rule shares into changes that rule's split of every
     * shared item of the month, including items of earlier batches.
     */
    @Test
    @Tag("DAILY-1")
    void aBatchThatOnlyChangesAProportionalBase_reallocatesTheSharedItems() {
        AllocationRuleSet rules = WorkedExample.RULES;
        Allocator allocator = Allocator.compile(rules);
        LineItem network = WorkedExample.item("vpc", "100", "p_vpc", null, "2024-09-02T10:00", "30.00", null);
        LineItem web = WorkedExample.item("web", "100", "p_cvm", null, "2024-09-02T10:00", "10.00", "web");
        LineItem mobile = WorkedExample.item("mob", "200", "p_cos", null, "2024-09-03T10:00", "20.00", null);
        MonthLedger ledger = MonthLedger.open(SEPTEMBER, CNY, CALENDAR);
        RunningRollup rollup = RunningRollup.empty(GROUPING);
        RunningAllocation allocation = RunningAllocation.start(allocator, TagBindings.empty(), CALENDAR);
        MonthLedger.Update day1 = ledger.apply(
                ChargeBatch.daily(org.cloudbilling.core.daily.BatchId.of("d1"), SEPTEMBER, CNY, List.of(network, web)),
                Instant.parse("2024-09-03T01:00:00Z"));
        allocation = allocation.apply(day1);
        // web alone has a base: the whole network cost goes to web (targets data, mobile, web)
        assertThat(allocation.rowsOf(network.id()))
                .extracting(r -> r.amount().amount().toPlainString())
                .containsExactly("0.00", "0.00", "30.00");
        MonthLedger.Update day2 = day1.ledger()
                .apply(
                        ChargeBatch.daily(
                                org.cloudbilling.core.daily.BatchId.of("d2"), SEPTEMBER, CNY, List.of(mobile)),
                        Instant.parse("2024-09-04T01:00:00Z"));
        allocation = allocation.apply(day2);
        rollup = rollup.apply(List.of(), day2.ledger().charges());
        // web 10 and mobile 20: the network's 30 splits 10 to web and 20 to mobile
        assertThat(allocation.rowsOf(network.id()))
                .extracting(r -> r.amount().amount().toPlainString())
                .containsExactly("0.00", "20.00", "10.00");
        assertSameAsOnePass(day2.ledger(), rollup, allocation, rules);
    }
}
