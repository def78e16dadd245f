package org.cloudbilling.core.focus;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.cloudbilling.core.bill.LineItemField;
import org.cloudbilling.core.consolidation.Dimension;
import org.cloudbilling.core.consolidation.Grouping;
import org.cloudbilling.core.io.internal.CellTally;

/**
 * Where the cells of a FOCUS CSV file are that totalling a row without its item needs ({@link FocusChunkParser}'s
 * tally), and the key columns of a grouping: for each dimension, the cells its value is a function of, so that rows
 * with the same key cells fall in the same group (the group's key itself is taken from the first such row's item).
 * Read-only but for {@link #named}, shared by the threads of one file.
 */
final class FocusTallyLayout {
    final Grouping grouping;
    /** The key columns of {@link CellTally}: cells, or {@link CellTally#DAY} or {@link CellTally#MONTH}. */
    final int[] keyColumns;

    final int offsetSeconds;

    /**
     * The groups the parts of the file have named so far, by their key ({@link CellTally#key}): a part meeting a key
     * another part named takes its name, instead of making the item of its first row again. Shared by the threads.
     */
    final java.util.concurrent.ConcurrentHashMap<java.nio.ByteBuffer, org.cloudbilling.core.consolidation.GroupKey>
            named = new java.util.concurrent.ConcurrentHashMap<>();

    final int currency;
    final int billed;
    final int list;
    final int effective;
    final int contracted;
    final int consumed;
    final int consumedUnit;
    final int pricing;
    final int pricingUnit;
    final int pricingCategory;
    final int chargeCategory;
    final int start;
    final int end;
    final int billingAccount;
    final int serviceName;
    final int tags;
    // the library's own columns, -1 when the file has none
    final int actionType;
    final int payMode;
    final int settlementCycle;
    final int deductionTime;
    final int discountRate;
    /** The payment columns, which add up to BilledCost when any is given. */
    final int[] payments;
    /** The other amounts of the library's own columns (deductions, tax). */
    final int[] otherAmounts;
    /**
     * Every amount the totals read or check, each read by one loop ({@code FocusChunkParser}): BilledCost, ListCost,
     * the discount rate, EffectiveCost, ContractedCost, ConsumedQuantity, PricingQuantity (at {@link #BILLED} to
     * {@link #PRICING}, -1 for a column the file lacks), then the {@link #payments} from {@link #FIRST_PAYMENT}, then
     * the {@link #otherAmounts}.
     */
    final int[] amounts;

    static final int BILLED = 0;
    static final int LIST = 1;
    static final int RATE = 2;
    static final int EFFECTIVE = 3;
    static final int CONTRACTED = 4;
    static final int CONSUMED = 5;
    static final int PRICING = 6;
    static final int FIRST_PAYMENT = 7;
    /**
     * The FOCUS decimal columns that are only checked: every one but those the totals read (BilledCost, ListCost,
     * EffectiveCost, ContractedCost, ConsumedQuantity, PricingQuantity), which are checked as they are read.
     */
    final int[] checkedDecimals;
    /** The FOCUS date-time columns that are only checked: every one but the charge period's start and end. */
    final int[] checkedTimes;
    /** The FOCUS columns a provider's item keeps as attributes: any of them not null makes the item carried. */
    final int[] unmapped;

    // the other cells an item is made of (FocusChunkParser's items), -1 for a column the file lacks
    final int subAccount;
    final int skuId;
    final int regionId;
    final int resourceId;
    final int lineItemId;
    /** The column {@code Id}, the id of a row without {@code x_LineItemId}. */
    final int plainId;

    final int operatorUin;
    final int productCode;
    final int projectId;
    final int instanceType;
    final int orderId;
    final int originalOrderId;
    /** The {@link #unmapped} columns in the order of {@link FocusColumn}: the order of an item's attributes. */
    final int[] attributes;

    private FocusTallyLayout(FocusRowMapping mapping, Grouping grouping, int[] keyColumns, int offsetSeconds) {
        this.grouping = grouping;
        this.keyColumns = keyColumns;
        this.offsetSeconds = offsetSeconds;
        String[] h = mapping.headers;
        currency = index(h, FocusColumn.BILLING_CURRENCY.header());
        billed = index(h, FocusColumn.BILLED_COST.header());
        list = index(h, FocusColumn.LIST_COST.header());
        effective = index(h, FocusColumn.EFFECTIVE_COST.header());
        contracted = index(h, FocusColumn.CONTRACTED_COST.header());
        consumed = index(h, FocusColumn.CONSUMED_QUANTITY.header());
        consumedUnit = index(h, FocusColumn.CONSUMED_UNIT.header());
        pricing = index(h, FocusColumn.PRICING_QUANTITY.header());
        pricingUnit = index(h, FocusColumn.PRICING_UNIT.header());
        pricingCategory = index(h, FocusColumn.PRICING_CATEGORY.header());
        chargeCategory = index(h, FocusColumn.CHARGE_CATEGORY.header());
        start = index(h, FocusColumn.CHARGE_PERIOD_START.header());
        end = index(h, FocusColumn.CHARGE_PERIOD_END.header());
        billingAccount = index(h, FocusColumn.BILLING_ACCOUNT_ID.header());
        serviceName = index(h, FocusColumn.SERVICE_NAME.header());
        tags = index(h, FocusColumn.TAGS.header());
        actionType = index(h, FocusLineItems.X_ACTION_TYPE);
        payMode = index(h, FocusLineItems.X_PAY_MODE);
        settlementCycle = index(h, FocusLineItems.X_SETTLEMENT_CYCLE);
        deductionTime = index(h, FocusLineItems.X_DEDUCTION_TIME);
        discountRate = index(h, FocusLineItems.X_DISCOUNT_RATE);
        payments = indexes(
                h,
                FocusLineItems.X_CASH_PAID,
                FocusLineItems.X_VOUCHER_PAID,
                FocusLineItems.X_INCENTIVE_PAID,
                FocusLineItems.X_TRANSFER_PAID,
                FocusLineItems.X_CREDIT_PAID,
                FocusLineItems.X_COUPON_PAID);
        otherAmounts = indexes(
                h,
                FocusLineItems.X_RESERVED_INSTANCE_DEDUCTION,
                FocusLineItems.X_SAVINGS_PLAN_DEDUCTION,
                FocusLineItems.X_TAX);
        amounts = java.util.stream.IntStream.concat(
                        java.util.stream.IntStream.of(
                                billed, list, discountRate, effective, contracted, consumed, pricing),
                        java.util.stream.IntStream.concat(
                                java.util.Arrays.stream(payments), java.util.Arrays.stream(otherAmounts)))
                .toArray();
        List<Integer> decimalList = new ArrayList<>();
        List<Integer> timeList = new ArrayList<>();
        List<Integer> unmappedList = new ArrayList<>();
        for (int k = 0; k < h.length; k++) {
            FocusColumn c = mapping.columns[k];
            if (c == null) {
                continue;
            }
            if (c.type() == FocusColumn.Type.DECIMAL && !read(k)) {
                decimalList.add(k);
            } else if (c.type() == FocusColumn.Type.DATETIME && k != start && k != end) {
                timeList.add(k);
            }
            if (!FocusLineItems.isMapped(c)) {
                unmappedList.add(k);
            }
        }
        checkedDecimals = decimalList.stream().mapToInt(Integer::intValue).toArray();
        checkedTimes = timeList.stream().mapToInt(Integer::intValue).toArray();
        unmapped = unmappedList.stream().mapToInt(Integer::intValue).toArray();
        subAccount = index(h, FocusColumn.SUB_ACCOUNT_ID.header());
        skuId = index(h, FocusColumn.SKU_ID.header());
        regionId = index(h, FocusColumn.REGION_ID.header());
        resourceId = index(h, FocusColumn.RESOURCE_ID.header());
        lineItemId = index(h, FocusLineItems.X_LINE_ITEM_ID);
        plainId = index(h, "Id");
        operatorUin = index(h, FocusLineItems.X_OPERATOR_UIN);
        productCode = index(h, FocusLineItems.X_PRODUCT_CODE);
        projectId = index(h, FocusLineItems.X_PROJECT_ID);
        instanceType = index(h, FocusLineItems.X_INSTANCE_TYPE);
        orderId = index(h, FocusLineItems.X_ORDER_ID);
        originalOrderId = index(h, FocusLineItems.X_ORIGINAL_ORDER_ID);
        attributes = unmappedList.stream()
                .sorted(java.util.Comparator.comparing(k -> mapping.columns[k]))
                .mapToInt(Integer::intValue)
                .toArray();
    }

    /**
     * Where the cells of a file of header {@code mapping.headers} are, for making items from them (no grouping, no
     * key columns).
     */
    static FocusTallyLayout forItems(FocusRowMapping mapping) {
        return new FocusTallyLayout(mapping, null, new int[0], 0);
    }

    /** Whether the decimal cell {@code k} is one the totals read (and so check as they read it). */
    private boolean read(int k) {
        return k == billed || k == list || k == effective || k == contracted || k == consumed || k == pricing;
    }

    /**
     * The layout of a file of header {@code mapping.headers} for {@code grouping}, or null when a dimension's value
     * is not a function of a few cells (the id, which may be the line; the pricing quantity and unit and the
     * derived cost metrics, which depend on many), or days are cut in a zone with summer time, or a column every
     * item needs is missing: then every row is made an item.
     */
    static FocusTallyLayout of(FocusRowMapping mapping, Grouping grouping) {
        Integer offset = CellTally.offsetSeconds(grouping);
        if (offset == null) {
            return null;
        }
        String[] h = mapping.headers;
        Set<Integer> key = new LinkedHashSet<>();
        for (Dimension d : grouping.dimensions()) {
            if (d.equals(Dimension.DAY) || d.equals(Dimension.MONTH)) {
                key.add(d.equals(Dimension.DAY) ? CellTally.DAY : CellTally.MONTH);
                continue;
            }
            List<String> cells = dependencies(d);
            if (cells == null) {
                return null;
            }
            for (String c : cells) {
                int k = index(h, c);
                if (k >= 0) {
                    key.add(k);
                }
            }
        }
        FocusTallyLayout layout = new FocusTallyLayout(
                mapping, grouping, key.stream().mapToInt(Integer::intValue).toArray(), offset);
        if (layout.currency < 0
                || layout.billed < 0
                || layout.list < 0
                || layout.start < 0
                || layout.end < 0
                || layout.billingAccount < 0
                || layout.serviceName < 0) {
            return null;
        }
        return layout;
    }

    /**
     * The columns whose cells the value of {@code d} is a function of ({@link Dimension}'s value of the row's item,
     * through {@link FocusLineItems#toLineItem} and {@link FocusLineItems#value}), or null when they are too many.
     */
    private static List<String> dependencies(Dimension d) {
        Optional<org.cloudbilling.core.id.TagKey> tag = d.tagKey();
        if (tag.isPresent()) {
            return List.of(FocusColumn.TAGS.header());
        }
        String name = d.name();
        Optional<LineItemField> field = LineItemField.parse(name);
        if (field.isPresent()) {
            switch (field.get()) {
                case ID: // x_LineItemId, else Id, else the line
                case PRICING_QUANTITY: // the library's own rows: compared with what toRow derives
                case PRICING_UNIT:
                case EFFECTIVE_COST:
                case CONTRACTED_COST:
                case TAGS:
                    return null;
                case OWNER_UIN: // SubAccountId, else BillingAccountId
                    return List.of(FocusColumn.SUB_ACCOUNT_ID.header(), FocusColumn.BILLING_ACCOUNT_ID.header());
                case PAY_MODE: // x_PayMode, else from ChargeCategory
                    return List.of(FocusLineItems.X_PAY_MODE, FocusColumn.CHARGE_CATEGORY.header());
                case ACTION_TYPE: // x_ActionType, else from ChargeCategory
                    return List.of(FocusLineItems.X_ACTION_TYPE, FocusColumn.CHARGE_CATEGORY.header());
                case CHARGE_CATEGORY: // as reported by a provider's row, else from the action type and pay mode
                    return List.of(
                            FocusColumn.CHARGE_CATEGORY.header(),
                            FocusLineItems.X_ACTION_TYPE,
                            FocusLineItems.X_PAY_MODE);
                default:
                    return List.of(field.get().focusColumn());
            }
        }
        FocusColumn column = FocusColumn.of(name).orElse(null);
        if (column == null) {
            return null;
        }
        // a provider's row (no x_ActionType) carries the column's value; the library's own row derives it
        List<String> cells = new ArrayList<>(List.of(column.header(), FocusLineItems.X_ACTION_TYPE));
        if (column == FocusColumn.CHARGE_FREQUENCY) {
            cells.add(FocusLineItems.X_PAY_MODE);
            cells.add(FocusColumn.CHARGE_CATEGORY.header());
        } else if (column == FocusColumn.SERVICE_SUBCATEGORY) {
            cells.add(FocusColumn.SERVICE_CATEGORY.header());
        }
        return cells;
    }

    private static int index(String[] headers, String name) {
        for (int k = 0; k < headers.length; k++) {
            if (headers[k].equals(name)) {
                return k;
            }
        }
        return -1;
    }

    private static int[] indexes(String[] headers, String... names) {
        return java.util.Arrays.stream(names)
                .mapToInt(n -> index(headers, n))
                .filter(k -> k >= 0)
                .toArray();
    }
}
