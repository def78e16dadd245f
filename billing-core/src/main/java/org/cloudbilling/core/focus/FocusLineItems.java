package org.cloudbilling.core.focus;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collections;
import java.util.Currency;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.cloudbilling.core.bill.ActionType;
import org.cloudbilling.core.bill.CostMetric;
import org.cloudbilling.core.bill.LineItem;
import org.cloudbilling.core.bill.LineItemField;
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
import org.cloudbilling.core.id.TagKey;
import org.cloudbilling.core.io.internal.BadCellException;
import org.cloudbilling.core.money.Money;
import org.cloudbilling.core.time.BillingMonth;
import org.cloudbilling.core.time.Interval;

/**
 * Maps line items to FOCUS rows and back; the mapping is listed column by column in {@code docs/formats.md}.
 *
 * <p>A line item's fields that FOCUS has a column for go there (payer to BillingAccountId, owner to SubAccountId,
 * business code to ServiceName, item code to SkuId, total cost to BilledCost and EffectiveCost, fee period to
 * ChargePeriod); the others go to the custom columns {@link #EXTRA_COLUMNS}, so that an export read back gives
 * the same item. Reading a provider's FOCUS data fills only what FOCUS carries: the item is for consolidation,
 * and the {@link FocusRow} keeps every column.
 *
 * <pre>{@code
 * FocusRow row = FocusLineItems.toRow(item, BillingMonth.of(2024, 9), export);
 * LineItem back = FocusLineItems.toLineItem(row, LineItemId.of("fallback"));   // equals item
 * }</pre>
 */
public final class FocusLineItems {
    /** The line item's identifier. */
    public static final String X_LINE_ITEM_ID = "x_LineItemId";

    static final String X_OPERATOR_UIN = "x_OperatorUin";
    static final String X_PRODUCT_CODE = "x_ProductCode";
    static final String X_PROJECT_ID = "x_ProjectId";
    static final String X_INSTANCE_TYPE = "x_InstanceType";
    static final String X_PAY_MODE = "x_PayMode";
    static final String X_SETTLEMENT_CYCLE = "x_SettlementCycle";
    static final String X_ACTION_TYPE = "x_ActionType";
    static final String X_DEDUCTION_TIME = "x_DeductionTime";
    static final String X_ORDER_ID = "x_OrderId";
    static final String X_ORIGINAL_ORDER_ID = "x_OriginalOrderId";
    static final String X_DISCOUNT_RATE = "x_DiscountRate";
    static final String X_RESERVED_INSTANCE_DEDUCTION = "x_ReservedInstanceDeduction";
    static final String X_SAVINGS_PLAN_DEDUCTION = "x_SavingsPlanDeduction";
    static final String X_CASH_PAID = "x_CashPaid";
    static final String X_VOUCHER_PAID = "x_VoucherPaid";
    static final String X_INCENTIVE_PAID = "x_IncentivePaid";
    static final String X_TRANSFER_PAID = "x_TransferPaid";
    static final String X_CREDIT_PAID = "x_CreditPaid";
    static final String X_COUPON_PAID = "x_CouponPaid";
    static final String X_TAX = "x_Tax";

    /**
     * The columns of {@link #EXTRA_COLUMNS} that break an item's amount down (deductions, payments, tax), in order. An
     * export of rows derived from items (allocated shares, re-billed rows) leaves them out: they do not split with the
     * cost.
     */
    public static final List<String> AMOUNT_COLUMNS = List.of(
            X_RESERVED_INSTANCE_DEDUCTION,
            X_SAVINGS_PLAN_DEDUCTION,
            X_CASH_PAID,
            X_VOUCHER_PAID,
            X_INCENTIVE_PAID,
            X_TRANSFER_PAID,
            X_CREDIT_PAID,
            X_COUPON_PAID,
            X_TAX);

    /** The custom columns a line-item export adds after the 43 FOCUS columns, in order: the amount columns last. */
    public static final List<String> EXTRA_COLUMNS = joined(
            List.of(
                    X_LINE_ITEM_ID,
                    X_OPERATOR_UIN,
                    X_PRODUCT_CODE,
                    X_PROJECT_ID,
                    X_INSTANCE_TYPE,
                    X_PAY_MODE,
                    X_SETTLEMENT_CYCLE,
                    X_ACTION_TYPE,
                    X_DEDUCTION_TIME,
                    X_ORDER_ID,
                    X_ORIGINAL_ORDER_ID,
                    X_DISCOUNT_RATE),
            AMOUNT_COLUMNS);

    /** The ServiceCategory of an export: line items carry no category, and FOCUS allows {@code Other}. */
    public static final String SERVICE_CATEGORY = "Other";

    private FocusLineItems() {}

    private static List<String> joined(List<String> first, List<String> then) {
        List<String> all = new java.util.ArrayList<>(first);
        all.addAll(then);
        return List.copyOf(all);
    }

    /**
     * Returns the FOCUS row of {@code item}, billed in {@code billingMonth}, for the export's FOCUS version. A row whose
     * fee period starts before the billing period corrects an earlier period and has ChargeClass {@code Correction}
     * (FOCUS-4). The columns an item read from FOCUS carries ({@link LineItem#attributes()}) are written as they were
     * read, over what the library would derive: values are carried, not repaired; one of a later FOCUS version than
     * the export's is kept in the row, so that the writer refuses it rather than drop it.
     *
     * @param item the line item, not null
     * @param billingMonth the month whose invoice the item is on, not null
     * @param export the issuer's names, calendar and FOCUS version, not null
     * @return the row, never null
     * @throws IllegalArgumentException if a carried attribute cannot be read as its column's type
     */
    public static FocusRow toRow(LineItem item, BillingMonth billingMonth, FocusExport export) {
        requireNonNull(item, "item");
        FocusVersion version = export.version();
        Interval billing = export.calendar().interval(requireNonNull(billingMonth, "billingMonth"));
        boolean carried = !item.attributes().isEmpty();
        String category = chargeCategory(item);
        boolean v12 = version.compareTo(FocusVersion.V1_2) >= 0;
        boolean v13 = version.has(FocusColumn.SERVICE_PROVIDER_NAME);
        boolean derived = v12 && !carried;
        Optional<BigDecimal> pricingQuantity = derived ? pricingQuantity12(item, category) : item.pricingQuantity();
        Optional<String> pricingUnit = derived ? pricingUnit12(item, category) : item.pricingUnit();
        // FOCUS 1.2: a purchase covering the resource's coming period has EffectiveCost 0 (EffectiveCost-C-005-C)
        boolean purchase12 = derived && category.equals("Purchase");
        // FOCUS 1.2: ConsumedQuantity is null unless the charge is Usage (ConsumedQuantity-C-004-C)
        boolean consumed = !v12 || carried || category.equals("Usage");
        FocusRow.Builder b = FocusRow.builder()
                .set(FocusColumn.BILLED_COST, item.totalCost().amount())
                .set(
                        FocusColumn.EFFECTIVE_COST,
                        carried
                                ? item.effectiveCost().map(Money::amount).orElse(null)
                                : purchase12
                                        ? BigDecimal.ZERO
                                        : CostMetric.EFFECTIVE_COST.of(item).amount())
                .set(FocusColumn.LIST_COST, item.listCost().amount())
                .set(
                        FocusColumn.CONTRACTED_COST,
                        carried
                                ? item.contractedCost().map(Money::amount).orElse(null)
                                : item.contractedCost()
                                        .map(Money::amount)
                                        .orElseGet(() -> item.discountRate()
                                                .map(r ->
                                                        item.listCost().amount().multiply(r))
                                                .orElse(item.listCost().amount())))
                .set(FocusColumn.BILLING_ACCOUNT_ID, item.payerUin().value())
                .set(FocusColumn.SUB_ACCOUNT_ID, item.ownerUin().value())
                .set(FocusColumn.BILLING_CURRENCY, item.currency().getCurrencyCode())
                .set(FocusColumn.BILLING_PERIOD_START, billing.start())
                .set(FocusColumn.BILLING_PERIOD_END, billing.end())
                .set(FocusColumn.CHARGE_PERIOD_START, item.feePeriod().start())
                .set(FocusColumn.CHARGE_PERIOD_END, item.feePeriod().end())
                .set(FocusColumn.CHARGE_CATEGORY, category)
                .set(FocusColumn.CHARGE_CLASS, item.feePeriod().start().isBefore(billing.start()) ? "Correction" : null)
                .set(FocusColumn.CHARGE_FREQUENCY, chargeFrequency(item))
                .set(
                        FocusColumn.CONSUMED_QUANTITY,
                        consumed ? item.usageQuantity().orElse(null) : null)
                .set(FocusColumn.CONSUMED_UNIT, consumed ? item.usageUnit().orElse(null) : null)
                .set(FocusColumn.PRICING_QUANTITY, pricingQuantity.orElse(null))
                .set(FocusColumn.PRICING_UNIT, pricingUnit.orElse(null))
                .set(FocusColumn.INVOICE_ISSUER_NAME, export.invoiceIssuerName())
                .set(FocusColumn.PROVIDER_NAME, export.providerName())
                .set(FocusColumn.PUBLISHER_NAME, export.publisherName())
                // FOCUS 1.3 deprecates ProviderName and PublisherName for these two: the provider sells and hosts
                .set(FocusColumn.SERVICE_PROVIDER_NAME, v13 ? export.providerName() : null)
                .set(FocusColumn.HOST_PROVIDER_NAME, v13 ? export.providerName() : null)
                .set(FocusColumn.REGION_ID, value(item.regionId()))
                .set(FocusColumn.RESOURCE_ID, value(item.resourceId()))
                .set(FocusColumn.SERVICE_CATEGORY, SERVICE_CATEGORY)
                .set(FocusColumn.SERVICE_NAME, item.businessCode().value())
                .set(FocusColumn.SKU_ID, value(item.itemCode()))
                .tags(tags(item.tags()))
                .extra(X_LINE_ITEM_ID, item.id().value())
                .extra(X_OPERATOR_UIN, value(item.operatorUin()))
                .extra(X_PRODUCT_CODE, value(item.productCode()))
                .extra(X_PROJECT_ID, value(item.projectId()))
                .extra(X_INSTANCE_TYPE, value(item.instanceType()))
                .extra(X_PAY_MODE, item.payMode().name())
                .extra(
                        X_SETTLEMENT_CYCLE,
                        item.settlementCycle().map(Enum::name).orElse(null))
                .extra(X_ACTION_TYPE, item.actionType().name())
                .extra(
                        X_DEDUCTION_TIME,
                        item.deductionTime().map(Instant::toString).orElse(null))
                .extra(X_ORDER_ID, value(item.orderId()))
                .extra(X_ORIGINAL_ORDER_ID, value(item.originalOrderId()))
                .extra(
                        X_DISCOUNT_RATE,
                        item.discountRate().map(BigDecimal::toPlainString).orElse(null))
                .extra(X_RESERVED_INSTANCE_DEDUCTION, amount(item.reservedInstanceDeduction()))
                .extra(X_SAVINGS_PLAN_DEDUCTION, amount(item.savingsPlanDeduction()))
                .extra(X_CASH_PAID, amount(item.cashPaid()))
                .extra(X_VOUCHER_PAID, amount(item.voucherPaid()))
                .extra(X_INCENTIVE_PAID, amount(item.incentivePaid()))
                .extra(X_TRANSFER_PAID, amount(item.transferPaid()))
                .extra(X_CREDIT_PAID, amount(item.creditPaid()))
                .extra(X_COUPON_PAID, amount(item.couponPaid()))
                .extra(X_TAX, amount(item.tax()));
        if (derived) {
            b.set(FocusColumn.PRICING_CATEGORY, pricingCategory(item, category));
        }
        if (version.has(FocusColumn.SERVICE_SUBCATEGORY)) {
            // the catch-all subcategory of the category ("Other (Other)"): a FOCUS 1.1 column never null
            b.set(FocusColumn.SERVICE_SUBCATEGORY, value(item, FocusColumn.SERVICE_SUBCATEGORY));
        }
        item.attributes().forEach((header, text) -> {
            FocusColumn c = FocusColumn.of(header)
                    .orElseThrow(() -> new IllegalArgumentException(
                            "line item " + item.id() + ": attribute " + header + " is not a FOCUS column"));
            setText(b, c, text);
        });
        return b.build();
    }

    /**
     * Returns the text of {@code column} for {@code item} that does not depend on an export's issuer or billing
     * month: the field of the vocabulary written to that column ({@link LineItemField#focusColumn()}), else the value
     * the item carries ({@link LineItem#attributes()}), else the library's own mapping (ChargeFrequency from the pay
     * mode, ServiceCategory {@code Other}, ServiceSubcategory {@code Other (Other)}), else null. Consolidation groups
     * by it.
     *
     * @param item the item, not null
     * @param column the column, not null
     * @return the text, or null when the item has no value for it
     */
    public static String value(LineItem item, FocusColumn column) {
        Optional<LineItemField> field = LineItemField.parse(column.header());
        if (field.isPresent()) {
            return field.get() == LineItemField.TAGS ? null : field.get().text(item);
        }
        String carried = item.attributes().get(column.header());
        if (carried != null) {
            return carried;
        }
        switch (column) {
            case CHARGE_FREQUENCY:
                return chargeFrequency(item);
            case SERVICE_CATEGORY:
                return SERVICE_CATEGORY;
            case SERVICE_SUBCATEGORY:
                return "Other (" + item.attributes().getOrDefault("ServiceCategory", SERVICE_CATEGORY) + ")";
            default:
                return null;
        }
    }

    /** The unit of a pricing quantity the library states itself: a count of what was bought or charged. */
    static final String COUNT_UNIT = "Units";

    /**
     * FOCUS 1.2 PricingCategory of the library's own row (PricingCategory-C-004-C, C-008-C, C-009-C): a usage charge
     * a commitment (reserved instance or savings plan) paid part of is {@code Committed}; other usage and purchases
     * are priced at the account's agreed rate, {@code Standard}; credits, adjustments and tax have none.
     */
    static String pricingCategory(LineItem item, String category) {
        if (category.equals("Usage")) {
            boolean committed = item.reservedInstanceDeduction()
                            .filter(m -> !m.isZero())
                            .isPresent()
                    || item.savingsPlanDeduction().filter(m -> !m.isZero()).isPresent();
            return committed ? "Committed" : "Standard";
        }
        return category.equals("Purchase") ? "Standard" : null;
    }

    /**
     * FOCUS 1.2 PricingQuantity of the library's own row: the reported pricing quantity, else the usage quantity;
     * a usage or purchase charge (PricingQuantity-C-005-C) without either is priced by count: a purchase's bought
     * quantity ({@link LineItem#purchaseQuantity()}), else 1.
     */
    private static Optional<BigDecimal> pricingQuantity12(LineItem item, String category) {
        Optional<BigDecimal> reported = item.pricingQuantity().or(item::usageQuantity);
        if (reported.isPresent() || !(category.equals("Usage") || category.equals("Purchase"))) {
            return reported;
        }
        return Optional.of(
                category.equals("Purchase")
                        ? item.purchaseQuantity().map(BigDecimal::valueOf).orElse(BigDecimal.ONE)
                        : BigDecimal.ONE);
    }

    /** The unit of {@link #pricingQuantity12}: the one reported with the quantity, else {@link #COUNT_UNIT}. */
    private static Optional<String> pricingUnit12(LineItem item, String category) {
        if (item.pricingQuantity().isPresent()) {
            return item.pricingUnit().or(() -> Optional.of(COUNT_UNIT));
        }
        if (item.usageQuantity().isPresent()) {
            return item.usageUnit().or(() -> Optional.of(COUNT_UNIT));
        }
        return pricingQuantity12(item, category).map(q -> COUNT_UNIT);
    }

    /** Whether {@code q} is a whole number from 0 to {@link Integer#MAX_VALUE}, as a purchase quantity is. */
    static boolean isCount(BigDecimal q) {
        BigDecimal whole = q.stripTrailingZeros();
        return q.signum() >= 0 && whole.scale() <= 0 && whole.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) <= 0;
    }

    private static String chargeFrequency(LineItem item) {
        return item.payMode() == PayMode.PREPAID ? "One-Time" : "Usage-Based";
    }

    /** Sets {@code column} of {@code b} from its text form, as {@link #toLineItem} keeps it in the attributes. */
    private static void setText(FocusRow.Builder b, FocusColumn column, String text) {
        switch (column.type()) {
            case STRING:
                b.set(column, text);
                break;
            case DECIMAL:
                b.set(column, parse(column.header(), text, Money::parseAmount));
                break;
            case DATETIME:
                b.set(column, parse(column.header(), text, Instant::parse));
                break;
            default:
                throw new IllegalArgumentException("attribute " + column.header() + " cannot be carried as text");
        }
    }

    /** The text form of a non-null column, as the attributes keep it. */
    private static String text(FocusRow row, FocusColumn column) {
        switch (column.type()) {
            case STRING:
                return row.text(column).orElseThrow();
            case DECIMAL:
                // the number, not its scale: a unit price reads the same from "0.0000004" and a DECIMAL(20,12)
                return row.decimal(column).orElseThrow().stripTrailingZeros().toPlainString();
            case DATETIME:
                return row.instant(column).orElseThrow().toString();
            default:
                throw new AssertionError("bug: column " + column + " is not kept as an attribute");
        }
    }

    /**
     * Returns the FOCUS ChargeCategory of a line item (FOCUS-4): the one mapping of the library, used by the FOCUS
     * export and by consolidation by ChargeCategory alike. FOCUS 1.0 defines Usage and Purchase as charges
     * "including refunds", Credit as credits the provider grants and Adjustment as what fits no other category, so:
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
     * <p>{@code chargeCategory(ActionType.REFUND, PayMode.PREPAID)} is {@code "Purchase"}.
     *
     * @param type the action type, not null
     * @param mode the pay mode, not null
     * @return the category, never null
     */
    public static String chargeCategory(ActionType type, PayMode mode) {
        return LineItemField.chargeCategory(type, mode);
    }

    /**
     * Returns the FOCUS ChargeCategory of a line item: {@link #chargeCategory(ActionType, PayMode)} of its action
     * type and pay mode.
     *
     * @param item the line item, not null
     * @return the category, never null
     */
    public static String chargeCategory(LineItem item) {
        return chargeCategory(item.actionType(), item.payMode());
    }

    /**
     * Returns the line item of a FOCUS row. The custom columns of {@link #EXTRA_COLUMNS} win where present; without
     * them: the id is {@code x_LineItemId}, else the column {@code Id}, else {@code fallbackId}; the owner is
     * SubAccountId, else BillingAccountId; the action type follows ChargeCategory (Usage, Purchase as a new
     * purchase, Tax, Credit, Adjustment; any other value is {@link ActionType#OTHER}); the pay mode is prepaid for
     * a Purchase, postpaid otherwise.
     *
     * @param row the row, not null
     * @param fallbackId the id when the row has none, not null
     * @return the line item, never null
     * @throws IllegalArgumentException naming the column when the row lacks what a line item needs (BilledCost,
     *     ListCost, BillingCurrency, BillingAccountId, ServiceName, the charge period) or holds a value it cannot
     *     take
     */
    public static LineItem toLineItem(FocusRow row, LineItemId fallbackId) {
        requireNonNull(row, "row");
        requireNonNull(fallbackId, "fallbackId");
        Currency currency =
                Money.currency(required(row.text(FocusColumn.BILLING_CURRENCY), FocusColumn.BILLING_CURRENCY));
        String category = row.text(FocusColumn.CHARGE_CATEGORY).orElse("");
        ActionType action = row.extra(X_ACTION_TYPE)
                .map(v -> parseEnum(ActionType.class, X_ACTION_TYPE, v))
                .orElseGet(() -> actionType(category));
        PayMode mode = row.extra(X_PAY_MODE)
                .map(v -> parseEnum(PayMode.class, X_PAY_MODE, v))
                .orElse(category.equals("Purchase") ? PayMode.PREPAID : PayMode.POSTPAID);
        String payer = required(row.text(FocusColumn.BILLING_ACCOUNT_ID), FocusColumn.BILLING_ACCOUNT_ID);
        Instant start = required(row.instant(FocusColumn.CHARGE_PERIOD_START), FocusColumn.CHARGE_PERIOD_START);
        Instant end = required(row.instant(FocusColumn.CHARGE_PERIOD_END), FocusColumn.CHARGE_PERIOD_END);
        checkArgument(start.isBefore(end), "ChargePeriodEnd %s is not after ChargePeriodStart %s", end, start);
        LineItem.Builder b = LineItem.builder()
                .id(LineItemId.of(
                        row.extra(X_LINE_ITEM_ID).or(() -> row.extra("Id")).orElse(fallbackId.value())))
                .payerUin(PayerUin.of(payer))
                .ownerUin(OwnerUin.of(row.text(FocusColumn.SUB_ACCOUNT_ID).orElse(payer)))
                .operatorUin(row.extra(X_OPERATOR_UIN).map(OperatorUin::of))
                .businessCode(BusinessCode.of(required(row.text(FocusColumn.SERVICE_NAME), FocusColumn.SERVICE_NAME)))
                .productCode(row.extra(X_PRODUCT_CODE).map(ProductCode::of))
                .itemCode(row.text(FocusColumn.SKU_ID).map(ItemCode::of))
                .regionId(row.text(FocusColumn.REGION_ID).map(RegionId::of))
                .projectId(row.extra(X_PROJECT_ID).map(ProjectId::of))
                .resourceId(row.text(FocusColumn.RESOURCE_ID).map(ResourceId::of))
                .instanceType(row.extra(X_INSTANCE_TYPE).map(InstanceType::of))
                .payMode(mode)
                .settlementCycle(
                        row.extra(X_SETTLEMENT_CYCLE).map(v -> parseEnum(SettlementCycle.class, X_SETTLEMENT_CYCLE, v)))
                .actionType(action)
                .feePeriod(Interval.of(start, end))
                .deductionTime(row.extra(X_DEDUCTION_TIME).map(v -> parse(X_DEDUCTION_TIME, v, Instant::parse)))
                .orderId(row.extra(X_ORDER_ID).map(OrderId::of))
                .originalOrderId(row.extra(X_ORIGINAL_ORDER_ID).map(OrderId::of))
                .usageQuantity(row.decimal(FocusColumn.CONSUMED_QUANTITY))
                .usageUnit(row.text(FocusColumn.CONSUMED_UNIT))
                .listCost(money(row, FocusColumn.LIST_COST, currency))
                .discountRate(row.extra(X_DISCOUNT_RATE).map(v -> parse(X_DISCOUNT_RATE, v, Money::parseAmount)))
                .reservedInstanceDeduction(money(row, X_RESERVED_INSTANCE_DEDUCTION, currency))
                .savingsPlanDeduction(money(row, X_SAVINGS_PLAN_DEDUCTION, currency))
                .cashPaid(money(row, X_CASH_PAID, currency))
                .voucherPaid(money(row, X_VOUCHER_PAID, currency))
                .incentivePaid(money(row, X_INCENTIVE_PAID, currency))
                .transferPaid(money(row, X_TRANSFER_PAID, currency))
                .creditPaid(money(row, X_CREDIT_PAID, currency))
                .couponPaid(money(row, X_COUPON_PAID, currency))
                .tax(money(row, X_TAX, currency))
                .totalCost(money(row, FocusColumn.BILLED_COST, currency));
        row.tags().ifPresent(tags -> tags.forEach((k, v) -> b.putTag(TagKey.of(k), v)));
        Optional<Money> effective = optionalMoney(row, FocusColumn.EFFECTIVE_COST, currency);
        Optional<Money> contracted = optionalMoney(row, FocusColumn.CONTRACTED_COST, currency);
        Optional<BigDecimal> pricingQuantity = row.decimal(FocusColumn.PRICING_QUANTITY);
        Optional<String> pricingUnit = row.text(FocusColumn.PRICING_UNIT);
        Optional<Integer> bought = Optional.empty();
        if (row.extra(X_ACTION_TYPE).isPresent()) {
            // the library's own export: what toRow derived is not a reported value, and the item reads back equal
            LineItem own = b.build();
            String ownCategory = chargeCategory(own);
            // a 1.2 export writes a purchase's EffectiveCost as 0 (EffectiveCost-C-005-C) and its PricingCategory
            boolean purchase12 = ownCategory.equals("Purchase") && !row.isNull(FocusColumn.PRICING_CATEGORY);
            effective = effective.filter(m -> !m.isEqual(own.totalCost()) && !(purchase12 && m.isZero()));
            contracted = contracted.filter(m -> !m.isEqual(CostMetric.CONTRACTED_COST.of(own)));
            if (purchase12
                    && own.usageQuantity().isEmpty()
                    && pricingUnit.equals(Optional.of(COUNT_UNIT))
                    && pricingQuantity
                            .filter(q -> isCount(q) && q.compareTo(BigDecimal.ONE) != 0)
                            .isPresent()) {
                // the quantity bought, as toRow wrote it (a quantity of 1 reads as none: toRow writes 1 for none)
                bought = Optional.of(pricingQuantity.get().intValueExact());
                pricingQuantity = Optional.empty();
                pricingUnit = Optional.empty();
            } else if ((pricingQuantity.equals(own.usageQuantity()) && pricingUnit.equals(own.usageUnit()))
                    || (pricingQuantity.equals(pricingQuantity12(own, ownCategory))
                            && pricingUnit.equals(pricingUnit12(own, ownCategory)))) {
                pricingQuantity = Optional.empty();
                pricingUnit = Optional.empty();
            }
        } else {
            for (FocusColumn c : FocusColumn.values()) {
                if (!MAPPED.contains(c) && !row.isNull(c)) {
                    b.putAttribute(c.header(), text(row, c));
                }
            }
        }
        bought.ifPresent(b::purchaseQuantity);
        return b.effectiveCost(effective)
                .contractedCost(contracted)
                .pricingQuantity(pricingQuantity)
                .pricingUnit(pricingUnit)
                .build();
    }

    /** The columns {@link #toLineItem} maps to fields of the line item; a provider's others go to its attributes. */
    private static final Set<FocusColumn> MAPPED = Collections.unmodifiableSet(EnumSet.of(
            FocusColumn.BILLED_COST,
            FocusColumn.EFFECTIVE_COST,
            FocusColumn.LIST_COST,
            FocusColumn.CONTRACTED_COST,
            FocusColumn.BILLING_ACCOUNT_ID,
            FocusColumn.SUB_ACCOUNT_ID,
            FocusColumn.BILLING_CURRENCY,
            FocusColumn.CHARGE_PERIOD_START,
            FocusColumn.CHARGE_PERIOD_END,
            FocusColumn.CONSUMED_QUANTITY,
            FocusColumn.CONSUMED_UNIT,
            FocusColumn.PRICING_QUANTITY,
            FocusColumn.PRICING_UNIT,
            FocusColumn.REGION_ID,
            FocusColumn.RESOURCE_ID,
            FocusColumn.SERVICE_NAME,
            FocusColumn.SKU_ID,
            FocusColumn.TAGS));

    /**
     * Whether {@link #toLineItem} maps {@code column} to a field of the line item; a provider's value of any other
     * column is kept in the item's attributes.
     *
     * @param column a FOCUS column, not null
     * @return true for the columns the line item has a field for
     */
    public static boolean isMapped(FocusColumn column) {
        return MAPPED.contains(column);
    }

    private static Optional<Money> optionalMoney(FocusRow row, FocusColumn column, Currency currency) {
        return row.isNull(column) ? Optional.empty() : Optional.of(money(row, column, currency));
    }

    static ActionType actionType(String category) {
        switch (category) {
            case "Usage":
                return ActionType.USAGE;
            case "Purchase":
                return ActionType.NEW_PURCHASE;
            case "Tax":
                return ActionType.TAX;
            case "Credit":
                return ActionType.CREDIT;
            case "Adjustment":
                return ActionType.ADJUSTMENT;
            default:
                return ActionType.OTHER;
        }
    }

    private static <T> T required(Optional<T> value, FocusColumn column) {
        return value.orElseThrow(() -> new IllegalArgumentException(column.header() + " is null"));
    }

    private static <E extends Enum<E>> E parseEnum(Class<E> type, String column, String value) {
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    column + " '" + value + "' is not one of " + List.of(type.getEnumConstants()), e);
        }
    }

    private static <T> T parse(String column, String value, Function<String, T> parser) {
        try {
            return parser.apply(value);
        } catch (RuntimeException e) {
            throw new BadCellException(
                    column + " '" + value + "' cannot be read: " + e.getMessage(), column, value, e.getMessage(), e);
        }
    }

    private static Optional<Money> money(FocusRow row, String column, Currency currency) {
        // no lambda made for the many rows without the column
        String v = row.extra().get(column);
        return v == null
                ? Optional.empty()
                : Optional.of(parse(column, v, cell -> Money.of(currency, Money.parseAmount(cell))));
    }

    /** A required amount; Money's own bounds (such as at most 18 decimals) name the column too. */
    private static Money money(FocusRow row, FocusColumn column, Currency currency) {
        BigDecimal amount = required(row.decimal(column), column);
        try {
            return Money.of(currency, amount);
        } catch (IllegalArgumentException e) {
            // a bad cell of the reader that made the row: it names the column, the value and this reason
            throw new BadCellException(
                    column.header() + " cannot be read: " + e.getMessage(),
                    column.header(),
                    amount.toPlainString(),
                    e.getMessage(),
                    e);
        }
    }

    private static String value(Optional<? extends Identifier> id) {
        return id.map(Identifier::value).orElse(null);
    }

    private static String amount(Optional<Money> m) {
        return m.map(x -> x.amount().toPlainString()).orElse(null);
    }

    private static Map<String, String> tags(Map<TagKey, String> tags) {
        if (tags.isEmpty()) {
            return null;
        }
        Map<String, String> out = new LinkedHashMap<>();
        tags.forEach((k, v) -> out.put(k.value(), v));
        return out;
    }
}
