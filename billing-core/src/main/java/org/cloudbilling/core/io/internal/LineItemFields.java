package org.cloudbilling.core.io.internal;

import com.google.common.collect.ImmutableMap;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;
import org.cloudbilling.core.bill.ActionType;
import org.cloudbilling.core.bill.LineItem;
import org.cloudbilling.core.bill.PayMode;
import org.cloudbilling.core.bill.SettlementCycle;
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
import org.cloudbilling.core.money.Money;
import org.cloudbilling.core.recon.BillingMode;
import org.cloudbilling.core.time.Interval;

/**
 * Not API: the fields of one line item as a reader's fast path fills them from a row, made into a {@link LineItem}
 * by {@link #make()} without the builder (no builder object, no copy of the tags map): the item is the one the
 * builder gives for the same values, and its invariants are checked the same way, with the same errors. One per
 * parser, so per thread: {@link #clear()} it before each row.
 *
 * <p>A required field left null is refused by {@link #make()} ({@link IllegalStateException}, as the builder
 * refuses it). An optional field is held as the {@code Optional} the item stores, empty when absent, so a reader
 * can hand the same {@code Optional} to every row with the same cell (one per distinct cell, from its dictionary,
 * not one per row); a null one is refused by {@link #make()} as {@code check()} refuses it.
 */
public final class LineItemFields {
    // the values of the optional identifier columns' dictionaries: the Optional the item stores, one per distinct cell
    public static final Function<String, Optional<OperatorUin>> OPERATOR_UIN = s -> Optional.of(OperatorUin.of(s));
    public static final Function<String, Optional<ProductCode>> PRODUCT_CODE = s -> Optional.of(ProductCode.of(s));
    public static final Function<String, Optional<ItemCode>> ITEM_CODE = s -> Optional.of(ItemCode.of(s));
    public static final Function<String, Optional<RegionId>> REGION_ID = s -> Optional.of(RegionId.of(s));
    public static final Function<String, Optional<ProjectId>> PROJECT_ID = s -> Optional.of(ProjectId.of(s));
    public static final Function<String, Optional<ResourceId>> RESOURCE_ID = s -> Optional.of(ResourceId.of(s));
    public static final Function<String, Optional<InstanceType>> INSTANCE_TYPE = s -> Optional.of(InstanceType.of(s));

    /** What {@link LineItem} gives this class, once, when it is initialized. */
    public interface Maker {
        /**
         * Makes the item of {@code fields}.
         *
         * @param fields not null
         * @return the item, never null
         * @throws IllegalStateException if a required field is null
         * @throws IllegalArgumentException if the item breaks an invariant (as {@code LineItem.Builder.build()})
         */
        LineItem make(LineItemFields fields);
    }

    // Written once in LineItem's static initializer, which this class's initializer runs (JLS 12.4.2: the write
    // happens-before any use of this class by another thread)
    private static Maker maker;

    static {
        try {
            Class.forName(LineItem.class.getName(), true, LineItem.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("bug: LineItem not found", e);
        }
    }

    /** {@code LineItemId.compact}, package-private in {@code core.id}: not API. */
    private static final MethodHandle COMPACT_ID;

    static {
        try {
            COMPACT_ID = MethodHandles.privateLookupIn(LineItemId.class, MethodHandles.lookup())
                    .findStatic(
                            LineItemId.class,
                            "compact",
                            MethodType.methodType(LineItemId.class, String.class, long.class));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("bug: LineItemId has no compact factory", e);
        }
    }

    /** {@code ResourceId.compact}, package-private in {@code core.id}: not API. */
    private static final MethodHandle COMPACT_RESOURCE_ID;

    static {
        try {
            COMPACT_RESOURCE_ID = MethodHandles.privateLookupIn(ResourceId.class, MethodHandles.lookup())
                    .findStatic(
                            ResourceId.class,
                            "compact",
                            MethodType.methodType(ResourceId.class, String.class, long.class, int.class));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("bug: ResourceId has no compact factory", e);
        }
    }

    /**
     * The line item id whose text is {@code prefix} followed by {@code number} in decimal (no leading zeros), held as
     * the two (the text made only when asked for): equal to, and with the hash of, {@code LineItemId.of(prefix +
     * number)}. For a file's ids of one prefix and a row number, such as {@code li-42}: one {@code String} for the
     * prefix, shared, and no text per row.
     *
     * @param prefix not null, may be empty (shared among the ids that start with it)
     * @param number not negative
     * @return the id, never null
     */
    public static LineItemId compactId(String prefix, long number) {
        try {
            return (LineItemId) COMPACT_ID.invokeExact(prefix, number);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("bug: the compact id factory threw " + e, e);
        }
    }

    /**
     * The resource id whose text is {@code prefix} followed by {@code number} written in exactly {@code digits}
     * decimal digits (leading zeros included), held as the three (the text made only when asked for): equal to, and
     * with the hash of, {@code ResourceId.of} of that text. For a file's resource ids of one prefix and a number,
     * such as {@code ins-039550}: one {@code String} for the prefix, shared, and no text per row.
     *
     * @param prefix not null, may be empty, not ending in a digit (shared among the ids that start with it)
     * @param number not negative, below 10 to the power {@code digits}
     * @param digits 1 to 17
     * @return the id, never null
     */
    public static ResourceId compactResourceId(String prefix, long number, int digits) {
        try {
            return (ResourceId) COMPACT_RESOURCE_ID.invokeExact(prefix, number, digits);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("bug: the compact resource id factory threw " + e, e);
        }
    }

    /**
     * Called once by {@link LineItem}'s static initializer.
     *
     * @param itemMaker not null
     * @throws IllegalStateException if called a second time
     */
    public static synchronized void install(Maker itemMaker) {
        if (maker != null) {
            throw new IllegalStateException("the line item maker is installed once, by LineItem");
        }
        maker = itemMaker;
    }

    public LineItemId id;
    public OwnerUin ownerUin;
    public PayerUin payerUin;
    public Optional<OperatorUin> operatorUin = Optional.empty();
    public BusinessCode businessCode;
    public Optional<ProductCode> productCode = Optional.empty();
    public Optional<ItemCode> itemCode = Optional.empty();
    public Optional<RegionId> regionId = Optional.empty();
    public Optional<ProjectId> projectId = Optional.empty();
    public Optional<ResourceId> resourceId = Optional.empty();
    public Optional<InstanceType> instanceType = Optional.empty();
    public PayMode payMode;
    public Optional<SettlementCycle> settlementCycle = Optional.empty();
    public ActionType actionType;
    public Interval feePeriod;
    public Optional<Instant> deductionTime = Optional.empty();
    public Optional<OrderId> orderId = Optional.empty();
    public Optional<OrderId> originalOrderId = Optional.empty();
    public Optional<BillingMode> billingMode = Optional.empty();
    public Optional<Integer> purchaseQuantity = Optional.empty();
    public Optional<BigDecimal> purchaseDuration = Optional.empty();
    public Optional<BigDecimal> usageQuantity = Optional.empty();
    public Optional<String> usageUnit = Optional.empty();
    public Money listCost;
    public Optional<BigDecimal> discountRate = Optional.empty();
    public Optional<Money> reservedInstanceDeduction = Optional.empty();
    public Optional<Money> savingsPlanDeduction = Optional.empty();
    public Optional<Money> cashPaid = Optional.empty();
    public Optional<Money> voucherPaid = Optional.empty();
    public Optional<Money> incentivePaid = Optional.empty();
    public Optional<Money> transferPaid = Optional.empty();
    public Optional<Money> creditPaid = Optional.empty();
    public Optional<Money> couponPaid = Optional.empty();
    public Optional<Money> tax = Optional.empty();
    public Money totalCost;
    public Optional<Money> effectiveCost = Optional.empty();
    public Optional<Money> contractedCost = Optional.empty();
    public Optional<BigDecimal> pricingQuantity = Optional.empty();
    public Optional<String> pricingUnit = Optional.empty();
    /** Never null: empty when the source has no other column. */
    public ImmutableMap<String, String> attributes = ImmutableMap.of();
    /** Never null: empty for an item without tags. */
    public ImmutableMap<TagKey, String> tags = ImmutableMap.of();

    /** Sets every field absent, the maps empty. */
    public void clear() {
        id = null;
        ownerUin = null;
        payerUin = null;
        operatorUin = Optional.empty();
        businessCode = null;
        productCode = Optional.empty();
        itemCode = Optional.empty();
        regionId = Optional.empty();
        projectId = Optional.empty();
        resourceId = Optional.empty();
        instanceType = Optional.empty();
        payMode = null;
        settlementCycle = Optional.empty();
        actionType = null;
        feePeriod = null;
        deductionTime = Optional.empty();
        orderId = Optional.empty();
        originalOrderId = Optional.empty();
        billingMode = Optional.empty();
        purchaseQuantity = Optional.empty();
        purchaseDuration = Optional.empty();
        usageQuantity = Optional.empty();
        usageUnit = Optional.empty();
        listCost = null;
        discountRate = Optional.empty();
        reservedInstanceDeduction = Optional.empty();
        savingsPlanDeduction = Optional.empty();
        cashPaid = Optional.empty();
        voucherPaid = Optional.empty();
        incentivePaid = Optional.empty();
        transferPaid = Optional.empty();
        creditPaid = Optional.empty();
        couponPaid = Optional.empty();
        tax = Optional.empty();
        totalCost = null;
        effectiveCost = Optional.empty();
        contractedCost = Optional.empty();
        pricingQuantity = Optional.empty();
        pricingUnit = Optional.empty();
        attributes = ImmutableMap.of();
        tags = ImmutableMap.of();
    }

    /**
     * Makes the item of the fields, as {@code LineItem.builder()} given the same values would.
     *
     * @return the item, never null
     * @throws IllegalStateException if a required field is null
     * @throws IllegalArgumentException if the item breaks an invariant, with the builder's message
     */
    public LineItem make() {
        return maker.make(this);
    }
}
