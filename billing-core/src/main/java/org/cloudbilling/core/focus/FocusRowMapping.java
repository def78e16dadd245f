package org.cloudbilling.core.focus;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.cloudbilling.core.bill.LineItem;
import org.cloudbilling.core.id.LineItemId;
import org.cloudbilling.core.io.BillingInputException;
import org.cloudbilling.core.io.FormulaGuard;
import org.cloudbilling.core.io.InputProblem;
import org.cloudbilling.core.io.SupportedTimes;
import org.cloudbilling.core.io.internal.BadCellException;
import org.cloudbilling.core.io.internal.CsvSafety;
import org.cloudbilling.core.io.internal.TagJson;
import org.cloudbilling.core.money.Money;

/**
 * The plain mapping of a FOCUS CSV row's cells to a {@link FocusRow}, and of a row to its line item, with the errors
 * of both: the one the plain reader ({@link FocusCsvReader}) uses, and the one the byte fast path
 * ({@link FocusCsvFile}) falls back to for any row it does not read itself.
 */
final class FocusRowMapping {
    final String source;
    final FormulaGuard guard;
    final String[] headers;
    /** For each position, its FOCUS column, or null for an extra column. */
    final FocusColumn[] columns;

    FocusRowMapping(String source, FormulaGuard guard, String[] headers) {
        this.source = source;
        this.guard = guard;
        this.headers = headers.clone();
        this.columns = new FocusColumn[headers.length];
        for (int i = 0; i < headers.length; i++) {
            columns[i] = FocusColumn.of(headers[i]).orElse(null);
        }
    }

    /** The row of {@code cells} (as wide as the header), read on {@code line}; throws naming every bad cell. */
    FocusRow parse(String[] cells, long line) {
        List<InputProblem> problems = new ArrayList<>();
        FocusRow.Builder b = FocusRow.builder();
        for (int i = 0; i < cells.length; i++) {
            try {
                cell(b, columns[i], headers[i], cells[i], guard);
            } catch (IllegalArgumentException e) {
                problems.add(InputProblem.ofCell(source, line, i + 1, headers[i], cells[i], e.getMessage()));
            }
        }
        if (!problems.isEmpty()) {
            throw new BillingInputException(problems);
        }
        return b.build();
    }

    /**
     * Sets one cell's value in {@code b}: {@code c} is its FOCUS column, or null for an extra column named {@code
     * header}; an empty cell or {@code NULL} is a null. The one place a FOCUS CSV cell's text becomes a value: the
     * plain reader's, the byte fast path's fallback, {@link FocusCsv#readCell} (Spark's).
     *
     * @throws IllegalArgumentException saying why the cell is not a value of its column
     */
    static void cell(FocusRow.Builder b, FocusColumn c, String header, String cell, FormulaGuard guard) {
        if (cell == null || cell.isEmpty() || cell.equals("NULL")) {
            return;
        }
        if (c == null) {
            b.extra(header, guard == FormulaGuard.ON ? CsvSafety.restore(cell) : cell);
            return;
        }
        switch (c.type()) {
            case STRING:
                b.set(c, guard == FormulaGuard.ON ? CsvSafety.restore(cell) : cell);
                break;
            case DECIMAL:
                b.set(c, Money.parseAmount(cell.trim()));
                break;
            case DATETIME:
                Instant t = FocusCsvReader.instant(cell);
                if (c == FocusColumn.CHARGE_PERIOD_START || c == FocusColumn.CHARGE_PERIOD_END) {
                    SupportedTimes.check(t); // a charge's own times: the years 1 to 9998 (IO-3)
                }
                b.set(c, t);
                break;
            case JSON:
                b.tags(tags(cell));
                break;
            default:
                throw new AssertionError("bug: unknown column type " + c.type());
        }
    }

    /**
     * The line item of a row read on {@code line}: {@link FocusLineItems#toLineItem}, a row without an id given
     * {@code line-N}; throws naming the line when the row lacks what an item needs.
     */
    LineItem toLineItem(FocusRow r, long line) {
        try {
            return FocusLineItems.toLineItem(r, LineItemId.of("line-" + line));
        } catch (BadCellException e) {
            // a value the row holds but its item cannot take (a cost of 19 decimals): a problem of its cell
            for (int i = 0; i < headers.length; i++) {
                if (headers[i].equals(e.column())) {
                    throw new BillingInputException(
                            InputProblem.ofCell(source, line, i + 1, headers[i], e.value(), e.reason()));
                }
            }
            throw new BillingInputException(InputProblem.ofLine(source, line, e.getMessage()));
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new BillingInputException(InputProblem.ofLine(source, line, e.getMessage()));
        }
    }

    static Map<String, String> tags(String cell) {
        // the one strict parser of every reader: a repeated key or text after the object is refused
        return TagJson.object(cell, "tags are not JSON: ");
    }
}
