package org.cloudbilling.allocation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Currency;
import org.cloudbilling.core.money.Money;
import org.junit.jupiter.api.Test;

class SumsByCurrencyTest {
    private static final Currency CNY = Currency.getInstance("CNY");
    private static final Currency USD = Currency.getInstance("USD");

    @Test
    void eachCurrencyHasItsOwnSums_foundAgainAfterAnother() {
        SumsByCurrency sums = new SumsByCurrency(2);
        sums.of(CNY).add(0, Money.of("CNY", "1.50"));
        sums.of(USD).add(0, Money.of("USD", "2.25"));
        sums.of(CNY).add(0, Money.of("CNY", "-0.25"));

        assertThat(sums.all()).extracting(s -> s.currency).containsExactly(CNY, USD);
        assertThat(sums.of(CNY).total(0)).isEqualTo(Money.of("CNY", "1.25"));
        assertThat(sums.of(USD).total(0)).isEqualTo(Money.of("USD", "2.25"));
        assertThat(sums.indexOf(USD)).isEqualTo(1);
    }

    @Test
    void addingOtherSums_addsTheirTouchedSlotsExactly_andMakesNoSumsOfACurrencyWithoutRows() {
        SumsByCurrency mine = new SumsByCurrency(3);
        mine.of(CNY).add(1, Money.of("CNY", "0.10"));
        SumsByCurrency theirs = new SumsByCurrency(3);
        theirs.of(CNY).add(1, Money.of("CNY", "0.005"));
        theirs.of(CNY).add(2, Money.of("CNY", "7"));
        theirs.of(USD); // met, but no row added

        mine.add(theirs);

        assertThat(mine.all()).extracting(s -> s.currency).containsExactly(CNY);
        assertThat(mine.of(CNY).total(1)).isEqualTo(Money.of("CNY", "0.105"));
        assertThat(mine.of(CNY).total(2)).isEqualTo(Money.of("CNY", "7"));
        assertThat(mine.of(CNY).touched[0]).isFalse();
    }

    @Test
    void aContainerOfACollection_makesTheFirstCurrencysSumsAtOnce_butCountsThemUsedOnlyWithRows() {
        SumsByCurrency.First first = new SumsByCurrency.First();
        SumsByCurrency before = new SumsByCurrency(1, first);
        assertThat(before.all()).isEmpty();
        before.of(USD).add(0, Money.of("USD", "1"));

        SumsByCurrency after = new SumsByCurrency(1, first);

        assertThat(after.all()).extracting(s -> s.currency).containsExactly(USD);
        assertThat(after.used()).isEmpty();
        after.of(USD).add(0, Money.of("USD", "3"));
        assertThat(after.used()).extracting(s -> s.currency).containsExactly(USD);
    }
}
