package org.cloudbilling.reseller;

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
import static org.cloudbilling.reseller.Fixtures.t;
import static org.cloudbilling.reseller.Fixtures.usage;

import java.util.List;
import java.util.Map;
import org.cloudbilling.core.bill.LineItem;
import org.cloudbilling.core.bill.SettlementCycle;
import org.cloudbilling.core.id.LineItemId;
import org.cloudbilling.core.time.BillingCalendar;
import org.cloudbilling.core.time.BillingMonth;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Alice moves from R1 to R2 on the 10th; Bob stays with R1; Carol is the distributor's own customer. */
@Tag("RES-2")
class DistributorQueriesTest {
    private static final Channel CHANNEL = channel()
            .bound(ALICE, R1, t("2024-08-01T00:00"))
            .unbound(ALICE, t("2024-09-10T00:00"))
            .bound(ALICE, R2, t("2024-09-10T00:00"))
            .bound(BOB, R1, t("2024-08-01T00:00"))
            .bound(CAROL, DIST, t("2024-08-01T00:00"));
    private static final BillingMonth SEPTEMBER = BillingMonth.of(2024, 9);

    private static BillA billA(PartnerUin reseller) {
        List<LineItem> items = List.of(
                usage("a1", ALICE, SettlementCycle.DAILY, "2024-09-02T00:00", "2024-09-03T00:00", "10")
                        .build(),
                usage("a2", ALICE, SettlementCycle.DAILY, "2024-09-12T00:00", "2024-09-13T00:00", "20")
                        .build(),
                usage("b1", BOB, SettlementCycle.DAILY, "2024-09-12T00:00", "2024-09-13T00:00", "5")
                        .build(),
                usage("c1", CAROL, SettlementCycle.DAILY, "2024-09-12T00:00", "2024-09-13T00:00", "7")
                        .build());
        List<AttributedCharge> charges =
                Attribution.attribute(items, AttributionContext.of(BillingCalendar.TENCENT, CHANNEL));
        return ResellerBills.compute(
                        charges,
                        ResellerSettings.builder()
                                .reseller(reseller)
                                .currency(CNY)
                                .build(),
                        SEPTEMBER,
                        BillingCalendar.TENCENT,
                        t("2024-10-06T00:00"),
                        Map.of())
                .billA();
    }

    @Test
    void indirectCustomerBill_byUin_collectsTheRowsFromEachResellerOfTheMonth() {
        List<BillA> bills = DistributorQueries.indirectCustomerBill(
                CHANNEL, BillingCalendar.TENCENT, DIST, ALICE, List.of(billA(R1), billA(R2)));
        assertThat(bills).extracting(BillA::reseller).containsExactly(R1, R2);
        assertThat(bills.get(0).rows()).extracting(BillARow::id).containsExactly(LineItemId.of("a1"));
        assertThat(bills.get(1).rows()).extracting(BillARow::id).containsExactly(LineItemId.of("a2"));
    }

    @Test
    void endCustomersOf_intersectsTheCustomerListWithTheBillRowsByOwner() {
        var byCustomer = DistributorQueries.endCustomersOf(CHANNEL, BillingCalendar.TENCENT, DIST, billA(R1));
        assertThat(byCustomer).containsOnlyKeys(ALICE, BOB);
        assertThat(byCustomer.get(BOB)).extracting(BillARow::id).containsExactly(LineItemId.of("b1"));
    }

    @Test
    void queries_outsideTheDistributorsResellers_failLoudly() {
        assertThatThrownBy(() -> DistributorQueries.indirectCustomerBill(
                        CHANNEL, BillingCalendar.TENCENT, DIST, CAROL, List.of(billA(R1), billA(R2))))
                .isInstanceOf(OutOfScopeException.class)
                .hasMessageContaining("customer 100000000103 is not an end customer of a reseller of 200000000001");
        assertThatThrownBy(() -> DistributorQueries.endCustomersOf(CHANNEL, BillingCalendar.TENCENT, DIST, billA(DIST)))
                .isInstanceOf(OutOfScopeException.class);
        assertThatThrownBy(() -> DistributorQueries.endCustomersOf(CHANNEL, BillingCalendar.TENCENT, R1, billA(R2)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is a reseller, not a distributor");
    }
}
