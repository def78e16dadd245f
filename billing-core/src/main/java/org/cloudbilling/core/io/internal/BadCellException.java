package org.cloudbilling.core.io.internal;

/**
 * A value of one named column that the mapping of a row to its line item refuses (a FOCUS cost with more decimals than
 * money holds, an extra amount or time that does not read): an {@link IllegalArgumentException} whose message names
 * the column, for a caller of the mapping; a reader reports it as a problem of its cell, from {@link #column()},
 * {@link #value()} and {@link #reason()}, as it reports a cell it cannot read.
 */
public final class BadCellException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String column;
    private final String value;
    private final String reason;

    /**
     * @param message the message, naming the column
     * @param column the column's name, as the header gives it
     * @param value the value refused, as text
     * @param reason why, without the column
     * @param cause the refusal's cause, or null
     */
    public BadCellException(String message, String column, String value, String reason, Throwable cause) {
        super(message, cause);
        this.column = column;
        this.value = value;
        this.reason = reason;
    }

    /** The column's name, as the header gives it. */
    public String column() {
        return column;
    }

    /** The value refused, as text. */
    public String value() {
        return value;
    }

    /** Why, without the column. */
    public String reason() {
        return reason;
    }
}
