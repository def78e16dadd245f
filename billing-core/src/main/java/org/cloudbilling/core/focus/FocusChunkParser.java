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

    @SuppressWarnings("unchecked")
    FocusChunkParser(FocusRowMapping mapping) {
        this.mapping = mapping;
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
        ByteDictionary d = dictionaries[k];
        Function<String, ?> make = makers[k];
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
}
