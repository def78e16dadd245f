package org.cloudbilling.core.io.internal;

import com.google.common.collect.ImmutableMap;
import java.math.BigDecimal;
import java.time.Instant;
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
 * by {@link #make()} without the builder (no builder object, no copy of the tags map, no {@code Optional}): the
 * item is the one the builder gives for the same values, and its invariants are checked the same way, with the same
 * errors. One per parser, so per thread: {@link #clear()} it before each row.
 *
 * <p>A field left null is absent; a required field left null is refused by {@link #make()}
 * ({@link IllegalStateException}, as the builder refuses it).
 */
public final class LineItemFields {
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
    public OperatorUin operatorUin;
    public BusinessCode businessCode;
    public ProductCode productCode;
    public ItemCode itemCode;
    public RegionId regionId;
    public ProjectId projectId;
    public ResourceId resourceId;
    public InstanceType instanceType;
    public PayMode payMode;
    public SettlementCycle settlementCycle;
    public ActionType actionType;
    public Interval feePeriod;
    public Instant deductionTime;
    public OrderId orderId;
    public OrderId originalOrderId;
    public BillingMode billingMode;
    public Integer purchaseQuantity;
    public BigDecimal purchaseDuration;
    public BigDecimal usageQuantity;
    public String usageUnit;
    public Money listCost;
    public BigDecimal discountRate;
    public Money reservedInstanceDeduction;
    public Money savingsPlanDeduction;
    public Money cashPaid;
    public Money voucherPaid;
    public Money incentivePaid;
    public Money transferPaid;
    public Money creditPaid;
    public Money couponPaid;
    public Money tax;
    public Money totalCost;
    public Money effectiveCost;
    public Money contractedCost;
    public BigDecimal pricingQuantity;
    public String pricingUnit;
    /** Never null: empty when the source has no other column. */
    public ImmutableMap<String, String> attributes = ImmutableMap.of();
    /** Never null: empty for an item without tags. */
    public ImmutableMap<TagKey, String> tags = ImmutableMap.of();

    /** Sets every field absent, the maps empty. */
    public void clear() {
        id = null;
        ownerUin = null;
        payerUin = null;
        operatorUin = null;
        businessCode = null;
        productCode = null;
        itemCode = null;
        regionId = null;
        projectId = null;
        resourceId = null;
        instanceType = null;
        payMode = null;
        settlementCycle = null;
        actionType = null;
        feePeriod = null;
        deductionTime = null;
        orderId = null;
        originalOrderId = null;
        billingMode = null;
        purchaseQuantity = null;
        purchaseDuration = null;
        usageQuantity = null;
        usageUnit = null;
        listCost = null;
        discountRate = null;
        reservedInstanceDeduction = null;
        savingsPlanDeduction = null;
        cashPaid = null;
        voucherPaid = null;
        incentivePaid = null;
        transferPaid = null;
        creditPaid = null;
        couponPaid = null;
        tax = null;
        totalCost = null;
        effectiveCost = null;
        contractedCost = null;
        pricingQuantity = null;
        pricingUnit = null;
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
