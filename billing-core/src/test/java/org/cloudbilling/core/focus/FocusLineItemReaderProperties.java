package org.cloudbilling.core.focus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cloudbilling.core.io.FastPathComparison.delete;
import static org.cloudbilling.core.io.FastPathComparison.file;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.cloudbilling.core.bill.LineItem;
import org.cloudbilling.core.io.BillingInputException;
import org.cloudbilling.core.io.FastPathComparison;
import org.cloudbilling.core.io.FormulaGuard;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * FOCUS-8, import: the file-order reader of a FOCUS CSV file from its bytes ({@link FocusCsv#lineItemReader}, parts
 * read on several threads, items made from the cells) gives, row by row, exactly what the plain reader
 * ({@link FocusCsvReader#nextLineItem} on the same bytes) gives: the same items in the same order (every field,
 * every scale, the attributes' order, the {@code line-N} id of a row without one), the same refusal for each bad row
 * (line, column, value, reason) with reading going on after it, and the same end, whatever the number of threads and
 * wherever the file is cut; on the library's own exports (FOCUS 1.0 and 1.2, guarded or not), on a provider's rows,
 * on spoiled files (the spoilers of {@link FocusCsvFastPathProperties}), on refused or odd headers, and on the real
 * FOCUS 1.0 sample.
 */
@Tag("FOCUS-8")
class FocusLineItemReaderProperties {
    /** What a reader gives, row by row: an item (as its text), or a refusal; then how reading ended. */
    private static List<String> outcomes(Iterator<LineItem> in, Runnable close) {
        List<String> out = new ArrayList<>();
        try {
            while (out.size() < 10_000) {
                try {
                    if (!in.hasNext()) {
                        out.add("end");
                        return out;
                    }
                    LineItem item = in.next();
                    out.add(item.toString());
                } catch (BillingInputException e) {
                    out.add("refused " + e.problems());
                    if (isFatal(e)) {
                        return out;
                    }
                }
            }
            return out;
        } catch (RuntimeException e) {
            out.add("failed " + e);
            return out;
        } finally {
            close.run();
        }
    }

    /** A refusal that ends the reading: the text or the CSV itself is malformed. */
    private static boolean isFatal(BillingInputException e) {
        String reason = e.problems().get(0).reason();
        return reason.startsWith("the text is not valid") || reason.startsWith("the CSV is malformed");
    }

    /** The plain reader's outcomes on the file's bytes. */
    static List<String> plain(Path file, FormulaGuard guard) {
        FocusCsvReader r;
        try {
            InputStream in = Files.newInputStream(file);
            r = FocusCsv.reader(in, StandardCharsets.UTF_8, file.toString(), guard);
        } catch (BillingInputException e) {
            return List.of("refused " + e.problems());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        FocusCsvReader reader = r;
        return outcomes(
                new Iterator<>() {
                    @Override
                    public boolean hasNext() {
                        return reader.hasNext();
                    }

                    @Override
                    public LineItem next() {
                        return reader.nextLineItem();
                    }
                },
                reader::close);
    }

    /** The file-order reader's outcomes. */
    static List<String> fast(Path file, FormulaGuard guard, int threads, int partSize) {
        FocusLineItemReader r;
        try {
            r = FocusCsv.lineItemReader(file, StandardCharsets.UTF_8, guard, threads, partSize);
        } catch (BillingInputException e) {
            return List.of("refused " + e.problems());
        }
        return outcomes(r, r::close);
    }

    @Test
    void reader_givesThePlainReadersItemsInOrder_whateverTheThreadsAndCuts() {
        FocusCsvFastPathProperties.exports(80).checkAssert((items, threads, partSize, kind) -> {
            FocusVersion version = FocusCsvFastPathProperties.version(kind);
            FormulaGuard guard = FocusCsvFastPathProperties.guard(kind);
            String text = FocusCsvFastPathProperties.csv(items, kind);
            Path file = file(text.getBytes(StandardCharsets.UTF_8));
            try {
                List<String> expected = plain(file, guard);
                assertThat(expected).hasSize(items.size() + 1).endsWith("end");
                assertThat(fast(file, guard, threads, partSize)).isEqualTo(expected);
                // and the items themselves equal, not only their text
                List<LineItem> got = new ArrayList<>();
                try (FocusLineItemReader in =
                        FocusCsv.lineItemReader(file, StandardCharsets.UTF_8, guard, threads, partSize)) {
                    in.forEachRemaining(got::add);
                    assertThat(in.version()).isEqualTo(version);
                }
                assertThat(got)
                        .isEqualTo(FocusCsv.collect(
                                file, StandardCharsets.UTF_8, guard, java.util.stream.Collectors.toList(), 1, 1 << 20));
            } finally {
                delete(file);
            }
        });
    }

    @Test
    void reader_refusesEachBadRowAsThePlainReader_andReadsOn() {
        FocusCsvFastPathProperties.spoiledExports(200).checkAssert((items, spoilers, threads, partSize) -> {
            // a provider's rows, without ids, when partSize is a multiple of 3
            Path file = FocusCsvFastPathProperties.spoiledFile(items, spoilers, partSize, true);
            try {
                List<String> plain = plain(file, FormulaGuard.ON);
                List<String> fast = fast(file, FormulaGuard.ON, threads, partSize);
                String last = plain.get(plain.size() - 1);
                if (last.startsWith("refused") && last.contains("the text is not valid")) {
                    // the plain reader's parser reads ahead, so a byte that is not UTF-8 may stop it a few
                    // rows earlier: the same refusal, after the same rows and maybe a few more
                    assertThat(fast.get(fast.size() - 1))
                            .as("spoiled by %s", spoilers)
                            .isEqualTo(last);
                    assertThat(fast.subList(0, plain.size() - 1))
                            .as("spoiled by %s", spoilers)
                            .isEqualTo(plain.subList(0, plain.size() - 1));
                } else {
                    assertThat(fast).as("spoiled by %s", spoilers).isEqualTo(plain);
                }
            } finally {
                delete(file);
            }
        });
    }

    @Test
    void reader_rowTooWideWithAByteNotUtf8_isRefusedAsNotUtf8_asThePlainReader() throws IOException {
        // found by the property above: a row too wide was refused for its width and the reading went on, where the
        // plain reader, decoding first, refuses the file for the byte
        String text = FocusCsvFastPathProperties.sample().replace("\r\n", "\n");
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        lines.set(4, lines.get(4) + ",extra\u0000"); // the NUL becomes the stray byte E9
        Path file = file(FastPathComparison.joinedWithStrayBytes(lines));
        try {
            List<String> plain = plain(file, FormulaGuard.OFF);
            String refusal = plain.get(plain.size() - 1);
            assertThat(refusal).contains(":5:").contains("the text is not valid UTF-8");
            for (int threads = 1; threads <= 2; threads++) {
                for (int partSize : new int[] {997, 16 << 20}) {
                    List<String> fast = fast(file, FormulaGuard.OFF, threads, partSize);
                    assertThat(fast.get(fast.size() - 1)).isEqualTo(refusal);
                    assertThat(fast.subList(0, plain.size() - 1)).isEqualTo(plain.subList(0, plain.size() - 1));
                }
            }
        } finally {
            delete(file);
        }
    }

    @Test
    void reader_onTheRealFocusSample_givesThePlainReadersItems() throws IOException {
        String text = FocusCsvFastPathProperties.sample();
        Path file = file(text.getBytes(StandardCharsets.UTF_8));
        try {
            List<String> expected = plain(file, FormulaGuard.OFF);
            assertThat(expected).hasSize(1001);
            for (int threads = 1; threads <= 2; threads++) {
                for (int partSize : new int[] {997, 65_536, 16 << 20}) {
                    assertThat(fast(file, FormulaGuard.OFF, threads, partSize)).isEqualTo(expected);
                }
            }
            // without its Id column, every row is named by its line
            String noIds = text.replace("\"Id\",", "\"NotId\",");
            Path renamed = file(noIds.getBytes(StandardCharsets.UTF_8));
            try {
                List<String> byLine = plain(renamed, FormulaGuard.OFF);
                assertThat(byLine.get(1)).contains("line-3");
                assertThat(fast(renamed, FormulaGuard.OFF, 2, 4096)).isEqualTo(byLine);
            } finally {
                delete(renamed);
            }
        } finally {
            delete(file);
        }
    }

    @Test
    void reader_headersRefusedOrOdd_otherCharset_asThePlainReader() throws IOException {
        String text = FocusCsvFastPathProperties.sample();
        int eol = text.indexOf('\n');
        String header = text.substring(0, eol).replace("\"", "");
        String rows = text.substring(eol);
        List<String> variants = new ArrayList<>(FocusCsvFastPathProperties.headersRefusedOrOdd(header, rows));
        variants.add("\uFEFF" + text); // a byte order mark: the plain reader throughout
        variants.add(text.replace("\n", "\r\n"));
        for (String variant : variants) {
            Path file = file(variant.getBytes(StandardCharsets.UTF_8));
            try {
                List<String> expected = plain(file, FormulaGuard.OFF);
                assertThat(fast(file, FormulaGuard.OFF, 2, 4096))
                        .as(variant.substring(0, 60))
                        .isEqualTo(expected);
            } finally {
                delete(file);
            }
        }
        Path latin = file(text.getBytes(StandardCharsets.ISO_8859_1));
        try {
            FocusLineItemReader in =
                    FocusCsv.lineItemReader(latin, StandardCharsets.ISO_8859_1, FormulaGuard.OFF, 2, 4096);
            List<String> got = outcomes(in, in::close);
            FocusCsvReader r = FocusCsv.reader(
                    Files.newInputStream(latin), StandardCharsets.ISO_8859_1, latin.toString(), FormulaGuard.OFF);
            List<String> expected = new ArrayList<>();
            try (r) {
                while (r.hasNext()) {
                    expected.add(r.nextLineItem().toString());
                }
            }
            expected.add("end");
            assertThat(got).isEqualTo(expected).hasSize(1001);
        } finally {
            delete(latin);
        }
    }
}
