package org.cloudbilling.reseller.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cloudbilling.reseller.Fixtures.CNY;
import static org.cloudbilling.reseller.Fixtures.cny;
import static org.cloudbilling.reseller.organization.OrgFixtures.HQ_ADMIN;
import static org.cloudbilling.reseller.organization.OrgFixtures.M1;
import static org.cloudbilling.reseller.organization.OrgFixtures.SUB_ADMIN;
import static org.cloudbilling.reseller.organization.OrgFixtures.group;

import org.cloudbilling.reseller.Outcome;
import org.cloudbilling.reseller.Refusal;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("ORG-3")
class FundLedgerTest {
    private static final Organization ORG = group(PaymentMode.UNIFIED)
            .grant(HQ_ADMIN, Permission.ALLOCATE_FUNDS)
            .build();
    private static final FundLedger FUNDED = FundLedger.empty(CNY).toppedUp(HQ_ADMIN, cny("1000.00"));

    @Test
    void allocate_fromTheGroupAdminToAnEntityAdmin_movesTheAmount() {
        FundLedger after =
                FUNDED.allocate(ORG, HQ_ADMIN, SUB_ADMIN, cny("300.00")).state();
        assertThat(after.balanceOf(HQ_ADMIN)).isEqualTo(cny("700"));
        assertThat(after.balanceOf(SUB_ADMIN)).isEqualTo(cny("300"));
        assertThat(after.total()).isEqualTo(cny("1000"));
        assertThat(after.entries()).hasSize(2);
        assertThat(FUNDED.balanceOf(SUB_ADMIN)).isEqualTo(cny("0"));
    }

    @Test
    @Tag("ORG-4")
    void allocate_withoutThePermission_isRefused() {
        Organization noGrant = group(PaymentMode.UNIFIED).build();
        Outcome<FundLedger> o = FUNDED.allocate(noGrant, HQ_ADMIN, SUB_ADMIN, cny("1"));
        assertThat(o.refusals())
                .containsExactly(new Refusal(Refusal.Reason.PERMISSION_MISSING, HQ_ADMIN + " may not allocate funds"));
    }

    @Test
    void allocate_moreThanTheBalanceOrToAMemberOrByAnEntityAdmin_isRefused() {
        assertThat(FUNDED.allocate(ORG, HQ_ADMIN, SUB_ADMIN, cny("1000.01"))
                        .isRefusedFor(Refusal.Reason.INSUFFICIENT_FUNDS))
                .isTrue();
        assertThat(FUNDED.allocate(ORG, HQ_ADMIN, M1, cny("1")).isRefusedFor(Refusal.Reason.NOT_AN_ADMIN))
                .isTrue();
        assertThat(FUNDED.allocate(ORG, SUB_ADMIN, HQ_ADMIN, cny("1")).isRefusedFor(Refusal.Reason.NOT_AN_ADMIN))
                .isTrue();
        assertThat(FUNDED.allocate(ORG, HQ_ADMIN, SUB_ADMIN, cny("0")).isRefusedFor(Refusal.Reason.AMOUNT_NOT_POSITIVE))
                .isTrue();
        assertThatThrownBy(() -> FUNDED.toppedUp(HQ_ADMIN, cny("-1"))).hasMessageContaining("is not positive");
    }
}
