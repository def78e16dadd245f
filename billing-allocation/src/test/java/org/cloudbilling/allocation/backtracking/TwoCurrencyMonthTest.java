package org.cloudbilling.allocation.backtracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cloudbilling.allocation.backtracking.BacktrackExample.CAL;
import static org.cloudbilling.allocation.backtracking.BacktrackExample.SCHEDULE;

import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cloudbilling.allocation.AllocationType;
import org.cloudbilling.allocation.RuleId;
import org.cloudbilling.allocation.UnitId;
import org.cloudbilling.core.bill.LineItem;
import org.cloudbilling.core.bill.TagBindings;
import org.cloudbilling.core.id.LineItemId;
import org.cloudbilling.core.id.OperatorUin;
import org.cloudbilling.core.money.Money;
import org.cloudbilling.core.time.BillingMonth;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A month with charges in two currencies (a host with CNY and USD accounts): each item keeps its own currency, a
 * month's versions hold lines in both, and diffs and totals are per currency. An item whose currency changes from
 * one version to the next is refused.
 */
class TwoCurrencyMonthTest {
    private static final Currency CNY = Currency.getInstance("CNY");
    private static final Currency USD = Currency.getInstance("USD");
    private static final OperatorUin ALICE = OperatorUin.of("100000000042");
    private static final BillingMonth OCT = BillingMonth.of(2024, 10);
    private static final BillingMonth NOV = BillingMonth.of(2024, 11);
    /** 10:00 on 10 January 2025 in UTC+8: the rules of January (V2) apply. */
    private static final Instant JAN_10 = Instant.parse("2025-01-10T02:00:00Z");

    /**
     * October's items: compute tagged web CNY 100.00, compute tagged data USD 30.00, storage USD 12.50, CDN CNY
     * 25.00.
     */
    private static final MonthInputs TWO_CURRENCIES = inputs("CNY", "USD", "USD", "CNY");

    /** Every month's four items (cvm-web, cvm-data, cos, cdn) in the currencies given, amounts as above. */
    private static MonthInputs inputs(String cvmWeb, String cvmData, String cos, String cdn) {
        return new MonthInputs() {
            @Override
            public Iterable<LineItem> items(BillingMonth month) {
                Instant start = CAL.start(month).plusSeconds(14L * 86_400 + 3600);
                return List.of(
                        BacktrackExample.item(month, "cvm-web", "p_cvm", "ins-1", "web", "100.00", cvmWeb, start),
                        BacktrackExample.item(month, "cvm-data", "p_cvm", "ins-2", "data", "30.00", cvmData, start),
                        BacktrackExample.item(month, "cos", "p_cos", "bucket-1", null, "12.50", cos, start),
                        BacktrackExample.item(month, "cdn", "p_cdn", "cdn-1", null, "25.00", cdn, start));
            }

            @Override
            public TagBindings tags(BillingMonth month) {
                return TagBindings.empty();
            }
        };
    }

    private static AllocationLine line(String item, String unit, String rule, String currency, String amount) {
        return new AllocationLine(
                LineItemId.of(item),
                Optional.ofNullable(unit).map(UnitId::of),
                unit == null ? AllocationType.UNALLOCATED : AllocationType.COLLECTED,
                Money.of(currency, amount),
                Optional.ofNullable(rule).map(RuleId::of));
    }

    private static List<String> units(VersionDiff diff) {
        return diff.units().stream()
                .map(u -> u.unit().map(Object::toString).orElse("Unallocated") + " "
                        + u.before().amount() + " -> " + u.after().amount() + " ("
                        + u.change().amount() + ")")
                .toList();
    }

    private static List<String> lines(VersionDiff diff) {
        return diff.lines().stream()
                .map(l -> l.kind() + " " + l.item() + " "
                        + l.unit().map(Object::toString).orElse("-") + " "
                        + l.change().amount())
                .toList();
    }

    @Test
    @Tag("BACK-8")
    @Tag("BACK-9")
    void computeMonth_thenBacktrack_monthInCnyAndUsd_isComputedReplayedAndComparedPerCurrency() {
        // October's regular run with V1: compute to web, storage to data, the CDN Unallocated
        AllocationHistory regular = Backtracking.computeMonth(
                OCT,
                SCHEDULE,
                AllocationHistory.empty(),
                TWO_CURRENCIES,
                CAL,
                BacktrackExample.at("2024-10-31T16:00:00Z"));
        MonthVersion oct1 = regular.version(OCT, 1);
        assertThat(oct1.lines())
                .containsExactly(
                        line("2024-10-cdn", null, null, "CNY", "25.00"),
                        line("2024-10-cos", "data", "r-data", "USD", "12.50"),
                        line("2024-10-cvm-data", "web", "r-web", "USD", "30.00"),
                        line("2024-10-cvm-web", "web", "r-web", "CNY", "100.00"));
        assertThat(oct1.total(CNY)).isEqualTo(Money.of("CNY", "125.00"));
        assertThat(oct1.total(USD)).isEqualTo(Money.of("USD", "42.50"));

        // January's backtrack of October with V2: compute tagged data, storage and the CDN to data
        BacktrackPlan plan = Backtracking.plan(BacktrackRequest.of(ALICE, JAN_10, OCT), SCHEDULE, CAL);
        BacktrackOutcome done = BacktrackExample.runOnJan10(plan, regular, TWO_CURRENCIES, BacktrackListener.NONE);
        assertThat(done.record().status()).isEqualTo(BacktrackStatus.COMPLETED);
        assertThat(done.record().failure()).isEmpty();
        MonthVersion oct2 = done.history().version(OCT, 2);
        assertThat(oct2.lines())
                .containsExactly(
                        line("2024-10-cdn", "data", "r-data-cdn", "CNY", "25.00"),
                        line("2024-10-cos", "data", "r-data", "USD", "12.50"),
                        line("2024-10-cvm-data", "data", "r-data-tag", "USD", "30.00"),
                        line("2024-10-cvm-web", "web", "r-web", "CNY", "100.00"));

        // per currency: CNY moves the CDN's 25.00 from Unallocated to data, USD the tagged compute's 30.00 from web
        VersionDiff cny = VersionDiff.between(oct1, oct2, CNY);
        assertThat(units(cny)).containsExactly("Unallocated 25.00 -> 0 (-25.00)", "data 0 -> 25.00 (25.00)");
        assertThat(lines(cny)).containsExactly("REMOVED 2024-10-cdn - -25.00", "ADDED 2024-10-cdn data 25.00");
        assertThat(cny.totalBefore()).isEqualTo(Money.of("CNY", "125.00"));
        assertThat(cny.totalAfter()).isEqualTo(Money.of("CNY", "125.00"));
        VersionDiff usd = VersionDiff.between(oct1, oct2, USD);
        assertThat(units(usd)).containsExactly("data 12.50 -> 42.50 (30.00)", "web 30.00 -> 0 (-30.00)");
        assertThat(lines(usd))
                .containsExactly("ADDED 2024-10-cvm-data data 30.00", "REMOVED 2024-10-cvm-data web -30.00");
        assertThat(usd.totalBefore()).isEqualTo(Money.of("USD", "42.50"));
        assertThat(usd.totalAfter()).isEqualTo(Money.of("USD", "42.50"));
        assertThat(oct2.unitTotals(USD))
                .containsOnlyKeys(Optional.of(UnitId.of("data")))
                .containsEntry(
                        Optional.of(UnitId.of("data")), Map.of(AllocationType.COLLECTED, Money.of("USD", "42.50")));

        // the history round-trips through JSON, and replaying the request changes nothing (BACK-9)
        assertThat(HistoryJson.read(HistoryJson.write(done.history()))).isEqualTo(done.history());
        BacktrackOutcome replay = Backtracking.run(
                plan,
                HistoryJson.read(HistoryJson.write(done.history())),
                TWO_CURRENCIES,
                CAL,
                BacktrackExample.at("2025-01-11T03:00:00Z"),
                BacktrackListener.NONE);
        assertThat(replay.history()).isEqualTo(done.history());
        assertThat(replay.record()).isEqualTo(done.record());
        // the next month's regular run, in both currencies too, is added after it
        AllocationHistory withNovember = Backtracking.computeMonth(
                NOV, SCHEDULE, replay.history(), TWO_CURRENCIES, CAL, BacktrackExample.at("2024-11-30T16:00:00Z"));
        assertThat(withNovember.version(NOV, 1).total(USD)).isEqualTo(Money.of("USD", "42.50"));
    }

    @Test
    @Tag("BACK-4")
    @Tag("BACK-9")
    void run_anItemWhoseCurrencyChanged_failsNamingItsMonth_andAddsNoVersion() {
        // October and November computed with every item in CNY; then October's CDN comes back in USD
        AllocationHistory before = BacktrackExample.regularRuns();
        MonthInputs cdnInUsd = inputs("CNY", "CNY", "CNY", "USD");
        BacktrackPlan plan = Backtracking.plan(new BacktrackRequest(ALICE, JAN_10, OCT, NOV), SCHEDULE, CAL);
        BacktrackOutcome failed = BacktrackExample.runOnJan10(plan, before, cdnInUsd, BacktrackListener.NONE);
        assertThat(failed.record().status()).isEqualTo(BacktrackStatus.FAILED);
        assertThat(failed.record().failure())
                .contains("month 2024-10: lines[0].amount: item 2024-10-cdn is in USD here and in CNY in version 1"
                        + " of 2024-10: an item keeps its currency in every version of its month");
        assertThat(failed.history().versions()).isEqualTo(before.versions());

        // the regular run refuses it alike, naming the version
        assertThatThrownBy(() -> Backtracking.computeMonth(
                        OCT, SCHEDULE, before, cdnInUsd, CAL, BacktrackExample.at("2025-01-10T03:00:00Z")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("versions[5].lines[0].amount: item 2024-10-cdn is in USD here and in CNY in version 1 of"
                        + " 2024-10: an item keeps its currency in every version of its month");
    }
}
