package org.cloudbilling.core.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cloudbilling.core.money.MoneyFixtures.CNY_100_12501236;
import static org.cloudbilling.core.money.MoneyFixtures.JPY_100;

import java.math.RoundingMode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@Tag("MONEY-3")
@DisplayName("MONEY-3 settlement policies: Tencent half-up, Huawei truncates, JPY to an integer")
class SettlementPolicyTest {

    @ParameterizedTest(name = "TENCENT settles {0} to {1}")
    @CsvSource({
        "CNY 100.125, CNY 100.13",
        "CNY 100.124999, CNY 100.12",
        "CNY -100.125, CNY -100.13",
        "CNY 100.12501236, CNY 100.13",
        "USD 0.005, USD 0.01",
        "USD 0.00499999999, USD 0.00",
        "USD 5, USD 5.00",
        "JPY 1234.5, JPY 1235",
        "JPY 1234.49, JPY 1234",
        "JPY -0.5, JPY -1"
    })
    void tencent_roundsHalfUpToTwoDecimals(String amount, String settled) {
        assertThat(Money.parse(amount).settled(SettlementPolicy.TENCENT)).hasToString(settled);
    }

    @ParameterizedTest(name = "HUAWEI settles {0} to {1}")
    @CsvSource({
        "CNY 100.12501236, CNY 100.12",
        "CNY -0.129, CNY -0.12",
        "CNY 100.129, CNY 100.12",
        "CNY 0.999, CNY 0.99",
        "CNY -100.12501236, CNY -100.12",
        "JPY 1234.99, JPY 1234"
    })
    void huawei_truncatesToTwoDecimals(String amount, String settled) {
        assertThat(Money.parse(amount).settled(SettlementPolicy.HUAWEI)).hasToString(settled);
    }

    @ParameterizedTest(name = "MINOR_UNIT_HALF_UP settles {0} to {1}")
    @CsvSource({
        "USD 2.345, USD 2.35",
        "USD 2.344, USD 2.34",
        "EUR 0.005, EUR 0.01",
        "JPY 99.5, JPY 100",
        "JPY 99.49999999, JPY 99",
        "JPY 100, JPY 100"
    })
    void minorUnit_roundsHalfUpToTheCurrencysMinorUnit(String amount, String settled) {
        assertThat(Money.parse(amount).settled(SettlementPolicy.MINOR_UNIT_HALF_UP))
                .hasToString(settled);
    }

    @Test
    void huaweiExample_fromTheRules() {
        Money settled = CNY_100_12501236.settled(SettlementPolicy.HUAWEI);

        assertThat(settled).isEqualTo(Money.of("CNY", "100.12"));
        assertThat(settled.scale()).isEqualTo(2);
    }

    @Test
    void jpy_settlesToAnIntegerUnderEveryNamedPolicy() {
        Money yen = Money.of("JPY", "100.5");

        assertThat(yen.settled(SettlementPolicy.TENCENT)).hasToString("JPY 101");
        assertThat(yen.settled(SettlementPolicy.HUAWEI)).hasToString("JPY 100");
        assertThat(yen.settled(SettlementPolicy.MINOR_UNIT_HALF_UP)).hasToString("JPY 101");
        assertThat(JPY_100.settled(SettlementPolicy.TENCENT)).hasToString("JPY 100");
    }

    @Test
    void settled_isTheSameAsThePolicysSettle() {
        assertThat(CNY_100_12501236.settled(SettlementPolicy.TENCENT))
                .isEqualTo(SettlementPolicy.TENCENT.settle(CNY_100_12501236));
    }

    @Test
    void customPolicy_roundsToItsDecimalsOrTheCoarserMinorUnit() {
        SettlementPolicy ceilingTenth = SettlementPolicy.of("ceiling-1", 1, RoundingMode.CEILING);

        assertThat(Money.of("USD", "1.21").settled(ceilingTenth)).hasToString("USD 1.3");
        assertThat(Money.of("USD", "-1.29").settled(ceilingTenth)).hasToString("USD -1.2");
        assertThat(Money.of("JPY", "1.21").settled(ceilingTenth)).hasToString("JPY 2");
        assertThat(ceilingTenth.name()).isEqualTo("ceiling-1");
        assertThat(ceilingTenth.decimals()).isEqualTo(1);
        assertThat(ceilingTenth.rounding()).isEqualTo(RoundingMode.CEILING);
    }

    @Test
    void customPolicy_finerThanTheMinorUnit_keepsItsDecimals() {
        SettlementPolicy fourDecimals = SettlementPolicy.of("four", 4, RoundingMode.HALF_EVEN);

        // USD has 2 minor digits, so the coarser 2 wins
        assertThat(Money.of("USD", "1.23456").settled(fourDecimals)).hasToString("USD 1.23");
    }

    @Test
    void unnecessaryRounding_refusesToRound() {
        SettlementPolicy exactCents = SettlementPolicy.of("exact-cents", 2, RoundingMode.UNNECESSARY);

        assertThat(Money.of("USD", "1.230").settled(exactCents)).hasToString("USD 1.23");
        assertThatThrownBy(() -> Money.of("USD", "1.234").settled(exactCents)).isInstanceOf(ArithmeticException.class);
    }

    @Test
    void of_invalidArguments_areRefused() {
        assertThatThrownBy(() -> SettlementPolicy.of("", 2, RoundingMode.DOWN))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a settlement policy needs a name");
        assertThatThrownBy(() -> SettlementPolicy.of("x", 19, RoundingMode.DOWN))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("decimals 19 is not between 0 and 18");
        assertThatThrownBy(() -> SettlementPolicy.of("x", -1, RoundingMode.DOWN))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("decimals -1 is not between 0 and 18");
        assertThatThrownBy(() -> SettlementPolicy.of("x", 2, null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> SettlementPolicy.of(null, 2, RoundingMode.DOWN))
                .isInstanceOf(NullPointerException.class);
    }

    @Test
    void namedPolicies_describeThemselves() {
        assertThat(SettlementPolicy.TENCENT.name()).isEqualTo("tencent");
        assertThat(SettlementPolicy.TENCENT.decimals()).isEqualTo(2);
        assertThat(SettlementPolicy.TENCENT.rounding()).isEqualTo(RoundingMode.HALF_UP);
        assertThat(SettlementPolicy.HUAWEI.rounding()).isEqualTo(RoundingMode.DOWN);
        assertThat(SettlementPolicy.HUAWEI).hasToString("SettlementPolicy[huawei, 2 decimals, DOWN]");
    }
}
