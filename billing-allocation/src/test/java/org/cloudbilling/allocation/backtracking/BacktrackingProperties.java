package org.cloudbilling.allocation.backtracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cloudbilling.allocation.backtracking.BacktrackExample.CAL;

import java.time.Instant;
import java.util.Currency;
import java.util.List;
import org.cloudbilling.core.bill.LineItem;
import org.cloudbilling.core.id.OperatorUin;
import org.cloudbilling.core.money.Money;
import org.cloudbilling.core.time.BillingMonth;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Invariants of backtracking over every range of months the example's history allows, each one tried. */
class BacktrackingProperties {
    private static final Currency CNY = Currency.getInstance("CNY");
    private static final BillingMonth AUG = BillingMonth.of(2024, 8);

    @Test
    @Tag("BACK-1")
    @Tag("ALLOC-6")
    @Tag("BACK-9")
    void everyRecomputedMonth_conservesItsTotal_andRerunsAreIdentical() {
        AllocationHistory regular = BacktrackExample.regularRuns();
        // every one of the 15 ranges, exhaustively: a random draw filtered by a <= b can run out of examples
        for (int a = 0; a <= 4; a++) {
            for (int b = a; b <= 4; b++) {
                BillingMonth from = AUG.plusMonths(a);
                BillingMonth to = AUG.plusMonths(b);
                BacktrackPlan plan = Backtracking.plan(
                        new BacktrackRequest(OperatorUin.of("1"), Instant.parse("2025-01-10T02:00:00Z"), from, to),
                        BacktrackExample.SCHEDULE,
                        CAL);
                BacktrackOutcome once =
                        BacktrackExample.runOnJan10(plan, regular, BacktrackExample.INPUTS, BacktrackListener.NONE);
                // the same months asked for again an hour later: another request, with the same rules
                BacktrackPlan again = Backtracking.plan(
                        new BacktrackRequest(OperatorUin.of("1"), Instant.parse("2025-01-10T03:00:00Z"), from, to),
                        BacktrackExample.SCHEDULE,
                        CAL);
                BacktrackOutcome twice = Backtracking.run(
                        again,
                        once.history(),
                        BacktrackExample.INPUTS,
                        CAL,
                        BacktrackExample.at("2025-01-10T04:00:00Z"),
                        BacktrackListener.NONE);
                // the first request replayed changes nothing (BACK-9)
                assertThat(Backtracking.run(
                                        plan,
                                        twice.history(),
                                        BacktrackExample.INPUTS,
                                        CAL,
                                        BacktrackExample.at("2025-01-10T05:00:00Z"),
                                        BacktrackListener.NONE)
                                .history())
                        .isEqualTo(twice.history());
                for (BillingMonth m : plan.months()) {
                    assertThat(twice.history().versions(m)).hasSize(3);
                    List<LineItem> items = BacktrackExample.items(m);
                    Money source = Money.total(
                            CNY, items.stream().map(LineItem::totalCost).toList());
                    MonthVersion v = once.history().latest(m).orElseThrow();
                    assertThat(v.total(CNY)).isEqualTo(source);
                    assertThat(twice.history().latest(m).orElseThrow().sameContentAs(v))
                            .isTrue();
                    boolean sameRules = !m.isBefore(BillingMonth.of(2024, 11));
                    assertThat(v.sameContentAs(regular.version(m, 1))).isEqualTo(sameRules);
                }
            }
        }
    }
}
