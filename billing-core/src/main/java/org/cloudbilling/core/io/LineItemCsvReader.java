package org.cloudbilling.core.io;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.Closeable;
import java.io.Reader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import org.cloudbilling.core.bill.LineItem;
import org.cloudbilling.core.id.TagKey;
import org.cloudbilling.core.money.Money;
import org.cloudbilling.core.time.Interval;

/**
 * Streams line items from the canonical CSV form; see {@link LineItemCsv}. {@link #next()} throws a
 * {@link BillingInputException} for a row it cannot read, naming line, column, value and reason.
 *
 * <p>Not thread-safe: one reader per input.
 */
public final class LineItemCsvReader implements Iterator<LineItem>, Closeable {
    private static final CanonicalColumn[] COLUMNS = CanonicalColumn.values();

    private final String source;
    private final CsvRows rows;
    private final FormulaGuard guard;
    /** Tags as the FOCUS and Tencent readers take them: a repeated key or trailing text is refused. */
    private final ObjectMapper json = new ObjectMapper()
            .enable(com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private List<String> row;
    private boolean done;

    LineItemCsvReader(Reader reader, String source, FormulaGuard guard) {
        this.source = requireNonNull(source, "source");
        this.guard = requireNonNull(guard, "guard");
        this.rows = CsvRows.of(reader, this.source);
        try {
            checkHeader();
        } catch (RuntimeException e) {
            throw rows.closeAfter(e);
        }
    }

    private void checkHeader() {
        String[] cells = rows.header();
        List<String> header = List.of(cells);
        List<String> expected = LineItemCsv.header();
        if (!header.equals(expected)) {
            Set<String> missing = new LinkedHashSet<>(expected);
            missing.removeAll(new HashSet<>(header));
            Set<String> extra = new LinkedHashSet<>(header);
            extra.removeAll(new HashSet<>(expected));
            Set<String> repeated = CsvRows.repeatedColumns(cells);
            boolean sameColumns = missing.isEmpty() && extra.isEmpty() && repeated.isEmpty();
            String reason = "the header is not the canonical line-item header"
                    + (missing.isEmpty() ? "" : "; missing columns " + CsvRows.listNames(missing))
                    + (extra.isEmpty() ? "" : "; unknown columns " + CsvRows.listNames(extra))
                    + (repeated.isEmpty() ? "" : "; repeated columns " + CsvRows.listNames(repeated))
                    + (sameColumns ? "; columns are out of order, expected " + expected : "");
            throw new BillingInputException(InputProblem.ofLine(source, rows.line(), reason));
        }
    }

    @Override
    public boolean hasNext() {
        if (row == null && !done) {
            String[] cells = rows.next();
            row = cells == null ? null : List.of(guard == FormulaGuard.ON ? restore(cells) : cells);
            done = row == null;
        }
        return !done;
    }

    private static String[] restore(String[] cells) {
        for (int i = 0; i < cells.length; i++) {
            cells[i] = CsvSafety.restore(cells[i]);
        }
        return cells;
    }

    /**
     * Returns the next item.
     *
     * @throws BillingInputException if the row cannot be read; reading may go on with the following row
     * @throws NoSuchElementException at the end of the input
     */
    @Override
    public LineItem next() {
        if (!hasNext()) {
            throw new NoSuchElementException("no more rows in " + source);
        }
        List<String> cells = row;
        row = null;
        return parse(cells);
    }

    private LineItem parse(List<String> cells) {
        List<InputProblem> problems = new ArrayList<>();
        if (cells.size() != COLUMNS.length) {
            problems.add(InputProblem.ofLine(
                    source, rows.line(), "the row has " + cells.size() + " cells, the header " + COLUMNS.length));
            throw new BillingInputException(problems);
        }
        Currency currency = null;
        String currencyCell = cells.get(CanonicalColumn.CURRENCY.ordinal());
        try {
            currency = Money.currency(currencyCell);
        } catch (IllegalArgumentException e) {
            problems.add(cell(CanonicalColumn.CURRENCY, currencyCell, e.getMessage()));
        }
        LineItem.Builder b = LineItem.builder();
        Instant start = null;
        Instant end = null;
        for (CanonicalColumn column : COLUMNS) {
            String value = cells.get(column.ordinal());
            if (value.isEmpty()) {
                if (column.required) {
                    problems.add(cell(column, value, column.header + " is required"));
                }
                continue;
            }
            try {
                switch (column) {
                    case CURRENCY:
                        break;
                    case FEE_PERIOD_START:
                        start = CanonicalColumn.instant(value);
                        break;
                    case FEE_PERIOD_END:
                        end = CanonicalColumn.instant(value);
                        break;
                    case TAGS:
                        readTags(b, value);
                        break;
                    default:
                        if (currency != null || !isAmount(column)) {
                            column.setter.set(b, value, currency);
                        }
                }
            } catch (IllegalArgumentException e) {
                problems.add(cell(column, value, e.getMessage()));
            }
        }
        if (start != null && end != null) {
            try {
                b.feePeriod(Interval.of(start, end));
            } catch (IllegalArgumentException e) {
                problems.add(cell(CanonicalColumn.FEE_PERIOD_END, end.toString(), e.getMessage()));
            }
        }
        if (!problems.isEmpty()) {
            throw new BillingInputException(problems);
        }
        try {
            return b.build();
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new BillingInputException(InputProblem.ofLine(source, rows.line(), e.getMessage()));
        }
    }

    private static boolean isAmount(CanonicalColumn column) {
        return column.ordinal() > CanonicalColumn.CURRENCY.ordinal() && column != CanonicalColumn.DISCOUNT_RATE;
    }

    private void readTags(LineItem.Builder b, String value) {
        JsonNode node;
        try {
            node = json.readTree(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("tags are not a JSON object: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("tags are not a JSON object");
        }
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            if (!e.getValue().isTextual()) {
                throw new IllegalArgumentException("the value of tag '" + e.getKey() + "' is not a string");
            }
            if (e.getKey().isEmpty()) {
                throw new IllegalArgumentException("a tag key is empty");
            }
            b.putTag(TagKey.of(e.getKey()), e.getValue().textValue());
        }
    }

    private InputProblem cell(CanonicalColumn column, String value, String reason) {
        return InputProblem.ofCell(source, rows.line(), column.ordinal() + 1, column.header, value, reason);
    }

    /** Closes the underlying reader. */
    @Override
    public void close() {
        rows.close();
    }
}
