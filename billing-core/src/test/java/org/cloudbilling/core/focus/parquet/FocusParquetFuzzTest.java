package org.cloudbilling.core.focus.parquet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cloudbilling.core.testing.FuzzChecks.assertNamesSource;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.NonWritableChannelException;
import java.nio.channels.SeekableByteChannel;
import org.cloudbilling.core.focus.FocusRow;
import org.cloudbilling.core.io.BillingInputException;
import org.cloudbilling.core.io.OnError;
import org.cloudbilling.core.testing.SeedTimeout;

/**
 * Fuzzes the FOCUS Parquet reader (FOCUS-10, docs/testing.md#fuzzing), as rows and as line items: any bytes are read
 * or refused with a {@link BillingInputException} naming the source; every other throwable, a hang or running out of
 * memory is a finding. Seeds: {@code FocusParquetFuzzTestInputs/} in the test resources, small files DuckDB wrote
 * (one uncompressed with MAP tags, one Snappy with JSON tags; DECIMAL of INT32, INT64 and FIXED_LEN, a DOUBLE),
 * three delta-encoded files of the library's writer ({@code writer-delta-*}, written by {@link DeltaSeedsTest}:
 * DELTA_BYTE_ARRAY and DELTA_LENGTH_BYTE_ARRAY text, DELTA_BYTE_ARRAY decimals, DELTA_BINARY_PACKED times, in data
 * pages of version 1 and 2), and the inputs of its findings ({@code finding-*}, docs/testing.md#fuzzing).
 */
class FocusParquetFuzzTest {
    private static final String SOURCE = "fuzz.parquet";

    @SeedTimeout
    @FuzzTest
    void read_anyInput_readsOrThrowsBillingInputException(byte[] input) {
        ParquetReadResult<FocusRow> rows;
        try {
            rows = FocusParquet.readAll(new Bytes(input), SOURCE, OnError.COLLECT);
        } catch (BillingInputException e) {
            assertNamesSource(e, SOURCE);
            return;
        }
        rows.result().problems().forEach(p -> assertThat(p.source()).isEqualTo(SOURCE));
        try {
            ParquetReadResult<?> items = FocusParquet.readLineItems(new Bytes(input), SOURCE, OnError.COLLECT);
            items.result().problems().forEach(p -> assertThat(p.source()).isEqualTo(SOURCE));
        } catch (BillingInputException e) {
            assertNamesSource(e, SOURCE);
        }
    }

    /** A read-only channel over bytes in memory. */
    static final class Bytes implements SeekableByteChannel {
        private final byte[] bytes;
        private long position;

        Bytes(byte[] bytes) {
            this.bytes = bytes;
        }

        @Override
        public int read(ByteBuffer dst) {
            if (position >= bytes.length) {
                return -1;
            }
            int n = (int) Math.min(dst.remaining(), bytes.length - position);
            dst.put(bytes, (int) position, n);
            position += n;
            return n;
        }

        @Override
        public int write(ByteBuffer src) {
            throw new NonWritableChannelException();
        }

        @Override
        public long position() {
            return position;
        }

        @Override
        public SeekableByteChannel position(long newPosition) {
            this.position = newPosition;
            return this;
        }

        @Override
        public long size() {
            return bytes.length;
        }

        @Override
        public SeekableByteChannel truncate(long size) throws IOException {
            throw new NonWritableChannelException();
        }

        @Override
        public boolean isOpen() {
            return true;
        }

        @Override
        public void close() {}
    }
}
