package org.cloudbilling.core.money;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.math.RoundingMode;

/**
 * A named rule that turns an exact amount into a payable one (MONEY-3): the only place bills round.
 *
 * <p>A policy rounds to its number of decimals, or to the currency's own minor unit when that is coarser,
 * so a zero-decimal currency such as JPY always settles to an integer.
 *
 * <pre>{@code
 * Money.of("CNY", "100.12501236").settled(SettlementPolicy.HUAWEI);  // CNY 100.12 (truncated)
 * Money.of("CNY", "100.125").settled(SettlementPolicy.TENCENT);      // CNY 100.13 (half-up)
 * Money.of("JPY", "1234.5").settled(SettlementPolicy.TENCENT);       // JPY 1235
 * }</pre>
 */
public final class SettlementPolicy {

    /** Tencent Cloud: round half-up to 2 decimals. */
    public static final SettlementPolicy TENCENT = new SettlementPolicy("tencent", 2, RoundingMode.HALF_UP);

    /** Huawei Cloud: truncate to 2 decimals (toward zero, so -0.129 settles to -0.12). */
    public static final SettlementPolicy HUAWEI = new SettlementPolicy("huawei", 2, RoundingMode.DOWN);

    /** The currency's minor unit, rounding half-up: USD to cents, JPY to yen. */
    public static final SettlementPolicy MINOR_UNIT_HALF_UP =
            new SettlementPolicy("minor-unit-half-up", Money.MAX_SCALE, RoundingMode.HALF_UP);

    private final String name;
    private final int decimals;
    private final RoundingMode rounding;

    private SettlementPolicy(String name, int decimals, RoundingMode rounding) {
        this.name = name;
        this.decimals = decimals;
        this.rounding = rounding;
    }

    /**
     * Returns a policy of the host application's own.
     *
     * @param name a name for logs and records, not null, not empty
     * @param decimals the decimals of a payable amount, from 0 to {@link Money#MAX_SCALE}
     * @param rounding how to round, not null; {@link RoundingMode#UNNECESSARY} refuses any rounding
     * @return the policy, never null
     */
    public static SettlementPolicy of(String name, int decimals, RoundingMode rounding) {
        checkArgument(!requireNonNull(name, "name").isEmpty(), "a settlement policy needs a name");
        checkArgument(
                decimals >= 0 && decimals <= Money.MAX_SCALE,
                "decimals %s is not between 0 and %s",
                decimals,
                Money.MAX_SCALE);
        return new SettlementPolicy(name, decimals, requireNonNull(rounding, "rounding"));
    }

    /** Returns the policy's name, never null. */
    public String name() {
        return name;
    }

    /** Returns the decimals of a payable amount, before the currency's minor unit is applied. */
    public int decimals() {
        return decimals;
    }

    /** Returns the rounding mode, never null. */
    public RoundingMode rounding() {
        return rounding;
    }

    /**
     * Returns the payable amount: {@code amount} at {@code min(decimals, currency digits)} decimals.
     *
     * @param amount the exact amount, not null
     * @return the settled amount, never null
     * @throws ArithmeticException if the rounding mode is {@code UNNECESSARY} and rounding is needed
     */
    public Money settle(Money amount) {
        int currencyDigits = amount.currency().getDefaultFractionDigits();
        int target = currencyDigits < 0 ? decimals : Math.min(decimals, currencyDigits);
        return amount.rounded(target, rounding);
    }

    @Override
    public String toString() {
        return "SettlementPolicy[" + name + ", " + decimals + " decimals, " + rounding + "]";
    }
}
