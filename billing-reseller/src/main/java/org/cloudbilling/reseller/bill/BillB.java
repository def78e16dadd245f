package org.cloudbilling.reseller.bill;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedSet;
import com.google.common.collect.Lists;
import java.util.Currency;
import java.util.List;
import org.cloudbilling.core.id.OwnerUin;
import org.cloudbilling.core.money.Money;
import org.cloudbilling.core.time.BillingMonth;
import org.cloudbilling.reseller.channel.PartnerUin;

/**
 * Bill B of one reseller's month: the bills between the reseller and its end customers, with list prices and
 * end-customer vouchers (RES-3), amounts per RES-10.
 *
 * @param reseller the reseller, not null
 * @param month the month billed, not null
 * @param status provisional before the issue day, final after (RES-9), not null
 * @param currency the currency of every amount, not null
 * @param rows the rows of every customer, in the order of the charges, not null
 */
public record BillB(
        PartnerUin reseller, BillingMonth month, BillStatus status, Currency currency, List<BillBRow> rows) {

    public BillB {
        requireNonNull(reseller, "reseller");
        requireNonNull(month, "month");
        requireNonNull(status, "status");
        requireNonNull(currency, "currency");
        rows = ImmutableList.copyOf(rows);
    }

    /** Returns the sum of the original prices, exact, never null. */
    public Money originalTotal() {
        return Money.total(currency, Lists.transform(rows, BillBRow::originalPrice));
    }

    /** Returns the sum of what the customers owe, exact, never null. */
    public Money total() {
        return Money.total(currency, Lists.transform(rows, BillBRow::total));
    }

    /** Returns the customers with at least one row, in order, never null. */
    public ImmutableSortedSet<OwnerUin> customers() {
        return rows.stream()
                .map(BillBRow::customer)
                .collect(ImmutableSortedSet.toImmutableSortedSet(OwnerUin::compareTo));
    }

    /** Returns the part of this bill that is {@code customer}'s, all columns kept, never null. */
    public BillB ofCustomer(OwnerUin customer) {
        requireNonNull(customer, "customer");
        return new BillB(
                reseller,
                month,
                status,
                currency,
                rows.stream().filter(r -> r.customer().equals(customer)).toList());
    }

    /**
     * Returns the customer bill of {@code customer}, the unit of confirmation (RES-7), with this bill's status
     * (RES-9), never null.
     */
    public CustomerBill customerBill(OwnerUin customer) {
        return new CustomerBill(
                customer, reseller, month, status, ofCustomer(customer).total());
    }
}
