package org.cloudbilling.reseller.daily;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cloudbilling.reseller.Fixtures.CNY;
import static org.cloudbilling.reseller.Fixtures.R1;
import static org.cloudbilling.reseller.Fixtures.R2;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.cloudbilling.core.bill.LineItem;
import org.cloudbilling.core.daily.ChargeBatch;
import org.cloudbilling.core.daily.MonthLedger;
import org.cloudbilling.core.id.OwnerUin;
import org.cloudbilling.core.id.TagKey;
import org.cloudbilling.core.testing.BillingGenerators;
import org.cloudbilling.core.testing.DailyBatches;
import org.cloudbilling.core.time.BillingCalendar;
import org.cloudbilling.core.time.BillingMonth;
import org.cloudbilling.core.time.Interval;
import org.cloudbilling.reseller.Fixtures;
import org.cloudbilling.reseller.RandomChannels;
import org.cloudbilling.reseller.bill.BillStatus;
import org.cloudbilling.reseller.bill.ResellerBills;
import org.cloudbilling.reseller.bill.ResellerMonth;
import org.cloudbilling.reseller.bill.ResellerSettings;
import org.cloudbilling.reseller.channel.Attribution;
import org.cloudbilling.reseller.channel.AttributionContext;
import org.cloudbilling.reseller.channel.Channel;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * DAILY-1, DAILY-2: Bill A, Bill B and their reconciliations of a month applied batch by batch equal, after every
 * batch and on the issue day, one computation over the attributed charges of the month at that point.
 */
class DailyResellerProperties {
    private static final BillingMonth SEPTEMBER = BillingMonth.of(2024, 9);
    private static final BillingCalendar CALENDAR = BillingCalendar.TENCENT;
    private static final Instant MONTH_START = CALENDAR.start(SEPTEMBER);

    /** {@code item} moved into one hour of September (UTC+8). */
    private static LineItem inSeptember(LineItem item, Random random) {
        Instant start = MONTH_START.plusSeconds(3600L * random.nextInt(720));
        Interval period = Interval.of(start, start.plusSeconds(3600));
        LineItem.Builder b = LineItem.builder().from(item).feePeriod(period);
        if (item.deductionTime().isPresent()) {
            b.deductionTime(period.end());
        }
        return b.build();
    }

    @Test
    @Tag("DAILY-1")
    @Tag("DAILY-2")
    void batchByBatch_billsAndDifferences_equalOneComputation() {
        qt().withExamples(80)
                .forAll(
                        lists().of(BillingGenerators.lineItems(CNY)).ofSizeBetween(0, 40),
                        longs().all(),
                        integers().between(1, 12))
                .checkAssert((generated, seed, days) -> {
                    Random random = new Random(seed);
                    List<LineItem> items = new ArrayList<>();
                    for (LineItem item : RandomChannels.uniqueIds(generated)) {
                        items.add(inSeptember(item, random));
                    }
                    Channel channel = Fixtures.channel();
                    for (OwnerUin owner : items.stream()
                            .map(LineItem::ownerUin)
                            .distinct()
                            .sorted()
                            .toList()) {
                        channel = channel.bound(owner, R1, Instant.parse("2024-01-01T00:00:00Z"));
                        if (random.nextInt(3) == 0) {
                            Instant moves = MONTH_START.plusSeconds(3600L * random.nextInt(720));
                            channel = channel.unbound(owner, moves);
                            if (random.nextBoolean()) {
                                channel = channel.bound(owner, R2, moves);
                            }
                        }
                    }
                    AttributionContext context = AttributionContext.of(CALENDAR, channel);
                    ResellerSettings.Builder sb = ResellerSettings.builder()
                            .reseller(R1)
                            .currency(CNY)
                            .billBFeatures(Fixtures.billBFeatures(random.nextBoolean(), random.nextBoolean()))
                            .putBillingTagKey(TagKey.of("team"), MONTH_START.plusSeconds(86_400L * random.nextInt(12)));
                    items.stream()
                            .map(LineItem::ownerUin)
                            .distinct()
                            .forEach(o -> sb.putCustomerDiscount(
                                    o, random.nextBoolean() ? BigDecimal.ONE : new BigDecimal("0.85")));
                    ResellerSettings settings = sb.build();

                    DailyBatches deliveries = DailyBatches.of(items, SEPTEMBER, CNY, days, random);
                    MonthLedger ledger = MonthLedger.open(SEPTEMBER, CNY, CALENDAR);
                    RunningResellerBills bills = RunningResellerBills.start(context, settings, SEPTEMBER, MONTH_START);
                    int n = 0;
                    for (ChargeBatch batch : deliveries.arrivals()) {
                        Instant at = DailyBatches.arrival(MONTH_START, n++);
                        MonthLedger.Update update = ledger.apply(batch, at);
                        ledger = update.ledger();
                        bills = bills.apply(update, at);
                        assertSameAsOneComputation(bills, ledger, context, settings, at);
                    }
                    Instant issued = CALENDAR.issueTime(SEPTEMBER);
                    bills = bills.apply(List.of(), issued);
                    assertThat(bills.bills().billA().status()).isEqualTo(BillStatus.FINAL);
                    assertSameAsOneComputation(bills, ledger, context, settings, issued);
                });
    }

    private static void assertSameAsOneComputation(
            RunningResellerBills bills,
            MonthLedger ledger,
            AttributionContext context,
            ResellerSettings settings,
            Instant at) {
        ResellerMonth once = ResellerBills.compute(
                Attribution.attribute(ledger.charges(), context), settings, SEPTEMBER, CALENDAR, at, Map.of());
        ResellerMonth running = bills.bills();
        assertThat(running.billA()).isEqualTo(once.billA());
        assertThat(running.billB()).isEqualTo(once.billB());
        assertThat(running.totalDifference()).isEqualTo(once.totalDifference());
        assertThat(running.originalPriceDifference()).isEqualTo(once.originalPriceDifference());
        assertThat(running.billA().total()).isEqualTo(once.billA().total());
        assertThat(Optional.of(running.billB().rows().size()))
                .contains(once.billB().rows().size());
    }
}
