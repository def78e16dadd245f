package org.cloudbilling.reseller.view;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import org.cloudbilling.core.id.OwnerUin;
import org.cloudbilling.core.time.BillingCalendar;
import org.cloudbilling.reseller.bill.BillA;
import org.cloudbilling.reseller.bill.BillB;
import org.cloudbilling.reseller.bill.BillBRow;
import org.cloudbilling.reseller.channel.Channel;
import org.cloudbilling.reseller.channel.PartnerUin;
import org.cloudbilling.reseller.internal.BillTimes;

/**
 * Bill A and Bill B as a viewer may see them.
 *
 * <ul>
 *   <li>Bill A: the reseller itself and its distributor; nobody else, and never an account (end customers never
 *       see reseller cost fields).
 *   <li>Bill B: the reseller and its distributor see all of it; an end customer sees only its own rows, without
 *       the reseller-perspective columns, and only if it has rows in the bill or was bound to the reseller during
 *       the month or at its billing time; another reseller sees nothing.
 * </ul>
 *
 * <p>A request outside the viewer's scope throws {@link OutOfScopeException}.
 */
public final class ScopedViews {
    private ScopedViews() {}

    /**
     * Returns Bill A as {@code viewer} may see it.
     *
     * @param viewer who asks, not null
     * @param channel the channel, not null
     * @param bill the bill, not null
     * @return the bill, never null
     * @throws OutOfScopeException if the viewer is neither the bill's reseller nor its distributor
     */
    public static BillA billA(Viewer viewer, Channel channel, BillA bill) {
        requireNonNull(bill, "bill");
        if (isPartnerOrDistributor(viewer, channel, bill.reseller())) {
            return bill;
        }
        throw new OutOfScopeException(viewer + " may not see Bill A of " + bill.reseller() + " for " + bill.month());
    }

    /**
     * Returns Bill B as {@code viewer} may see it.
     *
     * @param viewer who asks, not null
     * @param channel the channel, not null
     * @param calendar the provider's calendar, to cut the month, not null
     * @param bill the bill, not null
     * @return the whole bill for its reseller and distributor; the customer's own rows, without reseller cost
     *     columns, for an end customer; never null
     * @throws OutOfScopeException for any other viewer
     */
    public static BillB billB(Viewer viewer, Channel channel, BillingCalendar calendar, BillB bill) {
        requireNonNull(bill, "bill");
        if (isPartnerOrDistributor(viewer, channel, bill.reseller())) {
            return bill;
        }
        if (viewer instanceof Viewer.Account account) {
            OwnerUin customer = account.uin();
            BillB own = bill.ofCustomer(customer);
            if (!own.rows().isEmpty()
                    || channel.customersOf(bill.reseller(), BillTimes.billingWindow(calendar, bill.month()))
                            .contains(customer)) {
                return new BillB(
                        own.reseller(),
                        own.month(),
                        own.status(),
                        own.currency(),
                        own.rows().stream().map(BillBRow::withoutResellerCost).toList());
            }
        }
        throw new OutOfScopeException(viewer + " may not see Bill B of " + bill.reseller() + " for " + bill.month());
    }

    static boolean isPartnerOrDistributor(Viewer viewer, Channel channel, PartnerUin reseller) {
        requireNonNull(viewer, "viewer");
        requireNonNull(channel, "channel");
        if (viewer instanceof Viewer.Partner partner) {
            return partner.uin().equals(reseller)
                    || (channel.isPartner(reseller)
                            && channel.distributorOf(reseller).equals(Optional.of(partner.uin())));
        }
        return false;
    }
}
