package org.cloudbilling.reseller.bill;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.Lists;
import java.util.Currency;
import java.util.List;
import java.util.Set;
import org.cloudbilling.core.id.OwnerUin;
import org.cloudbilling.core.money.Money;
import org.cloudbilling.core.time.BillingMonth;
import org.cloudbilling.reseller.channel.PartnerUin;

/**
 * Bill A of one reseller's month: the bill between the provider and the reseller, with cost information
 * (RES-3), refunds at the reseller's post-discount amount (RES-4) and bill adjustments (RES-5).
 *
 * @param reseller the reseller, not null
 * @param month the month billed, not null
 * @param status provisional before the issue day, final after (RES-9), not null
 * @param currency the currency of every amount, not null
 * @param rows the rows, in the order of the charges, not null
 */
public record BillA(
        PartnerUin reseller, BillingMonth month, BillStatus status, Currency currency, List<BillARow> rows) {

    public BillA {
        requireNonNull(reseller, "reseller");
        requireNonNull(month, "month");
        requireNonNull(status, "status");
        requireNonNull(currency, "currency");
        rows = ImmutableList.copyOf(rows);
    }

    /** Returns the sum of the original prices, exact, never null. */
    public Money originalTotal() {
        return Money.total(currency, Lists.transform(rows, BillARow::originalPrice));
    }

    /** Returns the sum of the reseller's cost, exact: the bill's total, never null. */
    public Money total() {
        return Money.total(currency, Lists.transform(rows, BillARow::cost));
    }

    /** Returns the sum of the cash expenditure, exact, never null. */
    public Money cashExpenditure() {
        return Money.total(currency, Lists.transform(rows, BillARow::cashExpenditure));
    }

    /** Returns the sum of the reseller voucher expenditure, exact, never null. */
    public Money resellerVoucher() {
        return Money.total(currency, Lists.transform(rows, BillARow::resellerVoucher));
    }

    /** Returns the rows of {@code owner}, never null. */
    public ImmutableList<BillARow> rowsOf(OwnerUin owner) {
        return rows.stream().filter(r -> r.owner().equals(owner)).collect(ImmutableList.toImmutableList());
    }

    /** Returns the part of this bill whose rows belong to one of {@code owners}, never null. */
    public BillA ofOwners(Set<OwnerUin> owners) {
        requireNonNull(owners, "owners");
        return new BillA(
                reseller,
                month,
                status,
                currency,
                rows.stream().filter(r -> owners.contains(r.owner())).toList());
    }
}
