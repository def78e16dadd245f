package org.cloudbilling.reseller.channel;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import java.time.Instant;
import java.util.Optional;
import org.cloudbilling.core.bill.LineItem;
import org.cloudbilling.core.bill.PayMode;
import org.cloudbilling.core.bill.SettlementCycle;
import org.cloudbilling.core.id.PayerUin;
import org.cloudbilling.core.id.ProjectId;
import org.cloudbilling.core.time.BillingCalendar;
import org.cloudbilling.core.time.BillingMonth;

/**
 * Decides whom each charge belongs to when identities change mid-month (ATTR-1 to ATTR-5).
 *
 * <ul>
 *   <li>Prepaid: the identity when the order was placed (ATTR-1).
 *   <li>Postpaid, hourly or daily: the identity at the settlement of the fee cycle, its end (ATTR-2); an item
 *       without a settlement cycle is treated the same way (documented default).
 *   <li>Postpaid, monthly: the identity at billing time, 00:00 on the 1st of the following month (ATTR-3).
 *   <li>Payer: whoever the {@link PayOnBehalf} names by fee cycle, else the reported payer (ATTR-4).
 *   <li>Project: the project owning the resource at deduction time, else the reported one (ATTR-5).
 * </ul>
 *
 * <p>The month of a charge is always the month of its fee cycle, so late-arriving usage lands in the month and
 * with the identity of its cycle, whatever its deduction time. Each item is attributed on its own, so the result
 * does not depend on the order of the items.
 *
 * <pre>{@code
 * List<AttributedCharge> charges = Attribution.attribute(items, AttributionContext.of(BillingCalendar.TENCENT, channel));
 * }</pre>
 */
public final class Attribution {
    private Attribution() {}

    /**
     * Attributes every item, in the order given.
     *
     * @param items the line items, not null
     * @param context the calendar, binding history and the rest, not null
     * @return one attributed charge per item, never null
     */
    public static ImmutableList<AttributedCharge> attribute(Iterable<LineItem> items, AttributionContext context) {
        requireNonNull(context, "context");
        ImmutableList.Builder<AttributedCharge> out = ImmutableList.builder();
        for (LineItem item : items) {
            out.add(attribute(item, context));
        }
        return out.build();
    }

    /**
     * Attributes one item.
     *
     * @param item the line item, not null
     * @param context the calendar, binding history and the rest, not null
     * @return the attributed charge, never null
     */
    public static AttributedCharge attribute(LineItem item, AttributionContext context) {
        requireNonNull(item, "item");
        BillingCalendar calendar = context.calendar();
        BillingMonth month = calendar.monthOf(item.feePeriod().start());
        Instant orderTime = orderTime(item, context);
        AttributionBasis basis = basis(item);
        Instant at = switch (basis) {
            case ORDER_TIME -> orderTime;
            case SETTLEMENT_TIME -> item.feePeriod().end();
            case BILLING_TIME -> calendar.start(month.next());
        };
        Optional<PartnerUin> partner = context.channel().partnerAt(item.ownerUin(), at);
        Optional<PayerUin> onBehalf =
                context.payOnBehalf().payerOf(item.ownerUin(), item.payMode(), item.feePeriod(), orderTime);
        PayerUin payer = onBehalf.orElse(item.payerUin());
        PayerBasis payerBasis =
                onBehalf.isPresent() && !payer.value().equals(item.ownerUin().value())
                        ? PayerBasis.ON_BEHALF
                        : PayerBasis.AS_REPORTED;
        Optional<ProjectId> project = item.resourceId()
                .flatMap(r -> context.projects()
                        .projectAt(
                                r, item.deductionTime().orElse(item.feePeriod().end())))
                .or(item::projectId);
        return new AttributedCharge(item, month, basis, at, partner, payer, payerBasis, project);
    }

    private static AttributionBasis basis(LineItem item) {
        if (item.payMode() == PayMode.PREPAID) {
            return AttributionBasis.ORDER_TIME;
        }
        return item.settlementCycle().orElse(SettlementCycle.HOURLY) == SettlementCycle.MONTHLY
                ? AttributionBasis.BILLING_TIME
                : AttributionBasis.SETTLEMENT_TIME;
    }

    private static Instant orderTime(LineItem item, AttributionContext context) {
        return item.orderId()
                .map(context.orderTimes()::get)
                .or(item::deductionTime)
                .orElse(item.feePeriod().start());
    }
}
