package org.cloudbilling.core.focus.parquet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cloudbilling.core.testing.FuzzChecks.assertNamesSource;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import org.cloudbilling.core.consolidation.Consolidation;
import org.cloudbilling.core.consolidation.Dimension;
import org.cloudbilling.core.consolidation.Grouping;
import org.cloudbilling.core.consolidation.Rollup;
import org.cloudbilling.core.focus.parquet.internal.FocusParquetReader;
import org.cloudbilling.core.focus.parquet.internal.FocusParquetTally;
import org.cloudbilling.core.io.BillingInputException;
import org.cloudbilling.core.io.FastPathComparison;
import org.cloudbilling.core.testing.SeedTimeout;
import org.cloudbilling.core.time.BillingCalendar;

/**
 * Fuzzes {@link FocusParquet#consolidate} (FOCUS-10, docs/testing.md#fuzzing): the totals from the column values,
 * whose decoders ({@code PlainDecimals}, {@code DictionaryIds}, {@code Hybrid}) read the decompressed page bytes. Any
 * bytes give totals or a {@link BillingInputException} naming the file; the fast path alone gives totals, declines
 * (null) or refuses with that exception; every other throwable, a hang or running out of memory is a finding. When
 * the plain path ({@link FocusParquet#collectLineItems}) also accepts the bytes, both totals are equal to the last
 * decimal. (A column the fast path does not read is not checked, so the plain path may refuse bytes the fast path
 * totals: docs/formats.md, "Reading Parquet".) Seeds: {@code FocusParquetConsolidateFuzzTestInputs/}, those of
 * {@link FocusParquetFuzzTest} and small uncompressed files of the library's writer (16-byte DECIMAL PLAIN pages,
 * dictionary-encoded strings, nulls in bit-packed levels; the delta-encoded ones of {@link DeltaSeedsTest}).
 */
class FocusParquetConsolidateFuzzTest {
    private static final Grouping BY_SUB_ACCOUNT =
            Grouping.by(BillingCalendar.of(ZoneOffset.UTC, 1, 1), Dimension.parse("SubAccountId"));

    @SeedTimeout
    @FuzzTest
    void consolidate_anyInput_totalsEqualPlainPathOrThrowsBillingInputException(byte[] input) throws IOException {
        Path file = Files.createTempFile("fuzz-consolidate", ".parquet");
        try {
            Files.write(file, input);
            check(file);
        } finally {
            Files.delete(file);
        }
    }

    private static void check(Path file) throws IOException {
        String source = file.toString();
        Rollup fastAlone = null;
        try (SeekableByteChannel in = Files.newByteChannel(file)) {
            fastAlone = FocusParquetTally.consolidate(new FocusParquetReader(in, source, true), BY_SUB_ACCOUNT);
        } catch (BillingInputException e) {
            assertNamesSource(e, source);
        }
        Rollup consolidated;
        try {
            consolidated = FocusParquet.consolidate(file, BY_SUB_ACCOUNT, note -> {});
        } catch (BillingInputException e) {
            assertNamesSource(e, source);
            assertThat(fastAlone)
                    .as("the fast path totals what consolidate refuses")
                    .isNull();
            return;
        }
        Rollup plain;
        try {
            plain = FocusParquet.collectLineItems(file, Consolidation.toRollup(BY_SUB_ACCOUNT), note -> {});
        } catch (BillingInputException e) {
            assertNamesSource(e, source);
            return; // a column the fast path does not read is not checked
        }
        assertThat(FastPathComparison.exactly(consolidated))
                .as("consolidate against the plain path")
                .isEqualTo(FastPathComparison.exactly(plain));
        if (fastAlone != null) {
            assertThat(FastPathComparison.exactly(fastAlone))
                    .as("the fast path against the plain path")
                    .isEqualTo(FastPathComparison.exactly(plain));
        }
    }
}
