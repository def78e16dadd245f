package org.cloudbilling.allocation.json;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/**
 * Near misses in a rule set document: the accepted word a misspelt one most likely meant, for "did you mean"
 * in a problem's message.
 */
final class DidYouMean {
    /** The largest edit distance still taken for a misspelling. */
    private static final int MAX_DISTANCE = 2;

    private DidYouMean() {}

    /**
     * Returns the candidate {@code given} most likely means: one equal to it but for case and the separators
     * {@code _}, {@code -} and blanks; else the nearest within two edits (ignoring case) when {@code given} is
     * longer than twice that distance; the first such candidate wins a tie.
     */
    static Optional<String> suggest(String given, Collection<String> candidates) {
        String g = normal(given);
        for (String c : candidates) {
            if (normal(c).equals(g)) {
                return Optional.of(c);
            }
        }
        String best = null;
        int bestDistance = MAX_DISTANCE + 1;
        for (String c : candidates) {
            int d = distance(given.toUpperCase(Locale.ROOT), c.toUpperCase(Locale.ROOT), bestDistance);
            if (d < bestDistance && given.length() > 2 * d) {
                best = c;
                bestDistance = d;
            }
        }
        return Optional.ofNullable(best);
    }

    private static String normal(String s) {
        return s.replaceAll("[_\\-\\s]", "").toUpperCase(Locale.ROOT);
    }

    /** The Levenshtein distance of a and b, or {@code limit} when it is at least that. */
    static int distance(String a, String b, int limit) {
        if (Math.abs(a.length() - b.length()) >= limit) {
            return limit;
        }
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            int rowMin = current[0];
            for (int j = 1; j <= b.length(); j++) {
                int substitute = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitute, Math.min(previous[j], current[j - 1]) + 1);
                rowMin = Math.min(rowMin, current[j]);
            }
            if (rowMin >= limit) {
                return limit;
            }
            int[] t = previous;
            previous = current;
            current = t;
        }
        return Math.min(previous[b.length()], limit);
    }
}
