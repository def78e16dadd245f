package org.cloudbilling.allocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.cloudbilling.core.bill.LineItem;
import org.cloudbilling.core.bill.TagBindings;
import org.cloudbilling.core.id.LineItemId;
import org.cloudbilling.core.money.Money;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Public proportional bases (ALLOC-5): computed from any part of a period, merged like rollups, and given to the
 * allocator with exactly the rows of a run prepared over the whole period in one pass.
 */
@Tag("ALLOC-5")
class AllocationBasesTest {
    private static final Currency CNY = Currency.getInstance("CNY");
    private static final TagBindings NO_TAGS = TagBindings.empty();

    @Test
    void bases_ofTwoParts_mergedAndGivenToTheAllocator_splitByTheWholePeriodsBases() {
        Allocator allocator = Allocator.compile(WebAndDataMonth.rules());
        // part 1: web collects 30.00, n (9.00 of p_vpc) is shared; part 2: web's refund of 10.00, data's 10.00
        List<LineItem> part1 = List.of(
                WebAndDataMonth.item("a", "1", "p_cvm", "30.00"), WebAndDataMonth.item("n", "1", "p_vpc", "9.00"));
        List<LineItem> part2 = List.of(
                WebAndDataMonth.item("c", "1", "p_cvm", "-10.00"), WebAndDataMonth.item("b", "2", "p_cvm", "10.00"));

        AllocationBases merged = allocator.bases(part1, NO_TAGS).merge(allocator.bases(part2, NO_TAGS));

        // web 30.00 - 10.00 = 20.00, data 10.00; n is no base, whoever owns it
        assertThat(merged.collectedCost(CNY))
                .containsExactly(
                        Map.entry(UnitId.of("data"), Money.of("CNY", "10.00")),
                        Map.entry(UnitId.of("web"), Money.of("CNY", "20.00")));
        assertThat(merged.toString()).isEqualTo("{CNY={data=CNY 10.00, web=CNY 20.00}}");
        // 9.00 x 20/30 = 6.00 to web, 9.00 x 10/30 = 3.00 to data
        AllocationRun run = allocator.prepare(merged, part1, NO_TAGS);
        assertThat(run.allocate(WebAndDataMonth.item("n", "1", "p_vpc", "9.00")))
                .extracting(
                        r -> r.unit().orElseThrow() + " " + r.amount().amount().toPlainString())
                .containsExactly("data 3.00", "web 6.00");
        // part 1's bases alone know no data base: all of n would go to web
        assertThat(allocator
                        .prepare(allocator.bases(part1, NO_TAGS), part1, NO_TAGS)
                        .allocate(part1.get(1)))
                .extracting(
                        r -> r.unit().orElseThrow() + " " + r.amount().amount().toPlainString())
                .containsExactly("data 0.00", "web 9.00");
    }

    /** Merge is associative and commutative, with the empty bases as identity: scale included. */
    @Test
    void merge_associativeCommutativeWithIdentity() {
        qt().withExamples(60).forAll(longs().all()).checkAssert(seed -> {
            Random random = new Random(seed);
            RoundingTallyTest.Month month = RoundingTallyTest.month(random, 10 + random.nextInt(150));
            Allocator allocator = Allocator.compile(month.rules());
            List<List<LineItem>> parts = partition(month.items(), 3, random);
            AllocationBases a = allocator.bases(parts.get(0), NO_TAGS);
            AllocationBases b = allocator.bases(parts.get(1), NO_TAGS);
            AllocationBases c = allocator.bases(parts.get(2), NO_TAGS);

            assertSame(a.merge(b).merge(c), a.merge(b.merge(c)), seed);
            assertSame(a.merge(b), b.merge(a), seed);
            assertSame(a.merge(AllocationBases.empty()), a, seed);
            assertSame(AllocationBases.empty().merge(a), a, seed);
        });
    }

    /**
     * The bases of any partition of a month, merged in any order, are the bases one pass finds, and a run given
     * them allocates every item as a run prepared over the month in one pass, to the last decimal (ALLOC-12
     * rounding included).
     */
    @Test
    @Tag("ALLOC-12")
    void bases_ofAnyPartitionMerged_equalOnePass_andAllocateAlike() {
        qt().withExamples(60).forAll(longs().all()).checkAssert(seed -> {
            Random random = new Random(seed);
            RoundingTallyTest.Month month = RoundingTallyTest.month(random, 20 + random.nextInt(200));
            Allocator allocator = Allocator.compile(month.rules());
            AllocationRun onePass = allocator.prepare(month.items(), NO_TAGS);

            List<AllocationBases> parts = new ArrayList<>();
            for (List<LineItem> part : partition(month.items(), 1 + random.nextInt(6), random)) {
                parts.add(allocator.bases(part, NO_TAGS));
            }
            while (parts.size() > 1) { // merge two random parts, either way round
                AllocationBases x = parts.remove(random.nextInt(parts.size()));
                AllocationBases y = parts.remove(random.nextInt(parts.size()));
                parts.add(random.nextBoolean() ? x.merge(y) : y.merge(x));
            }
            AllocationBases merged = serializedAndRead(parts.get(0));

            assertSame(merged, allocator.bases(month.items(), NO_TAGS), seed);
            assertSame(merged, month.items().parallelStream().collect(allocator.toBases(NO_TAGS)), seed);
            boolean proportional =
                    month.rules().sharingRules().stream().anyMatch(r -> r.method() == SharingMethod.PROPORTIONAL);
            for (Currency currency :
                    List.of(CNY, Currency.getInstance("USD"))) { // one pass keeps them if it needs them
                if (!proportional) {
                    break;
                }
                assertThat(merged.collectedCost(currency))
                        .as("seed %s", seed)
                        .isEqualTo(onePass.collectedCost(currency));
            }
            List<String> expected = RoundingTallyTest.rows(onePass, month.items());
            assertThat(RoundingTallyTest.rows(allocator.prepare(merged, month.items(), NO_TAGS), month.items()))
                    .as("seed %s", seed)
                    .isEqualTo(expected);
            // or rounded by the tallies of the parts, made where they are
            AllocationRun bare = allocator.prepare(merged, NO_TAGS);
            RoundingTally tally = RoundingTally.of(allocator);
            for (List<LineItem> part : partition(month.items(), 1 + random.nextInt(4), random)) {
                tally = tally.merge(bare.tally(part));
            }
            assertThat(RoundingTallyTest.rows(bare.rounded(tally), month.items()))
                    .as("seed %s", seed)
                    .isEqualTo(expected);
        });
    }

    @Test
    void prepare_basesOfAUnitTheRuleSetLacks_isRefused() {
        Allocator allocator = Allocator.compile(WebAndDataMonth.rules());
        AllocationBases stranger = AllocationBases.of(UnitId.of("mobile"), Money.of("CNY", "5.00"));

        assertThatThrownBy(() -> allocator.prepare(stranger, List.of(), NO_TAGS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'mobile'");
    }

    @Test
    void of_unitAndCost_mergesWithTheBasesAPassFinds() {
        Allocator allocator = Allocator.compile(WebAndDataMonth.rules());
        List<LineItem> items = List.of(
                WebAndDataMonth.item("a", "1", "p_cvm", "30.00"), WebAndDataMonth.item("b", "2", "p_cvm", "10.5"));

        AllocationBases kept = AllocationBases.of(UnitId.of("web"), Money.of("CNY", "30.00"))
                .merge(AllocationBases.of(UnitId.of("data"), Money.of("CNY", "10.5")));

        assertSame(kept, allocator.bases(items, NO_TAGS), 0L);
        assertThat(AllocationBases.empty().isEmpty()).isTrue();
        assertThat(kept.currencies()).containsExactly(CNY);
        assertThat(allocator.bases(List.of(WebAndDataMonth.item("n", "1", "p_vpc", "8.00")), NO_TAGS))
                .isEqualTo(AllocationBases.empty());
        assertThat(allocator.prepare(kept, NO_TAGS).allocate(WebAndDataMonth.item("x", "9", "p_vpc", "1.00")))
                .extracting(r -> r.item().id())
                .containsOnly(LineItemId.of("x"));
    }

    private static void assertSame(AllocationBases actual, AllocationBases expected, long seed) {
        assertThat(actual).as("seed %s", seed).isEqualTo(expected);
        assertThat(actual.toString()).as("seed %s: scales", seed).isEqualTo(expected.toString());
    }

    private static List<List<LineItem>> partition(List<LineItem> items, int parts, Random random) {
        List<LineItem> shuffled = new ArrayList<>(items);
        Collections.shuffle(shuffled, random);
        List<List<LineItem>> out = new ArrayList<>();
        for (int p = 0; p < parts; p++) {
            out.add(shuffled.subList(shuffled.size() * p / parts, shuffled.size() * (p + 1) / parts));
        }
        return out;
    }

    private static AllocationBases serializedAndRead(AllocationBases bases) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
                out.writeObject(bases);
            }
            try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
                return (AllocationBases) in.readObject();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ClassNotFoundException e) {
            throw new AssertionError(e);
        }
    }
}
