package org.cloudbilling.core.io.internal;

import static java.util.Objects.requireNonNull;

/**
 * Guards CSV exports against formula injection, as OWASP describes it: a text cell that a spreadsheet would run
 * as a formula gets a leading single quote. The guard is reversible, so the project's own readers give back the
 * exact text.
 *
 * <pre>{@code
 * CsvSafety.neutralize("=HYPERLINK(\"http://x\")");   // "'=HYPERLINK(\"http://x\")"
 * CsvSafety.neutralize("web");                        // "web"
 * CsvSafety.restore(CsvSafety.neutralize(s));         // s, for every s
 * }</pre>
 *
 * <p>Only text columns pass through it; numeric columns are written as they are, and so is a text cell that is a
 * plain number such as {@code -1.5} (a spreadsheet reads it as that number, not as a formula).
 */
public final class CsvSafety {
    private CsvSafety() {}

    /**
     * Returns {@code text} safe to open in a spreadsheet: prefixed with {@code '} when it is not a plain number and starts with {@code =},
     * {@code +}, {@code -}, {@code @}, a tab or a carriage return, or with {@code '} itself (so that {@link
     * #restore} is exact).
     *
     * @param text the cell, not null
     * @return the guarded cell, never null
     */
    public static String neutralize(String text) {
        requireNonNull(text, "text");
        return needsGuard(text) ? "'" + text : text;
    }

    /**
     * Reverses {@link #neutralize}: removes one leading {@code '}.
     *
     * @param cell a cell written by {@link #neutralize}, not null
     * @return the original text, never null
     */
    public static String restore(String cell) {
        requireNonNull(cell, "cell");
        return cell.startsWith("'") ? cell.substring(1) : cell;
    }

    private static boolean needsGuard(String text) {
        if (text.isEmpty()) {
            return false;
        }
        char c = text.charAt(0);
        if (c == '+' || c == '-') {
            return !isPlainNumber(text); // -1.5 is a number to a spreadsheet, not a formula: numbers stay as they are
        }
        return c == '=' || c == '@' || c == '\t' || c == '\r' || c == '\'';
    }

    /** Whether {@code text} is a sign, digits, and optionally a point and digits: {@code [-+]?[0-9]+(\.[0-9]+)?}. */
    private static boolean isPlainNumber(String text) {
        int n = text.length();
        int i = text.charAt(0) == '-' || text.charAt(0) == '+' ? 1 : 0;
        int digits = 0;
        while (i < n && isDigit(text.charAt(i))) {
            i++;
            digits++;
        }
        if (digits == 0) {
            return false;
        }
        if (i == n) {
            return true;
        }
        if (text.charAt(i) != '.') {
            return false;
        }
        i++;
        int decimals = 0;
        while (i < n && isDigit(text.charAt(i))) {
            i++;
            decimals++;
        }
        return decimals > 0 && i == n;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
