package org.cloudbilling.examples.bench;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;
import org.cloudbilling.allocation.AllocationDimension;
import org.cloudbilling.allocation.AllocationRule;
import org.cloudbilling.allocation.AllocationRuleSet;
import org.cloudbilling.allocation.AllocationUnit;
import org.cloudbilling.allocation.Condition;
import org.cloudbilling.allocation.SharingRule;
import org.cloudbilling.allocation.SharingSource;
import org.cloudbilling.allocation.UnitId;
import org.cloudbilling.allocation.ZeroBaseFallback;
import org.cloudbilling.core.bill.ActionType;
import org.cloudbilling.core.bill.LineItem;
import org.cloudbilling.core.bill.PayMode;
import org.cloudbilling.core.bill.TagBinding;
import org.cloudbilling.core.bill.TagBindings;
import org.cloudbilling.core.id.BusinessCode;
import org.cloudbilling.core.id.ItemCode;
import org.cloudbilling.core.id.LineItemId;
import org.cloudbilling.core.id.OwnerUin;
import org.cloudbilling.core.id.PayerUin;
import org.cloudbilling.core.id.ProductCode;
import org.cloudbilling.core.id.ProjectId;
import org.cloudbilling.core.id.RegionId;
import org.cloudbilling.core.id.ResourceId;
import org.cloudbilling.core.id.Tag;
import org.cloudbilling.core.id.TagKey;
import org.cloudbilling.core.money.Money;
import org.cloudbilling.core.time.BillingCalendar;
import org.cloudbilling.core.time.BillingMonth;
import org.cloudbilling.core.time.Interval;

/**
 * The benchmark's month, generated from a seed: the same seed, item count and rule count give the same units,
 * rules, tag history and items, in the same order, on every machine.
 *
 * <ul>
 *   <li>2,000 owners; 200,000 resources, each with an owner, a product, a region, a project (80%) and 0 to 3
 *       tags from 5 keys x 100 values; 5% of the resources are re-tagged at 00:00 on the 16th, which the tag
 *       history ({@link TagBindings}) records, while the items keep printing the old tags.
 *   <li>500 units in a four-level tree.
 *   <li>{@code ruleCount} collection rules mixing {@code in}, {@code not in}, tags, products, projects and
 *       owners, nested up to three levels; the last 0.5% (at least one) are catch-alls made of {@code not in}
 *       alone.
 *   <li>20 sharing rules, ratio, even and proportional, 8 sharing the costs matching a condition and 12 the
 *       costs collected into a unit, chained up to three splits deep.
 *   <li>Items: CNY amounts with 8 decimals up to 500; 3% are refunds (negative); hourly fee periods in
 *       September 2024 (UTC+8).
 * </ul>
 *
 * <p>The items are generated again on every iteration of {@link #items()}, so a month of any size streams
 * without being held in memory. Immutable.
 */
public final class Workload {
    /** The currency of every amount. */
    public static final Currency CNY = Currency.getInstance("CNY");
    /** The provider calendar the month is cut with. */
    public static final BillingCalendar CALENDAR = BillingCalendar.TENCENT;
    /** The month. */
    public static final BillingMonth MONTH = BillingMonth.of(2024, 9);

    static final int OWNERS = 2_000;
    static final int RESOURCES = 200_000;
    static final int TAG_KEYS = 5;
    static final int TAG_VALUES = 100;
    static final int UNITS = 500;
    static final int BUSINESSES = 20;
    static final int PRODUCTS_PER_BUSINESS = 3;
    static final int REGIONS = 8;
    static final int PROJECTS = 300;
    static final int SHARING_RULES = 20;
    /** Sharing rules whose source is a unit's collected cost; their source units are the first leaves. */
    static final int UNIT_SOURCES = 12;

    private static final long MAX_AMOUNT_UNITS = 50_000_000_000L; // 500.00000000
    private static final PayerUin PAYER = PayerUin.of("p0000001");

    private final long seed;
    private final int itemCount;
    private final Instant monthStart;
    private final Instant retagAt;
    private final Resource[] resources;
    private final ImmutableList<TagKey> tagKeys;
    private final ImmutableList<AllocationUnit> units;
    private final AllocationRuleSet rules;
    private final ImmutableList<TagBinding> bindings;
    private final TagBindings tags;

    /** One resource and the dimensions its items share. */
    record Resource(
            ResourceId id,
            OwnerUin owner,
            BusinessCode business,
            ProductCode product,
            RegionId region,
            ProjectId project,
            Map<TagKey, String> printedTags) {}

    private Workload(long seed, int itemCount, int ruleCount, int resourceCount) {
        this.seed = seed;
        this.itemCount = itemCount;
        this.monthStart = CALENDAR.start(MONTH);
        this.retagAt = monthStart.plus(Duration.ofDays(15));
        ImmutableList.Builder<TagKey> keys = ImmutableList.builder();
        for (String k : List.of("team", "env", "app", "cc", "svc")) {
            keys.add(TagKey.of(k));
        }
        this.tagKeys = keys.build();
        SplittableRandom random = new SplittableRandom(seed);
        this.resources = new Resource[resourceCount];
        List<TagBinding> history = new ArrayList<>();
        for (int r = 0; r < resourceCount; r++) {
            resources[r] = resource(r, random, history);
        }
        this.bindings = ImmutableList.copyOf(history);
        this.tags = TagBindings.of(bindings);
        this.units = units();
        this.rules = AllocationRuleSet.of(
                units,
                collectionRules(ruleCount, new SplittableRandom(seed * 31 + 7)),
                sharingRules(random),
                ImmutableSet.copyOf(tagKeys));
    }

    /**
     * Generates a workload.
     *
     * @param seed the seed
     * @param items the number of line items, at least 1
     * @param rules the number of collection rules, at least 1
     * @return the workload, never null
     * @throws IllegalArgumentException if a count is less than 1
     */
    public static Workload generate(long seed, int items, int rules) {
        checkArgument(items >= 1, "the item count must be at least 1, got %s", items);
        checkArgument(rules >= 1, "the rule count must be at least 1, got %s", rules);
        return new Workload(seed, items, rules, RESOURCES);
    }

    /** Generates a workload over fewer resources than the benchmark's 200,000, for quick tests. */
    static Workload generate(long seed, int items, int rules, int resources) {
        checkArgument(items >= 1 && rules >= 1 && resources >= 1, "counts must be at least 1");
        return new Workload(seed, items, rules, resources);
    }

    /** Returns the number of items. */
    public int itemCount() {
        return itemCount;
    }

    /** Returns the checked rule set, never null. */
    public AllocationRuleSet rules() {
        return rules;
    }

    /** Returns the tag history of the re-tagged resources, never null. */
    public TagBindings tags() {
        return tags;
    }

    /** Returns the bindings of {@link #tags()}, never null. */
    public ImmutableList<TagBinding> bindings() {
        return bindings;
    }

    /** Returns the active tag keys, in a fixed order, never null. */
    public ImmutableList<TagKey> tagKeys() {
        return tagKeys;
    }

    /** Returns the items, generated afresh by each iterator, always the same, never null. */
    public Iterable<LineItem> items() {
        return () -> new Iterator<>() {
            private final SplittableRandom random = new SplittableRandom(seed * 1_000_003 + 11);
            private int next;

            @Override
            public boolean hasNext() {
                return next < itemCount;
            }

            @Override
            public LineItem next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return item(next++, random);
            }
        };
    }

    /** Returns the items in a list, for the runs that hold a month in memory. */
    public List<LineItem> materialize() {
        List<LineItem> out = new ArrayList<>(itemCount);
        items().forEach(out::add);
        return out;
    }

    private LineItem item(int index, SplittableRandom random) {
        Resource r = resources[random.nextInt(resources.length)];
        boolean refund = random.nextInt(100) < 3;
        long units = random.nextLong(1, MAX_AMOUNT_UNITS);
        Money amount = Money.ofUnscaled(CNY, refund ? -units : units, 8);
        Instant start = monthStart.plus(Duration.ofHours(random.nextInt(30 * 24)));
        LineItem.Builder b = LineItem.builder();
        b.id(LineItemId.of("li-" + index))
                .ownerUin(r.owner())
                .payerUin(PAYER)
                .businessCode(r.business())
                .productCode(r.product())
                .itemCode(ItemCode.of("c" + random.nextInt(5)))
                .regionId(r.region())
                .resourceId(r.id())
                .payMode(random.nextInt(5) == 0 ? PayMode.PREPAID : PayMode.POSTPAID)
                .actionType(refund ? ActionType.REFUND : ActionType.USAGE)
                .feePeriod(Interval.of(start, start.plus(Duration.ofHours(1))))
                .listCost(amount)
                .totalCost(amount)
                .tags(r.printedTags());
        if (r.project() != null) {
            b.projectId(r.project());
        }
        return b.build();
    }

    private Resource resource(int index, SplittableRandom random, List<TagBinding> history) {
        ResourceId id = ResourceId.of(String.format("ins-%06d", index));
        int business = random.nextInt(BUSINESSES);
        Map<TagKey, String> printed = randomTags(random, random.nextInt(4));
        Resource r = new Resource(
                id,
                owner(random.nextInt(OWNERS)),
                business(business),
                product(business, random.nextInt(PRODUCTS_PER_BUSINESS)),
                region(random.nextInt(REGIONS)),
                random.nextInt(5) == 0 ? null : project(random.nextInt(PROJECTS)),
                printed);
        if (random.nextInt(20) == 0) { // 5% re-tagged mid-month
            Instant since = monthStart.minus(Duration.ofDays(90));
            printed.forEach((k, v) ->
                    history.add(TagBinding.of(id, Tag.of(k, v), since).endedAt(retagAt, TagBinding.End.UNBOUND)));
            randomTags(random, 1 + random.nextInt(3))
                    .forEach((k, v) -> history.add(TagBinding.of(id, Tag.of(k, v), retagAt)));
        }
        return r;
    }

    private Map<TagKey, String> randomTags(SplittableRandom random, int count) {
        Map<TagKey, String> out = new LinkedHashMap<>();
        while (out.size() < count) {
            out.put(tagKeys.get(random.nextInt(TAG_KEYS)), tagValue(random.nextInt(TAG_VALUES)));
        }
        return out;
    }

    // ---------------------------------------------------------------- units and rules

    private static ImmutableList<AllocationUnit> units() {
        ImmutableList.Builder<AllocationUnit> out = ImmutableList.builder();
        out.add(AllocationUnit.root(unit(0).value(), "company"));
        // 9 divisions (1..9), 50 departments (10..59), 440 teams (60..499)
        for (int i = 1; i < UNITS; i++) {
            int parent = i < 10 ? 0 : i < 60 ? 1 + (i - 10) % 9 : 10 + (i - 60) % 50;
            out.add(AllocationUnit.child(
                    unit(i).value(), "unit " + i, unit(parent).value()));
        }
        return out.build();
    }

    private List<AllocationRule> collectionRules(int count, SplittableRandom random) {
        List<AllocationRule> out = new ArrayList<>(count);
        int catchAlls = Math.max(1, count / 200);
        for (int i = 0; i < count; i++) {
            Condition c = i >= count - catchAlls ? catchAll(random) : condition(random);
            // mostly teams, some departments and divisions
            int unit = random.nextInt(10) == 0 ? 1 + random.nextInt(59) : 60 + random.nextInt(UNITS - 60);
            out.add(AllocationRule.of(String.format("r%05d", i), unit(unit).value(), c));
        }
        return out;
    }

    private Condition condition(SplittableRandom random) {
        int shape = random.nextInt(100);
        if (shape < 30) {
            return Condition.and(owners(random, 1 + random.nextInt(4)), tagIn(random, 1 + random.nextInt(5)));
        }
        if (shape < 45) {
            return Condition.in(
                    AllocationDimension.PROJECT_ID,
                    values(random, 1 + random.nextInt(3), PROJECTS, Workload::projectValue));
        }
        if (shape < 60) { // three levels: and(in, or(tag in, and(owner in, region not in)))
            return Condition.and(
                    Condition.in(
                            AllocationDimension.BUSINESS_CODE,
                            values(
                                    random,
                                    1 + random.nextInt(2),
                                    BUSINESSES,
                                    i -> business(i).value())),
                    Condition.or(
                            tagIn(random, 1 + random.nextInt(10)),
                            Condition.and(
                                    owners(random, 1 + random.nextInt(5)),
                                    Condition.notIn(
                                            AllocationDimension.REGION_ID,
                                            values(
                                                    random,
                                                    1 + random.nextInt(2),
                                                    REGIONS,
                                                    i -> region(i).value())))));
        }
        if (shape < 75) {
            return Condition.or(tagIn(random, 1 + random.nextInt(5)), tagIn(random, 1 + random.nextInt(5)));
        }
        if (shape < 90) {
            return Condition.and(
                    owners(random, 1 + random.nextInt(6)),
                    Condition.notIn(AllocationDimension.PRODUCT_CODE, productValues(random, 1 + random.nextInt(3))));
        }
        return Condition.and(
                Condition.in(AllocationDimension.PRODUCT_CODE, productValues(random, 1 + random.nextInt(2))),
                Condition.notIn(
                        AllocationDimension.PROJECT_ID,
                        values(random, 1 + random.nextInt(5), PROJECTS, Workload::projectValue)),
                Condition.tagNotIn(
                        tagKeys.get(random.nextInt(TAG_KEYS)),
                        values(random, 1 + random.nextInt(10), TAG_VALUES, Workload::tagValue)));
    }

    private Condition catchAll(SplittableRandom random) {
        return Condition.and(
                Condition.notIn(
                        AllocationDimension.OWNER_UIN,
                        values(random, 1 + random.nextInt(20), OWNERS, i -> owner(i).value())),
                Condition.tagNotIn(
                        tagKeys.get(random.nextInt(TAG_KEYS)),
                        values(random, 1 + random.nextInt(20), TAG_VALUES, Workload::tagValue)));
    }

    private Condition owners(SplittableRandom random, int n) {
        return Condition.in(AllocationDimension.OWNER_UIN, values(random, n, OWNERS, i -> owner(i).value()));
    }

    private Condition tagIn(SplittableRandom random, int n) {
        return Condition.tagIn(
                tagKeys.get(random.nextInt(TAG_KEYS)), values(random, n, TAG_VALUES, Workload::tagValue));
    }

    private static String[] productValues(SplittableRandom random, int n) {
        return values(
                random,
                n,
                BUSINESSES * PRODUCTS_PER_BUSINESS,
                i -> product(i / PRODUCTS_PER_BUSINESS, i % PRODUCTS_PER_BUSINESS)
                        .value());
    }

    private static String[] values(
            SplittableRandom random, int n, int range, java.util.function.IntFunction<String> name) {
        String[] out = new String[n];
        for (int i = 0; i < n; i++) {
            out[i] = name.apply(random.nextInt(range));
        }
        return out;
    }

    /**
     * The 20 sharing rules: rule {@code k} is ratio, even or proportional as {@code k % 3} is 0, 1 or 2. Rules
     * 0..7 share the costs matching a condition, each with the unit source {@code k} among its targets; rules
     * 8..19 share the costs collected into teams 60..71, those of 60..63 with 64..67 among their targets; so a
     * cost is split at most three times (condition, 60, 64).
     */
    private List<SharingRule> sharingRules(SplittableRandom random) {
        List<Condition> sources = List.of(
                Condition.in(AllocationDimension.BUSINESS_CODE, business(19).value()),
                Condition.tagIn(tagKeys.get(1), tagValue(0), tagValue(1), tagValue(2)),
                Condition.in(AllocationDimension.PROJECT_ID, projectValue(0), projectValue(1), projectValue(2)),
                Condition.and(
                        Condition.in(
                                AllocationDimension.BUSINESS_CODE, business(18).value()),
                        Condition.in(AllocationDimension.REGION_ID, region(0).value())),
                Condition.or(
                        Condition.tagIn(tagKeys.get(4), tagValue(99)),
                        Condition.in(AllocationDimension.OWNER_UIN, owner(0).value(), owner(1).value())),
                Condition.and(
                        Condition.in(
                                AllocationDimension.PRODUCT_CODE, product(17, 0).value()),
                        Condition.notIn(AllocationDimension.PROJECT_ID, projectValue(5))),
                Condition.tagIn(tagKeys.get(3), tagValue(50)),
                Condition.in(AllocationDimension.OWNER_UIN, owner(2).value(), owner(3).value(), owner(4).value()));
        List<SharingRule> out = new ArrayList<>();
        for (int k = 0; k < SHARING_RULES; k++) {
            List<UnitId> targets = new ArrayList<>();
            if (k < 8) {
                targets.add(unit(60 + k)); // chained into the unit source of rule 8 + k
            } else if (k < 12) {
                targets.add(unit(64 + k - 8)); // 60..63 pass on to 64..67
            }
            int n = 2 + random.nextInt(7);
            while (targets.size() < n) {
                UnitId t = unit(60 + UNIT_SOURCES + random.nextInt(UNITS - 60 - UNIT_SOURCES));
                if (!targets.contains(t)) {
                    targets.add(t);
                }
            }
            SharingSource source = k < 8
                    ? new SharingSource.Matching(sources.get(k))
                    : new SharingSource.CollectedBy(unit(60 + k - 8));
            String id = String.format("s%02d", k);
            switch (k % 3) {
                case 0:
                    out.add(SharingRule.ratio(id, source, percentages(targets, random)));
                    break;
                case 1:
                    out.add(SharingRule.even(id, source, targets));
                    break;
                default:
                    out.add(SharingRule.proportional(id, source, targets, ZeroBaseFallback.EVEN));
                    break;
            }
        }
        return out;
    }

    /** Percentages with two decimals adding up to exactly 100. */
    private static Map<UnitId, BigDecimal> percentages(List<UnitId> targets, SplittableRandom random) {
        long[] w = new long[targets.size()];
        long sum = 0;
        for (int i = 0; i < w.length; i++) {
            w[i] = 1 + random.nextInt(100);
            sum += w[i];
        }
        Map<UnitId, BigDecimal> out = new LinkedHashMap<>();
        long left = 10_000;
        for (int i = 0; i < w.length; i++) {
            long cents = i == w.length - 1 ? left : w[i] * 10_000 / sum;
            left -= cents;
            out.put(targets.get(i), BigDecimal.valueOf(cents, 2));
        }
        return out;
    }

    // ---------------------------------------------------------------- names

    static UnitId unit(int i) {
        return UnitId.of(String.format("u%03d", i));
    }

    static OwnerUin owner(int i) {
        return OwnerUin.of(String.format("o%05d", i));
    }

    static BusinessCode business(int i) {
        return BusinessCode.of(String.format("p_b%02d", i));
    }

    static ProductCode product(int business, int i) {
        return ProductCode.of(String.format("p_b%02d_%d", business, i));
    }

    static RegionId region(int i) {
        return RegionId.of("ap-r" + i);
    }

    static String projectValue(int i) {
        return String.format("prj%03d", i);
    }

    static ProjectId project(int i) {
        return ProjectId.of(projectValue(i));
    }

    static String tagValue(int i) {
        return String.format("v%02d", i);
    }
}
