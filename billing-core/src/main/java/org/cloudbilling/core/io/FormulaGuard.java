package org.cloudbilling.core.io;

import static java.util.Objects.requireNonNull;

import org.cloudbilling.core.io.internal.CsvSafety;

/**
 * Whether text cells carry the guard against spreadsheet formulas (OWASP's CSV injection): writers add it, readers
 * of the project's own exports remove it. The guard is a leading single quote on a text cell that a spreadsheet
 * would run as a formula (one starting with {@code =}, {@code @}, a tab, a carriage return, a quote, or a sign that
 * does not start a plain number), so it is reversible:
 *
 * <pre>{@code
 * FormulaGuard.ON.guard("=HYPERLINK(\"http://x\")");   // "'=HYPERLINK(\"http://x\")"
 * FormulaGuard.ON.guard("-1.5");                        // "-1.5"
 * FormulaGuard.ON.unguard(FormulaGuard.ON.guard(s));    // s, for every s
 * }</pre>
 */
public enum FormulaGuard {
    /** Text cells are written, or read, exactly. */
    OFF,
    /** Text cells are guarded on writing, and the guard is removed on reading. */
    ON;

    /**
     * Returns a text cell as this guard writes it: unchanged when {@link #OFF}, with a leading {@code '} when
     * {@link #ON} and a spreadsheet would run it as a formula (or it starts with {@code '}).
     *
     * @param text the cell's text, not null
     * @return the cell to write, never null
     */
    public String guard(String text) {
        requireNonNull(text, "text");
        return this == ON ? CsvSafety.neutralize(text) : text;
    }

    /**
     * Reverses {@link #guard}: unchanged when {@link #OFF}; one leading {@code '} removed when {@link #ON}.
     *
     * @param cell a cell written with this guard, not null
     * @return the cell's text, never null
     */
    public String unguard(String cell) {
        requireNonNull(cell, "cell");
        return this == ON ? CsvSafety.restore(cell) : cell;
    }
}
