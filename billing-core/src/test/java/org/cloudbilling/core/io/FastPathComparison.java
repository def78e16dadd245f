package org.cloudbilling.core.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;
import org.cloudbilling.core.consolidation.Rollup;
import org.cloudbilling.core.consolidation.Totals;

/**
 * The harness the fast-path properties share to compare a byte fast path with the plain reader: the input as a
 * temporary file, and what consolidating gives worded so that two outcomes compare as text, every amount with its
 * scale ({@link Totals#equals} compares values only).
 */
public final class FastPathComparison {
    private FastPathComparison() {}

    /** Writes {@code bytes} to a new temporary file. */
    public static Path file(byte[] bytes) {
        try {
            Path p = Files.createTempFile("fast-path", ".csv");
            Files.write(p, bytes);
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes a file {@link #file} made. */
    public static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every group's key and totals, every amount with its scale. */
    public static String described(Rollup rollup) {
        StringBuilder out = new StringBuilder();
        rollup.groups()
                .forEach((key, totals) ->
                        out.append(key).append(" = ").append(totals).append('\n'));
        return out.toString();
    }

    /** What consolidating gives: the roll-up described, or the refusal or failure, worded. */
    public static String outcome(Supplier<Rollup> consolidation) {
        try {
            return described(consolidation.get());
        } catch (BillingInputException e) {
            return "refused " + e.problems();
        } catch (RuntimeException e) {
            return "failed " + e;
        }
    }
}
