package org.cloudbilling.reseller.distributor;

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
import static org.cloudbilling.reseller.Fixtures.prepaid;
import static org.cloudbilling.reseller.Fixtures.t;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.cloudbilling.core.bill.ActionType;
import org.cloudbilling.core.bill.LineItem;
import org.cloudbilling.core.id.LineItemId;
import org.cloudbilling.core.id.OwnerUin;
import org.cloudbilling.core.money.Money;
import org.cloudbilling.core.time.BillingCalendar;
import org.cloudbilling.core.time.BillingMonth;
import org.cloudbilling.reseller.bill.BillA;
import org.cloudbilling.reseller.bill.BillARow;
import org.cloudbilling.reseller.bill.ResellerBills;
import org.cloudbilling.reseller.bill.ResellerSettings;
import org.cloudbilling.reseller.bill.RowKind;
import org.cloudbilling.reseller.channel.AttributedCharge;
import org.cloudbilling.reseller.channel.Attribution;
import org.cloudbilling.reseller.channel.AttributionContext;
import org.cloudbilling.reseller.channel.Channel;
import org.cloudbilling.reseller.channel.PartnerUin;
import org.cloudbilling.reseller.view.OutOfScopeException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Alice moves from R1 to R2 on the 10th; Bob stays with R1; Dan is R2's customer all month; Carol is the
 * distributor's own customer; Erin is a direct customer; Frank was R1's customer until 31 August, when he ordered a
 * prepaid September, so that charge is on R1's September Bill A (ATTR-1) though Frank is not on R1's customer list
 * for September. The intersection of RES-2 must leave out every owner but R1's customers of the month.
 */
@Tag("RES-2")
class DistributorQueriesTest {
    private static final OwnerUin DAN = OwnerUin.of("100000000104");
    private static final OwnerUin ERIN = OwnerUin.of("100000000105");
    private static final OwnerUin FRANK = OwnerUin.of("100000000106");
    private static final Channel CHANNEL = channel()
            .bound(ALICE, R1, t("2024-08-01T00:00"))
            .unbound(ALICE, t("2024-09-10T00:00"))
            .bound(ALICE, R2, t("2024-09-10T00:00"))
            .bound(BOB, R1, t("2024-08-01T00:00"))
            .bound(CAROL, DIST, t("2024-08-01T00:00"))
            .bound(DAN, R2, t("2024-08-01T00:00"))
            .bound(FRANK, R1, t("2024-08-01T00:00"))
            .unbound(FRANK, t("2024-08-31T00:00"));
    private static final BillingMonth SEPTEMBER = BillingMonth.of(2024, 9);

    private static BillA billA(PartnerUin reseller) {
        List<LineItem> items = List.of(
                daily("a1", ALICE, "2024-09-02", "10"),
                daily("a2", ALICE, "2024-09-12", "20"),
                daily("b1", BOB, "2024-09-12", "5"),
                daily("c1", CAROL, "2024-09-12", "7"),
                daily("d1", DAN, "2024-09-12", "3"),
                daily("e1", ERIN, "2024-09-12", "11"),
                prepaid("f1", FRANK, "2024-08-25T10:00", "2024-09-01T00:00", "2024-10-01T00:00", "30")
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

    /** Erin's usage as a Bill A row: she is nobody's customer, so no computed Bill A has one. */
    private static BillARow erinsRow() {
        Money eleven = Money.of("CNY", "11");
        Money zero = Money.zero(CNY);
        return new BillARow(
                LineItemId.of("e1"),
                ERIN,
                ActionType.USAGE,
                RowKind.CHARGE,
                eleven,
                zero,
                zero,
                eleven,
                eleven,
                Map.of());
    }

    private static List<LineItemId> ids(List<BillARow> rows) {
        return rows.stream().map(BillARow::id).toList();
    }

    @Test
    void billA_ofR1_holdsARowOfAnOwnerWhoIsNotOnR1sCustomerListForTheMonth() {
        // the fixture's premise, so that the intersection below has something to leave out
        assertThat(ids(billA(R1).rows())).containsExactlyInAnyOrder(id("a1"), id("b1"), id("f1"));
        assertThat(CHANNEL.customersOf(R1, BillingCalendar.TENCENT.interval(SEPTEMBER)))
                .containsExactlyInAnyOrder(ALICE, BOB);
    }

    @Test
    void indirectCustomerBill_byUin_collectsTheRowsFromEachResellerOfTheMonth() {
        List<BillA> bills = DistributorQueries.indirectCustomerBill(
                CHANNEL, BillingCalendar.TENCENT, DIST, ALICE, List.of(billA(R1), billA(R2)));
        assertThat(bills).extracting(BillA::reseller).containsExactly(R1, R2);
        assertThat(bills.get(0).rows()).extracting(BillARow::id).containsExactly(LineItemId.of("a1"));
        assertThat(bills.get(1).rows()).extracting(BillARow::id).containsExactly(LineItemId.of("a2"));
        // Dan, R2's customer: only his own row, from R2's bill, although R1's bill is given too
        List<BillA> dans = DistributorQueries.indirectCustomerBill(
                CHANNEL, BillingCalendar.TENCENT, DIST, DAN, List.of(billA(R1), billA(R2)));
        assertThat(dans).extracting(BillA::reseller).containsExactly(R2);
        assertThat(ids(dans.get(0).rows())).containsExactly(id("d1"));
    }

    @Test
    void endCustomersOf_intersectsTheCustomerListWithTheBillRowsByOwner() {
        var byCustomer = DistributorQueries.endCustomersOf(CHANNEL, BillingCalendar.TENCENT, DIST, billA(R1));
        // Frank's f1 is on the bill, but Frank is not R1's customer in September
        assertThat(byCustomer).containsOnlyKeys(ALICE, BOB);
        assertThat(ids(byCustomer.get(ALICE))).containsExactly(id("a1"));
        assertThat(ids(byCustomer.get(BOB))).containsExactly(id("b1"));
        var r2 = DistributorQueries.endCustomersOf(CHANNEL, BillingCalendar.TENCENT, DIST, billA(R2));
        assertThat(r2).containsOnlyKeys(ALICE, DAN);
        assertThat(ids(r2.get(ALICE))).containsExactly(id("a2"));
    }

    @Test
    void endCustomersOf_billWithRowsOfOtherResellersAndDirectCustomers_keepsOnlyTheResellersCustomers() {
        BillA r1 = billA(R1);
        List<BillARow> mixed = new ArrayList<>(r1.rows());
        mixed.addAll(billA(R2).rowsOf(DAN));
        mixed.addAll(billA(DIST).rowsOf(CAROL));
        mixed.add(erinsRow());
        BillA given = new BillA(R1, SEPTEMBER, r1.status(), CNY, mixed);
        var byCustomer = DistributorQueries.endCustomersOf(CHANNEL, BillingCalendar.TENCENT, DIST, given);
        assertThat(byCustomer).containsOnlyKeys(ALICE, BOB);
        assertThat(ids(byCustomer.get(ALICE))).containsExactly(id("a1"));
        assertThat(ids(byCustomer.get(BOB))).containsExactly(id("b1"));
    }

    private static LineItemId id(String value) {
        return LineItemId.of(value);
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
