package org.cloudbilling.core.io;

/**
 * Whether text cells carry the {@link CsvSafety} guard against spreadsheet formulas: writers add it, readers of
 * the project's own exports remove it.
 */
public enum FormulaGuard {
    /** Text cells are written, or read, exactly. */
    OFF,
    /** Text cells are guarded on writing, and the guard is removed on reading. */
    ON
}
