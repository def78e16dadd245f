package org.cloudbilling.reseller.confirmation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cloudbilling.reseller.Fixtures.ALICE;
import static org.cloudbilling.reseller.Fixtures.BOB;
import static org.cloudbilling.reseller.Fixtures.R1;
import static org.cloudbilling.reseller.Fixtures.R2;
import static org.cloudbilling.reseller.Fixtures.channel;
import static org.cloudbilling.reseller.Fixtures.cny;

import java.util.List;
import java.util.Map;
import org.cloudbilling.core.money.Money;
import org.cloudbilling.core.time.BillingMonth;
import org.cloudbilling.reseller.Fixtures;
import org.cloudbilling.reseller.bill.BillStatus;
import org.cloudbilling.reseller.bill.CustomerBill;
import org.cloudbilling.reseller.bill.CustomerMonth;
import org.cloudbilling.reseller.channel.Channel;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Revisions of one customer bill (RES-12): the same customer, reseller and month with another total or status.
 * Every expected amount is worked out by hand from the rule: credit for a customer-month never exceeds its latest
 * total, what was confirmed of an earlier revision counts for the next, and only an issued bill is confirmed.
 */
@Tag("RES-12")
class ConfirmationRevisionsTest {
    private static final Channel CHANNEL = channel();
    private static final BillingMonth SEPTEMBER = BillingMonth.of(2024, 9);
    private static final CreditState OPENING = CreditState.opening(R1, cny("1000.00"));

    private static CustomerBill alice(BillStatus status, String total) {
        return new CustomerBill(ALICE, R1, SEPTEMBER, status, cny(total));
    }

    private static CreditState confirmWhole(CreditState state, CustomerBill bill) {
        return Confirmation.confirmWhole(state, CHANNEL, R1, bill).state();
    }

    @Test
    void confirmWhole_restatedHigher_confirmsOnlyTheDifference_notTheWholeTotalAgain() {
        CreditState first = confirmWhole(OPENING, alice(BillStatus.FINAL, "100.00"));
        CreditState restated = confirmWhole(first, alice(BillStatus.FINAL, "120.00"));
        // 100.00 then the 20.00 the restatement added: 120.00 in all, the pool 1000.00 - 120.00
        assertThat(restated.creditOf(ALICE)).isEqualTo(cny("120.00"));
        assertThat(restated.pool()).isEqualTo(cny("880.00"));
        assertThat(restated.confirmedOf(new CustomerMonth(ALICE, R1, SEPTEMBER)))
                .isEqualTo(cny("120.00"));
        assertThat(restated.confirmed()).hasSize(1);
    }

    @Test
    void confirmPartial_ofARevision_countsWhatWasConfirmedOfTheEarlierOne() {
        CreditState part = Confirmation.confirmPartial(
                        OPENING, CHANNEL, R1, alice(BillStatus.FINAL, "100.00"), cny("60.00"))
                .state();
        CustomerBill restated = alice(BillStatus.FINAL, "90.00");
        assertThat(part.unconfirmedOf(restated)).isEqualTo(cny("30.00"));
        Outcome<CreditState> tooMuch = Confirmation.confirmPartial(part, CHANNEL, R1, restated, cny("30.01"));
        assertThat(tooMuch.refusals())
                .containsExactly(new Refusal(
                        Refusal.Reason.EXCEEDS_UNCONFIRMED,
                        "CNY 30.01 exceeds the CNY 30.00 left unconfirmed of the bill of 100000000101 for 2024-09"));
        CreditState rest = Confirmation.confirmPartial(part, CHANNEL, R1, restated, cny("30.00"))
                .state();
        assertThat(rest.creditOf(ALICE)).isEqualTo(cny("90.00"));
        assertThat(rest.pool()).isEqualTo(cny("910.00"));
    }

    @Test
    void confirm_provisionalBill_isRefusedAsNotIssued_andChangesNothing() {
        CustomerBill provisional = alice(BillStatus.PROVISIONAL, "100.00");
        Outcome<CreditState> whole = Confirmation.confirmWhole(OPENING, CHANNEL, R1, provisional);
        assertThat(whole.refusals())
                .containsExactly(new Refusal(
                        Refusal.Reason.NOT_ISSUED,
                        "the bill of 100000000101 for 2024-09 is PROVISIONAL: only an issued bill can be confirmed"));
        assertThat(Confirmation.confirmPartial(OPENING, CHANNEL, R1, provisional, cny("1.00"))
                        .refusals())
                .extracting(Refusal::reason)
                .containsExactly(Refusal.Reason.NOT_ISSUED);
        assertThat(Confirmation.confirmBatch(OPENING, CHANNEL, R1, List.of(provisional))
                        .refusals())
                .extracting(Refusal::reason)
                .containsExactly(Refusal.Reason.NOT_ISSUED);
        // a provisional revision of a bill already partly confirmed is refused too
        CreditState part = Confirmation.confirmPartial(
                        OPENING, CHANNEL, R1, alice(BillStatus.FINAL, "100.00"), cny("10.00"))
                .state();
        assertThat(Confirmation.confirmWhole(part, CHANNEL, R1, provisional).refusals())
                .extracting(Refusal::reason)
                .containsExactly(Refusal.Reason.NOT_ISSUED);
        assertThat(alice(BillStatus.PROVISIONAL, "1").isIssued()).isFalse();
        assertThat(alice(BillStatus.FINAL, "1").isIssued()).isTrue();
    }

    @Test
    void confirm_revisionBelowWhatWasConfirmed_isRefusedNamingTheOverConfirmedAmount_andKeepsTheCredit() {
        CreditState all = confirmWhole(OPENING, alice(BillStatus.FINAL, "100.00"));
        CustomerBill lowered = alice(BillStatus.FINAL, "80.00");
        assertThat(all.overConfirmedOf(lowered)).isEqualTo(cny("20.00"));
        assertThat(all.unconfirmedOf(lowered)).isEqualTo(Money.zero(Fixtures.CNY));
        Outcome<CreditState> o = Confirmation.confirmWhole(all, CHANNEL, R1, lowered);
        assertThat(o.refusals())
                .containsExactly(new Refusal(
                        Refusal.Reason.OVER_CONFIRMED,
                        "the bill of 100000000101 for 2024-09 is over-confirmed by CNY 20.00: CNY 100.00 was"
                                + " confirmed, its total is now CNY 80.00; nothing more can be confirmed"));
        assertThat(Confirmation.confirmPartial(all, CHANNEL, R1, lowered, cny("0.01"))
                        .refusals())
                .extracting(Refusal::reason)
                .containsExactly(Refusal.Reason.OVER_CONFIRMED);
        // the credit returned is not taken back
        assertThat(all.creditOf(ALICE)).isEqualTo(cny("100.00"));
        assertThat(all.pool()).isEqualTo(cny("900.00"));
    }

    @Test
    void confirm_revisionToARefundMonth_overConfirmsAllThatWasConfirmed() {
        CreditState part = Confirmation.confirmPartial(
                        OPENING, CHANNEL, R1, alice(BillStatus.FINAL, "100.00"), cny("40.00"))
                .state();
        CustomerBill refunds = alice(BillStatus.FINAL, "-5.00");
        // a negative total returns no credit: all 40.00 confirmed is over, not 45.00
        assertThat(part.overConfirmedOf(refunds)).isEqualTo(cny("40.00"));
        assertThat(Confirmation.confirmWhole(part, CHANNEL, R1, refunds).refusals())
                .extracting(Refusal::message)
                .containsExactly("the bill of 100000000101 for 2024-09 is over-confirmed by CNY 40.00: CNY 40.00 was"
                        + " confirmed, its total is now CNY -5.00; nothing more can be confirmed");
        // a refund month never confirmed has nothing to confirm and nothing over-confirmed
        assertThat(OPENING.overConfirmedOf(refunds)).isEqualTo(Money.zero(Fixtures.CNY));
        assertThat(Confirmation.confirmWhole(OPENING, CHANNEL, R1, refunds).refusals())
                .containsExactly(new Refusal(
                        Refusal.Reason.AMOUNT_NOT_POSITIVE,
                        "nothing to confirm: the bill of 100000000101 for 2024-09 has a total of CNY -5.00"));
    }

    @Test
    void confirm_revisionBackUpAfterOverConfirmation_confirmsOnlyAboveWhatWasConfirmed() {
        CreditState all = confirmWhole(OPENING, alice(BillStatus.FINAL, "100.00"));
        assertThat(Confirmation.confirmWhole(all, CHANNEL, R1, alice(BillStatus.FINAL, "80.00"))
                        .isAccepted())
                .isFalse();
        CreditState up = confirmWhole(all, alice(BillStatus.FINAL, "130.00"));
        assertThat(up.creditOf(ALICE)).isEqualTo(cny("130.00"));
        assertThat(up.pool()).isEqualTo(cny("870.00"));
    }

    @Test
    @Tag("RES-7")
    void confirm_fullyConfirmedBill_isRefusedAsAlreadyConfirmed_wholeOrPartOrInABatch() {
        CustomerBill bill = alice(BillStatus.FINAL, "100.00");
        CreditState all = confirmWhole(OPENING, bill);
        String message =
                "the bill of 100000000101 for 2024-09 is confirmed in full: CNY 100.00 of its total CNY 100.00";
        assertThat(Confirmation.confirmWhole(all, CHANNEL, R1, bill).refusals())
                .containsExactly(new Refusal(Refusal.Reason.ALREADY_CONFIRMED, message));
        assertThat(Confirmation.confirmPartial(all, CHANNEL, R1, bill, cny("0.01"))
                        .refusals())
                .containsExactly(new Refusal(Refusal.Reason.ALREADY_CONFIRMED, message));
        assertThat(Confirmation.confirmBatch(all, CHANNEL, R1, List.of(bill)).refusals())
                .extracting(Refusal::reason)
                .containsExactly(Refusal.Reason.ALREADY_CONFIRMED);
        // the same total written at another scale is the same bill, confirmed in full
        assertThat(Confirmation.confirmWhole(all, CHANNEL, R1, alice(BillStatus.FINAL, "100.00000000"))
                        .refusals())
                .extracting(Refusal::reason)
                .containsExactly(Refusal.Reason.ALREADY_CONFIRMED);
    }

    @Test
    void confirmBatch_twoRevisionsOfOneBill_isACallerMistake() {
        assertThatThrownBy(() -> Confirmation.confirmBatch(
                        OPENING,
                        CHANNEL,
                        R1,
                        List.of(alice(BillStatus.FINAL, "100.00"), alice(BillStatus.FINAL, "120.00"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("batch names the bill of 100000000101 for 2024-09 twice");
    }

    @Test
    void confirmedOf_isPerCustomerResellerAndMonth() {
        CreditState all = confirmWhole(OPENING, alice(BillStatus.FINAL, "100.00"));
        assertThat(all.confirmedOf(alice(BillStatus.FINAL, "7.00"))).isEqualTo(cny("100.00"));
        assertThat(all.confirmedOf(new CustomerBill(ALICE, R1, BillingMonth.of(2024, 10), BillStatus.FINAL, cny("1"))))
                .isEqualTo(Money.zero(Fixtures.CNY));
        assertThat(all.confirmedOf(new CustomerBill(BOB, R1, SEPTEMBER, BillStatus.FINAL, cny("100.00"))))
                .isEqualTo(Money.zero(Fixtures.CNY));
        assertThat(all.confirmedOf(new CustomerMonth(ALICE, R2, SEPTEMBER))).isEqualTo(Money.zero(Fixtures.CNY));
        assertThat(alice(BillStatus.FINAL, "1").customerMonth()).isEqualTo(new CustomerMonth(ALICE, R1, SEPTEMBER));
    }

    @Test
    void creditState_confirmedAmountsThatCannotBe_areRefused() {
        CustomerMonth september = new CustomerMonth(ALICE, R1, SEPTEMBER);
        assertThatThrownBy(() -> new CreditState(R1, cny("1"), Map.of(), Map.of(september, cny("0"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the bill of 100000000101 for 2024-09 is confirmed for CNY 0, not a positive amount");
        assertThatThrownBy(() -> new CreditState(R1, cny("1"), Map.of(), Map.of(september, Money.of("USD", "1"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the bill of 100000000101 for 2024-09 is confirmed in USD, the pool in CNY");
        assertThatThrownBy(() -> new CreditState(
                        R1, cny("1"), Map.of(), Map.of(new CustomerMonth(ALICE, R2, SEPTEMBER), cny("1"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the bill of 100000000101 for 2024-09 is billed by 200000000012, not by 200000000011");
    }

    @Test
    void unconfirmedAndOverConfirmedOf_billOfAnotherResellerOrCurrency_isACallerMistake() {
        CustomerBill ofR2 = new CustomerBill(ALICE, R2, SEPTEMBER, BillStatus.FINAL, cny("1.00"));
        CustomerBill inUsd = new CustomerBill(ALICE, R1, SEPTEMBER, BillStatus.FINAL, Money.of("USD", "1.00"));
        for (java.util.function.Function<CustomerBill, Money> query :
                List.<java.util.function.Function<CustomerBill, Money>>of(
                        OPENING::unconfirmedOf, OPENING::overConfirmedOf)) {
            assertThatThrownBy(() -> query.apply(ofR2))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("the bill of 100000000101 for 2024-09 is billed by 200000000012, not by 200000000011");
            assertThatThrownBy(() -> query.apply(inUsd))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("the bill of 100000000101 for 2024-09 is in USD, the pool in CNY");
        }
    }
}
