package org.cloudbilling.core.consolidation;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Currency;
import java.util.List;
import java.util.Optional;

/**
 * The key of one group of a {@link Rollup}: a value per dimension, in the grouping's order, and the currency,
 * since amounts of different currencies are never added together.
 */
public final class GroupKey implements Comparable<GroupKey> {
    private final String[] values;
    private final Currency currency;

    GroupKey(String[] values, Currency currency) {
        this.values = values;
        this.currency = currency;
    }

    /**
     * Returns the key of the group of the given dimension values and currency, as {@link Grouping} makes it for an
     * item: for a reader that totals rows without making items.
     *
     * @param values the dimension values in the order of the grouping's dimensions, not null; an element is null
     *     where the item has no value for that dimension
     * @param currency the currency, not null
     * @return the key, never null
     */
    public static GroupKey of(List<String> values, Currency currency) {
        return new GroupKey(
                requireNonNull(values, "values").toArray(String[]::new), requireNonNull(currency, "currency"));
    }

    /** Returns the number of dimension values. */
    public int size() {
        return values.length;
    }

    /**
     * Returns the value of the {@code index}-th dimension; empty when the items have none.
     *
     * @param index the dimension's position in the grouping
     * @return the value, never null
     */
    public Optional<String> value(int index) {
        return Optional.ofNullable(values[index]);
    }

    /** Returns the values in dimension order; an absent value is null. Never null itself. */
    public List<String> values() {
        return Collections.unmodifiableList(new ArrayList<>(Arrays.asList(values)));
    }

    /** Returns the currency of the group's amounts, never null. */
    public Currency currency() {
        return currency;
    }

    /** Orders by values (an absent value first), then by currency code. */
    @Override
    public int compareTo(GroupKey other) {
        for (int i = 0; i < values.length; i++) {
            String a = values[i];
            String b = other.values[i];
            if (a == null || b == null) {
                if (a != b) {
                    return a == null ? -1 : 1;
                }
            } else {
                int c = a.compareTo(b);
                if (c != 0) {
                    return c;
                }
            }
        }
        return currency.getCurrencyCode().compareTo(other.currency.getCurrencyCode());
    }

    @Override
    public boolean equals(Object obj) {
        return obj instanceof GroupKey
                && Arrays.equals(((GroupKey) obj).values, values)
                && ((GroupKey) obj).currency.equals(currency);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values) * 31 + currency.hashCode();
    }

    @Override
    public String toString() {
        return Arrays.toString(values) + " " + currency.getCurrencyCode();
    }
}
