package org.cloudbilling.core.io;

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
import org.cloudbilling.core.bill.LineItemField;
import org.cloudbilling.core.bill.PayMode;
import org.cloudbilling.core.bill.SettlementCycle;
import org.cloudbilling.core.consolidation.GroupKey;
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
import org.cloudbilling.core.io.internal.ByteDictionary;
import org.cloudbilling.core.io.internal.CellTally;
import org.cloudbilling.core.io.internal.CompactIds;
import org.cloudbilling.core.io.internal.CsvByteRows;
import org.cloudbilling.core.io.internal.LineItemFields;
import org.cloudbilling.core.io.internal.RecentValues;
import org.cloudbilling.core.io.internal.TagJson;
import org.cloudbilling.core.money.Money;
import org.cloudbilling.core.time.Interval;

/**
 * Reads the rows of one part of a canonical CSV file from its bytes: the fast path of {@link CanonicalCsvFile}.
 *
 * <p>A row is cut into cells on the bytes (quotes respected, {@code ""} an escaped quote); a cell becomes a value
 * without a {@code String} where it can: amounts digit by digit into the compact {@link Money} form, times of the
 * fixed form {@code 2024-09-01T00:00:00Z} by hand, identifiers, enum names, currencies, units and whole tags cells
 * through a dictionary keyed by the cell's bytes (so a value is decoded, checked and built once per distinct cell,
 * and equal values are one object). A row the fast path finds unusual in any way (a bad or odd cell, a row of
 * the wrong width, a guarded cell) goes through {@link CanonicalRowMapping}, the plain mapping, so its value or
 * its error is exactly the plain path's. What the fast path cannot cut with certainty (a quote inside an unquoted
 * cell, text after a closing quote, a lone CR, a byte sequence that is not UTF-8, an unclosed quote, a huge row)
 * stops the part there: the caller reads the rest of the file with the plain reader, which reports it exactly.
 *
 * <p>Holds per-thread state (buffer, dictionaries): one parser per thread, reused for many parts.
 */
final class CanonicalChunkParser {
    private static final CanonicalColumn[] COLUMNS = CanonicalColumn.values();
    static final int WIDTH = COLUMNS.length;
    /** A dictionary of more entries than this is emptied, so memory stays bounded on any file. */
    private static final int MAX_DICTIONARY = 1 << 18;

    /** What the rows of a part go to. */
    interface Sink {
        /** Takes an item; returns whether to go on. */
        boolean item(LineItem item);

        /** Takes a bad row's refusal, its lines counted from the part's first row (0); returns whether to go on. */
        boolean bad(BillingInputException refusal);

        /**
         * Takes the total cost, as an exact decimal's parts, of a row of a cost class of {@link #classes} that does
         * not need the id (only with a table); goes on.
         */
        default void cost(int costClass, Currency currency, long unscaled, int scale) {
            throw new IllegalStateException("bug: a row of a cost class without a table of classes");
        }

        /**
         * Takes the id and total cost of a row of a cost class of {@link #classes} that needs the id (only with a
         * table); goes on.
         */
        default void cost(int costClass, LineItemId id, Money totalCost) {
            throw new IllegalStateException("bug: a row of a cost class without a table of classes");
        }
    }

    private final CanonicalRowMapping mapping;
    private final boolean guarded;

    private final CsvByteRows rows;
    // the current row, as the cutter holds it
    private byte[] buf;
    private int cells;
    private final int[] starts;
    private final int[] ends;
    private final boolean[] quoted;
    /** Whether the current row has a byte past ASCII. */
    private boolean nonAscii;
    /** Whether a cell of the current row starts with {@code '}, as a guarded cell does. */
    private boolean guardLike;
    /** The empty cells of the current row: bit k for cell k (the row has at most 64 cells when it is tallied). */
    private long empty;

    private final ByteDictionary[] dictionaries = new ByteDictionary[WIDTH];

    /** The fields of the row being made into an item, reused from row to row. */
    private final LineItemFields fields = new LineItemFields();

    // the last simple decimal parsed
    private long units;
    private int scale;

    /** Where rows proven valid are totalled without an item, or null to make every row an item. */
    CellTally tally;

    /**
     * The cost classes of the collector being read into, or null: a row proven valid is then given to the sink as
     * its class and total cost ({@link Sink#cost}), not as an item, unless its class is
     * {@link CostClassCollector#NO_CLASS}. Kept from part to part on this thread.
     */
    CostClassTable classes;

    /** The key of the row's class cells in {@link #classes}, made again for each row (this thread's own). */
    private final CostClassTable.Key classKey = new CostClassTable.Key();

    CanonicalChunkParser(CanonicalRowMapping mapping) {
        this.mapping = mapping;
        this.guarded = mapping.guard() == FormulaGuard.ON;
        this.rows = new CsvByteRows(mapping.source());
        this.starts = rows.starts;
        this.ends = rows.ends;
        this.quoted = rows.quoted;
        for (int i = 0; i < WIDTH; i++) {
            dictionaries[i] = new ByteDictionary();
        }
        dictionaries[CanonicalColumn.TAGS.ordinal()].tagsLike = true;
    }

    /**
     * Reads the rows that start in {@code [nominalStart, nominalEnd)}: from the first line start at or after
     * {@code nominalStart}, or from {@code firstRow} when it is known (not negative).
     */
    CsvByteRows.Part read(
            FileChannel channel, long size, long nominalStart, long nominalEnd, long firstRow, Sink sink) {
        return rows.read(channel, size, nominalStart, nominalEnd, firstRow, line -> {
            buf = rows.buf();
            cells = rows.cells();
            nonAscii = rows.nonAscii();
            guardLike = rows.guardLike();
            empty = rows.emptyMask();
            return deliver(line, sink);
        });
    }

    private boolean isEmpty(int k) {
        return rows.isEmpty(k);
    }

    private int firstByte(int k) {
        return rows.firstByte(k);
    }

    private boolean deliver(long line, Sink sink) {
        if (cells == 1 && isEmpty(0)) {
            return true; // a blank line holds no data
        }
        if (tally != null && cells == WIDTH && tallied()) {
            return true;
        }
        LineItem item = null;
        if (classes != null && cells == WIDTH && proven()) {
            CostClassTable t = classes;
            CostClassTable.Key key = classKey;
            t.load(key, buf, starts, ends);
            int costClass = t.find(key);
            if (costClass == CostClassTable.NOT_FOUND) {
                costClass = classOfCells(line, t);
                if (costClass != CostClassTable.NOT_FOUND) {
                    t.put(key, costClass);
                }
            }
            if (costClass >= 0) {
                if (t.collector.needsId(costClass)) {
                    sink.cost(costClass, id(0), Money.ofUnscaled(rowCurrency, totalUnits, totalScale));
                } else {
                    sink.cost(costClass, rowCurrency, totalUnits, totalScale);
                }
                return true;
            }
        }
        if (item == null && cells == WIDTH) {
            item = fast(line, ALL_COLUMNS);
        }
        if (item != null) {
            return sink.item(item);
        }
        String[] text = new String[cells];
        for (int k = 0; k < cells; k++) {
            text[k] = text(k);
        }
        try {
            if (cells != WIDTH) {
                throw new BillingInputException(InputProblem.ofLine(
                        mapping.source(), line, "the row has " + cells + " cells, the header " + WIDTH));
            }
            return sink.item(mapping.map(text, line));
        } catch (BillingInputException e) {
            return sink.bad(e);
        }
    }

    /** The cell's text, decoded strictly; throws {@link CsvByteRows#UNUSUAL} for bytes that are not UTF-8. */
    private String text(int k) {
        if (!nonAscii && !quoted[k]) {
            return ascii(starts[k], ends[k]); // the bytes are the text
        }
        return rows.text(k);
    }

    /** The line item ids of this parser's rows, held compactly where they end in a number. */
    private final CompactIds compactIds = new CompactIds();

    /** The line item id of cell {@code k} (not empty), as {@code LineItemId.of} of its text. */
    private LineItemId id(int k) {
        LineItemId compact = quoted[k] || nonAscii ? null : compactIds.of(buf, starts[k], ends[k]);
        return compact != null ? compact : LineItemId.of(text(k));
    }

    /**
     * The resource id of cell {@code k} (not empty) as the {@code Optional} the item stores: through the column's
     * dictionary, or, once the dictionary is found not worth it (most ids new, a few rows each), compact where the
     * id ends in digits ({@link CompactIds#resourceId}: no text per row), else {@code ResourceId.of} of its text.
     * Equal either way.
     */
    @SuppressWarnings("unchecked")
    private Optional<ResourceId> resourceId(int k) {
        if (dictionaries[k].direct && !quoted[k] && !nonAscii) {
            ResourceId compact = compactIds.resourceId(buf, starts[k], ends[k]);
            if (compact != null) {
                return Optional.of(compact);
            }
        }
        return (Optional<ResourceId>) lookup(k, LineItemFields.RESOURCE_ID);
    }

    /** Looks the cell up in its column's dictionary, making the value from the text on a miss. */
    private Object lookup(int k, Function<String, ?> make) {
        ByteDictionary d = dictionaries[k];
        if (d.direct) {
            return make.apply(text(k));
        }
        Object v = d.get(buf, starts[k], ends[k]);
        if (v == null) {
            v = make.apply(text(k));
            if (d.size() >= MAX_DICTIONARY) {
                d.clear();
            }
            d.put(Arrays.copyOfRange(buf, starts[k], ends[k]), v);
        }
        return v;
    }

    private static final Function<String, ImmutableMap<TagKey, String>> TAGS = text -> {
        ImmutableMap.Builder<TagKey, String> m = ImmutableMap.builder();
        for (Map.Entry<String, String> t :
                TagJson.object(text, CanonicalRowMapping.TAGS_NOT_JSON).entrySet()) {
            m.put(TagKey.of(t.getKey()), t.getValue());
        }
        return m.build();
    };

    /**
     * The tags of cell {@code k}: a {@linkplain #plainTags plain} cell read from its bytes (its keys and values are
     * plain ASCII without escapes, so the bytes are the text; keys and values shared through {@link #tagKeys} and
     * {@link #tagValues}), any other through the column's dictionary, as JSON ({@link #TAGS}) on a miss. The same
     * map either way.
     *
     * <p>A plain cell is not kept in the dictionary: a file has tens of thousands of distinct tags cells (each
     * combination of a few tags), each seen a few times, so the dictionary grew to a table of every one of them,
     * kept alive for the whole read, that each young collection copied again (profiled on a file of 94,000
     * distinct cells in 750,000: collection time 3 to 8 seconds in a measurement, against 0.03 without it), and
     * its lookups missed the CPU caches. Making the map of a plain cell again is cheaper than both.
     */
    @SuppressWarnings("unchecked")
    private ImmutableMap<TagKey, String> tags(int k) {
        if (plainTags(k, true)) {
            ImmutableMap<TagKey, String> tags = plainMap;
            plainMap = null;
            return tags;
        }
        ByteDictionary d = dictionaries[k];
        Object v = d.direct ? null : d.get(buf, starts[k], ends[k]);
        if (v != null) {
            return (ImmutableMap<TagKey, String>) v;
        }
        ImmutableMap<TagKey, String> tags = TAGS.apply(text(k));
        if (!d.direct) {
            if (d.size() >= MAX_DICTIONARY) {
                d.clear();
            }
            d.put(Arrays.copyOfRange(buf, starts[k], ends[k]), tags);
        }
        return tags;
    }

    /**
     * The tags of cell {@code k} made afresh, not through the dictionary: for the item of a class new to the read
     * ({@link CostClassTable}), whose class cells include this one, so the cell is most often new to the thread
     * too and keeping it would only fill the dictionary. The same map as {@link #tags}.
     */
    private ImmutableMap<TagKey, String> freshTags(int k) {
        if (plainTags(k, true)) {
            ImmutableMap<TagKey, String> tags = plainMap;
            plainMap = null;
            return tags;
        }
        return TAGS.apply(text(k));
    }

    /** The tags cells held in the tags column's dictionary. */
    int tagsCellsHeld() {
        return dictionaries[TAGS_COLUMN].size();
    }

    /** The tag keys and the tag values of plain tags cells, by their bytes: one object per distinct text. */
    private final ByteDictionary tagKeys = new ByteDictionary();

    private final ByteDictionary tagValues = new ByteDictionary();

    /** The tag key of the row's plain ASCII bytes {@code [from, to)}, shared among the cells that hold it. */
    private TagKey tagKey(int from, int to) {
        Object v = tagKeys.get(buf, from, to);
        if (v == null) {
            v = TagKey.of(ascii(from, to));
            remember(tagKeys, from, to, v);
        }
        return (TagKey) v;
    }

    /** The tag value of the row's plain ASCII bytes {@code [from, to)}, shared among the cells that hold it. */
    private String tagValue(int from, int to) {
        ByteDictionary d = tagValues;
        Object v = d.direct ? null : d.get(buf, from, to);
        if (v == null) {
            v = ascii(from, to);
            if (!d.direct) {
                remember(d, from, to, v);
            }
        }
        return (String) v;
    }

    private void remember(ByteDictionary d, int from, int to, Object value) {
        if (d.size() >= MAX_DICTIONARY) {
            d.clear();
        }
        d.put(Arrays.copyOfRange(buf, from, to), value);
    }

    /** The text of the row's ASCII bytes {@code [from, to)}. */
    private String ascii(int from, int to) {
        return new String(buf, from, to - from, java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    // the values of the other optional columns' dictionaries (the shared ones are LineItemFields')
    private static final Function<String, Optional<SettlementCycle>> SETTLEMENT_CYCLE =
            s -> Optional.of(Enum.valueOf(SettlementCycle.class, s));
    private static final Function<String, Optional<OrderId>> ORDER_ID = s -> Optional.of(OrderId.of(s));
    private static final Function<String, Optional<String>> USAGE_UNIT = Optional::of;

    /**
     * The class of the row's class cells, new to the table: the class depends on those cells alone, so the
     * collector is told their values ({@link CostClassCollector#classOf(ClassValues)}), or, if it asks for an item,
     * an item of those and the required cells. {@link CostClassTable#NOT_FOUND} when a class cell holds a value
     * the item path refuses: the row then takes that path, which words the error.
     */
    private int classOfCells(long line, CostClassTable t) {
        CellValues values = cellValues;
        if (values.read(t)) {
            int costClass = t.collector.classOf(values);
            if (costClass != CostClassCollector.ASK_ITEM) {
                return costClass;
            }
        }
        LineItem classItem = fast(line, t.itemColumns);
        return classItem == null ? CostClassTable.NOT_FOUND : t.collector.classOf(classItem);
    }

    private final CellValues cellValues = new CellValues();

    /**
     * The values of the row's class cells, read through the same dictionaries as {@link #fast} reads them, so a
     * value is the item's and a cell {@code fast} refuses is refused here too. Reused from row to row.
     */
    private final class CellValues implements ClassValues {
        private final String[] texts = new String[LineItemField.values().length];
        /** The row's tags; null when they are plain ({@link #plainTags}) and no map was asked for yet. */
        private Map<TagKey, String> tags = ImmutableMap.of();
        /** How many plain tags the row's cell holds, or -1 when {@link #tags} are the row's. */
        private int plainTags = -1;

        private CostClassTable table;

        /** Reads the row's class cells of {@code t}; false when a cell's value is refused or is not a plain value. */
        boolean read(CostClassTable t) {
            table = t;
            tags = ImmutableMap.of();
            plainTags = -1;
            try {
                for (int i = 0; i < t.columns.length; i++) {
                    int k = t.columns[i];
                    if (k == TAGS_COLUMN) {
                        if (isEmpty(k)) {
                            tags = ImmutableMap.of();
                        } else if (plainTags(k, false)) {
                            tags = null; // made if asked for: a classer reads a few tags by key (tag)
                            plainTags = plainTagsFound;
                        } else {
                            tags = TAGS.apply(CanonicalChunkParser.this.text(k));
                        }
                    } else {
                        texts[t.fields[i].ordinal()] = isEmpty(k) ? null : text(value(k));
                    }
                }
                return true;
            } catch (IllegalArgumentException | IllegalStateException e) {
                return false; // the item path words the error
            }
        }

        /** The value of non-empty class cell {@code k}, as {@link #fast} sets its field. */
        private Object value(int k) {
            if (k == RESOURCE) {
                return resourceId(k);
            }
            Function<String, ?> make = CLASS_VALUES[k];
            if (make == null) {
                throw new IllegalStateException("column " + COLUMNS[k] + " is not read as a class value");
            }
            return lookup(k, make); // one call site: the JIT compiles the lookup once, not once per column
        }

        /** The text of a value as {@link LineItemField#text} gives it. */
        private String text(Object value) {
            Object v = value instanceof Optional<?> o ? o.orElse(null) : value;
            if (v instanceof Identifier id) {
                return id.value();
            }
            if (v instanceof Enum<?> e) {
                return e.name();
            }
            throw new IllegalStateException("a class value of " + v.getClass().getSimpleName());
        }

        @Override
        public String text(LineItemField field) {
            if (field == LineItemField.TAGS || !isClassField(field)) {
                throw new IllegalArgumentException(field + " is not a class field read as text");
            }
            return texts[field.ordinal()];
        }

        private boolean isClassField(LineItemField field) {
            for (LineItemField f : table.fields) {
                if (f == field) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public Map<TagKey, String> tags() {
            if (tags == null) {
                tags = plainTagMap(plainTags);
            }
            return tags;
        }

        @Override
        public String tag(TagKey key) {
            if (tags != null) {
                return tags.get(key);
            }
            String name = key.value();
            for (int t = 0; t < plainTags; t++) {
                if (isAscii(name, tagKeyStarts[t], tagKeyEnds[t])) {
                    return tagValue(tagValueStarts[t], tagValueEnds[t]);
                }
            }
            return null;
        }

        /** Whether the row's plain ASCII bytes {@code [from, to)} are the characters of {@code text}. */
        private boolean isAscii(String text, int from, int to) {
            if (text.length() != to - from) {
                return false;
            }
            byte[] b = buf;
            for (int i = 0; i < text.length(); i++) {
                if (text.charAt(i) != b[from + i]) {
                    return false;
                }
            }
            return true;
        }
    }

    private static final Function<String, OwnerUin> OWNER = OwnerUin::of;
    private static final Function<String, BusinessCode> BUSINESS = BusinessCode::of;
    private static final Function<String, PayMode> PAY_MODE_OF = s -> Enum.valueOf(PayMode.class, s);
    private static final Function<String, ActionType> ACTION_TYPE_OF = s -> Enum.valueOf(ActionType.class, s);

    private static final int RESOURCE = CanonicalColumn.RESOURCE_ID.ordinal();

    /** How a class cell's text becomes the value {@link #fast} sets, by column; null for a column not a class value. */
    private static final Function<String, ?>[] CLASS_VALUES = classValues();

    @SuppressWarnings("unchecked")
    private static Function<String, ?>[] classValues() {
        Function<String, ?>[] m = new Function[WIDTH];
        m[CanonicalColumn.OWNER_UIN.ordinal()] = OWNER;
        m[CanonicalColumn.OPERATOR_UIN.ordinal()] = LineItemFields.OPERATOR_UIN;
        m[CanonicalColumn.BUSINESS_CODE.ordinal()] = BUSINESS;
        m[CanonicalColumn.PRODUCT_CODE.ordinal()] = LineItemFields.PRODUCT_CODE;
        m[CanonicalColumn.ITEM_CODE.ordinal()] = LineItemFields.ITEM_CODE;
        m[CanonicalColumn.REGION_ID.ordinal()] = LineItemFields.REGION_ID;
        m[CanonicalColumn.PROJECT_ID.ordinal()] = LineItemFields.PROJECT_ID;
        m[CanonicalColumn.INSTANCE_TYPE.ordinal()] = LineItemFields.INSTANCE_TYPE;
        m[CanonicalColumn.PAY_MODE.ordinal()] = PAY_MODE_OF;
        m[CanonicalColumn.ACTION_TYPE.ordinal()] = ACTION_TYPE_OF;
        return m;
    }

    /** Every column, for {@link #fast}. */
    static final long ALL_COLUMNS = -1L;

    /** A bit for each column of the file. */
    private static final long WIDTH_MASK = WIDTH == 64 ? -1L : (1L << WIDTH) - 1;

    /**
     * The row's item by the fast path, or null for a row the plain mapping must read: with the cells of
     * {@code columns} (bit k for column k) only, the others left out, so every column for the row's item; fewer
     * only for a row {@linkplain #proven() proven} valid, and with every required column.
     */
    @SuppressWarnings("unchecked")
    private LineItem fast(long line, long columns) {
        if (guarded && guardLike) {
            return null; // a cell starts with ' (noted exactly while the row was cut)
        }
        try {
            int cur = CanonicalColumn.CURRENCY.ordinal();
            if (isEmpty(cur)) {
                return null;
            }
            Currency currency = (Currency) lookup(cur, Money::currency);
            LineItemFields f = fields;
            f.clear();
            if (isEmpty(0)) {
                return null;
            }
            f.id = id(0);
            // only the columns asked for (bit k for column k), the id (column 0) read above; an empty cell leaves its
            // field absent, and is refused here when the column is required (the plain mapping words the error)
            long asked = columns & WIDTH_MASK & ~1L;
            if ((asked & empty & REQUIRED) != 0) {
                return null;
            }
            for (long todo = asked & ~empty; todo != 0; todo &= todo - 1) {
                int k = Long.numberOfTrailingZeros(todo);
                CanonicalColumn column = COLUMNS[k];
                switch (column) {
                    case OWNER_UIN -> f.ownerUin = (OwnerUin) lookup(k, OWNER);
                    case PAYER_UIN -> f.payerUin = (PayerUin) lookup(k, PayerUin::of);
                    case OPERATOR_UIN -> f.operatorUin = (Optional<OperatorUin>) lookup(k, LineItemFields.OPERATOR_UIN);
                    case BUSINESS_CODE -> f.businessCode = (BusinessCode) lookup(k, BUSINESS);
                    case PRODUCT_CODE -> f.productCode = (Optional<ProductCode>) lookup(k, LineItemFields.PRODUCT_CODE);
                    case ITEM_CODE -> f.itemCode = (Optional<ItemCode>) lookup(k, LineItemFields.ITEM_CODE);
                    case REGION_ID -> f.regionId = (Optional<RegionId>) lookup(k, LineItemFields.REGION_ID);
                    case PROJECT_ID -> f.projectId = (Optional<ProjectId>) lookup(k, LineItemFields.PROJECT_ID);
                    case RESOURCE_ID -> f.resourceId = resourceId(k);
                    case INSTANCE_TYPE ->
                        f.instanceType = (Optional<InstanceType>) lookup(k, LineItemFields.INSTANCE_TYPE);
                    case PAY_MODE -> f.payMode = (PayMode) lookup(k, PAY_MODE_OF);
                    case SETTLEMENT_CYCLE ->
                        f.settlementCycle = (Optional<SettlementCycle>) lookup(k, SETTLEMENT_CYCLE);
                    case ACTION_TYPE -> f.actionType = (ActionType) lookup(k, ACTION_TYPE_OF);
                    case FEE_PERIOD_START, CURRENCY -> {}
                    case FEE_PERIOD_END -> {
                        int s = CanonicalColumn.FEE_PERIOD_START.ordinal();
                        if (isEmpty(s)) {
                            return null;
                        }
                        f.feePeriod = feePeriod(s, k);
                    }
                    case DEDUCTION_TIME -> f.deductionTime = deductionTime(k);
                    case ORDER_ID -> f.orderId = (Optional<OrderId>) lookup(k, ORDER_ID);
                    case ORIGINAL_ORDER_ID -> f.originalOrderId = (Optional<OrderId>) lookup(k, ORDER_ID);
                    case USAGE_QUANTITY -> f.usageQuantity = decimal(k);
                    case USAGE_UNIT -> f.usageUnit = (Optional<String>) lookup(k, USAGE_UNIT);
                    case DISCOUNT_RATE -> f.discountRate = decimal(k);
                    case LIST_COST -> f.listCost = money(k, currency);
                    case RESERVED_INSTANCE_DEDUCTION -> f.reservedInstanceDeduction = optionalMoney(k, currency);
                    case SAVINGS_PLAN_DEDUCTION -> f.savingsPlanDeduction = optionalMoney(k, currency);
                    case CASH_PAID -> f.cashPaid = optionalMoney(k, currency);
                    case VOUCHER_PAID -> f.voucherPaid = optionalMoney(k, currency);
                    case INCENTIVE_PAID -> f.incentivePaid = optionalMoney(k, currency);
                    case TRANSFER_PAID -> f.transferPaid = optionalMoney(k, currency);
                    case CREDIT_PAID -> f.creditPaid = optionalMoney(k, currency);
                    case COUPON_PAID -> f.couponPaid = optionalMoney(k, currency);
                    case TAX -> f.tax = optionalMoney(k, currency);
                    case TOTAL_COST -> f.totalCost = money(k, currency);
                    case TAGS -> f.tags = columns == ALL_COLUMNS ? tags(k) : freshTags(k);
                    default -> throw new IllegalStateException("bug: column " + column + " has no fast mapping");
                }
            }
            return f.make();
        } catch (IllegalArgumentException | IllegalStateException e) {
            return null; // the plain mapping reads the row and words its error
        }
    }

    private static final int CUR = CanonicalColumn.CURRENCY.ordinal();
    private static final int PAY_MODE = CanonicalColumn.PAY_MODE.ordinal();
    private static final int SETTLEMENT = CanonicalColumn.SETTLEMENT_CYCLE.ordinal();
    private static final int ACTION = CanonicalColumn.ACTION_TYPE.ordinal();
    private static final int START = CanonicalColumn.FEE_PERIOD_START.ordinal();
    private static final int END = CanonicalColumn.FEE_PERIOD_END.ordinal();
    private static final int DEDUCTION = CanonicalColumn.DEDUCTION_TIME.ordinal();
    private static final int QUANTITY = CanonicalColumn.USAGE_QUANTITY.ordinal();
    private static final int RATE = CanonicalColumn.DISCOUNT_RATE.ordinal();
    private static final int LIST = CanonicalColumn.LIST_COST.ordinal();
    private static final int TOTAL = CanonicalColumn.TOTAL_COST.ordinal();
    private static final int TAGS_COLUMN = CanonicalColumn.TAGS.ordinal();
    private static final int[] OTHER_AMOUNTS = {
        CanonicalColumn.RESERVED_INSTANCE_DEDUCTION.ordinal(),
        CanonicalColumn.SAVINGS_PLAN_DEDUCTION.ordinal(),
        CanonicalColumn.TAX.ordinal()
    };
    private static final int[] PAYMENTS = {
        CanonicalColumn.CASH_PAID.ordinal(),
        CanonicalColumn.VOUCHER_PAID.ordinal(),
        CanonicalColumn.INCENTIVE_PAID.ordinal(),
        CanonicalColumn.TRANSFER_PAID.ordinal(),
        CanonicalColumn.CREDIT_PAID.ordinal(),
        CanonicalColumn.COUPON_PAID.ordinal()
    };
    private static final long NO_TIME = CsvByteRows.NO_TIME;

    /** The columns a valid item cannot leave empty, as a mask of {@link #empty}. */
    static final long REQUIRED = requiredMask();

    private static long requiredMask() {
        long mask = 0;
        for (CanonicalColumn c : COLUMNS) {
            if (c.required) {
                mask |= 1L << c.ordinal();
            }
        }
        return mask;
    }

    private static boolean has(long empty, int k) {
        return (empty & (1L << k)) == 0;
    }

    /**
     * Adds the row to {@link #tally} when it can prove, without making the item, that {@link #fast} would make a
     * valid item of it: every required cell present, plain ASCII, no guarded cell, the currency, enumerations and
     * tags valid (through the dictionaries), times of the fixed form with the end after the start, amounts simple
     * decimals, payments (if any) adding up to the total exactly, and a discount rate (if any) not negative whose
     * product with the list cost Money holds (the contracted cost). Returns false for any other row, which then
     * takes the item path: the plain result or error.
     */
    private boolean tallied() {
        if (!proven()) {
            return false;
        }
        CellTally t = tally;
        CellTally.Sums sums = t.find(rows, rowStart);
        if (sums == null) {
            sums = t.add(rows, rowStart, GroupKey.of(Arrays.asList(t.cellValues(rows, rowStart)), rowCurrency));
        }
        sums.count++;
        sums.list.add(listUnits, listScale);
        sums.billed.add(totalUnits, totalScale);
        sums.effective.add(totalUnits, totalScale); // a canonical row reports no amortization
        sums.contracted.add(contractedUnits, contractedScale);
        if (has(empty, QUANTITY)) {
            sums.consumed.add(quantityUnits, quantityScale);
        }
        return true;
    }

    // the row proven valid by proven(): its currency, the start of its fee period, its list and contracted costs
    private Currency rowCurrency;
    private long rowStart;
    private long listUnits;
    private int listScale;
    private long contractedUnits;
    private int contractedScale;

    /**
     * Whether the row is proven, without making the item, to be one {@link #fast} makes a valid item of (see
     * {@link #tallied}); keeps its currency, fee period start and amounts in fields.
     */
    private boolean proven() {
        long e = empty;
        if (nonAscii || (guarded && guardLike) || (e & REQUIRED) != 0) {
            return false; // the item path checks the bytes are UTF-8, removes the guard, or words the error
        }
        try {
            Currency currency = (Currency) lookup(CUR, Money::currency);
            lookup(PAY_MODE, PAY_MODE_OF);
            lookup(ACTION, ACTION_TYPE_OF);
            if (has(e, SETTLEMENT)) {
                lookup(SETTLEMENT, SETTLEMENT_CYCLE);
            }
            long start = epochSecond(START);
            long end = epochSecond(END);
            if (start == NO_TIME || end == NO_TIME || end <= start) {
                return false;
            }
            if (has(e, DEDUCTION) && epochSecond(DEDUCTION) == NO_TIME) {
                return false;
            }
            if (!amountsValid(e)) {
                return false;
            }
            if (has(e, TAGS_COLUMN) && !plainTags(TAGS_COLUMN, false)) {
                lookup(TAGS_COLUMN, TAGS);
            }
            if (!simpleDecimal(LIST)) {
                return false;
            }
            listUnits = units;
            listScale = scale;
            contractedUnits = listUnits;
            contractedScale = listScale;
            if (has(e, RATE)) {
                if (!contracted(listUnits, listScale)) {
                    return false;
                }
                contractedUnits = units;
                contractedScale = scale;
            }
            rowCurrency = currency;
            rowStart = start;
            return true;
        } catch (RuntimeException x) {
            return false; // the item path makes the item, or words the error
        }
    }

    // the total cost and the usage quantity of the row, from amountsValid
    private long totalUnits;
    private int totalScale;
    private long quantityUnits;
    private int quantityScale;

    /**
     * Whether every amount of the row is a simple decimal (the list cost checked by the caller) and the payments,
     * if any, add up to the total exactly; keeps the total cost and the usage quantity.
     */
    private boolean amountsValid(long e) {
        for (int k : OTHER_AMOUNTS) {
            if (has(e, k) && !simpleDecimal(k)) {
                return false;
            }
        }
        if (has(e, QUANTITY)) {
            if (!simpleDecimal(QUANTITY)) {
                return false;
            }
            quantityUnits = units;
            quantityScale = scale;
        }
        if (!simpleDecimal(TOTAL)) {
            return false;
        }
        totalUnits = units;
        totalScale = scale;
        return paymentsAddUp(e, totalUnits, totalScale);
    }

    /**
     * Puts into {@link #units} and {@link #scale} the contracted cost, the list cost times the discount rate, as
     * {@code CostMetric.CONTRACTED_COST} gives it: the exact product, at the sum of the two scales; past 18
     * decimals its trailing zeros dropped down to 18 ({@code Money.of}). Returns false when the rate is not a
     * simple decimal or is negative, or the product does not fit a long or needs more than 18 decimals: the item
     * path then reads the row, or words its error.
     */
    private boolean contracted(long listUnits, int listScale) {
        if (!simpleDecimal(RATE) || units < 0 || !tally.product(listUnits, listScale, units, scale)) {
            return false;
        }
        units = tally.productUnits();
        scale = tally.productScale();
        return true;
    }

    /** The most tags {@link #plainTags} reads: it compares every two keys. */
    private static final int MAX_PLAIN_TAGS = 16;

    private final int[] tagKeyStarts = new int[MAX_PLAIN_TAGS];
    private final int[] tagKeyEnds = new int[MAX_PLAIN_TAGS];
    private final int[] tagValueStarts = new int[MAX_PLAIN_TAGS];
    private final int[] tagValueEnds = new int[MAX_PLAIN_TAGS];
    /** The map of the last cell {@link #plainTags} found plain when asked to build it. */
    private ImmutableMap<TagKey, String> plainMap;
    /** How many tags the last cell {@link #plainTags} found plain holds, where {@link #tagKeyStarts} and the rest say. */
    private int plainTagsFound;

    /**
     * Whether the cell is, beyond doubt, a valid tags object of the plainest form, checked on its bytes without a
     * dictionary: a quoted cell {@code "{""k"":""v"",...}"} of at most {@link #MAX_PLAIN_TAGS} tags, keys not empty
     * and distinct, keys and values of letters, digits and {@code -_.:/@+=} only (no escape, no space). False says
     * nothing: the cell is then checked as JSON. With {@code build}, a plain cell's map is left in {@link #plainMap}
     * (its keys and values are plain ASCII without escapes, so the bytes are the text).
     *
     * <p>Reading and building are one method on purpose: it is then too large for the JIT to inline into the
     * row's mapping ({@link #fast}), so the map builder's rare branches, when they first occur, recompile this
     * method alone rather than the whole mapping (profiled: the mapping was compiled four to five times).
     */
    private boolean plainTags(int k, boolean build) {
        if (!quoted[k]) {
            return false;
        }
        byte[] b = buf;
        int i = starts[k] + 1;
        int e = ends[k] - 1; // the closing quote
        if (e - i < 2 || b[i] != '{' || b[e - 1] != '}') {
            return false;
        }
        i++;
        e--; // inside the braces
        int tags = 0;
        if (i == e) {
            if (build) {
                plainMap = ImmutableMap.of();
            }
            plainTagsFound = 0;
            return true; // {}
        }
        while (true) {
            int keyStart = i + 2;
            int keyEnd = plainString(b, i, e);
            if (keyEnd < 0 || keyEnd == keyStart || tags == MAX_PLAIN_TAGS) {
                return false;
            }
            for (int t = 0; t < tags; t++) {
                if (Arrays.equals(b, tagKeyStarts[t], tagKeyEnds[t], b, keyStart, keyEnd)) {
                    return false; // a duplicate key: refused by the item path
                }
            }
            tagKeyStarts[tags] = keyStart;
            tagKeyEnds[tags++] = keyEnd;
            i = keyEnd + 2;
            if (i >= e || b[i] != ':') {
                return false;
            }
            int valueEnd = plainString(b, i + 1, e);
            if (valueEnd < 0) {
                return false;
            }
            tagValueStarts[tags - 1] = i + 3;
            tagValueEnds[tags - 1] = valueEnd;
            i = valueEnd + 2;
            if (i == e) {
                if (build) {
                    plainMap = plainTagMap(tags);
                }
                plainTagsFound = tags;
                return true;
            }
            if (b[i] != ',') {
                return false;
            }
            i++;
        }
    }

    /**
     * The map of the {@code n} tags {@link #plainTags} found (distinct keys), in the cell's order: up to four
     * through {@link ImmutableMap#of}, without a builder (a builder here, one call deeper than the row's mapping, was
     * not scalar-replaced by the JIT: 7.6 bytes a row), more through {@link ImmutableMap#ofEntries}. The same map as
     * the builder's.
     */
    @SuppressWarnings("unchecked")
    private ImmutableMap<TagKey, String> plainTagMap(int n) {
        int[] ks = tagKeyStarts;
        int[] ke = tagKeyEnds;
        int[] vs = tagValueStarts;
        int[] ve = tagValueEnds;
        switch (n) {
            case 1:
                return ImmutableMap.of(tagKey(ks[0], ke[0]), tagValue(vs[0], ve[0]));
            case 2:
                return ImmutableMap.of(
                        tagKey(ks[0], ke[0]), tagValue(vs[0], ve[0]), tagKey(ks[1], ke[1]), tagValue(vs[1], ve[1]));
            case 3:
                return ImmutableMap.of(
                        tagKey(ks[0], ke[0]), tagValue(vs[0], ve[0]),
                        tagKey(ks[1], ke[1]), tagValue(vs[1], ve[1]),
                        tagKey(ks[2], ke[2]), tagValue(vs[2], ve[2]));
            case 4:
                return ImmutableMap.of(
                        tagKey(ks[0], ke[0]), tagValue(vs[0], ve[0]),
                        tagKey(ks[1], ke[1]), tagValue(vs[1], ve[1]),
                        tagKey(ks[2], ke[2]), tagValue(vs[2], ve[2]),
                        tagKey(ks[3], ke[3]), tagValue(vs[3], ve[3]));
            default:
                Map.Entry<TagKey, String>[] entries = new Map.Entry[n];
                for (int t = 0; t < n; t++) {
                    entries[t] = Map.entry(tagKey(ks[t], ke[t]), tagValue(vs[t], ve[t]));
                }
                return ImmutableMap.ofEntries(entries);
        }
    }

    /**
     * At {@code i}, a JSON string doubled for CSV ({@code ""text""}) of plain characters: returns the index where
     * its text ends (at its closing {@code ""}), or -1.
     */
    private static int plainString(byte[] b, int i, int e) {
        if (i + 4 > e || b[i] != '"' || b[i + 1] != '"') {
            return -1;
        }
        for (int j = i + 2; j + 1 < e; j++) {
            byte x = b[j];
            if (x == '"') {
                return b[j + 1] == '"' ? j : -1;
            }
            boolean plain = (x >= 'a' && x <= 'z')
                    || (x >= 'A' && x <= 'Z')
                    || (x >= '0' && x <= '9')
                    || x == '-'
                    || x == '_'
                    || x == '.'
                    || x == ':'
                    || x == '/'
                    || x == '@'
                    || x == '+'
                    || x == '=';
            if (!plain) {
                return -1;
            }
        }
        return -1;
    }

    /** Whether no payment is given, or the payments add up to the total exactly (else the item is refused). */
    private boolean paymentsAddUp(long e, long totalUnits, int totalScale) {
        long paid = 0;
        int paidScale = 0;
        boolean any = false;
        for (int k : PAYMENTS) {
            if (!has(e, k)) {
                continue;
            }
            if (!simpleDecimal(k)) {
                return false;
            }
            any = true;
            int s = Math.max(paidScale, scale);
            paid = Math.addExact(CellTally.scaled(paid, s - paidScale), CellTally.scaled(units, s - scale));
            paidScale = s;
        }
        if (!any) {
            return true;
        }
        int s = Math.max(paidScale, totalScale);
        return CellTally.scaled(paid, s - paidScale) == CellTally.scaled(totalUnits, s - totalScale);
    }

    /** The seconds since the epoch of a time of the fixed form 2024-09-01T00:00:00Z, else {@link #NO_TIME}. */
    private long epochSecond(int k) {
        return rows.fixedEpochSecond(k);
    }

    /** Parses a cell of the form -?[0-9]+(\.[0-9]+)? of at most 18 digits into {@link #units} and {@link #scale}. */
    private boolean simpleDecimal(int k) {
        CsvByteRows r = rows;
        if (!r.simpleDecimal(k)) {
            return false;
        }
        units = r.units();
        scale = r.scale();
        return true;
    }

    /**
     * The values of recent cells with the same digits or seconds (amounts, decimals, fee periods, deduction times):
     * one object, and one {@code Optional} of it, for the many rows with the same cell.
     */
    private final RecentValues recent = new RecentValues();

    /**
     * The amount of cell {@code k}: a simple decimal through the recent amounts (a cell with the digits of a recent
     * one, such as a total equal to the list cost, or a zero tax, gives the same object), any other as the plain
     * path parses it.
     */
    private Money money(int k, Currency currency) {
        if (!simpleDecimal(k)) {
            return Money.of(currency, Money.parseAmount(text(k)));
        }
        return recent.money(currency, units, scale);
    }

    /** The amount of cell {@code k} as the {@code Optional} an optional field stores, shared as {@link #money}. */
    private Optional<Money> optionalMoney(int k, Currency currency) {
        if (!simpleDecimal(k)) {
            return Optional.of(Money.of(currency, Money.parseAmount(text(k)))); // not a simple decimal: not kept
        }
        return recent.optionalMoney(currency, units, scale);
    }

    /** The decimal of cell {@code k} as the {@code Optional} an optional field stores, shared among equal cells. */
    private Optional<BigDecimal> decimal(int k) {
        if (!simpleDecimal(k)) {
            return Optional.of(Money.parseAmount(text(k)));
        }
        return recent.optionalDecimal(units, scale);
    }

    /**
     * The fee period of cells {@code s} (start) and {@code e} (end): when both are of the fixed form, the interval
     * of a recent row with the same seconds if there is one (a month has a few hundred distinct hours), else made
     * as the plain path makes it, throwing the same errors.
     */
    private Interval feePeriod(int s, int e) {
        int a = starts[s];
        int b = starts[e];
        if (quoted[s] || quoted[e] || ends[s] - a != 20 || ends[e] - b != 20) {
            return parsedFeePeriod(s, e);
        }
        // two cells of 20 bytes: the interval of the last cells with the same bytes, without parsing them again
        byte[] x = buf;
        long s0 = (long) LONG.get(x, a);
        long s1 = (long) LONG.get(x, a + 8);
        long s2 = (long) LONG.get(x, a + 12);
        long e0 = (long) LONG.get(x, b);
        long e1 = (long) LONG.get(x, b + 8);
        long e2 = (long) LONG.get(x, b + 12);
        long h = (s0 * 31 + s1) * 31 + s2;
        h = ((h * 31 + e0) * 31 + e1) * 31 + e2;
        h *= 0x9E3779B97F4A7C15L;
        // an open-addressing table, not a cache of the last: a month's 720 hours in 1024 slots of one entry each
        // missed on a sixth of the rows
        int mask = CELL_PERIODS - 1;
        long[] k = periodCells;
        Interval[] made = cellPeriods;
        int slot = (int) (h >>> 40) & mask;
        for (; ; slot = (slot + 1) & mask) {
            Interval cached = made[slot];
            if (cached == null) {
                break;
            }
            int o = slot * 6;
            if (k[o] == s0 && k[o + 1] == s1 && k[o + 2] == s2 && k[o + 3] == e0 && k[o + 4] == e1 && k[o + 5] == e2) {
                return cached;
            }
        }
        Interval period = parsedFeePeriod(s, e);
        if (cellPeriodCount == CELL_PERIODS / 2) { // at most half full, so a probe ends soon: emptied when full
            Arrays.fill(made, null);
            cellPeriodCount = 0;
            slot = (int) (h >>> 40) & mask;
        }
        cellPeriodCount++;
        made[slot] = period;
        int o = slot * 6;
        k[o] = s0;
        k[o + 1] = s1;
        k[o + 2] = s2;
        k[o + 3] = e0;
        k[o + 4] = e1;
        k[o + 5] = e2;
        return period;
    }

    /** The slots of {@link #cellPeriods}, at most half of them used. */
    private static final int CELL_PERIODS = 4096;

    /** The entries of {@link #cellPeriods}. */
    private int cellPeriodCount;

    /** The bytes of the start and end cells of the fee periods of {@link #cellPeriods}, 6 longs each. */
    private final long[] periodCells = new long[CELL_PERIODS * 6];

    /** The fee periods made, by a hash of their cells' bytes ({@link #periodCells}); null for a free slot. */
    private final Interval[] cellPeriods = new Interval[CELL_PERIODS];

    /** The cells' bytes read 8 at a time. */
    private static final java.lang.invoke.VarHandle LONG =
            java.lang.invoke.MethodHandles.byteArrayViewVarHandle(long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);

    /** The fee period of cells {@code s} and {@code e}, parsed (through the recent periods by their seconds). */
    private Interval parsedFeePeriod(int s, int e) {
        long start = epochSecond(s);
        long end = epochSecond(e);
        if (start == NO_TIME || end == NO_TIME) {
            return Interval.of(instant(s), instant(e));
        }
        return recent.period(start, end);
    }

    /**
     * The deduction time of cell {@code k} as the {@code Optional} the item stores: of the fixed form, the one of a
     * recent row with the same seconds if there is one, else made as the plain path makes it.
     */
    private Optional<Instant> deductionTime(int k) {
        long second = epochSecond(k);
        if (second == NO_TIME) {
            return Optional.of(instant(k));
        }
        return recent.optionalTime(second);
    }

    /** A time of the form 2024-09-01T00:00:00Z by hand, any other through the general parser. */
    private Instant instant(int k) {
        Instant fixed = fixedInstant(k);
        return fixed != null ? fixed : CanonicalColumn.instant(text(k));
    }

    /** A time of the form 2024-09-01T00:00:00Z by hand, or null for any other text. */
    private Instant fixedInstant(int k) {
        long second = epochSecond(k);
        return second == NO_TIME ? null : Instant.ofEpochSecond(second);
    }
}
