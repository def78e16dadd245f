package org.cloudbilling.allocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The shares of held items are added as each item is followed, and those of an item that carries a rounding
 * correction (ALLOC-12) taken out again: what is left must add to the totals exactly as if only the rows left had been
 * added, value and scale, and count as those rows.
 */
@Tag("ALLOC-12")
@DisplayName("ALLOC-12 shares taken out again leave the totals of the shares left, scale included")
class ShareSumsTest {
    private static final Currency CNY = Currency.getInstance("CNY");
    private static final Currency USD = Currency.getInstance("USD");

    private final Allocator allocator = Allocator.compile(new RandomRuleSets(7).ruleSet());

    @Test
    void aShareTakenOut_thatAloneHadTheLargestScale_leavesTheScaleOfTheOthers() {
        ShareSums sums = new ShareSums(allocator.unitOrder.size());
        sums.addShare(CNY, 0, 100, 2); // 1.00
        sums.addShare(CNY, 0, 33_333_333, 8); // 0.33333333
        sums.removing().addShare(CNY, 0, 33_333_333, 8);

        TotalsAccumulator totals = new TotalsAccumulator(allocator);
        sums.addTo(totals);

        assertThat(shared(totals.toTotals(), 0, CNY)).hasValue("1.00");
        assertThat(totals.toTotals().rowCount()).isEqualTo(1);
    }

    @Test
    void everyShareOfAUnitTakenOut_leavesNoTotal() {
        ShareSums sums = new ShareSums(allocator.unitOrder.size());
        sums.addShare(CNY, 1, 5, 1);
        sums.addShare(CNY, 2, 7, 0);
        sums.removing().addShare(CNY, 1, 5, 1);

        TotalsAccumulator totals = new TotalsAccumulator(allocator);
        sums.addTo(totals);

        assertThat(shared(totals.toTotals(), 1, CNY)).isEmpty();
        assertThat(shared(totals.toTotals(), 2, CNY)).hasValue("7");
        assertThat(totals.toTotals().rowCount()).isEqualTo(1);
    }

    @Test
    void sharesAddedAndSomeTakenOut_giveTheTotalsOfTheSharesLeft() {
        qt().withExamples(300).forAll(longs().all()).checkAssert(seed -> {
            Random r = new Random(seed);
            int units = allocator.unitOrder.size();
            ShareSums sums = new ShareSums(units);
            TotalsAccumulator expected = new TotalsAccumulator(allocator);
            List<long[]> added = new ArrayList<>();
            for (int i = 0, n = r.nextInt(60); i < n; i++) {
                Currency currency = r.nextInt(4) == 0 ? USD : CNY;
                int unit = r.nextInt(Math.min(units, 4));
                // refunds, zeros, and now and then a value whose sum leaves a long at its scale
                long value = r.nextInt(10) == 0
                        ? (r.nextBoolean() ? Long.MAX_VALUE : Long.MIN_VALUE + 1)
                        : r.nextInt(2001) - 1000;
                int scale = r.nextInt(ShareSums.SCALES);
                sums.addShare(currency, unit, value, scale);
                if (r.nextInt(3) == 0) {
                    sums.removing().addShare(currency, unit, value, scale);
                } else {
                    expected.addShare(currency, unit, value, scale);
                }
                added.add(new long[] {unit, value, scale});
            }
            TotalsAccumulator actual = new TotalsAccumulator(allocator);
            sums.addTo(actual);

            assertThat(cells(actual.toTotals(), units))
                    .as("seed %s, %s shares", seed, added.size())
                    .isEqualTo(cells(expected.toTotals(), units));
            assertThat(actual.toTotals().rowCount())
                    .isEqualTo(expected.toTotals().rowCount());
        });
    }

    private Optional<String> shared(AllocationTotals totals, int unit, Currency currency) {
        return totals.total(Optional.of(allocator.unitOrder.get(unit)), AllocationType.SHARED, currency)
                .map(m -> m.amount().toPlainString());
    }

    private Map<String, String> cells(AllocationTotals totals, int units) {
        Map<String, String> out = new TreeMap<>();
        for (Currency c : List.of(CNY, USD)) {
            for (int unit = 0; unit < units; unit++) {
                int u = unit;
                shared(totals, unit, c).ifPresent(v -> out.put(c + "/" + u, v));
            }
        }
        return out;
    }
}
