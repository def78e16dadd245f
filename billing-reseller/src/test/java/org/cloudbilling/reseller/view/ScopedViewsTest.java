package org.cloudbilling.reseller.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cloudbilling.reseller.Fixtures.ALICE;
import static org.cloudbilling.reseller.Fixtures.BOB;
import static org.cloudbilling.reseller.Fixtures.CAROL;
import static org.cloudbilling.reseller.Fixtures.CNY;
import static org.cloudbilling.reseller.Fixtures.DIST;
import static org.cloudbilling.reseller.Fixtures.R1;
import static org.cloudbilling.reseller.Fixtures.R2;
import static org.cloudbilling.reseller.Fixtures.channel;
import static org.cloudbilling.reseller.Fixtures.daily;
import static org.cloudbilling.reseller.Fixtures.t;
import static org.cloudbilling.reseller.Fixtures.usage;

import java.util.List;
import java.util.Map;
import org.cloudbilling.core.bill.SettlementCycle;
import org.cloudbilling.core.id.LineItemId;
import org.cloudbilling.core.id.OwnerUin;
import org.cloudbilling.core.time.BillingCalendar;
import org.cloudbilling.core.time.BillingMonth;
import org.cloudbilling.reseller.bill.BillB;
import org.cloudbilling.reseller.bill.BillBFeature;
import org.cloudbilling.reseller.bill.BillBRow;
import org.cloudbilling.reseller.bill.ResellerBills;
import org.cloudbilling.reseller.bill.ResellerMonth;
import org.cloudbilling.reseller.bill.ResellerSettings;
import org.cloudbilling.reseller.channel.Attribution;
import org.cloudbilling.reseller.channel.AttributionContext;
import org.cloudbilling.reseller.channel.Channel;
import org.cloudbilling.reseller.distributor.DistributorQueries;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** R1 bills Alice, Eve and Dave (no charges); Bob is R2's customer; Carol is a direct customer. */
class ScopedViewsTest {
    private static final OwnerUin DAVE = OwnerUin.of("100000000104");
    private static final OwnerUin EVE = OwnerUin.of("100000000105");
    private static final Channel CHANNEL = channel()
            .bound(ALICE, R1, t("2024-08-01T00:00"))
            .bound(EVE, R1, t("2024-08-01T00:00"))
            .bound(DAVE, R1, t("2024-09-20T00:00"))
            .bound(BOB, R2, t("2024-08-01T00:00"));
    private static final ResellerMonth MONTH = ResellerBills.compute(
            Attribution.attribute(
                    List.of(
                            daily("a1", ALICE, "2024-09-02", "10"),
                            daily("b1", BOB, "2024-09-02", "10"),
                            daily("e1", EVE, "2024-09-04", "12")),
                    AttributionContext.of(BillingCalendar.TENCENT, CHANNEL)),
            ResellerSettings.builder()
                    .reseller(R1)
                    .currency(CNY)
                    .addBillBFeature(BillBFeature.RESELLER_PERSPECTIVE)
                    .build(),
            BillingMonth.of(2024, 9),
            BillingCalendar.TENCENT,
            t("2024-10-06T00:00"),
            Map.of());

    @Test
    @Tag("RES-3")
    void billA_resellerAndItsDistributorOnly() {
        assertThat(ScopedViews.billA(Viewer.partner(R1), CHANNEL, MONTH.billA()))
                .isEqualTo(MONTH.billA());
        assertThat(ScopedViews.billA(Viewer.partner(DIST), CHANNEL, MONTH.billA()))
                .isEqualTo(MONTH.billA());
        assertThatThrownBy(() -> ScopedViews.billA(Viewer.partner(R2), CHANNEL, MONTH.billA()))
                .isInstanceOf(OutOfScopeException.class)
                .hasMessageContaining("may not see Bill A of 200000000011 for 2024-09");
        assertThatThrownBy(() -> ScopedViews.billA(Viewer.account(ALICE), CHANNEL, MONTH.billA()))
                .isInstanceOf(OutOfScopeException.class);
    }

    @Test
    @Tag("RES-3")
    void billB_endCustomerSeesItsOwnRowsWithoutResellerCostFields() {
        assertThat(MONTH.billB().rows().get(0).resellerCost()).isPresent();
        // R1's Bill B holds Alice's a1 and Eve's e1: each sees her own row only
        assertThat(MONTH.billB().rows())
                .extracting(BillBRow::id)
                .extracting(LineItemId::value)
                .containsExactly("a1", "e1");
        BillB alices = ScopedViews.billB(Viewer.account(ALICE), CHANNEL, BillingCalendar.TENCENT, MONTH.billB());
        assertThat(alices.rows())
                .extracting(BillBRow::id)
                .extracting(LineItemId::value)
                .containsExactly("a1");
        assertThat(alices.rows().get(0).resellerCost()).isEmpty();
        BillB eves = ScopedViews.billB(Viewer.account(EVE), CHANNEL, BillingCalendar.TENCENT, MONTH.billB());
        assertThat(eves.rows())
                .extracting(BillBRow::id)
                .extracting(LineItemId::value)
                .containsExactly("e1");
        BillB daves = ScopedViews.billB(Viewer.account(DAVE), CHANNEL, BillingCalendar.TENCENT, MONTH.billB());
        assertThat(daves.rows()).isEmpty();
    }

    @Test
    @Tag("RES-1")
    void billB_anotherResellersCustomerOrAnotherReseller_failsLoudly() {
        assertThatThrownBy(
                        () -> ScopedViews.billB(Viewer.account(BOB), CHANNEL, BillingCalendar.TENCENT, MONTH.billB()))
                .isInstanceOf(OutOfScopeException.class);
        assertThatThrownBy(
                        () -> ScopedViews.billB(Viewer.account(CAROL), CHANNEL, BillingCalendar.TENCENT, MONTH.billB()))
                .isInstanceOf(OutOfScopeException.class);
        assertThatThrownBy(() -> ScopedViews.billB(Viewer.partner(R2), CHANNEL, BillingCalendar.TENCENT, MONTH.billB()))
                .isInstanceOf(OutOfScopeException.class)
                .hasMessageContaining("may not see Bill B of 200000000011");
        assertThat(ScopedViews.billB(Viewer.partner(DIST), CHANNEL, BillingCalendar.TENCENT, MONTH.billB()))
                .isEqualTo(MONTH.billB());
    }

    @Test
    @Tag("ATTR-3")
    @Tag("RES-2")
    void billB_customerBoundAtBillingTime_seesItsMonthlyCharge_andIsOnTheCustomerList() {
        Channel channel = channel().bound(CAROL, R1, t("2024-10-01T00:00"));
        ResellerMonth month = ResellerBills.compute(
                Attribution.attribute(
                        List.of(usage("m", CAROL, SettlementCycle.MONTHLY, "2024-09-01T00:00", "2024-10-01T00:00", "9")
                                .build()),
                        AttributionContext.of(BillingCalendar.TENCENT, channel)),
                ResellerSettings.builder().reseller(R1).currency(CNY).build(),
                BillingMonth.of(2024, 9),
                BillingCalendar.TENCENT,
                t("2024-10-06T00:00"),
                Map.of());
        assertThat(ScopedViews.billB(Viewer.account(CAROL), channel, BillingCalendar.TENCENT, month.billB())
                        .rows())
                .hasSize(1);
        assertThat(DistributorQueries.endCustomersOf(channel, BillingCalendar.TENCENT, DIST, month.billA()))
                .containsOnlyKeys(CAROL);
    }
}
