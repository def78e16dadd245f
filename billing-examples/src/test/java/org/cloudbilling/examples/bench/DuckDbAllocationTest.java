package org.cloudbilling.examples.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cloudbilling.allocation.WorkedExample.item;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cloudbilling.allocation.AllocationDimension;
import org.cloudbilling.allocation.AllocationRuleSet;
import org.cloudbilling.allocation.AllocationUnit;
import org.cloudbilling.allocation.Allocator;
import org.cloudbilling.allocation.Condition;
import org.cloudbilling.allocation.SharingRule;
import org.cloudbilling.allocation.SharingSource;
import org.cloudbilling.allocation.UnitId;
import org.cloudbilling.allocation.WorkedExample;
import org.cloudbilling.core.bill.LineItem;
import org.cloudbilling.core.bill.TagBindings;
import org.cloudbilling.core.id.TagKey;
import org.junit.jupiter.api.Test;

class DuckDbAllocationTest {
    private static final TagKey TEAM = WorkedExample.TEAM;

    /**
     * The worked example of docs/allocation.md, whose totals the document derives by hand: a tag rule, a resource
     * re-tagged on the 17th, a refund, two rules matching one cost, and 50.00 shared in proportion to 130, 290
     * and 200 at the allocation scale (MONEY-6): 10.48387096|774, 23.38709677|419 and 16.12903225|806 (the
     * digits after the bar are the remainders) leave two units of 10^-8, which go to mobile and web.
     */
    @Test
    @org.junit.jupiter.api.Tag("ALLOC-3")
    @org.junit.jupiter.api.Tag("ALLOC-5")
    @org.junit.jupiter.api.Tag("MONEY-4")
    @org.junit.jupiter.api.Tag("MONEY-6")
    void allocate_workedExample_givesTheDocumentedTotals() throws Exception {
        try (DuckDbAllocation duck = new DuckDbAllocation(
                WorkedExample.RULES, List.of(TEAM), WorkedExample.ITEMS, WorkedExample.BINDINGS, 2)) {
            assertTotals(
                    duck.allocate(),
                    "web",
                    "140.48387097",
                    "data",
                    "313.38709677",
                    "mobile",
                    "216.12903226",
                    UnitTotals.UNALLOCATED,
                    "15.00");
        }
    }

    /** An even split of 1.00000000 in three: the leftover unit goes to the smallest unit id, whatever the order. */
    @Test
    @org.junit.jupiter.api.Tag("MONEY-4")
    void allocate_evenSplitWithALeftover_givesItToTheSmallestUnitId() throws Exception {
        AllocationRuleSet rules = sharedEvenly(List.of("c", "a", "b"), List.of("c", "b", "a"));
        List<LineItem> items = List.of(item("i1", "100", "p_cvm", null, "2024-09-05T10:00", "1.00000000", null));

        assertTotals(allocateInDuckDb(rules, items), "a", "0.33333334", "b", "0.33333333", "c", "0.33333333");
    }

    /**
     * 300 charges of 0.01 shared evenly three ways: the rule's pool of 3.00 is split once, 1.00 each, where
     * rounding each charge (0.00333333|1 three times, the leftover unit to the smallest id) would pile up on "a".
     */
    @Test
    @org.junit.jupiter.api.Tag("ALLOC-12")
    void allocate_manySmallCharges_splitsTheRulesPoolOnce() throws Exception {
        AllocationRuleSet rules = sharedEvenly(List.of("a", "b", "c"), List.of("a", "b", "c"));
        List<LineItem> items = new java.util.ArrayList<>();
        for (int i = 0; i < 300; i++) {
            items.add(item("i" + i, "100", "p_cvm", null, "2024-09-05T10:00", "0.01", null));
        }

        assertTotals(allocateInDuckDb(rules, items), "a", "1.00", "b", "1.00", "c", "1.00");
    }

    /**
     * A graph that fans out and joins again, declared bottom-up: 1.00 goes half to a and half to b, each of
     * which shares evenly to c and d; c receives 0.25 twice, merges 0.50 and shares it once in three:
     * 0.16666666|2 each and two leftover units, to e and f (equal remainders: the smaller unit id first). Two
     * separate splits of 0.25 would give e 0.16666668 and f and g 0.16666666.
     */
    @Test
    @org.junit.jupiter.api.Tag("ALLOC-13")
    @org.junit.jupiter.api.Tag("ALLOC-12")
    void allocate_costReachingAUnitByTwoPaths_isMergedBeforeItIsSharedOn() throws Exception {
        AllocationRuleSet rules = AllocationRuleSet.of(
                List.of(
                        AllocationUnit.root("root", "Root"),
                        AllocationUnit.child("a", "A", "root"),
                        AllocationUnit.child("b", "B", "root"),
                        AllocationUnit.child("c", "C", "root"),
                        AllocationUnit.child("d", "D", "root"),
                        AllocationUnit.child("e", "E", "root"),
                        AllocationUnit.child("f", "F", "root"),
                        AllocationUnit.child("g", "G", "root")),
                List.of(),
                List.of(
                        SharingRule.even(
                                "s-c",
                                SharingSource.collectedBy("c"),
                                List.of(UnitId.of("g"), UnitId.of("f"), UnitId.of("e"))),
                        SharingRule.even(
                                "s-b", SharingSource.collectedBy("b"), List.of(UnitId.of("c"), UnitId.of("d"))),
                        SharingRule.even(
                                "s-a", SharingSource.collectedBy("a"), List.of(UnitId.of("d"), UnitId.of("c"))),
                        SharingRule.even(
                                "s-top",
                                SharingSource.matching(Condition.in(AllocationDimension.OWNER_UIN, "100")),
                                List.of(UnitId.of("a"), UnitId.of("b")))),
                Set.of());
        List<LineItem> items = List.of(item("i1", "100", "p_cvm", null, "2024-09-05T10:00", "1.00", null));

        assertTotals(
                allocateInDuckDb(rules, items), "d", "0.50", "e", "0.16666667", "f", "0.16666667", "g", "0.16666666");
    }

    /** A refund is split as its absolute value and the parts negated: -1.00 in three is -0.33333334 to "a". */
    @Test
    @org.junit.jupiter.api.Tag("MONEY-5")
    @org.junit.jupiter.api.Tag("MONEY-6")
    void allocate_refundSharedEvenly_negatesTheSplitOfItsAbsoluteValue() throws Exception {
        AllocationRuleSet rules = sharedEvenly(List.of("a", "b", "c"), List.of("c", "b", "a"));
        List<LineItem> items = List.of(item("i1", "100", "p_cvm", null, "2024-09-05T10:00", "-1.00", null));

        assertTotals(allocateInDuckDb(rules, items), "a", "-0.33333334", "b", "-0.33333333", "c", "-0.33333333");
    }

    /** The SQL and the library agree on a generated month with every kind of rule, chains and re-tagging. */
    @Test
    @org.junit.jupiter.api.Tag("ALLOC-5")
    @org.junit.jupiter.api.Tag("ALLOC-6")
    @org.junit.jupiter.api.Tag("ALLOC-12")
    @org.junit.jupiter.api.Tag("ALLOC-13")
    void allocate_generatedMonth_givesTheLibrarysTotalsToTheLastDecimal() throws Exception {
        for (long seed : new long[] {1, 2, 3}) {
            Workload w = Workload.generate(seed, 4_000, 150, 2_000);
            List<LineItem> items = w.materialize();
            UnitTotals library = LibraryPass.allocate(Allocator.compile(w.rules()), items, w.tags(), null);

            try (DuckDbAllocation duck = new DuckDbAllocation(w.rules(), w.tagKeys(), items, w.bindings(), 2)) {
                Map<String, BigDecimal> sql = duck.allocate();

                assertThat(BenchCommand.differences(library.toDecimals(), sql)).isEmpty();
                assertThat(sql.size()).isGreaterThan(20);
            }
        }
    }

    /**
     * From a canonical CSV file, read by DuckDB alone: the same totals as the library's over the items the file
     * holds, the printed tags being the effective ones (a file carries no tag history, as in {@code billing
     * allocate}).
     */
    @Test
    @org.junit.jupiter.api.Tag("ALLOC-5")
    @org.junit.jupiter.api.Tag("ALLOC-12")
    void allocateFile_generatedMonthAsCanonicalCsv_givesTheLibrarysTotalsToTheLastDecimal(
            @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        Workload w = Workload.generate(5, 4_000, 150, 2_000);
        List<LineItem> items = w.materialize();
        java.nio.file.Path csv = dir.resolve("items.csv");
        try (java.io.Writer out = java.nio.file.Files.newBufferedWriter(csv);
                org.cloudbilling.core.io.LineItemCsvWriter writer = org.cloudbilling.core.io.LineItemCsv.writer(out)) {
            for (LineItem i : items) {
                writer.write(i);
            }
        }
        UnitTotals library = LibraryPass.allocate(Allocator.compile(w.rules()), items, TagBindings.empty(), null);

        assertThat(java.nio.file.Files.readAllLines(csv).get(0))
                .isEqualTo(String.join(",", DuckDbAllocation.CSV_HEADER));
        try (DuckDbAllocation duck = new DuckDbAllocation(w.rules(), w.tagKeys(), 2)) {
            Map<String, BigDecimal> sql = duck.allocateFile(csv.toString());

            assertThat(BenchCommand.differences(library.toDecimals(), sql)).isEmpty();
            assertThat(sql.size()).isGreaterThan(20);
        }
    }

    /**
     * The hostile graph of docs/decisions/0007: units a_i and b_i each share evenly to a_(i+1) and b_(i+1), 26
     * levels, 2^26 paths; pools merge at every level. Charges and refunds of every size agree with the library.
     */
    @Test
    @org.junit.jupiter.api.Tag("ALLOC-12")
    @org.junit.jupiter.api.Tag("ALLOC-13")
    void allocate_graphThatFansOutAndJoins_givesTheLibrarysTotalsToTheLastDecimal() throws Exception {
        AllocationRuleSet rules = HostileSharingBenchmarks.diamond(26);
        List<LineItem> items = new java.util.ArrayList<>(List.of(
                item("i1", "1", "p_cvm", null, "2024-09-05T10:00", "0.01", null),
                item("i2", "1", "p_cvm", null, "2024-09-05T10:00", "100.00", null),
                item("i3", "1", "p_cvm", null, "2024-09-05T10:00", "-3.33", null)));
        java.util.Random random = new java.util.Random(7);
        for (int i = 4; i < 200; i++) {
            BigDecimal amount = BigDecimal.valueOf(random.nextInt(2_000_000) - 100_000, random.nextInt(9));
            items.add(item("i" + i, "1", "p_cvm", null, "2024-09-05T10:00", amount.toPlainString(), null));
        }
        UnitTotals library = LibraryPass.allocate(Allocator.compile(rules), items, TagBindings.empty(), null);

        try (DuckDbAllocation duck = new DuckDbAllocation(rules, List.of(), items, List.of(), 2)) {
            Map<String, BigDecimal> sql = duck.allocate();

            assertThat(sql).containsOnlyKeys("a26", "b26");
            assertThat(BenchCommand.differences(library.toDecimals(), sql)).isEmpty();
        }
    }

    /** Allocates {@code items} by {@code rules} in DuckDB, on one thread, without tags. */
    private static Map<String, BigDecimal> allocateInDuckDb(AllocationRuleSet rules, List<LineItem> items)
            throws java.sql.SQLException {
        try (DuckDbAllocation duck = new DuckDbAllocation(rules, List.of(), items, List.of(), 1)) {
            return duck.allocate();
        }
    }

    /** Checks that {@code totals} has exactly the units of {@code unitsAndTotals} (a unit, then its total, ...). */
    private static void assertTotals(Map<String, BigDecimal> totals, String... unitsAndTotals) {
        Map<String, String> expected = new java.util.LinkedHashMap<>();
        for (int i = 0; i < unitsAndTotals.length; i += 2) {
            expected.put(unitsAndTotals[i], unitsAndTotals[i + 1]);
        }
        assertThat(totals).containsOnlyKeys(expected.keySet());
        expected.forEach((unit, total) -> assertThat(totals.get(unit)).as(unit).isEqualByComparingTo(total));
    }

    /**
     * A root with {@code children} (ids, named by their upper case), in that order, and one rule sharing owner 100's
     * costs evenly to {@code targets}, in that order.
     */
    private static AllocationRuleSet sharedEvenly(List<String> children, List<String> targets) {
        List<AllocationUnit> units = new java.util.ArrayList<>();
        units.add(AllocationUnit.root("root", "Root"));
        children.forEach(c -> units.add(AllocationUnit.child(c, c.toUpperCase(java.util.Locale.ROOT), "root")));
        return AllocationRuleSet.of(
                units,
                List.of(),
                List.of(SharingRule.even(
                        "s-all",
                        SharingSource.matching(Condition.in(AllocationDimension.OWNER_UIN, "100")),
                        targets.stream().map(UnitId::of).toList())),
                Set.of());
    }
}
