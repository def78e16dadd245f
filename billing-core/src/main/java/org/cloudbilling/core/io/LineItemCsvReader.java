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
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.function.Function;
import org.cloudbilling.core.bill.LineItem;
import org.cloudbilling.core.id.TagKey;
import org.cloudbilling.core.io.internal.RowSource;
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
    private final FormulaGuard guard;
    /** Tags as the FOCUS and Tencent readers take them: a repeated key or trailing text is refused. */
    private final ObjectMapper json = new ObjectMapper()
            .enable(com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final RowSource<LineItem> rows;

    LineItemCsvReader(Reader reader, String source, FormulaGuard guard) {
        this.source = requireNonNull(source, "source");
        this.guard = requireNonNull(guard, "guard");
        this.rows = RowSource.open(
                reader,
                this.source,
                (header, line) -> RowSource.requireExactly(
                        header,
                        LineItemCsv.header(),
                        "the header is not the canonical line-item header",
                        "columns are out of order, expected",
                        source,
                        line),
                cells -> parse(List.of(guard == FormulaGuard.ON ? restore(cells) : cells)));
    }

    @Override
    public boolean hasNext() {
        return rows.hasNext();
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
        return rows.next();
    }

    ReadResult<LineItem> readAll(OnError onError) {
        return rows.readAll(onError, Function.identity());
    }

    private LineItem parse(List<String> cells) {
        List<InputProblem> problems = new ArrayList<>();
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
