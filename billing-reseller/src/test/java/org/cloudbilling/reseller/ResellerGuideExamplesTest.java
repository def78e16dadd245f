package org.cloudbilling.reseller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cloudbilling.reseller.Fixtures.BOB;
import static org.cloudbilling.reseller.Fixtures.CNY;
import static org.cloudbilling.reseller.Fixtures.DIST;
import static org.cloudbilling.reseller.Fixtures.R1;
import static org.cloudbilling.reseller.Fixtures.daily;
import static org.cloudbilling.reseller.Fixtures.usage;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.cloudbilling.core.bill.LineItem;
import org.cloudbilling.core.id.OwnerUin;
import org.cloudbilling.core.id.PayerUin;
import org.cloudbilling.core.money.Money;
import org.cloudbilling.core.time.BillingCalendar;
import org.cloudbilling.core.time.BillingMonth;
import org.cloudbilling.reseller.bill.BillStatus;
import org.cloudbilling.reseller.bill.CustomerBill;
import org.cloudbilling.reseller.bill.ResellerBills;
import org.cloudbilling.reseller.bill.ResellerMonth;
import org.cloudbilling.reseller.bill.ResellerSettings;
import org.cloudbilling.reseller.channel.AttributedCharge;
import org.cloudbilling.reseller.channel.Attribution;
import org.cloudbilling.reseller.channel.AttributionContext;
import org.cloudbilling.reseller.channel.Channel;
import org.cloudbilling.reseller.confirmation.Confirmation;
import org.cloudbilling.reseller.confirmation.CreditState;
import org.cloudbilling.reseller.confirmation.Outcome;
import org.cloudbilling.reseller.confirmation.Refusal;
import org.cloudbilling.reseller.organization.Entity;
import org.cloudbilling.reseller.organization.EntityId;
import org.cloudbilling.reseller.organization.JoinApplication;
import org.cloudbilling.reseller.organization.Organization;
import org.cloudbilling.reseller.organization.PaymentMode;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The examples of docs/reseller.md ("Confirming a bill, step by step" and "An organization member's charges from
 * before it joined"), run as they are written there. Each expected value is worked out in the guide from the rules.
 */
class ResellerGuideExamplesTest {
    private static final Channel CHANNEL = Channel.builder()
            .distributor(DIST)
            .reseller(R1, DIST)
            .build()
            .bound(BOB, R1, Instant.parse("2024-08-01T00:00:00+08:00"));
    private static final ResellerSettings R1_SETTINGS =
            ResellerSettings.builder().reseller(R1).currency(CNY).build();

    /** Bob's September bill from R1 computed at {@code asOf} from the charges known then. */
    private static CustomerBill bobsSeptember(List<LineItem> charges, String asOf) {
        List<AttributedCharge> attributed =
                Attribution.attribute(charges, AttributionContext.of(BillingCalendar.TENCENT, CHANNEL));
        ResellerMonth month = ResellerBills.compute(
                attributed,
                R1_SETTINGS,
                BillingMonth.of(2024, 9),
                BillingCalendar.TENCENT,
                Instant.parse(asOf),
                Map.of());
        return month.billB().customerBill(BOB);
    }

    @Test
    @Tag("RES-7")
    @Tag("RES-9")
    @Tag("RES-12")
    void confirmingABill_stepByStep() {
        // --- begin example: confirmation (docs/reseller.md) ---
        CreditState credit = CreditState.opening(R1, Money.of("CNY", "1000.00"));

        // 3 October: September is not issued yet; b-2's usage has not arrived
        CustomerBill provisional =
                bobsSeptember(List.of(daily("b-1", BOB, "2024-09-10", "120.00")), "2024-10-03T09:00:00+08:00");
        assertThat(provisional.status()).isEqualTo(BillStatus.PROVISIONAL);
        assertThat(provisional.total()).isEqualTo(Money.of("CNY", "120.00"));
        assertThat(Confirmation.confirmWhole(credit, CHANNEL, R1, provisional).refusals())
                .extracting(Refusal::reason)
                .containsExactly(Refusal.Reason.NOT_ISSUED);

        // 6 October: issued on the 5th (UTC+8), with b-2's late usage
        List<LineItem> issued =
                List.of(daily("b-1", BOB, "2024-09-10", "120.00"), daily("b-2", BOB, "2024-09-30", "80.00"));
        CustomerBill fin = bobsSeptember(issued, "2024-10-06T09:00:00+08:00");
        assertThat(fin.status()).isEqualTo(BillStatus.FINAL);
        assertThat(fin.total()).isEqualTo(Money.of("CNY", "200.00"));

        // part of it, then the rest
        credit = Confirmation.confirmPartial(credit, CHANNEL, R1, fin, Money.of("CNY", "150.00"))
                .state();
        assertThat(credit.pool()).isEqualTo(Money.of("CNY", "850.00"));
        credit = Confirmation.confirmWhole(credit, CHANNEL, R1, fin).state(); // the 50.00 left
        assertThat(credit.pool()).isEqualTo(Money.of("CNY", "800.00"));
        assertThat(credit.creditOf(BOB)).isEqualTo(Money.of("CNY", "200.00"));
        assertThat(Confirmation.confirmWhole(credit, CHANNEL, R1, fin).refusals())
                .extracting(Refusal::reason)
                .containsExactly(Refusal.Reason.ALREADY_CONFIRMED);

        // 20 October: b-2 is delivered again, corrected to 50.00; September is restated to 170.00
        CustomerBill restated = bobsSeptember(
                List.of(daily("b-1", BOB, "2024-09-10", "120.00"), daily("b-2", BOB, "2024-09-30", "50.00")),
                "2024-10-20T09:00:00+08:00");
        assertThat(restated.total()).isEqualTo(Money.of("CNY", "170.00"));
        assertThat(restated.customerMonth()).isEqualTo(fin.customerMonth()); // the same bill, revised
        assertThat(credit.overConfirmedOf(restated)).isEqualTo(Money.of("CNY", "30.00"));
        Outcome<CreditState> again = Confirmation.confirmWhole(credit, CHANNEL, R1, restated);
        assertThat(again.refusals())
                .extracting(Refusal::message)
                .containsExactly("the bill of 100000000102 for 2024-09 is over-confirmed by CNY 30.00: CNY 200.00 was"
                        + " confirmed, its total is now CNY 170.00; nothing more can be confirmed");
        assertThat(credit.creditOf(BOB)).isEqualTo(Money.of("CNY", "200.00")); // not taken back
        // --- end example ---
    }

    @Test
    @Tag("ATTR-4")
    @Tag("ORG-1")
    void organizationMember_chargesFromBeforeItJoined_stayWithTheMember() {
        // --- begin example: organization (docs/reseller.md) ---
        OwnerUin groupAdmin = OwnerUin.of("300000000001");
        OwnerUin dora = OwnerUin.of("300000000031");
        EntityId hq = EntityId.of("hq");
        Organization group = Organization.builder(groupAdmin, PaymentMode.UNIFIED)
                .entity(new Entity(hq, groupAdmin, "Example Group Ltd"))
                .build();
        Instant joined = Instant.parse("2024-09-10T00:00:00+08:00");
        group = group.join(
                        new JoinApplication(dora, hq, "Example Group Ltd", Money.of("CNY", "0.00"), 0),
                        Channel.builder().build(),
                        joined)
                .state();

        LineItem beforeLate = usage("d-1", dora, "2024-09-09", "24.00")
                .payerUin(PayerUin.of(groupAdmin.value())) // the provider's late row names the admin
                .deductionTime(Instant.parse("2024-09-12T03:00:00+08:00"))
                .build();
        LineItem after = daily("d-2", dora, "2024-09-10", "30.00");
        List<AttributedCharge> charges = Attribution.attribute(
                List.of(beforeLate, after),
                AttributionContext.of(BillingCalendar.TENCENT, Channel.builder().build())
                        .withPayOnBehalf(group));

        // the 9 September cycle ended at the joining instant: the member's own, whenever its data arrived
        assertThat(charges.get(0).payer()).isEqualTo(PayerUin.of(dora.value()));
        assertThat(charges.get(0).paidOnBehalf()).isFalse();
        // the 10 September cycle lies within the membership: the admin pays it
        assertThat(charges.get(1).payer()).isEqualTo(PayerUin.of(groupAdmin.value()));
        assertThat(charges.get(1).paidOnBehalf()).isTrue();
        // --- end example ---
    }
}
