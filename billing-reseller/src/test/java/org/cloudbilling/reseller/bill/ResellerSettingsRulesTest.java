package org.cloudbilling.reseller.bill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cloudbilling.reseller.Fixtures.ALICE;
import static org.cloudbilling.reseller.Fixtures.BOB;
import static org.cloudbilling.reseller.Fixtures.CNY;
import static org.cloudbilling.reseller.Fixtures.R1;
import static org.cloudbilling.reseller.Fixtures.channel;
import static org.cloudbilling.reseller.Fixtures.cny;
import static org.cloudbilling.reseller.Fixtures.t;
import static org.cloudbilling.reseller.Fixtures.usage;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.cloudbilling.core.id.TagKey;
import org.cloudbilling.core.money.Money;
import org.cloudbilling.core.time.BillingCalendar;
import org.cloudbilling.core.time.BillingMonth;
import org.cloudbilling.reseller.channel.Attribution;
import org.cloudbilling.reseller.channel.AttributionContext;
import org.cloudbilling.reseller.channel.Channel;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** A reseller's settings at their limits: a customer discount of zero, negative values, no delay for tag keys. */
class ResellerSettingsRulesTest {
    private static final Channel CHANNEL = channel().bound(ALICE, R1, t("2024-08-01T00:00"));

    @Test
    @Tag("RES-10")
    void customerDiscount_zeroIsAFreeCustomer_negativeIsRefused() {
        ResellerSettings free = ResellerSettings.builder()
                .reseller(R1)
                .currency(CNY)
                .addBillBFeature(BillBFeature.CUSTOMER_DISCOUNTS)
                .putCustomerDiscount(ALICE, BigDecimal.ZERO)
                .build();
        ResellerMonth month = ResellerBills.compute(
                Attribution.attribute(
                        List.of(usage("a", ALICE, "2024-09-02", "10")
                                .totalCost(cny("8"))
                                .build()),
                        AttributionContext.of(BillingCalendar.TENCENT, CHANNEL)),
                free,
                BillingMonth.of(2024, 9),
                BillingCalendar.TENCENT,
                t("2024-10-06T00:00"),
                Map.of());
        // (10 - 0) x 0 = 0 for the customer; the reseller still owes its cost
        assertThat(month.billB().total()).isEqualTo(Money.zero(CNY));
        assertThat(month.billA().total()).isEqualTo(cny("8"));
        assertThatThrownBy(() -> ResellerSettings.builder()
                        .reseller(R1)
                        .currency(CNY)
                        .putCustomerDiscount(BOB, new BigDecimal("-0.01"))
                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("reseller 200000000011: discount -0.01 of customer 100000000102 is negative");
    }

    @Test
    @Tag("RES-11")
    void tagKeyDelay_zeroShowsAKeyFromItsDefinition_negativeIsRefused() {
        ResellerSettings noDelay = ResellerSettings.builder()
                .reseller(R1)
                .currency(CNY)
                .tagKeyDelay(Duration.ZERO)
                .putBillingTagKey(TagKey.of("team"), t("2024-09-01T00:00"))
                .build();
        assertThat(noDelay.showsTagKey(TagKey.of("team"), t("2024-09-01T00:00")))
                .isTrue();
        assertThat(noDelay.showsTagKey(TagKey.of("team"), t("2024-08-31T23:59")))
                .isFalse();
        assertThatThrownBy(() -> ResellerSettings.builder()
                        .reseller(R1)
                        .currency(CNY)
                        .tagKeyDelay(Duration.ofHours(-1))
                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("reseller 200000000011: tag key delay PT-1H is negative");
    }

    @Test
    @Tag("RES-3")
    void compute_chargeOfTheResellersMonthInAnotherCurrency_isRefused() {
        var charges = Attribution.attribute(
                List.of(usage("usd", ALICE, "2024-09-02", "1")
                        .listCost(Money.of("USD", "1"))
                        .totalCost(Money.of("USD", "1"))
                        .build()),
                AttributionContext.of(BillingCalendar.TENCENT, CHANNEL));
        ResellerSettings settings =
                ResellerSettings.builder().reseller(R1).currency(CNY).build();
        assertThatThrownBy(() -> ResellerBills.compute(
                        charges,
                        settings,
                        BillingMonth.of(2024, 9),
                        BillingCalendar.TENCENT,
                        t("2024-10-06T00:00"),
                        Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("line item usd of reseller 200000000011 is in USD, its bills in CNY");
        // in another month it is left out, not refused
        assertThat(ResellerBills.compute(
                                charges,
                                settings,
                                BillingMonth.of(2024, 8),
                                BillingCalendar.TENCENT,
                                t("2024-10-06T00:00"),
                                Map.of())
                        .billA()
                        .rows())
                .isEmpty();
    }
}
