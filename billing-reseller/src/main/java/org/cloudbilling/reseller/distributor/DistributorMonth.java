package org.cloudbilling.reseller.distributor;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import java.util.Currency;
import java.util.List;
import org.cloudbilling.core.time.BillingMonth;
import org.cloudbilling.reseller.bill.BillStatus;
import org.cloudbilling.reseller.channel.PartnerUin;
import org.cloudbilling.reseller.view.OutOfScopeException;

/**
 * A distributor's consolidated bills of one month (RES-13): for each of its second-level resellers, the resource ID
 * bill and the detailed bill (monthly aggregate), in reseller order.
 *
 * @param distributor the distributor, not null
 * @param month the month, not null
 * @param status provisional before the issue day, final after (RES-9), not null
 * @param currency the currency of every amount, not null
 * @param resourceBills the resource ID bill of each second-level reseller, not null
 * @param detailedBills the detailed bill of each second-level reseller, in the same order, not null
 */
public record DistributorMonth(
        PartnerUin distributor,
        BillingMonth month,
        BillStatus status,
        Currency currency,
        List<DistributorBill> resourceBills,
        List<DistributorBill> detailedBills) {

    public DistributorMonth {
        requireNonNull(distributor, "distributor");
        requireNonNull(month, "month");
        requireNonNull(status, "status");
        requireNonNull(currency, "currency");
        resourceBills = ImmutableList.copyOf(resourceBills);
        detailedBills = ImmutableList.copyOf(detailedBills);
    }

    /**
     * Returns the resource ID bill of {@code reseller}.
     *
     * @throws OutOfScopeException if it is not a second-level reseller of the distributor
     */
    public DistributorBill resourceBill(PartnerUin reseller) {
        return find(resourceBills, reseller);
    }

    /**
     * Returns the detailed bill (monthly aggregate) of {@code reseller}.
     *
     * @throws OutOfScopeException if it is not a second-level reseller of the distributor
     */
    public DistributorBill detailedBill(PartnerUin reseller) {
        return find(detailedBills, reseller);
    }

    /** Returns the distributor's margin by reseller, customer, product and resource, exact, never null. */
    public DistributorMargin margin() {
        return DistributorMargin.of(currency, resourceBills);
    }

    private DistributorBill find(List<DistributorBill> bills, PartnerUin reseller) {
        requireNonNull(reseller, "reseller");
        return bills.stream()
                .filter(b -> b.reseller().equals(reseller))
                .findFirst()
                .orElseThrow(() -> new OutOfScopeException(
                        reseller + " is not a second-level reseller of " + distributor + " in " + month));
    }
}
