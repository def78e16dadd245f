package org.cloudbilling.core.bill;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;
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
    ID("id", "id", "x_LineItemId"),
    /** The account that owns and uses the resource. */
    OWNER_UIN("ownerUin", "ownerUin", "SubAccountId"),
    /** The account that pays. */
    PAYER_UIN("payerUin", "payerUin", "BillingAccountId"),
    /** The operator. */
    OPERATOR_UIN("operatorUin", "operatorUin", "x_OperatorUin"),
    /** The product, level 1. */
    BUSINESS_CODE("businessCode", "businessCode", "ServiceName"),
    /** The product, level 2. */
    PRODUCT_CODE("productCode", "productCode", "x_ProductCode"),
    /** The billing component. */
    ITEM_CODE("itemCode", "itemCode", "SkuId"),
    /** The region. */
    REGION_ID("regionId", "regionId", "RegionId"),
    /** The project. */
    PROJECT_ID("projectId", "projectId", "x_ProjectId"),
    /** The resource. */
    RESOURCE_ID("resourceId", "resourceId", "ResourceId"),
    /** The instance type. */
    INSTANCE_TYPE("instanceType", "instanceType", "x_InstanceType"),
    /** Prepaid or postpaid. */
    PAY_MODE("payMode", "payMode", "x_PayMode"),
    /** The settlement cycle. */
    SETTLEMENT_CYCLE("settlementCycle", "settlementCycle", "x_SettlementCycle"),
    /** What produced the charge. */
    ACTION_TYPE("actionType", "actionType", "x_ActionType"),
    /** The FOCUS category of the charge, as reported, else {@link #chargeCategory(ActionType, PayMode)}. */
    CHARGE_CATEGORY("chargeCategory", null, "ChargeCategory"),
    /** The start of the fee period. */
    FEE_PERIOD_START("feePeriodStart", "feePeriodStart", "ChargePeriodStart"),
    /** The end of the fee period. */
    FEE_PERIOD_END("feePeriodEnd", "feePeriodEnd", "ChargePeriodEnd"),
    /** When the cost was deducted. */
    DEDUCTION_TIME("deductionTime", "deductionTime", "x_DeductionTime"),
    /** The order. */
    ORDER_ID("orderId", "orderId", "x_OrderId"),
    /** The original order. */
    ORIGINAL_ORDER_ID("originalOrderId", "originalOrderId", "x_OriginalOrderId"),
    /** The quantity used. */
    USAGE_QUANTITY("usageQuantity", "usageQuantity", "ConsumedQuantity"),
    /** The unit of the quantity used. */
    USAGE_UNIT("usageUnit", "usageUnit", "ConsumedUnit"),
    /** The quantity the price applies to. */
    PRICING_QUANTITY("pricingQuantity", null, "PricingQuantity"),
    /** The unit of the pricing quantity. */
    PRICING_UNIT("pricingUnit", null, "PricingUnit"),
    /** The currency of every amount. */
    CURRENCY("currency", "currency", "BillingCurrency"),
    /** The cost at list price. */
    LIST_COST("listCost", "listCost", "ListCost"),
    /** The discount rate. */
    DISCOUNT_RATE("discountRate", "discountRate", "x_DiscountRate"),
    /** Covered by a reserved instance. */
    RESERVED_INSTANCE_DEDUCTION(
            "reservedInstanceDeduction", "reservedInstanceDeduction", "x_ReservedInstanceDeduction"),
    /** Covered by a savings plan. */
    SAVINGS_PLAN_DEDUCTION("savingsPlanDeduction", "savingsPlanDeduction", "x_SavingsPlanDeduction"),
    /** Paid in cash. */
    CASH_PAID("cashPaid", "cashPaid", "x_CashPaid"),
    /** Paid with vouchers. */
    VOUCHER_PAID("voucherPaid", "voucherPaid", "x_VoucherPaid"),
    /** Paid with incentive funds. */
    INCENTIVE_PAID("incentivePaid", "incentivePaid", "x_IncentivePaid"),
    /** Paid with transferred funds. */
    TRANSFER_PAID("transferPaid", "transferPaid", "x_TransferPaid"),
    /** Paid on credit. */
    CREDIT_PAID("creditPaid", "creditPaid", "x_CreditPaid"),
    /** Paid with coupons. */
    COUPON_PAID("couponPaid", "couponPaid", "x_CouponPaid"),
    /** The tax. */
    TAX("tax", "tax", "x_Tax"),
    /** The total cost, what is billed. */
    TOTAL_COST("totalCost", "totalCost", "BilledCost"),
    /** The amortized cost ({@link CostMetric#EFFECTIVE_COST}). */
    EFFECTIVE_COST("effectiveCost", null, "EffectiveCost"),
    /** The cost at the negotiated price ({@link CostMetric#CONTRACTED_COST}). */
    CONTRACTED_COST("contractedCost", null, "ContractedCost"),
    /** The tags, a JSON object; group by one tag with {@code tag:KEY}. */
    TAGS("tags", "tags", "Tags");

    private final String fieldName;
    private final String canonicalColumn;
    private final String focusColumn;

    LineItemField(String fieldName, String canonicalColumn, String focusColumn) {
        this.fieldName = fieldName;
        this.canonicalColumn = canonicalColumn;
        this.focusColumn = focusColumn;
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
        if (this == TAGS) {
            throw new UnsupportedOperationException("the tags have no one value: read a tag by its key");
        }
        requireNonNull(item, "item");
        return switch (this) {
            case ID -> item.id().value();
            case OWNER_UIN -> item.ownerUin().value();
            case PAYER_UIN -> item.payerUin().value();
            case OPERATOR_UIN -> id(item.operatorUin());
            case BUSINESS_CODE -> item.businessCode().value();
            case PRODUCT_CODE -> id(item.productCode());
            case ITEM_CODE -> id(item.itemCode());
            case REGION_ID -> id(item.regionId());
            case PROJECT_ID -> id(item.projectId());
            case RESOURCE_ID -> id(item.resourceId());
            case INSTANCE_TYPE -> id(item.instanceType());
            case PAY_MODE -> item.payMode().name();
            case SETTLEMENT_CYCLE -> item.settlementCycle().map(Enum::name).orElse(null);
            case ACTION_TYPE -> item.actionType().name();
            case CHARGE_CATEGORY -> chargeCategoryOf(item);
            case FEE_PERIOD_START -> item.feePeriod().start().toString();
            case FEE_PERIOD_END -> item.feePeriod().end().toString();
            case DEDUCTION_TIME -> item.deductionTime().map(Instant::toString).orElse(null);
            case ORDER_ID -> id(item.orderId());
            case ORIGINAL_ORDER_ID -> id(item.originalOrderId());
            case USAGE_QUANTITY -> plain(item.usageQuantity());
            case USAGE_UNIT -> item.usageUnit().orElse(null);
            case PRICING_QUANTITY -> plain(item.pricingQuantity());
            case PRICING_UNIT -> item.pricingUnit().orElse(null);
            case CURRENCY -> item.currency().getCurrencyCode();
            case LIST_COST -> plain(item.listCost());
            case DISCOUNT_RATE -> plain(item.discountRate());
            case RESERVED_INSTANCE_DEDUCTION -> money(item.reservedInstanceDeduction());
            case SAVINGS_PLAN_DEDUCTION -> money(item.savingsPlanDeduction());
            case CASH_PAID -> money(item.cashPaid());
            case VOUCHER_PAID -> money(item.voucherPaid());
            case INCENTIVE_PAID -> money(item.incentivePaid());
            case TRANSFER_PAID -> money(item.transferPaid());
            case CREDIT_PAID -> money(item.creditPaid());
            case COUPON_PAID -> money(item.couponPaid());
            case TAX -> money(item.tax());
            case TOTAL_COST -> plain(item.totalCost());
            case EFFECTIVE_COST -> plain(CostMetric.EFFECTIVE_COST.of(item));
            case CONTRACTED_COST -> plain(CostMetric.CONTRACTED_COST.of(item));
            case TAGS -> throw new AssertionError(this);
        };
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
