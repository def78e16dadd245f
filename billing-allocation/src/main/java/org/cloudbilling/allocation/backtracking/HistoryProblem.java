package org.cloudbilling.allocation.backtracking;

/**
 * A value of a history that breaks a rule of its type, with where it is relative to the value checked (such as
 * {@code lines[3].amount} in a {@link MonthVersion}), so that {@link HistoryJson} can name the full JSON path.
 */
final class HistoryProblem extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String field;
    private final String reason;

    HistoryProblem(String field, String reason) {
        super(field + ": " + reason);
        this.field = field;
        this.reason = reason;
    }

    /** The path of the bad value relative to the value checked, without a leading dot: {@code lines[3].amount}. */
    String field() {
        return field;
    }

    /** Why it is refused. */
    String reason() {
        return reason;
    }
}
