package org.cloudbilling.allocation.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.StringReader;
import org.cloudbilling.allocation.RuleSetException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Rule-set JSON beyond Jackson's stream limits (nesting, number length, name length): each is a
 * {@link RuleSetException} at {@code $} naming the line and column where reading stopped, never a
 * NullPointerException (Jackson's limit errors carry no location of their own).
 */
@Tag("bad-input")
class BadInputRuleSetLimitsTest {
    private static String problem(String json) {
        RuleSetException e =
                catchThrowableOfType(RuleSetException.class, () -> RuleSetJson.read(new StringReader(json), "r.json"));
        assertThat(e).as("a RuleSetException").isNotNull();
        assertThat(e.problems()).hasSize(1);
        assertThat(e.getMessage()).startsWith("invalid rule set in r.json: $: not valid JSON at line ");
        return e.problems().get(0).toString();
    }

    @Test
    void read_arraysNested1001Deep_isRefusedWithTheLineAndColumn() {
        // the 1,001st '[' is the first past the limit of 1,000, on line 1
        String json = "{\"units\": " + "[".repeat(1001) + "]".repeat(1001) + "}";

        assertThat(problem(json))
                .startsWith("$: not valid JSON at line 1, column ")
                .contains("nesting depth")
                .contains("1000");
    }

    @Test
    void read_numberOfMoreThan1000Digits_isRefusedWithTheLineAndColumn() {
        String json = "{\n\"units\": [],\n\"tagKeys\": [" + "9".repeat(1001) + "]}";

        assertThat(problem(json))
                .startsWith("$: not valid JSON at line 3, column ")
                .contains("Number value length")
                .contains("1000");
    }

    @Test
    void read_keyOf50000Characters_isRefusedWithTheLineAndColumn() {
        String json = "{\"units\": [],\n \"" + "k".repeat(50_001) + "\": 1}";

        assertThat(problem(json))
                .startsWith("$: not valid JSON at line 2, column ")
                .contains("Name length");
    }

    @Test
    void read_ratioWithAnExponentBeyondAnInt_isRefusedWithTheLineAndColumn() {
        // found by fuzzing: BigDecimal cannot hold it, and Jackson throws a bare NumberFormatException
        String json = "{\"units\": [],\n\"sharingRules\": [{\"ratios\": {\"a\": 9e99999999999999999999}}]}";

        RuleSetException e =
                catchThrowableOfType(RuleSetException.class, () -> RuleSetJson.read(new StringReader(json), "r.json"));

        assertThat(e).as("a RuleSetException").isNotNull();
        assertThat(e.problems()).hasSize(1);
        assertThat(e.problems().get(0).toString())
                .startsWith("$: not a number that can be read exactly at line 2, column ")
                .contains("exponent");
    }
}
