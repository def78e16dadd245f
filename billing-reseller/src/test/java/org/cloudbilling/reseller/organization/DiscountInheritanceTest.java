package org.cloudbilling.reseller.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cloudbilling.reseller.Fixtures.cny;
import static org.cloudbilling.reseller.Fixtures.t;
import static org.cloudbilling.reseller.Fixtures.usage;
import static org.cloudbilling.reseller.organization.OrgFixtures.M1;
import static org.cloudbilling.reseller.organization.OrgFixtures.M2;
import static org.cloudbilling.reseller.organization.OrgFixtures.S1;
import static org.cloudbilling.reseller.organization.OrgFixtures.group;

import java.math.BigDecimal;
import java.util.List;
import org.cloudbilling.core.bill.LineItem;
import org.cloudbilling.core.bill.SettlementCycle;
import org.cloudbilling.core.time.BillingCalendar;
import org.cloudbilling.core.time.BillingMonth;
import org.cloudbilling.reseller.confirmation.Refusal;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The admin's contract discount inherited on a member's list prices from the day it is granted (ORG-11). */
@Tag("ORG-11")
class DiscountInheritanceTest {
    private static final BillingMonth SEPTEMBER = BillingMonth.of(2024, 9);
    private static final BigDecimal EIGHTY_PERCENT = new BigDecimal("0.80");
    /** M1 (HQ, the admin's verified entity) and S1 (another verified entity) are granted on 10 September. */
    private static final Organization ORG = group(PaymentMode.SELF_PAY)
            .grant(M1, t("2024-09-10T00:00"), Permission.DISCOUNT_INHERITANCE)
            .grant(S1, t("2024-09-10T00:00"), Permission.DISCOUNT_INHERITANCE)
            .build();

    private static LineItem item(String id, String day, String list) {
        return usage(id, M1, SettlementCycle.DAILY, day + "T00:00", day + "T23:00", list)
                .build();
    }

    @Test
    void price_fromTheDayItIsGranted_listCostDiscountAndCostAfter() {
        List<LineItem> items = List.of(
                item("before", "2024-09-09", "100.00"),
                item("after", "2024-09-10", "100.00"),
                item("fine", "2024-09-11", "0.33333333"),
                item("october", "2024-10-01", "50.00"));
        List<InheritedDiscountRow> rows = DiscountInheritance.price(
                        ORG, BillingCalendar.TENCENT, SEPTEMBER, M1, EIGHTY_PERCENT, items)
                .state();
        assertThat(rows).extracting(r -> r.item().id().value()).containsExactly("before", "after", "fine");
        // before the grant: list price, no discount
        assertThat(rows.get(0).inheritedDiscount()).isEqualTo(cny("0"));
        assertThat(rows.get(0).cost()).isEqualTo(cny("100.00"));
        // 100.00 x 0.20 = 20.00 off; 0.33333333 x 0.20 = 0.066666666 off, exact, not rounded
        assertThat(rows.get(1).listCost()).isEqualTo(cny("100.00"));
        assertThat(rows.get(1).inheritedDiscount()).isEqualTo(cny("20.00"));
        assertThat(rows.get(1).cost()).isEqualTo(cny("80.00"));
        assertThat(rows.get(2).inheritedDiscount()).isEqualTo(cny("0.066666666"));
        assertThat(rows.get(2).cost()).isEqualTo(cny("0.266666664"));
    }

    @Test
    void price_aGrantInTheAfternoon_coversTheWholeDay_inTheCalendarsZone() {
        // granted 10 September 15:00 UTC+8: the charge of 10 September 00:00 UTC+8 gets the discount, the 9th's not
        Organization afternoon = group(PaymentMode.SELF_PAY)
                .grant(M1, t("2024-09-10T15:00"), Permission.DISCOUNT_INHERITANCE)
                .build();
        List<InheritedDiscountRow> rows = DiscountInheritance.price(
                        afternoon,
                        BillingCalendar.TENCENT,
                        SEPTEMBER,
                        M1,
                        EIGHTY_PERCENT,
                        List.of(item("ninth", "2024-09-09", "10.00"), item("tenth", "2024-09-10", "10.00")))
                .state();
        assertThat(rows.get(0).inheritedDiscount()).isEqualTo(cny("0"));
        assertThat(rows.get(1).inheritedDiscount()).isEqualTo(cny("2.00"));
    }

    @Test
    @Tag("ORG-4")
    void price_withoutThePermission_orOutsideTheAdminsVerifiedEntity_isRefused() {
        List<LineItem> items = List.of(item("a", "2024-09-12", "10.00"));
        assertThat(DiscountInheritance.price(ORG, BillingCalendar.TENCENT, SEPTEMBER, M2, EIGHTY_PERCENT, items)
                        .refusals())
                .containsExactly(new Refusal(
                        Refusal.Reason.PERMISSION_MISSING,
                        "300000000012 may not inherit the contract discount in 2024-09: it does not hold"
                                + " DISCOUNT_INHERITANCE"));
        assertThat(DiscountInheritance.price(
                                ORG, BillingCalendar.TENCENT, BillingMonth.of(2024, 8), M1, EIGHTY_PERCENT, items)
                        .isRefusedFor(Refusal.Reason.PERMISSION_MISSING))
                .isTrue();
        assertThat(DiscountInheritance.price(ORG, BillingCalendar.TENCENT, SEPTEMBER, S1, EIGHTY_PERCENT, items)
                        .refusals())
                .containsExactly(new Refusal(
                        Refusal.Reason.DIFFERENT_VERIFIED_ENTITY,
                        "300000000021 may not inherit the contract discount in 2024-09: it is not a member of the"
                                + " admin's verified entity 'Example Group Ltd'"));
    }

    @Test
    void price_contractRateOutsideZeroToOne_isRefusedNamingTheMemberTheMonthAndTheRate() {
        List<LineItem> items = List.of(item("after", "2024-09-10", "100.00"));

        assertThatThrownBy(() -> DiscountInheritance.price(
                        ORG, BillingCalendar.TENCENT, SEPTEMBER, M1, new BigDecimal("-0.2"), items))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the inherited discount of 300000000011 in 2024-09: contract rate -0.2 is not between 0"
                        + " and 1");
        assertThatThrownBy(() -> DiscountInheritance.price(
                        ORG, BillingCalendar.TENCENT, SEPTEMBER, M1, new BigDecimal("1.01"), items))
                .hasMessage("the inherited discount of 300000000011 in 2024-09: contract rate 1.01 is not between 0"
                        + " and 1");
    }
}
