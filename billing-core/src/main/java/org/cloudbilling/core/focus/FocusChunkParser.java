package org.cloudbilling.core.focus;

import com.google.common.collect.ImmutableMap;
import java.math.BigDecimal;
import java.nio.channels.FileChannel;
import java.time.Instant;
import java.util.Arrays;
import java.util.Currency;
import java.util.Map;
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
import org.cloudbilling.core.io.BillingInputException;
import org.cloudbilling.core.io.FormulaGuard;
import org.cloudbilling.core.io.InputProblem;
import org.cloudbilling.core.io.SupportedTimes;
import org.cloudbilling.core.io.internal.ByteDictionary;
import org.cloudbilling.core.io.internal.CellTally;
import org.cloudbilling.core.io.internal.CompactIds;
import org.cloudbilling.core.io.internal.CsvByteRows;
import org.cloudbilling.core.io.internal.LineItemFields;
import org.cloudbilling.core.io.internal.RecentValues;
import org.cloudbilling.core.money.Money;
import org.cloudbilling.core.time.Interval;

/**
 * Reads the rows of one part of a FOCUS CSV file from its bytes: the fast path of {@link FocusCsvFile}. The row is
 * cut by the shared byte cutter ({@link CsvByteRows}); a cell becomes its value without a {@code String} where it
 * can: decimals of at most 18 digits digit by digit, and text, times and whole tags cells through a dictionary
 * keyed by the cell's bytes (a value decoded, checked and built once per distinct cell of its column, equal values
 * one object). A row with anything unusual (a cell that is not a simple decimal, a time or tags cell the plain
 * checks refuse, a guarded cell, the wrong width) is read by {@link FocusRowMapping}, the plain mapping, so its row
 * or its error is exactly the plain reader's; its item is made by the same {@link FocusRowMapping#toLineItem}.
 *
 * <p>Holds per-thread state (buffer, dictionaries): one parser per thread, reused for many parts.
 */
final class FocusChunkParser implements CsvByteRows.RowHandler {
    /** A dictionary of more entries than this is emptied, so memory stays bounded on any file. */
    private static final int MAX_DICTIONARY = 1 << 18;

    /** What the rows of a part go to. */
    interface Sink {
        /** Takes an item; returns whether to go on. */
        boolean item(LineItem item);

        /** Takes a bad row's refusal, its lines counted from the part's first row (0); returns whether to go on. */
        boolean bad(BillingInputException refusal);

        /**
         * Takes the item of a row without an id, named {@code line-N} with N its line counted from the part's first
         * row (0), which the part does not know in the file; returns whether to go on.
         */
        default boolean lineItem(LineItem item, long line) {
            return item(item);
        }
    }

    private final FocusRowMapping mapping;
    private final boolean guarded;
    private final int width;
    private final CsvByteRows rows;
    private final ByteDictionary[] dictionaries;
    private final Function<String, ?>[] makers;

    /** Where the cells a tally needs are, or null when rows are made items. */
    private final FocusTallyLayout layout;
    /** Where rows proven valid are totalled without an item, or null to make every row an item. */
    CellTally tally;

    /**
     * The cells the tally looks up in small dictionaries of their own: the currency (never null there),
     * x_ActionType, x_PayMode and x_SettlementCycle (-1 where the file lacks the column); their values, their
     * dictionaries and how a value is made from the text.
     */
    private final int[] enumerationColumns;

    private final Object[] enumerations = new Object[4];
    private final ByteDictionary[] enumerationDictionaries = {
        new ByteDictionary(), new ByteDictionary(), new ByteDictionary(), new ByteDictionary()
    };
    private static final java.util.List<Function<String, ?>> ENUMERATION_MAKERS = java.util.List.of(
            org.cloudbilling.core.money.Money::currency,
            v -> Enum.valueOf(org.cloudbilling.core.bill.ActionType.class, v),
            v -> Enum.valueOf(org.cloudbilling.core.bill.PayMode.class, v),
            v -> Enum.valueOf(org.cloudbilling.core.bill.SettlementCycle.class, v));
    private final ByteDictionary deductionTimes = new ByteDictionary();

    FocusChunkParser(FocusRowMapping mapping) {
        this(mapping, null);
    }

    @SuppressWarnings("unchecked")
    FocusChunkParser(FocusRowMapping mapping, FocusTallyLayout layout) {
        this.mapping = mapping;
        this.layout = layout;
        this.guarded = mapping.guard == FormulaGuard.ON;
        this.width = mapping.headers.length;
        this.rows = new CsvByteRows(mapping.source);
        this.dictionaries = new ByteDictionary[width];
        this.lastTimes = new long[3 * width];
        for (int k = 0; k < width; k++) {
            lastTimes[3 * k] = (long) LONG.get(EPOCH, 0);
            lastTimes[3 * k + 1] = (long) LONG.get(EPOCH, 8);
            lastTimes[3 * k + 2] = (long) LONG.get(EPOCH, 12);
        }
        this.enumerationColumns = layout == null
                ? new int[0]
                : new int[] {layout.currency, layout.actionType, layout.payMode, layout.settlementCycle};
        this.amounts = new Amount[layout == null ? FocusTallyLayout.FIRST_PAYMENT : layout.amounts.length];
        for (int j = 0; j < amounts.length; j++) {
            amounts[j] = new Amount();
        }
        billed = amounts[FocusTallyLayout.BILLED];
        list = amounts[FocusTallyLayout.LIST];
        rate = amounts[FocusTallyLayout.RATE];
        effective = amounts[FocusTallyLayout.EFFECTIVE];
        contracted = amounts[FocusTallyLayout.CONTRACTED];
        consumed = amounts[FocusTallyLayout.CONSUMED];
        pricing = amounts[FocusTallyLayout.PRICING];
        addedFrom = new Amount[] {list, billed, effective, contracted, consumed, pricing};
        this.makers = new Function[width];
        this.cells = FocusTallyLayout.forItems(mapping);
        this.itemDictionaries = new ByteDictionary[width];
        this.attributeMakers = new Function[width];
        for (int k : cells.unmapped) {
            attributeMakers[k] = attributeMaker(mapping.columns[k]);
        }
        this.uncheckedDecimals = java.util.Arrays.stream(cells.unmapped)
                .filter(k -> mapping.columns[k].type() == FocusColumn.Type.DECIMAL)
                .toArray();
        this.uncheckedTimes = java.util.Arrays.stream(cells.unmapped)
                .filter(k -> mapping.columns[k].type() == FocusColumn.Type.DATETIME)
                .toArray();
        for (int k = 0; k < width; k++) {
            itemDictionaries[k] = new ByteDictionary();
            dictionaries[k] = new ByteDictionary();
            FocusColumn c = mapping.columns[k];
            if (c == null || c.type() == FocusColumn.Type.STRING) {
                makers[k] = s -> s;
            } else if (c.type() == FocusColumn.Type.DATETIME) {
                boolean charge = c == FocusColumn.CHARGE_PERIOD_START || c == FocusColumn.CHARGE_PERIOD_END;
                makers[k] = s -> {
                    Instant t = FocusCsvReader.instant(s);
                    return charge ? SupportedTimes.check(t) : t;
                };
            } else if (c.type() == FocusColumn.Type.JSON) {
                makers[k] = FocusRowMapping::tags;
                dictionaries[k].tagsLike = true;
            }
        }
    }

    /**
     * Reads the rows that start in {@code [nominalStart, nominalEnd)}: from the first line start at or after
     * {@code nominalStart}, or from {@code firstRow} when it is known (not negative).
     */
    CsvByteRows.Part read(
            FileChannel channel, long size, long nominalStart, long nominalEnd, long firstRow, Sink sink) {
        this.sink = sink;
        try {
            return rows.read(channel, size, nominalStart, nominalEnd, firstRow, this);
        } finally {
            this.sink = null;
        }
    }

    /** Where the rows of the part being read go; null between parts. */
    private Sink sink;

    /**
     * Takes the row just cut (see {@link CsvByteRows.RowHandler}): the parser is the handler itself, not a lambda
     * calling it, so the JIT compiles the row's code once, in this method, and not again in a lambda that inlines it.
     */
    @Override
    public boolean row(long line) {
        Sink sink = this.sink;
        int cells = rows.cells();
        if (cells == 1 && rows.isEmpty(0)) {
            return true; // a blank line holds no data
        }
        if (cells != width) {
            if (rows.nonAscii()) {
                for (int k = 0; k < cells; k++) {
                    rows.text(
                            k); // bytes that are not UTF-8 stop the fast path here: the plain reader refuses them first
                }
            }
            return sink.bad(new BillingInputException(
                    InputProblem.ofLine(mapping.source, line, "the row has " + cells + " cells, the header " + width)));
        }
        if (tally != null && tallied(line)) {
            return true;
        }
        return itemOf(line, sink);
    }

    /** Makes the row's item (or its refusal) and hands it to {@code sink}; returns whether to go on. */
    private boolean itemOf(long line, Sink sink) {
        LineItem made = item(line);
        if (made != null) {
            return lineless ? sink.lineItem(made, line) : sink.item(made);
        }
        FocusRow row = fast();
        if (row == null) {
            String[] text = new String[width];
            for (int k = 0; k < width; k++) {
                text[k] = rows.text(k); // bytes that are not UTF-8 stop the fast path here
            }
            try {
                row = mapping.parse(text, line);
            } catch (BillingInputException e) {
                return sink.bad(e);
            }
        }
        FocusRow r = row;
        boolean noId =
                r.extra(FocusLineItems.X_LINE_ITEM_ID).or(() -> r.extra("Id")).isEmpty();
        LineItem item;
        try {
            item = mapping.toLineItem(row, line);
        } catch (BillingInputException e) {
            if (noId) {
                // the refusal names the item by its line, which this part does not know in the file: the plain
                // reader reads the rest of the file from this row, and refuses it with the right name
                throw CsvByteRows.UNUSUAL;
            }
            return sink.bad(e);
        }
        return noId ? sink.lineItem(item, line) : sink.item(item);
    }

    /** Whether the cell is null: empty, or the text {@code NULL}. */
    private boolean isNull(int k) {
        int s = rows.starts[k];
        int e = rows.ends[k];
        if (rows.quoted[k]) {
            s++;
            e--;
        }
        if (e - s != 4) {
            return e == s;
        }
        byte[] b = rows.buf();
        return b[s] == 'N' && b[s + 1] == 'U' && b[s + 2] == 'L' && b[s + 3] == 'L';
    }

    /** The row by the fast path, or null for a row the plain mapping must read. */
    @SuppressWarnings("unchecked")
    private FocusRow fast() {
        if (guarded && rows.guardLike()) { // noted while the row was cut
            for (int k = 0; k < width; k++) {
                if (rows.firstByte(k) == '\'') {
                    return null;
                }
            }
        }
        try {
            FocusRow.Builder b = FocusRow.builder();
            for (int k = 0; k < width; k++) {
                if (isNull(k)) {
                    continue;
                }
                FocusColumn c = mapping.columns[k];
                if (c == null) {
                    b.extra(mapping.headers[k], (String) lookup(k));
                    continue;
                }
                switch (c.type()) {
                    case STRING -> b.set(c, (String) lookup(k));
                    case DECIMAL -> {
                        if (!rows.simpleDecimalQuotedOrNot(k)) {
                            return null;
                        }
                        b.set(c, BigDecimal.valueOf(rows.units(), rows.scale()));
                    }
                    case DATETIME -> b.set(c, (Instant) lookup(k));
                    case JSON -> b.tags((Map<String, String>) lookup(k));
                    default -> throw new IllegalStateException("bug: column " + c + " has no fast mapping");
                }
            }
            return b.build();
        } catch (IllegalArgumentException | IllegalStateException e) {
            return null; // the plain mapping reads the row and words its error
        }
    }

    /** Looks the cell up in its column's dictionary, making the value from the text on a miss. */
    private Object lookup(int k) {
        return lookup(k, dictionaries[k], makers[k]);
    }

    /** Looks the cell up in {@code d}, making the value from the text on a miss. */
    private Object lookup(int k, ByteDictionary d, Function<String, ?> make) {
        if (d.direct) {
            return make.apply(rows.text(k));
        }
        byte[] buf = rows.buf();
        int s = rows.starts[k];
        int e = rows.ends[k];
        Object v = d.get(buf, s, e);
        return v != null ? v : made(k, d, make);
    }

    /**
     * The value of cell {@code k} made from its text and put in {@code d}: once per distinct cell, so a method of its
     * own, which the JIT leaves out of the row checks it compiles (smaller, and sooner).
     */
    private Object made(int k, ByteDictionary d, Function<String, ?> make) {
        Object v = make.apply(rows.text(k));
        if (d.size() >= MAX_DICTIONARY) {
            d.clear();
        }
        d.put(Arrays.copyOfRange(rows.buf(), rows.starts[k], rows.ends[k]), v);
        return v;
    }
    // ---- items straight from the cells ----

    /** Where the cells an item is made of are. */
    private final FocusTallyLayout cells;
    /** The fields of the row being made an item, reused from row to row. */
    private final LineItemFields fields = new LineItemFields();
    /** Per column, its identifiers (or a provider's attribute texts) by the cell's bytes. */
    private final ByteDictionary[] itemDictionaries;

    /** The tags of the tags cells read as JSON, by their bytes ({@link #tags}). */
    private final FocusTagsTable itemTags = new FocusTagsTable();
    /** The owners of rows without a SubAccountId: their BillingAccountId. */
    private final ByteDictionary ownersByPayer = new ByteDictionary();
    /** Whether the item {@link #item} made last has no id of its own: it is named by its line. */
    private boolean lineless;

    /**
     * The row's item made from its cells, as {@link FocusRowMapping#parse} and {@link FocusLineItems#toLineItem}
     * make it, or null for a row the slower paths must read: one with a byte past ASCII or a guarded cell, a cell
     * that is not of its column's simple form (a decimal of at most 18 digits, a time of {@code 2024-09-01T00:00:00Z}
     * or one its dictionary's maker reads), a required cell null, or an item {@link LineItemFields#make()} refuses.
     * Identifiers, texts, times, enumerations and tags through dictionaries keyed by the cell's bytes (one object per
     * distinct cell), amounts straight to the compact {@link Money}. A row without an id is named {@code line-N}, N
     * its line in the part, and {@link #lineless} says so.
     */
    private LineItem item(long line) {
        if (rows.nonAscii()) {
            return null; // every cell is decoded by the slower paths, which check its bytes are UTF-8
        }
        if (guarded && rows.guardLike()) {
            for (int k = 0; k < width; k++) {
                if (rows.firstByte(k) == '\'') {
                    return null;
                }
            }
        }
        try {
            return fieldsOf(line);
        } catch (CsvByteRows.Unusual stop) {
            throw stop;
        } catch (RuntimeException e) {
            return null; // the plain mapping reads the row and words its error
        }
    }

    @SuppressWarnings("unchecked")
    private LineItem fieldsOf(long line) {
        FocusTallyLayout l = cells;
        if (isNull(l.currency)
                || isNull(l.billingAccount)
                || isNull(l.serviceName)
                || isNull(l.start)
                || isNull(l.end)
                || isNull(l.list)
                || isNull(l.billed)) {
            return null;
        }
        // every cell the item does not take is still checked, as the row is: a decimal, a time (a text needs no check)
        boolean own = l.actionType >= 0 && !isNull(l.actionType);
        int[] decimals = uncheckedDecimals;
        for (int j = 0; j < decimals.length; j++) {
            int k = decimals[j];
            if (!isNull(k) && !rows.isSimpleDecimalQuotedOrNot(k)) {
                return null;
            }
        }
        int[] times = uncheckedTimes;
        for (int j = 0; j < times.length; j++) {
            int k = times[j];
            if (!isNull(k) && !sameTimeAsBefore(k)) {
                lookup(k); // throws for a time the plain mapping refuses
            }
        }
        LineItemFields f = fields;
        f.clear();
        Currency currency = (Currency) lookup(l.currency, enumerationDictionaries[0], ENUMERATION_MAKERS.get(0));
        String category = l.chargeCategory < 0 || isNull(l.chargeCategory) ? "" : (String) lookup(l.chargeCategory);
        f.actionType = own
                ? (ActionType) lookup(l.actionType, enumerationDictionaries[1], ENUMERATION_MAKERS.get(1))
                : FocusLineItems.actionType(category);
        f.payMode = l.payMode >= 0 && !isNull(l.payMode)
                ? (PayMode) lookup(l.payMode, enumerationDictionaries[2], ENUMERATION_MAKERS.get(2))
                : category.equals("Purchase") ? PayMode.PREPAID : PayMode.POSTPAID;
        if (l.settlementCycle >= 0 && !isNull(l.settlementCycle)) {
            SettlementCycle cycle =
                    (SettlementCycle) lookup(l.settlementCycle, enumerationDictionaries[3], ENUMERATION_MAKERS.get(3));
            f.settlementCycle = (Optional<SettlementCycle>) SETTLEMENT_CYCLES[cycle.ordinal()];
        }
        f.payerUin = (PayerUin) id(l.billingAccount, PayerUin::of);
        lineless = false;
        if (l.lineItemId >= 0 && !isNull(l.lineItemId)) {
            f.id = lineItemId(l.lineItemId);
        } else if (l.plainId >= 0 && !isNull(l.plainId)) {
            f.id = lineItemId(l.plainId);
        } else {
            f.id = LineItemId.of("line-" + line);
            lineless = true;
        }
        f.ownerUin = l.subAccount >= 0 && !isNull(l.subAccount)
                ? (OwnerUin) id(l.subAccount, OwnerUin::of)
                : (OwnerUin) lookup(l.billingAccount, ownersByPayer, OwnerUin::of);
        f.businessCode = (BusinessCode) id(l.serviceName, BusinessCode::of);
        f.operatorUin = (Optional<OperatorUin>) optionalId(l.operatorUin, LineItemFields.OPERATOR_UIN);
        f.productCode = (Optional<ProductCode>) optionalId(l.productCode, LineItemFields.PRODUCT_CODE);
        f.itemCode = (Optional<ItemCode>) optionalId(l.skuId, LineItemFields.ITEM_CODE);
        f.regionId = (Optional<RegionId>) optionalId(l.regionId, LineItemFields.REGION_ID);
        f.projectId = (Optional<ProjectId>) optionalId(l.projectId, LineItemFields.PROJECT_ID);
        f.resourceId = resourceId(l.resourceId);
        f.instanceType = (Optional<InstanceType>) optionalId(l.instanceType, LineItemFields.INSTANCE_TYPE);
        f.orderId = (Optional<OrderId>) optionalId(l.orderId, ORDER_ID);
        f.originalOrderId = (Optional<OrderId>) optionalId(l.originalOrderId, ORDER_ID);
        f.feePeriod = chargePeriod(l.start, l.end);
        if (f.feePeriod == null) {
            return null;
        }
        if (l.deductionTime >= 0 && !isNull(l.deductionTime)) {
            f.deductionTime = deductionTime(l.deductionTime);
        }
        Optional<BigDecimal> usage = decimal(l.consumed);
        Optional<String> usageUnit = (Optional<String>) optionalId(l.consumedUnit, TEXT);
        f.usageQuantity = usage;
        f.usageUnit = usageUnit;
        f.listCost = money(l.list, currency);
        long listUnits = rows.units();
        int listScale = rows.scale();
        Optional<BigDecimal> rate = decimal(l.discountRate);
        f.discountRate = rate;
        f.totalCost = money(l.billed, currency);
        long billedUnits = rows.units();
        int billedScale = rows.scale();
        if (l.tags >= 0 && !isNull(l.tags)) {
            f.tags = tags(l.tags);
        }
        int[] payments = l.payments;
        for (int j = 0; j < payments.length; j++) {
            Optional<Money> paid = optionalMoney(payments[j], currency);
            if (paid.isPresent()) {
                setPayment(f, mapping.headers[payments[j]], paid);
            }
        }
        int[] others = l.otherAmounts;
        for (int j = 0; j < others.length; j++) {
            Optional<Money> other = optionalMoney(others[j], currency);
            if (other.isPresent()) {
                setPayment(f, mapping.headers[others[j]], other);
            }
        }
        // the library's own row: an EffectiveCost of BilledCost's digits, a ContractedCost of ListCost's without a
        // rate, are what toRow derived (the item reports none): compared by their digits, no value made for them
        Optional<Money> effective = own && sameDigits(l.effective, billedUnits, billedScale)
                ? Optional.empty()
                : optionalMoney(l.effective, currency);
        Optional<Money> contracted = own && rate.isEmpty() && sameDigits(l.contracted, listUnits, listScale)
                ? Optional.empty()
                : optionalMoney(l.contracted, currency);
        Optional<BigDecimal> pricingQuantity = decimal(l.pricing);
        Optional<String> pricingUnit = (Optional<String>) optionalId(l.pricingUnit, TEXT);
        if (own) {
            // the library's own export: what toRow derived is not a reported value (FocusLineItems.toLineItem)
            String ownCategory = FocusLineItems.chargeCategory(f.actionType, f.payMode);
            boolean purchase12 = ownCategory.equals("Purchase") && l.pricingCategory >= 0 && !isNull(l.pricingCategory);
            if (effective.isPresent()
                    && (effective.get().isEqual(f.totalCost)
                            || (purchase12 && effective.get().isZero()))) {
                effective = Optional.empty();
            }
            if (contracted.isPresent()) {
                Money derived = rate.isEmpty()
                        ? f.listCost
                        : Money.of(currency, f.listCost.amount().multiply(rate.get()));
                if (contracted.get().isEqual(derived)) {
                    contracted = Optional.empty();
                }
            }
            if (purchase12
                    && usage.isEmpty()
                    && pricingUnit.isPresent()
                    && FocusLineItems.COUNT_UNIT.equals(pricingUnit.get())
                    && pricingQuantity.isPresent()
                    && FocusLineItems.isCount(pricingQuantity.get())
                    && pricingQuantity.get().compareTo(BigDecimal.ONE) != 0) {
                f.purchaseQuantity = Optional.of(pricingQuantity.get().intValueExact());
                pricingQuantity = Optional.empty();
                pricingUnit = Optional.empty();
            } else {
                boolean counted = ownCategory.equals("Usage") || ownCategory.equals("Purchase");
                Optional<BigDecimal> quantity12 = usage.isPresent() ? usage : counted ? ONE : Optional.empty();
                Optional<String> unit12 = usage.isPresent()
                        ? (usageUnit.isPresent() ? usageUnit : COUNT_UNIT)
                        : quantity12.isPresent() ? COUNT_UNIT : Optional.empty();
                // Optional.equals compares the values by equals, as the plain path compares them
                if ((pricingQuantity.equals(usage) && pricingUnit.equals(usageUnit))
                        || (pricingQuantity.equals(quantity12) && pricingUnit.equals(unit12))) {
                    pricingQuantity = Optional.empty();
                    pricingUnit = Optional.empty();
                }
            }
        } else {
            f.attributes = attributes();
        }
        f.effectiveCost = effective;
        f.contractedCost = contracted;
        f.pricingQuantity = pricingQuantity;
        f.pricingUnit = pricingUnit;
        return f.make();
    }

    /** A provider's values of the FOCUS columns an item does not map, as {@link FocusLineItems#toLineItem} keeps them. */
    private ImmutableMap<String, String> attributes() {
        int[] at = cells.attributes;
        ImmutableMap.Builder<String, String> m = null;
        for (int k : at) {
            if (isNull(k)) {
                continue;
            }
            if (m == null) {
                m = ImmutableMap.builderWithExpectedSize(at.length);
            }
            m.put(mapping.headers[k], (String) id(k, attributeMakers[k]));
        }
        return m == null ? ImmutableMap.of() : m.build();
    }

    /**
     * The decimal and the date-time columns an item does not take, in the order of {@link FocusTallyLayout#unmapped}:
     * their cells are still checked, as the plain mapping reads every cell; its text columns need no check.
     */
    private final int[] uncheckedDecimals;

    private final int[] uncheckedTimes;

    /** Per column, how a provider's cell becomes its attribute's text (null for a column an item maps). */
    private final Function<String, ?>[] attributeMakers;

    /** The text an attribute keeps of a cell of {@code c}: the number, not its scale; an instant as ISO-8601. */
    private static Function<String, ?> attributeMaker(FocusColumn c) {
        return switch (c.type()) {
            case STRING -> s -> s;
            case DECIMAL ->
                s -> Money.parseAmount(s.trim()).stripTrailingZeros().toPlainString();
            case DATETIME -> s -> FocusCsvReader.instant(s).toString();
            default -> null;
        };
    }

    /** Sets the payment, deduction or tax of column {@code header}. */
    private static void setPayment(LineItemFields f, String header, Optional<Money> amount) {
        switch (header) {
            case FocusLineItems.X_CASH_PAID -> f.cashPaid = amount;
            case FocusLineItems.X_VOUCHER_PAID -> f.voucherPaid = amount;
            case FocusLineItems.X_INCENTIVE_PAID -> f.incentivePaid = amount;
            case FocusLineItems.X_TRANSFER_PAID -> f.transferPaid = amount;
            case FocusLineItems.X_CREDIT_PAID -> f.creditPaid = amount;
            case FocusLineItems.X_COUPON_PAID -> f.couponPaid = amount;
            case FocusLineItems.X_RESERVED_INSTANCE_DEDUCTION -> f.reservedInstanceDeduction = amount;
            case FocusLineItems.X_SAVINGS_PLAN_DEDUCTION -> f.savingsPlanDeduction = amount;
            case FocusLineItems.X_TAX -> f.tax = amount;
            default -> throw new IllegalStateException("bug: " + header + " is not an amount of an item");
        }
    }

    /** The identifier of a cell not null, through the column's dictionary of identifiers. */
    private Object id(int k, Function<String, ?> make) {
        ByteDictionary d = itemDictionaries[k];
        if (d.direct) {
            return make.apply(asciiText(k)); // a column of mostly new cells, such as resource ids
        }
        return lookup(k, d, make);
    }

    /**
     * The resource id of cell {@code k} as the {@code Optional} the item stores: through the column's dictionary, or,
     * once the dictionary is found not worth it (most ids new, a few rows each), compact where the id ends in digits
     * ({@link CompactIds#resourceId}: no text per row), else {@code ResourceId.of} of its text. Equal either way.
     */
    @SuppressWarnings("unchecked")
    private Optional<ResourceId> resourceId(int k) {
        if (k >= 0 && !rows.quoted[k] && itemDictionaries[k].direct && !isNull(k)) {
            ResourceId compact = compactIds.resourceId(rows.buf(), rows.starts[k], rows.ends[k]);
            if (compact != null) {
                return Optional.of(compact);
            }
        }
        return (Optional<ResourceId>) optionalId(k, LineItemFields.RESOURCE_ID);
    }

    /** The line item ids of this parser's rows, held compactly where they end in a number. */
    private final CompactIds compactIds = new CompactIds();

    /** The line item id of cell {@code k} (not null) of a row of ASCII bytes, as {@code LineItemId.of} of its text. */
    private LineItemId lineItemId(int k) {
        LineItemId compact = rows.quoted[k] ? null : compactIds.of(rows.buf(), rows.starts[k], rows.ends[k]);
        return compact != null ? compact : LineItemId.of(asciiText(k));
    }

    /**
     * The text of cell {@code k} of a row of ASCII bytes (the item path reads no other): an unquoted cell's bytes are
     * its text, without the scan for quotes and bytes past ASCII of {@link CsvByteRows#text}.
     */
    private String asciiText(int k) {
        if (rows.quoted[k]) {
            return rows.text(k);
        }
        int s = rows.starts[k];
        return new String(rows.buf(), s, rows.ends[k] - s, java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    /**
     * The {@code Optional} of the identifier (or text) of cell {@code k} through the column's dictionary, which holds
     * the {@code Optional}s {@code make} makes (one per distinct cell, shared by the rows that hold it); empty when
     * the file lacks the column or the cell is null.
     */
    private Optional<?> optionalId(int k, Function<String, ? extends Optional<?>> make) {
        return k < 0 || isNull(k) ? Optional.empty() : (Optional<?>) id(k, make);
    }

    // the values of the other optional columns' dictionaries (the shared ones are LineItemFields')
    private static final Function<String, Optional<OrderId>> ORDER_ID = s -> Optional.of(OrderId.of(s));
    private static final Function<String, Optional<String>> TEXT = Optional::of;

    /** The settlement cycles as an item stores them, by ordinal. */
    private static final Optional<?>[] SETTLEMENT_CYCLES =
            java.util.Arrays.stream(SettlementCycle.values()).map(Optional::of).toArray(Optional<?>[]::new);

    /** What the library's own 1.2 export derives for a row without a usage quantity: 1 {@code Units}. */
    private static final Optional<BigDecimal> ONE = Optional.of(BigDecimal.ONE);

    private static final Optional<String> COUNT_UNIT = Optional.of(FocusLineItems.COUNT_UNIT);

    /** The amounts, decimals, periods and times of recent cells: one object for the many rows with the same. */
    private final RecentValues recent = new RecentValues();

    /** The amount of cell {@code k} (not null) in compact form; throws when not a simple decimal. */
    private Money money(int k, Currency currency) {
        if (!rows.simpleDecimalQuotedOrNot(k)) {
            throw NOT_SIMPLE;
        }
        return recent.money(currency, rows.units(), rows.scale());
    }

    /** The amount of cell {@code k}; empty when null or absent; throws when not a simple decimal. */
    private Optional<Money> optionalMoney(int k, Currency currency) {
        if (k < 0 || isNull(k)) {
            return Optional.empty();
        }
        if (!rows.simpleDecimalQuotedOrNot(k)) {
            throw NOT_SIMPLE;
        }
        return recent.optionalMoney(currency, rows.units(), rows.scale());
    }

    /** Whether cell {@code k} is a simple decimal of {@code units} at {@code scale}: the same digits and point. */
    private boolean sameDigits(int k, long units, int scale) {
        return k >= 0
                && !isNull(k)
                && rows.simpleDecimalQuotedOrNot(k)
                && rows.units() == units
                && rows.scale() == scale;
    }

    /** The decimal of cell {@code k}; empty when null or absent; throws when not a simple decimal. */
    private Optional<BigDecimal> decimal(int k) {
        if (k < 0 || isNull(k)) {
            return Optional.empty();
        }
        if (!rows.simpleDecimalQuotedOrNot(k)) {
            throw NOT_SIMPLE;
        }
        return recent.optionalDecimal(rows.units(), rows.scale());
    }

    /** The deduction time of cell {@code k} (not null): of the fixed form through {@link #recent}, else parsed. */
    @SuppressWarnings("unchecked")
    private Optional<Instant> deductionTime(int k) {
        long second = rows.fixedEpochSecond(k);
        if (second != CsvByteRows.NO_TIME) {
            return recent.optionalTime(second);
        }
        return Optional.of((Instant) lookup(k, deductionTimes, Instant::parse));
    }

    /** A cell the item path leaves to the plain mapping; it carries no stack. */
    private static final RuntimeException NOT_SIMPLE =
            new RuntimeException("not a simple decimal", null, false, false) {};

    /**
     * The tags of cell {@code k}: a {@linkplain #simpleTags simple} cell (plain ASCII without escapes: the bytes are
     * the text) read from its bytes every time, its keys and values through dictionaries of their own; any other
     * cell read as JSON ({@link #tagKeys}) once and kept by its bytes in {@link #itemTags}. The same map either way.
     *
     * <p>A simple cell is not kept: a file has tens of thousands of distinct tags cells (each combination of a few
     * tags), each seen a few times, so a table of every one of them stayed alive for the whole read and every young
     * collection copied it again; reading the cell again costs less than that.
     */
    @SuppressWarnings("unchecked")
    private ImmutableMap<TagKey, String> tags(int k) {
        byte[] b = rows.buf();
        if (simpleTags(k)) {
            ImmutableMap.Builder<TagKey, String> m = ImmutableMap.builderWithExpectedSize(tagCount);
            for (int t = 0; t < tagCount; t++) {
                m.put((TagKey) piece(tagKeyNames, b, tagKeyStarts[t], tagKeyEnds[t], TagKey::of), (String)
                        piece(tagValueTexts, b, tagValueStarts[t], tagValueEnds[t], x -> x));
            }
            return m.build();
        }
        int s = rows.starts[k];
        int e = rows.ends[k];
        Object v = itemTags.get(b, s, e);
        if (v != null) {
            return (ImmutableMap<TagKey, String>) v;
        }
        ImmutableMap<TagKey, String> tags = tagKeys(rows.text(k));
        itemTags.put(b, s, e, tags);
        return tags;
    }

    /** The tags cells kept in {@link #itemTags}. */
    int tagsCellsHeld() {
        return itemTags.size();
    }

    private final ByteDictionary tagKeyNames = new ByteDictionary();
    private final ByteDictionary tagValueTexts = new ByteDictionary();

    /** The value of the ASCII bytes {@code [from, to)} of {@code b} through {@code d}, made from their text on a miss. */
    private static Object piece(ByteDictionary d, byte[] b, int from, int to, Function<String, ?> make) {
        String text = null;
        if (!d.direct) {
            Object v = d.get(b, from, to);
            if (v != null) {
                return v;
            }
        }
        text = new String(b, from, to - from, java.nio.charset.StandardCharsets.ISO_8859_1);
        Object v = make.apply(text);
        if (!d.direct) {
            if (d.size() >= MAX_DICTIONARY) {
                d.clear();
            }
            d.put(Arrays.copyOfRange(b, from, to), v);
        }
        return v;
    }

    /** The tags of a cell's text, as {@link FocusLineItems#toLineItem} puts them in the item. */
    private static ImmutableMap<TagKey, String> tagKeys(String text) {
        ImmutableMap.Builder<TagKey, String> m = ImmutableMap.builder();
        for (Map.Entry<String, String> t : FocusRowMapping.tags(text).entrySet()) {
            m.put(TagKey.of(t.getKey()), t.getValue());
        }
        return m.build();
    }

    /** The charge period of cells {@code s} and {@code e}, or null when its end is not after its start. */
    private Interval chargePeriod(int s, int e) {
        long start = rows.fixedEpochSecond(s);
        long end = rows.fixedEpochSecond(e);
        if (start == CsvByteRows.NO_TIME || end == CsvByteRows.NO_TIME) {
            Instant from = (Instant) lookup(s);
            Instant to = (Instant) lookup(e);
            return from.isBefore(to) ? Interval.of(from, to) : null;
        }
        return end <= start ? null : recent.period(start, end);
    }

    // ---- totals straight from the cells ----

    private static final byte[] PURCHASE = {'P', 'u', 'r', 'c', 'h', 'a', 's', 'e'};
    private static final byte[] UNITS = FocusLineItems.COUNT_UNIT.getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    /**
     * Adds the row to {@link #tally} when it can prove, without making the row or its item, that the plain mapping
     * makes a valid item of it and what that item's totals are: plain ASCII, no guarded cell, every decimal cell
     * null or a simple decimal, every date-time, tags, enumeration and currency cell valid (through dictionaries),
     * the cells an item needs present, the charge period's end after its start, the payments (if any) adding up to
     * BilledCost, a discount rate (if any) not negative; the cost metrics and quantities then follow
     * {@link FocusLineItems#toLineItem} and {@code CostMetric} exactly. Returns false for any other row, which is
     * then read as before: the plain result or error.
     */
    private boolean tallied(long line) {
        if (rows.nonAscii() || (guarded && rows.guardLike())) {
            return false; // the item path checks the bytes are UTF-8, or removes the guard
        }
        // in steps, every amount parsed and every enumeration looked up at one call site each: the JIT then inlines
        // one copy of the decimal parser and of the dictionary, and compiles the row's check smaller and sooner
        try {
            return cellsValid() && itemCellsValid() && amountsRead() && metricsDerived() && added(line);
        } catch (RuntimeException x) {
            return false; // the item path makes the item, or words the error
        }
    }

    /** One amount of the row being tallied: its unscaled value and scale, and whether the row gives it. */
    private static final class Amount {
        long units;
        int scale;
        boolean given;

        void set(long units, int scale) {
            this.units = units;
            this.scale = scale;
        }

        void set(Amount other) {
            set(other.units, other.scale);
        }
    }

    // the row being tallied
    private long start;
    private java.util.Currency currency;
    private org.cloudbilling.core.bill.ActionType action;
    private org.cloudbilling.core.bill.PayMode mode;
    /** The amounts of {@link FocusTallyLayout#amounts}, in its order; the first seven named below. */
    private final Amount[] amounts;

    private final Amount billed;
    private final Amount list;
    private final Amount rate;
    private final Amount effective;
    private final Amount contracted;
    private final Amount consumed;
    private final Amount pricing;
    /** The contracted cost the library derives: ListCost times the discount rate, else ListCost. */
    private final Amount derived = new Amount();

    /**
     * Whether the cells that are only checked are valid (decimals, times) and the cells every item needs are not
     * null. Throws for a time the plain mapping refuses.
     */
    private boolean cellsValid() {
        FocusTallyLayout l = layout;
        for (int k : l.checkedDecimals) {
            if (!isNull(k) && !rows.isSimpleDecimalQuotedOrNot(k)) {
                return false;
            }
        }
        for (int k : l.checkedTimes) {
            if (!isNull(k) && !sameTimeAsBefore(k)) {
                lookup(k); // throws for a time the plain mapping refuses
            }
        }
        return !(isNull(l.currency)
                || isNull(l.billingAccount)
                || isNull(l.serviceName)
                || isNull(l.start)
                || isNull(l.end)
                || isNull(l.list)
                || isNull(l.billed)); // else the item path words the error
    }

    /**
     * Reads the currency, the charge period, the action type and the pay mode; whether they, the tags, the
     * settlement cycle and the deduction time are valid. Throws for a cell a dictionary's maker refuses.
     */
    private boolean itemCellsValid() {
        FocusTallyLayout l = layout;
        Object[] found = enumerations;
        for (int j = 0; j < enumerationColumns.length; j++) { // one loop, so the JIT inlines one copy of the lookup
            int k = enumerationColumns[j];
            found[j] = k < 0 || isNull(k) ? null : enumeration(j, k);
        }
        currency = (java.util.Currency) found[0];
        action = (org.cloudbilling.core.bill.ActionType) found[1];
        mode = (org.cloudbilling.core.bill.PayMode) found[2];
        long[] seconds = periodSeconds;
        for (int j = 0; j < 2; j++) { // one loop, so the JIT inlines one copy of the time parser, not one per bound
            seconds[j] = epochSecond(j == 0 ? l.start : l.end);
        }
        start = seconds[0];
        if (seconds[1] <= start) {
            return false;
        }
        if (l.tags >= 0 && !isNull(l.tags) && !simpleTags(l.tags) && ((Map<?, ?>) lookup(l.tags)).containsKey("")) {
            return false; // an empty tag key: refused by the item path
        }
        if (l.deductionTime >= 0
                && !isNull(l.deductionTime)
                && rows.fixedEpochSecond(l.deductionTime) == CsvByteRows.NO_TIME) {
            lookup(l.deductionTime, deductionTimes, Instant::parse);
        }
        return true;
    }

    /** The seconds of the charge period's start and end of the row being tallied. */
    private final long[] periodSeconds = new long[2];

    /** Cells read 8 bytes at a time, the first byte in the lowest bits. */
    private static final java.lang.invoke.VarHandle LONG =
            java.lang.invoke.MethodHandles.byteArrayViewVarHandle(long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);

    // per enumeration column, its last two values of at most 8 bytes (they alternate, as PREPAID and POSTPAID do):
    // the cells' lengths, their bytes as a word (the first in the lowest bits, zeros past the length), the values
    private final int[] recentLengths = {-1, -1, -1, -1, -1, -1, -1, -1};
    private final long[] recentWords = new long[8];
    private final Object[] recentValues = new Object[8];

    /**
     * The value of enumeration cell {@code k} (of {@link #enumerationColumns}' {@code j}): one of the column's last two
     * values when the cell has their bytes, else through the column's dictionary (whose maker throws for a cell the
     * plain mapping refuses). The same value either way: a value is a function of the cell's bytes.
     */
    private Object enumeration(int j, int k) {
        byte[] b = rows.buf();
        int s = rows.starts[k];
        int len = rows.ends[k] - s;
        if (len > 8 || s + 8 > b.length) {
            return lookup(k, enumerationDictionaries[j], ENUMERATION_MAKERS.get(j));
        }
        long word = (long) LONG.get(b, s) & (len == 8 ? -1L : (1L << (len << 3)) - 1);
        int at = 2 * j;
        if (recentLengths[at] == len && recentWords[at] == word) {
            return recentValues[at];
        }
        if (recentLengths[at + 1] == len && recentWords[at + 1] == word) {
            return recentValues[at + 1];
        }
        Object v = lookup(k, enumerationDictionaries[j], ENUMERATION_MAKERS.get(j));
        recentLengths[at + 1] = recentLengths[at];
        recentWords[at + 1] = recentWords[at];
        recentValues[at + 1] = recentValues[at];
        recentLengths[at] = len;
        recentWords[at] = word;
        recentValues[at] = v;
        return v;
    }

    /** Whether cells {@code a} and {@code b} have the same bytes (their quotes included), so the same value. */
    private boolean sameCell(int a, int b) {
        int sa = rows.starts[a];
        int sb = rows.starts[b];
        int len = rows.ends[a] - sa;
        if (len != rows.ends[b] - sb) {
            return false;
        }
        byte[] buf = rows.buf();
        if (len < 8) {
            for (int i = 0; i < len; i++) {
                if (buf[sa + i] != buf[sb + i]) {
                    return false;
                }
            }
            return true;
        }
        for (int i = 0; i + 8 <= len; i += 8) {
            if ((long) LONG.get(buf, sa + i) != (long) LONG.get(buf, sb + i)) {
                return false;
            }
        }
        return (long) LONG.get(buf, sa + len - 8) == (long) LONG.get(buf, sb + len - 8);
    }

    /**
     * Reads the amounts: BilledCost and ListCost, the payments (which must add up to BilledCost), the discount rate
     * (not negative) and the contracted cost derived from it, the reported metrics and quantities; whether every
     * one is a simple decimal (or null where it may be) and the derived cost fits. Throws for an optional amount that
     * is not a simple decimal.
     */
    private boolean amountsRead() {
        int[] columns = layout.amounts;
        Amount[] read = amounts;
        int first = columns[FocusTallyLayout.BILLED]; // never null here (cellsValid)
        for (int j = 0; j < columns.length; j++) { // one loop, so the JIT inlines one copy of the decimal parser
            int k = columns[j];
            Amount a = read[j];
            a.given = k >= 0 && !isNull(k);
            if (!a.given) {
                a.set(0, 0);
            } else if (j > FocusTallyLayout.BILLED && sameCell(k, first)) {
                a.set(billed); // the same bytes as BilledCost (ListCost, EffectiveCost often are): the same decimal
            } else if (rows.simpleDecimalQuotedOrNot(k)) {
                a.set(rows.units(), rows.scale());
            } else {
                return false;
            }
        }
        if (!paymentsAddUp() || (rate.given && rate.units < 0)) {
            return false; // payments that do not add up, a negative rate: refused by the item path
        }
        derived.set(list);
        if (rate.given) {
            CellTally t = tally;
            if (!t.product(list.units, list.scale, rate.units, rate.scale)) {
                return false; // past a long or 18 decimals: the item path words it
            }
            derived.set(t.productUnits(), t.productScale());
        }
        return true;
    }

    /**
     * Sets EffectiveCost, ContractedCost and PricingQuantity as the row's item has them ({@link
     * FocusLineItems#toLineItem}, {@code CostMetric}).
     */
    private boolean metricsDerived() {
        if (action != null) {
            ownMetrics();
        } else {
            providerMetrics();
        }
        return true;
    }

    /** The library's own export: what {@code toRow} derived reads back as not reported. */
    private void ownMetrics() {
        FocusTallyLayout l = layout;
        if (mode == null) {
            mode = textIs(l.chargeCategory, PURCHASE)
                    ? org.cloudbilling.core.bill.PayMode.PREPAID
                    : org.cloudbilling.core.bill.PayMode.POSTPAID;
        }
        String category = org.cloudbilling.core.bill.LineItemField.chargeCategory(action, mode);
        boolean purchase = category.equals("Purchase");
        boolean purchase12 = purchase && l.pricingCategory >= 0 && !isNull(l.pricingCategory);
        if (!effective.given
                || CellTally.sameValue(effective.units, effective.scale, billed.units, billed.scale)
                || (purchase12 && effective.units == 0)) {
            effective.set(billed);
        }
        if (!contracted.given
                || CellTally.sameValue(contracted.units, contracted.scale, derived.units, derived.scale)) {
            contracted.set(derived);
        }
        if (pricing.given) {
            pricing.given = !derivedPricing(l, purchase12, purchase || category.equals("Usage"));
        }
    }

    /** A provider's row: a null metric is zero when the item carries the provider's values. */
    private void providerMetrics() {
        boolean carried = false;
        for (int k : layout.unmapped) {
            if (!isNull(k)) {
                carried = true;
                break;
            }
        }
        if (!effective.given) {
            effective.set(carried ? 0 : billed.units, carried ? 0 : billed.scale);
        }
        if (!contracted.given) {
            contracted.set(carried ? 0 : derived.units, carried ? 0 : derived.scale);
        }
    }

    /** Adds the row to its group's sums, naming a new group; whether the row makes an item (else it is not added). */
    private boolean added(long line) {
        CellTally t = tally;
        CellTally.Sums sums = t.find(rows, start);
        if (sums == null) {
            sums = groupOf(line);
            if (sums == null) {
                return false;
            }
        }
        sums.count++;
        CellTally.Sum[] to = addedTo;
        to[0] = sums.list;
        to[1] = sums.billed;
        to[2] = sums.effective;
        to[3] = sums.contracted;
        to[4] = sums.consumed;
        to[5] = sums.pricing;
        Amount[] from = addedFrom;
        // one loop, so the JIT inlines one copy of the sum's addition, not six; the quantities only where reported
        for (int j = 0; j < to.length; j++) {
            Amount a = from[j];
            if (j < 4 || a.given) {
                to[j].add(a.units, a.scale);
            }
            to[j] = null;
        }
        return true;
    }

    /** The sums {@link #added} adds to, in the order of {@link #addedFrom}: filled for each row, then emptied. */
    private final CellTally.Sum[] addedTo = new CellTally.Sum[6];

    /** The amounts {@link #added} adds: ListCost, BilledCost, EffectiveCost, ContractedCost and the quantities. */
    private final Amount[] addedFrom;

    /**
     * The group of a row whose key this part's tally does not hold yet: named by another part ({@link
     * FocusTallyLayout#named}), else made by {@link #newGroup}; null when the row makes no item. Once per group of a
     * part, so kept out of {@link #added}: the JIT does not inline it there, and the row check stays small.
     */
    private CellTally.Sums groupOf(long line) {
        CellTally t = tally;
        byte[] key = t.key(rows, start);
        org.cloudbilling.core.consolidation.GroupKey named = layout.named.get(java.nio.ByteBuffer.wrap(key));
        return named != null ? t.add(key, named) : newGroup(line);
    }

    /**
     * Whether the PricingQuantity of the library's own row is what {@code toRow} derived, so that its item reports
     * none ({@link FocusLineItems#toLineItem}): a 1.2 purchase's count of units bought, the usage quantity and unit,
     * or the 1.2 derived quantity and unit (the usage quantity, else 1 {@code Units} for usage and purchases).
     */
    private boolean derivedPricing(FocusTallyLayout l, boolean purchase12, boolean usageOrPurchase) {
        boolean hasConsumed = consumed.given;
        long consumedUnits = consumed.units;
        int consumedScale = consumed.scale;
        long pricingUnits = pricing.units;
        int pricingScale = pricing.scale;
        int pu = l.pricingUnit >= 0 && !isNull(l.pricingUnit) ? l.pricingUnit : -1;
        int uu = l.consumedUnit >= 0 && !isNull(l.consumedUnit) ? l.consumedUnit : -1;
        if (purchase12 && !hasConsumed && pu >= 0 && textIs(pu, UNITS) && pricingUnits >= 0) {
            long power = CellTally.power(pricingScale);
            // a whole count up to Integer.MAX_VALUE, not 1: the quantity bought
            if (pricingUnits % power == 0 && pricingUnits / power <= Integer.MAX_VALUE && pricingUnits / power != 1) {
                return true;
            }
        }
        if (hasConsumed && consumedUnits == pricingUnits && consumedScale == pricingScale) {
            if (pu < 0 ? uu < 0 : uu >= 0 && sameText(pu, uu)) {
                return true; // the usage quantity and unit
            }
            // the 1.2 derivation: the usage quantity with its unit, else Units
            return pu >= 0 && (uu >= 0 ? sameText(pu, uu) : textIs(pu, UNITS));
        }
        if (!hasConsumed && usageOrPurchase) {
            return pricingUnits == 1 && pricingScale == 0 && pu >= 0 && textIs(pu, UNITS);
        }
        return false;
    }

    /**
     * Makes the group of the row: its key from the row's item (made once per group of the file: other parts take it from {@link FocusTallyLayout#named}), checked against what the tally
     * adds for the row. Returns null when the row makes no item.
     */
    private CellTally.Sums newGroup(long line) {
        BigDecimal consumedQuantity = consumed.given ? BigDecimal.valueOf(consumed.units, consumed.scale) : null;
        BigDecimal pricingQuantity = pricing.given ? BigDecimal.valueOf(pricing.units, pricing.scale) : null;
        LineItem item;
        FocusRow row = fast();
        try {
            if (row == null) {
                String[] text = new String[width];
                for (int k = 0; k < width; k++) {
                    text[k] = rows.text(k);
                }
                row = mapping.parse(text, line);
            }
            item = mapping.toLineItem(row, line);
        } catch (BillingInputException e) {
            return null;
        }
        java.util.Map.Entry<org.cloudbilling.core.consolidation.GroupKey, org.cloudbilling.core.consolidation.Totals>
                group = org.cloudbilling.core.consolidation.Consolidation.consolidate(
                                java.util.List.of(item), layout.grouping)
                        .groups()
                        .entrySet()
                        .iterator()
                        .next();
        org.cloudbilling.core.consolidation.Totals expected = org.cloudbilling.core.consolidation.Totals.of(
                1,
                org.cloudbilling.core.money.Money.ofUnscaled(currency, list.units, list.scale),
                org.cloudbilling.core.money.Money.ofUnscaled(currency, billed.units, billed.scale),
                org.cloudbilling.core.money.Money.ofUnscaled(currency, effective.units, effective.scale),
                org.cloudbilling.core.money.Money.ofUnscaled(currency, contracted.units, contracted.scale),
                consumedQuantity,
                pricingQuantity);
        if (!expected.toString().equals(group.getValue().toString())) {
            throw new AssertionError("bug: the totals of line " + line + " from its cells, " + expected
                    + ", differ from its item's, " + group.getValue());
        }
        byte[] key = tally.key(rows, start);
        org.cloudbilling.core.consolidation.GroupKey named =
                layout.named.putIfAbsent(java.nio.ByteBuffer.wrap(key), group.getKey());
        return tally.add(key, named != null ? named : group.getKey());
    }

    // the keys of the tags cell simpleTags reads: where each is in the buffer
    private final int[] tagKeyStarts = new int[16];
    private final int[] tagKeyEnds = new int[16];
    // and of their values, and how many the last cell simpleTags found simple holds
    private final int[] tagValueStarts = new int[16];
    private final int[] tagValueEnds = new int[16];
    private int tagCount;

    /**
     * Whether the tags cell is, on its bytes alone, a JSON object that {@code TagJson} reads without fault and
     * without an empty key, so that the tally need not parse it: {@code {"k":"v",...}} without blanks, each key and
     * value plain printable ASCII without a quote or a backslash (so its bytes are its text), no key empty, none
     * repeated, at most 16. False for any other cell (an escape, a blank, a value that is not a string, a fault),
     * which the dictionary then reads with the strict parser.
     */
    private boolean simpleTags(int k) {
        byte[] b = rows.buf();
        boolean q = rows.quoted[k];
        int i = q ? rows.starts[k] + 1 : rows.starts[k];
        int e = q ? rows.ends[k] - 1 : rows.ends[k];
        int quote = q ? 2 : 1; // a quote in a quoted cell is doubled
        if (i >= e || b[i] != '{') {
            return false;
        }
        i++;
        tagCount = 0;
        if (i < e && b[i] == '}') {
            return i + 1 == e;
        }
        int keys = 0;
        while (true) {
            int after = jsonString(b, i, e, quote);
            if (after < 0) {
                return false;
            }
            int from = i + quote;
            int to = after - quote;
            if (from == to || keys == tagKeyStarts.length) {
                return false;
            }
            for (int j = 0; j < keys; j++) {
                if (Arrays.equals(b, tagKeyStarts[j], tagKeyEnds[j], b, from, to)) {
                    return false; // a repeated key: refused by the strict parser
                }
            }
            tagKeyStarts[keys] = from;
            tagKeyEnds[keys] = to;
            keys++;
            i = after;
            if (i >= e || b[i] != ':') {
                return false;
            }
            int value = i + 1;
            i = jsonString(b, value, e, quote);
            if (i < 0 || i >= e) {
                return false;
            }
            tagValueStarts[keys - 1] = value + quote;
            tagValueEnds[keys - 1] = i - quote;
            byte c = b[i++];
            if (c == '}') {
                tagCount = keys;
                return i == e;
            }
            if (c != ',') {
                return false;
            }
        }
    }

    /**
     * Where the JSON string at {@code i} ends (after its closing quote), for a string of printable ASCII without a
     * quote or a backslash; -1 for anything else.
     */
    private static int jsonString(byte[] b, int i, int e, int quote) {
        if (!jsonQuote(b, i, e, quote)) {
            return -1;
        }
        for (i += quote; i < e; i++) {
            byte c = b[i];
            if (c == '"') {
                return jsonQuote(b, i, e, quote) ? i + quote : -1;
            }
            if (c < 0x20 || c > 0x7E || c == '\\') {
                return -1;
            }
        }
        return -1;
    }

    private static boolean jsonQuote(byte[] b, int i, int e, int quote) {
        return i + quote <= e && b[i] == '"' && (quote == 1 || b[i + 1] == '"');
    }

    /** Whether no payment is given, or the payments add up to BilledCost exactly (else the item is refused). */
    private boolean paymentsAddUp() {
        long paid = 0;
        int paidScale = 0;
        boolean any = false;
        for (int j = FocusTallyLayout.FIRST_PAYMENT; j < FocusTallyLayout.FIRST_PAYMENT + layout.payments.length; j++) {
            Amount a = amounts[j];
            if (!a.given) {
                continue;
            }
            any = true;
            int s = Math.max(paidScale, a.scale);
            paid = Math.addExact(CellTally.scaled(paid, s - paidScale), CellTally.scaled(a.units, s - a.scale));
            paidScale = s;
        }
        return !any || CellTally.sameValue(paid, paidScale, billed.units, billed.scale);
    }

    /** A valid time of the fixed form, what {@link #lastTimes} holds before a column's first time. */
    private static final byte[] EPOCH = "1970-01-01T00:00:00Z".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    /**
     * Per column k, the last unquoted time cell of the fixed form (20 bytes) proven valid, as its bytes 0-7, 8-15 and
     * 12-19 at {@code 3k}, {@code 3k+1}, {@code 3k+2}; at first {@link #EPOCH}'s.
     */
    private final long[] lastTimes;

    /**
     * Whether the time cell {@code k} is valid without a lookup: the same 20 bytes as the last time of the fixed form
     * its column held (a billing period's bounds repeat row after row; three {@code long}s compared), or of the fixed
     * form itself.
     */
    private boolean sameTimeAsBefore(int k) {
        int s = rows.starts[k];
        boolean fixed = !rows.quoted[k] && rows.ends[k] - s == EPOCH.length;
        long a = 0;
        long c = 0;
        long d = 0;
        int o = 3 * k;
        long[] last = lastTimes;
        if (fixed) {
            byte[] b = rows.buf();
            a = (long) LONG.get(b, s);
            c = (long) LONG.get(b, s + 8);
            d = (long) LONG.get(b, s + 12);
            if (a == last[o] && c == last[o + 1] && d == last[o + 2]) {
                return true;
            }
        }
        // one call of the time parser (the JIT inlines one copy): a cell of another length or quoted is parsed too,
        // and not kept
        if (rows.fixedEpochSecond(k) == CsvByteRows.NO_TIME) {
            return false;
        }
        if (fixed) {
            last[o] = a;
            last[o + 1] = c;
            last[o + 2] = d;
        }
        return true;
    }

    /** The seconds since the epoch of a time cell the checks above found valid. */
    private long epochSecond(int k) {
        long second = rows.fixedEpochSecond(k);
        return second != CsvByteRows.NO_TIME ? second : ((Instant) lookup(k)).getEpochSecond();
    }

    /** The bounds of a cell's text in the buffer: inside its quotes; -1 when it holds an escaped quote. */
    private int textStart(int k) {
        int s = rows.starts[k];
        if (!rows.quoted[k]) {
            return s;
        }
        byte[] b = rows.buf();
        for (int i = s + 1; i < rows.ends[k] - 1; i++) {
            if (b[i] == '"') {
                return -1;
            }
        }
        return s + 1;
    }

    private int textEnd(int k) {
        return rows.quoted[k] ? rows.ends[k] - 1 : rows.ends[k];
    }

    /** Whether the cell's text is {@code text} (ASCII). */
    private boolean textIs(int k, byte[] text) {
        if (k < 0 || isNull(k)) {
            return false;
        }
        int s = textStart(k);
        if (s < 0) {
            return rows.text(k).equals(new String(text, java.nio.charset.StandardCharsets.US_ASCII));
        }
        return Arrays.equals(rows.buf(), s, textEnd(k), text, 0, text.length);
    }

    /** Whether two cells hold the same text. */
    private boolean sameText(int a, int b) {
        int sa = textStart(a);
        int sb = textStart(b);
        if (sa < 0 || sb < 0) {
            return rows.text(a).equals(rows.text(b));
        }
        return Arrays.equals(rows.buf(), sa, textEnd(a), rows.buf(), sb, textEnd(b));
    }
}
