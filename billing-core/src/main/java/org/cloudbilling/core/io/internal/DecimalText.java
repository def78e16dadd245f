package org.cloudbilling.core.io.internal;

import java.math.BigDecimal;

/** How the CSV writers write a decimal so that their readers read it back equal, scale included. */
public final class DecimalText {
    private DecimalText() {}

    /**
     * {@code value} plainly, except a negative scale (an exponent read as {@code 1e3} or {@code 0.00E0004}), which
     * plain digits would lose: {@code 1E+3} is written as it is.
     */
    public static String of(BigDecimal value) {
        return value.scale() < 0 ? value.toString() : value.toPlainString();
    }
}
