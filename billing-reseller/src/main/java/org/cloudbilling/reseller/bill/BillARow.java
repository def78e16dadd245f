package org.cloudbilling.reseller.bill;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableMap;
import java.util.Map;
import org.cloudbilling.core.bill.ActionType;
import org.cloudbilling.core.id.LineItemId;
import org.cloudbilling.core.id.OwnerUin;
import org.cloudbilling.core.id.TagKey;
import org.cloudbilling.core.money.Money;

/**
 * A row of Bill A, the bill between the provider and a reseller: cost information (RES-3).
 *
 * @param id the line item, not null
 * @param owner the end customer, not null
 * @param action what produced the charge, not null
 * @param kind how the row shows (RES-4, RES-5), not null
 * @param originalPrice the list cost; for a refund or adjustment the reseller's post-discount amount
 * @param resellerDiscount the original price less the reseller's cost
 * @param resellerVoucher the part of the cost paid with the reseller's own (partner) vouchers
 * @param cashExpenditure the cost less the reseller voucher: what the reseller settles with the provider
 * @param cost the reseller's cost after its discount: the item's total cost
 * @param tags the tags whose keys the reseller has defined as billing tag keys (RES-11)
 */
public record BillARow(
        LineItemId id,
        OwnerUin owner,
        ActionType action,
        RowKind kind,
        Money originalPrice,
        Money resellerDiscount,
        Money resellerVoucher,
        Money cashExpenditure,
        Money cost,
        Map<TagKey, String> tags) {

    public BillARow {
        requireNonNull(id, "id");
        requireNonNull(owner, "owner");
        requireNonNull(action, "action");
        requireNonNull(kind, "kind");
        requireNonNull(originalPrice, "originalPrice");
        requireNonNull(resellerDiscount, "resellerDiscount");
        requireNonNull(resellerVoucher, "resellerVoucher");
        requireNonNull(cashExpenditure, "cashExpenditure");
        requireNonNull(cost, "cost");
        tags = ImmutableMap.copyOf(tags);
    }
}
