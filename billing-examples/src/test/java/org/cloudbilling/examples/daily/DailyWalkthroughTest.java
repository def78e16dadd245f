package org.cloudbilling.examples.daily;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.StringReader;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import org.cloudbilling.allocation.AllocationDimension;
import org.cloudbilling.allocation.AllocationRule;
import org.cloudbilling.allocation.AllocationRuleSet;
import org.cloudbilling.allocation.AllocationUnit;
import org.cloudbilling.allocation.Allocator;
import org.cloudbilling.allocation.Condition;
import org.cloudbilling.allocation.SharingRule;
import org.cloudbilling.allocation.SharingSource;
import org.cloudbilling.allocation.UnitId;
import org.cloudbilling.allocation.ZeroBaseFallback;
import org.cloudbilling.allocation.backtracking.MonthVersion;
import org.cloudbilling.allocation.backtracking.VersionDiff;
import org.cloudbilling.allocation.daily.RunningAllocation;
import org.cloudbilling.allocation.json.RuleSetJson;
import org.cloudbilling.core.bill.ActionType;
import org.cloudbilling.core.bill.LineItem;
import org.cloudbilling.core.bill.PayMode;
import org.cloudbilling.core.bill.SettlementCycle;
import org.cloudbilling.core.bill.TagBindings;
import org.cloudbilling.core.consolidation.Dimension;
import org.cloudbilling.core.consolidation.Grouping;
import org.cloudbilling.core.consolidation.RunningRollup;
import org.cloudbilling.core.daily.BatchId;
import org.cloudbilling.core.daily.BatchKind;
import org.cloudbilling.core.daily.BatchRefusedException;
import org.cloudbilling.core.daily.ChargeBatch;
import org.cloudbilling.core.daily.DailyJson;
import org.cloudbilling.core.daily.MonthLedger;
import org.cloudbilling.core.daily.MonthStatus;
import org.cloudbilling.core.id.BusinessCode;
import org.cloudbilling.core.id.LineItemId;
import org.cloudbilling.core.id.OwnerUin;
import org.cloudbilling.core.id.PayerUin;
import org.cloudbilling.core.money.Money;
import org.cloudbilling.core.time.BillingCalendar;
import org.cloudbilling.core.time.BillingMonth;
import org.cloudbilling.core.time.Interval;
import org.cloudbilling.examples.CliRun;
import org.cloudbilling.reseller.bill.BillBFeature;
import org.cloudbilling.reseller.bill.BillStatus;
import org.cloudbilling.reseller.bill.ResellerMonth;
import org.cloudbilling.reseller.bill.ResellerSettings;
import org.cloudbilling.reseller.channel.AttributionContext;
import org.cloudbilling.reseller.channel.Channel;
import org.cloudbilling.reseller.channel.PartnerUin;
import org.cloudbilling.reseller.daily.RunningResellerBills;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The walk-through of docs/daily.md, step by step with its numbers: three daily batches (one restating a charge),
 * the issue day, and a backtrack after it. Every expected figure is worked out by hand in the document.
 */
class DailyWalkthroughTest {
    static final Currency CNY = Currency.getInstance("CNY");
    static final BillingMonth SEPTEMBER = BillingMonth.of(2024, 9);
    static final BillingCalendar CALENDAR = BillingCalendar.TENCENT;
    static final PartnerUin DIST = PartnerUin.of("900");
    static final PartnerUin RESELLER = PartnerUin.of("901");
    static final OwnerUin CUSTOMER = OwnerUin.of("100");

    /** Web collects p_cvm, data collects p_cdb, and the network (p_vpc) is shared in proportion to both. */
    static AllocationRuleSet rules(SharingRule network) {
        return AllocationRuleSet.of(
                List.of(
                        AllocationUnit.root("acme", "Acme"),
                        AllocationUnit.child("web", "Web", "acme"),
                        AllocationUnit.child("data", "Data", "acme")),
                List.of(
                        AllocationRule.of("r-web", "web", Condition.in(AllocationDimension.BUSINESS_CODE, "p_cvm")),
                        AllocationRule.of("r-data", "data", Condition.in(AllocationDimension.BUSINESS_CODE, "p_cdb"))),
                List.of(network),
                java.util.Set.of());
    }

    static final SharingSource NETWORK =
            SharingSource.matching(Condition.in(AllocationDimension.BUSINESS_CODE, "p_vpc"));
    static final AllocationRuleSet PROPORTIONAL = rules(SharingRule.proportional(
            "s-net", NETWORK, List.of(UnitId.of("web"), UnitId.of("data")), ZeroBaseFallback.EVEN));
    static final AllocationRuleSet EVEN =
            rules(SharingRule.even("s-net", NETWORK, List.of(UnitId.of("web"), UnitId.of("data"))));

    /** An hour of usage of the customer on {@code day} of September (UTC+8), list = total = {@code amount}. */
    static LineItem usage(String id, String product, int day, String amount) {
        Instant start = Instant.parse(String.format("2024-09-%02dT02:00:00Z", day));
        return LineItem.builder()
                .id(LineItemId.of(id))
                .ownerUin(CUSTOMER)
                .payerUin(PayerUin.of("100"))
                .businessCode(BusinessCode.of(product))
                .payMode(PayMode.POSTPAID)
                .settlementCycle(SettlementCycle.HOURLY)
                .actionType(ActionType.USAGE)
                .feePeriod(Interval.of(start, start.plusSeconds(3600)))
                .listCost(Money.of("CNY", amount))
                .totalCost(Money.of("CNY", amount))
                .build();
    }

    static final ChargeBatch DAY_1 = ChargeBatch.daily(
            BatchId.of("day-01"),
            SEPTEMBER,
            CNY,
            List.of(
                    usage("cvm-1", "p_cvm", 1, "100.00"),
                    usage("cdb-1", "p_cdb", 1, "50.00"),
                    usage("vpc-1", "p_vpc", 1, "30.00")));
    static final ChargeBatch DAY_2 = ChargeBatch.daily(
            BatchId.of("day-02"),
            SEPTEMBER,
            CNY,
            List.of(usage("cdb-2", "p_cdb", 2, "50.00"), usage("vpc-2", "p_vpc", 2, "12.00")));
    static final ChargeBatch DAY_3 = new ChargeBatch(
            BatchId.of("day-03"),
            BatchKind.DAILY,
            SEPTEMBER,
            CNY,
            List.of(usage("cvm-2", "p_cvm", 3, "60.00")),
            List.of(usage("cvm-1", "p_cvm", 1, "80.00")),
            List.of());
    static final Instant AT_1 = Instant.parse("2024-09-02T01:00:00Z");
    static final Instant AT_2 = Instant.parse("2024-09-03T01:00:00Z");
    static final Instant AT_3 = Instant.parse("2024-09-04T01:00:00Z");
    /** 00:00 on 5 October, UTC+8: September's issue time. */
    static final Instant ISSUED = Instant.parse("2024-10-04T16:00:00Z");

    private static Money cny(String amount) {
        return Money.of("CNY", amount);
    }

    @Test
    @Tag("DAILY-1")
    @Tag("DAILY-2")
    @Tag("DAILY-3")
    void theMonthOfDocsDaily() {
        Allocator allocator = Allocator.compile(PROPORTIONAL);
        Channel channel = Channel.builder()
                .distributor(DIST)
                .reseller(RESELLER, DIST)
                .build()
                .bound(CUSTOMER, RESELLER, Instant.parse("2024-01-01T00:00:00Z"));
        ResellerSettings settings = ResellerSettings.builder()
                .reseller(RESELLER)
                .currency(CNY)
                .addBillBFeature(BillBFeature.CUSTOMER_DISCOUNTS)
                .putCustomerDiscount(CUSTOMER, new BigDecimal("0.9"))
                .build();
        AttributionContext context = AttributionContext.of(CALENDAR, channel);

        MonthLedger ledger = MonthLedger.open(SEPTEMBER, CNY, CALENDAR);
        RunningRollup rollup = RunningRollup.empty(Grouping.by(Dimension.BUSINESS));
        RunningAllocation allocation = RunningAllocation.start(allocator, TagBindings.empty(), CALENDAR);
        RunningResellerBills bills = RunningResellerBills.start(context, settings, SEPTEMBER, AT_1);

        // day 1: web 100 and data 50 are the bases; the network's 30 splits 20 / 10
        MonthLedger.Update u = ledger.apply(DAY_1, AT_1);
        ledger = u.ledger();
        rollup = rollup.apply(u.removed(), u.added());
        allocation = allocation.apply(u);
        bills = bills.apply(u, AT_1);
        assertThat(allocation.unitTotal(UnitId.of("web"), CNY)).isEqualTo(cny("120.00"));
        assertThat(allocation.unitTotal(UnitId.of("data"), CNY)).isEqualTo(cny("60.00"));
        MonthVersion v1 = allocation.version(SEPTEMBER, 1, "v-prop", Optional.empty(), AT_1, AT_1);

        // day 2: data 100 now weighs as much as web 100: both network charges split evenly
        u = ledger.apply(DAY_2, AT_2);
        ledger = u.ledger();
        rollup = rollup.apply(u.removed(), u.added());
        allocation = allocation.apply(u);
        bills = bills.apply(u, AT_2);
        assertThat(allocation.unitTotal(UnitId.of("web"), CNY)).isEqualTo(cny("121.00"));
        assertThat(allocation.unitTotal(UnitId.of("data"), CNY)).isEqualTo(cny("121.00"));
        // the same batch delivered again changes nothing
        assertThat(ledger.apply(DAY_2, AT_2.plusSeconds(600)).ledger()).isSameAs(ledger);

        // day 3: cvm-1 restated from 100 to 80, and cvm-2 (60) new: web 140, data 100, so 7 : 5
        u = ledger.apply(DAY_3, AT_3);
        ledger = u.ledger();
        rollup = rollup.apply(u.removed(), u.added());
        allocation = allocation.apply(u);
        bills = bills.apply(u, AT_3);
        assertThat(ledger.size()).isEqualTo(6);
        assertThat(ledger.revision()).isEqualTo(3);
        assertThat(rollup.rollup().grandTotals().get(CNY).totalCost()).isEqualTo(cny("282.00"));
        assertThat(allocation.rowsOf(LineItemId.of("vpc-1")))
                .extracting(r -> r.unit().orElseThrow().value() + " "
                        + r.amount().amount().toPlainString())
                .containsExactly("data 12.50", "web 17.50");
        assertThat(allocation.rowsOf(LineItemId.of("vpc-2")))
                .extracting(r -> r.unit().orElseThrow().value() + " "
                        + r.amount().amount().toPlainString())
                .containsExactly("data 5.00", "web 7.00");
        assertThat(allocation.unitTotal(UnitId.of("web"), CNY)).isEqualTo(cny("164.50"));
        assertThat(allocation.unitTotal(UnitId.of("data"), CNY)).isEqualTo(cny("117.50"));
        MonthVersion v3 = allocation.version(SEPTEMBER, 3, "v-prop", Optional.empty(), AT_3, AT_3);
        assertThat(VersionDiff.between(v1, v3, CNY).totalChange()).isEqualTo(cny("102.00"));

        // the issue day: the month is final; a late daily batch is refused, the bills are final
        assertThat(ledger.status(ISSUED)).isEqualTo(MonthStatus.FINAL);
        MonthLedger issued = ledger;
        BatchRefusedException late = catchThrowableOfType(
                BatchRefusedException.class,
                () -> issued.apply(
                        ChargeBatch.daily(
                                BatchId.of("day-35"), SEPTEMBER, CNY, List.of(usage("cvm-9", "p_cvm", 30, "1.00"))),
                        ISSUED.plusSeconds(3600)));
        assertThat(late).hasMessageContaining("batch day-35 refused: the month is final");
        bills = bills.apply(List.of(), ISSUED);
        ResellerMonth september = bills.bills();
        assertThat(september.billA().status()).isEqualTo(BillStatus.FINAL);
        assertThat(september.billA().total()).isEqualTo(cny("282.00"));
        assertThat(september.billB().total()).isEqualTo(cny("253.80"));
        assertThat(september.totalDifference().difference()).isEqualTo(cny("28.20"));

        // a backtrack after the issue day: the network now shared evenly; the charges do not change
        RunningAllocation backtracked = allocation.recomputed(Allocator.compile(EVEN), ledger);
        assertThat(backtracked.unitTotal(UnitId.of("web"), CNY)).isEqualTo(cny("161.00"));
        assertThat(backtracked.unitTotal(UnitId.of("data"), CNY)).isEqualTo(cny("121.00"));
        MonthVersion v4 = backtracked.version(
                SEPTEMBER, 4, "v-even", Optional.of("bt-1"), ISSUED.plusSeconds(7200), ISSUED.plusSeconds(86_400));
        VersionDiff diff = VersionDiff.between(v3, v4, CNY);
        assertThat(diff.totalChange()).isEqualTo(cny("0.00"));
        assertThat(diff.units())
                .extracting(c -> c.unit().map(UnitId::value).orElse("-") + " "
                        + c.change().amount().toPlainString())
                .containsExactlyInAnyOrder("data 3.50", "web -3.50");
    }

    /** Runs {@code billing month apply} of {@code batch} to {@code state} at {@code at}, with more options. */
    private static CliRun applyBatch(Path state, Path batch, Instant at, String... more) {
        List<String> args = new ArrayList<>(List.of(
                "month", "apply", "--state", state.toString(), "--batch", batch.toString(), "--at", at.toString()));
        args.addAll(List.of(more));
        return CliRun.run(args.toArray(String[]::new));
    }

    @Test
    @Tag("DAILY-4")
    void theSameMonthFromTheCommandLine(@TempDir Path dir) throws IOException {
        Path state = dir.resolve("sept");
        Files.createDirectories(state);
        Files.writeString(state.resolve("rules.json"), RuleSetJson.write(PROPORTIONAL));
        int n = 1;
        for (ChargeBatch b : List.of(DAY_1, DAY_2, DAY_3)) {
            write(dir.resolve("day-" + n + ".json"), b);
            n++;
        }
        CliRun first = applyBatch(state, dir.resolve("day-1.json"), AT_1, "--calendar", "tencent");
        assertThat(first.code()).as(first.err()).isZero();
        assertThat(first.out())
                .contains(
                        "applied batch day-01 (3 added, 0 restated, 0 withdrawn): month 2024-09 at revision 1, 3 charges, PROVISIONAL");
        CliRun again = applyBatch(state, dir.resolve("day-1.json"), AT_2);
        assertThat(again.out()).contains("batch day-01 was applied before: nothing changed");
        CliRun stale = applyBatch(state, dir.resolve("day-2.json"), AT_2, "--expect-revision", "0");
        assertThat(stale.code()).isEqualTo(2);
        assertThat(stale.err())
                .contains("is at revision 1, the change was made on revision 0")
                .contains("is unchanged");
        assertThat(applyBatch(state, dir.resolve("day-2.json"), AT_2, "--expect-revision", "1")
                        .code())
                .isZero();
        assertThat(applyBatch(state, dir.resolve("day-3.json"), AT_3).code()).isZero();
        CliRun show = CliRun.run("month", "show", "--state", state.toString(), "--at", ISSUED.toString());
        assertThat(show.code()).as(show.err()).isZero();
        assertThat(show.out())
                .contains("month 2024-09 CNY, revision 3, 6 charges, FINAL")
                .contains("total CNY: 6 items, list 282.00, billed 282.00")
                .contains("unit data SHARED: 17.50 CNY")
                .contains("unit web SHARED: 24.50 CNY")
                .contains("unit web COLLECTED: 140.00 CNY");
        Files.writeString(
                state.resolve("month.json"),
                Files.readString(state.resolve("month.json"))
                        .replace("\"formatVersion\" : 1", "\"formatVersion\" : 9"));
        CliRun newer = CliRun.run("month", "show", "--state", state.toString());
        assertThat(newer.code()).isEqualTo(2);
        assertThat(newer.err())
                .contains("month.json: at $.formatVersion")
                .contains("format version 9 is newer than this library reads");
    }

    private static void write(Path file, ChargeBatch batch) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            DailyJson.writeBatch(batch, w);
        }
        assertThat(DailyJson.readBatch(new StringReader(Files.readString(file)), file.toString()))
                .isEqualTo(batch);
    }
}
