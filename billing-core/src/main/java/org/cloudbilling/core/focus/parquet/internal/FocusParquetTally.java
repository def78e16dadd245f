package org.cloudbilling.core.focus.parquet.internal;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ColumnReader;
import org.apache.parquet.column.Dictionary;
import org.apache.parquet.column.impl.ColumnReaderImpl;
import org.apache.parquet.format.RowGroup;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.PrimitiveConverter;
import org.apache.parquet.schema.PrimitiveType;
import org.cloudbilling.core.bill.ActionType;
import org.cloudbilling.core.bill.PayMode;
import org.cloudbilling.core.consolidation.Dimension;
import org.cloudbilling.core.consolidation.GroupKey;
import org.cloudbilling.core.consolidation.Grouping;
import org.cloudbilling.core.consolidation.Rollup;
import org.cloudbilling.core.consolidation.Totals;
import org.cloudbilling.core.focus.FocusColumn;
import org.cloudbilling.core.focus.FocusLineItems;
import org.cloudbilling.core.focus.parquet.internal.FocusParquetReader.Column;
import org.cloudbilling.core.focus.parquet.internal.FocusParquetReader.Kind;
import org.cloudbilling.core.io.internal.CellTally;
import org.cloudbilling.core.io.internal.CellTally.Sum;
import org.cloudbilling.core.money.Money;

/**
 * Consolidation of a FOCUS Parquet dataset straight from the column values: the fast path of
 * {@link FocusParquet#consolidate}. Reads only the columns the totals, the grouping and the line item's checks need
 * (projection); a string value becomes a dense id once per dictionary entry of its column chunk (per value for a
 * plain-encoded page); an amount is added as an unscaled long at its scale into a primitive sum per group, exactly,
 * spilling to {@link BigDecimal} past a long. No {@code FocusRow} and no {@code LineItem} are made. A chunk of PLAIN
 * binary decimals or of dictionary ids is decoded from its pages' bytes ({@link PlainDecimals},
 * {@link DictionaryIds}); any other through parquet-java's column reader. A row of the library's own export (an
 * {@code x_} column of {@link FocusLineItems#EXTRA_COLUMNS}, {@code x_ActionType} set) is totalled as its item has
 * it: what the export derived (EffectiveCost, ContractedCost, PricingQuantity) is undone, as
 * {@code FocusLineItems.toLineItem} undoes it.
 *
 * <p>It gives up (returns null, and the plain path reads the file) when the file or a row is anything the plain
 * mapping would treat otherwise: a dimension it does not take (a day, a month, a tag, a field FOCUS does not carry
 * verbatim; for an export, any but the columns its item takes verbatim), a row the mapping refuses (a required value
 * null, an unknown currency, a charge period that does not end after it starts, an amount Money cannot hold, an
 * unknown x_ActionType or x_PayMode, a bad or negative x_DiscountRate) or a provider's row without ChargeCategory
 * (whose line item would carry no FOCUS attribute, and so would take its EffectiveCost from its BilledCost). So its
 * result is the plain path's, or it has none.
 *
 * <p>Not thread-safe: one tally per read.
 */
public final class FocusParquetTally {
    /** The line-item fields whose text is one FOCUS column's value as read, by the dimension's name. */
    private static final Map<String, FocusColumn> VERBATIM = Map.of(
            "ownerUin", FocusColumn.SUB_ACCOUNT_ID, // else BillingAccountId: see below
            "payerUin", FocusColumn.BILLING_ACCOUNT_ID,
            "businessCode", FocusColumn.SERVICE_NAME,
            "itemCode", FocusColumn.SKU_ID,
            "regionId", FocusColumn.REGION_ID,
            "resourceId", FocusColumn.RESOURCE_ID,
            "chargeCategory", FocusColumn.CHARGE_CATEGORY);

    /** The columns whose null an item replaces by a value of its own ({@link FocusLineItems#value}). */
    private static final Set<FocusColumn> DERIVED =
            Set.of(FocusColumn.CHARGE_FREQUENCY, FocusColumn.SERVICE_CATEGORY, FocusColumn.SERVICE_SUBCATEGORY);

    private static final java.lang.invoke.VarHandle BIG_ENDIAN_LONG =
            java.lang.invoke.MethodHandles.byteArrayViewVarHandle(long[].class, java.nio.ByteOrder.BIG_ENDIAN);

    /** The dimensions an export's item takes verbatim from a FOCUS column (it carries no other as an attribute). */
    private static final Set<FocusColumn> EXPORT_DIMENSIONS = Set.of(
            FocusColumn.SUB_ACCOUNT_ID,
            FocusColumn.BILLING_ACCOUNT_ID,
            FocusColumn.SERVICE_NAME,
            FocusColumn.SKU_ID,
            FocusColumn.REGION_ID,
            FocusColumn.RESOURCE_ID);

    /** The export's columns its item's totals depend on, in this order: the action type, the pay mode, the rate. */
    private static final List<String> EXPORT_EXTRAS = List.of("x_ActionType", "x_PayMode", "x_DiscountRate");

    private static final String PURCHASE = "Purchase";
    private static final String UNITS = "Units";
    /** A value {@link #parsed} refused. */
    private static final Object REFUSED = new Object();

    /** A string column's null. */
    private static final int NULL = -1;

    private static final int UNKNOWN = -2;

    private final FocusParquetReader reader;
    private final Grouping grouping;
    /** The row groups totalled: from {@link #from} (inclusive) to {@link #to} (exclusive). */
    private final int from;

    private final int to;

    private FocusParquetTally(FocusParquetReader reader, Grouping grouping, int from, int to) {
        this.reader = reader;
        this.grouping = grouping;
        this.from = from;
        this.to = to;
    }

    /**
     * Returns the totals of the file read by {@code reader} (opened for line items, not yet read) by
     * {@code grouping}, equal to consolidating its line items, or null when the plain path must read it.
     *
     * @throws org.cloudbilling.core.io.BillingInputException if a row group's chunks cannot be found or read (as the
     *     plain path gives it)
     */
    public static Rollup consolidate(FocusParquetReader reader, Grouping grouping) {
        return consolidate(reader, grouping, 0, reader.rowGroups().size());
    }

    /**
     * As {@link #consolidate(FocusParquetReader, Grouping)}, over the row groups {@code from} (inclusive) to
     * {@code to} (exclusive) only: the totals of a part, to be merged with the others' ({@link Rollup#merge}).
     */
    public static Rollup consolidate(FocusParquetReader reader, Grouping grouping, int from, int to) {
        return new FocusParquetTally(reader, grouping, from, to).run();
    }

    /** The values read of one string column, as dense ids; the id of a value is its index in {@link #values}. */
    private static final class Strings {
        final Column column;
        final List<String> values = new ArrayList<>();
        final Map<String, Integer> ids = new HashMap<>();
        /** The current chunk's dictionary entries' ids, {@link #UNKNOWN} until first seen. */
        int[] byEntry = new int[0];

        Capture capture;

        Strings(Column column) {
            this.column = column;
        }

        int id(String text) {
            if (text.isEmpty()) {
                return NULL; // an empty string reads as null, as an empty CSV cell
            }
            Integer known = ids.get(text);
            if (known != null) {
                return known;
            }
            int id = values.size();
            values.add(text);
            ids.put(text, id);
            return id;
        }

        /** The id of the value of entry {@code e} (0 or more) of {@code d}, this chunk's dictionary. */
        int entry(DictionaryIds d, int e) {
            int known = byEntry[e];
            if (known != UNKNOWN) {
                return known;
            }
            int id = id(d.text(e));
            byEntry[e] = id;
            return id;
        }

        /** The id of the current value of {@code r}, which is defined. */
        int read(ColumnReader r) {
            r.writeCurrentValueToConverter();
            Capture c = capture;
            if (c.entry >= 0) {
                int e = c.entry;
                int[] by = byEntry;
                if (e < by.length && by[e] != UNKNOWN) {
                    return by[e];
                }
                int id = id(utf8(c.dictionary.decodeToBinary(e)));
                if (e >= by.length) {
                    int[] grown = Arrays.copyOf(by, Math.max(e + 1, by.length * 2));
                    Arrays.fill(grown, by.length, grown.length, UNKNOWN);
                    byEntry = by = grown;
                }
                by[e] = id;
                return id;
            }
            return id(utf8(c.binary));
        }
    }

    /** What a column reader hands over: a dictionary entry's index, or a value of a plain-encoded page. */
    private static final class Capture extends PrimitiveConverter {
        Dictionary dictionary;
        int entry = -1;
        Binary binary;

        @Override
        public boolean hasDictionarySupport() {
            return true;
        }

        @Override
        public void setDictionary(Dictionary dictionary) {
            this.dictionary = dictionary;
        }

        @Override
        public void addValueFromDictionary(int dictionaryId) {
            entry = dictionaryId;
        }

        @Override
        public void addBinary(Binary value) {
            entry = -1;
            binary = value;
        }
    }

    /** One group's totals. */
    private static final class Group {
        final int[] key;
        long count;
        final Sum list = new Sum();
        final Sum billed = new Sum();
        final Sum effective = new Sum();
        final Sum contracted = new Sum();
        final Sum consumed = new Sum();
        final Sum pricing = new Sum();

        Group(int[] key) {
            this.key = key;
        }
    }

    /** A decimal as read: {@link #units} at {@link #scale} (0 to 18), or {@link #big}; {@link #defined} if not null. */
    private static final class Amount {
        boolean defined;
        long units;
        int scale;
        BigDecimal big;
    }

    private Rollup run() {
        Map<String, Column> byName = new HashMap<>();
        boolean export = false;
        for (Column c : reader.columns()) {
            // the library's own export: its line items undo what its export derived (FocusLineItems.toLineItem)
            export |= FocusLineItems.EXTRA_COLUMNS.contains(c.name);
            byName.put(c.name, c);
        }
        List<Dimension> dims = grouping.dimensions();
        FocusColumn[] dimColumns = new FocusColumn[dims.size()];
        for (int i = 0; i < dimColumns.length; i++) {
            String name = dims.get(i).name();
            FocusColumn c = VERBATIM.get(name);
            if (c == null) {
                c = FocusColumn.of(name)
                        .filter(f -> f.type() == FocusColumn.Type.STRING && !FocusLineItems.isMapped(f))
                        .orElse(null);
            }
            if (c == null) {
                return null; // a day, a month, a tag, or a field the item does not take verbatim from one column
            }
            dimColumns[i] = c;
        }
        // the projection: the grouping's columns, and those of the totals and of the line item's checks
        List<Column> read = new ArrayList<>();
        Map<FocusColumn, Integer> at = new HashMap<>();
        FocusColumn[] needed = {
            FocusColumn.BILLING_CURRENCY,
            FocusColumn.BILLING_ACCOUNT_ID,
            FocusColumn.SUB_ACCOUNT_ID,
            FocusColumn.SERVICE_NAME,
            FocusColumn.CHARGE_CATEGORY,
            FocusColumn.CHARGE_PERIOD_START,
            FocusColumn.CHARGE_PERIOD_END,
            FocusColumn.BILLED_COST,
            FocusColumn.LIST_COST,
            FocusColumn.EFFECTIVE_COST,
            FocusColumn.CONTRACTED_COST,
            FocusColumn.CONSUMED_QUANTITY,
            FocusColumn.PRICING_QUANTITY
        };
        List<FocusColumn> all = new ArrayList<>(Arrays.asList(needed));
        for (FocusColumn c : dimColumns) {
            if (export && !EXPORT_DIMENSIONS.contains(c)) {
                return null; // an export's item carries no FOCUS attribute, and derives its ChargeCategory
            }
            if (!all.contains(c)) {
                all.add(c);
            }
        }
        if (export) {
            // what the export's item undoes depends on these (FocusLineItems.toLineItem)
            for (FocusColumn c :
                    List.of(FocusColumn.PRICING_CATEGORY, FocusColumn.PRICING_UNIT, FocusColumn.CONSUMED_UNIT)) {
                if (!all.contains(c)) {
                    all.add(c);
                }
            }
        }
        for (FocusColumn f : all) {
            Column c = byName.get(f.header());
            if (c == null) {
                continue; // not in the file, or left out with a note: null on every row, as on the plain path
            }
            if (c.kind == Kind.MAP || (f.type() == FocusColumn.Type.STRING) != (c.kind == Kind.TEXT)) {
                return null;
            }
            at.put(f, read.size());
            read.add(c);
        }
        int[] extraAt = new int[EXPORT_EXTRAS.size()];
        Arrays.fill(extraAt, -1);
        if (export) {
            for (int k = 0; k < extraAt.length; k++) {
                Column c = byName.get(EXPORT_EXTRAS.get(k));
                if (c == null) {
                    continue;
                }
                if (c.kind != Kind.TEXT) {
                    return null; // read as the text of another type: the plain path reads it
                }
                extraAt[k] = read.size();
                read.add(c);
            }
        }
        int actionAt = extraAt[0];
        int modeAt = extraAt[1];
        int rateAt = extraAt[2];
        Strings[] strings = new Strings[read.size()];
        for (int i = 0; i < read.size(); i++) {
            if (read.get(i).kind == Kind.TEXT) {
                strings[i] = new Strings(read.get(i));
            }
        }
        int currencyAt = index(at, FocusColumn.BILLING_CURRENCY);
        int payerAt = index(at, FocusColumn.BILLING_ACCOUNT_ID);
        int ownerAt = index(at, FocusColumn.SUB_ACCOUNT_ID);
        int serviceAt = index(at, FocusColumn.SERVICE_NAME);
        int categoryAt = index(at, FocusColumn.CHARGE_CATEGORY);
        int startAt = index(at, FocusColumn.CHARGE_PERIOD_START);
        int endAt = index(at, FocusColumn.CHARGE_PERIOD_END);
        int billedAt = index(at, FocusColumn.BILLED_COST);
        int listAt = index(at, FocusColumn.LIST_COST);
        int effectiveAt = index(at, FocusColumn.EFFECTIVE_COST);
        int contractedAt = index(at, FocusColumn.CONTRACTED_COST);
        int consumedAt = index(at, FocusColumn.CONSUMED_QUANTITY);
        int pricingAt = index(at, FocusColumn.PRICING_QUANTITY);
        int pricingCategoryAt = index(at, FocusColumn.PRICING_CATEGORY);
        int pricingUnitAt = index(at, FocusColumn.PRICING_UNIT);
        int consumedUnitAt = index(at, FocusColumn.CONSUMED_UNIT);
        List<Object> actions = new ArrayList<>();
        List<Object> modes = new ArrayList<>();
        List<Object> rates = new ArrayList<>();
        if (currencyAt < 0
                || payerAt < 0
                || serviceAt < 0
                || categoryAt < 0
                || startAt < 0
                || endAt < 0
                || billedAt < 0
                || listAt < 0) {
            return null; // the reader requires these; the plain path says what is wrong
        }
        int[] dimAt = new int[dimColumns.length];
        for (int i = 0; i < dimAt.length; i++) {
            dimAt[i] = index(at, dimColumns[i]);
        }
        List<Currency> currencies = new ArrayList<>();

        int width = dimAt.length + 1;
        GroupTable table = new GroupTable(width);
        ExportRow exportRow = new ExportRow();
        int[] key = new int[width];
        int[] ids = new int[read.size()];
        long[] times = new long[read.size()];
        Amount[] amounts = new Amount[read.size()];
        for (int i = 0; i < amounts.length; i++) {
            amounts[i] = new Amount();
        }
        List<RowGroup> groups = reader.rowGroups();
        long row = 0;
        for (int g = 0; g < from; g++) {
            row += groups.get(g).getNum_rows();
        }
        for (int g = from; g < to; g++) {
            RowGroup group = groups.get(g);
            String where = "row group " + (g + 1) + " of " + groups.size();
            for (Strings s : strings) {
                if (s != null) {
                    s.capture = new Capture();
                    s.byEntry = new int[0];
                }
            }
            Map<String, org.apache.parquet.format.ColumnChunk> chunks = reader.chunks(group);
            int[] maxDefined = new int[read.size()];
            ColumnReader[] rs = new ColumnReader[read.size()];
            PlainDecimals[] plain = new PlainDecimals[read.size()];
            DictionaryIds[] dictionary = new DictionaryIds[read.size()];
            for (int i = 0; i < rs.length; i++) {
                Column c = read.get(i);
                ColumnDescriptor leaf = c.leaves.get(0);
                maxDefined[i] = leaf.getMaxDefinitionLevel();
                ParquetFile.Pages pages = reader.pages(group, chunks, where, row, c, leaf);
                if (c.kind == Kind.DECIMAL_BYTES) {
                    PrimitiveType type = leaf.getPrimitiveType();
                    boolean fixed = type.getPrimitiveTypeName() == PrimitiveType.PrimitiveTypeName.FIXED_LEN_BYTE_ARRAY;
                    if (!fixed || type.getTypeLength() > 0) {
                        plain[i] = PlainDecimals.of(pages, maxDefined[i], fixed ? type.getTypeLength() : -1);
                    }
                }
                boolean text = c.kind == Kind.TEXT;
                if (text || (c.kind == Kind.TIMESTAMP && type(leaf) == PrimitiveType.PrimitiveTypeName.INT64)) {
                    try {
                        dictionary[i] = DictionaryIds.of(pages, maxDefined[i], text);
                    } catch (IllegalStateException e) {
                        return null; // the dictionary lies: the plain path names the row group and the column
                    }
                    if (dictionary[i] != null && text) {
                        strings[i].byEntry = new int[dictionary[i].size()];
                        Arrays.fill(strings[i].byEntry, UNKNOWN);
                    }
                }
                if (plain[i] == null && dictionary[i] == null) {
                    try {
                        rs[i] = new ColumnReaderImpl(
                                leaf,
                                pages,
                                strings[i] != null ? strings[i].capture : new PrimitiveConverter() {},
                                null);
                    } catch (RuntimeException e) {
                        return null; // the pages lie: the plain path names the row group and the column
                    }
                }
            }
            /**
             * One row group's rows, read and added to their groups a row at a time: methods of their own, each compiled
             * as a whole, not a loop inside this setup that the compiler would have to take whole (it took longer to
             * compile than the file to read).
             */
            final class Rows {
                /** Reads the row's value of every column read; false for a value the fast path does not take. */
                boolean read() {
                    try {
                        for (int i = 0; i < rs.length; i++) {
                            PlainDecimals p = plain[i];
                            if (p != null) {
                                if (!amount(read.get(i), p, amounts[i])) {
                                    return false;
                                }
                                continue;
                            }
                            DictionaryIds d = dictionary[i];
                            if (d != null) {
                                int e = d.next();
                                if (strings[i] != null) {
                                    ids[i] = e < 0 ? NULL : strings[i].entry(d, e);
                                } else if (e < 0) {
                                    return false;
                                } else {
                                    times[i] = d.longAt(e);
                                }
                                continue;
                            }
                            ColumnReader cr = rs[i];
                            boolean defined = cr.getCurrentDefinitionLevel() == maxDefined[i];
                            Column c = read.get(i);
                            if (strings[i] != null) {
                                ids[i] = defined ? strings[i].read(cr) : NULL;
                            } else if (c.kind == Kind.TIMESTAMP) {
                                if (!defined) {
                                    cr.consume();
                                    return false;
                                }
                                times[i] = cr.getLong();
                            } else if (!amount(c, cr, defined, amounts[i])) {
                                cr.consume();
                                return false;
                            }
                            cr.consume();
                        }
                    } catch (RuntimeException e) {
                        return false; // the pages lie: the plain path names the row and the column
                    }
                    return true;
                }

                /** Adds the row read to its group; false for a row the plain path must read. */
                boolean add() {
                    // the line item's checks, as toLineItem makes them
                    int currencyId = ids[currencyAt];
                    if (currencyId == NULL
                            || ids[payerAt] == NULL
                            || ids[serviceAt] == NULL
                            // a provider's row without ChargeCategory: the plain path decides
                            || (ids[categoryAt] == NULL && (actionAt < 0 || ids[actionAt] == NULL))
                            || !amounts[billedAt].defined
                            || !amounts[listAt].defined) {
                        return false;
                    }
                    if (!before(read.get(startAt), times[startAt], read.get(endAt), times[endAt])) {
                        return false;
                    }
                    while (currencies.size() <= currencyId) {
                        currencies.add(null);
                    }
                    Currency currency = currencies.get(currencyId);
                    if (currency == null) {
                        try {
                            currency = Money.currency(strings[currencyAt].values.get(currencyId));
                        } catch (IllegalArgumentException e) {
                            return false;
                        }
                        currencies.set(currencyId, currency);
                    }
                    for (int d = 0; d < dimAt.length; d++) {
                        int i = dimAt[d];
                        int id = i < 0 ? NULL : ids[i];
                        if (id == NULL && DERIVED.contains(dimColumns[d])) {
                            return false; // the item's value is derived from others: the plain path derives it
                        }
                        if (id == NULL && dimColumns[d] == FocusColumn.SUB_ACCOUNT_ID) {
                            // the owner is SubAccountId, else BillingAccountId: a value of the payer's column, kept
                            // apart from the owner column's ids by its sign
                            id = -3 - ids[payerAt];
                        }
                        key[d] = id;
                    }
                    key[dimAt.length] = currencyId;
                    Group t = table.find(key);
                    if (actionAt >= 0 && ids[actionAt] != NULL) {
                        ActionType action =
                                (ActionType) parsed(actions, strings[actionAt], ids[actionAt], ActionType.class);
                        PayMode mode = modeAt >= 0 && ids[modeAt] != NULL
                                ? (PayMode) parsed(modes, strings[modeAt], ids[modeAt], PayMode.class)
                                : PURCHASE.equals(text(strings, categoryAt, ids)) ? PayMode.PREPAID : PayMode.POSTPAID;
                        BigDecimal rate = rateAt >= 0 && ids[rateAt] != NULL
                                ? (BigDecimal) parsed(rates, strings[rateAt], ids[rateAt], BigDecimal.class)
                                : null;
                        if (action == null || mode == null || (rateAt >= 0 && ids[rateAt] != NULL && rate == null)) {
                            return false; // a value the item refuses
                        }
                        exportRow.currency = currency;
                        exportRow.category = FocusLineItems.chargeCategory(action, mode);
                        exportRow.priced = pricingCategoryAt >= 0 && ids[pricingCategoryAt] != NULL;
                        exportRow.billed = amounts[billedAt];
                        exportRow.list = amounts[listAt];
                        exportRow.effective = effectiveAt >= 0 ? amounts[effectiveAt] : null;
                        exportRow.contracted = contractedAt >= 0 ? amounts[contractedAt] : null;
                        exportRow.consumed = consumedAt >= 0 ? amounts[consumedAt] : null;
                        exportRow.pricing = pricingAt >= 0 ? amounts[pricingAt] : null;
                        exportRow.rate = rate;
                        exportRow.pricingUnit = text(strings, pricingUnitAt, ids);
                        exportRow.consumedUnit = text(strings, consumedUnitAt, ids);
                        if (!exportRow.addTo(t)) {
                            return false; // a value the item refuses, or one the fast path does not take
                        }
                        t.count++;
                        return true;
                    }
                    if (!money(t.billed, amounts[billedAt], currency)
                            || !money(t.list, amounts[listAt], currency)
                            || (effectiveAt >= 0 && !money(t.effective, amounts[effectiveAt], currency))
                            || (contractedAt >= 0 && !money(t.contracted, amounts[contractedAt], currency))) {
                        return false;
                    }
                    if (consumedAt >= 0) {
                        quantity(t.consumed, amounts[consumedAt]);
                    }
                    if (pricingAt >= 0) {
                        quantity(t.pricing, amounts[pricingAt]);
                    }
                    t.count++;
                    return true;
                }
            }
            Rows pass = new Rows();
            long rows = group.getNum_rows();
            for (long r = 0; r < rows; r++) {
                row++;
                if (!pass.read() || !pass.add()) {
                    return null;
                }
            }
        }
        Map<GroupKey, Totals> totals = new HashMap<>();
        for (Group t : table.groups) {
            Currency currency = currencies.get(t.key[dimAt.length]);
            String[] values = new String[dimAt.length];
            for (int d = 0; d < dimAt.length; d++) {
                int id = t.key[d];
                values[d] = id >= 0
                        ? strings[dimAt[d]].values.get(id)
                        : id <= -3 ? strings[payerAt].values.get(-3 - id) : null;
            }
            Totals sum = Totals.of(
                    t.count,
                    t.list.money(currency),
                    t.billed.money(currency),
                    t.effective.money(currency),
                    t.contracted.money(currency),
                    t.consumed.decimal(),
                    t.pricing.decimal());
            totals.merge(GroupKey.of(Arrays.asList(values), currency), sum, Totals::plus);
        }
        return Rollup.of(grouping, totals);
    }

    /** The text of string column {@code i}'s value on the row, or null. */
    private static String text(Strings[] strings, int i, int[] ids) {
        return i < 0 || ids[i] == NULL ? null : strings[i].values.get(ids[i]);
    }

    /**
     * The value of string id {@code id} of {@code s} as {@code toLineItem} reads it ({@code type}: an enum by its
     * name, or an amount by {@link Money#parseAmount}), once per id in {@code cache}; null if it refuses it.
     */
    private static Object parsed(List<Object> cache, Strings s, int id, Class<?> type) {
        while (cache.size() <= id) {
            cache.add(null);
        }
        Object known = cache.get(id);
        if (known == null) {
            String text = s.values.get(id);
            try {
                if (type == BigDecimal.class) {
                    known = Money.parseAmount(text);
                } else {
                    known = type == ActionType.class ? ActionType.valueOf(text) : PayMode.valueOf(text);
                }
            } catch (RuntimeException e) {
                known = REFUSED;
            }
            cache.set(id, known);
        }
        return known == REFUSED ? null : known;
    }

    /**
     * A row of the library's own export as the fast path reads it: one object for a whole read, its values set row by
     * row, added to its group by {@link #addTo}.
     */
    private static final class ExportRow {
        Currency currency;
        /** The ChargeCategory its item derives from its action type and pay mode. */
        String category;
        /** Whether the row has a PricingCategory: an export of FOCUS 1.2. */
        boolean priced;

        Amount billed;
        Amount list;
        Amount effective;
        Amount contracted;
        Amount consumed;
        Amount pricing;
        /** x_DiscountRate, or null. */
        BigDecimal rate;

        String pricingUnit;
        String consumedUnit;

        /**
         * Adds a row of the library's own export as its item has it ({@code FocusLineItems.toLineItem}): what the export
         * derived is not a reported value, and the item derives it again. EffectiveCost: null, equal to BilledCost, or a
         * 1.2 purchase's 0 read as BilledCost. ContractedCost: null or equal to the derived one (ListCost times
         * x_DiscountRate, else ListCost) read as the derived one. PricingQuantity: the quantity of units a 1.2 purchase
         * bought, the usage quantity and unit, or the 1.2 derived quantity and unit, read as none. Returns false for a
         * value the fast path does not take (an amount past a long, a negative rate, a product Money cannot hold).
         */
        boolean addTo(Group t) {
            for (Amount a : new Amount[] {billed, list, effective, contracted, consumed, pricing}) {
                if (a != null && a.defined && a.big != null) {
                    return addDecimalsTo(t);
                }
            }
            try {
                return addLongsTo(t);
            } catch (ArithmeticException e) {
                return false; // comparing two amounts at one scale passes a long: the plain path reads the file
            }
        }

        private boolean addLongsTo(Group t) {
            boolean purchase = category.equals(PURCHASE);
            boolean purchase12 = purchase && priced;
            long derivedUnits = list.units;
            int derivedScale = list.scale;
            if (rate != null) {
                if (rate.signum() < 0) {
                    return false; // refused by the item
                }
                BigDecimal product;
                try {
                    product = Money.of(
                                    currency,
                                    BigDecimal.valueOf(list.units, list.scale).multiply(rate))
                            .amount();
                } catch (IllegalArgumentException e) {
                    return false;
                }
                if (product.scale() < 0
                        || product.scale() > 18
                        || product.unscaledValue().bitLength() > 63) {
                    return false;
                }
                derivedUnits = product.unscaledValue().longValue();
                derivedScale = product.scale();
            }
            t.billed.add(billed.units, billed.scale);
            t.list.add(list.units, list.scale);
            if (effective == null
                    || !effective.defined
                    || CellTally.sameValue(effective.units, effective.scale, billed.units, billed.scale)
                    || (purchase12 && effective.units == 0)) {
                t.effective.add(billed.units, billed.scale);
            } else {
                t.effective.add(effective.units, effective.scale);
            }
            if (contracted == null
                    || !contracted.defined
                    || CellTally.sameValue(contracted.units, contracted.scale, derivedUnits, derivedScale)) {
                t.contracted.add(derivedUnits, derivedScale);
            } else {
                t.contracted.add(contracted.units, contracted.scale);
            }
            boolean hasConsumed = consumed != null && consumed.defined;
            if (hasConsumed) {
                t.consumed.add(consumed.units, consumed.scale);
            }
            if (pricing != null
                    && pricing.defined
                    && !derivedPricing(
                            purchase12,
                            purchase || category.equals("Usage"),
                            hasConsumed ? consumed : null,
                            pricing,
                            pricingUnit,
                            consumedUnit)) {
                t.pricing.add(pricing.units, pricing.scale);
            }
            return true;
        }

        /** As {@link #addLongsTo}, for a row with an amount past a long: in {@link BigDecimal}, as its item. */
        private boolean addDecimalsTo(Group t) {
            boolean purchase = category.equals(PURCHASE);
            boolean purchase12 = purchase && priced;
            try {
                BigDecimal billedCost = Money.of(currency, decimal(billed)).amount();
                BigDecimal listCost = Money.of(currency, decimal(list)).amount();
                BigDecimal effectiveCost = effective == null || !effective.defined
                        ? null
                        : Money.of(currency, decimal(effective)).amount();
                BigDecimal contractedCost = contracted == null || !contracted.defined
                        ? null
                        : Money.of(currency, decimal(contracted)).amount();
                if (rate != null && rate.signum() < 0) {
                    return false; // refused by the item
                }
                BigDecimal derived = rate == null
                        ? listCost
                        : Money.of(currency, listCost.multiply(rate)).amount();
                t.billed.add(billedCost);
                t.list.add(listCost);
                t.effective.add(
                        effectiveCost == null
                                        || effectiveCost.compareTo(billedCost) == 0
                                        || (purchase12 && effectiveCost.signum() == 0)
                                ? billedCost
                                : effectiveCost);
                t.contracted.add(
                        contractedCost == null || contractedCost.compareTo(derived) == 0 ? derived : contractedCost);
            } catch (IllegalArgumentException e) {
                return false; // an amount Money cannot hold: the plain path says which
            }
            BigDecimal usage = consumed == null || !consumed.defined ? null : decimal(consumed);
            if (usage != null) {
                t.consumed.add(usage);
            }
            if (pricing == null || !pricing.defined) {
                return true;
            }
            BigDecimal q = decimal(pricing);
            boolean derivedPricing;
            if (purchase12
                    && usage == null
                    && UNITS.equals(pricingUnit)
                    && isCount(q)
                    && q.compareTo(BigDecimal.ONE) != 0) {
                derivedPricing = true; // the quantity bought
            } else if (usage != null) {
                // the usage quantity and unit, or the 1.2 derivation: the usage quantity with its unit, else Units
                derivedPricing = q.equals(usage)
                        && (java.util.Objects.equals(pricingUnit, consumedUnit)
                                || (consumedUnit == null && UNITS.equals(pricingUnit)));
            } else {
                derivedPricing =
                        (purchase || category.equals("Usage")) && q.equals(BigDecimal.ONE) && UNITS.equals(pricingUnit);
            }
            if (!derivedPricing) {
                t.pricing.add(q);
            }
            return true;
        }
    }

    /** An amount's value, at its scale. */
    private static BigDecimal decimal(Amount a) {
        return a.big != null ? a.big : BigDecimal.valueOf(a.units, a.scale);
    }

    /** Whether {@code q} is a whole number from 0 to {@link Integer#MAX_VALUE}, as a purchase quantity is. */
    private static boolean isCount(BigDecimal q) {
        BigDecimal whole = q.stripTrailingZeros();
        return q.signum() >= 0 && whole.scale() <= 0 && whole.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) <= 0;
    }

    /**
     * Whether an export's PricingQuantity (defined) is what {@code toRow} derived, so that its item reports none: a
     * 1.2 purchase's whole count of units bought (not 1), the usage quantity and unit, or the 1.2 derived quantity and
     * unit (the usage quantity with its unit, else {@code Units}; else 1 {@code Units} for usage and purchases). As
     * the FOCUS CSV fast path decides it ({@code FocusChunkParser}).
     */
    private static boolean derivedPricing(
            boolean purchase12,
            boolean usageOrPurchase,
            Amount consumed,
            Amount pricing,
            String pricingUnit,
            String consumedUnit) {
        if (purchase12 && consumed == null && UNITS.equals(pricingUnit) && pricing.units >= 0) {
            long power = CellTally.power(pricing.scale);
            if (pricing.units % power == 0
                    && pricing.units / power <= Integer.MAX_VALUE
                    && pricing.units / power != 1) {
                return true;
            }
        }
        if (consumed != null && consumed.units == pricing.units && consumed.scale == pricing.scale) {
            if (java.util.Objects.equals(pricingUnit, consumedUnit)) {
                return true; // the usage quantity and unit
            }
            return pricingUnit != null && consumedUnit == null && pricingUnit.equals(UNITS);
        }
        if (consumed == null && usageOrPurchase) {
            return pricing.units == 1 && pricing.scale == 0 && UNITS.equals(pricingUnit);
        }
        return false;
    }

    private static PrimitiveType.PrimitiveTypeName type(ColumnDescriptor leaf) {
        return leaf.getPrimitiveType().getPrimitiveTypeName();
    }

    private static int index(Map<FocusColumn, Integer> at, FocusColumn c) {
        Integer i = at.get(c);
        return i == null ? -1 : i;
    }

    /** Whether the instant {@code a} (in {@code ca}'s units) is before {@code b} (in {@code cb}'s). */
    private static boolean before(Column ca, long a, Column cb, long b) {
        if (ca.perSecond == cb.perSecond) {
            return a < b;
        }
        long sa = Math.floorDiv(a, ca.perSecond);
        long sb = Math.floorDiv(b, cb.perSecond);
        if (sa != sb) {
            return sa < sb;
        }
        long na = Math.floorMod(a, ca.perSecond) * (1_000_000_000L / ca.perSecond);
        long nb = Math.floorMod(b, cb.perSecond) * (1_000_000_000L / cb.perSecond);
        return na < nb;
    }

    /**
     * Reads the current value of a decimal column into {@code out}, as the plain reader's {@code decimal} gives it;
     * returns false for a value the fast path does not take (one the plain reader converts through text, or refuses).
     */
    private static boolean amount(Column c, ColumnReader r, boolean defined, Amount out) {
        out.defined = defined;
        out.big = null;
        if (!defined) {
            return true;
        }
        switch (c.kind) {
            case DECIMAL32:
                return units(out, r.getInteger(), c.scale);
            case DECIMAL64:
                return units(out, r.getLong(), c.scale);
            case INTEGER32:
                return units(out, r.getInteger(), 0);
            case INTEGER64:
                return units(out, r.getLong(), 0);
            case DECIMAL_BYTES: {
                byte[] bytes = r.getBinary().getBytes();
                if (bytes.length > 0 && bytes.length <= 16 && FocusParquetReader.fitsLong(bytes)) {
                    return units(out, FocusParquetReader.toLong(bytes), c.scale);
                }
                return big(c, bytes, out);
            }
            case DOUBLE:
                return big(c, r.getDouble(), out);
            case FLOAT:
                return big(c, r.getFloat(), out);
            default:
                return false;
        }
    }

    /** As {@link #amount(Column, ColumnReader, boolean, Amount)}, for a binary decimal read from its page's bytes. */
    private static boolean amount(Column c, PlainDecimals p, Amount out) {
        out.big = null;
        if (!p.next()) {
            out.defined = false;
            return true;
        }
        out.defined = true;
        byte[] bytes = p.bytes;
        int at = p.at;
        int length = p.length;
        if (length == 16) {
            // the common case (a DECIMAL of precision 19 to 38): two big-endian longs, the first sign only if it fits
            long high = (long) BIG_ENDIAN_LONG.get(bytes, at);
            long low = (long) BIG_ENDIAN_LONG.get(bytes, at + 8);
            if (high == low >> 63) {
                return units(out, low, c.scale);
            }
        } else if (length > 0 && length <= 16 && FocusParquetReader.fitsLong(bytes, at, length)) {
            return units(out, FocusParquetReader.toLong(bytes, at, length), c.scale);
        }
        return big(c, Arrays.copyOfRange(bytes, at, at + length), out);
    }

    private static boolean units(Amount out, long units, int scale) {
        if (scale > 18) {
            return big(BigDecimal.valueOf(units, scale), out);
        }
        out.units = units;
        out.scale = scale;
        return true;
    }

    private static boolean big(Column c, Object raw, Amount out) {
        BigDecimal v;
        try {
            v = FocusParquetReader.decimal(c, raw);
        } catch (RuntimeException e) {
            return false;
        }
        return big(v, out);
    }

    private static boolean big(BigDecimal v, Amount out) {
        if (v.scale() < 0) {
            return false; // the plain reader has made it scale 0 already; never here
        }
        out.big = v;
        return true;
    }

    /** Adds an amount as {@code Money.of} takes it: more than 18 decimals only when the extra ones are zeros. */
    private static boolean money(Sum sum, Amount a, Currency currency) {
        if (!a.defined) {
            sum.add(0L, 0); // a carried item's null metric is zero, as Money.zero
            return true;
        }
        if (a.big == null) {
            sum.add(a.units, a.scale);
            return true;
        }
        Money m;
        try {
            m = Money.of(currency, a.big);
        } catch (IllegalArgumentException e) {
            return false;
        }
        sum.add(m.amount());
        return true;
    }

    private static void quantity(Sum sum, Amount a) {
        if (!a.defined) {
            return;
        }
        if (a.big == null) {
            sum.add(a.units, a.scale);
        } else {
            sum.add(a.big);
        }
    }

    private static String utf8(Binary b) {
        return new String(b.getBytes(), StandardCharsets.UTF_8);
    }

    /** The groups by key, open addressing over the keys' ints. */
    private static final class GroupTable {
        final int width;
        final List<Group> groups = new ArrayList<>();
        Group[] table = new Group[64];

        GroupTable(int width) {
            this.width = width;
        }

        Group find(int[] key) {
            int h = hash(key);
            int mask = table.length - 1;
            for (int i = h & mask; ; i = (i + 1) & mask) {
                Group g = table[i];
                if (g == null) {
                    Group added = new Group(key.clone());
                    groups.add(added);
                    if (groups.size() * 2 > table.length) {
                        table = new Group[table.length * 2];
                        for (Group x : groups) {
                            insert(x);
                        }
                    } else {
                        table[i] = added;
                    }
                    return added;
                }
                if (Arrays.equals(g.key, key)) {
                    return g;
                }
            }
        }

        private void insert(Group g) {
            int mask = table.length - 1;
            int i = hash(g.key) & mask;
            while (table[i] != null) {
                i = (i + 1) & mask;
            }
            table[i] = g;
        }

        private static int hash(int[] key) {
            int h = 1;
            for (int k : key) {
                h = h * 0x9E3779B1 + k;
            }
            h ^= h >>> 16;
            h *= 0x85ebca6b;
            h ^= h >>> 13;
            return h;
        }
    }
}
