package org.cloudbilling.core.money;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import org.cloudbilling.core.internal.MoneyInternals;

/**
 * An exact amount of money in one currency: the value type every bill amount uses.
 *
 * <p>{@code Money} never uses floating point and never rounds on its own (MONEY-1, MONEY-2). It keeps the
 * scale it was given, so an amount read as {@code 0.00000080000} is written back with its eleven
 * decimals, up to {@link #MAX_SCALE} decimals. Negative amounts are ordinary values (MONEY-5). Operations
 * that could lose precision take an explicit {@link RoundingMode} or a {@link SettlementPolicy}; without
 * one they are exact or throw {@link ArithmeticException}.
 *
 * <pre>{@code
 * Money price = Money.of("USD", "25.95");
 * Money total = price.multipliedBy(3).minus(Money.of("USD", "0.85"));   // USD 77.00
 * List<Money> parts = total.splitEvenly(3);                             // 25.67, 25.67, 25.66
 * Money payable = Money.of("CNY", "100.12501236").settled(SettlementPolicy.HUAWEI); // CNY 100.12
 * }</pre>
 *
 * <p>Equality is numeric: {@code USD 1.5} equals {@code USD 1.50}, consistent with {@link #compareTo};
 * {@link #scale()} and {@link #toString()} still tell the two apart. Amounts whose unscaled value fits in
 * a {@code long} are held without any {@link BigDecimal}; larger ones fall back to one, so amounts far
 * beyond 10^15 units work exactly.
 *
 * <p>Instances are immutable and safe to share between threads.
 */
public final class Money implements Comparable<Money> {

    /** The largest number of decimal places an amount may carry. */
    public static final int MAX_SCALE = 18;

    /**
     * The largest number of digits before the decimal point: amounts stay below 10^40 units, far beyond any
     * bill, so that input such as {@code 1e999999999} is refused before it is expanded.
     */
    public static final int MAX_INTEGER_DIGITS = 40;

    /**
     * The most decimal places {@link #parseAmount} reads: far more than {@link #MAX_SCALE}, so that a usage
     * quantity or a rate with 40 decimals is read exactly, and few enough that no text expands to a huge number.
     */
    public static final int MAX_PARSED_DECIMALS = 100;

    private static final long[] POWERS_OF_TEN = new long[MAX_SCALE + 1];
    private static final long[] SAFE_TO_SCALE = new long[MAX_SCALE + 1];

    static {
        MoneyInternals.install(new MoneyInternals.Access() {
            @Override
            public boolean isCompact(Money money) {
                return money.isCompact();
            }

            @Override
            public long unscaledValue(Money money) {
                return money.unscaledValue();
            }
        });
    }

    static {
        long p = 1;
        for (int i = 0; i <= MAX_SCALE; i++) {
            POWERS_OF_TEN[i] = p;
            SAFE_TO_SCALE[i] = Long.MAX_VALUE / p;
            p = i < MAX_SCALE ? p * 10 : p;
        }
    }

    private final Currency currency;
    /** The unscaled amount, valid when {@code big} is null. */
    private final long units;

    private final int scale;
    /** The amount when its unscaled value does not fit in a long; null otherwise. */
    private final BigDecimal big;

    private Money(Currency currency, long units, int scale) {
        this.currency = currency;
        this.units = units;
        this.scale = scale;
        this.big = null;
    }

    private Money(Currency currency, BigDecimal big) {
        this.currency = currency;
        this.units = 0;
        this.scale = big.scale();
        this.big = big;
    }

    // ---------------------------------------------------------------- factories

    /**
     * Returns the amount {@code amount} in {@code currency}, keeping its scale.
     *
     * @param currency the currency, not null
     * @param amount the amount, not null; a negative scale is widened to 0
     * @return the money, never null
     * @throws IllegalArgumentException if the amount needs more than {@link #MAX_SCALE} decimals or has more than
     *     {@link #MAX_INTEGER_DIGITS} digits before the decimal point
     */
    public static Money of(Currency currency, BigDecimal amount) {
        requireNonNull(currency, "currency");
        requireNonNull(amount, "amount");
        BigDecimal value = amount;
        if (value.signum() != 0 && (long) value.precision() - value.scale() > MAX_INTEGER_DIGITS) {
            // the message is built only on refusal: abbreviating on every call cost a third of a read
            throw new IllegalArgumentException("amount " + abbreviated(value) + " has more than " + MAX_INTEGER_DIGITS
                    + " digits before the decimal point");
        }
        if (value.scale() < 0) {
            value = value.setScale(0);
        }
        if (value.scale() > MAX_SCALE) {
            BigDecimal stripped = value.stripTrailingZeros();
            if (stripped.scale() > MAX_SCALE) {
                throw new IllegalArgumentException("amount " + abbreviated(amount) + " has " + value.scale()
                        + " decimal places, more than the " + MAX_SCALE
                        + " Money keeps; round it with a named policy first");
            }
            // keep as many of the given decimals as Money holds: 1.230000000000000000000 keeps 18
            value = stripped.setScale(MAX_SCALE);
        }
        return ofExact(currency, value);
    }

    /**
     * Parses an amount such as {@code "-12.50"} in the currency with ISO 4217 code {@code currencyCode}.
     *
     * <p>Only plain decimal notation with an optional sign and exponent is accepted; {@code NaN},
     * {@code Infinity}, grouping separators and blanks are refused.
     *
     * @param currencyCode the ISO 4217 code, such as {@code "USD"}, not null
     * @param amount the decimal amount, not null
     * @return the money, never null
     * @throws IllegalArgumentException if the code is not a known currency or the amount is not a decimal
     */
    public static Money of(String currencyCode, String amount) {
        return of(currency(currencyCode), parseDecimal(amount));
    }

    /**
     * Returns the amount {@code unscaled × 10^-scale}, the cheapest way to build money from parsed digits.
     *
     * <p>{@code Money.ofUnscaled(usd, 2595, 2)} is USD 25.95.
     *
     * @param currency the currency, not null
     * @param unscaled the unscaled value
     * @param scale the number of decimal places, from 0 to {@link #MAX_SCALE}
     * @return the money, never null
     * @throws IllegalArgumentException if the scale is out of range
     */
    public static Money ofUnscaled(Currency currency, long unscaled, int scale) {
        requireNonNull(currency, "currency");
        checkArgument(scale >= 0 && scale <= MAX_SCALE, "scale %s is not between 0 and %s", scale, MAX_SCALE);
        return new Money(currency, unscaled, scale);
    }

    /**
     * Returns an amount given in the currency's minor unit: {@code Money.ofMinor(USD, 2595)} is USD 25.95
     * and {@code Money.ofMinor(JPY, 2595)} is JPY 2595.
     *
     * @param currency the currency, not null; one without minor unit digits is taken as having none
     * @param minorUnits the amount in minor units
     * @return the money, never null
     */
    public static Money ofMinor(Currency currency, long minorUnits) {
        return ofUnscaled(currency, minorUnits, Math.max(0, currency.getDefaultFractionDigits()));
    }

    /**
     * Returns zero in {@code currency}, with scale 0.
     *
     * @param currency the currency, not null
     * @return zero, never null
     */
    public static Money zero(Currency currency) {
        return ofUnscaled(currency, 0, 0);
    }

    /**
     * Parses the form {@link #toString()} writes: the currency code, one space, the amount ({@code "USD 25.95"}).
     *
     * @param text the text, not null
     * @return the money, never null
     * @throws IllegalArgumentException if the text is not of that form
     */
    public static Money parse(String text) {
        requireNonNull(text, "text");
        int space = text.indexOf(' ');
        checkArgument(space > 0, "money %s is not of the form 'USD 25.95'", quoted(text));
        return of(text.substring(0, space), text.substring(space + 1));
    }

    /**
     * Returns the sum of {@code amounts}; zero in {@code currency} when there are none.
     *
     * @param currency the currency of every amount, not null
     * @param amounts the amounts, not null
     * @return the exact sum, never null
     * @throws CurrencyMismatchException if an amount is in another currency
     */
    public static Money total(Currency currency, Iterable<Money> amounts) {
        Money sum = zero(currency);
        for (Money m : amounts) {
            sum = sum.plus(m);
        }
        return sum;
    }

    /**
     * Looks up an ISO 4217 currency by code, with a message that names the code when it is unknown.
     *
     * @param code the code, such as {@code "USD"}, not null
     * @return the currency, never null
     * @throws IllegalArgumentException if no such currency exists
     */
    public static Currency currency(String code) {
        requireNonNull(code, "currencyCode");
        try {
            return Currency.getInstance(code);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown currency code " + quoted(code), e);
        }
    }

    /**
     * Parses a plain decimal amount exactly. Its plain form may have at most {@link #MAX_INTEGER_DIGITS} digits
     * before the decimal point and {@value #MAX_PARSED_DECIMALS} after it, so that {@code 1e999999999} or
     * {@code 1e-999999999} is refused before anything expands it; within these bounds every digit is kept.
     *
     * @param text the amount, not null
     * @return the decimal, never null
     * @throws IllegalArgumentException if the text is not a decimal number, or is out of these bounds
     */
    public static BigDecimal parseAmount(String text) {
        BigDecimal value = parseDecimal(text);
        if (value.signum() != 0 && (long) value.precision() - value.scale() > MAX_INTEGER_DIGITS) {
            // the message is built only on refusal: abbreviating on every call cost a third of a read
            throw new IllegalArgumentException("amount " + abbreviated(value) + " has more than " + MAX_INTEGER_DIGITS
                    + " digits before the decimal point");
        }
        if (value.scale() > MAX_PARSED_DECIMALS) {
            throw new IllegalArgumentException(
                    "amount " + abbreviated(value) + " has more than " + MAX_PARSED_DECIMALS + " decimal places");
        }
        return value;
    }

    /** Parses the decimal notation, without bounds: {@link #of(Currency, BigDecimal)} applies its own. */
    private static BigDecimal parseDecimal(String text) {
        requireNonNull(text, "amount");
        if (text.isEmpty() || !isDecimalStart(text.charAt(0)) || !isAsciiDigit(text.charAt(text.length() - 1))) {
            throw new IllegalArgumentException("amount " + quoted(text) + " is not a decimal number");
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!isAsciiDigit(c) && c != '.' && c != '-' && c != '+' && c != 'e' && c != 'E') {
                // only ASCII digits, a sign, a point and an exponent: no other scripts' digits
                throw new IllegalArgumentException("amount " + quoted(text) + " is not a decimal number");
            }
        }
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("amount " + quoted(text) + " is not a decimal number", e);
        }
    }

    private static boolean isDecimalStart(char c) {
        return isAsciiDigit(c) || c == '-' || c == '+' || c == '.';
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static Money ofExact(Currency currency, BigDecimal value) {
        BigInteger unscaled = value.unscaledValue();
        if (unscaled.bitLength() < 64) {
            return new Money(currency, unscaled.longValue(), value.scale());
        }
        return new Money(currency, value);
    }

    // ---------------------------------------------------------------- queries

    /** Returns the currency, never null. */
    public Currency currency() {
        return currency;
    }

    /** Returns the amount as an exact decimal with this money's scale, never null. */
    public BigDecimal amount() {
        return big != null ? big : BigDecimal.valueOf(units, scale);
    }

    /** Returns the number of decimal places this amount carries. */
    public int scale() {
        return scale;
    }

    /** Returns -1, 0 or 1 as the amount is negative, zero or positive. */
    public int signum() {
        return big != null ? big.signum() : Long.signum(units);
    }

    /** Returns whether the amount is zero, at any scale. */
    public boolean isZero() {
        return signum() == 0;
    }

    /** Returns whether the amount is below zero (a refund, a credit). */
    public boolean isNegative() {
        return signum() < 0;
    }

    /** Returns whether the amount is above zero. */
    public boolean isPositive() {
        return signum() > 0;
    }

    /**
     * Returns whether this amount equals {@code other} numerically.
     *
     * @throws CurrencyMismatchException if the currencies differ
     */
    public boolean isEqual(Money other) {
        return compareTo(other) == 0;
    }

    /**
     * Returns whether this amount is greater than {@code other}.
     *
     * @throws CurrencyMismatchException if the currencies differ
     */
    public boolean isGreaterThan(Money other) {
        return compareTo(other) > 0;
    }

    /**
     * Returns whether this amount is less than {@code other}.
     *
     * @throws CurrencyMismatchException if the currencies differ
     */
    public boolean isLessThan(Money other) {
        return compareTo(other) < 0;
    }

    /**
     * Returns whether the unscaled value fits in a {@code long}, the compact form the hot paths use (other modules
     * of the project reach it through {@code MoneyInternals}).
     *
     * @return true unless the amount needs the {@link BigDecimal} fallback
     */
    boolean isCompact() {
        return big == null;
    }

    /**
     * Returns the unscaled value of a compact amount: {@code USD 25.95} gives 2595.
     *
     * @throws ArithmeticException if the amount is not {@linkplain #isCompact() compact}
     */
    long unscaledValue() {
        if (big != null) {
            throw new ArithmeticException("amount " + big.toPlainString() + " does not fit a long at scale " + scale);
        }
        return units;
    }

    // ---------------------------------------------------------------- arithmetic

    /**
     * Returns this plus {@code other}, exactly, at the larger of the two scales.
     *
     * @param other the amount to add, not null
     * @return the sum, never null
     * @throws CurrencyMismatchException if the currencies differ
     */
    public Money plus(Money other) {
        checkCurrency(other);
        if (big == null && other.big == null) {
            int s = Math.max(scale, other.scale);
            long a = scale == s ? units : scaleUp(units, s - scale);
            long b = other.scale == s ? other.units : scaleUp(other.units, s - other.scale);
            long r = a + b;
            // OVERFLOW doubles as a genuine Long.MIN_VALUE operand; both just take the exact path below.
            if (a != OVERFLOW && b != OVERFLOW && ((a ^ r) & (b ^ r)) >= 0 && r != OVERFLOW) {
                return new Money(currency, r, s);
            }
        }
        return ofExact(currency, amount().add(other.amount()));
    }

    /**
     * Returns this minus {@code other}, exactly, at the larger of the two scales.
     *
     * @param other the amount to subtract, not null
     * @return the difference, never null
     * @throws CurrencyMismatchException if the currencies differ
     */
    public Money minus(Money other) {
        return plus(other.negated());
    }

    /** Returns the amount with its sign reversed, same scale, never null. */
    public Money negated() {
        if (big == null && units != Long.MIN_VALUE) {
            return new Money(currency, -units, scale);
        }
        return ofExact(currency, amount().negate());
    }

    /** Returns the absolute amount, never null. */
    public Money abs() {
        return isNegative() ? negated() : this;
    }

    /**
     * Returns this amount times a whole number, exactly, at this scale.
     *
     * @param multiplier the multiplier
     * @return the product, never null
     */
    public Money multipliedBy(long multiplier) {
        if (big == null) {
            long hi = Math.multiplyHigh(units, multiplier);
            long lo = units * multiplier;
            if ((hi == 0 && lo >= 0) || (hi == -1 && lo < 0)) {
                return new Money(currency, lo, scale);
            }
        }
        return ofExact(currency, amount().multiply(BigDecimal.valueOf(multiplier)));
    }

    /**
     * Returns this amount times {@code multiplier}, exactly: the scale is the sum of both scales, trailing
     * zeros beyond {@link #MAX_SCALE} dropped.
     *
     * @param multiplier the multiplier, not null
     * @return the product, never null
     * @throws ArithmeticException if the exact product needs more than {@link #MAX_SCALE} decimals; use
     *     {@link #multipliedBy(BigDecimal, int, RoundingMode)} then
     */
    public Money multipliedBy(BigDecimal multiplier) {
        BigDecimal product = amount().multiply(multiplier);
        if (product.scale() > MAX_SCALE) {
            BigDecimal stripped = product.stripTrailingZeros();
            if (stripped.scale() > MAX_SCALE) {
                throw new ArithmeticException("exact product " + product.toPlainString() + " needs more than "
                        + MAX_SCALE + " decimals; pass a scale and a rounding mode");
            }
            product = stripped.setScale(Math.max(scale, stripped.scale()));
        }
        return of(currency, product);
    }

    /**
     * Returns this amount times {@code multiplier}, rounded to {@code scale} decimals by {@code rounding}.
     *
     * @param multiplier the multiplier, not null
     * @param scale the result's scale, from 0 to {@link #MAX_SCALE}
     * @param rounding how to round, not null
     * @return the product, never null
     */
    public Money multipliedBy(BigDecimal multiplier, int scale, RoundingMode rounding) {
        checkArgument(scale >= 0 && scale <= MAX_SCALE, "scale %s is not between 0 and %s", scale, MAX_SCALE);
        return ofExact(currency, amount().multiply(multiplier).setScale(scale, rounding));
    }

    /**
     * Returns the same amount written with {@code newScale} decimals, without rounding.
     *
     * @param newScale the scale, from 0 to {@link #MAX_SCALE}
     * @return the money, never null
     * @throws ArithmeticException if the amount has non-zero digits beyond {@code newScale}
     */
    public Money withScale(int newScale) {
        checkArgument(newScale >= 0 && newScale <= MAX_SCALE, "scale %s is not between 0 and %s", newScale, MAX_SCALE);
        if (newScale == scale) {
            return this;
        }
        if (big == null && newScale > scale) {
            long scaled = scaleUp(units, newScale - scale);
            if (scaled != OVERFLOW) {
                return new Money(currency, scaled, newScale);
            }
        }
        try {
            return ofExact(currency, amount().setScale(newScale, RoundingMode.UNNECESSARY));
        } catch (ArithmeticException e) {
            throw new ArithmeticException("amount " + amount().toPlainString() + " cannot be written with " + newScale
                    + " decimals without rounding");
        }
    }

    /**
     * Returns the amount rounded to {@code newScale} decimals by {@code rounding}. Settlement code should
     * prefer {@link #settled(SettlementPolicy)}, which names the policy.
     *
     * @param newScale the scale, from 0 to {@link #MAX_SCALE}
     * @param rounding how to round, not null
     * @return the rounded money, never null
     */
    public Money rounded(int newScale, RoundingMode rounding) {
        requireNonNull(rounding, "rounding");
        checkArgument(newScale >= 0 && newScale <= MAX_SCALE, "scale %s is not between 0 and %s", newScale, MAX_SCALE);
        return ofExact(currency, amount().setScale(newScale, rounding));
    }

    /**
     * Returns the payable amount under a settlement policy (MONEY-3), the only rounding bills apply.
     *
     * @param policy the policy, not null
     * @return the settled money, never null
     */
    public Money settled(SettlementPolicy policy) {
        return policy.settle(this);
    }

    // ---------------------------------------------------------------- splits (MONEY-4)

    /**
     * Splits this amount into {@code parts} parts that differ by at most one smallest unit and add up
     * exactly; see {@link Split}.
     *
     * @param parts the number of parts, at least 1
     * @return the parts, in order, never null
     */
    public List<Money> splitEvenly(int parts) {
        return Split.evenly(parts).apply(this);
    }

    /**
     * Splits this amount in proportion to non-negative {@code weights}; see {@link Split#byWeights(List)}.
     *
     * @param weights the weights, not null, not all zero
     * @return one part per weight, in order, never null
     */
    public List<Money> splitByWeights(List<BigDecimal> weights) {
        return Split.byWeights(weights).apply(this);
    }

    /**
     * Splits this amount by ratios that add up to exactly 1; see {@link Split#byRatios(List)}.
     *
     * @param ratios the ratios, not null
     * @return one part per ratio, in order, never null
     */
    public List<Money> splitByRatios(List<BigDecimal> ratios) {
        return Split.byRatios(ratios).apply(this);
    }

    /**
     * Splits this amount among keyed weights; ties go to the smaller key, so the result does not depend on
     * the order of the map. See {@link Split#applyByKey(Money, Map)}.
     *
     * @param weights the weight of each key, not null, not all zero
     * @param <K> the key type
     * @return each key's part, in key order, never null
     */
    public <K extends Comparable<? super K>> Map<K, Money> splitByWeights(Map<K, BigDecimal> weights) {
        return Split.applyByKey(this, weights);
    }

    // ---------------------------------------------------------------- object

    @Override
    public int compareTo(Money other) {
        checkCurrency(other);
        if (big == null && other.big == null) {
            if (scale == other.scale) {
                return Long.compare(units, other.units);
            }
            int s = Math.max(scale, other.scale);
            long a = scale == s ? units : scaleUp(units, s - scale);
            long b = other.scale == s ? other.units : scaleUp(other.units, s - other.scale);
            if (a != OVERFLOW && b != OVERFLOW) {
                return Long.compare(a, b);
            }
        }
        return amount().compareTo(other.amount());
    }

    /** Numeric equality in the same currency: {@code USD 1.5} equals {@code USD 1.50}. */
    @Override
    public boolean equals(Object obj) {
        if (this == obj) {
            return true;
        }
        if (!(obj instanceof Money)) {
            return false;
        }
        Money other = (Money) obj;
        return currency.equals(other.currency) && compareTo(other) == 0;
    }

    @Override
    public int hashCode() {
        return currency.hashCode() * 31 + amount().stripTrailingZeros().hashCode();
    }

    /** Returns the currency code, a space and the plain amount with its scale, as {@code "USD 25.950"}. */
    @Override
    public String toString() {
        return currency.getCurrencyCode() + " " + amount().toPlainString();
    }

    // ---------------------------------------------------------------- internals

    /** A marker no scaled value takes: scaling refuses to produce Long.MIN_VALUE. */
    private static final long OVERFLOW = Long.MIN_VALUE;

    private static long scaleUp(long value, int digits) {
        if (digits > MAX_SCALE || value == OVERFLOW) {
            return OVERFLOW;
        }
        long limit = SAFE_TO_SCALE[digits];
        if (value > limit || value < -limit) {
            return OVERFLOW;
        }
        return value * POWERS_OF_TEN[digits];
    }

    private void checkCurrency(Money other) {
        requireNonNull(other, "other");
        if (!currency.equals(other.currency)) {
            throw new CurrencyMismatchException(currency, other.currency);
        }
    }

    static String abbreviated(BigDecimal value) {
        // the plain form when it is short; scientific notation keeps a huge exponent short
        boolean small = Math.abs((long) value.scale()) <= 60 && value.precision() <= 60;
        String text = small ? value.toPlainString() : value.toString();
        return text.length() > 80 ? text.substring(0, 80) + "..." : text;
    }

    static String quoted(String text) {
        return "'" + text + "'";
    }
}
