package org.cloudbilling.core.recon;

import static java.util.Objects.requireNonNull;

import java.io.Closeable;
import java.io.Reader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Function;
import java.util.function.Supplier;
import org.cloudbilling.core.io.BillingInputException;
import org.cloudbilling.core.io.FormulaGuard;
import org.cloudbilling.core.io.InputProblem;
import org.cloudbilling.core.io.OnError;
import org.cloudbilling.core.io.ReadResult;
import org.cloudbilling.core.io.internal.CsvSafety;
import org.cloudbilling.core.io.internal.RowSource;
import org.cloudbilling.core.money.Money;
import org.cloudbilling.core.time.BillingMonth;

/**
 * Streams the records of one reconciliation list; it holds one row at a time. {@link #next()} throws a
 * {@link BillingInputException} naming line, column, value and reason for a row it cannot read; reading may go
 * on with the next row. Not thread-safe: one reader per input.
 *
 * @param <T> the record type
 */
final class RecordReader<T> implements Iterator<T>, Closeable {
    private final RowSource<T> rows;

    RecordReader(Reader reader, String source, List<String> columns, FormulaGuard guard, Function<Cells, T> parse) {
        requireNonNull(source, "source");
        requireNonNull(guard, "guard");
        requireNonNull(parse, "parse");
        this.rows = RowSource.open(
                reader,
                source,
                (header, line) -> RowSource.requireExactly(
                        header, columns, "the header is not the list's (RECON-2)", "expected the order", source, line),
                cells -> parse.apply(new Cells(cells, source, line(), columns, guard)));
    }

    @Override
    public boolean hasNext() {
        return rows.hasNext();
    }

    /**
     * Returns the next record.
     *
     * @throws BillingInputException if the row cannot be read
     * @throws NoSuchElementException at the end of the input
     */
    @Override
    public T next() {
        return rows.next();
    }

    /** Returns the line the row last returned (or refused) by {@link #next()} starts on. */
    public long line() {
        return rows.line();
    }

    /**
     * Reads the remaining records.
     *
     * @param onError stop at the first bad row, or collect every bad row, not null
     * @return the records and problems, never null
     * @throws BillingInputException at the first bad row with {@link OnError#FAIL}, or if the CSV is malformed
     */
    public ReadResult<T> readAll(OnError onError) {
        return rows.readAll(onError, Function.identity());
    }

    /** Closes the underlying reader. */
    @Override
    public void close() {
        rows.close();
    }

    /** The cells of one row, each read with its problems collected. */
    static final class Cells {
        private final String[] cells;
        private final String source;
        private final long rowLine;
        private final List<String> columns;
        private final FormulaGuard guard;
        private final List<InputProblem> problems = new ArrayList<>();

        private Cells(String[] cells, String source, long rowLine, List<String> columns, FormulaGuard guard) {
            this.cells = cells;
            this.source = source;
            this.rowLine = rowLine;
            this.columns = columns;
            this.guard = guard;
        }

        String text(int i) {
            return guard == FormulaGuard.ON ? CsvSafety.restore(cells[i]) : cells[i];
        }

        BigDecimal decimal(int i) {
            return parse(i, Money::parseAmount);
        }

        BillingMonth month(int i) {
            return parse(i, BillingMonth::parse);
        }

        /** Returns the parsed cell, or null after recording why it cannot be read. */
        <V> V parse(int i, Function<String, V> parser) {
            try {
                return parser.apply(cells[i]);
            } catch (IllegalArgumentException e) {
                problems.add(InputProblem.ofCell(source, rowLine, i + 1, columns.get(i), cells[i], e.getMessage()));
                return null;
            }
        }

        <R> R build(Supplier<R> record) {
            if (!problems.isEmpty()) {
                throw new BillingInputException(problems);
            }
            try {
                return record.get();
            } catch (IllegalArgumentException e) {
                throw new BillingInputException(InputProblem.ofLine(source, rowLine, e.getMessage()));
            }
        }
    }
}
