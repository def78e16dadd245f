package org.cloudbilling.reseller.internal;

import java.util.Map;
import org.cloudbilling.core.bill.LineItem;
import org.cloudbilling.core.id.TagKey;
import org.cloudbilling.core.money.Money;
import org.cloudbilling.reseller.bill.BillARow;
import org.cloudbilling.reseller.bill.RowKind;

/** Not API: the Bill A row of a line item (RES-4, RES-5), shared by Bill A and the distributor's bills (RES-13). */
public final class BillRows {
    private BillRows() {}

    /** Returns the Bill A row of {@code item}, showing {@code tags}. */
    public static BillARow billARow(LineItem item, Map<TagKey, String> tags) {
        RowKind kind = RowKind.of(item);
        Money cost = item.totalCost();
        Money original = kind == RowKind.ADJUSTMENT || showsAsRefund(item) ? cost : item.listCost();
        Money voucher = item.voucherPaid().orElse(Money.zero(item.currency()));
        return new BillARow(
                item.id(),
                item.ownerUin(),
                item.actionType(),
                kind,
                original,
                original.minus(cost),
                voucher,
                cost.minus(voucher),
                cost,
                tags);
    }

    /** Returns whether the row of {@code item} shows at refund amounts (RES-4). */
    public static boolean showsAsRefund(LineItem item) {
        RowKind kind = RowKind.of(item);
        return kind == RowKind.REFUND
                || (kind == RowKind.CONFIGURATION_CHANGE && item.listCost().isNegative());
    }
}
