package org.cloudbilling.reseller.bill;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableMap;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import org.cloudbilling.core.bill.ActionType;
import org.cloudbilling.core.id.LineItemId;
import org.cloudbilling.core.id.OwnerUin;
import org.cloudbilling.core.id.TagKey;
import org.cloudbilling.core.money.Money;

/**
 * A row of Bill B, the bill between a reseller and its end customer: list prices and end-customer vouchers
 * (RES-3), with the amounts of RES-10:
 * {@code totalBeforeVoucher = (originalCost - reservedInstanceDeduction) x customerDiscount} and
 * {@code total = totalBeforeVoucher - customerVoucher}.
 *
 * @param id the line item, not null
 * @param customer the end customer, not null
 * @param action what produced the charge, not null
 * @param kind how the row shows (RES-4), never {@link RowKind#ADJUSTMENT}
 * @param originalPrice the list cost; for a refund the end customer's refund amount
 * @param reservedInstanceDeduction the part of the list cost a reserved instance covers
 * @param customerDiscount the discount multiplier, present only where enabled for the reseller
 * @param totalBeforeVoucher the customer's amount before vouchers
 * @param customerVoucher the end-customer vouchers used on the row (RES-8)
 * @param total what the customer owes the reseller for the row
 * @param resellerCost the reseller-perspective columns, present only where enabled and never for a customer
 * @param tags the tags whose keys the reseller has defined as billing tag keys (RES-11)
 * @param discount which end-customer discount the row got, with its product scope and effective-from (RES-14);
 *     empty where discounts are not enabled or none applies (then the rate is 1)
 */
public record BillBRow(
        LineItemId id,
        OwnerUin customer,
        ActionType action,
        RowKind kind,
        Money originalPrice,
        Money reservedInstanceDeduction,
        Optional<BigDecimal> customerDiscount,
        Money totalBeforeVoucher,
        Money customerVoucher,
        Money total,
        Optional<ResellerCost> resellerCost,
        Map<TagKey, String> tags,
        Optional<CustomerDiscount> discount) {

    public BillBRow {
        requireNonNull(id, "id");
        requireNonNull(customer, "customer");
        requireNonNull(action, "action");
        requireNonNull(kind, "kind");
        requireNonNull(originalPrice, "originalPrice");
        requireNonNull(reservedInstanceDeduction, "reservedInstanceDeduction");
        requireNonNull(customerDiscount, "customerDiscount");
        requireNonNull(totalBeforeVoucher, "totalBeforeVoucher");
        requireNonNull(customerVoucher, "customerVoucher");
        requireNonNull(total, "total");
        requireNonNull(resellerCost, "resellerCost");
        tags = ImmutableMap.copyOf(tags);
        requireNonNull(discount, "discount");
    }

    /** Returns this row without the reseller-perspective columns, as an end customer sees it. */
    public BillBRow withoutResellerCost() {
        return new BillBRow(
                id,
                customer,
                action,
                kind,
                originalPrice,
                reservedInstanceDeduction,
                customerDiscount,
                totalBeforeVoucher,
                customerVoucher,
                total,
                Optional.empty(),
                tags,
                discount);
    }
}
