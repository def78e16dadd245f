package org.cloudbilling.core.consolidation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Currency;
import java.util.List;
import org.junit.jupiter.api.Test;

class GroupKeyTest {
    private static final Currency CNY = Currency.getInstance("CNY");
    private static final Currency USD = Currency.getInstance("USD");

    private static GroupKey key(Currency currency, String... values) {
        return new GroupKey(values, currency);
    }

    @Test
    void compareTo_absentValueComesFirst_thenValues_thenCurrencyCode() {
        GroupKey absent = key(CNY, (String) null);
        GroupKey empty = key(CNY, "");
        GroupKey a = key(CNY, "a");
        GroupKey aUsd = key(USD, "a");

        assertThat(absent.compareTo(empty)).isNegative();
        assertThat(empty.compareTo(absent)).isPositive();
        assertThat(absent.compareTo(key(CNY, (String) null))).isZero();
        assertThat(empty.compareTo(a)).isNegative();
        assertThat(a.compareTo(empty)).isPositive();
        assertThat(a.compareTo(aUsd)).isNegative();
        assertThat(aUsd.compareTo(a)).isPositive();
        assertThat(a.compareTo(key(CNY, "a"))).isZero();
    }

    @Test
    void compareTo_laterDimensionDecides_whenEarlierOnesTie() {
        assertThat(key(CNY, "a", null).compareTo(key(CNY, "a", "b"))).isNegative();
        assertThat(key(CNY, "a", "c").compareTo(key(CNY, "a", "b"))).isPositive();
        assertThat(key(USD, "a", "b").compareTo(key(CNY, "b", "a"))).isNegative();
        assertThat(key(CNY, null, "z").compareTo(key(CNY, null, "a"))).isPositive();
    }

    @Test
    void accessors_giveValuesInDimensionOrder_absentAsEmpty() {
        GroupKey k = key(USD, "a", null);

        assertThat(k.size()).isEqualTo(2);
        assertThat(k.value(0)).contains("a");
        assertThat(k.value(1)).isEmpty();
        assertThat(k.values()).containsExactly("a", null);
        assertThat(k.currency()).isEqualTo(USD);
        assertThat(k).hasToString("[a, null] USD");
        assertThat(key(CNY).size()).isZero();
    }

    @Test
    void equals_byValuesAndCurrency_andHashCodeAgrees() {
        GroupKey k = key(USD, "a", null);

        assertThat(k).isEqualTo(key(USD, "a", null)).hasSameHashCodeAs(key(USD, "a", null));
        assertThat(k).isNotEqualTo(key(CNY, "a", null));
        assertThat(k).isNotEqualTo(key(USD, "a", ""));
        assertThat(k).isNotEqualTo(List.of("a"));
        assertThat(k.hashCode()).isNotEqualTo(key(CNY, "a", null).hashCode());
    }
}
