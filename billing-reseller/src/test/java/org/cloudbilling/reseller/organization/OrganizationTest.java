package org.cloudbilling.reseller.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cloudbilling.reseller.Fixtures.ALICE;
import static org.cloudbilling.reseller.Fixtures.R1;
import static org.cloudbilling.reseller.Fixtures.channel;
import static org.cloudbilling.reseller.Fixtures.cny;
import static org.cloudbilling.reseller.Fixtures.prepaid;
import static org.cloudbilling.reseller.Fixtures.t;
import static org.cloudbilling.reseller.Fixtures.usage;
import static org.cloudbilling.reseller.organization.OrgFixtures.HQ;
import static org.cloudbilling.reseller.organization.OrgFixtures.HQ_ADMIN;
import static org.cloudbilling.reseller.organization.OrgFixtures.M1;
import static org.cloudbilling.reseller.organization.OrgFixtures.M2;
import static org.cloudbilling.reseller.organization.OrgFixtures.S1;
import static org.cloudbilling.reseller.organization.OrgFixtures.SUB;
import static org.cloudbilling.reseller.organization.OrgFixtures.SUB_ADMIN;
import static org.cloudbilling.reseller.organization.OrgFixtures.group;

import org.cloudbilling.core.bill.LineItem;
import org.cloudbilling.core.bill.SettlementCycle;
import org.cloudbilling.core.id.OwnerUin;
import org.cloudbilling.core.id.PayerUin;
import org.cloudbilling.core.time.BillingCalendar;
import org.cloudbilling.reseller.channel.AttributedCharge;
import org.cloudbilling.reseller.channel.Attribution;
import org.cloudbilling.reseller.channel.AttributionContext;
import org.cloudbilling.reseller.channel.Channel;
import org.cloudbilling.reseller.confirmation.Outcome;
import org.cloudbilling.reseller.confirmation.Refusal;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

class OrganizationTest {
    private static final OwnerUin NEWCOMER = OwnerUin.of("300000000031");
    private static final Channel CHANNEL = channel().bound(ALICE, R1, t("2024-08-01T00:00"));

    private static JoinApplication application(OwnerUin account, String verifiedName, String balance, int pending) {
        return new JoinApplication(account, SUB, verifiedName, cny(balance), pending);
    }

    /** The organization with NEWCOMER joined to the subsidiary on 2024-09-10 00:00. */
    private static Organization joined(PaymentMode mode) {
        return group(mode)
                .build()
                .join(application(NEWCOMER, "Example Sub Ltd", "0", 0), CHANNEL, t("2024-09-10T00:00"))
                .state();
    }

    private static AttributedCharge attribute(Organization org, LineItem.Builder item) {
        return Attribution.attribute(
                item.build(),
                AttributionContext.of(BillingCalendar.TENCENT, CHANNEL).withPayOnBehalf(org));
    }

    @Test
    @Tag("ORG-1")
    @Tag("ORG-3")
    void unifiedPayment_theEntityAdminPaysItsMembers() {
        Organization org = group(PaymentMode.UNIFIED).build();
        AttributedCharge m1 =
                attribute(org, usage("u1", M1, SettlementCycle.HOURLY, "2024-09-02T00:00", "2024-09-02T01:00", "1"));
        AttributedCharge s1 =
                attribute(org, usage("u2", S1, SettlementCycle.HOURLY, "2024-09-02T00:00", "2024-09-02T01:00", "1"));
        assertThat(m1.payer()).isEqualTo(PayerUin.of(HQ_ADMIN.value()));
        assertThat(m1.paidOnBehalf()).isTrue();
        assertThat(s1.payer()).isEqualTo(PayerUin.of(SUB_ADMIN.value()));
    }

    @Test
    @Tag("ORG-1")
    void selfPay_eachMemberPaysItsOwn() {
        Organization org = group(PaymentMode.SELF_PAY).build();
        AttributedCharge m1 = attribute(
                org,
                usage("u1", M1, SettlementCycle.HOURLY, "2024-09-02T00:00", "2024-09-02T01:00", "1")
                        .payerUin(PayerUin.of(HQ_ADMIN.value())));
        assertThat(m1.payer()).isEqualTo(PayerUin.of(M1.value()));
        assertThat(m1.paidOnBehalf()).isFalse();
    }

    @Test
    @Tag("ATTR-4")
    void payOnBehalf_feeCyclesBeforeJoiningStayWithTheMember_evenWhenDataArrivesLate() {
        Organization org = joined(PaymentMode.UNIFIED);
        AttributedCharge before = attribute(
                org,
                usage("h1", NEWCOMER, SettlementCycle.HOURLY, "2024-09-09T23:00", "2024-09-10T00:00", "1")
                        .payerUin(PayerUin.of(SUB_ADMIN.value()))
                        .deductionTime(t("2024-09-12T03:00")));
        AttributedCharge after = attribute(
                org, usage("h2", NEWCOMER, SettlementCycle.HOURLY, "2024-09-10T00:00", "2024-09-10T01:00", "1"));
        AttributedCharge straddling = attribute(
                org, usage("d1", NEWCOMER, SettlementCycle.DAILY, "2024-09-09T12:00", "2024-09-10T12:00", "24"));
        assertThat(before.payer()).isEqualTo(PayerUin.of(NEWCOMER.value()));
        assertThat(after.payer()).isEqualTo(PayerUin.of(SUB_ADMIN.value()));
        assertThat(straddling.payer()).isEqualTo(PayerUin.of(NEWCOMER.value()));
    }

    @Test
    @Tag("ATTR-4")
    void payOnBehalf_prepaidByOrderTime_andNonMembersKeepTheirPayer() {
        Organization org = joined(PaymentMode.UNIFIED);
        AttributedCharge ordered = attribute(
                org, prepaid("p1", NEWCOMER, "2024-09-15T00:00", "2024-09-15T00:00", "2024-10-15T00:00", "30"));
        assertThat(ordered.payer()).isEqualTo(PayerUin.of(SUB_ADMIN.value()));
        AttributedCharge outsider = attribute(
                org,
                usage("x", ALICE, SettlementCycle.HOURLY, "2024-09-02T00:00", "2024-09-02T01:00", "1")
                        .payerUin(PayerUin.of("999")));
        assertThat(outsider.payer()).isEqualTo(PayerUin.of("999"));
        Organization gone = org.left(NEWCOMER, t("2024-09-20T00:00"));
        AttributedCharge afterLeaving = attribute(
                gone, usage("h3", NEWCOMER, SettlementCycle.HOURLY, "2024-09-21T00:00", "2024-09-21T01:00", "1"));
        assertThat(afterLeaving.payer()).isEqualTo(PayerUin.of(NEWCOMER.value()));
    }

    @Test
    @Tag("ORG-3")
    void memberships_areIntervals_joinedAndLeft() {
        Organization org = joined(PaymentMode.UNIFIED).left(NEWCOMER, t("2024-09-20T00:00"));
        assertThat(org.entityOf(NEWCOMER, t("2024-09-09T23:59"))).isEmpty();
        assertThat(org.entityOf(NEWCOMER, t("2024-09-10T00:00"))).contains(SUB);
        assertThat(org.entityOf(NEWCOMER, t("2024-09-20T00:00"))).isEmpty();
        assertThat(org.entityOf(SUB_ADMIN, t("2024-01-01T00:00"))).contains(SUB);
        assertThatThrownBy(() -> org.left(NEWCOMER, t("2024-09-25T00:00")))
                .hasMessageContaining("has no open membership");
    }

    @Test
    @Tag("ORG-5")
    void join_unifiedPayment_checksEntityBalancePendingOrdersAndResellers() {
        Organization org = group(PaymentMode.UNIFIED).build();
        Outcome<Organization> refused =
                org.join(application(NEWCOMER, "Someone Else Ltd", "-0.01", 2), CHANNEL, t("2024-09-10T00:00"));
        assertThat(refused.refusals())
                .extracting(Refusal::reason)
                .containsExactly(
                        Refusal.Reason.DIFFERENT_VERIFIED_ENTITY,
                        Refusal.Reason.NEGATIVE_BALANCE,
                        Refusal.Reason.PENDING_ORDERS);
        assertThat(org.join(application(ALICE, "Example Sub Ltd", "0", 0), CHANNEL, t("2024-09-10T00:00"))
                        .isRefusedFor(Refusal.Reason.RESELLER_ACCOUNT))
                .isTrue();
        OwnerUin resellerAccount = OwnerUin.of(R1.value());
        assertThat(org.join(application(resellerAccount, "Example Sub Ltd", "0", 0), CHANNEL, t("2024-09-10T00:00"))
                        .isRefusedFor(Refusal.Reason.RESELLER_ACCOUNT))
                .isTrue();
        assertThat(org.join(application(M1, "Example Sub Ltd", "0", 0), CHANNEL, t("2024-09-10T00:00"))
                        .isRefusedFor(Refusal.Reason.ALREADY_MEMBER))
                .isTrue();
        assertThat(org.join(application(NEWCOMER, "Example Sub Ltd", "0", 0), CHANNEL, t("2024-09-10T00:00"))
                        .isAccepted())
                .isTrue();
    }

    @Test
    @Tag("ORG-5")
    void join_selfPay_onlyRefusesResellerAccounts() {
        Organization org = group(PaymentMode.SELF_PAY).build();
        assertThat(org.join(application(NEWCOMER, "Someone Else Ltd", "-5", 1), CHANNEL, t("2024-09-10T00:00"))
                        .isAccepted())
                .isTrue();
        assertThat(org.join(application(ALICE, "Example Sub Ltd", "0", 0), CHANNEL, t("2024-09-10T00:00"))
                        .isRefusedFor(Refusal.Reason.RESELLER_ACCOUNT))
                .isTrue();
    }

    @Test
    @Tag("ORG-4")
    void permits_operationWithoutItsPermission_isRefused() {
        Organization org = group(PaymentMode.SELF_PAY)
                .grant(HQ_ADMIN, Permission.VIEW_BILLS, Permission.INVOICE)
                .grant(SUB_ADMIN, Permission.VIEW_BALANCE)
                .build();
        var at = t("2024-09-10T00:00");
        assertThat(org.permits(HQ_ADMIN, Permission.VIEW_BILLS, S1, at)).isTrue();
        assertThat(org.permits(HQ_ADMIN, Permission.INVOICE, M1, at)).isTrue();
        assertThat(org.permits(HQ_ADMIN, Permission.VIEW_BALANCE, M1, at)).isFalse();
        assertThat(org.permits(SUB_ADMIN, Permission.VIEW_BALANCE, S1, at)).isTrue();
        assertThat(org.permits(SUB_ADMIN, Permission.VIEW_BALANCE, M1, at)).isFalse();
        assertThat(org.permits(M1, Permission.VIEW_BILLS, M1, at)).isTrue();
        assertThat(org.permits(M1, Permission.VIEW_BILLS, M2, at)).isFalse();
        assertThat(org.check(HQ_ADMIN, Permission.CONSOLIDATED_BILLING, M1, at))
                .map(Refusal::reason)
                .contains(Refusal.Reason.PERMISSION_MISSING);
        for (Permission p : Permission.values()) {
            assertThat(group(PaymentMode.SELF_PAY).build().permits(HQ_ADMIN, p, M1, at))
                    .as("%s without a grant", p)
                    .isFalse();
        }
    }

    @Test
    @Tag("ORG-2")
    @Tag("ORG-11")
    void inheritsContractDiscount_sameVerifiedEntityWithThePermissionOnly() {
        Organization granted = group(PaymentMode.SELF_PAY)
                .grant(M1, Permission.DISCOUNT_INHERITANCE)
                .grant(S1, Permission.DISCOUNT_INHERITANCE)
                .build();
        var at = t("2024-09-10T00:00");
        assertThat(granted.inheritsContractDiscount(M1, at)).isTrue();
        assertThat(granted.inheritsContractDiscount(S1, at)).isFalse();
        assertThat(group(PaymentMode.SELF_PAY).build().inheritsContractDiscount(M1, at))
                .isFalse();
        assertThat(granted.inheritsContractDiscount(M1, t("2024-07-01T00:00"))).isFalse();
    }

    @Test
    @Tag("ORG-3")
    void build_membershipOfUnknownEntityOrOverlapping_isRefused() {
        assertThatThrownBy(() -> group(PaymentMode.UNIFIED)
                        .membership(new Membership(
                                M1, HQ, org.cloudbilling.reseller.channel.Tenure.since(t("2024-09-01T00:00"))))
                        .build())
                .hasMessageContaining("member 300000000011 has overlapping memberships");
        assertThatThrownBy(() -> group(PaymentMode.UNIFIED)
                        .membership(new Membership(
                                NEWCOMER,
                                EntityId.of("nope"),
                                org.cloudbilling.reseller.channel.Tenure.since(t("2024-09-01T00:00"))))
                        .build())
                .hasMessageContaining("entity nope, which is not an entity of the organization");
    }
}
