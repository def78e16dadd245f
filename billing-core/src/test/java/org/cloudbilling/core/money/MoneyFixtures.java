package org.cloudbilling.core.money;

import java.util.Currency;

/** Named amounts that make the edge cases of the money tests visible. */
final class MoneyFixtures {
    static final Currency USD = Currency.getInstance("USD");
    static final Currency EUR = Currency.getInstance("EUR");
    static final Currency CNY = Currency.getInstance("CNY");
    static final Currency JPY = Currency.getInstance("JPY");

    static final Money USD_0 = Money.zero(USD);
    static final Money USD_0_05 = Money.of("USD", "0.05");
    static final Money USD_1_5 = Money.of("USD", "1.5");
    static final Money USD_1_50 = Money.of("USD", "1.50");
    static final Money USD_2_34 = Money.of("USD", "2.34");
    static final Money USD_MINUS_2_34 = Money.of("USD", "-2.34");
    static final Money USD_100_00 = Money.of("USD", "100.00");
    static final Money EUR_2_34 = Money.of("EUR", "2.34");
    static final Money JPY_100 = Money.of("JPY", "100");
    /** A Huawei payable amount before truncation. */
    static final Money CNY_100_12501236 = Money.of("CNY", "100.12501236");
    /** A FOCUS cost with its 11 decimals. */
    static final Money USD_0_00000080000 = Money.of("USD", "0.00000080000");
    /** The largest compact amount at scale 0. */
    static final Money USD_LONG_MAX = Money.ofUnscaled(USD, Long.MAX_VALUE, 0);
    /** The smallest compact amount at scale 0. */
    static final Money USD_LONG_MIN = Money.ofUnscaled(USD, Long.MIN_VALUE, 0);

    private MoneyFixtures() {}
}
