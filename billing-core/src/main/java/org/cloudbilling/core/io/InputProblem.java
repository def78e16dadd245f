package org.cloudbilling.core.io;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * One thing wrong with an input: where (source, line, column) and why, with the offending value.
 *
 * <p>{@code toString()} reads {@code september.csv:12:23 (totalCost): amount '1,5' is not a decimal number}.
 */
public final class InputProblem {
    private final String source;
    private final long line;
    private final int column;
    private final String columnName;
    private final String value;
    private final String reason;

    private InputProblem(String source, long line, int column, String columnName, String value, String reason) {
        this.source = requireNonNull(source, "source");
        this.line = line;
        this.column = column;
        this.columnName = columnName;
        this.value = value;
        this.reason = requireNonNull(reason, "reason");
    }

    /**
     * Returns a problem with a cell.
     *
     * @param source the file or stream name, not null
     * @param line the 1-based line the row starts on
     * @param column the 1-based column
     * @param columnName the column's header, not null
     * @param value the cell as read, not null
     * @param reason why it cannot be read, not null
     * @return the problem, never null
     */
    public static InputProblem ofCell(
            String source, long line, int column, String columnName, String value, String reason) {
        return new InputProblem(source, line, column, requireNonNull(columnName), requireNonNull(value), reason);
    }

    /**
     * Returns a problem with a whole row or the whole input.
     *
     * @param source the file or stream name, not null
     * @param line the 1-based line, or 0 for the input as a whole
     * @param reason what is wrong, not null
     * @return the problem, never null
     */
    public static InputProblem ofLine(String source, long line, String reason) {
        return new InputProblem(source, line, 0, null, null, reason);
    }

    /**
     * Returns a problem at a place in the text, such as a byte sequence that cannot be decoded (IO-1):
     * {@code toString()} reads {@code bill.csv:2:41: reason}.
     *
     * @param source the file or stream name, not null
     * @param line the 1-based line
     * @param column the 1-based character on the line (not a CSV column)
     * @param reason what is wrong, not null
     * @return the problem, never null
     */
    public static InputProblem at(String source, long line, int column, String reason) {
        return new InputProblem(source, line, column, null, null, reason);
    }

    /** Returns the file or stream name, never null. */
    public String source() {
        return source;
    }

    /** Returns the 1-based line, 0 when the problem concerns the input as a whole. */
    public long line() {
        return line;
    }

    /**
     * Returns the 1-based column, 0 when the problem concerns a whole row; for a problem made by {@link #at}, the
     * 1-based character on the line.
     */
    public int column() {
        return column;
    }

    /** Returns the column's header, when the problem is with one cell. */
    public Optional<String> columnName() {
        return Optional.ofNullable(columnName);
    }

    /** Returns the cell as read, when the problem is with one cell. */
    public Optional<String> value() {
        return Optional.ofNullable(value);
    }

    /** Returns why the input cannot be read, never null. */
    public String reason() {
        return reason;
    }

    /** Returns this problem {@code lines} further down the input: for a part of an input read apart. */
    public InputProblem movedDown(long lines) {
        return lines == 0 ? this : new InputProblem(source, line + lines, column, columnName, value, reason);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder(source);
        if (line > 0) {
            s.append(':').append(line);
        }
        if (column > 0) {
            s.append(':').append(column);
            if (columnName != null) {
                s.append(" (").append(columnName).append(')');
            }
        }
        return s.append(": ").append(reason).toString();
    }
}
