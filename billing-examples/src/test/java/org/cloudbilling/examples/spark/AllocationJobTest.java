package org.cloudbilling.examples.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.FileNotFoundException;
import org.cloudbilling.core.io.BillingInputException;
import org.cloudbilling.core.io.InputProblem;
import org.junit.jupiter.api.Test;

/** The job's command line and error reporting, without Spark. */
class AllocationJobTest {
    @Test
    void parse_unknownArgument_namesItAndShowsUsage() {
        assertThatThrownBy(() -> AllocationJob.parse("--input", "a", "--rule", "r.json", "--out", "o"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'--rule'")
                .hasMessageContaining("usage:");
    }

    @Test
    void parse_missingRules_saysWhichIsMissing() {
        assertThatThrownBy(() -> AllocationJob.parse("--input", "a", "--out", "o"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("--rules is missing");
    }

    @Test
    void parse_unknownDimension_failsBeforeAnyWork() {
        assertThatThrownBy(() -> AllocationJob.parse("--input", "a", "--rules", "r", "--out", "o", "--by", "colour"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("colour");
    }

    @Test
    void parse_unknownFormat_namesTheFormats() {
        assertThatThrownBy(() -> AllocationJob.parse("--input", "a", "--rules", "r", "--out", "o", "--format", "xlsx"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'xlsx'")
                .hasMessageContaining("focus-parquet");
    }

    @Test
    void parse_valueMissing_saysWhichNeedsOne() {
        assertThatThrownBy(() -> AllocationJob.parse("--input", "a", "--rules", "r", "--out"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("--out needs a value");
    }

    @Test
    void inputProblem_wrappedInputException_isTheUsersMistake() {
        BillingInputException bad = new BillingInputException(InputProblem.ofLine("sep.csv", 7, "too few columns"));

        assertThat(AllocationJob.inputProblem(new RuntimeException("job aborted", bad)))
                .hasValue("sep.csv:7: too few columns");
        assertThat(AllocationJob.inputProblem(new RuntimeException(new FileNotFoundException("rules.json"))))
                .hasValue("rules.json");
    }

    @Test
    void inputProblem_exceptionKnownOnlyAsText_isTheUsersMistake() {
        RuntimeException fromTask = new RuntimeException(
                "Job aborted: Lost task 0.0: " + BillingInputException.class.getName()
                        + ": 2 problems in the input:\n  sep.csv:7: too few columns\n  sep.csv:9: too few columns\n\tat ...");

        assertThat(AllocationJob.inputProblem(fromTask))
                .hasValueSatisfying(
                        m -> assertThat(m)
                                .isEqualTo(
                                        "2 problems in the input:\n  sep.csv:7: too few columns\n  sep.csv:9: too few columns"));
    }

    @Test
    void inputProblem_bug_isEmpty() {
        assertThat(AllocationJob.inputProblem(new IllegalStateException("broken", new AssertionError("bug: x"))))
                .isEmpty();
    }
}
