package org.cloudbilling.reseller.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cloudbilling.reseller.Fixtures.ALICE;
import static org.cloudbilling.reseller.Fixtures.BOB;
import static org.cloudbilling.reseller.Fixtures.R1;
import static org.cloudbilling.reseller.Fixtures.R2;
import static org.cloudbilling.reseller.Fixtures.channel;
import static org.cloudbilling.reseller.Fixtures.prepaid;
import static org.cloudbilling.reseller.Fixtures.t;
import static org.cloudbilling.reseller.Fixtures.usage;

import java.util.Map;
import org.cloudbilling.core.bill.LineItem;
import org.cloudbilling.core.bill.SettlementCycle;
import org.cloudbilling.core.id.OrderId;
import org.cloudbilling.core.id.ProjectId;
import org.cloudbilling.core.id.ResourceId;
import org.cloudbilling.core.time.BillingCalendar;
import org.cloudbilling.core.time.BillingMonth;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** A customer of R1 unbound on the 17th at 10:00 (UTC+8), and one bound to R2 mid-month. */
class AttributionTest {
    private static final Channel CHANNEL = channel()
            .bound(ALICE, R1, t("2024-08-01T00:00"))
            .unbound(ALICE, t("2024-09-17T10:00"))
            .bound(BOB, R2, t("2024-09-10T00:00"));
    private static final AttributionContext CONTEXT = AttributionContext.of(BillingCalendar.TENCENT, CHANNEL);
    private static final BillingMonth SEPTEMBER = BillingMonth.of(2024, 9);

    private static AttributedCharge attribute(LineItem.Builder item) {
        return Attribution.attribute(item.build(), CONTEXT);
    }

    @Test
    @Tag("ATTR-1")
    void attribute_prepaidOrderedWhileBound_staysWithTheResellerAfterUnbinding() {
        AttributedCharge c =
                attribute(prepaid("p1", ALICE, "2024-09-03T12:00", "2024-09-03T12:00", "2024-10-03T12:00", "300"));
        assertThat(c.basis()).isEqualTo(AttributionBasis.ORDER_TIME);
        assertThat(c.attributedAt()).isEqualTo(t("2024-09-03T12:00"));
        assertThat(c.partner()).contains(R1);
        assertThat(c.month()).isEqualTo(SEPTEMBER);
    }

    @Test
    @Tag("ATTR-1")
    void attribute_prepaidOrderedAfterUnbinding_isTheDirectCustomers() {
        AttributedCharge c =
                attribute(prepaid("p2", ALICE, "2024-09-20T08:00", "2024-09-20T08:00", "2024-10-20T08:00", "300"));
        assertThat(c.partner()).isEmpty();
        assertThat(c.isChannelCharge()).isFalse();
    }

    @Test
    @Tag("ATTR-1")
    void attribute_knownOrderTime_winsOverDeductionTime() {
        LineItem item = prepaid("p3", ALICE, "2024-09-20T08:00", "2024-09-20T08:00", "2024-10-20T08:00", "300")
                .build();
        AttributedCharge c = Attribution.attribute(
                item, CONTEXT.withOrderTimes(Map.of(OrderId.of("order-p3"), t("2024-09-16T23:00"))));
        assertThat(c.attributedAt()).isEqualTo(t("2024-09-16T23:00"));
        assertThat(c.partner()).contains(R1);
    }

    @Test
    @Tag("ATTR-2")
    void attribute_hourlyCharges_followTheIdentityAtEachSettlement() {
        AttributedCharge before =
                attribute(usage("h1", ALICE, SettlementCycle.HOURLY, "2024-09-17T08:00", "2024-09-17T09:00", "1"));
        AttributedCharge atUnbinding =
                attribute(usage("h2", ALICE, SettlementCycle.HOURLY, "2024-09-17T09:00", "2024-09-17T10:00", "1"));
        AttributedCharge after =
                attribute(usage("h3", ALICE, SettlementCycle.HOURLY, "2024-09-17T10:00", "2024-09-17T11:00", "1"));
        assertThat(before.basis()).isEqualTo(AttributionBasis.SETTLEMENT_TIME);
        assertThat(before.partner()).contains(R1);
        // settled at 10:00, the instant the binding ends: already a direct customer
        assertThat(atUnbinding.attributedAt()).isEqualTo(t("2024-09-17T10:00"));
        assertThat(atUnbinding.partner()).isEmpty();
        assertThat(after.partner()).isEmpty();
    }

    @Test
    @Tag("ATTR-2")
    void attribute_dailyCharges_settledAtTheEndOfTheDay() {
        AttributedCharge sixteenth = attribute(usage("d1", ALICE, "2024-09-16", "24"));
        AttributedCharge seventeenth = attribute(usage("d2", ALICE, "2024-09-17", "24"));
        assertThat(sixteenth.partner()).contains(R1);
        assertThat(sixteenth.isChannelCharge()).isTrue();
        assertThat(seventeenth.partner()).isEmpty();
    }

    @Test
    @Tag("ATTR-2")
    void attribute_noSettlementCycleReported_isSettledLikeHourly() {
        LineItem item = usage("n1", ALICE, SettlementCycle.HOURLY, "2024-09-17T08:00", "2024-09-17T09:00", "1")
                .settlementCycle(java.util.Optional.empty())
                .build();
        assertThat(Attribution.attribute(item, CONTEXT).basis()).isEqualTo(AttributionBasis.SETTLEMENT_TIME);
        assertThat(Attribution.attribute(item, CONTEXT).partner()).contains(R1);
    }

    @Test
    @Tag("ATTR-3")
    void attribute_monthlyCharge_followsTheIdentityOnTheFirstOfTheNextMonth() {
        AttributedCharge alice =
                attribute(usage("m1", ALICE, SettlementCycle.MONTHLY, "2024-09-01T00:00", "2024-10-01T00:00", "90"));
        AttributedCharge bob =
                attribute(usage("m2", BOB, SettlementCycle.MONTHLY, "2024-09-01T00:00", "2024-10-01T00:00", "90"));
        assertThat(alice.basis()).isEqualTo(AttributionBasis.BILLING_TIME);
        assertThat(alice.attributedAt()).isEqualTo(t("2024-10-01T00:00"));
        assertThat(alice.partner()).isEmpty();
        assertThat(alice.month()).isEqualTo(SEPTEMBER);
        assertThat(bob.partner()).contains(R2);
    }

    @Test
    @Tag("ATTR-2")
    @Tag("ATTR-4")
    void attribute_lateUsage_isAttributedByItsFeeCycleNotItsDeductionTime() {
        AttributedCharge late =
                attribute(usage("l1", ALICE, SettlementCycle.HOURLY, "2024-09-17T08:00", "2024-09-17T09:00", "1")
                        .deductionTime(t("2024-10-02T03:00")));
        assertThat(late.partner()).contains(R1);
        assertThat(late.month()).isEqualTo(SEPTEMBER);
        AttributedCharge august =
                attribute(usage("l2", ALICE, SettlementCycle.HOURLY, "2024-08-31T23:00", "2024-09-01T00:00", "1")
                        .deductionTime(t("2024-09-02T03:00")));
        assertThat(august.month()).isEqualTo(BillingMonth.of(2024, 8));
    }

    @Test
    @Tag("ATTR-5")
    void attribute_projectChange_takesEffectByDeductionTime() {
        ResourceId ins = ResourceId.of("ins-1");
        ProjectHistory projects = ProjectHistory.empty()
                .moved(ins, ProjectId.of("web"), t("2024-09-01T00:00"))
                .moved(ins, ProjectId.of("game"), t("2024-09-17T12:00"));
        AttributionContext context = CONTEXT.withProjects(projects);
        LineItem.Builder base = usage("x", ALICE, SettlementCycle.HOURLY, "2024-09-17T10:00", "2024-09-17T11:00", "1")
                .resourceId(ins)
                .projectId(ProjectId.of("web"));
        LineItem deductedAfterMove = base.id(org.cloudbilling.core.id.LineItemId.of("a"))
                .deductionTime(t("2024-09-17T13:00"))
                .build();
        LineItem deductedBeforeMove = base.id(org.cloudbilling.core.id.LineItemId.of("b"))
                .deductionTime(t("2024-09-17T11:30"))
                .build();
        assertThat(Attribution.attribute(deductedAfterMove, context).project()).contains(ProjectId.of("game"));
        assertThat(Attribution.attribute(deductedBeforeMove, context).project()).contains(ProjectId.of("web"));
        assertThat(Attribution.attribute(deductedAfterMove, CONTEXT).project()).contains(ProjectId.of("web"));
    }
}
