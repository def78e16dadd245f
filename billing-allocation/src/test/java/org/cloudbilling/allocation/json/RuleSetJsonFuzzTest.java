package org.cloudbilling.allocation.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import org.cloudbilling.allocation.AllocationRuleSet;
import org.cloudbilling.allocation.RuleSetException;
import org.cloudbilling.core.testing.SeedTimeout;

/**
 * Fuzzes the rule-set JSON reader (docs/testing.md#fuzzing): any input is read or refused with a
 * {@link RuleSetException} naming the source and a JSON path for each problem; every other throwable, a hang or
 * running out of memory is a finding. Seeds: {@code RuleSetJsonFuzzTestInputs/} in the test resources.
 */
class RuleSetJsonFuzzTest {
    private static final String SOURCE = "fuzz.json";

    @SeedTimeout
    @FuzzTest
    void read_anyInput_readsOrThrowsRuleSetException(byte[] input) {
        String json = new String(input, StandardCharsets.UTF_8);
        AllocationRuleSet rules;
        try {
            rules = RuleSetJson.read(new StringReader(json), SOURCE);
        } catch (RuleSetException e) {
            assertThat(e.source()).isEqualTo(SOURCE);
            assertThat(e.problems()).isNotEmpty().allSatisfy(p -> {
                assertThat(p.path()).startsWith("$");
                assertThat(p.message()).isNotBlank();
            });
            return;
        }
        // What was read is written and read back unchanged.
        assertThat(RuleSetJson.read(RuleSetJson.write(rules))).isEqualTo(rules);
    }
}
