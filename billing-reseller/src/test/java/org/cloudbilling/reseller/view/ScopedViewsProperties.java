package org.cloudbilling.reseller.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cloudbilling.reseller.Fixtures.CNY;
import static org.cloudbilling.reseller.Fixtures.DIST;
import static org.cloudbilling.reseller.Fixtures.R1;
import static org.cloudbilling.reseller.Fixtures.R2;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.cloudbilling.core.id.OwnerUin;
import org.cloudbilling.core.id.TagKey;
import org.cloudbilling.core.testing.BillingGenerators;
import org.cloudbilling.core.time.BillingCalendar;
import org.cloudbilling.core.time.BillingMonth;
import org.cloudbilling.reseller.RandomChannels;
import org.cloudbilling.reseller.bill.BillA;
import org.cloudbilling.reseller.bill.BillB;
import org.cloudbilling.reseller.bill.BillBFeature;
import org.cloudbilling.reseller.bill.ResellerBills;
import org.cloudbilling.reseller.bill.ResellerMonth;
import org.cloudbilling.reseller.bill.ResellerSettings;
import org.cloudbilling.reseller.channel.AttributedCharge;
import org.cloudbilling.reseller.channel.Attribution;
import org.cloudbilling.reseller.channel.AttributionContext;
import org.cloudbilling.reseller.channel.Channel;
import org.cloudbilling.reseller.internal.BillTimes;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Every viewer against R1's bills of random months: what comes back is in scope, or the request fails. */
class ScopedViewsProperties {
    private static final Instant AS_OF = Instant.parse("2030-01-01T00:00:00Z");

    @Test
    @Tag("RES-3")
    @Tag("RES-11")
    void scopedViews_neverContainARowOrFieldOutsideTheViewersScope() {
        qt().withExamples(100)
                .forAll(lists().of(BillingGenerators.lineItems(CNY)).ofSizeBetween(0, 40), longs().all())
                .checkAssert((generated, seed) -> {
                    var items = RandomChannels.uniqueIds(generated);
                    Channel channel = RandomChannels.channel(items, seed);
                    Random random = new Random(seed);
                    TagKey team = TagKey.of("team");
                    ResellerSettings settings = ResellerSettings.builder()
                            .reseller(R1)
                            .currency(CNY)
                            .addBillBFeature(BillBFeature.RESELLER_PERSPECTIVE)
                            .putBillingTagKey(team, Instant.parse("2022-01-01T00:00:00Z"))
                            .build();
                    List<AttributedCharge> charges =
                            Attribution.attribute(items, AttributionContext.of(BillingCalendar.TENCENT, channel));
                    Set<BillingMonth> months = new TreeSet<>();
                    charges.forEach(c -> months.add(c.month()));
                    List<Viewer> viewers =
                            new ArrayList<>(List.of(Viewer.partner(R1), Viewer.partner(R2), Viewer.partner(DIST)));
                    items.stream().map(i -> i.ownerUin()).distinct().forEach(o -> viewers.add(Viewer.account(o)));
                    for (BillingMonth month : months) {
                        ResellerMonth m = ResellerBills.compute(
                                charges, settings, month, BillingCalendar.TENCENT, AS_OF, Map.of());
                        Set<OwnerUin> customers = new TreeSet<>(
                                channel.customersOf(R1, BillTimes.billingWindow(BillingCalendar.TENCENT, month)));
                        m.billB().rows().forEach(r -> customers.add(r.customer()));
                        Viewer viewer = viewers.get(random.nextInt(viewers.size()));
                        boolean channelSide = viewer.equals(Viewer.partner(R1)) || viewer.equals(Viewer.partner(DIST));
                        Optional<BillA> a = attempt(() -> ScopedViews.billA(viewer, channel, m.billA()));
                        assertThat(a.isPresent()).isEqualTo(channelSide);
                        Optional<BillB> b =
                                attempt(() -> ScopedViews.billB(viewer, channel, BillingCalendar.TENCENT, m.billB()));
                        if (viewer instanceof Viewer.Account account) {
                            assertThat(b.isPresent()).isEqualTo(customers.contains(account.uin()));
                            b.ifPresent(bill -> bill.rows().forEach(row -> {
                                assertThat(row.customer()).isEqualTo(account.uin());
                                assertThat(row.resellerCost()).isEmpty();
                            }));
                        } else {
                            assertThat(b.isPresent()).isEqualTo(channelSide);
                        }
                        b.ifPresent(bill -> bill.rows()
                                .forEach(row -> assertThat(row.tags().keySet()).isSubsetOf(Set.of(team))));
                    }
                });
    }

    private static <T> Optional<T> attempt(java.util.function.Supplier<T> view) {
        try {
            return Optional.of(view.get());
        } catch (OutOfScopeException e) {
            return Optional.empty();
        }
    }
}
