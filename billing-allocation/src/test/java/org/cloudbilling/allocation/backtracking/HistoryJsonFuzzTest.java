package org.cloudbilling.allocation.backtracking;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Timeout;

/**
 * Fuzzes the allocation-history JSON reader (docs/testing.md#fuzzing): any input is read or refused with the
 * {@link IllegalArgumentException} {@link HistoryJson#read} documents, which says {@code invalid allocation history}
 * and names the JSON path; every other throwable, a hang or running out of memory is a finding. Seeds:
 * {@code HistoryJsonFuzzTestInputs/} in the test resources.
 */
class HistoryJsonFuzzTest {

    @Timeout(value = 10, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    @FuzzTest
    void read_anyInput_readsOrThrowsInvalidHistory(byte[] input) {
        String json = new String(input, StandardCharsets.UTF_8);
        AllocationHistory history;
        try {
            history = HistoryJson.read(json);
        } catch (IllegalArgumentException e) {
            assertThat(e.getClass()).isEqualTo(IllegalArgumentException.class);
            assertThat(e).hasMessageStartingWith("invalid allocation history: at $");
            return;
        }
        // What was read is written and read back unchanged.
        assertThat(HistoryJson.read(HistoryJson.write(history))).isEqualTo(history);
    }
}
