package org.cloudbilling.reseller.confirmation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cloudbilling.reseller.Fixtures.ALICE;
import static org.cloudbilling.reseller.Fixtures.BOB;
import static org.cloudbilling.reseller.Fixtures.DIST;
import static org.cloudbilling.reseller.Fixtures.R1;
import static org.cloudbilling.reseller.Fixtures.R2;
import static org.cloudbilling.reseller.Fixtures.channel;
import static org.cloudbilling.reseller.Fixtures.cny;

import java.util.List;
import org.cloudbilling.core.time.BillingMonth;
import org.cloudbilling.reseller.bill.BillStatus;
import org.cloudbilling.reseller.bill.CustomerBill;
import org.cloudbilling.reseller.channel.Channel;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

class ConfirmationTest {
    private static final Channel CHANNEL = channel();
    private static final BillingMonth SEPTEMBER = BillingMonth.of(2024, 9);
    private static final CustomerBill ALICE_BILL =
            new CustomerBill(ALICE, R1, SEPTEMBER, BillStatus.FINAL, cny("300.00"));
    private static final CustomerBill BOB_BILL = new CustomerBill(BOB, R1, SEPTEMBER, BillStatus.FINAL, cny("200.00"));
    private static final CreditState OPENING = CreditState.opening(R1, cny("1000.00"));

    @Test
    @Tag("RES-7")
    void confirmWhole_returnsTheTotalToTheCustomer_andReducesThePoolByTheSame() {
        CreditState after =
                Confirmation.confirmWhole(OPENING, CHANNEL, R1, ALICE_BILL).state();
        assertThat(after.creditOf(ALICE)).isEqualTo(cny("300"));
        assertThat(after.pool()).isEqualTo(cny("700"));
        assertThat(after.confirmedOf(ALICE_BILL)).isEqualTo(cny("300"));
        assertThat(OPENING.pool()).isEqualTo(cny("1000"));
    }

    @Test
    @Tag("RES-7")
    void confirmPartial_thenWhole_confirmsTheRestOnly() {
        CreditState partly = Confirmation.confirmPartial(OPENING, CHANNEL, R1, ALICE_BILL, cny("120.00"))
                .state();
        assertThat(partly.creditOf(ALICE)).isEqualTo(cny("120"));
        CreditState whole =
                Confirmation.confirmWhole(partly, CHANNEL, R1, ALICE_BILL).state();
        assertThat(whole.creditOf(ALICE)).isEqualTo(cny("300"));
        assertThat(whole.pool()).isEqualTo(cny("700"));
        Outcome<CreditState> again = Confirmation.confirmWhole(whole, CHANNEL, R1, ALICE_BILL);
        assertThat(again.refusals())
                .containsExactly(
                        new Refusal(
                                Refusal.Reason.ALREADY_CONFIRMED,
                                "the bill of 100000000101 for 2024-09 is confirmed in full: CNY 300.00 of its total CNY 300.00"));
    }

    @Test
    @Tag("RES-7")
    void confirmPartial_moreThanUnconfirmedOrNotPositive_isRefused() {
        assertThat(Confirmation.confirmPartial(OPENING, CHANNEL, R1, ALICE_BILL, cny("300.01"))
                        .isRefusedFor(Refusal.Reason.EXCEEDS_UNCONFIRMED))
                .isTrue();
        assertThat(Confirmation.confirmPartial(OPENING, CHANNEL, R1, ALICE_BILL, cny("0"))
                        .isRefusedFor(Refusal.Reason.AMOUNT_NOT_POSITIVE))
                .isTrue();
        CreditState small = CreditState.opening(R1, cny("50.00"));
        Outcome<CreditState> o = Confirmation.confirmWhole(small, CHANNEL, R1, ALICE_BILL);
        assertThat(o.isRefusedFor(Refusal.Reason.INSUFFICIENT_CREDIT_POOL)).isTrue();
        assertThat(o.refusals().get(0).message()).contains("CNY 300.00 exceeds the credit pool CNY 50.00");
        assertThatThrownBy(o::state).isInstanceOf(IllegalStateException.class);
    }

    @Test
    @Tag("RES-7")
    void confirmBatch_confirmsWholeBillsAllOrNothing() {
        CreditState both = Confirmation.confirmBatch(OPENING, CHANNEL, R1, List.of(ALICE_BILL, BOB_BILL))
                .state();
        assertThat(both.pool()).isEqualTo(cny("500"));
        assertThat(both.creditOf(BOB)).isEqualTo(cny("200"));
        CreditState tight = CreditState.opening(R1, cny("400.00"));
        Outcome<CreditState> none = Confirmation.confirmBatch(tight, CHANNEL, R1, List.of(ALICE_BILL, BOB_BILL));
        assertThat(none.isRefusedFor(Refusal.Reason.INSUFFICIENT_CREDIT_POOL)).isTrue();
        assertThatThrownBy(() -> Confirmation.confirmBatch(OPENING, CHANNEL, R1, List.of(ALICE_BILL, ALICE_BILL)))
                .hasMessageContaining("batch names the bill of 100000000101 for 2024-09 twice");
    }

    @Test
    @Tag("RES-6")
    void confirm_byTheDistributorOfTheCustomersReseller_isRefused() {
        Outcome<CreditState> o = Confirmation.confirmWhole(OPENING, CHANNEL, DIST, ALICE_BILL);
        assertThat(o.isRefusedFor(Refusal.Reason.DISTRIBUTOR_CANNOT_CONFIRM_INDIRECT))
                .isTrue();
        assertThat(o.refusals().get(0).message())
                .isEqualTo("distributor 200000000001 cannot confirm the bill of 100000000101, an end customer of its"
                        + " reseller 200000000011");
        assertThat(Confirmation.confirmPartial(OPENING, CHANNEL, R2, ALICE_BILL, cny("1"))
                        .isRefusedFor(Refusal.Reason.NOT_THE_CUSTOMERS_PARTNER))
                .isTrue();
    }

    @Test
    void confirm_billOfAnotherReseller_isACallerMistake() {
        CustomerBill r2Bill = new CustomerBill(ALICE, R2, SEPTEMBER, BillStatus.FINAL, cny("1"));
        assertThatThrownBy(() -> Confirmation.confirmWhole(OPENING, CHANNEL, R1, r2Bill))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is billed by 200000000012, not by 200000000011");
    }
}
