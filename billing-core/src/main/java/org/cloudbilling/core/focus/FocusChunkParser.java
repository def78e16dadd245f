package org.cloudbilling.core.focus;

import java.math.BigDecimal;
import java.nio.channels.FileChannel;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import org.cloudbilling.core.bill.LineItem;
import org.cloudbilling.core.io.BillingInputException;
import org.cloudbilling.core.io.FormulaGuard;
import org.cloudbilling.core.io.InputProblem;
import org.cloudbilling.core.io.SupportedTimes;
import org.cloudbilling.core.io.internal.ByteDictionary;
import org.cloudbilling.core.io.internal.CellTally;
import org.cloudbilling.core.io.internal.CsvByteRows;

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
final class FocusChunkParser {
    /** A dictionary of more entries than this is emptied, so memory stays bounded on any file. */
    private static final int MAX_DICTIONARY = 1 << 18;

    private static final byte[] NULL = {'N', 'U', 'L', 'L'};

    /** What the rows of a part go to. */
    interface Sink {
        /** Takes an item; returns whether to go on. */
        boolean item(LineItem item);

        /** Takes a bad row's refusal, its lines counted from the part's first row (0); returns whether to go on. */
        boolean bad(BillingInputException refusal);
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

    private final ByteDictionary currencies = new ByteDictionary();
    private final ByteDictionary actionTypes = new ByteDictionary();
    private final ByteDictionary payModes = new ByteDictionary();
    private final ByteDictionary settlementCycles = new ByteDictionary();
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
        this.makers = new Function[width];
        for (int k = 0; k < width; k++) {
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
        return rows.read(channel, size, nominalStart, nominalEnd, firstRow, line -> deliver(line, sink));
    }

    private boolean deliver(long line, Sink sink) {
        int cells = rows.cells();
        if (cells == 1 && rows.isEmpty(0)) {
            return true; // a blank line holds no data
        }
        if (cells != width) {
            return sink.bad(new BillingInputException(
                    InputProblem.ofLine(mapping.source, line, "the row has " + cells + " cells, the header " + width)));
        }
        if (tally != null && tallied(line)) {
            return true;
        }
        FocusRow row = fast();
        if (row == null) {
            String[] text = new String[cells];
            for (int k = 0; k < cells; k++) {
                text[k] = rows.text(k); // bytes that are not UTF-8 stop the fast path here
            }
            try {
                row = mapping.parse(text, line);
            } catch (BillingInputException e) {
                return sink.bad(e);
            }
        }
        LineItem item;
        try {
            item = mapping.toLineItem(row, line);
        } catch (BillingInputException e) {
            return sink.bad(e);
        }
        return sink.item(item);
    }

    /** Whether the cell is null: empty, or the text {@code NULL}. */
    private boolean isNull(int k) {
        if (rows.isEmpty(k)) {
            return true;
        }
        int s = rows.starts[k];
        int e = rows.ends[k];
        if (rows.quoted[k]) {
            s++;
            e--;
        }
        return Arrays.equals(rows.buf(), s, e, NULL, 0, 4);
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
        if (v == null) {
            v = make.apply(rows.text(k));
            if (d.size() >= MAX_DICTIONARY) {
                d.clear();
            }
            d.put(Arrays.copyOfRange(buf, s, e), v);
        }
        return v;
    }
    // ---- totals straight from the cells ----

    private static final byte[] PURCHASE = {'P', 'u', 'r', 'c', 'h', 'a', 's', 'e'};
    private static final byte[] UNITS = FocusLineItems.COUNT_UNIT.getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    // the amounts of the row being tallied: unscaled value and scale
    private long units;
    private int scale;

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
        FocusTallyLayout l = layout;
        if (rows.nonAscii() || (guarded && rows.guardLike())) {
            return false; // the item path checks the bytes are UTF-8, or removes the guard
        }
        try {
            for (int k : l.decimals) {
                if (!isNull(k) && !rows.simpleDecimalQuotedOrNot(k)) {
                    return false;
                }
            }
            for (int k : l.times) {
                if (!isNull(k) && rows.fixedEpochSecond(k) == CsvByteRows.NO_TIME) {
                    lookup(k); // throws for a time the plain mapping refuses
                }
            }
            if (isNull(l.currency)
                    || isNull(l.billingAccount)
                    || isNull(l.serviceName)
                    || isNull(l.start)
                    || isNull(l.end)
                    || isNull(l.list)
                    || isNull(l.billed)) {
                return false; // the item path words the error
            }
            java.util.Currency currency =
                    (java.util.Currency) lookup(l.currency, currencies, org.cloudbilling.core.money.Money::currency);
            long start = epochSecond(l.start);
            long end = epochSecond(l.end);
            if (end <= start) {
                return false;
            }
            if (l.tags >= 0 && !isNull(l.tags) && !simpleTags(l.tags) && ((Map<?, ?>) lookup(l.tags)).containsKey("")) {
                return false; // an empty tag key: refused by the item path
            }
            org.cloudbilling.core.bill.ActionType action = l.actionType < 0 || isNull(l.actionType)
                    ? null
                    : (org.cloudbilling.core.bill.ActionType) lookup(
                            l.actionType,
                            actionTypes,
                            v -> Enum.valueOf(org.cloudbilling.core.bill.ActionType.class, v));
            org.cloudbilling.core.bill.PayMode mode = l.payMode < 0 || isNull(l.payMode)
                    ? null
                    : (org.cloudbilling.core.bill.PayMode)
                            lookup(l.payMode, payModes, v -> Enum.valueOf(org.cloudbilling.core.bill.PayMode.class, v));
            if (l.settlementCycle >= 0 && !isNull(l.settlementCycle)) {
                lookup(
                        l.settlementCycle,
                        settlementCycles,
                        v -> Enum.valueOf(org.cloudbilling.core.bill.SettlementCycle.class, v));
            }
            if (l.deductionTime >= 0
                    && !isNull(l.deductionTime)
                    && rows.fixedEpochSecond(l.deductionTime) == CsvByteRows.NO_TIME) {
                lookup(l.deductionTime, deductionTimes, Instant::parse);
            }
            for (int k : l.otherAmounts) {
                if (!isNull(k) && !decimal(k)) {
                    return false;
                }
            }
            decimal(l.billed);
            long billedUnits = units;
            int billedScale = scale;
            decimal(l.list);
            long listUnits = units;
            int listScale = scale;
            if (!paymentsAddUp(billedUnits, billedScale)) {
                return false;
            }
            boolean rated = l.discountRate >= 0 && !isNull(l.discountRate);
            long rateUnits = 0;
            int rateScale = 0;
            if (rated) {
                if (!decimal(l.discountRate) || units < 0) {
                    return false; // a negative rate: refused by the item path
                }
                rateUnits = units;
                rateScale = scale;
            }
            boolean hasEffective = l.effective >= 0 && !isNull(l.effective);
            long effectiveUnits = 0;
            int effectiveScale = 0;
            if (hasEffective) {
                rows.simpleDecimalQuotedOrNot(l.effective);
                effectiveUnits = rows.units();
                effectiveScale = rows.scale();
            }
            boolean hasContracted = l.contracted >= 0 && !isNull(l.contracted);
            long contractedUnits = 0;
            int contractedScale = 0;
            if (hasContracted) {
                rows.simpleDecimalQuotedOrNot(l.contracted);
                contractedUnits = rows.units();
                contractedScale = rows.scale();
            }
            boolean hasConsumed = l.consumed >= 0 && !isNull(l.consumed);
            long consumedUnits = 0;
            int consumedScale = 0;
            if (hasConsumed) {
                rows.simpleDecimalQuotedOrNot(l.consumed);
                consumedUnits = rows.units();
                consumedScale = rows.scale();
            }
            boolean hasPricing = l.pricing >= 0 && !isNull(l.pricing);
            long pricingUnits = 0;
            int pricingScale = 0;
            if (hasPricing) {
                rows.simpleDecimalQuotedOrNot(l.pricing);
                pricingUnits = rows.units();
                pricingScale = rows.scale();
            }
            CellTally t = tally;
            // the contracted cost the library derives: list cost times the discount rate, else the list cost
            long derivedUnits = listUnits;
            int derivedScale = listScale;
            if (rated) {
                if (!t.product(listUnits, listScale, rateUnits, rateScale)) {
                    return false; // past a long or 18 decimals: the item path words it
                }
                derivedUnits = t.productUnits();
                derivedScale = t.productScale();
            }
            if (action != null) {
                // the library's own export: what toRow derived reads back as not reported (FocusLineItems.toLineItem)
                if (mode == null) {
                    mode = textIs(l.chargeCategory, PURCHASE)
                            ? org.cloudbilling.core.bill.PayMode.PREPAID
                            : org.cloudbilling.core.bill.PayMode.POSTPAID;
                }
                String category = org.cloudbilling.core.bill.LineItemField.chargeCategory(action, mode);
                boolean purchase = category.equals("Purchase");
                boolean purchase12 = purchase && l.pricingCategory >= 0 && !isNull(l.pricingCategory);
                if (!hasEffective
                        || CellTally.sameValue(effectiveUnits, effectiveScale, billedUnits, billedScale)
                        || (purchase12 && effectiveUnits == 0)) {
                    effectiveUnits = billedUnits;
                    effectiveScale = billedScale;
                }
                if (!hasContracted
                        || CellTally.sameValue(contractedUnits, contractedScale, derivedUnits, derivedScale)) {
                    contractedUnits = derivedUnits;
                    contractedScale = derivedScale;
                }
                if (hasPricing) {
                    hasPricing = !derivedPricing(
                            l,
                            purchase12,
                            purchase || category.equals("Usage"),
                            hasConsumed,
                            consumedUnits,
                            consumedScale,
                            pricingUnits,
                            pricingScale);
                }
            } else {
                // a provider's row: a null metric is zero when the item carries the provider's values
                boolean carried = false;
                for (int k : l.unmapped) {
                    if (!isNull(k)) {
                        carried = true;
                        break;
                    }
                }
                if (!hasEffective) {
                    effectiveUnits = carried ? 0 : billedUnits;
                    effectiveScale = carried ? 0 : billedScale;
                }
                if (!hasContracted) {
                    contractedUnits = carried ? 0 : derivedUnits;
                    contractedScale = carried ? 0 : derivedScale;
                }
            }
            CellTally.Sums sums = t.find(rows, start);
            if (sums == null) {
                byte[] key = t.key(rows, start);
                org.cloudbilling.core.consolidation.GroupKey named = layout.named.get(java.nio.ByteBuffer.wrap(key));
                sums = named != null ? t.add(key, named) : null;
            }
            if (sums == null) {
                sums = newGroup(
                        line,
                        start,
                        currency,
                        listUnits,
                        listScale,
                        billedUnits,
                        billedScale,
                        effectiveUnits,
                        effectiveScale,
                        contractedUnits,
                        contractedScale,
                        hasConsumed ? BigDecimal.valueOf(consumedUnits, consumedScale) : null,
                        hasPricing ? BigDecimal.valueOf(pricingUnits, pricingScale) : null);
                if (sums == null) {
                    return false;
                }
            }
            sums.count++;
            sums.list.add(listUnits, listScale);
            sums.billed.add(billedUnits, billedScale);
            sums.effective.add(effectiveUnits, effectiveScale);
            sums.contracted.add(contractedUnits, contractedScale);
            if (hasConsumed) {
                sums.consumed.add(consumedUnits, consumedScale);
            }
            if (hasPricing) {
                sums.pricing.add(pricingUnits, pricingScale);
            }
            return true;
        } catch (RuntimeException x) {
            return false; // the item path makes the item, or words the error
        }
    }

    /**
     * Whether the PricingQuantity of the library's own row is what {@code toRow} derived, so that its item reports
     * none ({@link FocusLineItems#toLineItem}): a 1.2 purchase's count of units bought, the usage quantity and unit,
     * or the 1.2 derived quantity and unit (the usage quantity, else 1 {@code Units} for usage and purchases).
     */
    private boolean derivedPricing(
            FocusTallyLayout l,
            boolean purchase12,
            boolean usageOrPurchase,
            boolean hasConsumed,
            long consumedUnits,
            int consumedScale,
            long pricingUnits,
            int pricingScale) {
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
    private CellTally.Sums newGroup(
            long line,
            long start,
            java.util.Currency currency,
            long listUnits,
            int listScale,
            long billedUnits,
            int billedScale,
            long effectiveUnits,
            int effectiveScale,
            long contractedUnits,
            int contractedScale,
            BigDecimal consumed,
            BigDecimal pricing) {
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
                org.cloudbilling.core.money.Money.ofUnscaled(currency, listUnits, listScale),
                org.cloudbilling.core.money.Money.ofUnscaled(currency, billedUnits, billedScale),
                org.cloudbilling.core.money.Money.ofUnscaled(currency, effectiveUnits, effectiveScale),
                org.cloudbilling.core.money.Money.ofUnscaled(currency, contractedUnits, contractedScale),
                consumed,
                pricing);
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
            i = jsonString(b, i + 1, e, quote);
            if (i < 0 || i >= e) {
                return false;
            }
            byte c = b[i++];
            if (c == '}') {
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
    private boolean paymentsAddUp(long billedUnits, int billedScale) {
        long paid = 0;
        int paidScale = 0;
        boolean any = false;
        for (int k : layout.payments) {
            if (isNull(k)) {
                continue;
            }
            if (!decimal(k)) {
                return false;
            }
            any = true;
            int s = Math.max(paidScale, scale);
            paid = Math.addExact(CellTally.scaled(paid, s - paidScale), CellTally.scaled(units, s - scale));
            paidScale = s;
        }
        return !any || CellTally.sameValue(paid, paidScale, billedUnits, billedScale);
    }

    /** Parses a simple decimal cell, quoted or not, into {@link #units} and {@link #scale}. */
    private boolean decimal(int k) {
        if (!rows.simpleDecimalQuotedOrNot(k)) {
            return false;
        }
        units = rows.units();
        scale = rows.scale();
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
