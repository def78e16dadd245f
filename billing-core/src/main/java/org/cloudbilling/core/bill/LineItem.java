package org.cloudbilling.core.bill;

import static com.google.common.base.Preconditions.checkArgument;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.google.common.collect.ImmutableMap;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cloudbilling.core.id.BusinessCode;
import org.cloudbilling.core.id.InstanceType;
import org.cloudbilling.core.id.ItemCode;
import org.cloudbilling.core.id.LineItemId;
import org.cloudbilling.core.id.OperatorUin;
import org.cloudbilling.core.id.OrderId;
import org.cloudbilling.core.id.OwnerUin;
import org.cloudbilling.core.id.PayerUin;
import org.cloudbilling.core.id.ProductCode;
import org.cloudbilling.core.id.ProjectId;
import org.cloudbilling.core.id.RegionId;
import org.cloudbilling.core.id.ResourceId;
import org.cloudbilling.core.id.TagKey;
import org.cloudbilling.core.internal.BillingStyle;
import org.cloudbilling.core.io.internal.LineItemFields;
import org.cloudbilling.core.money.Money;
import org.cloudbilling.core.recon.BillingMode;
import org.cloudbilling.core.time.Interval;
import org.immutables.value.Value;

/**
 * One row of a detailed bill: who used and who pays, for which product, resource and period, and what it
 * cost, to the last decimal.
 *
 * <pre>{@code
 * LineItem item = LineItem.builder()
 *         .id(LineItemId.of("1"))
 *         .ownerUin(OwnerUin.of("100000000001"))
 *         .payerUin(PayerUin.of("100000000001"))
 *         .businessCode(BusinessCode.of("p_cvm"))
 *         .payMode(PayMode.POSTPAID)
 *         .actionType(ActionType.USAGE)
 *         .feePeriod(Interval.of(start, end))
 *         .listCost(Money.of("CNY", "1.20000000"))
 *         .totalCost(Money.of("CNY", "0.96000000"))
 *         .build();
 * }</pre>
 *
 * <p>Optional fields are ones a source may not report; absent means "not reported", never zero. Every amount
 * is in the currency of {@link #totalCost()}. When any payment field is present, the payments add up to the
 * total cost exactly. Violations are refused at {@code build()} with a message naming the field and value.
 */
@Value.Immutable
@BillingStyle
@JsonSerialize(as = ImmutableLineItem.class)
@JsonDeserialize(as = ImmutableLineItem.class)
public abstract class LineItem {

    LineItem() {}

    /**
     * The constructor the generated class's copy methods ({@code with...}) use: it stores values already
     * normalized (an absent field null, the maps immutable) and checks nothing, so {@link #make} checks after it.
     */
    private static final MethodHandle STORE;

    static {
        try {
            STORE = MethodHandles.privateLookupIn(ImmutableLineItem.class, MethodHandles.lookup())
                    .findConstructor(
                            ImmutableLineItem.class,
                            MethodType.methodType(
                                    void.class,
                                    LineItemId.class,
                                    OwnerUin.class,
                                    PayerUin.class,
                                    OperatorUin.class,
                                    BusinessCode.class,
                                    ProductCode.class,
                                    ItemCode.class,
                                    RegionId.class,
                                    ProjectId.class,
                                    ResourceId.class,
                                    InstanceType.class,
                                    PayMode.class,
                                    SettlementCycle.class,
                                    ActionType.class,
                                    Interval.class,
                                    Instant.class,
                                    OrderId.class,
                                    OrderId.class,
                                    BillingMode.class,
                                    Integer.class,
                                    BigDecimal.class,
                                    BigDecimal.class,
                                    String.class,
                                    Money.class,
                                    BigDecimal.class,
                                    Money.class,
                                    Money.class,
                                    Money.class,
                                    Money.class,
                                    Money.class,
                                    Money.class,
                                    Money.class,
                                    Money.class,
                                    Money.class,
                                    Money.class,
                                    Money.class,
                                    Money.class,
                                    BigDecimal.class,
                                    String.class,
                                    ImmutableMap.class,
                                    ImmutableMap.class));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("bug: the generated line item has no constructor of every field", e);
        }
        LineItemFields.install(LineItem::make);
    }

    /**
     * The item of {@code f} without the builder (the fast paths of the readers): the item {@code build()} gives
     * for the same values, checked by {@link #check()} the same way.
     */
    private static LineItem make(LineItemFields f) {
        ImmutableLineItem item;
        try {
            item = (ImmutableLineItem) STORE.invokeExact(
                    requireField(f.id, "id"),
                    requireField(f.ownerUin, "ownerUin"),
                    requireField(f.payerUin, "payerUin"),
                    f.operatorUin,
                    requireField(f.businessCode, "businessCode"),
                    f.productCode,
                    f.itemCode,
                    f.regionId,
                    f.projectId,
                    f.resourceId,
                    f.instanceType,
                    requireField(f.payMode, "payMode"),
                    f.settlementCycle,
                    requireField(f.actionType, "actionType"),
                    requireField(f.feePeriod, "feePeriod"),
                    f.deductionTime,
                    f.orderId,
                    f.originalOrderId,
                    f.billingMode,
                    f.purchaseQuantity,
                    f.purchaseDuration,
                    f.usageQuantity,
                    f.usageUnit,
                    requireField(f.listCost, "listCost"),
                    f.discountRate,
                    f.reservedInstanceDeduction,
                    f.savingsPlanDeduction,
                    f.cashPaid,
                    f.voucherPaid,
                    f.incentivePaid,
                    f.transferPaid,
                    f.creditPaid,
                    f.couponPaid,
                    f.tax,
                    requireField(f.totalCost, "totalCost"),
                    f.effectiveCost,
                    f.contractedCost,
                    f.pricingQuantity,
                    f.pricingUnit,
                    f.attributes,
                    f.tags);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("bug: the generated constructor threw " + e, e);
        }
        item.check();
        return item;
    }

    private static <T> T requireField(T value, String field) {
        if (value == null) {
            throw new IllegalStateException(
                    "Cannot build LineItem, some of required attributes are not set [" + field + "]");
        }
        return value;
    }

    /** Returns a builder of line items. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link LineItem}; {@code build()} checks the item's invariants. */
    public static final class Builder extends ImmutableLineItem.Builder {
        Builder() {}
    }

    /** The row's identifier, unique within its bill. */
    public abstract LineItemId id();

    /** The account that owns and uses the resource. */
    public abstract OwnerUin ownerUin();

    /** The account that pays. */
    public abstract PayerUin payerUin();

    /** The account or sub-account that performed the operation (Tencent operateUin). */
    public abstract Optional<OperatorUin> operatorUin();

    /** The product, level 1. */
    public abstract BusinessCode businessCode();

    /** The product, level 2. */
    public abstract Optional<ProductCode> productCode();

    /** The billing component. */
    public abstract Optional<ItemCode> itemCode();

    /** The region. */
    public abstract Optional<RegionId> regionId();

    /** The project that owned the resource when the cost was deducted (ATTR-5). */
    public abstract Optional<ProjectId> projectId();

    /** The resource. */
    public abstract Optional<ResourceId> resourceId();

    /** The resource's instance type. */
    public abstract Optional<InstanceType> instanceType();

    /** Prepaid or postpaid. */
    public abstract PayMode payMode();

    /** How often a postpaid charge is settled; empty for prepaid charges or when not reported. */
    public abstract Optional<SettlementCycle> settlementCycle();

    /** What produced the charge. */
    public abstract ActionType actionType();

    /** The period the fee covers, start-inclusive and end-exclusive. */
    public abstract Interval feePeriod();

    /** When the cost was deducted. */
    public abstract Optional<Instant> deductionTime();

    /** The order that produced a prepaid charge. */
    public abstract Optional<OrderId> orderId();

    /** The original order a refund or configuration change refers to. */
    public abstract Optional<OrderId> originalOrderId();

    /**
     * The billing mode of the order, as the order states it (RECON-5): Daily, Monthly, Yearly, Pay-per-use or one
     * of the three reserved-instance modes; empty when the source does not report it.
     */
    public abstract Optional<BillingMode> billingMode();

    /** The number of resources the order bought, as the order states it (RECON-5), at least 0. */
    public abstract Optional<Integer> purchaseQuantity();

    /**
     * The duration the order subscribed, in units of its {@link #billingMode()} (3 with Monthly is three months), as
     * the order states it (RECON-5), at least 0.
     */
    @JsonFormat(shape = JsonFormat.Shape.STRING)
    public abstract Optional<BigDecimal> purchaseDuration();

    /** The quantity used, exactly as reported. */
    @JsonFormat(shape = JsonFormat.Shape.STRING)
    public abstract Optional<BigDecimal> usageQuantity();

    /** The unit of {@link #usageQuantity()}, such as {@code Hours}. */
    public abstract Optional<String> usageUnit();

    /** The cost at list price, before any discount. */
    public abstract Money listCost();

    /** The discount multiplier applied to the list price: 0.8 is 20% off; empty when not reported. */
    @JsonFormat(shape = JsonFormat.Shape.STRING)
    public abstract Optional<BigDecimal> discountRate();

    /** The part of the list cost covered by a reserved instance. */
    public abstract Optional<Money> reservedInstanceDeduction();

    /** The part of the list cost covered by a savings plan. */
    public abstract Optional<Money> savingsPlanDeduction();

    /** Paid in cash. */
    public abstract Optional<Money> cashPaid();

    /** Paid with vouchers. */
    public abstract Optional<Money> voucherPaid();

    /** Paid with incentive (gift) funds. */
    public abstract Optional<Money> incentivePaid();

    /** Paid with transferred (shared revenue) funds. */
    public abstract Optional<Money> transferPaid();

    /** Paid on credit. */
    public abstract Optional<Money> creditPaid();

    /** Paid with coupons. */
    public abstract Optional<Money> couponPaid();

    /** The tax on the charge. */
    public abstract Optional<Money> tax();

    /** The real total cost after discounts and deductions, before tax: what the payment fields add up to. */
    public abstract Money totalCost();

    /**
     * The amortized cost, as a source reports it (FOCUS EffectiveCost: a prepaid commitment spread over its term);
     * empty when not reported, and then {@link CostMetric#EFFECTIVE_COST} is the total cost.
     */
    @JsonInclude(JsonInclude.Include.NON_ABSENT)
    public abstract Optional<Money> effectiveCost();

    /**
     * The cost at the negotiated (contracted) price, as a source reports it (FOCUS ContractedCost); empty when not
     * reported, and then {@link CostMetric#CONTRACTED_COST} derives it from the list cost.
     */
    @JsonInclude(JsonInclude.Include.NON_ABSENT)
    public abstract Optional<Money> contractedCost();

    /** The quantity the price applies to, exactly as reported (FOCUS PricingQuantity); empty when not reported. */
    @JsonFormat(shape = JsonFormat.Shape.STRING)
    @JsonInclude(JsonInclude.Include.NON_ABSENT)
    public abstract Optional<BigDecimal> pricingQuantity();

    /** The unit of {@link #pricingQuantity()} (FOCUS PricingUnit). */
    @JsonInclude(JsonInclude.Include.NON_ABSENT)
    public abstract Optional<String> pricingUnit();

    /**
     * The columns of the source the model has no field for, by column name, as text: for an item read from FOCUS,
     * every other FOCUS column that is not null (ServiceCategory, ChargeClass, InvoiceId, SkuPriceId, ...; decimals
     * as plain numbers, date-times as {@code 2024-09-01T00:00:00Z}), so that an export carries them. Empty for the
     * library's own line items.
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public abstract Map<String, String> attributes();

    /** The tags the bill shows for the resource, keys and values exactly as given. */
    public abstract Map<TagKey, String> tags();

    /** Returns the currency of every amount of this item, never null. */
    public final Currency currency() {
        return totalCost().currency();
    }

    /** Returns the reported payment fields, in the order cash, voucher, incentive, transfer, credit, coupon. */
    final List<Optional<Money>> payments() {
        return List.of(cashPaid(), voucherPaid(), incentivePaid(), transferPaid(), creditPaid(), couponPaid());
    }

    @Value.Check
    final void check() {
        // plain tests on each field, no list, lambda or running sum unless a payment is present: this runs once per
        // item read from a file
        Currency currency = currency();
        checkCurrency("listCost", listCost(), currency);
        checkCurrency("reservedInstanceDeduction", reservedInstanceDeduction().orElse(null), currency);
        checkCurrency("savingsPlanDeduction", savingsPlanDeduction().orElse(null), currency);
        checkCurrency("tax", tax().orElse(null), currency);
        checkCurrency("effectiveCost", effectiveCost().orElse(null), currency);
        checkCurrency("contractedCost", contractedCost().orElse(null), currency);
        Money paid = null;
        paid = addPayment("cashPaid", cashPaid().orElse(null), paid, currency);
        paid = addPayment("voucherPaid", voucherPaid().orElse(null), paid, currency);
        paid = addPayment("incentivePaid", incentivePaid().orElse(null), paid, currency);
        paid = addPayment("transferPaid", transferPaid().orElse(null), paid, currency);
        paid = addPayment("creditPaid", creditPaid().orElse(null), paid, currency);
        paid = addPayment("couponPaid", couponPaid().orElse(null), paid, currency);
        if (paid != null) {
            checkArgument(
                    paid.isEqual(totalCost()),
                    "line item %s: payments add up to %s but totalCost is %s",
                    id(),
                    paid,
                    totalCost());
        }
        Integer quantity = purchaseQuantity().orElse(null);
        if (quantity != null) {
            checkArgument(quantity >= 0, "line item %s: purchaseQuantity %s is negative", id(), quantity);
        }
        BigDecimal duration = purchaseDuration().orElse(null);
        if (duration != null) {
            checkArgument(
                    duration.signum() >= 0,
                    "line item %s: purchaseDuration %s is negative",
                    id(),
                    duration.toPlainString());
        }
        BigDecimal rate = discountRate().orElse(null);
        if (rate != null) {
            checkArgument(rate.signum() >= 0, "line item %s: discountRate %s is negative", id(), rate.toPlainString());
        }
    }

    /** Checks a payment's currency and adds it to {@code paid} (null before the first payment, then from zero). */
    private Money addPayment(String field, Money payment, Money paid, Currency currency) {
        if (payment == null) {
            return paid;
        }
        checkCurrency(field, payment, currency);
        return (paid == null ? Money.zero(currency) : paid).plus(payment);
    }

    /** Checks that {@code amount}, if given (not null), is in {@code currency}. */
    private void checkCurrency(String field, Money amount, Currency currency) {
        if (amount == null) {
            return;
        }
        checkArgument(
                amount.currency().equals(currency),
                "line item %s: %s is in %s but totalCost is in %s",
                id(),
                field,
                amount.currency().getCurrencyCode(),
                currency.getCurrencyCode());
    }
}
