package org.cloudbilling.examples.samples;

import java.time.Instant;
import org.cloudbilling.core.bill.ActionType;
import org.cloudbilling.core.bill.LineItem;
import org.cloudbilling.core.bill.PayMode;
import org.cloudbilling.core.id.BusinessCode;
import org.cloudbilling.core.id.LineItemId;
import org.cloudbilling.core.id.OwnerUin;
import org.cloudbilling.core.id.PayerUin;
import org.cloudbilling.core.id.TagKey;
import org.cloudbilling.core.money.Money;
import org.cloudbilling.core.time.Interval;

/** Builds the samples' line items: one hour of a product, in CNY, paid by account 100000000001. */
final class SampleItems {
    private SampleItems() {}

    /**
     * Returns an item.
     *
     * @param id the item's id
     * @param owner the owner account
     * @param product the product (business code)
     * @param start when its hour starts, as {@code 2024-09-03T10:00:00Z}
     * @param amount the total cost in CNY, as written
     * @param team the value of its {@code team} tag, or null for none
     */
    static LineItem item(String id, String owner, String product, String start, String amount, String team) {
        Instant from = Instant.parse(start);
        LineItem.Builder b = LineItem.builder()
                .id(LineItemId.of(id))
                .ownerUin(OwnerUin.of(owner))
                .payerUin(PayerUin.of("100000000001"))
                .businessCode(BusinessCode.of(product))
                .payMode(PayMode.POSTPAID)
                .actionType(amount.startsWith("-") ? ActionType.REFUND : ActionType.USAGE)
                .feePeriod(Interval.of(from, from.plusSeconds(3600)))
                .listCost(Money.of("CNY", amount))
                .totalCost(Money.of("CNY", amount));
        if (team != null) {
            b.putTag(TagKey.of("team"), team);
        }
        return b.build();
    }

    /**
     * Returns a builder of a usage charge of product {@code p_cvm}, postpaid by its owner, over {@code period}, at
     * list cost {@code list}; the caller sets its total cost.
     */
    static LineItem.Builder selfPaid(String id, OwnerUin owner, Interval period, Money list) {
        return LineItem.builder()
                .id(LineItemId.of(id))
                .ownerUin(owner)
                .payerUin(PayerUin.of(owner.value()))
                .businessCode(BusinessCode.of("p_cvm"))
                .payMode(PayMode.POSTPAID)
                .actionType(ActionType.USAGE)
                .feePeriod(period)
                .listCost(list);
    }
}
