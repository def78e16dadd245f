package org.cloudbilling.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;
import org.cloudbilling.core.io.internal.CsvRows;
import org.cloudbilling.core.recon.ReconciliationCsv;
import org.cloudbilling.core.testing.RepeatingReader;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A 1 GB line, generated as it is read and never held: every CSV reader refuses it naming the source and the line
 * the row starts on, after reading a bounded part of it ({@link CsvRows#MAX_ROW_LENGTH}).
 */
@Tag("bad-input")
class BadInputHugeLineTest {
    private static final long ONE_GB = 1L << 30;
    /** What a reader may take of a 1 GB line: the row limit and its buffers, nowhere near the 64 MiB bound. */
    private static final long READ_BOUND = CsvRows.MAX_ROW_LENGTH + (1L << 20);

    private static final String TOO_LONG =
            "the row is longer than " + CsvRows.MAX_ROW_LENGTH + " characters, the most a row may have";

    @ParameterizedTest
    @EnumSource(BadInputFormat.class)
    void read_oneGigabyteSingleLine_isRefusedNamingLine1_afterABoundedRead(BadInputFormat f) {
        for (byte fill : new byte[] {'a', ','}) { // one endless cell, or endless empty cells
            GeneratedInput in = new GeneratedInput("", fill, ONE_GB);
            for (OnError onError : OnError.values()) {
                GeneratedInput input = new GeneratedInput("", fill, ONE_GB);
                assertThatThrownBy(() -> f.read(utf8(input), "huge.csv", onError))
                        .isInstanceOfSatisfying(BillingInputException.class, e -> {
                            InputProblem p = e.problems().get(0);
                            assertThat(p.source()).isEqualTo("huge.csv");
                            assertThat(p.line()).isEqualTo(1);
                        })
                        .hasMessage("huge.csv:1: " + TOO_LONG);
                assertThat(input.handedOut()).isLessThan(READ_BOUND).isLessThan(64L << 20);
            }
            assertThat(in.handedOut()).isZero();
        }
    }

    @ParameterizedTest
    @EnumSource(BadInputFormat.class)
    void read_oneGigabyteRowAfterGoodRows_isRefusedNamingItsLine_andCollectKeepsNothingPartial(BadInputFormat f) {
        String good = f.csv(f.goodRows());
        GeneratedInput input = new GeneratedInput(good, (byte) 'x', ONE_GB);
        // the structure of the input is broken past that point: even collecting, reading stops with its line
        assertThatThrownBy(() -> f.read(utf8(input), "huge.csv", OnError.COLLECT))
                .isInstanceOf(BillingInputException.class)
                .hasMessage("huge.csv:5: " + TOO_LONG);
        assertThat(input.handedOut()).isLessThan(good.length() + READ_BOUND);
    }

    @Test
    void read_quotedCellSpanningMillionsOfLines_isRefusedNamingTheLineItStartsOn() {
        BadInputFormat f = BadInputFormat.CANONICAL;
        String good = f.csv(f.goodRows());
        GeneratedInput input = new GeneratedInput(good + "\"", (byte) '\n', ONE_GB);
        assertThatThrownBy(() -> f.read(utf8(input), "huge.csv", OnError.COLLECT))
                .hasMessage("huge.csv:5: " + TOO_LONG);
        assertThat(input.handedOut()).isLessThan(good.length() + READ_BOUND);
    }

    @Test
    void read_reconciliationListOneGigabyteLine_isRefusedNamingLine1() {
        List<Function<Reader, ?>> readers = List.of(
                r -> ReconciliationCsv.readPeriod(r, "huge.csv", FormulaGuard.OFF, OnError.COLLECT),
                r -> ReconciliationCsv.readPayPerUse(r, "huge.csv", FormulaGuard.OFF, OnError.COLLECT));
        for (Function<Reader, ?> read : readers) {
            GeneratedInput input = new GeneratedInput("", (byte) 'a', ONE_GB);
            assertThatThrownBy(() -> read.apply(utf8(input)))
                    .isInstanceOf(BillingInputException.class)
                    .hasMessage("huge.csv:1: " + TOO_LONG);
            assertThat(input.handedOut()).isLessThan(READ_BOUND);
        }
    }

    @Test
    void read_rowOfExactlyTheLimit_isRead_andManyRowsLongerInTotal_areAllRead() {
        BadInputFormat f = BadInputFormat.CANONICAL;
        List<String> lines = List.of(f.csv(f.goodRows()).split("\n"));
        // a row whose cells fill the limit exactly, its line break included
        String row = lines.get(1);
        String padding = "x".repeat(CsvRows.MAX_ROW_LENGTH - row.length() - 1);
        String big = row.replace("\"ins-1\"", "\"ins-1" + padding + "\"");
        assertThat(big.length() + 1).isEqualTo(CsvRows.MAX_ROW_LENGTH);
        List<org.cloudbilling.core.bill.LineItem> read = f.read(
                        lines.get(0) + "\n" + big + "\n" + lines.get(2) + "\n", "big.csv", OnError.FAIL)
                .values();
        assertThat(read).hasSize(2);
        assertThat(read.get(0).resourceId().orElseThrow().value()).hasSize("ins-1".length() + padding.length());

        // 80,000 rows hold far more than the limit in all: the limit is per row
        RepeatingReader many = new RepeatingReader(lines.get(0) + "\n", row + "\n", 80_000);
        long count;
        try (LineItemCsvReader in = LineItemCsv.reader(many, "many.csv")) {
            count = java.util.stream.StreamSupport.stream(java.util.Spliterators.spliteratorUnknownSize(in, 0), false)
                    .count();
        }
        assertThat(count).isEqualTo(80_000);
        assertThat(many.consumed()).isGreaterThan(3L * CsvRows.MAX_ROW_LENGTH);
    }

    private static Reader utf8(InputStream in) {
        return new InputStreamReader(in, StandardCharsets.UTF_8);
    }

    /** A prefix, then {@code length} copies of one byte, produced as they are read; counts what it hands out. */
    static final class GeneratedInput extends InputStream {
        private final byte[] prefix;
        private final byte fill;
        private final long total;
        private long handedOut;

        GeneratedInput(String prefix, byte fill, long length) {
            this.prefix = prefix.getBytes(StandardCharsets.UTF_8);
            this.fill = fill;
            this.total = this.prefix.length + length;
        }

        long handedOut() {
            return handedOut;
        }

        @Override
        public int read() {
            if (handedOut >= total) {
                return -1;
            }
            int b = handedOut < prefix.length ? prefix[(int) handedOut] : fill;
            handedOut++;
            return b & 0xFF;
        }

        @Override
        public int read(byte[] buf, int off, int len) {
            if (handedOut >= total) {
                return -1;
            }
            int n = (int) Math.min(len, total - handedOut);
            for (int i = 0; i < n; i++) {
                buf[off + i] = handedOut < prefix.length ? prefix[(int) handedOut] : fill;
                handedOut++;
            }
            return n;
        }
    }
}
