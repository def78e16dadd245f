package org.cloudbilling.core.io.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * IO-1 and FOCUS-8: the row cutter of the byte fast paths ({@link CsvByteRows}), which reads a quoted cell 8 bytes at a
 * time, cuts every row exactly as a plain byte-at-a-time cutter does (the reference below; a cutter that finds the
 * commas of unquoted cells from one mask per 8 bytes was checked against it too, and not kept: no faster; an empty
 * unquoted cell before a comma is taken without a scan): the same cells, quoted or not, the same notes on the row (bytes
 * past ASCII, a cell starting with {@code '}, the empty cells), the same lines, and it stops at the same row for
 * what it cannot cut with certainty (a quote inside an unquoted cell, text after a closing quote, a lone CR, an
 * unclosed quote); cells compared by their bytes (their offsets are the buffer's); on rows with quotes, CRLF, multibyte UTF-8, runs of {@code -} and blanks, and at any buffer
 * boundary.
 */
@Tag("FOCUS-8")
@Tag("IO-1")
class CsvByteRowsProperties {
    /** Cells: empty, short and long plain text, odd bytes, quoted cells with commas, quotes and line breaks. */
    private static final List<String> CELLS = List.of(
            "",
            "a",
            "NULL",
            "12.5",
            "-0.000001",
            "--",
            "2024-09-01T00:00:00Z",
            "Tencent Cloud",
            "ap-guangzhou-3",
            "abcdefghijklmnopqrstuvwxyz0123456789",
            "équipe",
            "名前",
            "x€y",
            "'guarded",
            "a'b",
            "=SUM(A1)",
            "a+b*c(d)",
            "\"\"",
            "\"a,b\"",
            "\"say \"\"hi\"\"\"",
            "\"line\nbreak\"",
            "\"cr\r\nlf\"",
            "\"'quoted\"",
            "\"{\"\"team\"\":\"\"web\"\",\"\"env\"\":\"\"prod\"\"}\"",
            "\"名前, équipe\"",
            "a\"b", // a quote inside an unquoted cell: stops
            "\"a\"b", // text after a closing quote: stops
            "a\rb", // a lone CR: stops
            "\t",
            " ");

    private static Gen<String> rows() {
        Gen<String> cell = integers().between(0, CELLS.size() - 1).map(CELLS::get);
        Gen<String> row = lists().of(cell).ofSizeBetween(1, 40).map(cells -> String.join(",", cells));
        Gen<String> end = integers().between(0, 9).map(k -> k == 0 ? "\r\n" : "\n");
        return lists().of(row.zip(end, (r, e) -> r + e))
                .ofSizeBetween(1, 30)
                .zip(integers().between(0, 3), (rows, last) -> {
                    String text = String.join("", rows);
                    // sometimes the last row has no line break, or the file ends in an unclosed quote
                    return last == 0 ? text.substring(0, text.length() - 1) : last == 1 ? text + "\"open" : text;
                });
    }

    @Test
    void cut_isWhatAByteAtATimeCutterCuts() {
        qt().withExamples(3000).forAll(rows()).checkAssert(text -> {
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            assertThat(cut(bytes)).isEqualTo(Reference.cut(bytes));
        });
    }

    @Test
    void cut_isWhatAByteAtATimeCutterCuts_acrossBufferBoundaries() {
        // files past the first buffer (64 KiB): rows are cut again after the buffer is refilled
        qt().withExamples(60).forAll(rows()).checkAssert(text -> {
            StringBuilder big = new StringBuilder();
            String whole = text.endsWith("\n") ? text : text + "\n";
            whole = whole.replace("\"open", "");
            while (big.length() < 150_000) {
                big.append(whole);
            }
            big.append(text);
            byte[] bytes = big.toString().getBytes(StandardCharsets.UTF_8);
            assertThat(cut(bytes)).isEqualTo(Reference.cut(bytes));
        });
    }

    @Test
    void cut_ofAPlainRow_hasItsCells() {
        byte[] bytes = "a,,'b,\"c,d\",-1,é\r\n".getBytes(StandardCharsets.UTF_8);
        List<String> got = cut(bytes);
        assertThat(got)
                .containsExactly(
                        "row line=0 cells=[[a], [], ['b], q[\"c,d\"], [-1], [é]] nonAscii=true guardLike=true empty=2",
                        "part end=19 lines=1 stopped=false");
    }

    /**
     * FOCUS-8: {@link CsvByteRows#fixedEpochSecond}, which keeps the date of the last time of each column (modulo 8)
     * and reads only the time of day for a cell of the same date, gives for every cell what a plain reading gives
     * ({@link #plainEpochSecond}), whatever came before it: rows of times whose dates repeat, change, share a slot
     * (columns 0 and 8), are invalid (February 29th of 2023, month 13, hour 24) or of another form, or quoted.
     */
    @Test
    void fixedEpochSecond_isWhatAPlainReadingGives_whateverTheTimesBefore() {
        List<String> dates = List.of(
                "2024-09-05",
                "2024-09-06",
                "2024-02-29",
                "2023-02-29",
                "2024-13-01",
                "2024-00-10",
                "0001-01-01",
                "9998-12-31",
                "9999-01-01",
                "0000-12-31",
                "2024-04-31",
                "2024-09-3x",
                "2024/09/05");
        List<String> times =
                List.of("00:00:00", "23:59:59", "24:00:00", "12:60:00", "12:00:60", "07:0a:00", "07-00:00");
        Gen<String> time = integers()
                .between(0, dates.size() - 1)
                .zip(integers().between(0, times.size() - 1), integers().between(0, 19), (d, t, form) -> {
                    String text = dates.get(d) + "T" + times.get(t) + "Z";
                    return form == 0 ? "\"" + text + "\"" : form == 1 ? text.replace("Z", "+") : text;
                });
        Gen<String> row = lists().of(time).ofSizeBetween(1, 12).map(cells -> String.join(",", cells));
        qt().withExamples(600).forAll(lists().of(row).ofSizeBetween(1, 40)).checkAssert(rowsOf -> {
            byte[] bytes = (String.join("\n", rowsOf) + "\n").getBytes(StandardCharsets.US_ASCII);
            List<String> got = new ArrayList<>();
            List<String> expected = new ArrayList<>();
            withCutter(bytes, cutter -> {
                for (int k = 0; k < cutter.cells(); k++) {
                    long second = cutter.fixedEpochSecond(k);
                    got.add(second == CsvByteRows.NO_TIME ? "none" : Long.toString(second));
                    expected.add(cutter.quoted[k] ? "none" : plainEpochSecond(cutter.text(k)));
                }
            });
            assertThat(got).isEqualTo(expected);
        });
    }

    /** The seconds of a time of the form 2024-09-01T00:00:00Z in the years 1 to 9998 by java.time, else "none". */
    private static String plainEpochSecond(String text) {
        if (!text.matches("[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z")) {
            return "none";
        }
        try {
            java.time.LocalDateTime t = java.time.LocalDateTime.of(
                    Integer.parseInt(text.substring(0, 4)),
                    Integer.parseInt(text.substring(5, 7)),
                    Integer.parseInt(text.substring(8, 10)),
                    Integer.parseInt(text.substring(11, 13)),
                    Integer.parseInt(text.substring(14, 16)),
                    Integer.parseInt(text.substring(17, 19)));
            if (t.getYear() < 1 || t.getYear() > 9998) {
                return "none";
            }
            return Long.toString(t.toEpochSecond(java.time.ZoneOffset.UTC));
        } catch (java.time.DateTimeException e) {
            return "none";
        }
    }

    /** Cuts {@code bytes} as one part, handing each row's cutter to {@code check}. */
    private static void withCutter(byte[] bytes, java.util.function.Consumer<CsvByteRows> check) {
        try {
            Path file = Files.createTempFile("times", ".csv");
            try {
                Files.write(file, bytes);
                CsvByteRows cutter = new CsvByteRows(file.toString());
                try (FileChannel channel = FileChannel.open(file)) {
                    CsvByteRows.Part part = cutter.read(channel, bytes.length, 0, bytes.length, 0, line -> {
                        check.accept(cutter);
                        return true;
                    });
                    assertThat(part.stopped).isFalse();
                }
            } finally {
                Files.delete(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The rows {@link CsvByteRows} cuts from {@code bytes} as one part, described, and where it ended. */
    private static List<String> cut(byte[] bytes) {
        try {
            Path file = Files.createTempFile("rows", ".csv");
            try {
                Files.write(file, bytes);
                List<String> rows = new ArrayList<>();
                CsvByteRows cutter = new CsvByteRows(file.toString());
                try (FileChannel channel = FileChannel.open(file)) {
                    CsvByteRows.Part part = cutter.read(channel, bytes.length, 0, bytes.length, 0, line -> {
                        int[] starts = Arrays.copyOf(cutter.starts, cutter.cells());
                        int[] ends = Arrays.copyOf(cutter.ends, cutter.cells());
                        boolean[] quoted = Arrays.copyOf(cutter.quoted, cutter.cells());
                        rows.add(Reference.row(
                                cutter.buf(),
                                line,
                                starts,
                                ends,
                                quoted,
                                cutter.nonAscii(),
                                cutter.guardLike(),
                                cutter.emptyMask()));
                        return true;
                    });
                    rows.add("part end=" + part.end + " lines=" + part.lines + " stopped=" + part.stopped);
                }
                return rows;
            } finally {
                Files.delete(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The cutter as it was: a byte at a time, over the whole file. */
    private static final class Reference {
        static String row(
                byte[] buf,
                long line,
                int[] starts,
                int[] ends,
                boolean[] quoted,
                boolean nonAscii,
                boolean guardLike,
                long empty) {
            StringBuilder s = new StringBuilder("row line=" + line + " cells=[");
            for (int k = 0; k < starts.length; k++) {
                s.append(k == 0 ? "" : ", ")
                        .append(quoted[k] ? "q" : "")
                        .append('[')
                        .append(new String(buf, starts[k], ends[k] - starts[k], StandardCharsets.UTF_8))
                        .append(']');
            }
            return s.append("] nonAscii=")
                    .append(nonAscii)
                    .append(" guardLike=")
                    .append(guardLike)
                    .append(" empty=")
                    .append(empty)
                    .toString();
        }

        static List<String> cut(byte[] b) {
            List<String> rows = new ArrayList<>();
            int n = b.length;
            int pos = 0;
            long line = 0;
            boolean stopped = false;
            while (pos < n) {
                int i = pos;
                int c = 0;
                int lines = 1;
                boolean high = false;
                boolean apostrophe = false;
                long emptyCells = 0;
                List<int[]> cells = new ArrayList<>();
                int after = -1;
                boolean weird = false;
                while (after < 0 && !weird) {
                    if (i < n && b[i] == '"') {
                        int s = i++;
                        while (true) {
                            if (i >= n) {
                                weird = true; // an unclosed quote
                                break;
                            }
                            byte x = b[i];
                            if (x == '"') {
                                if (i + 1 < n && b[i + 1] == '"') {
                                    i += 2;
                                    continue;
                                }
                                i++;
                                break;
                            } else if (x == '\n') {
                                lines++;
                            } else if (x == '\r') {
                                if (i + 1 >= n || b[i + 1] != '\n') {
                                    weird = true;
                                    break;
                                }
                            } else if (x < 0) {
                                high = true;
                            }
                            i++;
                        }
                        if (weird) {
                            break;
                        }
                        cells.add(new int[] {s, i, 1});
                        if (i - s == 2) {
                            emptyCells |= 1L << c;
                        } else if (b[s + 1] == '\'') {
                            apostrophe = true;
                        }
                    } else {
                        int s = i;
                        while (i < n) {
                            byte x = b[i];
                            if (x == ',' || x == '\n' || x == '\r' || x == '"') {
                                break;
                            }
                            if (x < 0) {
                                high = true;
                            }
                            i++;
                        }
                        cells.add(new int[] {s, i, 0});
                        if (i == s) {
                            emptyCells |= 1L << c;
                        } else if (b[s] == '\'') {
                            apostrophe = true;
                        }
                    }
                    c++;
                    if (i >= n) {
                        after = i;
                    } else if (b[i] == ',') {
                        i++;
                    } else if (b[i] == '\n') {
                        after = i + 1;
                    } else if (b[i] == '\r' && i + 1 < n && b[i + 1] == '\n') {
                        after = i + 2;
                    } else {
                        weird = true;
                    }
                }
                if (weird) {
                    stopped = true;
                    break;
                }
                int[] starts = cells.stream().mapToInt(x -> x[0]).toArray();
                int[] ends = cells.stream().mapToInt(x -> x[1]).toArray();
                boolean[] quoted = new boolean[c];
                for (int k = 0; k < c; k++) {
                    quoted[k] = cells.get(k)[2] == 1;
                }
                rows.add(row(b, line, starts, ends, quoted, high, apostrophe, c <= 64 ? emptyCells : 0));
                line += lines;
                pos = after;
            }
            rows.add("part end=" + pos + " lines=" + line + " stopped=" + stopped);
            return rows;
        }
    }
}
