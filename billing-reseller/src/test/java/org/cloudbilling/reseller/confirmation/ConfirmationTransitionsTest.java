package org.cloudbilling.reseller.confirmation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cloudbilling.reseller.Fixtures.ALICE;
import static org.cloudbilling.reseller.Fixtures.BOB;
import static org.cloudbilling.reseller.Fixtures.R1;
import static org.cloudbilling.reseller.Fixtures.channel;
import static org.cloudbilling.reseller.Fixtures.cny;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cloudbilling.core.money.Money;
import org.cloudbilling.core.time.BillingMonth;
import org.cloudbilling.reseller.Fixtures;
import org.cloudbilling.reseller.bill.BillStatus;
import org.cloudbilling.reseller.bill.CustomerBill;
import org.cloudbilling.reseller.channel.Channel;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Confirmation and credit transitions at their edges (RES-6, RES-7): the exact pool and the exact rest, bills with
 * nothing to confirm, amounts and bills in another currency, and the outcome values that carry the result.
 */
@Tag("RES-7")
class ConfirmationTransitionsTest {
    private static final Channel CHANNEL = channel();
    private static final BillingMonth SEPTEMBER = BillingMonth.of(2024, 9);
    private static final CustomerBill ALICE_BILL =
            new CustomerBill(ALICE, R1, SEPTEMBER, BillStatus.FINAL, cny("300.00"));
    private static final CustomerBill BOB_BILL = new CustomerBill(BOB, R1, SEPTEMBER, BillStatus.FINAL, cny("200.00"));

    @Test
    void confirmWhole_poolExactlyTheBill_isAcceptedAndLeavesThePoolAtZero() {
        CreditState exact = CreditState.opening(R1, cny("300.00"));
        CreditState after =
                Confirmation.confirmWhole(exact, CHANNEL, R1, ALICE_BILL).state();
        assertThat(after.pool()).isEqualTo(Money.zero(Fixtures.CNY));
        assertThat(after.creditOf(ALICE)).isEqualTo(cny("300.00"));
        assertThat(after.totalCredit()).isEqualTo(cny("300.00"));
        // a cent more than the pool is refused, and the state is not touched
        CreditState short1 = CreditState.opening(R1, cny("299.99"));
        Outcome<CreditState> refused = Confirmation.confirmWhole(short1, CHANNEL, R1, ALICE_BILL);
        assertThat(refused.refusals())
                .extracting(Refusal::reason)
                .containsExactly(Refusal.Reason.INSUFFICIENT_CREDIT_POOL);
        assertThat(refused.newState()).isEmpty();
    }

    @Test
    void confirmPartial_exactlyTheRest_isAccepted_aCentMoreIsRefused() {
        CreditState opening = CreditState.opening(R1, cny("1000.00"));
        CreditState partly = Confirmation.confirmPartial(opening, CHANNEL, R1, ALICE_BILL, cny("100.00"))
                .state();
        Outcome<CreditState> tooMuch = Confirmation.confirmPartial(partly, CHANNEL, R1, ALICE_BILL, cny("200.01"));
        assertThat(tooMuch.refusals().get(0).message())
                .isEqualTo(
                        "CNY 200.01 exceeds the CNY 200.00 left unconfirmed of the bill of 100000000101 for 2024-09");
        CreditState rest = Confirmation.confirmPartial(partly, CHANNEL, R1, ALICE_BILL, cny("200.00"))
                .state();
        assertThat(rest.confirmedOf(ALICE_BILL)).isEqualTo(cny("300.00"));
        assertThat(rest.pool()).isEqualTo(cny("700.00"));
        assertThat(rest.confirmedOf(BOB_BILL)).isEqualTo(Money.zero(Fixtures.CNY));
    }

    @Test
    void confirm_billWithNothingToConfirm_isRefused() {
        CreditState opening = CreditState.opening(R1, cny("1000.00"));
        for (String total : List.of("0", "-25.50")) {
            CustomerBill refundOnly = new CustomerBill(BOB, R1, SEPTEMBER, BillStatus.FINAL, cny(total));
            Outcome<CreditState> o = Confirmation.confirmWhole(opening, CHANNEL, R1, refundOnly);
            assertThat(o.isRefusedFor(Refusal.Reason.AMOUNT_NOT_POSITIVE))
                    .as(total)
                    .isTrue();
            assertThat(o.isRefusedFor(Refusal.Reason.EXCEEDS_UNCONFIRMED))
                    .as(total)
                    .isFalse();
        }
        assertThat(Confirmation.confirmPartial(opening, CHANNEL, R1, ALICE_BILL, cny("-1"))
                        .isRefusedFor(Refusal.Reason.AMOUNT_NOT_POSITIVE))
                .isTrue();
    }

    @Test
    void confirmations_neverChangeThePoolPlusCredit() {
        CreditState opening = CreditState.opening(R1, cny("1000.00"));
        CreditState s1 = Confirmation.confirmPartial(opening, CHANNEL, R1, ALICE_BILL, cny("120.00"))
                .state();
        CreditState s2 = Confirmation.confirmWhole(s1, CHANNEL, R1, BOB_BILL).state();
        assertThat(s2.pool()).isEqualTo(cny("680.00"));
        assertThat(s2.customerCredit()).containsOnly(Map.entry(ALICE, cny("120.00")), Map.entry(BOB, cny("200.00")));
        assertThat(s2.totalCredit()).isEqualTo(cny("1000.00"));
        // a state carried over with credit already returned counts it too
        CreditState carried = new CreditState(R1, cny("500.00"), Map.of(ALICE, cny("20.00")), Map.of());
        assertThat(carried.totalCredit()).isEqualTo(cny("520.00"));
    }

    @Test
    void confirmBatch_aLaterBillRefused_returnsItsRefusalAndNoState() {
        CreditState opening = CreditState.opening(R1, cny("250.00"));
        Outcome<CreditState> o = Confirmation.confirmBatch(opening, CHANNEL, R1, List.of(BOB_BILL, ALICE_BILL));
        assertThat(o.newState()).isEmpty();
        assertThat(o.refusals().get(0).message())
                .isEqualTo("CNY 300.00 exceeds the credit pool CNY 50.00 of 200000000011");
        assertThat(Confirmation.confirmBatch(opening, CHANNEL, R1, List.of()).state())
                .isEqualTo(opening);
    }

    @Test
    void confirm_amountOrBillInAnotherCurrency_isACallerMistake() {
        CreditState opening = CreditState.opening(R1, cny("1000.00"));
        assertThatThrownBy(() -> Confirmation.confirmPartial(opening, CHANNEL, R1, ALICE_BILL, Money.of("USD", "1.00")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("amount USD 1.00 is not in the pool's currency CNY");
        assertThatThrownBy(() -> Confirmation.confirmPartial(opening, CHANNEL, R1, ALICE_BILL, null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("amount");
        CustomerBill inUsd = new CustomerBill(ALICE, R1, SEPTEMBER, BillStatus.FINAL, Money.of("USD", "3.00"));
        assertThatThrownBy(() -> Confirmation.confirmWhole(opening, CHANNEL, R1, inUsd))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("bill of 100000000101 is in USD, the pool in CNY");
        assertThatThrownBy(() -> Confirmation.confirmPartial(opening, CHANNEL, R1, inUsd, cny("1.00")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("bill of 100000000101 is in USD, the pool in CNY");
        CustomerBill ofR2 = new CustomerBill(ALICE, Fixtures.R2, SEPTEMBER, BillStatus.FINAL, cny("3.00"));
        assertThatThrownBy(() -> Confirmation.confirmPartial(opening, CHANNEL, R1, ofR2, cny("1.00")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("bill of 100000000101 for 2024-09 is billed by 200000000012, not by 200000000011");
        assertThatThrownBy(() -> new CreditState(R1, cny("1.00"), Map.of(BOB, Money.of("USD", "1.00")), Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("credit of customer 100000000102 is in USD, the pool in CNY");
    }

    @Test
    void outcome_stateAndRefusals_exactlyOneOfThem() {
        Refusal refusal = new Refusal(Refusal.Reason.PERMISSION_MISSING, "no");
        assertThatThrownBy(() -> new Outcome<>(Optional.of("state"), List.of(refusal)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("an outcome has a state or refusals, not both");
        assertThatThrownBy(() -> new Outcome<>(Optional.empty(), List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("an outcome has a state or refusals, not both");
        Outcome<String> refused = Outcome.refused(Refusal.Reason.INSUFFICIENT_FUNDS, "%s short by %s", "A", 2);
        assertThat(refused.refusals()).containsExactly(new Refusal(Refusal.Reason.INSUFFICIENT_FUNDS, "A short by 2"));
        assertThat(refused.isRefusedFor(Refusal.Reason.INSUFFICIENT_FUNDS)).isTrue();
        assertThat(refused.isRefusedFor(Refusal.Reason.PERMISSION_MISSING)).isFalse();
        assertThat(Outcome.accepted("state").isRefusedFor(Refusal.Reason.INSUFFICIENT_FUNDS))
                .isFalse();
        assertThat(refusal.toString()).isEqualTo("PERMISSION_MISSING: no");
        assertThatThrownBy(refused::state)
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("refused: [INSUFFICIENT_FUNDS: A short by 2]");
    }
}
