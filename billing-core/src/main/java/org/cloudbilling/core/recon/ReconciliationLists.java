package org.cloudbilling.core.recon;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.cloudbilling.core.bill.ActionType;
import org.cloudbilling.core.bill.LineItem;
import org.cloudbilling.core.bill.PayMode;
import org.cloudbilling.core.id.Identifier;
import org.cloudbilling.core.money.Money;
import org.cloudbilling.core.time.BillingCalendar;
import org.cloudbilling.core.time.BillingMonth;
import org.cloudbilling.core.time.Interval;

/**
 * The two reconciliation lists of one billing cycle (RECON-1): the yearly/monthly orders and the pay-per-use
 * charges.
 *
 * <pre>{@code
 * ReconciliationLists lists = ReconciliationLists.of(BillingMonth.of(2024, 9), items, BillingCalendar.TENCENT);
 * ReconciliationZip.write(lists, out, FormulaGuard.ON);
 * }</pre>
 *
 * @param billingCycle the cycle, not null
 * @param period the rows of {@code ReconciliationList(Period)_YYYYMM}, all of this cycle, not null
 * @param payPerUse the rows of {@code ReconciliationList(Pay-per-Use)_YYYYMM}, all of this cycle, not null
 */
public record ReconciliationLists(
        BillingMonth billingCycle, List<PeriodRecord> period, List<PayPerUseRecord> payPerUse) {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss");

    /**
     * Checks that every row is of the cycle, and copies the lists.
     *
     * @throws IllegalArgumentException if a row is of another cycle
     */
    public ReconciliationLists {
        requireNonNull(billingCycle, "billingCycle");
        period = List.copyOf(period);
        payPerUse = List.copyOf(payPerUse);
        for (PeriodRecord r : period) {
            checkArgument(
                    r.billingCycle().equals(billingCycle),
                    "order %s is of cycle %s, not %s",
                    r.orderNo(),
                    r.billingCycle(),
                    billingCycle);
        }
        for (PayPerUseRecord r : payPerUse) {
            checkArgument(
                    r.billingCycle().equals(billingCycle),
                    "a pay-per-use row of %s is of cycle %s, not %s",
                    r.product(),
                    r.billingCycle(),
                    billingCycle);
        }
    }

    /** Returns {@code ReconciliationList(Period)_YYYYMM}, such as {@code ReconciliationList(Period)_202409}. */
    public static String periodName(BillingMonth cycle) {
        return "ReconciliationList(Period)_" + yyyymm(cycle);
    }

    /** Returns {@code ReconciliationList(Pay-per-Use)_YYYYMM}. */
    public static String payPerUseName(BillingMonth cycle) {
        return "ReconciliationList(Pay-per-Use)_" + yyyymm(cycle);
    }

    private static String yyyymm(BillingMonth cycle) {
        return cycle.toString().replace("-", "");
    }

    /**
     * Returns when the lists of {@code cycle} are produced: 00:00 on the 3rd of the following month in the
     * calendar's zone (RECON-1).
     *
     * @param cycle the billing cycle, not null
     * @param calendar the provider's calendar, not null
     * @return the instant, never null
     */
    public static Instant productionTime(BillingMonth cycle, BillingCalendar calendar) {
        return cycle.next().yearMonth().atDay(3).atStartOfDay(calendar.zone()).toInstant();
    }

    /**
     * Produces the lists of {@code cycle} from its line items: a prepaid item is a row of the Period list, and the
     * postpaid items are summed into one Pay-per-Use row per product type, region, product, specifications, usage
     * type, unit and billing mode (rows in that order). The mapping is listed in {@code docs/formats.md}:
     *
     * <ul>
     *   <li>order type: new and commitment purchases are Purchase, renewals Renewal, refunds Unsubscription (with
     *       the original order as Pre-OrderId), upgrades and downgrades Change;
     *   <li>billing mode, purchase quantity and duration: the order's own, as the item carries them
     *       ({@link LineItem#billingMode()}, {@link LineItem#purchaseQuantity()}, {@link LineItem#purchaseDuration()}),
     *       never guessed from the fee period (RECON-5); no billing mode for an unsubscription; a postpaid item is
     *       Pay-per-use unless it carries another mode, such as a reserved instance without upfront payment;
     *   <li>amounts: list cost is the official total, total cost the amount due, cash and credit as paid, and
     *       vouchers, coupons, incentive and transferred funds together as cash coupons used (RECON-4).
     * </ul>
     *
     * @param cycle the billing cycle, not null
     * @param items the cycle's line items, not null; read once
     * @param calendar the provider's calendar, not null
     * @return the lists, never null
     * @throws IllegalArgumentException naming the item when an item reports no payment fields, a prepaid item has
     *     no order (or a refund no original order), carries no billing mode (unless an unsubscription), purchase
     *     quantity or duration, or a prepaid item's action has no order type
     */
    public static ReconciliationLists of(BillingMonth cycle, Iterable<LineItem> items, BillingCalendar calendar) {
        requireNonNull(cycle, "cycle");
        requireNonNull(calendar, "calendar");
        List<PeriodRecord> period = new ArrayList<>();
        Map<List<String>, PayPerUseRecord> payPerUse = new TreeMap<>(ReconciliationLists::compareKeys);
        for (LineItem item : requireNonNull(items, "items")) {
            Payments payments = payments(item);
            if (item.payMode() == PayMode.PREPAID) {
                period.add(periodRecord(cycle, item, payments, calendar));
            } else {
                String usageUnit = item.usageUnit().orElse("");
                BillingMode mode = item.billingMode().orElse(BillingMode.PAY_PER_USE);
                List<String> key = List.of(
                        item.businessCode().value(),
                        value(item.regionId()),
                        value(item.productCode()),
                        value(item.instanceType()),
                        value(item.itemCode()),
                        usageUnit,
                        mode.name());
                PayPerUseRecord row = new PayPerUseRecord(
                        cycle,
                        key.get(0),
                        key.get(1),
                        key.get(2),
                        key.get(3),
                        mode,
                        key.get(4),
                        item.usageQuantity().orElse(BigDecimal.ZERO),
                        usageUnit,
                        payments,
                        "");
                payPerUse.merge(key, row, ReconciliationLists::sum);
            }
        }
        return new ReconciliationLists(cycle, period, new ArrayList<>(payPerUse.values()));
    }

    private static int compareKeys(List<String> a, List<String> b) {
        for (int i = 0; i < a.size(); i++) {
            int c = a.get(i).compareTo(b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    private static PayPerUseRecord sum(PayPerUseRecord a, PayPerUseRecord b) {
        return new PayPerUseRecord(
                a.billingCycle(),
                a.productType(),
                a.region(),
                a.product(),
                a.specifications(),
                a.billingMode(),
                a.usageType(),
                a.usage().add(b.usage()),
                a.usageUnit(),
                a.payments().plus(b.payments()),
                a.remarks());
    }

    /**
     * Returns the Period row of one prepaid item, as {@link #of} makes it; for streaming a cycle's items into
     * {@link ReconciliationZip#write(BillingMonth, java.util.Iterator, java.util.Iterator, java.io.OutputStream,
     * org.cloudbilling.core.io.FormulaGuard)} without holding them.
     *
     * @param cycle the billing cycle, not null
     * @param item a prepaid item, not null
     * @param calendar the provider's calendar, not null
     * @return the row, never null
     * @throws IllegalArgumentException naming the item when it is not prepaid, reports no payments, has no order
     *     (or a refund no original order), carries no billing mode (unless an unsubscription), purchase quantity or
     *     duration, or its action has no order type
     */
    public static PeriodRecord periodRecord(BillingMonth cycle, LineItem item, BillingCalendar calendar) {
        requireNonNull(cycle, "cycle");
        requireNonNull(calendar, "calendar");
        checkArgument(item.payMode() == PayMode.PREPAID, "line item %s is not prepaid", item.id());
        return periodRecord(cycle, item, payments(item), calendar);
    }

    private static PeriodRecord periodRecord(
            BillingMonth cycle, LineItem item, Payments payments, BillingCalendar calendar) {
        String order = item.orderId()
                .map(Identifier::value)
                .orElseThrow(() -> new IllegalArgumentException(
                        "prepaid line item " + item.id() + " has no order; the Period list needs its Order No."));
        OrderType type = orderType(item);
        Optional<String> preOrder = Optional.empty();
        if (type == OrderType.UNSUBSCRIPTION) {
            preOrder = Optional.of(item.originalOrderId()
                    .map(Identifier::value)
                    .orElseThrow(() -> new IllegalArgumentException("refund line item " + item.id()
                            + " has no original order; an Unsubscription names its Pre-OrderId (RECON-3)")));
        }
        Optional<BillingMode> mode = Optional.empty();
        if (type != OrderType.UNSUBSCRIPTION) {
            mode = Optional.of(item.billingMode().orElseThrow(() -> missingOrderData(item, "billing mode")));
        }
        int quantity = item.purchaseQuantity().orElseThrow(() -> missingOrderData(item, "purchase quantity"));
        BigDecimal duration = item.purchaseDuration().orElseThrow(() -> missingOrderData(item, "duration"));
        Interval fee = item.feePeriod();
        Instant consumed = item.deductionTime().orElse(fee.start());
        return new PeriodRecord(
                cycle,
                TIME.format(consumed.atZone(calendar.zone())),
                order,
                type,
                preOrder,
                item.businessCode().value(),
                value(item.regionId()),
                value(item.productCode()),
                value(item.instanceType()),
                mode,
                quantity,
                duration,
                payments,
                "");
    }

    private static IllegalArgumentException missingOrderData(LineItem item, String field) {
        return new IllegalArgumentException("prepaid line item " + item.id() + " (order "
                + item.orderId().map(Identifier::value).orElse("") + ") carries no " + field
                + "; the Period list writes the order's own, never one guessed from the fee period (RECON-5)");
    }

    private static OrderType orderType(LineItem item) {
        ActionType action = item.actionType();
        switch (action) {
            case NEW_PURCHASE:
            case COMMITMENT_PURCHASE:
                return OrderType.PURCHASE;
            case RENEWAL:
                return OrderType.RENEWAL;
            case REFUND:
                return OrderType.UNSUBSCRIPTION;
            case UPGRADE:
            case DOWNGRADE:
                return OrderType.CHANGE;
            default:
                throw new IllegalArgumentException("prepaid line item " + item.id() + " has action " + action
                        + ", which is no order type of the Period list");
        }
    }

    private static Payments payments(LineItem item) {
        checkArgument(
                item.cashPaid().isPresent()
                        || item.creditPaid().isPresent()
                        || item.voucherPaid().isPresent()
                        || item.couponPaid().isPresent()
                        || item.incentivePaid().isPresent()
                        || item.transferPaid().isPresent(),
                "line item %s reports no payment fields; the lists need cash, credit and coupon payments (RECON-4)",
                item.id());
        BigDecimal zero = BigDecimal.ZERO;
        BigDecimal coupons = amount(item.voucherPaid())
                .add(amount(item.couponPaid()))
                .add(amount(item.incentivePaid()))
                .add(amount(item.transferPaid()));
        return new Payments(
                item.listCost().amount(),
                item.totalCost().amount(),
                item.cashPaid().map(Money::amount).orElse(zero),
                item.creditPaid().map(Money::amount).orElse(zero),
                coupons);
    }

    private static BigDecimal amount(Optional<Money> m) {
        return m.map(Money::amount).orElse(BigDecimal.ZERO);
    }

    private static String value(Optional<? extends Identifier> id) {
        return id.map(Identifier::value).orElse("");
    }
}
