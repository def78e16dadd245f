package org.cloudbilling.reseller.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cloudbilling.reseller.Fixtures.ALICE;
import static org.cloudbilling.reseller.Fixtures.CNY;
import static org.cloudbilling.reseller.Fixtures.cny;
import static org.cloudbilling.reseller.Fixtures.daily;
import static org.cloudbilling.reseller.organization.OrgFixtures.HQ;
import static org.cloudbilling.reseller.organization.OrgFixtures.HQ_ADMIN;
import static org.cloudbilling.reseller.organization.OrgFixtures.M1;
import static org.cloudbilling.reseller.organization.OrgFixtures.M2;
import static org.cloudbilling.reseller.organization.OrgFixtures.S1;
import static org.cloudbilling.reseller.organization.OrgFixtures.SUB;
import static org.cloudbilling.reseller.organization.OrgFixtures.SUB_ADMIN;
import static org.cloudbilling.reseller.organization.OrgFixtures.group;

import java.util.List;
import org.cloudbilling.core.bill.LineItem;
import org.cloudbilling.core.time.BillingCalendar;
import org.cloudbilling.core.time.BillingMonth;
import org.cloudbilling.reseller.view.OutOfScopeException;
import org.cloudbilling.reseller.view.Viewer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

class ConsolidatedBillTest {
    private static final BillingMonth SEPTEMBER = BillingMonth.of(2024, 9);
    private static final Organization ORG = group(PaymentMode.SELF_PAY)
            .grant(HQ_ADMIN, Permission.CONSOLIDATED_BILLING, Permission.VIEW_BILLS)
            .grant(SUB_ADMIN, Permission.CONSOLIDATED_BILLING)
            .grant(M2, Permission.VIEW_BILLS)
            .build();
    private static final List<LineItem> ITEMS = List.of(
            daily("m1a", M1, "2024-09-01", "10.50"),
            daily("m1b", M1, "2024-09-02", "-2.25"),
            daily("m2", M2, "2024-09-02", "4"),
            daily("s1", S1, "2024-09-02", "7"),
            daily("adm", SUB_ADMIN, "2024-09-02", "1"),
            daily("out", ALICE, "2024-09-02", "99"),
            daily("oct", M1, "2024-10-02", "99"));
    private static final ConsolidatedBill BILL =
            ConsolidatedBill.consolidate(ORG, BillingCalendar.TENCENT, SEPTEMBER, CNY, ITEMS);

    @Test
    @Tag("ORG-6")
    void consolidate_keepsEachRowsOwner_withTotalsPerMemberAndEntity() {
        assertThat(BILL.rows()).extracting(ConsolidatedRow::owner).containsExactly(M1, M1, M2, S1, SUB_ADMIN);
        assertThat(BILL.totalsByMember())
                .containsExactly(
                        java.util.Map.entry(SUB_ADMIN, cny("1")),
                        java.util.Map.entry(M1, cny("8.25")),
                        java.util.Map.entry(M2, cny("4")),
                        java.util.Map.entry(S1, cny("7")));
        assertThat(BILL.totalsByEntity()).containsEntry(HQ, cny("12.25")).containsEntry(SUB, cny("8"));
        assertThat(BILL.total()).isEqualTo(cny("20.25"));
    }

    @Test
    @Tag("ORG-6")
    @Tag("ORG-4")
    void consolidated_adminsWithThePermissionSeeTheirScope_othersAreRefused() {
        assertThat(OrganizationViews.consolidated(Viewer.account(HQ_ADMIN), ORG, BILL))
                .isEqualTo(BILL);
        assertThat(OrganizationViews.consolidated(Viewer.account(SUB_ADMIN), ORG, BILL)
                        .rows())
                .extracting(ConsolidatedRow::owner)
                .containsExactly(S1, SUB_ADMIN);
        assertThatThrownBy(() -> OrganizationViews.consolidated(Viewer.account(M2), ORG, BILL))
                .isInstanceOf(OutOfScopeException.class)
                .hasMessageContaining("it is not an admin holding CONSOLIDATED_BILLING");
    }

    @Test
    @Tag("ORG-2")
    @Tag("ORG-4")
    void memberBill_siblingNeedsTheViewBillsPermission() {
        assertThat(OrganizationViews.memberBill(Viewer.account(M1), ORG, BILL, M1)
                        .total())
                .isEqualTo(cny("8.25"));
        assertThat(OrganizationViews.memberBill(Viewer.account(M2), ORG, BILL, M1)
                        .total())
                .isEqualTo(cny("8.25"));
        assertThatThrownBy(() -> OrganizationViews.memberBill(Viewer.account(M1), ORG, BILL, M2))
                .isInstanceOf(OutOfScopeException.class)
                .hasMessageContaining("does not hold VIEW_BILLS");
        assertThatThrownBy(() -> OrganizationViews.memberBill(Viewer.account(M2), ORG, BILL, S1))
                .isInstanceOf(OutOfScopeException.class)
                .hasMessageContaining("may not view the bill of 300000000021");
        assertThat(OrganizationViews.memberBill(Viewer.account(HQ_ADMIN), ORG, BILL, S1)
                        .total())
                .isEqualTo(cny("7"));
        assertThatThrownBy(() -> OrganizationViews.memberBill(
                        Viewer.partner(org.cloudbilling.reseller.Fixtures.R1), ORG, BILL, S1))
                .isInstanceOf(OutOfScopeException.class);
    }
}
