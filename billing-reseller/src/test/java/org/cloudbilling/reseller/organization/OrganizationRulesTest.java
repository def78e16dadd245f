package org.cloudbilling.reseller.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cloudbilling.reseller.Fixtures.ALICE;
import static org.cloudbilling.reseller.Fixtures.CNY;
import static org.cloudbilling.reseller.Fixtures.channel;
import static org.cloudbilling.reseller.Fixtures.cny;
import static org.cloudbilling.reseller.Fixtures.daily;
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

import java.time.Instant;
import java.util.List;
import org.cloudbilling.core.bill.LineItem;
import org.cloudbilling.core.id.OwnerUin;
import org.cloudbilling.core.id.PayerUin;
import org.cloudbilling.core.money.Money;
import org.cloudbilling.core.time.BillingCalendar;
import org.cloudbilling.core.time.BillingMonth;
import org.cloudbilling.reseller.channel.Attribution;
import org.cloudbilling.reseller.channel.AttributionContext;
import org.cloudbilling.reseller.channel.Channel;
import org.cloudbilling.reseller.channel.Tenure;
import org.cloudbilling.reseller.confirmation.Outcome;
import org.cloudbilling.reseller.confirmation.Refusal;
import org.cloudbilling.reseller.view.OutOfScopeException;
import org.cloudbilling.reseller.view.Viewer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The organization's rules at their edges: who is an admin, what one may do on one's own account, scopes over
 * accounts that are not (or no longer) members, joining again, paying prepaid fees on behalf, the fund ledger at
 * its limits, and the consolidated bill's month in the billing zone.
 */
class OrganizationRulesTest {
    private static final OwnerUin NEWCOMER = OwnerUin.of("300000000031");
    private static final Channel CHANNEL = channel();
    private static final Instant AT = t("2024-09-10T00:00");

    private static JoinApplication application(OwnerUin account) {
        return new JoinApplication(account, HQ, "Example Group Ltd", cny("0"), 0);
    }

    @Test
    @Tag("ORG-3")
    void builder_entityAddedTwiceOrBlankName_isRefused() {
        assertThatThrownBy(() -> group(PaymentMode.UNIFIED).entity(new Entity(HQ, M1, "Another Ltd")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("entity hq is added twice");
        assertThatThrownBy(() -> new Entity(EntityId.of("x"), M1, " \t"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("entity x has a blank verified name");
        assertThatThrownBy(() -> new JoinApplication(NEWCOMER, HQ, "Example Group Ltd", cny("0"), -1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("pending orders -1 is negative");
        assertThatThrownBy(() -> group(PaymentMode.UNIFIED).build().join(application(NEWCOMER), CHANNEL, null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("at");
        assertThatThrownBy(() -> group(PaymentMode.UNIFIED)
                        .build()
                        .join(
                                new JoinApplication(NEWCOMER, EntityId.of("nope"), "Example Group Ltd", cny("0"), 0),
                                CHANNEL,
                                AT))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("entity nope is not an entity of the organization");
    }

    @Test
    @Tag("ORG-3")
    void build_twoMembersAtTheSameTime_isNoOverlap_oneMemberTwiceInTurn_isAllowed() {
        Organization org = group(PaymentMode.SELF_PAY)
                .membership(new Membership(NEWCOMER, SUB, Tenure.between(t("2024-01-01T00:00"), t("2024-03-01T00:00"))))
                .membership(new Membership(NEWCOMER, HQ, Tenure.since(t("2024-03-01T00:00"))))
                .build();
        assertThat(org.entityOf(NEWCOMER, t("2024-02-29T23:59"))).contains(SUB);
        assertThat(org.entityOf(NEWCOMER, t("2024-03-01T00:00"))).contains(HQ);
        assertThatThrownBy(() -> group(PaymentMode.SELF_PAY)
                        .membership(new Membership(
                                NEWCOMER, SUB, Tenure.between(t("2024-01-01T00:00"), t("2024-03-02T00:00"))))
                        .membership(new Membership(NEWCOMER, HQ, Tenure.since(t("2024-03-01T00:00"))))
                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("member 300000000031 has overlapping memberships");
    }

    @Test
    @Tag("ORG-1")
    void organization_equalsByEveryPart_andPrintsItsShape() {
        Organization org = group(PaymentMode.UNIFIED)
                .grant(HQ_ADMIN, Permission.VIEW_BILLS)
                .build();
        Organization same = group(PaymentMode.UNIFIED)
                .grant(HQ_ADMIN, Permission.VIEW_BILLS)
                .build();
        assertThat(org).isEqualTo(same).hasSameHashCodeAs(same);
        assertThat(org.mode()).isEqualTo(PaymentMode.UNIFIED);
        assertThat(org.memberships()).extracting(Membership::member).containsExactly(M1, M2, S1);
        assertThat(org.toString())
                .isEqualTo("Organization[admin=300000000001, mode=UNIFIED, entities=[hq, sub], memberships=3]");
        assertThat(org)
                .isNotEqualTo(group(PaymentMode.SELF_PAY)
                        .grant(HQ_ADMIN, Permission.VIEW_BILLS)
                        .build())
                .isNotEqualTo(group(PaymentMode.UNIFIED).build())
                .isNotEqualTo(group(PaymentMode.UNIFIED)
                        .grant(HQ_ADMIN, Permission.VIEW_BILLS)
                        .entity(new Entity(EntityId.of("third"), NEWCOMER, "Third Ltd"))
                        .build())
                .isNotEqualTo(org.left(M2, AT))
                .isNotEqualTo(Organization.builder(SUB_ADMIN, PaymentMode.UNIFIED)
                        .entity(new Entity(HQ, HQ_ADMIN, "Example Group Ltd"))
                        .entity(new Entity(SUB, SUB_ADMIN, "Example Sub Ltd"))
                        .membership(new Membership(M1, HQ, Tenure.since(t("2024-08-01T00:00"))))
                        .membership(new Membership(M2, HQ, Tenure.since(t("2024-08-01T00:00"))))
                        .membership(new Membership(S1, SUB, Tenure.since(t("2024-08-01T00:00"))))
                        .grant(HQ_ADMIN, Permission.VIEW_BILLS)
                        .build())
                .isNotEqualTo(org.toString());
        // joining gives the organization that records the membership
        Organization joined = org.join(application(NEWCOMER), CHANNEL, AT).state();
        assertThat(joined)
                .isEqualTo(group(PaymentMode.UNIFIED)
                        .grant(HQ_ADMIN, Permission.VIEW_BILLS)
                        .membership(new Membership(NEWCOMER, HQ, Tenure.since(AT)))
                        .build());
    }

    @Test
    @Tag("ORG-4")
    void permits_ownAccount_viewingOnlyWithoutAGrant() {
        Organization org = group(PaymentMode.SELF_PAY).build();
        assertThat(org.permits(M1, Permission.VIEW_BILLS, M1, AT)).isTrue();
        assertThat(org.permits(M1, Permission.VIEW_BALANCE, M1, AT)).isTrue();
        assertThat(org.check(M1, Permission.VIEW_BALANCE, M1, AT)).isEmpty();
        for (Permission p : List.of(
                Permission.INVOICE,
                Permission.ALLOCATE_FUNDS,
                Permission.CONSOLIDATED_BILLING,
                Permission.DISCOUNT_INHERITANCE)) {
            assertThat(org.permits(M1, p, M1, AT)).as("%s on itself", p).isFalse();
        }
        assertThat(org.check(M1, Permission.INVOICE, M1, AT))
                .contains(new Refusal(
                        Refusal.Reason.PERMISSION_MISSING,
                        "300000000011 may not INVOICE for 300000000011 at 2024-09-09T16:00:00Z"));
    }

    @Test
    @Tag("ORG-4")
    void permits_groupAdmin_reachesMembersAndAdminsButNoOutsider() {
        Organization org = group(PaymentMode.SELF_PAY)
                .grant(HQ_ADMIN, Permission.INVOICE)
                .grant(SUB_ADMIN, Permission.INVOICE)
                .build();
        assertThat(org.permits(HQ_ADMIN, Permission.INVOICE, S1, AT)).isTrue();
        assertThat(org.permits(HQ_ADMIN, Permission.INVOICE, SUB_ADMIN, AT)).isTrue();
        assertThat(org.permits(HQ_ADMIN, Permission.INVOICE, ALICE, AT)).isFalse();
        assertThat(org.check(HQ_ADMIN, Permission.INVOICE, S1, AT)).isEmpty();
        // an entity admin reaches its own entity only, and no outsider either
        assertThat(org.permits(SUB_ADMIN, Permission.INVOICE, S1, AT)).isTrue();
        assertThat(org.permits(SUB_ADMIN, Permission.INVOICE, M1, AT)).isFalse();
        assertThat(org.permits(SUB_ADMIN, Permission.INVOICE, HQ_ADMIN, AT)).isFalse();
        assertThat(org.permits(SUB_ADMIN, Permission.INVOICE, ALICE, AT)).isFalse();
        // a member that left is out of every scope from its leaving on
        Organization left = org.left(S1, AT);
        assertThat(left.permits(HQ_ADMIN, Permission.INVOICE, S1, AT.minusNanos(1)))
                .isTrue();
        assertThat(left.permits(HQ_ADMIN, Permission.INVOICE, S1, AT)).isFalse();
        assertThat(left.permits(SUB_ADMIN, Permission.INVOICE, S1, AT)).isFalse();
    }

    @Test
    @Tag("ORG-4")
    @Tag("ORG-6")
    void consolidated_memberHoldingThePermission_isStillNoAdmin() {
        Organization org = group(PaymentMode.SELF_PAY)
                .grant(M1, Permission.CONSOLIDATED_BILLING, Permission.VIEW_BILLS)
                .build();
        assertThat(org.isAdmin(M1)).isFalse();
        assertThat(org.isAdmin(HQ_ADMIN)).isTrue();
        assertThat(org.isAdmin(SUB_ADMIN)).isTrue();
        ConsolidatedBill bill = ConsolidatedBill.consolidate(
                org,
                BillingCalendar.TENCENT,
                BillingMonth.of(2024, 9),
                CNY,
                List.of(daily("m2", M2, "2024-09-02", "4")));
        assertThatThrownBy(() -> OrganizationViews.consolidated(Viewer.account(M1), org, bill))
                .isInstanceOf(OutOfScopeException.class)
                .hasMessage("300000000011 may not see the consolidated bill of 2024-09: it is not an admin holding"
                        + " CONSOLIDATED_BILLING");
        // its sibling's bill it may view, holding VIEW_BILLS in the same entity
        assertThat(OrganizationViews.memberBill(Viewer.account(M1), org, bill, M2)
                        .total())
                .isEqualTo(cny("4"));
    }

    @Test
    @Tag("ORG-5")
    void join_alreadyAMemberNowOrLater_isRefused_joiningAgainAfterLeaving_isAccepted() {
        Organization org = group(PaymentMode.UNIFIED).build();
        // an open membership, asked again later
        assertThat(org.join(application(M1), CHANNEL, AT).isRefusedFor(Refusal.Reason.ALREADY_MEMBER))
                .isTrue();
        // an open membership that starts after the instant asked for
        Organization future = group(PaymentMode.UNIFIED)
                .membership(new Membership(NEWCOMER, SUB, Tenure.since(t("2024-10-01T00:00"))))
                .build();
        assertThat(future.join(application(NEWCOMER), CHANNEL, AT).isRefusedFor(Refusal.Reason.ALREADY_MEMBER))
                .isTrue();
        // within a membership that has ended since
        Organization leftLater = org.left(M1, t("2024-09-20T00:00"));
        Outcome<Organization> within = leftLater.join(application(M1), CHANNEL, AT);
        assertThat(within.refusals()).extracting(Refusal::reason).containsExactly(Refusal.Reason.ALREADY_MEMBER);
        // after it ended
        Organization again =
                leftLater.join(application(M1), CHANNEL, t("2024-09-25T00:00")).state();
        assertThat(again.entityOf(M1, t("2024-09-22T00:00"))).isEmpty();
        assertThat(again.entityOf(M1, t("2024-09-25T00:00"))).contains(HQ);
        // another account's open membership does not count
        assertThat(org.join(application(NEWCOMER), CHANNEL, AT).isAccepted()).isTrue();
    }

    @Test
    @Tag("ATTR-4")
    @Tag("ORG-1")
    void payOnBehalf_prepaid_byOrderTimeEvenWhenTheTermOutlivesTheMembership() {
        Organization org = group(PaymentMode.UNIFIED).build().left(S1, t("2024-09-20T00:00"));
        // ordered on the 15th while a member, for a month that ends after leaving: the admin pays
        LineItem ordered = prepaid("p1", S1, "2024-09-15T00:00", "2024-09-15T00:00", "2024-10-15T00:00", "30")
                .build();
        assertThat(payer(org, ordered)).isEqualTo(PayerUin.of(SUB_ADMIN.value()));
        // ordered before joining, for a term wholly within the membership: the member pays
        Organization late = group(PaymentMode.UNIFIED)
                .membership(new Membership(NEWCOMER, SUB, Tenure.since(t("2024-09-01T00:00"))))
                .build();
        LineItem early = prepaid("p2", NEWCOMER, "2024-08-25T00:00", "2024-09-05T00:00", "2024-10-05T00:00", "30")
                .build();
        assertThat(payer(late, early)).isEqualTo(PayerUin.of(NEWCOMER.value()));
    }

    private static PayerUin payer(Organization org, LineItem item) {
        return Attribution.attribute(
                        item,
                        AttributionContext.of(BillingCalendar.TENCENT, CHANNEL).withPayOnBehalf(org))
                .payer();
    }

    @Test
    @Tag("ORG-3")
    @Tag("ORG-9")
    void fundLedger_allocatingTheWholeBalance_leavesZero_neverLess() {
        Organization org = group(PaymentMode.UNIFIED)
                .grant(HQ_ADMIN, Permission.ALLOCATE_FUNDS)
                .build();
        FundMovement topUp = FundMovement.topUp(MovementId.of("t1"), AT, HQ_ADMIN, HQ_ADMIN, cny("100.00"));
        FundMovement all = FundMovement.allocation(MovementId.of("a1"), AT, HQ_ADMIN, SUB_ADMIN, cny("100.00"));
        FundLedger emptied =
                FundLedger.empty(CNY).apply(org, topUp).state().apply(org, all).state();
        assertThat(emptied.balanceAt(HQ_ADMIN, AT)).isEqualTo(Money.zero(CNY));
        assertThat(emptied.balanceAt(SUB_ADMIN, AT)).isEqualTo(cny("100.00"));
        Outcome<FundLedger> more =
                emptied.apply(org, FundMovement.allocation(MovementId.of("a2"), AT, HQ_ADMIN, SUB_ADMIN, cny("0.01")));
        assertThat(more.refusals())
                .containsExactly(new Refusal(
                        Refusal.Reason.INSUFFICIENT_FUNDS,
                        "ALLOCATION a2 of 300000000002 at 2024-09-09T16:00:00Z: 300000000001 would hold CNY -0.01 after ALLOCATION a2"
                                + " at 2024-09-09T16:00:00Z, below CNY 0 under credit policy never-below-zero"));
        assertThat(emptied.totalAt(AT)).isEqualTo(cny("100.00"));
        assertThat(emptied.movements()).containsExactly(topUp, all);
    }

    @Test
    @Tag("ORG-3")
    @Tag("ORG-9")
    void fundLedger_amountNotPositiveOrInAnotherCurrency_isRefused_andChangesNothing() {
        Organization org = group(PaymentMode.UNIFIED)
                .grant(HQ_ADMIN, Permission.ALLOCATE_FUNDS)
                .build();
        FundLedger funded = FundLedger.empty(CNY)
                .apply(org, FundMovement.topUp(MovementId.of("t1"), AT, HQ_ADMIN, HQ_ADMIN, cny("100.00")))
                .state();
        assertThat(funded.apply(org, FundMovement.topUp(MovementId.of("t2"), AT, HQ_ADMIN, HQ_ADMIN, cny("0")))
                        .refusals())
                .containsExactly(new Refusal(
                        Refusal.Reason.AMOUNT_NOT_POSITIVE,
                        "TOP_UP t2 of 300000000001 at 2024-09-09T16:00:00Z: the amount CNY 0 is not positive"));
        assertThat(funded.apply(
                                org,
                                FundMovement.topUp(MovementId.of("t3"), AT, HQ_ADMIN, HQ_ADMIN, Money.of("USD", "5")))
                        .refusals())
                .containsExactly(new Refusal(
                        Refusal.Reason.CURRENCY_MISMATCH,
                        "TOP_UP t3 of 300000000001 at 2024-09-09T16:00:00Z: the amount USD 5 is not in the ledger's"
                                + " currency CNY"));
        assertThat(funded.apply(
                                org,
                                FundMovement.allocation(
                                        MovementId.of("a1"), AT, HQ_ADMIN, SUB_ADMIN, Money.of("USD", "5")))
                        .isRefusedFor(Refusal.Reason.CURRENCY_MISMATCH))
                .isTrue();
        assertThat(funded.balanceAt(HQ_ADMIN, AT)).isEqualTo(cny("100.00"));
        assertThat(funded.movements()).hasSize(1);
    }

    @Test
    @Tag("ORG-6")
    void consolidate_monthIsTakenInTheBillingZone_andMembersInAnotherCurrencyAreRefused() {
        Organization org = group(PaymentMode.SELF_PAY).build();
        List<LineItem> items = List.of(
                // the last day of September in UTC+8
                daily("sep30", M1, "2024-09-30", "1"),
                // 1 October 00:00 UTC+8: still 30 September in UTC and in the default zone, but October's
                daily("oct1", M1, "2024-10-01", "2"),
                // 1 September 00:00 UTC+8: 31 August in UTC, but September's
                daily("sep1", M2, "2024-09-01", "4"),
                // an outsider in another currency is left out, not refused
                usage("out", ALICE, "2024-09-03", "8")
                        .listCost(Money.of("USD", "8"))
                        .totalCost(Money.of("USD", "8"))
                        .build());
        ConsolidatedBill september =
                ConsolidatedBill.consolidate(org, BillingCalendar.TENCENT, BillingMonth.of(2024, 9), CNY, items);
        assertThat(september.rows()).extracting(r -> r.item().id().value()).containsExactly("sep30", "sep1");
        assertThat(september.total()).isEqualTo(cny("5"));
        LineItem inUsd = usage("usd", S1, "2024-09-03", "1")
                .listCost(Money.of("USD", "1"))
                .totalCost(Money.of("USD", "1"))
                .build();
        assertThatThrownBy(() -> ConsolidatedBill.consolidate(
                        org, BillingCalendar.TENCENT, BillingMonth.of(2024, 9), CNY, List.of(inUsd)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("line item usd is in USD, the consolidated bill in CNY");
    }
}
