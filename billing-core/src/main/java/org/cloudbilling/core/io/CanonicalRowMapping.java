package org.cloudbilling.core.io;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import org.cloudbilling.core.bill.LineItem;
import org.cloudbilling.core.id.TagKey;
import org.cloudbilling.core.io.internal.CsvSafety;
import org.cloudbilling.core.io.internal.TagJson;
import org.cloudbilling.core.money.Money;
import org.cloudbilling.core.time.Interval;

/**
 * The plain mapping of a canonical row's cells to a line item: the reference every faster path is checked
 * against, and what a fast path falls back to for a row it finds unusual, so errors are the same on every path.
 * Stateless; safe to share between threads.
 */
final class CanonicalRowMapping {
    private static final CanonicalColumn[] COLUMNS = CanonicalColumn.values();

    /** How the canonical reader words a tags cell that is not JSON. */
    static final String TAGS_NOT_JSON = "tags are not a JSON object: ";

    private final String source;
    private final FormulaGuard guard;

    CanonicalRowMapping(String source, FormulaGuard guard) {
        this.source = source;
        this.guard = guard;
    }

    String source() {
        return source;
    }

    FormulaGuard guard() {
        return guard;
    }

    /**
     * Maps the cells of a row as wide as the header (restoring guarded cells in place).
     *
     * @throws BillingInputException naming every problem of the row, at {@code line}
     */
    LineItem map(String[] cells, long line) {
        if (guard == FormulaGuard.ON) {
            for (int i = 0; i < cells.length; i++) {
                cells[i] = CsvSafety.restore(cells[i]);
            }
        }
        List<InputProblem> problems = new ArrayList<>();
        Currency currency = null;
        String currencyCell = cells[CanonicalColumn.CURRENCY.ordinal()];
        try {
            currency = Money.currency(currencyCell);
        } catch (IllegalArgumentException e) {
            problems.add(cell(line, CanonicalColumn.CURRENCY, currencyCell, e.getMessage()));
        }
        LineItem.Builder b = LineItem.builder();
        Instant start = null;
        Instant end = null;
        for (CanonicalColumn column : COLUMNS) {
            String value = cells[column.ordinal()];
            if (value.isEmpty()) {
                if (column.required) {
                    problems.add(cell(line, column, value, column.header + " is required"));
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
                        for (Map.Entry<String, String> t :
                                TagJson.object(value, TAGS_NOT_JSON).entrySet()) {
                            b.putTag(TagKey.of(t.getKey()), t.getValue());
                        }
                        break;
                    default:
                        if (currency != null || !isAmount(column)) {
                            column.set(b, value, currency);
                        }
                }
            } catch (IllegalArgumentException e) {
                problems.add(cell(line, column, value, e.getMessage()));
            }
        }
        if (start != null && end != null) {
            try {
                b.feePeriod(Interval.of(start, end));
            } catch (IllegalArgumentException e) {
                problems.add(cell(line, CanonicalColumn.FEE_PERIOD_END, end.toString(), e.getMessage()));
            }
        }
        if (!problems.isEmpty()) {
            throw new BillingInputException(problems);
        }
        try {
            return b.build();
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new BillingInputException(InputProblem.ofLine(source, line, e.getMessage()));
        }
    }

    static boolean isAmount(CanonicalColumn column) {
        return column.ordinal() > CanonicalColumn.CURRENCY.ordinal() && column != CanonicalColumn.DISCOUNT_RATE;
    }

    private InputProblem cell(long line, CanonicalColumn column, String value, String reason) {
        return InputProblem.ofCell(source, line, column.ordinal() + 1, column.header, value, reason);
    }
}
