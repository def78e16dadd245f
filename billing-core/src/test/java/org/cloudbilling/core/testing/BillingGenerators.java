package org.cloudbilling.core.testing;

import static java.util.Objects.requireNonNull;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cloudbilling.core.bill.ActionType;
import org.cloudbilling.core.bill.LineItem;
import org.cloudbilling.core.bill.PayMode;
import org.cloudbilling.core.bill.SettlementCycle;
import org.cloudbilling.core.id.BusinessCode;
import org.cloudbilling.core.id.InstanceType;
import org.cloudbilling.core.id.ItemCode;
import org.cloudbilling.core.id.LineItemId;
import org.cloudbilling.core.id.OperatorUin;
import org.cloudbilling.core.id.OrderId;
import org.cloudbilling.core.id.OwnerUin;
import org.cloudbilling.core.id.PayerUin;
import org.cloudbilling.core.id.ProductCode;
import org.cloudbilling.core.id.ProjectId;
import org.cloudbilling.core.id.RegionId;
import org.cloudbilling.core.id.ResourceId;
import org.cloudbilling.core.id.TagKey;
import org.cloudbilling.core.money.Money;
import org.cloudbilling.core.money.SettlementPolicy;
import org.cloudbilling.core.time.BillingCalendar;
import org.cloudbilling.core.time.BillingMonth;
import org.cloudbilling.core.time.Interval;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;
import org.quicktheories.generators.Generate;

/**
 * QuickTheories generators of the billing domain, for this library's property tests and for host
 * applications' own.
 *
 * <p>They cover the edges on purpose: zero, negative amounts, up to 11 decimals, the zero-decimal JPY, amounts
 * beyond {@code long} range, zero weights and refunds. Every value is drawn from the theory's randomness
 * source only, so a failing property is reproduced by its seed ({@code -DQT_SEED=...}).
 *
 * <pre>{@code
 * qt().forAll(BillingGenerators.money(USD), BillingGenerators.weights())
 *         .checkAssert((amount, weights) -> assertThat(Money.total(USD, amount.splitByWeights(weights))).isEqualTo(amount));
 * }</pre>
 */
public final class BillingGenerators {

    /** The largest scale {@link #money(Currency)} draws, the 11 decimals of the FOCUS sample. */
    public static final int MAX_GENERATED_SCALE = 11;

    /** The scale of provider bill amounts (Tencent, Huawei). */
    public static final int PROVIDER_SCALE = 8;

    private static final List<Currency> CURRENCIES = List.of(
            Currency.getInstance("USD"),
            Currency.getInstance("CNY"),
            Currency.getInstance("EUR"),
            Currency.getInstance("JPY"));

    private static final List<String> OWNERS =
            List.of("100000000001", "100000000002", "100000000003", "100000000004", "100000000005");
    private static final List<String> PAYERS = List.of("100000000001", "100000009999");
    private static final List<String> BUSINESS_CODES = List.of("p_cvm", "p_cbs", "p_cos", "p_cdb", "p_cdn");
    private static final List<String> PRODUCT_CODES = List.of("sp_cvm_s5", "sp_cbs_ssd", "sp_cos_std");
    private static final List<String> ITEM_CODES = List.of("sv_cvm_cpu", "sv_cbs_disk", "sv_cdn_flow");
    private static final List<String> REGIONS =
            List.of("ap-guangzhou", "ap-shanghai", "ap-beijing", "ap-singapore", "eu-frankfurt");
    private static final List<String> PROJECTS = List.of("0", "1001", "1002");
    private static final List<String> INSTANCE_TYPES = List.of("S5.MEDIUM4", "SA2.LARGE8");
    /** Tag keys, odd ones included: a leading blank and non-ASCII are kept exactly (FOCUS-6). */
    private static final List<String> TAG_KEYS = List.of("team", "env", "cost-center", " org", "环境");

    private static final List<String> TAG_VALUES = List.of("web", "payments", "prod", "", "测试");
    private static final List<BigDecimal> DISCOUNT_RATES = decimals("1", "0.8", "0.85", "0.5", "0.3333", "0");
    private static final List<ActionType> PREPAID_ACTIONS = List.of(
            ActionType.NEW_PURCHASE,
            ActionType.RENEWAL,
            ActionType.UPGRADE,
            ActionType.DOWNGRADE,
            ActionType.REFUND,
            ActionType.COMMITMENT_PURCHASE);
    private static final List<ActionType> POSTPAID_ACTIONS = List.of(
            ActionType.USAGE,
            ActionType.REFUND,
            ActionType.ADJUSTMENT,
            ActionType.COMMITMENT_DEDUCTION,
            ActionType.TAX,
            ActionType.CREDIT,
            ActionType.OTHER);

    private static final long TEN_POW_15 = 1_000_000_000_000_000L;
    private static final BigInteger TWO_POW_63 = BigInteger.ONE.shiftLeft(63);

    private BillingGenerators() {}

    // ---------------------------------------------------------------- money

    /** USD, CNY, EUR and the zero-decimal JPY. */
    public static Gen<Currency> currencies() {
        return Generate.pick(CURRENCIES);
    }

    /** Scales from 0 to {@link #MAX_GENERATED_SCALE}. */
    public static Gen<Integer> scales() {
        return integers().between(0, MAX_GENERATED_SCALE);
    }

    /**
     * Amounts in {@code currency}: zero, small and ordinary amounts of either sign at scales 0 to 11, provider
     * amounts with 8 decimals, large ones up to 10^15 units, the edges of {@code long} and unscaled values beyond
     * it (Money's {@code BigDecimal} fallback).
     *
     * @param currency the currency, not null
     * @return the generator, never null
     */
    public static Gen<Money> money(Currency currency) {
        requireNonNull(currency, "currency");
        Gen<Integer> scale = scales();
        Gen<Money> zero = scale.map(s -> Money.ofUnscaled(currency, 0, s));
        Gen<Money> small = longs().between(-1_000, 1_000).zip(scale, (u, s) -> Money.ofUnscaled(currency, u, s));
        Gen<Money> ordinary = longs().between(-1_000_000_000_000L, 1_000_000_000_000L)
                .zip(scale, (u, s) -> Money.ofUnscaled(currency, u, s));
        Gen<Money> longEdges = Generate.pick(List.of(
                        Long.MAX_VALUE,
                        Long.MAX_VALUE - 1,
                        Long.MIN_VALUE,
                        Long.MIN_VALUE + 1,
                        Long.MAX_VALUE / 10,
                        -Long.MAX_VALUE / 10,
                        1_000_000_000_000_000_000L))
                .zip(scale, (u, s) -> Money.ofUnscaled(currency, u, s));
        return Generate.frequency(
                Pair.of(1, zero),
                Pair.of(2, small),
                Pair.of(3, ordinary),
                Pair.of(3, providerAmounts(currency)),
                Pair.of(2, largeAmounts(currency)),
                Pair.of(1, longEdges),
                Pair.of(1, beyondLong(currency)));
    }

    /** Amounts in any of the {@linkplain #currencies() currencies}, drawn as {@link #money(Currency)} does. */
    public static Gen<Money> money() {
        return in -> money(currencies().generate(in)).generate(in);
    }

    /**
     * Amounts as provider bills carry them: 8 decimals, up to 10 million units either way, zero included.
     *
     * @param currency the currency, not null
     * @return the generator, never null
     */
    public static Gen<Money> providerAmounts(Currency currency) {
        requireNonNull(currency, "currency");
        return longs().between(-TEN_POW_15, TEN_POW_15).map(u -> Money.ofUnscaled(currency, u, PROVIDER_SCALE));
    }

    /** Whole parts up to 10^15 units with 0 to 11 decimals: beyond a {@code long} at the larger scales. */
    private static Gen<Money> largeAmounts(Currency currency) {
        Gen<Long> whole = longs().between(-TEN_POW_15, TEN_POW_15);
        Gen<Integer> scale = scales();
        Gen<Long> fraction = longs().between(0, 99_999_999_999L);
        return in -> {
            long w = whole.generate(in);
            int s = scale.generate(in);
            long f = fraction.generate(in) % BigInteger.TEN.pow(s).longValueExact();
            BigDecimal part = BigDecimal.valueOf(w < 0 ? -f : f, s);
            return Money.of(currency, BigDecimal.valueOf(w).add(part));
        };
    }

    /** Unscaled values from 2^63 to about 2^100, either sign: always the {@code BigDecimal} fallback. */
    private static Gen<Money> beyondLong(Currency currency) {
        Gen<Integer> extraBits = integers().between(0, 37);
        Gen<Long> low = longs().between(0, Long.MAX_VALUE / 2);
        Gen<Boolean> negative = Generate.booleans();
        Gen<Integer> scale = scales();
        return in -> {
            BigInteger magnitude =
                    TWO_POW_63.shiftLeft(extraBits.generate(in)).add(BigInteger.valueOf(low.generate(in)));
            BigInteger unscaled = negative.generate(in) ? magnitude.negate() : magnitude;
            return Money.of(currency, new BigDecimal(unscaled, scale.generate(in)));
        };
    }

    // ---------------------------------------------------------------- splits

    /**
     * Lists of 1 to 12 split weights: each at least zero, zeros included, never all zero. Weights are small
     * integers, decimals with up to 6 places, tiny ones with 18 places, and large ones whose unscaled sum is
     * beyond a {@code long}.
     *
     * @return the generator, never null
     */
    public static Gen<List<BigDecimal>> weights() {
        Gen<BigDecimal> positive = Generate.frequency(
                Pair.of(4, integers().between(1, 100).map(i -> BigDecimal.valueOf(i))),
                Pair.of(3, longs().between(1, 100_000_000).zip(integers().between(0, 6), BigDecimal::valueOf)),
                Pair.of(1, longs().between(1, 1_000_000).map(u -> BigDecimal.valueOf(u, Money.MAX_SCALE))),
                Pair.of(1, longs().between(1, TEN_POW_15).map(u -> BigDecimal.valueOf(u))));
        Gen<BigDecimal> weight =
                Generate.frequency(Pair.of(1, Generate.constant(BigDecimal.ZERO)), Pair.of(3, positive));
        Gen<Integer> size = integers().between(1, 12);
        Gen<Integer> anyIndex = integers().between(0, 11);
        return in -> {
            int n = size.generate(in);
            List<BigDecimal> list = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                list.add(weight.generate(in));
            }
            int fix = anyIndex.generate(in) % n;
            BigDecimal replacement = positive.generate(in);
            if (list.stream().allMatch(w -> w.signum() == 0)) {
                list.set(fix, replacement);
            }
            return List.copyOf(list);
        };
    }

    /**
     * Lists of 1 to 8 ratios with 2, 4 or 8 decimals that add up to exactly 1, zeros included.
     *
     * @return the generator, never null
     */
    public static Gen<List<BigDecimal>> ratios() {
        Gen<Integer> size = integers().between(1, 8);
        Gen<Integer> decimals = Generate.pick(List.of(2, 4, 8));
        Gen<Long> cut = longs().between(0, 100_000_000);
        return in -> {
            int n = size.generate(in);
            int d = decimals.generate(in);
            long whole = BigInteger.TEN.pow(d).longValueExact();
            long[] cuts = new long[n + 1];
            cuts[n] = whole;
            for (int i = 1; i < n; i++) {
                cuts[i] = cut.generate(in) % (whole + 1);
            }
            Arrays.sort(cuts, 1, n);
            List<BigDecimal> ratios = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                ratios.add(BigDecimal.valueOf(cuts[i + 1] - cuts[i], d));
            }
            return List.copyOf(ratios);
        };
    }

    // ---------------------------------------------------------------- settlement

    /**
     * The named policies {@code TENCENT}, {@code HUAWEI}, {@code MINOR_UNIT_HALF_UP}, and custom ones with 0 to 11
     * decimals and any rounding mode but {@code UNNECESSARY}.
     *
     * @return the generator, never null
     */
    public static Gen<SettlementPolicy> settlementPolicies() {
        List<RoundingMode> modes = new ArrayList<>(Arrays.asList(RoundingMode.values()));
        modes.remove(RoundingMode.UNNECESSARY);
        Gen<SettlementPolicy> custom = scales().zip(
                        Generate.pick(modes), (d, mode) -> SettlementPolicy.of("custom-" + d + "-" + mode, d, mode));
        return Generate.frequency(
                Pair.of(
                        3,
                        Generate.pick(List.of(
                                SettlementPolicy.TENCENT,
                                SettlementPolicy.HUAWEI,
                                SettlementPolicy.MINOR_UNIT_HALF_UP))),
                Pair.of(2, custom));
    }

    // ---------------------------------------------------------------- time

    /** Billing months from January 2023 to December 2026. */
    public static Gen<BillingMonth> billingMonths() {
        return integers().between(0, 47).map(i -> BillingMonth.of(2023, 1).plusMonths(i));
    }

    /**
     * Fee periods of whole hours that lie within {@code month} as {@code calendar} cuts it: from one hour up to
     * the whole month.
     *
     * @param calendar the calendar, not null
     * @param month the month, not null
     * @return the generator, never null
     */
    public static Gen<Interval> feePeriods(BillingCalendar calendar, BillingMonth month) {
        Interval bounds = calendar.interval(month);
        long hours = bounds.duration().toHours();
        Gen<Long> startHour = longs().between(0, hours - 1);
        Gen<Long> length = longs().between(1, hours);
        return in -> {
            long start = startHour.generate(in);
            long end = Math.min(hours, start + length.generate(in));
            return Interval.of(
                    bounds.start().plusSeconds(start * 3600), bounds.start().plusSeconds(end * 3600));
        };
    }

    // ---------------------------------------------------------------- line items

    /**
     * {@code items} with the metrics and quantities a FOCUS row reports, each set at random or left out: EffectiveCost
     * equal to the total cost at another scale, zero, or another amount; ContractedCost equal to the list cost at
     * another scale, or negative; PricingQuantity 1 {@code Units}, 3.50 {@code Hours}, the usage quantity and unit, 2
     * without a unit, or a purchase quantity instead: values equal to what the library derives, and values that are
     * not.
     *
     * @param items the items, not null
     * @return the generator, never null
     */
    public static Gen<LineItem> withReportedMetrics(Gen<LineItem> items) {
        requireNonNull(items, "items");
        Gen<Integer> dice = integers().between(0, 9);
        return in -> {
            LineItem item = items.generate(in);
            LineItem.Builder b = LineItem.builder().from(item);
            Money total = item.totalCost();
            switch (dice.generate(in)) {
                case 0 -> b.effectiveCost(total.plus(Money.ofUnscaled(total.currency(), 0, 3)));
                case 1 -> b.effectiveCost(Money.zero(total.currency()));
                case 2 -> b.effectiveCost(total.plus(Money.ofUnscaled(total.currency(), 7, 2)));
                default -> {}
            }
            switch (dice.generate(in)) {
                case 0 -> b.contractedCost(item.listCost().plus(Money.ofUnscaled(total.currency(), 0, 1)));
                case 1 -> b.contractedCost(Money.ofUnscaled(total.currency(), -25, 1));
                default -> {}
            }
            switch (dice.generate(in)) {
                case 0 -> b.pricingQuantity(new BigDecimal("1")).pricingUnit("Units");
                case 1 -> b.pricingQuantity(new BigDecimal("3.50")).pricingUnit("Hours");
                case 2 -> b.pricingQuantity(item.usageQuantity()).pricingUnit(item.usageUnit());
                case 3 -> b.purchaseQuantity(dice.generate(in));
                case 4 -> b.pricingQuantity(new BigDecimal("2"));
                default -> {}
            }
            return b.build();
        };
    }

    /**
     * Valid line items in {@code currency}: random ids; owners, payers, business codes and regions from small
     * pools (so items share them); optional project, resource and other dimensions; a fee period within one
     * month of the Tencent calendar; a list cost and total cost with 8 decimals, negative for refunds and
     * credits; sometimes a payment breakdown that adds up to the total cost exactly; sometimes tags.
     *
     * @param currency the currency of every amount, not null
     * @return the generator, never null
     */
    public static Gen<LineItem> lineItems(Currency currency) {
        requireNonNull(currency, "currency");
        Gen<Long> id = longs().between(1, 1L << 48);
        Gen<String> owner = Generate.pick(OWNERS);
        Gen<Optional<String>> operator = Generate.pick(OWNERS).toOptionals(50);
        Gen<String> payer = Generate.pick(PAYERS);
        Gen<String> business = Generate.pick(BUSINESS_CODES);
        Gen<Optional<String>> product = Generate.pick(PRODUCT_CODES).toOptionals(30);
        Gen<Optional<String>> item = Generate.pick(ITEM_CODES).toOptionals(30);
        Gen<Optional<String>> region = Generate.pick(REGIONS).toOptionals(10);
        Gen<Optional<String>> project = Generate.pick(PROJECTS).toOptionals(30);
        Gen<Optional<Long>> resource = id.toOptionals(30);
        Gen<Optional<String>> instanceType = Generate.pick(INSTANCE_TYPES).toOptionals(50);
        Gen<PayMode> payMode = Generate.enumValues(PayMode.class);
        Gen<Optional<SettlementCycle>> cycle =
                Generate.enumValues(SettlementCycle.class).toOptionals(20);
        Gen<ActionType> prepaidAction = Generate.pick(PREPAID_ACTIONS);
        Gen<ActionType> postpaidAction = Generate.pick(POSTPAID_ACTIONS);
        Gen<BillingMonth> month = billingMonths();
        Gen<Long> listUnits = longs().between(0, 100_000_000_000_000L);
        Gen<Optional<BigDecimal>> discount = Generate.pick(DISCOUNT_RATES).toOptionals(40);
        Gen<Boolean> coin = Generate.booleans();
        Gen<Optional<BigDecimal>> quantity = longs().between(0, 10_000_000)
                .zip(integers().between(0, 6), BigDecimal::valueOf)
                .toOptionals(40);
        Gen<Map<TagKey, String>> tags = tags();
        return in -> {
            PayMode mode = payMode.generate(in);
            ActionType action = (mode == PayMode.PREPAID ? prepaidAction : postpaidAction).generate(in);
            Interval period =
                    feePeriods(BillingCalendar.TENCENT, month.generate(in)).generate(in);
            BigDecimal list = BigDecimal.valueOf(listUnits.generate(in), PROVIDER_SCALE);
            Optional<BigDecimal> rate = discount.generate(in);
            BigDecimal total = rate.map(r -> list.multiply(r).setScale(PROVIDER_SCALE, RoundingMode.HALF_UP))
                    .orElse(list);
            boolean negative = action == ActionType.REFUND
                    || action == ActionType.CREDIT
                    || (action == ActionType.ADJUSTMENT && coin.generate(in));
            BigDecimal sign = negative ? BigDecimal.ONE.negate() : BigDecimal.ONE;
            Money totalCost = Money.of(currency, total.multiply(sign));
            LineItem.Builder b = LineItem.builder()
                    .id(LineItemId.of("li-" + Long.toHexString(id.generate(in))))
                    .ownerUin(OwnerUin.of(owner.generate(in)))
                    .payerUin(PayerUin.of(payer.generate(in)))
                    .operatorUin(operator.generate(in).map(OperatorUin::of))
                    .businessCode(BusinessCode.of(business.generate(in)))
                    .productCode(product.generate(in).map(ProductCode::of))
                    .itemCode(item.generate(in).map(ItemCode::of))
                    .regionId(region.generate(in).map(RegionId::of))
                    .projectId(project.generate(in).map(ProjectId::of))
                    .resourceId(resource.generate(in).map(r -> ResourceId.of("ins-" + Long.toString(r, 36))))
                    .instanceType(instanceType.generate(in).map(InstanceType::of))
                    .payMode(mode)
                    .actionType(action)
                    .feePeriod(period)
                    .listCost(Money.of(currency, list.multiply(sign)))
                    .discountRate(rate)
                    .totalCost(totalCost)
                    .tags(tags.generate(in));
            if (mode == PayMode.POSTPAID) {
                b.settlementCycle(cycle.generate(in));
                b.deductionTime(coin.generate(in) ? Optional.of(period.end()) : Optional.<Instant>empty());
                Optional<BigDecimal> q = quantity.generate(in);
                b.usageQuantity(q).usageUnit(q.map(x -> "Hours"));
            } else {
                String order = "order-" + Long.toHexString(id.generate(in));
                b.orderId(OrderId.of(order));
                if (action == ActionType.REFUND) {
                    b.originalOrderId(OrderId.of(order + "-orig"));
                }
            }
            addPayments(b, currency, total.multiply(sign), in);
            return b.build();
        };
    }

    /** Sets, half of the time, some payment fields whose amounts add up to {@code total} exactly. */
    private static void addPayments(LineItem.Builder b, Currency currency, BigDecimal total, RandomnessSource in) {
        int fields = integers().between(0, 127).generate(in);
        if (fields < 64) {
            return;
        }
        fields &= 63;
        if (fields == 0) {
            fields = 1;
        }
        BigDecimal left = total;
        List<BigDecimal> shares = new ArrayList<>();
        int count = Integer.bitCount(fields);
        Gen<Integer> percent = integers().between(0, 100);
        for (int i = 0; i < count - 1; i++) {
            BigDecimal share = total.multiply(BigDecimal.valueOf(percent.generate(in), 2))
                    .setScale(PROVIDER_SCALE, RoundingMode.DOWN);
            shares.add(share);
            left = left.subtract(share);
        }
        shares.add(left);
        int k = 0;
        for (int bit = 0; bit < 6; bit++) {
            if ((fields & (1 << bit)) == 0) {
                continue;
            }
            Money m = Money.of(currency, shares.get(k++));
            switch (bit) {
                case 0 -> b.cashPaid(m);
                case 1 -> b.voucherPaid(m);
                case 2 -> b.incentivePaid(m);
                case 3 -> b.transferPaid(m);
                case 4 -> b.creditPaid(m);
                default -> b.couponPaid(m);
            }
        }
    }

    /** Tag maps: empty 60% of the time, otherwise 1 to 3 tags from small pools of keys and values. */
    private static Gen<Map<TagKey, String>> tags() {
        Gen<Integer> count = Generate.frequency(
                Pair.of(6, Generate.constant(0)), Pair.of(4, integers().between(1, 3)));
        Gen<String> key = Generate.pick(TAG_KEYS);
        Gen<String> value = Generate.pick(TAG_VALUES);
        return in -> {
            int n = count.generate(in);
            Map<TagKey, String> tags = new LinkedHashMap<>();
            for (int i = 0; i < n; i++) {
                tags.put(TagKey.of(key.generate(in)), value.generate(in));
            }
            return tags;
        };
    }

    private static List<BigDecimal> decimals(String... values) {
        return Arrays.stream(values).map(BigDecimal::new).toList();
    }
}
