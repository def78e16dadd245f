package org.cloudbilling.reseller.distributor;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.Lists;
import java.util.Currency;
import java.util.List;
import org.cloudbilling.core.money.Money;
import org.cloudbilling.core.time.BillingMonth;
import org.cloudbilling.reseller.bill.BillStatus;
import org.cloudbilling.reseller.channel.PartnerUin;

/**
 * One of the two consolidated bills a distributor reads per second-level reseller (RES-13): all the reseller's end
 * customers' charges of a month, summed per resource ({@link Level#RESOURCE}) or per component
 * ({@link Level#DETAILED}), with the distributor's discount and cost beside the reseller's.
 *
 * @param distributor the distributor reading it, not null
 * @param reseller the second-level reseller, not null
 * @param month the month, not null
 * @param status provisional before the issue day, final after (RES-9), not null
 * @param currency the currency of every amount, not null
 * @param level which of the two bills, not null
 * @param rows the rows, by customer, product, sub-product, region, component and resource, not null
 */
public record DistributorBill(
        PartnerUin distributor,
        PartnerUin reseller,
        BillingMonth month,
        BillStatus status,
        Currency currency,
        Level level,
        List<DistributorBillRow> rows) {

    /** The two consolidated bills of the provider's console. */
    public enum Level {
        /** Resource ID bill (consolidated): a row per customer, product and resource. */
        RESOURCE,
        /**
         * Detailed bill (consolidated, monthly aggregate): a row per customer, product, sub-product, region,
         * component and resource.
         */
        DETAILED
    }

    public DistributorBill {
        requireNonNull(distributor, "distributor");
        requireNonNull(reseller, "reseller");
        requireNonNull(month, "month");
        requireNonNull(status, "status");
        requireNonNull(currency, "currency");
        requireNonNull(level, "level");
        rows = ImmutableList.copyOf(rows);
    }

    /** Returns the sum of the original prices, exact, never null. */
    public Money originalTotal() {
        return Money.total(currency, Lists.transform(rows, DistributorBillRow::originalPrice));
    }

    /** Returns the sum of the reseller's cost: its Bill A total, exact, never null. */
    public Money resellerCost() {
        return Money.total(currency, Lists.transform(rows, DistributorBillRow::resellerCost));
    }

    /** Returns the sum of the distributor's cost, exact, never null. */
    public Money distributorCost() {
        return Money.total(currency, Lists.transform(rows, DistributorBillRow::distributorCost));
    }

    /** Returns the distributor's margin on the reseller: the reseller's cost less the distributor's, exact. */
    public Money margin() {
        return Money.total(currency, Lists.transform(rows, DistributorBillRow::margin));
    }
}
