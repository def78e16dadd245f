package org.cloudbilling.reseller.distributor;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedMap;
import java.util.Collection;
import java.util.Set;
import org.cloudbilling.core.id.OwnerUin;
import org.cloudbilling.core.time.BillingCalendar;
import org.cloudbilling.core.time.BillingMonth;
import org.cloudbilling.core.time.Interval;
import org.cloudbilling.reseller.bill.BillA;
import org.cloudbilling.reseller.bill.BillARow;
import org.cloudbilling.reseller.channel.Channel;
import org.cloudbilling.reseller.channel.PartnerUin;
import org.cloudbilling.reseller.internal.BillTimes;
import org.cloudbilling.reseller.view.OutOfScopeException;

/**
 * What a distributor reads about its indirect end customers, the customers of its second-level resellers
 * (RES-2): one customer's bill by its UIN, and the bills of all end customers of one second-level reseller,
 * found as the reseller's customer list intersected with the bill rows by owner UIN. The customer list of a
 * month holds the customers bound during the month or at its billing time (00:00 on the 1st of the next month),
 * when monthly charges are attributed.
 *
 * <pre>{@code
 * BillA bill = DistributorQueries.indirectCustomerBill(channel, calendar, DIST, CUSTOMER, resellerBills);
 * }</pre>
 */
public final class DistributorQueries {
    private DistributorQueries() {}

    /**
     * Returns the Bill A rows of indirect end customer {@code customer} for the month of {@code resellerBills},
     * from the bill of each second-level reseller it was bound to during the month.
     *
     * @param channel the channel, not null
     * @param calendar the provider's calendar, not null
     * @param distributor the distributor asking, not null
     * @param customer the end customer's UIN, not null
     * @param resellerBills Bill A of the distributor's second-level resellers for one month, not null
     * @return the customer's rows, one bill per reseller that has any, never null
     * @throws OutOfScopeException if a bill is not of one of the distributor's resellers, or the customer was not
     *     bound to one of them during the month
     * @throws IllegalArgumentException if the bills are of different months or {@code distributor} is not a
     *     distributor
     */
    public static ImmutableList<BillA> indirectCustomerBill(
            Channel channel,
            BillingCalendar calendar,
            PartnerUin distributor,
            OwnerUin customer,
            Collection<BillA> resellerBills) {
        requireNonNull(customer, "customer");
        Set<PartnerUin> resellers = channel.resellersOf(distributor);
        ImmutableList.Builder<BillA> out = ImmutableList.builder();
        boolean bound = false;
        BillingMonth first = null;
        for (BillA bill : resellerBills) {
            checkOwnReseller(distributor, resellers, bill);
            checkArgument(
                    first == null || first.equals(bill.month()),
                    "the bills are of different months: %s and %s",
                    first,
                    bill.month());
            first = bill.month();
            Interval month = BillTimes.billingWindow(calendar, bill.month());
            if (channel.customersOf(bill.reseller(), month).contains(customer)) {
                bound = true;
                out.add(bill.ofOwners(Set.of(customer)));
            }
        }
        if (!bound) {
            throw new OutOfScopeException("customer " + customer + " is not an end customer of a reseller of "
                    + distributor + " in the months asked");
        }
        return out.build();
    }

    /**
     * Returns the rows of every end customer of second-level reseller {@code bill.reseller()} for the bill's
     * month, by customer: the reseller's customers during the month intersected with the bill's owners.
     *
     * @param channel the channel, not null
     * @param calendar the provider's calendar, not null
     * @param distributor the distributor asking, not null
     * @param bill Bill A of one of the distributor's second-level resellers, not null
     * @return the rows by end customer, in customer order, never null
     * @throws OutOfScopeException if the bill's reseller is not one of the distributor's resellers
     */
    public static ImmutableSortedMap<OwnerUin, ImmutableList<BillARow>> endCustomersOf(
            Channel channel, BillingCalendar calendar, PartnerUin distributor, BillA bill) {
        checkOwnReseller(distributor, channel.resellersOf(distributor), bill);
        Set<OwnerUin> customers = channel.customersOf(bill.reseller(), BillTimes.billingWindow(calendar, bill.month()));
        ImmutableSortedMap.Builder<OwnerUin, ImmutableList<BillARow>> out = ImmutableSortedMap.naturalOrder();
        for (OwnerUin customer : customers) {
            ImmutableList<BillARow> rows = bill.rowsOf(customer);
            if (!rows.isEmpty()) {
                out.put(customer, rows);
            }
        }
        return out.build();
    }

    private static void checkOwnReseller(PartnerUin distributor, Set<PartnerUin> resellers, BillA bill) {
        requireNonNull(bill, "bill");
        if (!resellers.contains(bill.reseller())) {
            throw new OutOfScopeException(
                    "Bill A of " + bill.reseller() + " is not of a second-level reseller of " + distributor);
        }
    }
}
