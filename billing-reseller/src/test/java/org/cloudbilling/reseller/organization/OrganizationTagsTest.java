package org.cloudbilling.reseller.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cloudbilling.reseller.Fixtures.CNY;
import static org.cloudbilling.reseller.Fixtures.t;
import static org.cloudbilling.reseller.Fixtures.usage;
import static org.cloudbilling.reseller.organization.OrgFixtures.HQ_ADMIN;
import static org.cloudbilling.reseller.organization.OrgFixtures.M1;
import static org.cloudbilling.reseller.organization.OrgFixtures.S1;
import static org.cloudbilling.reseller.organization.OrgFixtures.SUB;
import static org.cloudbilling.reseller.organization.OrgFixtures.group;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.cloudbilling.core.bill.LineItem;
import org.cloudbilling.core.bill.SettlementCycle;
import org.cloudbilling.core.id.OwnerUin;
import org.cloudbilling.core.id.TagKey;
import org.cloudbilling.core.time.BillingCalendar;
import org.cloudbilling.core.time.BillingMonth;
import org.cloudbilling.reseller.bill.BillingTagKeys;
import org.cloudbilling.reseller.view.Viewer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** A group admin paying on behalf sees members' tag keys only under its billing tag keys, as a reseller (ORG-7). */
@Tag("ORG-7")
class OrganizationTagsTest {
    private static final TagKey PROJECT = TagKey.of("project");
    private static final TagKey TEAM = TagKey.of("team");
    /** HQ pays on behalf of M1; SUB's members pay for themselves. */
    private static final Organization ORG = group(PaymentMode.UNIFIED)
            .paymentMode(SUB, t("2024-01-01T00:00"), PaymentMode.SELF_PAY)
            .grant(HQ_ADMIN, Permission.CONSOLIDATED_BILLING, Permission.VIEW_BILLS)
            .build();

    private static final BillingTagKeys KEYS = BillingTagKeys.of(Map.of(PROJECT, t("2024-10-01T00:00")));

    private static LineItem tagged(String id, OwnerUin owner) {
        return usage(id, owner, SettlementCycle.DAILY, "2024-09-02T00:00", "2024-09-02T23:00", "1")
                .putTag(PROJECT, "gaming")
                .putTag(TEAM, "a")
                .build();
    }

    private static final ConsolidatedBill BILL = ConsolidatedBill.consolidate(
            ORG,
            BillingCalendar.TENCENT,
            BillingMonth.of(2024, 9),
            CNY,
            List.of(tagged("m1", M1), tagged("s1", S1), tagged("hq", HQ_ADMIN)));

    private static Map<TagKey, String> tagsOf(ConsolidatedBill bill, OwnerUin owner) {
        return bill.memberBill(owner).rows().get(0).item().tags();
    }

    @Test
    void consolidated_memberRowsPaidOnBehalf_showOnlyBillingTagKeys_oneDayAfterTheirDefinition() {
        Viewer admin = Viewer.account(HQ_ADMIN);
        Instant sameDay = t("2024-10-01T23:59");
        Instant nextDay = t("2024-10-02T00:00");
        assertThat(tagsOf(OrganizationViews.consolidated(admin, ORG, BILL, KEYS, sameDay), M1))
                .isEmpty();
        ConsolidatedBill later = OrganizationViews.consolidated(admin, ORG, BILL, KEYS, nextDay);
        assertThat(tagsOf(later, M1)).containsExactly(Map.entry(PROJECT, "gaming"));
        // the admin's own row and a self-paying member's keep their tags
        assertThat(tagsOf(later, HQ_ADMIN)).containsOnlyKeys(PROJECT, TEAM);
        assertThat(tagsOf(later, S1)).containsOnlyKeys(PROJECT, TEAM);
    }

    @Test
    void consolidated_withoutBillingTagKeys_showsNoTagOfAMemberPaidOnBehalf() {
        ConsolidatedBill seen = OrganizationViews.consolidated(Viewer.account(HQ_ADMIN), ORG, BILL);
        assertThat(tagsOf(seen, M1)).isEmpty();
        assertThat(seen.total()).isEqualTo(BILL.total());
    }

    @Test
    void memberBill_theAdminSeesTheKeysItDefined_theMemberItselfSeesAll() {
        Instant nextDay = t("2024-10-02T00:00");
        assertThat(tagsOf(OrganizationViews.memberBill(Viewer.account(HQ_ADMIN), ORG, BILL, M1, KEYS, nextDay), M1))
                .containsExactly(Map.entry(PROJECT, "gaming"));
        assertThat(tagsOf(OrganizationViews.memberBill(Viewer.account(M1), ORG, BILL, M1), M1))
                .containsOnlyKeys(PROJECT, TEAM);
    }
}
