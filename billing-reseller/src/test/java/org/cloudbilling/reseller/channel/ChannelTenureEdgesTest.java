package org.cloudbilling.reseller.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cloudbilling.reseller.Fixtures.ALICE;
import static org.cloudbilling.reseller.Fixtures.BOB;
import static org.cloudbilling.reseller.Fixtures.CNY;
import static org.cloudbilling.reseller.Fixtures.DIST;
import static org.cloudbilling.reseller.Fixtures.R1;
import static org.cloudbilling.reseller.Fixtures.R2;
import static org.cloudbilling.reseller.Fixtures.channel;
import static org.cloudbilling.reseller.Fixtures.daily;
import static org.cloudbilling.reseller.Fixtures.t;
import static org.cloudbilling.reseller.Fixtures.usage;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.cloudbilling.core.bill.SettlementCycle;
import org.cloudbilling.core.id.OwnerUin;
import org.cloudbilling.core.time.BillingCalendar;
import org.cloudbilling.core.time.BillingMonth;
import org.cloudbilling.core.time.Interval;
import org.cloudbilling.reseller.bill.BillA;
import org.cloudbilling.reseller.bill.BillStatus;
import org.cloudbilling.reseller.bill.ResellerBills;
import org.cloudbilling.reseller.bill.ResellerSettings;
import org.cloudbilling.reseller.distributor.DistributorQueries;
import org.cloudbilling.reseller.internal.BillTimes;
import org.cloudbilling.reseller.view.OutOfScopeException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The channel's binding history at its edges: bindings given out of order, partners named twice or unknown, and
 * tenures that start or end exactly at midnight in the billing zone (UTC+8) while the default zone is another.
 */
@Tag("RES-1")
class ChannelTenureEdgesTest {
    private static final Binding ALICE_R1 =
            new Binding(ALICE, R1, Tenure.between(t("2024-08-01T00:00"), t("2024-09-10T00:00")));
    private static final Binding ALICE_R2 = new Binding(ALICE, R2, Tenure.since(t("2024-09-10T00:00")));
    private static final Binding BOB_R1 = new Binding(BOB, R1, Tenure.since(t("2024-08-01T00:00")));

    private static Channel.Builder partners() {
        return Channel.builder().distributor(DIST).reseller(R1, DIST).reseller(R2, DIST);
    }

    @Test
    void build_bindingsGivenLatestFirst_areKeptEarliestFirstPerCustomer() {
        Channel c =
                partners().binding(ALICE_R2).binding(BOB_R1).binding(ALICE_R1).build();
        assertThat(c.bindingsOf(ALICE)).containsExactly(ALICE_R1, ALICE_R2);
        assertThat(c.bindings()).containsExactly(ALICE_R1, ALICE_R2, BOB_R1);
        assertThat(c.partnerAt(ALICE, t("2024-09-09T23:59"))).contains(R1);
        assertThat(c.partnerAt(ALICE, t("2024-09-10T00:00"))).contains(R2);
    }

    @Test
    void build_overlappingBindingsGivenApart_isRefused() {
        // Alice's two bindings overlap from 10 to 15 September; Bob's binding lies between them in the input
        Binding overlapping = new Binding(ALICE, R1, Tenure.between(t("2024-08-01T00:00"), t("2024-09-15T00:00")));
        assertThatThrownBy(() -> partners()
                        .binding(ALICE_R2)
                        .binding(BOB_R1)
                        .binding(overlapping)
                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("customer 100000000101 has overlapping bindings");
        // two customers bound at the same time to the same partner is no overlap
        assertThat(partners()
                        .binding(BOB_R1)
                        .binding(new Binding(ALICE, R1, BOB_R1.tenure()))
                        .build()
                        .customersOf(R1, Interval.of(t("2024-09-01T00:00"), t("2024-09-02T00:00"))))
                .containsExactly(ALICE, BOB);
    }

    @Test
    void builder_partnerAddedTwiceOrUnderAReseller_isRefused() {
        assertThatThrownBy(() -> Channel.builder().distributor(DIST).distributor(DIST))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("partner 200000000001 is added twice");
        assertThatThrownBy(() -> partners().reseller(R1, DIST))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("partner 200000000011 is added twice");
        assertThatThrownBy(() -> partners().distributor(R2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("partner 200000000012 is added twice");
        assertThatThrownBy(() -> partners().reseller(PartnerUin.of("200000000021"), R1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("reseller 200000000021 names 200000000011 as its distributor, which is not a distributor"
                        + " of this channel");
    }

    @Test
    void roleOf_unknownPartner_isACallerMistake() {
        PartnerUin stranger = PartnerUin.of("200000000099");
        assertThat(channel().isPartner(stranger)).isFalse();
        assertThatThrownBy(() -> channel().roleOf(stranger))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("200000000099 is not a partner of this channel");
        assertThatThrownBy(() -> channel().distributorOf(stranger))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("200000000099 is not a partner of this channel");
        assertThatThrownBy(() -> channel().resellersOf(R1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("200000000011 is a reseller, not a distributor");
    }

    @Test
    void hasBindings_everBound_staysTrueAfterTheBindingEnds() {
        Channel c = channel().bound(ALICE, R1, t("2024-09-01T00:00")).unbound(ALICE, t("2024-09-02T00:00"));
        assertThat(c.hasBindings(ALICE)).isTrue();
        assertThat(c.hasBindings(BOB)).isFalse();
        assertThat(c.partnerAt(ALICE, t("2024-09-03T00:00"))).isEmpty();
    }

    @Test
    void equals_sameHistoryRecordedInAnotherOrder_isEqual() {
        Channel built =
                partners().binding(BOB_R1).binding(ALICE_R2).binding(ALICE_R1).build();
        Channel moved = channel()
                .bound(ALICE, R1, t("2024-08-01T00:00"))
                .bound(BOB, R1, t("2024-08-01T00:00"))
                .unbound(ALICE, t("2024-09-10T00:00"))
                .bound(ALICE, R2, t("2024-09-10T00:00"));
        assertThat(built).isEqualTo(moved).hasSameHashCodeAs(moved);
        assertThat(built.toString())
                .isEqualTo("Channel[partners=[200000000001, 200000000011, 200000000012], bindings=3]");
        // another partner list with the same bindings, or the same partners with other bindings, differ
        Channel morePartners = Channel.builder()
                .distributor(DIST)
                .reseller(R1, DIST)
                .reseller(R2, DIST)
                .distributor(PartnerUin.of("200000000002"))
                .binding(BOB_R1)
                .binding(ALICE_R2)
                .binding(ALICE_R1)
                .build();
        assertThat(morePartners).isNotEqualTo(built);
        assertThat(partners().binding(BOB_R1).build()).isNotEqualTo(built);
        assertThat(built).isNotEqualTo(built.toString());
    }

    @Test
    void tenure_endNotAfterStart_isRefused() {
        Instant at = t("2024-09-01T00:00");
        assertThatThrownBy(() -> Tenure.between(at, at))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("tenure end 2024-08-31T16:00:00Z is not after its start 2024-08-31T16:00:00Z");
        assertThatThrownBy(() -> Tenure.between(at, at.minusNanos(1))).isInstanceOf(IllegalArgumentException.class);
        assertThat(Tenure.between(at, at.plusNanos(1)).contains(at)).isTrue();
        assertThatThrownBy(() -> channel().bound(ALICE, R1, at).unbound(ALICE, at))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not after its start");
    }

    @Test
    void tenure_endedTwice_isRefused() {
        Tenure ended = Tenure.between(t("2024-09-01T00:00"), t("2024-09-10T00:00"));
        assertThatThrownBy(() -> ended.endedAt(t("2024-09-05T00:00")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("tenure from 2024-08-31T16:00:00Z already ended at 2024-09-09T16:00:00Z");
        assertThat(Tenure.since(t("2024-09-01T00:00")).endedAt(t("2024-09-10T00:00")))
                .isEqualTo(ended);
        assertThat(ended.toString()).isEqualTo("[2024-08-31T16:00:00Z, 2024-09-09T16:00:00Z)");
        assertThat(Tenure.since(t("2024-09-01T00:00")).toString()).isEqualTo("[2024-08-31T16:00:00Z, open)");
    }

    @Test
    @Tag("ATTR-4")
    void tenure_covers_wholeIntervalsOnly_endExclusive() {
        Tenure september10 = Tenure.between(t("2024-09-01T00:00"), t("2024-09-10T00:00"));
        // the last day, ending exactly when the tenure ends
        assertThat(september10.covers(Interval.of(t("2024-09-09T00:00"), t("2024-09-10T00:00"))))
                .isTrue();
        // an hour past the end, an hour before the start
        assertThat(september10.covers(Interval.of(t("2024-09-09T00:00"), t("2024-09-10T01:00"))))
                .isFalse();
        assertThat(september10.covers(Interval.of(t("2024-08-31T23:00"), t("2024-09-01T01:00"))))
                .isFalse();
        assertThat(september10.covers(Interval.of(t("2024-09-01T00:00"), t("2024-09-01T01:00"))))
                .isTrue();
        assertThat(Tenure.since(t("2024-09-01T00:00"))
                        .covers(Interval.of(t("2030-01-01T00:00"), t("2030-02-01T00:00"))))
                .isTrue();
    }

    @Test
    @Tag("ATTR-2")
    @Tag("ATTR-3")
    void customerMovingAtMidnightOnTheFirst_inTheBillingZone_belongsToEachResellerForItsOwnMonth() {
        // 1 October 00:00 UTC+8 is 30 September 16:00 UTC and 13:00 in the default zone (Sao Paulo)
        Instant move = Instant.parse("2024-09-30T16:00:00Z");
        Channel c = channel()
                .bound(ALICE, R1, t("2024-08-01T00:00"))
                .unbound(ALICE, move)
                .bound(ALICE, R2, move);
        assertThat(c.partnerAt(ALICE, move.minusNanos(1))).contains(R1);
        assertThat(c.partnerAt(ALICE, move)).contains(R2);
        BillingCalendar cal = BillingCalendar.TENCENT;
        BillingMonth september = BillingMonth.of(2024, 9);
        BillingMonth october = BillingMonth.of(2024, 10);
        // R2 holds her at September's billing time, so she is on its September customer list; R1 had her for no
        // instant of October
        assertThat(c.customersOf(R1, BillTimes.billingWindow(cal, september))).containsExactly(ALICE);
        assertThat(c.customersOf(R2, BillTimes.billingWindow(cal, september))).containsExactly(ALICE);
        assertThat(c.customersOf(R1, BillTimes.billingWindow(cal, october))).isEmpty();
        assertThat(c.customersOf(R2, BillTimes.billingWindow(cal, october))).containsExactly(ALICE);

        // the last hour of September is settled at the move and the monthly charge billed then: both are R2's
        List<AttributedCharge> charges = Attribution.attribute(
                List.of(
                        usage("last-hour", ALICE, SettlementCycle.HOURLY, "2024-09-30T23:00", "2024-10-01T00:00", "3")
                                .build(),
                        usage("hour-before", ALICE, SettlementCycle.HOURLY, "2024-09-30T22:00", "2024-09-30T23:00", "5")
                                .build(),
                        usage("month", ALICE, SettlementCycle.MONTHLY, "2024-09-01T00:00", "2024-10-01T00:00", "7")
                                .build()),
                AttributionContext.of(cal, c));
        assertThat(charges.stream().map(ch -> ch.partner().orElseThrow()).toList())
                .containsExactly(R2, R1, R2);
        assertThat(charges).extracting(AttributedCharge::month).containsOnly(september);
        assertThat(rowIds(charges, R1, september)).containsExactly("hour-before");
        assertThat(rowIds(charges, R2, september)).containsExactly("last-hour", "month");
    }

    @Test
    @Tag("ATTR-2")
    void customerMovingOnTheLastDay_theDayBeforeStaysWithTheFormerReseller() {
        // Bob moves on 30 September at 12:00; the daily charge of the 29th is settled at 30 September 00:00
        Instant move = t("2024-09-30T12:00");
        Channel c = channel()
                .bound(BOB, R1, t("2024-08-01T00:00"))
                .unbound(BOB, move)
                .bound(BOB, R2, move);
        List<AttributedCharge> charges = Attribution.attribute(
                List.of(daily("d29", BOB, "2024-09-29", "1"), daily("d30", BOB, "2024-09-30", "2")),
                AttributionContext.of(BillingCalendar.TENCENT, c));
        assertThat(rowIds(charges, R1, BillingMonth.of(2024, 9))).containsExactly("d29");
        assertThat(rowIds(charges, R2, BillingMonth.of(2024, 9))).containsExactly("d30");
    }

    private static List<String> rowIds(List<AttributedCharge> charges, PartnerUin reseller, BillingMonth month) {
        return ResellerBills.compute(
                        charges,
                        ResellerSettings.builder()
                                .reseller(reseller)
                                .currency(CNY)
                                .build(),
                        month,
                        BillingCalendar.TENCENT,
                        t("2024-10-06T00:00"),
                        Map.of())
                .billB()
                .rows()
                .stream()
                .map(r -> r.id().value())
                .toList();
    }

    @Test
    @Tag("RES-2")
    void indirectCustomerBill_nullCustomerOrBillsOfDifferentMonths_isACallerMistake() {
        Channel c = channel().bound(ALICE, R1, t("2024-08-01T00:00"));
        BillA september = new BillA(R1, BillingMonth.of(2024, 9), BillStatus.FINAL, CNY, List.of());
        BillA august = new BillA(R1, BillingMonth.of(2024, 8), BillStatus.FINAL, CNY, List.of());
        assertThatThrownBy(() -> DistributorQueries.indirectCustomerBill(
                        c, BillingCalendar.TENCENT, DIST, null, List.of(september)))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("customer");
        assertThatThrownBy(() -> DistributorQueries.indirectCustomerBill(
                        c, BillingCalendar.TENCENT, DIST, ALICE, List.of(september, august)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the bills are of different months: 2024-09 and 2024-08");
        assertThat(DistributorQueries.indirectCustomerBill(c, BillingCalendar.TENCENT, DIST, ALICE, List.of(september)))
                .containsExactly(september);
        OwnerUin direct = OwnerUin.of("100000000199");
        assertThatThrownBy(() -> DistributorQueries.indirectCustomerBill(
                        c, BillingCalendar.TENCENT, DIST, direct, List.of(september)))
                .isInstanceOf(OutOfScopeException.class);
    }
}
