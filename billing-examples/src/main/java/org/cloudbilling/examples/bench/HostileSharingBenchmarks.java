package org.cloudbilling.examples.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.cloudbilling.allocation.Allocation;
import org.cloudbilling.allocation.AllocationBill;
import org.cloudbilling.allocation.AllocationDimension;
import org.cloudbilling.allocation.AllocationRule;
import org.cloudbilling.allocation.AllocationRuleSet;
import org.cloudbilling.allocation.AllocationUnit;
import org.cloudbilling.allocation.Condition;
import org.cloudbilling.allocation.SharingRule;
import org.cloudbilling.allocation.SharingSource;
import org.cloudbilling.allocation.UnitId;
import org.cloudbilling.allocation.UnitTree;
import org.cloudbilling.core.bill.ActionType;
import org.cloudbilling.core.bill.LineItem;
import org.cloudbilling.core.bill.PayMode;
import org.cloudbilling.core.bill.TagBindings;
import org.cloudbilling.core.id.BusinessCode;
import org.cloudbilling.core.id.LineItemId;
import org.cloudbilling.core.id.OwnerUin;
import org.cloudbilling.core.id.PayerUin;
import org.cloudbilling.core.money.Money;
import org.cloudbilling.core.time.BillingCalendar;
import org.cloudbilling.core.time.Interval;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * JMH benchmarks of the hostile rule sets of issue 15 (ALLOC-13): a sharing "diamond" of 26 levels (2^26 paths)
 * and a chain of 5,000 units sharing one to the next. Each whole call should take well under a second, and grow
 * linearly with levels and units.
 *
 * <pre>{@code
 * java -cp billing-examples/target/billing.jar org.openjdk.jmh.Main HostileSharingBenchmarks -f 1 -wi 2 -i 3
 * }</pre>
 */
@State(Scope.Benchmark)
@Fork(value = 1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class HostileSharingBenchmarks {
    /** Links in the chain: sharing rules, and units below the root. */
    @Param({"5000"})
    public int chainLength;

    private List<AllocationUnit> chainUnits;
    private List<AllocationRule> chainCollection;
    private List<SharingRule> chainSharing;
    private AllocationRuleSet chain;
    private AllocationRuleSet diamond;
    private List<LineItem> items;

    /** Builds the rule sets' parts once per trial. */
    @Setup(Level.Trial)
    public void setUp() {
        chainUnits = new ArrayList<>(List.of(AllocationUnit.root("u0", "U0")));
        chainSharing = new ArrayList<>();
        for (int i = 1; i <= chainLength; i++) {
            chainUnits.add(AllocationUnit.child("u" + i, "U" + i, "u" + (i - 1)));
            chainSharing.add(SharingRule.even(
                    "s" + (i - 1), SharingSource.collectedBy("u" + (i - 1)), List.of(UnitId.of("u" + i))));
        }
        chainCollection = List.of(AllocationRule.of("r0", "u0", Condition.in(AllocationDimension.OWNER_UIN, "1")));
        chain = AllocationRuleSet.of(chainUnits, chainCollection, chainSharing, Set.of());
        diamond = diamond(26);
        items = List.of(item("i1", "0.01"), item("i2", "100.00"), item("i3", "-3.33"));
    }

    static AllocationRuleSet diamond(int levels) {
        List<AllocationUnit> units = new ArrayList<>(List.of(AllocationUnit.root("acme", "Acme")));
        List<SharingRule> sharing = new ArrayList<>();
        for (int i = 0; i <= levels; i++) {
            units.add(AllocationUnit.child("a" + i, "A" + i, "acme"));
            units.add(AllocationUnit.child("b" + i, "B" + i, "acme"));
        }
        for (int i = 0; i < levels; i++) {
            List<UnitId> next = List.of(UnitId.of("a" + (i + 1)), UnitId.of("b" + (i + 1)));
            sharing.add(SharingRule.even("sa" + i, SharingSource.collectedBy("a" + i), next));
            sharing.add(SharingRule.even("sb" + i, SharingSource.collectedBy("b" + i), next));
        }
        return AllocationRuleSet.of(
                units,
                List.of(AllocationRule.of("r-a0", "a0", Condition.in(AllocationDimension.OWNER_UIN, "1"))),
                sharing,
                Set.of());
    }

    private static LineItem item(String id, String amount) {
        Instant start = Instant.parse("2024-09-05T02:00:00Z");
        return LineItem.builder()
                .id(LineItemId.of(id))
                .ownerUin(OwnerUin.of("1"))
                .payerUin(PayerUin.of("1"))
                .businessCode(BusinessCode.of("p_cvm"))
                .payMode(PayMode.POSTPAID)
                .actionType(amount.startsWith("-") ? ActionType.REFUND : ActionType.USAGE)
                .feePeriod(Interval.of(start, start.plusSeconds(3600)))
                .listCost(Money.of("CNY", amount))
                .totalCost(Money.of("CNY", amount))
                .build();
    }

    /** Checks a unit tree that is one chain of {@code chainLength} + 1 units. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public UnitTree checkChainUnitTree() {
        return UnitTree.of(chainUnits);
    }

    /** Checks the whole rule set of the chain: the unit tree and {@code chainLength} sharing rules in a row. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public AllocationRuleSet checkChainRuleSet() {
        return AllocationRuleSet.of(chainUnits, chainCollection, chainSharing, Set.of());
    }

    /** Allocates three items down the chain of sharing rules (compile, prepare, allocate). */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public AllocationBill allocateChain() {
        return Allocation.allocate(chain, items, TagBindings.empty(), BillingCalendar.TENCENT);
    }

    /** Builds and checks the 26-level diamond's rule set: 54 units, 52 sharing rules, 2^26 paths. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public AllocationRuleSet checkDiamondOf26Levels() {
        return diamond(26);
    }

    /** Allocates three items through the 26-level diamond (compile, prepare with rounding, allocate). */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public AllocationBill allocateDiamondOf26Levels() {
        return Allocation.allocate(diamond, items, TagBindings.empty(), BillingCalendar.TENCENT);
    }
}
