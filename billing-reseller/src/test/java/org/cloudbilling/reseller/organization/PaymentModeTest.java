package org.cloudbilling.reseller.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cloudbilling.reseller.Fixtures.channel;
import static org.cloudbilling.reseller.Fixtures.cny;
import static org.cloudbilling.reseller.Fixtures.prepaid;
import static org.cloudbilling.reseller.Fixtures.t;
import static org.cloudbilling.reseller.Fixtures.usage;
import static org.cloudbilling.reseller.organization.OrgFixtures.HQ;
import static org.cloudbilling.reseller.organization.OrgFixtures.HQ_ADMIN;
import static org.cloudbilling.reseller.organization.OrgFixtures.M1;
import static org.cloudbilling.reseller.organization.OrgFixtures.S1;
import static org.cloudbilling.reseller.organization.OrgFixtures.SUB;
import static org.cloudbilling.reseller.organization.OrgFixtures.group;

import java.time.Instant;
import org.cloudbilling.core.bill.LineItem;
import org.cloudbilling.core.bill.SettlementCycle;
import org.cloudbilling.core.id.OwnerUin;
import org.cloudbilling.core.id.PayerUin;
import org.cloudbilling.core.time.BillingCalendar;
import org.cloudbilling.reseller.channel.AttributedCharge;
import org.cloudbilling.reseller.channel.Attribution;
import org.cloudbilling.reseller.channel.AttributionContext;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The payment mode per entity, changing over time, and who pays a member's fee under it (ORG-8, ATTR-4). */
@Tag("ORG-8")
class PaymentModeTest {
    private static final Instant SWITCH = t("2024-09-15T00:00");
    /** HQ pays on behalf of its members until 15 September, then they pay for themselves; SUB always self-pays. */
    private static final Organization MIXED = group(PaymentMode.UNIFIED)
            .paymentMode(SUB, t("2024-01-01T00:00"), PaymentMode.SELF_PAY)
            .paymentMode(HQ, SWITCH, PaymentMode.SELF_PAY)
            .build();

    private static PayerUin payerOf(LineItem.Builder item) {
        AttributedCharge charge = Attribution.attribute(
                item.build(),
                AttributionContext.of(BillingCalendar.TENCENT, channel()).withPayOnBehalf(MIXED));
        return charge.payer();
    }

    private static PayerUin payer(OwnerUin account) {
        return PayerUin.of(account.value());
    }

    @Test
    @Tag("ATTR-4")
    void oneGroup_mixesAnEntityPayingOnBehalf_andASelfPayingOne() {
        assertThat(payerOf(usage("u1", M1, SettlementCycle.HOURLY, "2024-09-02T00:00", "2024-09-02T01:00", "1")))
                .isEqualTo(payer(HQ_ADMIN));
        assertThat(payerOf(usage("u2", S1, SettlementCycle.HOURLY, "2024-09-02T00:00", "2024-09-02T01:00", "1")))
                .isEqualTo(payer(S1));
    }

    @Test
    @Tag("ATTR-4")
    void modeChange_feeCyclesFollowTheModeOfTheirCycle_notTheDeductionTime() {
        // a daily fee of the 14th, deducted late on the 20th, stays with the admin: its whole cycle was paid on behalf
        assertThat(payerOf(usage("d14", M1, "2024-09-14", "3").deductionTime(t("2024-09-20T00:00"))))
                .isEqualTo(payer(HQ_ADMIN));
        assertThat(payerOf(usage("d15", M1, "2024-09-15", "3"))).isEqualTo(payer(M1));
        // a monthly fee of September is not paid on behalf throughout its cycle: the member pays it
        assertThat(payerOf(usage("mo", M1, SettlementCycle.MONTHLY, "2024-09-01T00:00", "2024-10-01T00:00", "9")))
                .isEqualTo(payer(M1));
        // prepaid: the mode when the order was placed
        assertThat(payerOf(prepaid("p1", M1, "2024-09-14T23:59", "2024-09-15T00:00", "2024-10-15T00:00", "30")))
                .isEqualTo(payer(HQ_ADMIN));
        assertThat(payerOf(prepaid("p2", M1, "2024-09-15T00:00", "2024-09-15T00:00", "2024-10-15T00:00", "30")))
                .isEqualTo(payer(M1));
    }

    @Test
    void modeOf_isTheLatestChangeAtOrBeforeTheInstant_elseTheInitialMode() {
        assertThat(MIXED.modeOf(HQ, SWITCH.minusSeconds(1))).isEqualTo(PaymentMode.UNIFIED);
        assertThat(MIXED.modeOf(HQ, SWITCH)).isEqualTo(PaymentMode.SELF_PAY);
        assertThat(MIXED.modeOf(SUB, t("2023-12-31T23:59"))).isEqualTo(PaymentMode.UNIFIED);
        assertThat(MIXED.modeOf(SUB, SWITCH)).isEqualTo(PaymentMode.SELF_PAY);
        Organization back = MIXED.withPaymentMode(HQ, t("2024-10-01T00:00"), PaymentMode.UNIFIED);
        assertThat(back.modeOf(HQ, t("2024-10-01T00:00"))).isEqualTo(PaymentMode.UNIFIED);
        assertThat(back.modeOf(HQ, t("2024-09-20T00:00"))).isEqualTo(PaymentMode.SELF_PAY);
        assertThat(back).isNotEqualTo(MIXED);
    }

    @Test
    @Tag("ORG-5")
    void join_checksTheJoiningRulesOnlyWhileTheEntityPaysOnBehalf() {
        JoinApplication otherName = new JoinApplication(OwnerUin.of("300000000099"), HQ, "Other Ltd", cny("-1"), 2);
        assertThat(MIXED.join(otherName, channel(), t("2024-09-10T00:00")).isAccepted())
                .isFalse();
        assertThat(MIXED.join(otherName, channel(), SWITCH).isAccepted()).isTrue();
    }

    @Test
    void modeChange_ofAnUnknownEntityOrTwiceAtOneInstant_isRefused() {
        assertThatThrownBy(() -> MIXED.withPaymentMode(EntityId.of("nope"), SWITCH, PaymentMode.UNIFIED))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("names entity nope, which is not an entity of the organization");
        assertThatThrownBy(() -> MIXED.withPaymentMode(HQ, SWITCH, PaymentMode.UNIFIED))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("entity hq has two payment mode changes at " + SWITCH);
    }
}
