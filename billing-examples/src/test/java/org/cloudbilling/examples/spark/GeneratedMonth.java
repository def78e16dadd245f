package org.cloudbilling.examples.spark;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
import org.cloudbilling.core.id.BusinessCode;
import org.cloudbilling.core.id.ItemCode;
import org.cloudbilling.core.id.LineItemId;
import org.cloudbilling.core.id.OwnerUin;
import org.cloudbilling.core.id.PayerUin;
import org.cloudbilling.core.id.RegionId;
import org.cloudbilling.core.id.ResourceId;
import org.cloudbilling.core.id.TagKey;
import org.cloudbilling.core.money.Money;
import org.cloudbilling.core.time.Interval;

/**
 * A month of line items generated from a seed, and the rule set that allocates it: several units, collection
 * rules over tags and plain dimensions, and sharing rules of all three methods.
 *
 * <p>The shape is fixed so that every path of the allocation is taken whatever the seed: refunds (a unit,
 * {@code legacy}, only ever receives refunds, so its proportional base is negative), a second currency whose
 * items never reach the targets of {@code s-gpu} (so that rule falls back to Unallocated there, ALLOC-7),
 * payment fields, amounts of 2 and 8 decimals, untagged items, and items no rule matches.
 */
final class GeneratedMonth {
    static final TagKey TEAM = TagKey.of("team");
    static final TagKey ENV = TagKey.of("env");

    private static final Instant START = Instant.parse("2024-08-31T16:00:00Z"); // 1 September, UTC+8
    private static final String[] OWNERS = {"100001", "100002", "100003", "100004", "100005"};
    private static final String[] CNY_PRODUCTS = {
        "p_cvm", "p_cvm", "p_cvm", "p_cbs", "p_cdb", "p_vpc", "p_cls", "p_cos", "p_support", "p_gpu", "p_legacy"
    };
    private static final String[] USD_PRODUCTS = {"p_cvm", "p_cvm", "p_gpu", "p_vpc"};
    private static final String[] TEAMS = {"web", "data", "mobile", "ai", "platform"};
    private static final String[] REGIONS = {"ap-guangzhou", "ap-shanghai", "na-ashburn"};

    private GeneratedMonth() {}

    /** The rule set; a static method, so a serializable {@link Recipe} can name it. */
    static AllocationRuleSet rules() {
        return AllocationRuleSet.of(
                List.of(
                        AllocationUnit.root("corp", "Corp"),
                        AllocationUnit.child("web", "Web", "corp"),
                        AllocationUnit.child("data", "Data", "corp"),
                        AllocationUnit.child("mobile", "Mobile", "corp"),
                        AllocationUnit.child("ai", "AI", "corp"),
                        AllocationUnit.child("platform", "Platform", "corp"),
                        AllocationUnit.child("legacy", "Legacy", "corp")),
                List.of(
                        AllocationRule.of(
                                "r-legacy", "legacy", Condition.in(AllocationDimension.BUSINESS_CODE, "p_legacy")),
                        AllocationRule.of("r-web", "web", Condition.tagIn(TEAM, "web")),
                        AllocationRule.of(
                                "r-data",
                                "data",
                                Condition.or(
                                        Condition.tagIn(TEAM, "data"),
                                        Condition.in(AllocationDimension.BUSINESS_CODE, "p_cdb"))),
                        AllocationRule.of("r-mobile", "mobile", Condition.in(AllocationDimension.OWNER_UIN, "100003")),
                        AllocationRule.of(
                                "r-ai",
                                "ai",
                                Condition.and(
                                        Condition.tagIn(TEAM, "ai"),
                                        Condition.in(AllocationDimension.REGION_ID, "ap-shanghai", "ap-guangzhou"))),
                        AllocationRule.of(
                                "r-platform",
                                "platform",
                                Condition.or(
                                        Condition.tagIn(TEAM, "platform"),
                                        Condition.in(AllocationDimension.BUSINESS_CODE, "p_cls", "p_cos")))),
                List.of(
                        SharingRule.proportional(
                                "s-network",
                                SharingSource.matching(Condition.in(AllocationDimension.BUSINESS_CODE, "p_vpc")),
                                List.of(UnitId.of("web"), UnitId.of("data"), UnitId.of("ai"), UnitId.of("legacy")),
                                ZeroBaseFallback.EVEN),
                        SharingRule.ratio(
                                "s-support",
                                SharingSource.matching(Condition.in(AllocationDimension.BUSINESS_CODE, "p_support")),
                                Map.of(
                                        UnitId.of("web"), new BigDecimal("50"),
                                        UnitId.of("data"), new BigDecimal("33.3"),
                                        UnitId.of("mobile"), new BigDecimal("16.7"))),
                        SharingRule.even(
                                "s-platform",
                                SharingSource.collectedBy("platform"),
                                List.of(UnitId.of("web"), UnitId.of("data"), UnitId.of("ai"))),
                        SharingRule.proportional(
                                "s-gpu",
                                SharingSource.matching(Condition.in(AllocationDimension.BUSINESS_CODE, "p_gpu")),
                                List.of(UnitId.of("mobile"), UnitId.of("ai")),
                                ZeroBaseFallback.UNALLOCATED)),
                Set.of(TEAM, ENV));
    }

    /**
     * Generates {@code count} items from {@code seed}; the same seed gives the same month.
     *
     * @param seed the seed
     * @param count how many items, at least 100
     */
    static List<LineItem> items(long seed, int count) {
        SplittableRandom random = new SplittableRandom(seed);
        List<LineItem> items = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            boolean usd = random.nextInt(10) == 0;
            String currency = usd ? "USD" : "CNY";
            String product = usd
                    ? USD_PRODUCTS[random.nextInt(USD_PRODUCTS.length)]
                    : CNY_PRODUCTS[random.nextInt(CNY_PRODUCTS.length)];
            boolean refund = product.equals("p_legacy") || random.nextInt(20) == 0;
            int scale = random.nextInt(4) == 0 ? 2 : 8;
            long unscaled = 1 + random.nextLong(scale == 2 ? 500_000L : 50_000_000_000L);
            Money total = Money.ofUnscaled(Money.currency(currency), refund ? -unscaled : unscaled, scale);
            Money list = total.plus(Money.ofUnscaled(total.currency(), refund ? -unscaled / 4 : unscaled / 4, scale));
            Instant start = START.plus(Duration.ofHours(random.nextInt(30 * 24)));
            LineItem.Builder b = LineItem.builder()
                    .id(LineItemId.of(String.format("li-%06d", i)))
                    .ownerUin(OwnerUin.of(usd ? "100001" : OWNERS[random.nextInt(OWNERS.length)]))
                    .payerUin(PayerUin.of("100000"))
                    .businessCode(BusinessCode.of(product))
                    .itemCode(ItemCode.of(product + "-" + (1 + random.nextInt(3))))
                    .regionId(RegionId.of(REGIONS[random.nextInt(REGIONS.length)]))
                    .resourceId(ResourceId.of("ins-" + random.nextInt(300)))
                    .payMode(random.nextInt(5) == 0 ? PayMode.PREPAID : PayMode.POSTPAID)
                    .actionType(refund ? ActionType.REFUND : ActionType.USAGE)
                    .feePeriod(Interval.of(start, start.plus(Duration.ofHours(1))))
                    .listCost(list)
                    .totalCost(total);
            if (random.nextInt(3) == 0) { // paid partly with a voucher
                Money voucher = Money.ofUnscaled(
                        total.currency(), total.amount().unscaledValue().longValueExact() / 3, scale);
                b.voucherPaid(voucher).cashPaid(total.minus(voucher));
            }
            int tagged = random.nextInt(10);
            if (tagged > 0) { // one item in ten carries no tag
                String team = usd ? TEAMS[random.nextInt(2)] : TEAMS[random.nextInt(TEAMS.length)];
                b.putTag(TEAM, team);
                if (tagged > 4) {
                    b.putTag(ENV, random.nextBoolean() ? "prod" : "dev");
                }
            }
            items.add(b.build());
        }
        return items;
    }
}
