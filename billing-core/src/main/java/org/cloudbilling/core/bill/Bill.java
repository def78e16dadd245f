package org.cloudbilling.core.bill;

import static com.google.common.base.Preconditions.checkArgument;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.cloudbilling.core.id.LineItemId;
import org.cloudbilling.core.id.PayerUin;
import org.cloudbilling.core.internal.BillingStyle;
import org.cloudbilling.core.money.Money;
import org.cloudbilling.core.time.BillingMonth;
import org.immutables.value.Value;

/**
 * One paying account's bill for one month: its line items and their totals. A total may be negative
 * (MONEY-5).
 *
 * <pre>{@code
 * Bill bill = Bill.builder()
 *         .payerUin(PayerUin.of("100000000001"))
 *         .month(BillingMonth.of(2024, 9))
 *         .currency(Currency.getInstance("CNY"))
 *         .addItems(item1, item2)
 *         .build();
 * Money due = bill.totalCost();
 * }</pre>
 *
 * <p>{@code build()} refuses an item of another payer or currency and two items with the same id.
 */
@Value.Immutable
@BillingStyle
@JsonSerialize(as = ImmutableBill.class)
@JsonDeserialize(as = ImmutableBill.class)
public abstract class Bill {

    Bill() {}

    /** Returns a builder of bills. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link Bill}; {@code build()} checks that every item belongs to it. */
    public static final class Builder extends ImmutableBill.Builder {
        Builder() {}
    }

    /** The paying account. */
    public abstract PayerUin payerUin();

    /** The month billed. */
    public abstract BillingMonth month();

    /** The currency of every amount. */
    public abstract Currency currency();

    /** The line items, in the order given. */
    public abstract List<LineItem> items();

    /** Returns the sum of the items' total cost, exact; zero for a bill without items. */
    @Value.Lazy
    public Money totalCost() {
        Money sum = Money.zero(currency());
        for (LineItem item : items()) {
            sum = sum.plus(item.totalCost());
        }
        return sum;
    }

    /** Returns the sum of the items' list cost, exact. */
    @Value.Lazy
    public Money listCost() {
        Money sum = Money.zero(currency());
        for (LineItem item : items()) {
            sum = sum.plus(item.listCost());
        }
        return sum;
    }

    @Value.Check
    final void check() {
        Set<LineItemId> seen = new HashSet<>();
        for (int i = 0; i < items().size(); i++) {
            LineItem item = items().get(i);
            checkArgument(
                    item.payerUin().equals(payerUin()),
                    "bill of %s for %s: items[%s] (line item %s) is paid by %s",
                    payerUin(),
                    month(),
                    i,
                    item.id(),
                    item.payerUin());
            checkArgument(
                    item.currency().equals(currency()),
                    "bill of %s for %s: items[%s] (line item %s) is in %s, the bill in %s",
                    payerUin(),
                    month(),
                    i,
                    item.id(),
                    item.currency().getCurrencyCode(),
                    currency().getCurrencyCode());
            checkArgument(
                    seen.add(item.id()),
                    "bill of %s for %s: items[%s] repeats line item id %s",
                    payerUin(),
                    month(),
                    i,
                    item.id());
        }
    }
}
