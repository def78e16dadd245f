package org.cloudbilling.core.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.cloudbilling.core.bill.LineItem;
import org.cloudbilling.core.consolidation.Rollup;
import org.cloudbilling.core.consolidation.Totals;
import org.cloudbilling.core.id.LineItemId;
import org.cloudbilling.core.id.TagKey;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;
import org.quicktheories.generators.SourceDSL;

/**
 * The harness the fast-path properties share to compare a byte fast path with the plain reader: the input as a
 * temporary file, and what consolidating gives worded so that two outcomes compare as text, every amount with its
 * scale ({@link Totals#equals} compares values only); and the items both read, with odd text in tags and ids.
 */
public final class FastPathComparison {
    private FastPathComparison() {}

    /**
     * The lines joined by line feeds, in UTF-8, each NUL byte (where a spoiler marked a byte that is not UTF-8) made
     * {@code E9}, ISO-8859-1's {@code é}, which is not UTF-8.
     */
    public static byte[] joinedWithStrayBytes(List<String> lines) {
        byte[] bytes = String.join("\n", lines).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                bytes[i] = (byte) 0xE9;
            }
        }
        return bytes;
    }

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

    /**
     * Every group's key and totals, amounts and quantities with their scale: equal renderings are equal to the last
     * decimal.
     */
    public static List<String> exactly(Rollup rollup) {
        List<String> out = new java.util.ArrayList<>();
        for (Map.Entry<org.cloudbilling.core.consolidation.GroupKey, Totals> e :
                rollup.groups().entrySet()) {
            Totals t = e.getValue();
            out.add(e.getKey().values() + " " + e.getKey().currency() + " count " + t.itemCount() + " list "
                    + t.listCost().amount().toPlainString() + " billed "
                    + t.totalCost().amount().toPlainString()
                    + " effective " + t.effectiveCost().amount().toPlainString() + " contracted "
                    + t.contractedCost().amount().toPlainString() + " consumed "
                    + t.consumedQuantity()
                            .map(java.math.BigDecimal::toPlainString)
                            .orElse("-") + " pricing "
                    + t.pricingQuantity()
                            .map(java.math.BigDecimal::toPlainString)
                            .orElse("-"));
        }
        return out;
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

    /**
     * Items from {@code base}, three in ten with one more tag whose key and value are picked from {@code odd}, and
     * two in ten with a piece of {@code odd} text appended to the id.
     */
    public static Gen<LineItem> withOddTagsAndIds(Gen<LineItem> base, List<String> odd) {
        Gen<String> text = Generate.pick(odd);
        Gen<Integer> dice = SourceDSL.integers().between(0, 9);
        return in -> {
            LineItem item = base.generate(in);
            LineItem.Builder b = LineItem.builder().from(item);
            if (dice.generate(in) < 3) {
                Map<TagKey, String> tags = new LinkedHashMap<>(item.tags());
                tags.put(TagKey.of(text.generate(in)), text.generate(in));
                b.tags(tags);
            }
            if (dice.generate(in) < 2) {
                b.id(LineItemId.of(item.id().value() + text.generate(in)));
            }
            return b.build();
        };
    }
}
