package org.cloudbilling.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.cloudbilling.core.io.BillingInputException;
import org.cloudbilling.core.io.InputProblem;

/** What the fuzz tests of the readers check of a refusal. */
public final class FuzzChecks {
    private FuzzChecks() {}

    /** Asserts that every problem of {@code e} names {@code source} and gives a reason. */
    public static void assertNamesSource(BillingInputException e, String source) {
        assertThat(e.problems()).allSatisfy(p -> {
            assertThat(p.source()).isEqualTo(source);
            assertThat(p.reason()).isNotBlank();
        });
    }

    /** The problems as their texts (source, line, column, value and reason), in order. */
    public static List<String> texts(List<InputProblem> problems) {
        return problems.stream().map(InputProblem::toString).toList();
    }
}
