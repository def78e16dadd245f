package org.cloudbilling.core.bill;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;
import org.cloudbilling.core.id.Identifier;
import org.cloudbilling.core.money.Money;

/**
 * The vocabulary of line-item fields: each field has one name (the library's, such as {@code ownerUin}), one
 * extractor (its value as text), one canonical CSV column (or none) and one FOCUS column (a FOCUS column such as
 * {@code SubAccountId}, or the library's {@code x_} custom column). Consolidation's dimensions, the canonical CSV
 * and the FOCUS mapping derive their names from it, and the command line's {@code --by} accepts both names.
 *
 * <pre>{@code
 * LineItemField f = LineItemField.parse("SubAccountId").orElseThrow();   // OWNER_UIN
 * String owner = f.text(item);                                           // item.ownerUin().value()
 * }</pre>
 *
 * <p>The text of a value is the canonical CSV's cell: identifiers as given, enumerations by name, instants as
 * {@code 2024-09-01T00:00:00Z}, amounts and quantities as plain decimals; null when the item has none.
 */
public enum LineItemField {
    /** The row's identifier. */
    ID("id", "id", "x_LineItemId", i -> i.id().value()),
    /** The account that owns and uses the resource. */
    OWNER_UIN("ownerUin", "ownerUin", "SubAccountId", i -> i.ownerUin().value()),
    /** The account that pays. */
    PAYER_UIN("payerUin", "payerUin", "BillingAccountId", i -> i.payerUin().value()),
    /** The operator. */
    OPERATOR_UIN("operatorUin", "operatorUin", "x_OperatorUin", i -> id(i.operatorUin())),
    /** The product, level 1. */
    BUSINESS_CODE(
            "businessCode", "businessCode", "ServiceName", i -> i.businessCode().value()),
    /** The product, level 2. */
    PRODUCT_CODE("productCode", "productCode", "x_ProductCode", i -> id(i.productCode())),
    /** The billing component. */
    ITEM_CODE("itemCode", "itemCode", "SkuId", i -> id(i.itemCode())),
    /** The region. */
    REGION_ID("regionId", "regionId", "RegionId", i -> id(i.regionId())),
    /** The project. */
    PROJECT_ID("projectId", "projectId", "x_ProjectId", i -> id(i.projectId())),
    /** The resource. */
    RESOURCE_ID("resourceId", "resourceId", "ResourceId", i -> id(i.resourceId())),
    /** The instance type. */
    INSTANCE_TYPE("instanceType", "instanceType", "x_InstanceType", i -> id(i.instanceType())),
    /** Prepaid or postpaid. */
    PAY_MODE("payMode", "payMode", "x_PayMode", i -> i.payMode().name()),
    /** The settlement cycle. */
    SETTLEMENT_CYCLE(
            "settlementCycle",
            "settlementCycle",
            "x_SettlementCycle",
            i -> i.settlementCycle().map(Enum::name).orElse(null)),
    /** What produced the charge. */
    ACTION_TYPE("actionType", "actionType", "x_ActionType", i -> i.actionType().name()),
    /** The FOCUS category of the charge, as reported, else {@link #chargeCategory(ActionType, PayMode)}. */
    CHARGE_CATEGORY("chargeCategory", null, "ChargeCategory", LineItemField::chargeCategoryOf),
    /** The start of the fee period. */
    FEE_PERIOD_START(
            "feePeriodStart",
            "feePeriodStart",
            "ChargePeriodStart",
            i -> i.feePeriod().start().toString()),
    /** The end of the fee period. */
    FEE_PERIOD_END(
            "feePeriodEnd",
            "feePeriodEnd",
            "ChargePeriodEnd",
            i -> i.feePeriod().end().toString()),
    /** When the cost was deducted. */
    DEDUCTION_TIME(
            "deductionTime",
            "deductionTime",
            "x_DeductionTime",
            i -> i.deductionTime().map(Instant::toString).orElse(null)),
    /** The order. */
    ORDER_ID("orderId", "orderId", "x_OrderId", i -> id(i.orderId())),
    /** The original order. */
    ORIGINAL_ORDER_ID("originalOrderId", "originalOrderId", "x_OriginalOrderId", i -> id(i.originalOrderId())),
    /** The quantity used. */
    USAGE_QUANTITY("usageQuantity", "usageQuantity", "ConsumedQuantity", i -> plain(i.usageQuantity())),
    /** The unit of the quantity used. */
    USAGE_UNIT("usageUnit", "usageUnit", "ConsumedUnit", i -> i.usageUnit().orElse(null)),
    /** The quantity the price applies to. */
    PRICING_QUANTITY("pricingQuantity", null, "PricingQuantity", i -> plain(i.pricingQuantity())),
    /** The unit of the pricing quantity. */
    PRICING_UNIT("pricingUnit", null, "PricingUnit", i -> i.pricingUnit().orElse(null)),
    /** The currency of every amount. */
    CURRENCY("currency", "currency", "BillingCurrency", i -> i.currency().getCurrencyCode()),
    /** The cost at list price. */
    LIST_COST("listCost", "listCost", "ListCost", i -> plain(i.listCost())),
    /** The discount rate. */
    DISCOUNT_RATE("discountRate", "discountRate", "x_DiscountRate", i -> plain(i.discountRate())),
    /** Covered by a reserved instance. */
    RESERVED_INSTANCE_DEDUCTION(
            "reservedInstanceDeduction",
            "reservedInstanceDeduction",
            "x_ReservedInstanceDeduction",
            i -> money(i.reservedInstanceDeduction())),
    /** Covered by a savings plan. */
    SAVINGS_PLAN_DEDUCTION(
            "savingsPlanDeduction",
            "savingsPlanDeduction",
            "x_SavingsPlanDeduction",
            i -> money(i.savingsPlanDeduction())),
    /** Paid in cash. */
    CASH_PAID("cashPaid", "cashPaid", "x_CashPaid", i -> money(i.cashPaid())),
    /** Paid with vouchers. */
    VOUCHER_PAID("voucherPaid", "voucherPaid", "x_VoucherPaid", i -> money(i.voucherPaid())),
    /** Paid with incentive funds. */
    INCENTIVE_PAID("incentivePaid", "incentivePaid", "x_IncentivePaid", i -> money(i.incentivePaid())),
    /** Paid with transferred funds. */
    TRANSFER_PAID("transferPaid", "transferPaid", "x_TransferPaid", i -> money(i.transferPaid())),
    /** Paid on credit. */
    CREDIT_PAID("creditPaid", "creditPaid", "x_CreditPaid", i -> money(i.creditPaid())),
    /** Paid with coupons. */
    COUPON_PAID("couponPaid", "couponPaid", "x_CouponPaid", i -> money(i.couponPaid())),
    /** The tax. */
    TAX("tax", "tax", "x_Tax", i -> money(i.tax())),
    /** The total cost, what is billed. */
    TOTAL_COST("totalCost", "totalCost", "BilledCost", i -> plain(i.totalCost())),
    /** The amortized cost ({@link CostMetric#EFFECTIVE_COST}). */
    EFFECTIVE_COST("effectiveCost", null, "EffectiveCost", i -> plain(CostMetric.EFFECTIVE_COST.of(i))),
    /** The cost at the negotiated price ({@link CostMetric#CONTRACTED_COST}). */
    CONTRACTED_COST("contractedCost", null, "ContractedCost", i -> plain(CostMetric.CONTRACTED_COST.of(i))),
    /** The tags, a JSON object; group by one tag with {@code tag:KEY}. */
    TAGS("tags", "tags", "Tags", null);

    private final String fieldName;
    private final String canonicalColumn;
    private final String focusColumn;
    private final Function<LineItem, String> extractor;

    LineItemField(String fieldName, String canonicalColumn, String focusColumn, Function<LineItem, String> extractor) {
        this.fieldName = fieldName;
        this.canonicalColumn = canonicalColumn;
        this.focusColumn = focusColumn;
        this.extractor = extractor;
    }

    /** Returns the field's name in the library, such as {@code ownerUin}. */
    public String fieldName() {
        return fieldName;
    }

    /** Returns the field's column in the canonical line-item CSV; empty for a field it does not write. */
    public Optional<String> canonicalColumn() {
        return Optional.ofNullable(canonicalColumn);
    }

    /** Returns the field's FOCUS column: a FOCUS column such as {@code SubAccountId}, or an {@code x_} column. */
    public String focusColumn() {
        return focusColumn;
    }

    /** Returns whether {@link #focusColumn()} is one the FOCUS specification defines (not an {@code x_} one). */
    public boolean isFocusDefined() {
        return !focusColumn.startsWith("x_");
    }

    /**
     * Returns the item's value as text, or null when it has none.
     *
     * @throws UnsupportedOperationException for {@link #TAGS}: a tag's value is read by its key
     */
    public String text(LineItem item) {
        if (extractor == null) {
            throw new UnsupportedOperationException("the tags have no one value: read a tag by its key");
        }
        return extractor.apply(requireNonNull(item, "item"));
    }

    /**
     * Returns the field named {@code name}: by its library name ({@code ownerUin}) or its FOCUS column
     * ({@code SubAccountId}, {@code x_ProjectId}).
     *
     * @param name the name, not null
     * @return the field, if one has that name
     */
    public static Optional<LineItemField> parse(String name) {
        requireNonNull(name, "name");
        for (LineItemField f : values()) {
            if (f.fieldName.equals(name) || f.focusColumn.equals(name)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    /**
     * Returns the FOCUS ChargeCategory of an action type and pay mode (FOCUS-4): the one mapping of the library,
     * used by the FOCUS export and by consolidation by ChargeCategory alike. FOCUS 1.0 defines Usage and Purchase as
     * charges "including refunds", Credit as credits the provider grants and Adjustment as what fits no other
     * category, so:
     *
     * <ul>
     *   <li>usage and commitment deductions are {@code Usage};
     *   <li>new purchases, renewals, upgrades, downgrades and commitment purchases are {@code Purchase};
     *   <li>a refund is a negative charge of what it gives back: {@code Purchase} when prepaid, {@code Usage} when
     *       postpaid (never {@code Credit});
     *   <li>credits are {@code Credit}; tax is {@code Tax};
     *   <li>adjustments and anything else ({@link ActionType#OTHER}) are {@code Adjustment}.
     * </ul>
     *
     * @param type the action type, not null
     * @param mode the pay mode, not null
     * @return the category, never null
     */
    public static String chargeCategory(ActionType type, PayMode mode) {
        requireNonNull(mode, "mode");
        switch (requireNonNull(type, "type")) {
            case USAGE:
            case COMMITMENT_DEDUCTION:
                return "Usage";
            case NEW_PURCHASE:
            case RENEWAL:
            case UPGRADE:
            case DOWNGRADE:
            case COMMITMENT_PURCHASE:
                return "Purchase";
            case REFUND:
                return mode == PayMode.PREPAID ? "Purchase" : "Usage";
            case CREDIT:
                return "Credit";
            case TAX:
                return "Tax";
            case ADJUSTMENT:
            case OTHER:
                return "Adjustment";
            default:
                throw new AssertionError("bug: unknown action type " + type);
        }
    }

    private static String chargeCategoryOf(LineItem item) {
        String reported = item.attributes().get("ChargeCategory");
        return reported != null ? reported : chargeCategory(item.actionType(), item.payMode());
    }

    private static String id(Optional<? extends Identifier> id) {
        return id.isPresent() ? id.get().value() : null;
    }

    private static String plain(Money money) {
        return money.amount().toPlainString();
    }

    private static String money(Optional<Money> money) {
        return money.isPresent() ? plain(money.get()) : null;
    }

    private static String plain(Optional<BigDecimal> value) {
        return value.isPresent() ? value.get().toPlainString() : null;
    }
}
