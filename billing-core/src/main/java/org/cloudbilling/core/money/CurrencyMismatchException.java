package org.cloudbilling.core.money;

import static java.util.Objects.requireNonNull;

import java.util.Currency;

/**
 * Thrown when an operation combines amounts of two currencies (MONEY-1).
 *
 * <p>The message reads {@code Currencies differ: USD/EUR}; both currencies are available.
 */
public final class CurrencyMismatchException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final transient Currency first;
    private final transient Currency second;

    /**
     * Creates the exception.
     *
     * @param first the first currency, not null
     * @param second the second currency, not null
     */
    public CurrencyMismatchException(Currency first, Currency second) {
        super("Currencies differ: " + requireNonNull(first).getCurrencyCode() + "/"
                + requireNonNull(second).getCurrencyCode());
        this.first = first;
        this.second = second;
    }

    /** Returns the currency of the left operand, never null. */
    public Currency first() {
        return first;
    }

    /** Returns the currency of the right operand, never null. */
    public Currency second() {
        return second;
    }
}
