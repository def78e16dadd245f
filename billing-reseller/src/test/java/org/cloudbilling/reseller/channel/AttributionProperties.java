package org.cloudbilling.reseller.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cloudbilling.reseller.Fixtures.CNY;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.cloudbilling.core.bill.LineItem;
import org.cloudbilling.core.testing.BillingGenerators;
import org.cloudbilling.core.time.BillingCalendar;
import org.cloudbilling.reseller.RandomChannels;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Attribution over random items and random binding histories. A failure prints its seed. */
class AttributionProperties {

    @Test
    @Tag("ATTR-1")
    @Tag("ATTR-2")
    @Tag("ATTR-3")
    void attribute_anyItemOrder_givesEachItemTheSameAttribution() {
        qt().withExamples(150)
                .forAll(lists().of(BillingGenerators.lineItems(CNY)).ofSizeBetween(0, 40), longs().all())
                .checkAssert((items, seed) -> {
                    AttributionContext context =
                            AttributionContext.of(BillingCalendar.TENCENT, RandomChannels.channel(items, seed));
                    List<Integer> order = new ArrayList<>();
                    for (int i = 0; i < items.size(); i++) {
                        order.add(i);
                    }
                    Collections.shuffle(order, new Random(seed));
                    List<LineItem> shuffled = order.stream().map(items::get).toList();
                    List<AttributedCharge> inOrder = Attribution.attribute(items, context);
                    List<AttributedCharge> outOfOrder = Attribution.attribute(shuffled, context);
                    for (int i = 0; i < order.size(); i++) {
                        assertThat(outOfOrder.get(i)).isEqualTo(inOrder.get(order.get(i)));
                    }
                });
    }

    @Test
    @Tag("ATTR-2")
    @Tag("ATTR-3")
    void attribute_partnerIsTheBindingHoldingAtTheAttributionInstant_andTheMonthIsTheFeeCycles() {
        qt().withExamples(150)
                .forAll(lists().of(BillingGenerators.lineItems(CNY)).ofSizeBetween(1, 20), longs().all())
                .checkAssert((items, seed) -> {
                    Channel channel = RandomChannels.channel(items, seed);
                    for (AttributedCharge c :
                            Attribution.attribute(items, AttributionContext.of(BillingCalendar.TENCENT, channel))) {
                        boolean boundThen = channel.bindingsOf(c.owner()).stream()
                                .anyMatch(b -> b.tenure().contains(c.attributedAt())
                                        && c.partner().equals(java.util.Optional.of(b.partner())));
                        assertThat(boundThen).isEqualTo(c.partner().isPresent());
                        assertThat(c.month())
                                .isEqualTo(BillingCalendar.TENCENT.monthOf(
                                        c.item().feePeriod().start()));
                        assertThat(c.payer()).isEqualTo(c.item().payerUin());
                    }
                });
    }
}
