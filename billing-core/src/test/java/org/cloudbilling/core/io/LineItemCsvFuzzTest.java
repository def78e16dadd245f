package org.cloudbilling.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.cloudbilling.core.testing.FuzzChecks.assertNamesSource;
import static org.cloudbilling.core.testing.FuzzChecks.texts;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import org.cloudbilling.core.bill.LineItem;
import org.cloudbilling.core.testing.SeedTimeout;

/**
 * Fuzzes the canonical line-item CSV reader (docs/testing.md#fuzzing): any input is read or refused with a
 * {@link BillingInputException} naming the source; every other throwable, a hang or running out of memory is a
 * finding. Seeds: {@code LineItemCsvFuzzTestInputs/} in the test resources.
 */
class LineItemCsvFuzzTest {
    private static final String SOURCE = "fuzz.csv";

    @SeedTimeout
    @FuzzTest
    void readAll_anyInput_readsOrThrowsBillingInputException(byte[] input) {
        String csv = new String(input, StandardCharsets.UTF_8);
        ReadResult<LineItem> collected;
        try {
            collected = LineItemCsv.readAll(new StringReader(csv), SOURCE, OnError.COLLECT);
        } catch (BillingInputException e) {
            assertNamesSource(e, SOURCE);
            return;
        }
        collected.problems().forEach(p -> assertThat(p.source()).isEqualTo(SOURCE));

        // Stopping at the first bad row agrees with collecting them.
        if (collected.isComplete()) {
            assertThat(LineItemCsv.readAll(new StringReader(csv), SOURCE, OnError.FAIL)
                            .values())
                    .isEqualTo(collected.values());
        } else {
            BillingInputException e = catchThrowableOfType(
                    BillingInputException.class,
                    () -> LineItemCsv.readAll(new StringReader(csv), SOURCE, OnError.FAIL));
            assertThat(texts(collected.problems()))
                    .startsWith(texts(e.problems()).toArray(String[]::new));
        }

        // What was read is written and read back unchanged.
        StringWriter out = new StringWriter();
        try (LineItemCsvWriter w = LineItemCsv.writer(out)) {
            collected.values().forEach(w::write);
        }
        assertThat(LineItemCsv.readAll(new StringReader(out.toString()), SOURCE, OnError.FAIL)
                        .values())
                .isEqualTo(collected.values());
    }
}
