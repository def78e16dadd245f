package org.cloudbilling.examples.spark;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.cloudbilling.core.bill.LineItem;
import org.cloudbilling.core.focus.FocusCsv;
import org.cloudbilling.core.focus.FocusLineItems;
import org.cloudbilling.core.focus.FocusRow;
import org.cloudbilling.core.id.LineItemId;
import org.cloudbilling.core.io.BillingInputException;
import org.cloudbilling.core.io.FormulaGuard;
import org.cloudbilling.core.io.InputProblem;

/**
 * FOCUS rows as Spark's own readers give them (CSV: every cell text; Parquet: decimals, timestamps, text, a map of
 * tags) turned into line items by the library: each value goes through {@link FocusCsv#readCell}, the FOCUS CSV
 * reader's own parsing, and the row through {@link FocusLineItems#toLineItem}.
 *
 * <p>Spark reads rows in no fixed order and without line numbers, so each row must carry its item's id ({@code
 * x_LineItemId} or {@code Id}, as the library's exports write it), and a problem names the file and the item.
 */
final class FocusRows {
    /** The column the readers add: the file a row comes from. */
    static final String SOURCE = "_cloudbilling_source";

    private FocusRows() {}

    /**
     * Checks on the driver, before any task, that the header has every FOCUS column that may never be null and
     * no column of a later version than it claims: the FOCUS CSV reader's own check.
     *
     * @throws BillingInputException naming the source and the columns missing
     */
    static void checkHeader(String[] headers, String source) {
        List<String> quoted = new ArrayList<>(headers.length);
        for (String h : headers) {
            quoted.add('"' + h.replace("\"", "\"\"") + '"');
        }
        FocusCsv.reader(new StringReader(String.join(",", quoted) + "\n"), source, FormulaGuard.OFF)
                .close();
    }

    /**
     * Returns the line item of one row; {@code headers} name its columns, and the column after them is {@link
     * #SOURCE}.
     *
     * @throws BillingInputException naming the file, the item and the column of a value that cannot be read
     */
    static LineItem toLineItem(Row row, String[] headers, FormulaGuard guard, ObjectMapper json) {
        String source = row.getString(headers.length);
        FocusRow.Builder b = FocusRow.builder();
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < headers.length; i++) {
            Object value = row.get(i);
            String text = null;
            try {
                text = text(value, json);
                FocusCsv.readCell(b, headers[i], text, value instanceof String ? guard : FormulaGuard.OFF);
            } catch (IllegalArgumentException e) {
                problems.add("column " + (i + 1) + " (" + headers[i] + ") '"
                        + FormulaGuard.ON.guard(String.valueOf(text)) + "': " + e.getMessage());
            }
        }
        FocusRow focus = b.build();
        String id = focus.extra(FocusLineItems.X_LINE_ITEM_ID)
                .or(() -> focus.extra("Id"))
                .orElse(null);
        String where = id == null ? source : source + ", item " + id;
        if (!problems.isEmpty()) {
            throw new BillingInputException(InputProblem.ofLine(where, 0, String.join("; ", problems)));
        }
        if (id == null) {
            throw new BillingInputException(InputProblem.ofLine(
                    where,
                    0,
                    "a row has no " + FocusLineItems.X_LINE_ITEM_ID + " or Id: Spark reads rows in no fixed order"
                            + " and without line numbers, so each item needs its own id"));
        }
        try {
            return FocusLineItems.toLineItem(focus, LineItemId.of(id));
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new BillingInputException(InputProblem.ofLine(where, 0, e.getMessage()));
        }
    }

    /** Returns a value as the text a FOCUS CSV holds for it, or null for a null. */
    private static String text(Object value, ObjectMapper json) {
        if (value == null || value instanceof String) {
            return (String) value;
        }
        if (value instanceof BigDecimal d) {
            return d.toPlainString();
        }
        if (value instanceof Double d) {
            if (!Double.isFinite(d)) {
                throw new IllegalArgumentException(d + " is not a finite number");
            }
            return BigDecimal.valueOf(d).toPlainString();
        }
        if (value instanceof Float f) {
            if (!Float.isFinite(f)) {
                throw new IllegalArgumentException(f + " is not a finite number");
            }
            return new BigDecimal(Float.toString(f)).toPlainString();
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant().toString();
        }
        if (value instanceof Instant t) {
            return t.toString();
        }
        if (value instanceof LocalDateTime t) { // a timestamp without zone: UTC, as the FOCUS readers take it
            return t.toInstant(ZoneOffset.UTC).toString();
        }
        if (value instanceof scala.collection.Map<?, ?> map) {
            Map<Object, Object> tags = new java.util.LinkedHashMap<>();
            map.foreach(entry -> tags.put(entry._1(), entry._2()));
            try {
                return json.writeValueAsString(tags);
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("tags cannot be written as JSON: " + e.getOriginalMessage());
            }
        }
        return value.toString(); // whole numbers, booleans
    }
}
