package org.cloudbilling.reseller.organization;

import static java.util.Objects.requireNonNull;

import org.cloudbilling.core.id.OwnerUin;
import org.cloudbilling.reseller.OutOfScopeException;
import org.cloudbilling.reseller.Viewer;

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
        requireNonNull(bill, "bill");
        OwnerUin account = account(viewer, "the consolidated bill");
        if (!organization.isAdmin(account) || !organization.holds(account, Permission.CONSOLIDATED_BILLING)) {
            throw new OutOfScopeException(account + " may not see the consolidated bill of " + bill.month()
                    + ": it is not an admin holding " + Permission.CONSOLIDATED_BILLING);
        }
        return bill.filtered(r -> organization.permits(
                account,
                Permission.CONSOLIDATED_BILLING,
                r.owner(),
                r.item().feePeriod().start()));
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
        requireNonNull(member, "member");
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
        return own;
    }

    private static OwnerUin account(Viewer viewer, String what) {
        requireNonNull(viewer, "viewer");
        if (viewer instanceof Viewer.Account a) {
            return a.uin();
        }
        throw new OutOfScopeException(viewer + " is a channel partner and may not see " + what);
    }
}
