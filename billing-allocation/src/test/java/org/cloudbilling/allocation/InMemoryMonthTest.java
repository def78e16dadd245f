package org.cloudbilling.allocation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import org.cloudbilling.core.bill.LineItem;
import org.cloudbilling.core.bill.TagBindings;
import org.cloudbilling.core.money.Money;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The in-memory month's shortcuts (issue 17): a month held as a collection is read once by {@code prepare} even with
 * a proportional rule, summary rows are ordered without making objects, and shares are written at the item's
 * decimals from their units; each gives exactly what the general path gives.
 */
class InMemoryMonthTest {

    /** A list that counts how often it is iterated. */
    private static final class CountingList extends AbstractList<LineItem> {
        private final List<LineItem> items;
        int iterations;

        CountingList(List<LineItem> items) {
            this.items = items;
        }

        @Override
        public Iterator<LineItem> iterator() {
            iterations++;
            return items.iterator();
        }

        @Override
        public LineItem get(int index) {
            return items.get(index);
        }

        @Override
        public int size() {
            return items.size();
        }
    }

    /**
     * With a proportional rule, a month held as a collection is read once (its shared items kept by reference until
     * the bases are known), where any other iterable is read twice; both runs allocate every item the same, rounding
     * included.
     */
    @Test
    @Tag("ALLOC-12")
    @Tag("ALLOC-5")
    void prepare_ofACollection_readsItOnce_andAllocatesAsTwoReads() {
        int proportional = 0;
        for (int seed = 0; seed < 60; seed++) {
            RoundingTallyTest.Month month = RoundingTallyTest.month(new Random(seed), 300);
            Allocator allocator = Allocator.compile(month.rules());
            CountingList held = new CountingList(month.items());
            List<LineItem> items = month.items();
            Iterable<LineItem> streamed = items::iterator; // not a collection: read twice with a proportional rule

            AllocationRun once = allocator.prepare(held, TagBindings.empty());
            AllocationRun twice = allocator.prepare(streamed, TagBindings.empty());

            if (allocator.hasProportionalRules) {
                proportional++;
                assertThat(held.iterations).as("seed %s", seed).isEqualTo(1);
            } else {
                assertThat(held.iterations).as("seed %s", seed).isLessThanOrEqualTo(1);
            }
            assertThat(RoundingTallyTest.rows(once, items))
                    .as("seed %s", seed)
                    .isEqualTo(RoundingTallyTest.rows(twice, items));
            assertThat(once.corrections().keySet())
                    .as("seed %s", seed)
                    .isEqualTo(twice.corrections().keySet());
        }
        assertThat(proportional).isGreaterThan(10);
    }

    /** The summary's row order as it was first written: comparing strings made for each comparison. */
    private static final Comparator<SummaryAccumulator.Key> MADE_STRINGS = Comparator.comparing(
                    (SummaryAccumulator.Key k) ->
                            k.unit() == null ? "" : "~" + k.unit().value())
            .thenComparing(SummaryAccumulator.Key::type)
            .thenComparing(k -> k.value() == null ? "" : "~" + k.value())
            .thenComparing(k -> k.currency().getCurrencyCode());

    /**
     * Summary rows come in the documented order (no unit first, then by unit id; type; no value first, then by
     * value; currency code), the order of the first comparator, for keys with empty, missing and look-alike values.
     */
    @Test
    @Tag("ALLOC-8")
    void summaryOrder_isTheOrderOfMadeStrings_withoutMakingThem() {
        String[] units = {null, "a", "b", "a~", "~", "A", "ab"};
        String[] values = {null, "", "~", "x", "x~", "2024-09-05", "2024-09"};
        Currency[] currencies = {Currency.getInstance("CNY"), Currency.getInstance("USD")};
        Random random = new Random(17);
        for (int round = 0; round < 2_000; round++) {
            SummaryAccumulator.Key a = key(random, units, values, currencies);
            SummaryAccumulator.Key b = key(random, units, values, currencies);
            assertThat(Integer.signum(AllocationSummary.ORDER.compare(a, b)))
                    .as("%s vs %s", a, b)
                    .isEqualTo(Integer.signum(MADE_STRINGS.compare(a, b)));
        }
        List<SummaryAccumulator.Key> keys = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            keys.add(key(random, units, values, currencies));
        }
        List<SummaryAccumulator.Key> expected = new ArrayList<>(keys);
        expected.sort(MADE_STRINGS);
        keys.sort(AllocationSummary.ORDER);
        assertThat(keys).isEqualTo(expected);
    }

    /**
     * Each breakdown's rows, sorted as numbers (ranks of units, types, values and currencies), come in the order of
     * the first comparator and equal the rows sorted by their keys, over random months with two currencies, many
     * resources and days, on one thread and merged from a parallel stream.
     */
    @Test
    @Tag("ALLOC-8")
    void breakdownRows_sortedByRanks_areInTheOrderOfMadeStrings() {
        for (int seed = 0; seed < 15; seed++) {
            RoundingTallyTest.Month month = RoundingTallyTest.month(new Random(seed), 400);
            List<LineItem> items = new ArrayList<>();
            Random random = new Random(seed);
            for (LineItem item : month.items()) { // many resources and days, some items without a resource
                items.add(
                        random.nextInt(5) == 0
                                ? item
                                : LineItem.builder()
                                        .from(item)
                                        .resourceId(
                                                org.cloudbilling.core.id.ResourceId.of("ins-" + random.nextInt(300)))
                                        .build());
            }
            Allocator allocator = Allocator.compile(month.rules());
            AllocationRun run = allocator.prepare(items, TagBindings.empty());
            SummaryAccumulator acc = new SummaryAccumulator(
                    month.rules().units(),
                    allocator.unitOrder,
                    org.cloudbilling.core.time.BillingCalendar.TENCENT,
                    run.placements());
            for (LineItem item : items) {
                acc.addItem(item);
                run.allocate(item, acc.placements.placementOf(item), acc);
            }
            for (Breakdown b : Breakdown.values()) {
                List<SummaryRow> rows = acc.rows(b);
                List<SummaryRow> expected = new ArrayList<>(rows);
                expected.sort(Comparator.comparing(InMemoryMonthTest::keyOf, MADE_STRINGS));
                assertThat(rows).as("seed %s, %s", seed, b).isEqualTo(expected);
                assertThat(rows).as("seed %s, %s", seed, b).isEqualTo(acc.rowsSortedByKeys(b));
                assertThat(rows.size()).as("seed %s, %s", seed, b).isGreaterThan(1);
            }
            AllocationSummary parallel =
                    items.parallelStream().collect(run.toSummary(org.cloudbilling.core.time.BillingCalendar.TENCENT));
            for (Breakdown b : Breakdown.values()) {
                assertThat(parallel.by(b)).as("seed %s, %s", seed, b).isEqualTo(acc.rows(b));
            }
        }
    }

    private static SummaryAccumulator.Key keyOf(SummaryRow row) {
        return new SummaryAccumulator.Key(
                row.unit().orElse(null),
                row.type(),
                row.value().orElse(null),
                row.amount().currency());
    }

    private static SummaryAccumulator.Key key(Random random, String[] units, String[] values, Currency[] currencies) {
        String unit = units[random.nextInt(units.length)];
        AllocationType[] types = AllocationType.values();
        return new SummaryAccumulator.Key(
                unit == null ? null : UnitId.of(unit),
                types[random.nextInt(types.length)],
                values[random.nextInt(values.length)],
                currencies[random.nextInt(currencies.length)]);
    }

    /**
     * A share is written with the item's decimals when it needs no more, else with the decimals it needs (MONEY-6:
     * the value never changes): computed by hand from the units, as the decimal it is with its trailing zeros
     * stripped.
     */
    @Test
    @Tag("MONEY-6")
    void written_share_keepsTheItemsDecimals_orTheOnesItNeeds() {
        Currency cny = Currency.getInstance("CNY");
        // 2.00000000 of an item of 8.00: 2.00
        assertThat(AllocationRun.written(Money.ofUnscaled(cny, 200_000_000L, 8), 2)
                        .toString())
                .isEqualTo("CNY 2.00");
        // 0.33333334 of an item of 1.00: all eight decimals
        assertThat(AllocationRun.written(Money.ofUnscaled(cny, 33_333_334L, 8), 2)
                        .toString())
                .isEqualTo("CNY 0.33333334");
        // -1.50000000 of an item of -3: -1.5
        assertThat(AllocationRun.written(Money.ofUnscaled(cny, -150_000_000L, 8), 0)
                        .toString())
                .isEqualTo("CNY -1.5");
        // zero at 8 decimals of an item of 4.000: 0.000
        assertThat(AllocationRun.written(Money.ofUnscaled(cny, 0, 8), 3).toString())
                .isEqualTo("CNY 0.000");
        // a share with fewer decimals than its item: widened to the item's
        assertThat(AllocationRun.written(Money.ofUnscaled(cny, 5, 1), 4).toString())
                .isEqualTo("CNY 0.5000");
        Random random = new Random(3);
        for (int i = 0; i < 20_000; i++) {
            long units = random.nextInt(4) == 0
                    ? random.nextLong()
                    : (random.nextInt(2_000_001) - 1_000_000) * (long) Math.pow(10, random.nextInt(9));
            int scale = random.nextInt(Money.MAX_SCALE + 1);
            int itemScale = random.nextInt(Money.MAX_SCALE + 1);
            Money share = Money.ofUnscaled(cny, units, scale);
            BigDecimal exact = share.amount();
            int needed = units == 0 ? 0 : Math.max(0, exact.stripTrailingZeros().scale());
            Money written = AllocationRun.written(share, itemScale);
            assertThat(written.amount().compareTo(exact))
                    .as("%s at %s", share, itemScale)
                    .isZero();
            assertThat(written.scale()).as("%s at %s", share, itemScale).isEqualTo(Math.max(needed, itemScale));
        }
    }
}
