package org.cloudbilling.core.io;

import java.time.Instant;
import java.util.Currency;
import java.util.Optional;
import java.util.function.Function;
import org.cloudbilling.core.bill.ActionType;
import org.cloudbilling.core.bill.LineItem;
import org.cloudbilling.core.bill.PayMode;
import org.cloudbilling.core.bill.SettlementCycle;
import org.cloudbilling.core.id.BusinessCode;
import org.cloudbilling.core.id.Identifier;
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
    ID("id", true, i -> i.id().value(), (b, v, c) -> b.id(LineItemId.of(v))),
    OWNER_UIN("ownerUin", true, i -> i.ownerUin().value(), (b, v, c) -> b.ownerUin(OwnerUin.of(v))),
    PAYER_UIN("payerUin", true, i -> i.payerUin().value(), (b, v, c) -> b.payerUin(PayerUin.of(v))),
    OPERATOR_UIN("operatorUin", false, i -> id(i.operatorUin()), (b, v, c) -> b.operatorUin(OperatorUin.of(v))),
    BUSINESS_CODE("businessCode", true, i -> i.businessCode().value(), (b, v, c) -> b.businessCode(BusinessCode.of(v))),
    PRODUCT_CODE("productCode", false, i -> id(i.productCode()), (b, v, c) -> b.productCode(ProductCode.of(v))),
    ITEM_CODE("itemCode", false, i -> id(i.itemCode()), (b, v, c) -> b.itemCode(ItemCode.of(v))),
    REGION_ID("regionId", false, i -> id(i.regionId()), (b, v, c) -> b.regionId(RegionId.of(v))),
    PROJECT_ID("projectId", false, i -> id(i.projectId()), (b, v, c) -> b.projectId(ProjectId.of(v))),
    RESOURCE_ID("resourceId", false, i -> id(i.resourceId()), (b, v, c) -> b.resourceId(ResourceId.of(v))),
    INSTANCE_TYPE("instanceType", false, i -> id(i.instanceType()), (b, v, c) -> b.instanceType(InstanceType.of(v))),
    PAY_MODE("payMode", true, i -> i.payMode().name(), (b, v, c) -> b.payMode(constant(PayMode.class, v))),
    SETTLEMENT_CYCLE(
            "settlementCycle",
            false,
            i -> i.settlementCycle().map(Enum::name).orElse(null),
            (b, v, c) -> b.settlementCycle(constant(SettlementCycle.class, v))),
    ACTION_TYPE(
            "actionType", true, i -> i.actionType().name(), (b, v, c) -> b.actionType(constant(ActionType.class, v))),
    /** Read together with {@link #FEE_PERIOD_END} by the reader. */
    FEE_PERIOD_START("feePeriodStart", true, i -> i.feePeriod().start().toString(), null),
    FEE_PERIOD_END("feePeriodEnd", true, i -> i.feePeriod().end().toString(), null),
    DEDUCTION_TIME(
            "deductionTime",
            false,
            i -> i.deductionTime().map(Instant::toString).orElse(null),
            (b, v, c) -> b.deductionTime(instant(v))),
    ORDER_ID("orderId", false, i -> id(i.orderId()), (b, v, c) -> b.orderId(OrderId.of(v))),
    ORIGINAL_ORDER_ID(
            "originalOrderId", false, i -> id(i.originalOrderId()), (b, v, c) -> b.originalOrderId(OrderId.of(v))),
    USAGE_QUANTITY(
            "usageQuantity",
            false,
            i -> i.usageQuantity().map(DecimalText::of).orElse(null),
            (b, v, c) -> b.usageQuantity(Money.parseAmount(v))),
    USAGE_UNIT("usageUnit", false, i -> i.usageUnit().orElse(null), (b, v, c) -> b.usageUnit(v)),
    /** Read first by the reader: every amount of the row is in this currency. */
    CURRENCY("currency", true, i -> i.currency().getCurrencyCode(), null),
    LIST_COST("listCost", true, i -> plain(i.listCost()), (b, v, c) -> b.listCost(money(c, v))),
    DISCOUNT_RATE(
            "discountRate",
            false,
            i -> i.discountRate().map(DecimalText::of).orElse(null),
            (b, v, c) -> b.discountRate(Money.parseAmount(v))),
    RESERVED_INSTANCE_DEDUCTION(
            "reservedInstanceDeduction",
            false,
            i -> plain(i.reservedInstanceDeduction()),
            (b, v, c) -> b.reservedInstanceDeduction(money(c, v))),
    SAVINGS_PLAN_DEDUCTION(
            "savingsPlanDeduction",
            false,
            i -> plain(i.savingsPlanDeduction()),
            (b, v, c) -> b.savingsPlanDeduction(money(c, v))),
    CASH_PAID("cashPaid", false, i -> plain(i.cashPaid()), (b, v, c) -> b.cashPaid(money(c, v))),
    VOUCHER_PAID("voucherPaid", false, i -> plain(i.voucherPaid()), (b, v, c) -> b.voucherPaid(money(c, v))),
    INCENTIVE_PAID("incentivePaid", false, i -> plain(i.incentivePaid()), (b, v, c) -> b.incentivePaid(money(c, v))),
    TRANSFER_PAID("transferPaid", false, i -> plain(i.transferPaid()), (b, v, c) -> b.transferPaid(money(c, v))),
    CREDIT_PAID("creditPaid", false, i -> plain(i.creditPaid()), (b, v, c) -> b.creditPaid(money(c, v))),
    COUPON_PAID("couponPaid", false, i -> plain(i.couponPaid()), (b, v, c) -> b.couponPaid(money(c, v))),
    TAX("tax", false, i -> plain(i.tax()), (b, v, c) -> b.tax(money(c, v))),
    TOTAL_COST("totalCost", true, i -> plain(i.totalCost()), (b, v, c) -> b.totalCost(money(c, v))),
    /** A JSON object of string values; written and read by the codec, which owns a JSON mapper. */
    TAGS("tags", false, null, null);

    /** Sets a field from a non-empty cell; throws IllegalArgumentException for a bad value. */
    @FunctionalInterface
    interface Setter {
        void set(LineItem.Builder builder, String cell, Currency currency);
    }

    final String header;
    final boolean required;
    final Function<LineItem, String> writer;
    final Setter setter;

    CanonicalColumn(String header, boolean required, Function<LineItem, String> writer, Setter setter) {
        this.header = header;
        this.required = required;
        this.writer = writer;
        this.setter = setter;
    }

    private static String id(Optional<? extends Identifier> id) {
        return id.map(Identifier::value).orElse(null);
    }

    private static String plain(Money money) {
        return money.amount().toPlainString();
    }

    private static String plain(Optional<Money> money) {
        return money.map(CanonicalColumn::plain).orElse(null);
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
