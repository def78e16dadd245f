package org.cloudbilling.core.focus;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * One way a FOCUS dataset breaks a FOCUS rule: the rule's ID, where (source, line, column) and why.
 *
 * <p>{@code toString()} reads {@code export.csv:3 (ChargeClass) FOCUS-4: 'Corrected' is not Correction or null}.
 *
 * @param rule the rule's ID, such as {@code FOCUS-4}, not null
 * @param source the file or stream name, not null
 * @param line the 1-based line of the row, 1 for the header, 0 for the dataset as a whole
 * @param column the column's header, or null when the violation concerns a whole row or the dataset
 * @param value the cell as written, or null
 * @param reason what is wrong, not null
 */
public record FocusViolation(String rule, String source, long line, String column, String value, String reason) {

    /** Checks the components; {@code column} and {@code value} may be null. */
    public FocusViolation {
        requireNonNull(rule, "rule");
        requireNonNull(source, "source");
        requireNonNull(reason, "reason");
    }

    /** Returns the column's header, when the violation concerns one cell. */
    public Optional<String> columnName() {
        return Optional.ofNullable(column);
    }

    @Override
    public String toString() {
        return source + (line > 0 ? ":" + line : "") + (column == null ? "" : " (" + column + ")") + " " + rule + ": "
                + reason;
    }
}
