package org.cloudbilling.reseller.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cloudbilling.reseller.Fixtures.CNY;
import static org.cloudbilling.reseller.Fixtures.cny;
import static org.cloudbilling.reseller.Fixtures.t;
import static org.cloudbilling.reseller.organization.OrgFixtures.HQ;
import static org.cloudbilling.reseller.organization.OrgFixtures.HQ_ADMIN;
import static org.cloudbilling.reseller.organization.OrgFixtures.M1;
import static org.cloudbilling.reseller.organization.OrgFixtures.S1;
import static org.cloudbilling.reseller.organization.OrgFixtures.SUB;
import static org.cloudbilling.reseller.organization.OrgFixtures.SUB_ADMIN;
import static org.cloudbilling.reseller.organization.OrgFixtures.group;

import java.time.Instant;
import java.util.Map;
import org.cloudbilling.core.money.Money;
import org.cloudbilling.reseller.confirmation.Outcome;
import org.cloudbilling.reseller.confirmation.Refusal;
import org.cloudbilling.reseller.view.OutOfScopeException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("ORG-9")
class FundLedgerTest {
    private static final Instant SEP_1 = t("2024-09-01T00:00");
    private static final Instant SEP_5 = t("2024-09-05T00:00");
    private static final Instant SEP_9 = t("2024-09-09T00:00");
    private static final Organization ORG = group(PaymentMode.UNIFIED)
            .grant(HQ_ADMIN, Permission.ALLOCATE_FUNDS, Permission.VIEW_BALANCE)
            .build();
    private static final FundLedger FUNDED = FundLedger.empty(CNY)
            .apply(ORG, FundMovement.topUp(id("t1"), SEP_1, HQ_ADMIN, HQ_ADMIN, cny("1000.00")))
            .state();

    private static MovementId id(String value) {
        return MovementId.of(value);
    }

    @Test
    @Tag("ORG-3")
    void allocate_fromTheGroupAdminToAnEntityAdmin_movesTheAmount() {
        FundLedger after = FUNDED.apply(
                        ORG, FundMovement.allocation(id("a1"), SEP_5, HQ_ADMIN, SUB_ADMIN, cny("300.00")))
                .state();
        assertThat(after.balanceAt(HQ_ADMIN, SEP_5)).isEqualTo(cny("700"));
        assertThat(after.balanceAt(SUB_ADMIN, SEP_5)).isEqualTo(cny("300"));
        assertThat(after.totalAt(SEP_5)).isEqualTo(cny("1000"));
        assertThat(after.movements()).hasSize(2);
        assertThat(FUNDED.balanceAt(SUB_ADMIN, SEP_5)).isEqualTo(cny("0"));
    }

    @Test
    @Tag("ORG-4")
    void allocate_withoutThePermission_isRefused() {
        Organization noGrant = group(PaymentMode.UNIFIED).build();
        Outcome<FundLedger> o =
                FUNDED.apply(noGrant, FundMovement.allocation(id("a1"), SEP_5, HQ_ADMIN, SUB_ADMIN, cny("1")));
        assertThat(o.refusals())
                .containsExactly(new Refusal(
                        Refusal.Reason.PERMISSION_MISSING,
                        "ALLOCATION a1 of 300000000002 at 2024-09-04T16:00:00Z: 300000000001 may not allocate funds: it does not hold"
                                + " ALLOCATE_FUNDS"));
    }

    @Test
    @Tag("ORG-3")
    void allocate_moreThanTheBalanceOrToAMemberOrByAnEntityAdmin_isRefused() {
        assertThat(FUNDED.apply(ORG, FundMovement.allocation(id("a"), SEP_5, HQ_ADMIN, SUB_ADMIN, cny("1000.01")))
                        .isRefusedFor(Refusal.Reason.INSUFFICIENT_FUNDS))
                .isTrue();
        assertThat(FUNDED.apply(ORG, FundMovement.allocation(id("a"), SEP_5, HQ_ADMIN, M1, cny("1")))
                        .isRefusedFor(Refusal.Reason.NOT_AN_ADMIN))
                .isTrue();
        assertThat(FUNDED.apply(ORG, FundMovement.allocation(id("a"), SEP_5, SUB_ADMIN, HQ_ADMIN, cny("1")))
                        .isRefusedFor(Refusal.Reason.NOT_AN_ADMIN))
                .isTrue();
        assertThat(FUNDED.apply(ORG, FundMovement.allocation(id("a"), SEP_5, HQ_ADMIN, SUB_ADMIN, cny("0")))
                        .isRefusedFor(Refusal.Reason.AMOUNT_NOT_POSITIVE))
                .isTrue();
    }

    @Test
    void memberTopUp_consumption_andRefund_moveTheAdminsBalance_byInstant() {
        // M1 (member of HQ, paid for by HQ_ADMIN) tops up 50; 120.50 consumed on the 5th, 20.50 refunded on the 9th
        FundLedger ledger = FUNDED.apply(ORG, FundMovement.topUp(id("t2"), SEP_1, M1, HQ_ADMIN, cny("50.00")))
                .state()
                .apply(ORG, FundMovement.consumption(id("c1"), SEP_5, HQ_ADMIN, cny("120.50")))
                .state()
                .apply(ORG, FundMovement.refund(id("r1"), SEP_9, HQ_ADMIN, cny("20.50")))
                .state();
        assertThat(ledger.balanceAt(HQ_ADMIN, SEP_1)).isEqualTo(cny("1050.00"));
        assertThat(ledger.balanceAt(HQ_ADMIN, SEP_5)).isEqualTo(cny("929.50"));
        assertThat(ledger.balanceAt(HQ_ADMIN, SEP_9)).isEqualTo(cny("950.00"));
        assertThat(ledger.balanceAt(HQ_ADMIN, SEP_1.minusSeconds(1))).isEqualTo(cny("0"));
        assertThat(ledger.balanceAt(M1, SEP_9)).isEqualTo(cny("0"));
    }

    @Test
    @Tag("ORG-8")
    void memberTopUp_ofAnotherEntityOrASelfPayingOne_isRefused() {
        assertThat(FUNDED.apply(ORG, FundMovement.topUp(id("t2"), SEP_5, S1, HQ_ADMIN, cny("5")))
                        .refusals())
                .containsExactly(new Refusal(
                        Refusal.Reason.NOT_A_MEMBER,
                        "TOP_UP t2 of 300000000001 at 2024-09-04T16:00:00Z: 300000000021 is not a member of an entity 300000000001"
                                + " administers"));
        Organization subSelfPaying = ORG.withPaymentMode(SUB, SEP_1, PaymentMode.SELF_PAY);
        assertThat(FUNDED.apply(subSelfPaying, FundMovement.topUp(id("t2"), SEP_5, S1, SUB_ADMIN, cny("5")))
                        .refusals())
                .containsExactly(new Refusal(
                        Refusal.Reason.SELF_PAYING_ENTITY,
                        "TOP_UP t2 of 300000000002 at 2024-09-04T16:00:00Z: entity sub of 300000000021 pays for itself, so 300000000021"
                                + " may not top up 300000000002"));
        assertThat(FUNDED.apply(ORG, FundMovement.topUp(id("t2"), SEP_5, M1, HQ_ADMIN, cny("5")))
                        .isAccepted())
                .isTrue();
        assertThat(ORG.modeOf(HQ, SEP_5)).isEqualTo(PaymentMode.UNIFIED);
    }

    @Test
    void replay_ofTheSameMovement_changesNothing_andAReusedIdIsRefused() {
        FundMovement c1 = FundMovement.consumption(id("c1"), SEP_5, HQ_ADMIN, cny("100.00"));
        FundLedger once = FUNDED.apply(ORG, c1).state();
        assertThat(once.apply(ORG, c1).state()).isEqualTo(once);
        Outcome<FundLedger> reused =
                once.apply(ORG, FundMovement.consumption(id("c1"), SEP_5, HQ_ADMIN, cny("100.01")));
        assertThat(reused.refusals())
                .containsExactly(new Refusal(
                        Refusal.Reason.ID_REUSED,
                        "CONSUMPTION c1 of 300000000001 at 2024-09-04T16:00:00Z: the id was used for another movement, "
                                + c1));
        assertThat(once.balanceAt(HQ_ADMIN, SEP_9)).isEqualTo(cny("900.00"));
    }

    @Test
    void consumption_belowZero_isRefused_unlessANamedCreditPolicyAllowsIt() {
        FundMovement big = FundMovement.consumption(id("c1"), SEP_5, HQ_ADMIN, cny("1200.00"));
        assertThat(FUNDED.apply(ORG, big).isRefusedFor(Refusal.Reason.INSUFFICIENT_FUNDS))
                .isTrue();
        CreditPolicy line = CreditPolicy.of("hq-credit-line", Map.of(HQ_ADMIN, cny("200.00")));
        FundLedger onCredit = FundLedger.empty(CNY, line)
                .apply(ORG, FundMovement.topUp(id("t1"), SEP_1, HQ_ADMIN, HQ_ADMIN, cny("1000.00")))
                .state()
                .apply(ORG, big)
                .state();
        assertThat(onCredit.balanceAt(HQ_ADMIN, SEP_5)).isEqualTo(cny("-200.00"));
        assertThat(onCredit.apply(ORG, FundMovement.consumption(id("c2"), SEP_9, HQ_ADMIN, cny("0.01")))
                        .refusals())
                .extracting(Refusal::message)
                .containsExactly(
                        "CONSUMPTION c2 of 300000000001 at 2024-09-08T16:00:00Z: 300000000001 would hold CNY -200.01 after"
                                + " CONSUMPTION c2 at 2024-09-08T16:00:00Z, below CNY -200.00 under credit policy"
                                + " hq-credit-line");
    }

    @Test
    void lateMovement_thatWouldOverdrawAnEarlierInstant_isRefused() {
        // 1000 on the 1st, 900 consumed on the 9th; an allocation of 200 dated the 5th leaves 800 by the 9th
        FundLedger ledger = FUNDED.apply(ORG, FundMovement.consumption(id("c1"), SEP_9, HQ_ADMIN, cny("900.00")))
                .state();
        assertThat(ledger.apply(ORG, FundMovement.allocation(id("a1"), SEP_5, HQ_ADMIN, SUB_ADMIN, cny("200.00")))
                        .isRefusedFor(Refusal.Reason.INSUFFICIENT_FUNDS))
                .isTrue();
    }

    @Test
    @Tag("ORG-4")
    @Tag("ORG-11")
    void balanceOf_needsViewBalance_exceptForOnesOwn() {
        FundLedger ledger = FUNDED.apply(
                        ORG, FundMovement.allocation(id("a1"), SEP_5, HQ_ADMIN, SUB_ADMIN, cny("300.00")))
                .state();
        assertThat(ledger.balanceOf(ORG, HQ_ADMIN, SUB_ADMIN, SEP_9)).isEqualTo(cny("300.00"));
        assertThat(ledger.balanceOf(ORG, SUB_ADMIN, SUB_ADMIN, SEP_9)).isEqualTo(cny("300.00"));
        Organization noGrant = group(PaymentMode.UNIFIED).build();
        assertThatThrownBy(() -> ledger.balanceOf(noGrant, HQ_ADMIN, SUB_ADMIN, SEP_9))
                .isInstanceOf(OutOfScopeException.class)
                .hasMessage("300000000001 may not view the balance of 300000000002 at 2024-09-08T16:00:00Z: it does"
                        + " not hold VIEW_BALANCE over that account");
        assertThatThrownBy(() -> ledger.balanceOf(ORG, SUB_ADMIN, HQ_ADMIN, SEP_9))
                .isInstanceOf(OutOfScopeException.class);
        assertThat(Money.zero(CNY)).isEqualTo(ledger.balanceAt(M1, SEP_9));
    }
}
