package org.cloudbilling.core.internal;

import org.cloudbilling.core.money.Money;

/**
 * The compact form of {@link Money} (its unscaled {@code long}) for the hot loops of billing-allocation, which sum
 * amounts as longs; hosts use {@link Money#amount()}. Not exported: the module exports this package only to the
 * project's own modules.
 */
public final class MoneyInternals {
    /** What {@link Money} gives this class, once, when it is initialized. */
    public interface Access {
        /**
         * Whether the unscaled value fits in a {@code long}.
         *
         * @param money not null
         * @return true unless the amount needs the {@code BigDecimal} fallback
         */
        boolean isCompact(Money money);

        /**
         * The unscaled value of a compact amount: {@code USD 25.95} gives 2595.
         *
         * @param money not null
         * @return the unscaled value
         * @throws ArithmeticException if the amount is not compact
         */
        long unscaledValue(Money money);
    }

    // Written once in Money's static initializer: a thread that holds a Money has seen that initializer complete,
    // which happens-before its reads here (JLS 12.4.2).
    private static Access access;

    private MoneyInternals() {}

    /**
     * Called once by {@link Money}'s static initializer.
     *
     * @param moneyAccess not null
     * @throws IllegalStateException if called a second time
     */
    public static synchronized void install(Access moneyAccess) {
        if (access != null) {
            throw new IllegalStateException("the money access is installed once, by Money");
        }
        access = moneyAccess;
    }

    /**
     * Whether the unscaled value of {@code money} fits in a {@code long}.
     *
     * @param money not null (and so {@link Money} is initialized and has installed its access)
     * @return true unless the amount needs the {@code BigDecimal} fallback
     */
    public static boolean isCompact(Money money) {
        return access.isCompact(money);
    }

    /**
     * The unscaled value of a compact amount: {@code USD 25.95} gives 2595.
     *
     * @param money not null
     * @return the unscaled value
     * @throws ArithmeticException if the amount is not compact
     */
    public static long unscaledValue(Money money) {
        return access.unscaledValue(money);
    }
}
