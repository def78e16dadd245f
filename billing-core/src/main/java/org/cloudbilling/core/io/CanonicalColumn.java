package org.cloudbilling.core.io;

import java.time.Instant;
import java.util.Currency;
import org.cloudbilling.core.bill.ActionType;
import org.cloudbilling.core.bill.LineItem;
import org.cloudbilling.core.bill.LineItemField;
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
import org.cloudbilling.core.io.internal.DecimalText;
import org.cloudbilling.core.money.Money;

/**
 * The columns of the canonical line-item CSV, in order. Each knows how to write its cell and to set its
 * field on a builder; an empty cell means an absent optional field.
 */
enum CanonicalColumn {
    ID("id", true),
    OWNER_UIN("ownerUin", true),
    PAYER_UIN("payerUin", true),
    OPERATOR_UIN("operatorUin", false),
    BUSINESS_CODE("businessCode", true),
    PRODUCT_CODE("productCode", false),
    ITEM_CODE("itemCode", false),
    REGION_ID("regionId", false),
    PROJECT_ID("projectId", false),
    RESOURCE_ID("resourceId", false),
    INSTANCE_TYPE("instanceType", false),
    PAY_MODE("payMode", true),
    SETTLEMENT_CYCLE("settlementCycle", false),
    ACTION_TYPE("actionType", true),
    /** Read together with {@link #FEE_PERIOD_END} by the reader. */
    FEE_PERIOD_START("feePeriodStart", true),
    FEE_PERIOD_END("feePeriodEnd", true),
    DEDUCTION_TIME("deductionTime", false),
    ORDER_ID("orderId", false),
    ORIGINAL_ORDER_ID("originalOrderId", false),
    USAGE_QUANTITY("usageQuantity", false),
    USAGE_UNIT("usageUnit", false),
    /** Read first by the reader: every amount of the row is in this currency. */
    CURRENCY("currency", true),
    LIST_COST("listCost", true),
    DISCOUNT_RATE("discountRate", false),
    RESERVED_INSTANCE_DEDUCTION("reservedInstanceDeduction", false),
    SAVINGS_PLAN_DEDUCTION("savingsPlanDeduction", false),
    CASH_PAID("cashPaid", false),
    VOUCHER_PAID("voucherPaid", false),
    INCENTIVE_PAID("incentivePaid", false),
    TRANSFER_PAID("transferPaid", false),
    CREDIT_PAID("creditPaid", false),
    COUPON_PAID("couponPaid", false),
    TAX("tax", false),
    TOTAL_COST("totalCost", true),
    /** A JSON object of string values; written and read by the codec, which owns a JSON mapper. */
    TAGS("tags", false);

    final String header;
    final boolean required;
    /** The vocabulary's field of this column, of the same name. */
    private final LineItemField field;

    CanonicalColumn(String header, boolean required) {
        this.header = header;
        this.required = required;
        this.field = LineItemField.valueOf(name());
    }

    // switches, not a function per column: an enum of lambdas spins a class for each at its first use, which cost
    // a command's start tens of milliseconds

    /**
     * The item's cell in this column, or null for an empty cell: its field's text ({@link LineItemField#text}), but
     * for the two decimals read as given, whose cell keeps a negative scale ({@code 1E+3}) that plain digits would
     * lose. Not for {@link #TAGS}, which the codec writes.
     */
    String cell(LineItem item) {
        return switch (this) {
            case USAGE_QUANTITY -> item.usageQuantity().map(DecimalText::of).orElse(null);
            case DISCOUNT_RATE -> item.discountRate().map(DecimalText::of).orElse(null);
            case TAGS -> throw new IllegalStateException(this + " is written by the codec");
            default -> field.text(item);
        };
    }

    /**
     * Sets this column's field from a non-empty cell; throws IllegalArgumentException for a bad value. Not for
     * {@link #FEE_PERIOD_START}, {@link #FEE_PERIOD_END}, {@link #CURRENCY}, {@link #TAGS}, which the reader reads itself.
     */
    void set(LineItem.Builder builder, String cell, Currency currency) {
        switch (this) {
            case ID -> builder.id(LineItemId.of(cell));
            case OWNER_UIN -> builder.ownerUin(OwnerUin.of(cell));
            case PAYER_UIN -> builder.payerUin(PayerUin.of(cell));
            case OPERATOR_UIN -> builder.operatorUin(OperatorUin.of(cell));
            case BUSINESS_CODE -> builder.businessCode(BusinessCode.of(cell));
            case PRODUCT_CODE -> builder.productCode(ProductCode.of(cell));
            case ITEM_CODE -> builder.itemCode(ItemCode.of(cell));
            case REGION_ID -> builder.regionId(RegionId.of(cell));
            case PROJECT_ID -> builder.projectId(ProjectId.of(cell));
            case RESOURCE_ID -> builder.resourceId(ResourceId.of(cell));
            case INSTANCE_TYPE -> builder.instanceType(InstanceType.of(cell));
            case PAY_MODE -> builder.payMode(constant(PayMode.class, cell));
            case SETTLEMENT_CYCLE -> builder.settlementCycle(constant(SettlementCycle.class, cell));
            case ACTION_TYPE -> builder.actionType(constant(ActionType.class, cell));
            case DEDUCTION_TIME -> builder.deductionTime(instant(cell));
            case ORDER_ID -> builder.orderId(OrderId.of(cell));
            case ORIGINAL_ORDER_ID -> builder.originalOrderId(OrderId.of(cell));
            case USAGE_QUANTITY -> builder.usageQuantity(Money.parseAmount(cell));
            case USAGE_UNIT -> builder.usageUnit(cell);
            case LIST_COST -> builder.listCost(money(currency, cell));
            case DISCOUNT_RATE -> builder.discountRate(Money.parseAmount(cell));
            case RESERVED_INSTANCE_DEDUCTION -> builder.reservedInstanceDeduction(money(currency, cell));
            case SAVINGS_PLAN_DEDUCTION -> builder.savingsPlanDeduction(money(currency, cell));
            case CASH_PAID -> builder.cashPaid(money(currency, cell));
            case VOUCHER_PAID -> builder.voucherPaid(money(currency, cell));
            case INCENTIVE_PAID -> builder.incentivePaid(money(currency, cell));
            case TRANSFER_PAID -> builder.transferPaid(money(currency, cell));
            case CREDIT_PAID -> builder.creditPaid(money(currency, cell));
            case COUPON_PAID -> builder.couponPaid(money(currency, cell));
            case TAX -> builder.tax(money(currency, cell));
            case TOTAL_COST -> builder.totalCost(money(currency, cell));
            case FEE_PERIOD_START, FEE_PERIOD_END, CURRENCY, TAGS ->
                throw new IllegalStateException(this + " is read by the reader itself");
        }
    }

    private static Money money(Currency currency, String cell) {
        return Money.of(currency, Money.parseAmount(cell));
    }

    static Instant instant(String cell) {
        Instant time;
        try {
            time = Instant.parse(cell);
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException(
                    "'" + cell + "' is not an ISO-8601 instant such as 2024-09-01T00:00:00Z");
        }
        return SupportedTimes.check(time); // whole seconds in the years 1 to 9998 (IO-3)
    }

    private static <E extends Enum<E>> E constant(Class<E> type, String cell) {
        try {
            return Enum.valueOf(type, cell);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "'" + cell + "' is not one of " + java.util.Arrays.toString(type.getEnumConstants()));
        }
    }
}
