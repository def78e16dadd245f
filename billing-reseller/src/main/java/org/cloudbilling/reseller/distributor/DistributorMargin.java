package org.cloudbilling.reseller.distributor;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableSortedMap;
import java.util.Currency;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.cloudbilling.core.id.BusinessCode;
import org.cloudbilling.core.id.OwnerUin;
import org.cloudbilling.core.id.ResourceId;
import org.cloudbilling.core.money.Money;
import org.cloudbilling.reseller.channel.PartnerUin;

/**
 * A distributor's margin of one month (RES-13): the reseller's cost less the distributor's, summed exactly over the
 * rows of the resource ID bills, in total and by reseller, end customer, product and resource. Each breakdown adds up
 * to the total; rows without a resource ID count under {@link #withoutResource()}.
 *
 * @param currency the currency, not null
 * @param total the margin of every row, not null
 * @param byReseller by second-level reseller, not null
 * @param byCustomer by end customer, not null
 * @param byProduct by product (business code), not null
 * @param byResource by resource ID, not null
 * @param withoutResource the margin of the rows that report no resource ID, not null
 */
public record DistributorMargin(
        Currency currency,
        Money total,
        SortedMap<PartnerUin, Money> byReseller,
        SortedMap<OwnerUin, Money> byCustomer,
        SortedMap<BusinessCode, Money> byProduct,
        SortedMap<ResourceId, Money> byResource,
        Money withoutResource) {

    public DistributorMargin {
        requireNonNull(currency, "currency");
        requireNonNull(total, "total");
        byReseller = ImmutableSortedMap.copyOfSorted(byReseller);
        byCustomer = ImmutableSortedMap.copyOfSorted(byCustomer);
        byProduct = ImmutableSortedMap.copyOfSorted(byProduct);
        byResource = ImmutableSortedMap.copyOfSorted(byResource);
        requireNonNull(withoutResource, "withoutResource");
    }

    /** Returns the margin of the resource ID bills {@code bills}, in {@code currency}. */
    static DistributorMargin of(Currency currency, Iterable<DistributorBill> bills) {
        Money total = Money.zero(currency);
        Money without = Money.zero(currency);
        SortedMap<PartnerUin, Money> reseller = new TreeMap<>();
        SortedMap<OwnerUin, Money> customer = new TreeMap<>();
        SortedMap<BusinessCode, Money> product = new TreeMap<>();
        SortedMap<ResourceId, Money> resource = new TreeMap<>();
        for (DistributorBill bill : bills) {
            reseller.put(bill.reseller(), Money.zero(currency));
            for (DistributorBillRow row : bill.rows()) {
                Money m = row.margin();
                total = total.plus(m);
                add(reseller, bill.reseller(), m);
                add(customer, row.customer(), m);
                add(product, row.product(), m);
                if (row.resource().isPresent()) {
                    add(resource, row.resource().get(), m);
                } else {
                    without = without.plus(m);
                }
            }
        }
        return new DistributorMargin(currency, total, reseller, customer, product, resource, without);
    }

    private static <K> void add(Map<K, Money> map, K key, Money amount) {
        map.merge(key, amount, Money::plus);
    }
}
