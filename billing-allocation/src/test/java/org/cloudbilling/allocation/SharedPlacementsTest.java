package org.cloudbilling.allocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.cloudbilling.core.bill.LineItem;
import org.cloudbilling.core.bill.TagBindings;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The table of placements shared by the threads of one collection: a key gives back exactly the placement kept for
 * it, whatever other keys share its hash or its segment, whatever threads read and write it at the same time, and
 * however often a segment starts again empty; caches of several threads over one table place every item as
 * matching it does.
 */
@org.junit.jupiter.api.Tag("ALLOC-3")
@org.junit.jupiter.api.Tag("ALLOC-6")
@DisplayName("ALLOC-3 ALLOC-6 one table of placements for all threads gives exactly the matched placements")
class SharedPlacementsTest {

    /** A key of {@code width} values made from {@code n}: new strings each time, some values null. */
    private static String[] key(int n, int width) {
        String[] k = new String[width];
        for (int i = 0; i < width; i++) {
            k[i] = (n + i) % 5 == 0 ? null : new String("v" + n + "." + i); // equal values, other instances
        }
        return k;
    }

    /** A placement that depends on the key alone, some negative (sharing rules, Unallocated). */
    private static int placementOf(int n) {
        return n % 7 == 0 ? -1 : n % 11 == 0 ? -2 - n % 20 : n;
    }

    @Test
    void keysOfOneHash_eachGiveTheirOwnPlacement() {
        SharedPlacements table = new SharedPlacements(3);
        int h = 0x7654_3211; // every key the same hash: one segment, one chain of slots
        for (int n = 0; n < 500; n++) {
            assertThat(table.find(h, key(n, 3))).isEqualTo(SharedPlacements.NOT_FOUND);
            table.put(h, key(n, 3), placementOf(n));
        }
        for (int n = 0; n < 500; n++) {
            assertThat(table.find(h, key(n, 3))).as("key %s", n).isEqualTo(placementOf(n));
        }
        assertThat(table.find(h, key(500, 3))).isEqualTo(SharedPlacements.NOT_FOUND);
        assertThat(table.find(h ^ 1, key(3, 3))).isEqualTo(SharedPlacements.NOT_FOUND);
        assertThat(table.size()).isEqualTo(500);
        // keeping a key again keeps the first placement (another thread's, equal in use)
        table.put(h, key(3, 3), 12345);
        assertThat(table.find(h, key(3, 3))).isEqualTo(placementOf(3));
        assertThat(table.size()).isEqualTo(500);
        // a key differing in one value only, or in a null, is another key
        String[] other = key(6, 3);
        other[2] = null;
        assertThat(table.find(h, other)).isEqualTo(SharedPlacements.NOT_FOUND);
    }

    @Test
    void fullSegments_startAgainEmpty_andStayBounded() {
        SharedPlacements table = new SharedPlacements(2, SharedPlacements.SEGMENTS * 8);
        Random r = new Random(7);
        List<Integer> kept = new ArrayList<>();
        for (int n = 0; n < 5_000; n++) {
            int h = hash(n);
            table.put(h, key(n, 2), placementOf(n));
            kept.add(n);
            assertThat(table.size()).isLessThanOrEqualTo(SharedPlacements.SEGMENTS * 8);
            int probe = kept.get(r.nextInt(kept.size()));
            int found = table.find(hash(probe), key(probe, 2));
            assertThat(found).isIn(SharedPlacements.NOT_FOUND, placementOf(probe));
        }
        assertThat(table.find(hash(4_999), key(4_999, 2))).isEqualTo(placementOf(4_999));
    }

    private static int hash(int n) {
        int h = n * 0x9E37_79B9;
        h ^= h >>> 15;
        h = n % 3 == 0 ? (h & 0xFC00_0000) | 5 : h; // a third crowd into one chain of their segment
        return h == 0 ? 1 : h;
    }

    /**
     * Threads look up and keep keys at once, in a table small enough to start segments again under them: a look-up
     * gives nothing or the key's own placement, never another key's, and a key just kept by a thread is found by
     * it (unless its segment started again).
     */
    @Test
    void threadsReadingAndWritingAtOnce_neverSeeAnotherKeysPlacement() throws Exception {
        for (int maxEntries : new int[] {SharedPlacements.SEGMENTS * 4, SharedPlacements.MAX_ENTRIES}) {
            SharedPlacements table = new SharedPlacements(4, maxEntries);
            int threads = 4;
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            CountDownLatch start = new CountDownLatch(1);
            AtomicInteger hits = new AtomicInteger();
            try {
                List<Future<?>> done = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    long seed = t;
                    done.add(pool.submit(() -> {
                        Random r = new Random(seed);
                        start.await();
                        for (int i = 0; i < 60_000; i++) {
                            int n = r.nextInt(3_000);
                            String[] k = key(n, 4);
                            int found = table.find(hash(n), k);
                            if (found == SharedPlacements.NOT_FOUND) {
                                table.put(hash(n), k, placementOf(n));
                            } else {
                                assertThat(found).as("key %s", n).isEqualTo(placementOf(n));
                                hits.incrementAndGet();
                            }
                        }
                        return null;
                    }));
                }
                start.countDown();
                for (Future<?> f : done) {
                    f.get(2, TimeUnit.MINUTES);
                }
            } finally {
                pool.shutdownNow();
            }
            assertThat(hits.get()).isPositive();
            assertThat(table.size()).isLessThanOrEqualTo(maxEntries);
            if (maxEntries == SharedPlacements.MAX_ENTRIES) {
                for (int n = 0; n < 3_000; n++) {
                    assertThat(table.find(hash(n), key(n, 4))).isIn(SharedPlacements.NOT_FOUND, placementOf(n));
                }
                assertThat(table.size()).isLessThanOrEqualTo(3_000);
            }
        }
    }

    /**
     * Caches of several threads over one table, and one table of placements by resource, place every item as matching
     * it does, whatever the tag history (resources re-tagged in the middle of the month), each thread taking the items
     * in its own order, one thread in groups.
     */
    @Test
    void cachesOfManyThreadsOverOneTable_placeAsMatching() {
        qt().withExamples(60).forAll(longs().all()).checkAssert(seed -> {
            RandomRuleSets random = new RandomRuleSets(seed);
            Allocator allocator = Allocator.compile(random.ruleSet());
            RetaggedPeriod p = RetaggedPeriod.of(random, seed, 300);
            List<LineItem> items = p.items();
            TagBindings history = p.history();
            SharedPlacements table = new SharedPlacements(PlacementCache.keyWidth(allocator));
            List<Thread> threads = new ArrayList<>();
            List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
            ResourcePlacements byResource = PlacementCache.byResource(allocator);
            for (int t = 0; t < 3; t++) {
                List<LineItem> order = new ArrayList<>(items);
                Collections.shuffle(order, new Random(seed + t));
                boolean inGroups = t == 2; // the third thread places its items in groups of 1 to 64
                Thread thread = new Thread(() -> {
                    try {
                        PlacementCache cache = new PlacementCache(allocator, history, table, byResource);
                        Random sizes = new Random(seed);
                        int[] placements = new int[PlacementCache.GROUP];
                        for (int from = 0; from < order.size(); ) {
                            int count = inGroups ? Math.min(order.size() - from, 1 + sizes.nextInt(64)) : 1;
                            LineItem[] group = order.subList(from, from + count).toArray(new LineItem[0]);
                            if (inGroups) {
                                cache.placementsOf(group, count, placements);
                            } else {
                                placements[0] = cache.placementOf(group[0]);
                            }
                            for (int i = 0; i < count; i++) {
                                assertThat(placements[i])
                                        .as("seed %s, item %s", seed, group[i].id())
                                        .isEqualTo(AllocationRun.placement(allocator, new ItemView(group[i], history)));
                            }
                            from += count;
                        }
                    } catch (Throwable e) {
                        failures.add(e);
                    }
                });
                threads.add(thread);
                thread.start();
            }
            for (Thread thread : threads) {
                try {
                    thread.join();
                } catch (InterruptedException e) {
                    throw new AssertionError(e);
                }
            }
            assertThat(failures).isEmpty();
        });
    }
}
