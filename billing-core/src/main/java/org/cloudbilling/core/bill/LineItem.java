package org.cloudbilling.core.bill;

import static com.google.common.base.Preconditions.checkArgument;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.google.common.collect.ImmutableMap;
import com.google.errorprone.annotations.CanIgnoreReturnValue;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
                                    Optional.class,
                                    BusinessCode.class,
                                    Optional.class,
                                    Optional.class,
                                    Optional.class,
                                    Optional.class,
                                    Optional.class,
                                    Optional.class,
                                    PayMode.class,
                                    Optional.class,
                                    ActionType.class,
                                    Interval.class,
                                    Optional.class,
                                    Optional.class,
                                    Optional.class,
                                    Optional.class,
                                    Optional.class,
                                    Optional.class,
                                    Optional.class,
                                    Optional.class,
                                    Money.class,
                                    Optional.class,
                                    Optional.class,
                                    Optional.class,
                                    Optional.class,
                                    Optional.class,
                                    Optional.class,
                                    Optional.class,
                                    Optional.class,
                                    Optional.class,
                                    Optional.class,
                                    Money.class,
                                    Optional.class,
                                    Optional.class,
                                    Optional.class,
                                    Optional.class,
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
        Builder() {
            // every Optional field starts empty: the generated builder stores an Optional field as given
            operatorUin(Optional.empty());
            productCode(Optional.empty());
            itemCode(Optional.empty());
            regionId(Optional.empty());
            projectId(Optional.empty());
            resourceId(Optional.empty());
            instanceType(Optional.empty());
            settlementCycle(Optional.empty());
            deductionTime(Optional.empty());
            orderId(Optional.empty());
            originalOrderId(Optional.empty());
            billingMode(Optional.empty());
            purchaseQuantity(Optional.empty());
            purchaseDuration(Optional.empty());
            usageQuantity(Optional.empty());
            usageUnit(Optional.empty());
            discountRate(Optional.empty());
            reservedInstanceDeduction(Optional.empty());
            savingsPlanDeduction(Optional.empty());
            cashPaid(Optional.empty());
            voucherPaid(Optional.empty());
            incentivePaid(Optional.empty());
            transferPaid(Optional.empty());
            creditPaid(Optional.empty());
            couponPaid(Optional.empty());
            tax(Optional.empty());
            effectiveCost(Optional.empty());
            contractedCost(Optional.empty());
            pricingQuantity(Optional.empty());
            pricingUnit(Optional.empty());
        }

        /**
         * Sets {@link LineItem#operatorUin()} to a value.
         *
         * @param operatorUin not null
         * @return this builder
         */
        @CanIgnoreReturnValue
        public final Builder operatorUin(OperatorUin operatorUin) {
            operatorUin(Optional.of(Objects.requireNonNull(operatorUin, "operatorUin")));
            return this;
        }

        /**
         * Sets {@link LineItem#productCode()} to a value.
         *
         * @param productCode not null
         * @return this builder
         */
        @CanIgnoreReturnValue
        public final Builder productCode(ProductCode productCode) {
            productCode(Optional.of(Objects.requireNonNull(productCode, "productCode")));
            return this;
        }

        /**
         * Sets {@link LineItem#itemCode()} to a value.
         *
         * @param itemCode not null
         * @return this builder
         */
        @CanIgnoreReturnValue
        public final Builder itemCode(ItemCode itemCode) {
            itemCode(Optional.of(Objects.requireNonNull(itemCode, "itemCode")));
            return this;
        }

        /**
         * Sets {@link LineItem#regionId()} to a value.
         *
         * @param regionId not null
         * @return this builder
         */
        @CanIgnoreReturnValue
        public final Builder regionId(RegionId regionId) {
            regionId(Optional.of(Objects.requireNonNull(regionId, "regionId")));
            return this;
        }

        /**
         * Sets {@link LineItem#projectId()} to a value.
         *
         * @param projectId not null
         * @return this builder
         */
        @CanIgnoreReturnValue
        public final Builder projectId(ProjectId projectId) {
            projectId(Optional.of(Objects.requireNonNull(projectId, "projectId")));
            return this;
        }

        /**
         * Sets {@link LineItem#resourceId()} to a value.
         *
         * @param resourceId not null
         * @return this builder
         */
        @CanIgnoreReturnValue
        public final Builder resourceId(ResourceId resourceId) {
            resourceId(Optional.of(Objects.requireNonNull(resourceId, "resourceId")));
            return this;
        }

        /**
         * Sets {@link LineItem#instanceType()} to a value.
         *
         * @param instanceType not null
         * @return this builder
         */
        @CanIgnoreReturnValue
        public final Builder instanceType(InstanceType instanceType) {
            instanceType(Optional.of(Objects.requireNonNull(instanceType, "instanceType")));
            return this;
        }

        /**
         * Sets {@link LineItem#settlementCycle()} to a value.
         *
         * @param settlementCycle not null
         * @return this builder
         */
        @CanIgnoreReturnValue
        public final Builder settlementCycle(SettlementCycle settlementCycle) {
            settlementCycle(Optional.of(Objects.requireNonNull(settlementCycle, "settlementCycle")));
            return this;
        }

        /**
         * Sets {@link LineItem#deductionTime()} to a value.
         *
         * @param deductionTime not null
         * @return this builder
         */
        @CanIgnoreReturnValue
        public final Builder deductionTime(Instant deductionTime) {
            deductionTime(Optional.of(Objects.requireNonNull(deductionTime, "deductionTime")));
            return this;
        }

        /**
         * Sets {@link LineItem#orderId()} to a value.
         *
         * @param orderId not null
         * @return this builder
         */
        @CanIgnoreReturnValue
        public final Builder orderId(OrderId orderId) {
            orderId(Optional.of(Objects.requireNonNull(orderId, "orderId")));
            return this;
        }

        /**
         * Sets {@link LineItem#originalOrderId()} to a value.
         *
         * @param originalOrderId not null
         * @return this builder
         */
        @CanIgnoreReturnValue
        public final Builder originalOrderId(OrderId originalOrderId) {
            originalOrderId(Optional.of(Objects.requireNonNull(originalOrderId, "originalOrderId")));
            return this;
        }

        /**
         * Sets {@link LineItem#billingMode()} to a value.
         *
         * @param billingMode not null
         * @return this builder
         */
        @CanIgnoreReturnValue
        public final Builder billingMode(BillingMode billingMode) {
            billingMode(Optional.of(Objects.requireNonNull(billingMode, "billingMode")));
            return this;
        }

        /**
         * Sets {@link LineItem#purchaseQuantity()} to a value.
         *
         * @param purchaseQuantity at least 0
         * @return this builder
         */
        @CanIgnoreReturnValue
        public final Builder purchaseQuantity(int purchaseQuantity) {
            purchaseQuantity(Optional.of(purchaseQuantity));
            return this;
        }

        /**
         * Sets {@link LineItem#purchaseDuration()} to a value.
         *
         * @param purchaseDuration not null
         * @return this builder
         */
        @CanIgnoreReturnValue
        public final Builder purchaseDuration(BigDecimal purchaseDuration) {
            purchaseDuration(Optional.of(Objects.requireNonNull(purchaseDuration, "purchaseDuration")));
            return this;
        }

        /**
         * Sets {@link LineItem#usageQuantity()} to a value.
         *
         * @param usageQuantity not null
         * @return this builder
         */
        @CanIgnoreReturnValue
        public final Builder usageQuantity(BigDecimal usageQuantity) {
            usageQuantity(Optional.of(Objects.requireNonNull(usageQuantity, "usageQuantity")));
            return this;
        }

        /**
         * Sets {@link LineItem#usageUnit()} to a value.
         *
         * @param usageUnit not null
         * @return this builder
         */
        @CanIgnoreReturnValue
        public final Builder usageUnit(String usageUnit) {
            usageUnit(Optional.of(Objects.requireNonNull(usageUnit, "usageUnit")));
            return this;
        }

        /**
         * Sets {@link LineItem#discountRate()} to a value.
         *
         * @param discountRate not null
         * @return this builder
         */
        @CanIgnoreReturnValue
        public final Builder discountRate(BigDecimal discountRate) {
            discountRate(Optional.of(Objects.requireNonNull(discountRate, "discountRate")));
            return this;
        }

        /**
         * Sets {@link LineItem#reservedInstanceDeduction()} to a value.
         *
         * @param reservedInstanceDeduction not null
         * @return this builder
         */
        @CanIgnoreReturnValue
        public final Builder reservedInstanceDeduction(Money reservedInstanceDeduction) {
            reservedInstanceDeduction(
                    Optional.of(Objects.requireNonNull(reservedInstanceDeduction, "reservedInstanceDeduction")));
            return this;
        }

        /**
         * Sets {@link LineItem#savingsPlanDeduction()} to a value.
         *
         * @param savingsPlanDeduction not null
         * @return this builder
         */
        @CanIgnoreReturnValue
        public final Builder savingsPlanDeduction(Money savingsPlanDeduction) {
            savingsPlanDeduction(Optional.of(Objects.requireNonNull(savingsPlanDeduction, "savingsPlanDeduction")));
            return this;
        }

        /**
         * Sets {@link LineItem#cashPaid()} to a value.
         *
         * @param cashPaid not null
         * @return this builder
         */
        @CanIgnoreReturnValue
        public final Builder cashPaid(Money cashPaid) {
            cashPaid(Optional.of(Objects.requireNonNull(cashPaid, "cashPaid")));
            return this;
        }

        /**
         * Sets {@link LineItem#voucherPaid()} to a value.
         *
         * @param voucherPaid not null
         * @return this builder
         */
        @CanIgnoreReturnValue
        public final Builder voucherPaid(Money voucherPaid) {
            voucherPaid(Optional.of(Objects.requireNonNull(voucherPaid, "voucherPaid")));
            return this;
        }

        /**
         * Sets {@link LineItem#incentivePaid()} to a value.
         *
         * @param incentivePaid not null
         * @return this builder
         */
        @CanIgnoreReturnValue
        public final Builder incentivePaid(Money incentivePaid) {
            incentivePaid(Optional.of(Objects.requireNonNull(incentivePaid, "incentivePaid")));
            return this;
        }

        /**
         * Sets {@link LineItem#transferPaid()} to a value.
         *
         * @param transferPaid not null
         * @return this builder
         */
        @CanIgnoreReturnValue
        public final Builder transferPaid(Money transferPaid) {
            transferPaid(Optional.of(Objects.requireNonNull(transferPaid, "transferPaid")));
            return this;
        }

        /**
         * Sets {@link LineItem#creditPaid()} to a value.
         *
         * @param creditPaid not null
         * @return this builder
         */
        @CanIgnoreReturnValue
        public final Builder creditPaid(Money creditPaid) {
            creditPaid(Optional.of(Objects.requireNonNull(creditPaid, "creditPaid")));
            return this;
        }

        /**
         * Sets {@link LineItem#couponPaid()} to a value.
         *
         * @param couponPaid not null
         * @return this builder
         */
        @CanIgnoreReturnValue
        public final Builder couponPaid(Money couponPaid) {
            couponPaid(Optional.of(Objects.requireNonNull(couponPaid, "couponPaid")));
            return this;
        }

        /**
         * Sets {@link LineItem#tax()} to a value.
         *
         * @param tax not null
         * @return this builder
         */
        @CanIgnoreReturnValue
        public final Builder tax(Money tax) {
            tax(Optional.of(Objects.requireNonNull(tax, "tax")));
            return this;
        }

        /**
         * Sets {@link LineItem#effectiveCost()} to a value.
         *
         * @param effectiveCost not null
         * @return this builder
         */
        @CanIgnoreReturnValue
        public final Builder effectiveCost(Money effectiveCost) {
            effectiveCost(Optional.of(Objects.requireNonNull(effectiveCost, "effectiveCost")));
            return this;
        }

        /**
         * Sets {@link LineItem#contractedCost()} to a value.
         *
         * @param contractedCost not null
         * @return this builder
         */
        @CanIgnoreReturnValue
        public final Builder contractedCost(Money contractedCost) {
            contractedCost(Optional.of(Objects.requireNonNull(contractedCost, "contractedCost")));
            return this;
        }

        /**
         * Sets {@link LineItem#pricingQuantity()} to a value.
         *
         * @param pricingQuantity not null
         * @return this builder
         */
        @CanIgnoreReturnValue
        public final Builder pricingQuantity(BigDecimal pricingQuantity) {
            pricingQuantity(Optional.of(Objects.requireNonNull(pricingQuantity, "pricingQuantity")));
            return this;
        }

        /**
         * Sets {@link LineItem#pricingUnit()} to a value.
         *
         * @param pricingUnit not null
         * @return this builder
         */
        @CanIgnoreReturnValue
        public final Builder pricingUnit(String pricingUnit) {
            pricingUnit(Optional.of(Objects.requireNonNull(pricingUnit, "pricingUnit")));
            return this;
        }
    }

    /** The row's identifier, unique within its bill. */
    public abstract LineItemId id();

    /** The account that owns and uses the resource. */
    public abstract OwnerUin ownerUin();

    /** The account that pays. */
    public abstract PayerUin payerUin();

    /** The account or sub-account that performed the operation (Tencent operateUin). */
    @Nullable
    public abstract Optional<OperatorUin> operatorUin();

    /** The product, level 1. */
    public abstract BusinessCode businessCode();

    /** The product, level 2. */
    @Nullable
    public abstract Optional<ProductCode> productCode();

    /** The billing component. */
    @Nullable
    public abstract Optional<ItemCode> itemCode();

    /** The region. */
    @Nullable
    public abstract Optional<RegionId> regionId();

    /** The project that owned the resource when the cost was deducted (ATTR-5). */
    @Nullable
    public abstract Optional<ProjectId> projectId();

    /** The resource. */
    @Nullable
    public abstract Optional<ResourceId> resourceId();

    /** The resource's instance type. */
    @Nullable
    public abstract Optional<InstanceType> instanceType();

    /** Prepaid or postpaid. */
    public abstract PayMode payMode();

    /** How often a postpaid charge is settled; empty for prepaid charges or when not reported. */
    @Nullable
    public abstract Optional<SettlementCycle> settlementCycle();

    /** What produced the charge. */
    public abstract ActionType actionType();

    /** The period the fee covers, start-inclusive and end-exclusive. */
    public abstract Interval feePeriod();

    /** When the cost was deducted. */
    @Nullable
    public abstract Optional<Instant> deductionTime();

    /** The order that produced a prepaid charge. */
    @Nullable
    public abstract Optional<OrderId> orderId();

    /** The original order a refund or configuration change refers to. */
    @Nullable
    public abstract Optional<OrderId> originalOrderId();

    /**
     * The billing mode of the order, as the order states it (RECON-5): Daily, Monthly, Yearly, Pay-per-use or one
     * of the three reserved-instance modes; empty when the source does not report it.
     */
    @Nullable
    public abstract Optional<BillingMode> billingMode();

    /** The number of resources the order bought, as the order states it (RECON-5), at least 0. */
    @Nullable
    public abstract Optional<Integer> purchaseQuantity();

    /**
     * The duration the order subscribed, in units of its {@link #billingMode()} (3 with Monthly is three months), as
     * the order states it (RECON-5), at least 0.
     */
    @JsonFormat(shape = JsonFormat.Shape.STRING)
    @Nullable
    public abstract Optional<BigDecimal> purchaseDuration();

    /** The quantity used, exactly as reported. */
    @JsonFormat(shape = JsonFormat.Shape.STRING)
    @Nullable
    public abstract Optional<BigDecimal> usageQuantity();

    /** The unit of {@link #usageQuantity()}, such as {@code Hours}. */
    @Nullable
    public abstract Optional<String> usageUnit();

    /** The cost at list price, before any discount. */
    public abstract Money listCost();

    /** The discount multiplier applied to the list price: 0.8 is 20% off; empty when not reported. */
    @JsonFormat(shape = JsonFormat.Shape.STRING)
    @Nullable
    public abstract Optional<BigDecimal> discountRate();

    /** The part of the list cost covered by a reserved instance. */
    @Nullable
    public abstract Optional<Money> reservedInstanceDeduction();

    /** The part of the list cost covered by a savings plan. */
    @Nullable
    public abstract Optional<Money> savingsPlanDeduction();

    /** Paid in cash. */
    @Nullable
    public abstract Optional<Money> cashPaid();

    /** Paid with vouchers. */
    @Nullable
    public abstract Optional<Money> voucherPaid();

    /** Paid with incentive (gift) funds. */
    @Nullable
    public abstract Optional<Money> incentivePaid();

    /** Paid with transferred (shared revenue) funds. */
    @Nullable
    public abstract Optional<Money> transferPaid();

    /** Paid on credit. */
    @Nullable
    public abstract Optional<Money> creditPaid();

    /** Paid with coupons. */
    @Nullable
    public abstract Optional<Money> couponPaid();

    /** The tax on the charge. */
    @Nullable
    public abstract Optional<Money> tax();

    /** The real total cost after discounts and deductions, before tax: what the payment fields add up to. */
    public abstract Money totalCost();

    /**
     * The amortized cost, as a source reports it (FOCUS EffectiveCost: a prepaid commitment spread over its term);
     * empty when not reported, and then {@link CostMetric#EFFECTIVE_COST} is the total cost.
     */
    @JsonInclude(JsonInclude.Include.NON_ABSENT)
    @Nullable
    public abstract Optional<Money> effectiveCost();

    /**
     * The cost at the negotiated (contracted) price, as a source reports it (FOCUS ContractedCost); empty when not
     * reported, and then {@link CostMetric#CONTRACTED_COST} derives it from the list cost.
     */
    @JsonInclude(JsonInclude.Include.NON_ABSENT)
    @Nullable
    public abstract Optional<Money> contractedCost();

    /** The quantity the price applies to, exactly as reported (FOCUS PricingQuantity); empty when not reported. */
    @JsonFormat(shape = JsonFormat.Shape.STRING)
    @JsonInclude(JsonInclude.Include.NON_ABSENT)
    @Nullable
    public abstract Optional<BigDecimal> pricingQuantity();

    /** The unit of {@link #pricingQuantity()} (FOCUS PricingUnit). */
    @JsonInclude(JsonInclude.Include.NON_ABSENT)
    @Nullable
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

    /**
     * Returns the fields of the item that are present, by name, such as
     * {@code LineItem{id=1, ownerUin=100000000001, ...}}; an absent optional field is left out.
     */
    @Override
    public String toString() {
        return com.google.common.base.MoreObjects.toStringHelper("LineItem")
                .omitNullValues()
                .add("id", id())
                .add("ownerUin", ownerUin())
                .add("payerUin", payerUin())
                .add("operatorUin", operatorUin().orElse(null))
                .add("businessCode", businessCode())
                .add("productCode", productCode().orElse(null))
                .add("itemCode", itemCode().orElse(null))
                .add("regionId", regionId().orElse(null))
                .add("projectId", projectId().orElse(null))
                .add("resourceId", resourceId().orElse(null))
                .add("instanceType", instanceType().orElse(null))
                .add("payMode", payMode())
                .add("settlementCycle", settlementCycle().orElse(null))
                .add("actionType", actionType())
                .add("feePeriod", feePeriod())
                .add("deductionTime", deductionTime().orElse(null))
                .add("orderId", orderId().orElse(null))
                .add("originalOrderId", originalOrderId().orElse(null))
                .add("billingMode", billingMode().orElse(null))
                .add("purchaseQuantity", purchaseQuantity().orElse(null))
                .add("purchaseDuration", purchaseDuration().orElse(null))
                .add("usageQuantity", usageQuantity().orElse(null))
                .add("usageUnit", usageUnit().orElse(null))
                .add("listCost", listCost())
                .add("discountRate", discountRate().orElse(null))
                .add("reservedInstanceDeduction", reservedInstanceDeduction().orElse(null))
                .add("savingsPlanDeduction", savingsPlanDeduction().orElse(null))
                .add("cashPaid", cashPaid().orElse(null))
                .add("voucherPaid", voucherPaid().orElse(null))
                .add("incentivePaid", incentivePaid().orElse(null))
                .add("transferPaid", transferPaid().orElse(null))
                .add("creditPaid", creditPaid().orElse(null))
                .add("couponPaid", couponPaid().orElse(null))
                .add("tax", tax().orElse(null))
                .add("totalCost", totalCost())
                .add("effectiveCost", effectiveCost().orElse(null))
                .add("contractedCost", contractedCost().orElse(null))
                .add("pricingQuantity", pricingQuantity().orElse(null))
                .add("pricingUnit", pricingUnit().orElse(null))
                .add("attributes", attributes())
                .add("tags", tags())
                .toString();
    }

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
        // an Optional field is stored as given (so its accessor makes no Optional); null is not an Optional
        Objects.requireNonNull(operatorUin(), "operatorUin");
        Objects.requireNonNull(productCode(), "productCode");
        Objects.requireNonNull(itemCode(), "itemCode");
        Objects.requireNonNull(regionId(), "regionId");
        Objects.requireNonNull(projectId(), "projectId");
        Objects.requireNonNull(resourceId(), "resourceId");
        Objects.requireNonNull(instanceType(), "instanceType");
        Objects.requireNonNull(settlementCycle(), "settlementCycle");
        Objects.requireNonNull(deductionTime(), "deductionTime");
        Objects.requireNonNull(orderId(), "orderId");
        Objects.requireNonNull(originalOrderId(), "originalOrderId");
        Objects.requireNonNull(billingMode(), "billingMode");
        Objects.requireNonNull(purchaseQuantity(), "purchaseQuantity");
        Objects.requireNonNull(purchaseDuration(), "purchaseDuration");
        Objects.requireNonNull(usageQuantity(), "usageQuantity");
        Objects.requireNonNull(usageUnit(), "usageUnit");
        Objects.requireNonNull(discountRate(), "discountRate");
        Objects.requireNonNull(reservedInstanceDeduction(), "reservedInstanceDeduction");
        Objects.requireNonNull(savingsPlanDeduction(), "savingsPlanDeduction");
        Objects.requireNonNull(cashPaid(), "cashPaid");
        Objects.requireNonNull(voucherPaid(), "voucherPaid");
        Objects.requireNonNull(incentivePaid(), "incentivePaid");
        Objects.requireNonNull(transferPaid(), "transferPaid");
        Objects.requireNonNull(creditPaid(), "creditPaid");
        Objects.requireNonNull(couponPaid(), "couponPaid");
        Objects.requireNonNull(tax(), "tax");
        Objects.requireNonNull(effectiveCost(), "effectiveCost");
        Objects.requireNonNull(contractedCost(), "contractedCost");
        Objects.requireNonNull(pricingQuantity(), "pricingQuantity");
        Objects.requireNonNull(pricingUnit(), "pricingUnit");
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
