package org.cloudbilling.allocation.backtracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import org.cloudbilling.core.testing.SeedTimeout;

/**
 * Fuzzes the allocation-history JSON reader (docs/testing.md#fuzzing): any input is read or refused with the
 * {@link IllegalArgumentException} {@link HistoryJson#read} documents, which says {@code invalid allocation history}
 * and names the JSON path, and reading from a {@link java.io.Reader} agrees; every other throwable, a hang or running
 * out of memory is a finding. Seeds:
 * {@code HistoryJsonFuzzTestInputs/} in the test resources.
 */
class HistoryJsonFuzzTest {

    @SeedTimeout
    @FuzzTest
    void read_anyInput_readsOrThrowsInvalidHistory(byte[] input) {
        String json = new String(input, StandardCharsets.UTF_8);
        AllocationHistory history;
        try {
            history = HistoryJson.read(json);
        } catch (IllegalArgumentException e) {
            assertThat(e.getClass()).isEqualTo(IllegalArgumentException.class);
            assertThat(e).hasMessageStartingWith("invalid allocation history: at $");
            // the streaming form refuses it alike
            assertThatThrownBy(() -> HistoryJson.read(new StringReader(json)))
                    .isExactlyInstanceOf(IllegalArgumentException.class)
                    .hasMessage(e.getMessage());
            return;
        }
        assertThat(HistoryJson.read(new StringReader(json))).isEqualTo(history);
        // What was read is written and read back unchanged, as a string and through a writer.
        String written = HistoryJson.write(history);
        assertThat(HistoryJson.read(written)).isEqualTo(history);
        StringWriter out = new StringWriter();
        HistoryJson.write(history, out);
        assertThat(out.toString()).isEqualTo(written);
    }
}
