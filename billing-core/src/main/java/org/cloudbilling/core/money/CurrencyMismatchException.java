package org.cloudbilling.core.money;

import static java.util.Objects.requireNonNull;

import java.util.Currency;

/**
 * Thrown when an operation combines amounts of two currencies (MONEY-1).
 *
 * <p>The message reads {@code Currencies differ: USD/EUR}; both currencies are available, also after Java
 * serialization (their codes are serialized).
 */
public final class CurrencyMismatchException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** The ISO 4217 codes are kept, not the currencies: they survive serialization as they are. */
    private final String first;

    private final String second;

    /**
     * Creates the exception.
     *
     * @param first the first currency, not null
     * @param second the second currency, not null
     */
    public CurrencyMismatchException(Currency first, Currency second) {
        super("Currencies differ: " + requireNonNull(first).getCurrencyCode() + "/"
                + requireNonNull(second).getCurrencyCode());
        this.first = first.getCurrencyCode();
        this.second = second.getCurrencyCode();
    }

    /** Returns the currency of the left operand, never null. */
    public Currency first() {
        return Currency.getInstance(first);
    }

    /** Returns the currency of the right operand, never null. */
    public Currency second() {
        return Currency.getInstance(second);
    }
}
