package org.cloudbilling.core.consolidation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.cloudbilling.core.bill.LineItem;
import org.cloudbilling.core.id.TagKey;
import org.cloudbilling.core.money.Money;
import org.cloudbilling.core.testing.BillingGenerators;
import org.cloudbilling.core.time.BillingCalendar;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** Consolidation is a commutative monoid over line items: the property a distributed engine relies on. */
class ConsolidationProperties {
    private static final Currency CNY = Currency.getInstance("CNY");
    private static final Gen<List<LineItem>> ITEMS =
            lists().of(BillingGenerators.lineItems(CNY)).ofSizeBetween(0, 40);
    private static final List<Grouping> GROUPINGS = List.of(
            Grouping.by(),
            Grouping.by(Dimension.OWNER, Dimension.BUSINESS),
            Grouping.by(Dimension.REGION, Dimension.PROJECT, Dimension.RESOURCE),
            Grouping.by(BillingCalendar.TENCENT, Dimension.DAY, Dimension.tag(TagKey.of("team"))),
            Grouping.by(BillingCalendar.TENCENT, Dimension.MONTH, Dimension.PAY_MODE, Dimension.ACTION_TYPE));

    private static Grouping grouping(int i) {
        return GROUPINGS.get(i % GROUPINGS.size());
    }

    @Test
    @Tag("MONEY-5")
    void totals_equalThePlainSums_refundsIncluded() {
        qt().forAll(ITEMS, integers().between(0, 4)).checkAssert((items, g) -> {
            Rollup r = Consolidation.consolidate(items, grouping(g));
            Money total =
                    Money.total(CNY, items.stream().map(LineItem::totalCost).toList());
            Money list = Money.total(CNY, items.stream().map(LineItem::listCost).toList());
            Totals grand = r.grandTotals().getOrDefault(CNY, Totals.of(0, Money.zero(CNY), Money.zero(CNY)));
            assertThat(grand.totalCost()).isEqualTo(total);
            assertThat(grand.listCost()).isEqualTo(list);
            assertThat(grand.itemCount()).isEqualTo(items.size());
        });
    }

    @Test
    void merge_isAssociative_andCommutative_andEqualsTheRollupOfTheUnion() {
        qt().forAll(ITEMS, ITEMS, ITEMS, integers().between(0, 4)).checkAssert((a, b, c, g) -> {
            Grouping grouping = grouping(g);
            Rollup ra = Consolidation.consolidate(a, grouping);
            Rollup rb = Consolidation.consolidate(b, grouping);
            Rollup rc = Consolidation.consolidate(c, grouping);
            assertThat(ra.merge(rb).merge(rc)).isEqualTo(ra.merge(rb.merge(rc)));
            assertThat(ra.merge(rb)).isEqualTo(rb.merge(ra));
            List<LineItem> union = new ArrayList<>(a);
            union.addAll(b);
            assertThat(ra.merge(rb)).isEqualTo(Consolidation.consolidate(union, grouping));
            assertThat(ra.merge(Rollup.empty(grouping))).isEqualTo(ra);
        });
    }

    @Test
    void result_doesNotDependOnOrder_norOnParallelism() {
        qt().forAll(ITEMS, integers().between(0, 4), integers().all()).checkAssert((items, g, seed) -> {
            Grouping grouping = grouping(g);
            List<LineItem> shuffled = new ArrayList<>(items);
            Collections.shuffle(shuffled, new Random(seed));
            Rollup sequential = Consolidation.consolidate(items, grouping);
            assertThat(Consolidation.consolidate(shuffled, grouping)).isEqualTo(sequential);
            assertThat(shuffled.parallelStream().collect(Consolidation.toRollup(grouping)))
                    .isEqualTo(sequential);
            for (Map.Entry<GroupKey, Totals> e : sequential.groups().entrySet()) {
                assertThat(e.getValue().itemCount()).isPositive();
            }
        });
    }
}
