package org.cloudbilling.reseller.organization;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.cloudbilling.core.bill.LineItem;
import org.cloudbilling.core.id.OwnerUin;
import org.cloudbilling.reseller.bill.BillingTagKeys;
import org.cloudbilling.reseller.view.OutOfScopeException;
import org.cloudbilling.reseller.view.Viewer;

/**
 * Consolidated bills as a viewer may see them (ORG-2, ORG-4, ORG-6). Whether a viewer may see a row is decided
 * at the start of the row's fee cycle with {@link Organization#permits}.
 *
 * <ul>
 *   <li>{@link #consolidated}: an admin holding {@link Permission#CONSOLIDATED_BILLING} sees the rows of the
 *       accounts in its scope (the group admin all, an entity admin its entity's).
 *   <li>{@link #memberBill}: a member sees its own bill; another account sees it only with
 *       {@link Permission#VIEW_BILLS} over that member for every row, and never an empty one, so that a
 *       refusal does not tell whether the member has charges; a sibling without it is refused.
 * </ul>
 *
 * <p><b>Tags (ORG-7).</b> An admin paying on behalf of members sees a member's tag keys only as a reseller does
 * (RES-11): under the {@link BillingTagKeys} it has defined, a delay after each definition. This applies to every
 * row of another account whose entity pays on behalf at the start of the row's fee cycle (the case the
 * provider's FAQ describes); a row of the viewer's own, or of a self-paying member, keeps its tags. The overloads
 * without billing tag keys show no such tag.
 *
 * <p>A request outside the viewer's scope throws {@link OutOfScopeException}; it never returns an empty or
 * partial bill silently.
 */
public final class OrganizationViews {
    private OrganizationViews() {}

    /**
     * Returns the consolidated bill as {@code viewer} may see it.
     *
     * @param viewer who asks, not null
     * @param organization the organization, not null
     * @param bill the whole consolidated bill, not null
     * @return the rows in the viewer's scope, never null
     * @throws OutOfScopeException if the viewer is not an admin holding the consolidated-billing permission
     */
    public static ConsolidatedBill consolidated(Viewer viewer, Organization organization, ConsolidatedBill bill) {
        return consolidated(viewer, organization, bill, BillingTagKeys.none(), Instant.MAX);
    }

    /**
     * Returns the consolidated bill as {@code viewer} may see it, member rows paid on behalf showing only the tags
     * under the viewer's billing tag keys as of {@code asOf} (ORG-7).
     *
     * @param viewer who asks, not null
     * @param organization the organization, not null
     * @param bill the whole consolidated bill, not null
     * @param tagKeys the viewer's billing tag keys, not null
     * @param asOf when the bill is produced, for the keys' delay, not null
     * @return the rows in the viewer's scope, never null
     * @throws OutOfScopeException if the viewer is not an admin holding the consolidated-billing permission
     */
    public static ConsolidatedBill consolidated(
            Viewer viewer, Organization organization, ConsolidatedBill bill, BillingTagKeys tagKeys, Instant asOf) {
        requireNonNull(bill, "bill");
        requireNonNull(tagKeys, "tagKeys");
        requireNonNull(asOf, "asOf");
        OwnerUin account = account(viewer, "the consolidated bill");
        if (!organization.isAdmin(account) || !organization.holds(account, Permission.CONSOLIDATED_BILLING)) {
            throw new OutOfScopeException(account + " may not see the consolidated bill of " + bill.month()
                    + ": it is not an admin holding " + Permission.CONSOLIDATED_BILLING);
        }
        return withTags(
                account,
                organization,
                bill.filtered(r -> organization.permits(
                        account,
                        Permission.CONSOLIDATED_BILLING,
                        r.owner(),
                        r.item().feePeriod().start())),
                tagKeys,
                asOf);
    }

    /**
     * Returns {@code member}'s bill as {@code viewer} may see it.
     *
     * @param viewer who asks, not null
     * @param organization the organization, not null
     * @param bill the whole consolidated bill, not null
     * @param member whose bill is asked for, not null
     * @return the member's whole bill, never null
     * @throws OutOfScopeException if the viewer is not the member and may not view every row of the member's
     *     bill, or the bill has no row of the member
     */
    public static ConsolidatedBill memberBill(
            Viewer viewer, Organization organization, ConsolidatedBill bill, OwnerUin member) {
        return memberBill(viewer, organization, bill, member, BillingTagKeys.none(), Instant.MAX);
    }

    /**
     * Returns {@code member}'s bill as {@code viewer} may see it, rows paid on behalf showing only the tags under the
     * viewer's billing tag keys as of {@code asOf} (ORG-7).
     *
     * @param viewer who asks, not null
     * @param organization the organization, not null
     * @param bill the whole consolidated bill, not null
     * @param member whose bill is asked for, not null
     * @param tagKeys the viewer's billing tag keys, not null
     * @param asOf when the bill is produced, for the keys' delay, not null
     * @return the member's whole bill, never null
     * @throws OutOfScopeException as {@link #memberBill(Viewer, Organization, ConsolidatedBill, OwnerUin)}
     */
    public static ConsolidatedBill memberBill(
            Viewer viewer,
            Organization organization,
            ConsolidatedBill bill,
            OwnerUin member,
            BillingTagKeys tagKeys,
            Instant asOf) {
        requireNonNull(member, "member");
        requireNonNull(tagKeys, "tagKeys");
        requireNonNull(asOf, "asOf");
        OwnerUin account = account(viewer, "the bill of " + member);
        if (!account.equals(member) && !organization.holds(account, Permission.VIEW_BILLS)) {
            throw new OutOfScopeException(
                    account + " may not view the bill of " + member + ": it does not hold " + Permission.VIEW_BILLS);
        }
        ConsolidatedBill own = bill.memberBill(member);
        // an empty bill goes to the member alone: otherwise the refusal would tell whether it has charges
        boolean visible = account.equals(member)
                || (!own.rows().isEmpty()
                        && own.rows().stream()
                                .allMatch(r -> organization.permits(
                                        account,
                                        Permission.VIEW_BILLS,
                                        member,
                                        r.item().feePeriod().start())));
        if (!visible) {
            throw new OutOfScopeException(account + " may not view the bill of " + member + " for " + bill.month());
        }
        return withTags(account, organization, own, tagKeys, asOf);
    }

    private static ConsolidatedBill withTags(
            OwnerUin viewer, Organization organization, ConsolidatedBill bill, BillingTagKeys tagKeys, Instant asOf) {
        List<ConsolidatedRow> rows = new ArrayList<>();
        for (ConsolidatedRow row : bill.rows()) {
            boolean paidOnBehalf = !row.owner().equals(viewer)
                    && organization.modeOf(row.entity(), row.item().feePeriod().start()) == PaymentMode.UNIFIED;
            if (paidOnBehalf && !row.item().tags().isEmpty()) {
                LineItem shown = LineItem.builder()
                        .from(row.item())
                        .tags(tagKeys.visible(row.item().tags(), asOf))
                        .build();
                rows.add(new ConsolidatedRow(shown, row.entity()));
            } else {
                rows.add(row);
            }
        }
        return new ConsolidatedBill(bill.month(), bill.currency(), rows);
    }

    private static OwnerUin account(Viewer viewer, String what) {
        requireNonNull(viewer, "viewer");
        if (viewer instanceof Viewer.Account a) {
            return a.uin();
        }
        throw new OutOfScopeException(viewer + " is a channel partner and may not see " + what);
    }
}
