package org.cloudbilling.core.focus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cloudbilling.core.testing.FuzzChecks.assertNamesSource;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.cloudbilling.core.io.BillingInputException;
import org.cloudbilling.core.io.FormulaGuard;
import org.cloudbilling.core.io.OnError;
import org.cloudbilling.core.io.ReadResult;
import org.cloudbilling.core.testing.SeedTimeout;

/**
 * Fuzzes the FOCUS CSV reader (docs/testing.md#fuzzing), as rows and as line items: any input is read or refused
 * with a {@link BillingInputException} naming the source; every other throwable, a hang or running out of memory
 * is a finding. Seeds: {@code FocusCsvFuzzTestInputs/} in the test resources (rows of the FOCUS sample data,
 * CC BY 4.0, see {@code focus/NOTICE.md}).
 */
class FocusCsvFuzzTest {
    private static final String SOURCE = "fuzz.csv";

    @SeedTimeout
    @FuzzTest
    void read_anyInput_readsOrThrowsBillingInputException(byte[] input) {
        String csv = new String(input, StandardCharsets.UTF_8);
        List<String> header;
        FocusVersion version;
        ReadResult<FocusRow> rows;
        try (FocusCsvReader in = FocusCsv.reader(new StringReader(csv), SOURCE)) {
            header = in.header();
            version = in.version();
            rows = in.readAll(OnError.COLLECT);
        } catch (BillingInputException e) {
            assertNamesSource(e, SOURCE);
            return;
        }
        rows.problems().forEach(p -> assertThat(p.source()).isEqualTo(SOURCE));

        try {
            ReadResult<?> items =
                    FocusCsv.readLineItems(new StringReader(csv), SOURCE, FormulaGuard.OFF, OnError.COLLECT);
            items.problems().forEach(p -> assertThat(p.source()).isEqualTo(SOURCE));
            assertThat(items.values().size() + items.problems().size())
                    .isGreaterThanOrEqualTo(rows.values().size());
        } catch (BillingInputException e) {
            assertNamesSource(e, SOURCE);
        }

        // Rows in whole seconds (the only instants FOCUS writes) are written, in the version found, and read back
        // unchanged.
        if (rows.values().stream().allMatch(FocusCsvFuzzTest::wholeSeconds)) {
            List<String> extras =
                    header.stream().filter(h -> FocusColumn.of(h).isEmpty()).toList();
            StringWriter out = new StringWriter();
            try (FocusCsvWriter w = FocusCsv.writer(out, version, extras, FormulaGuard.OFF)) {
                rows.values().forEach(w::write);
            }
            assertThat(FocusCsv.readAll(new StringReader(out.toString()), SOURCE, OnError.FAIL)
                            .values())
                    .isEqualTo(rows.values());
        }
    }

    private static boolean wholeSeconds(FocusRow row) {
        for (FocusColumn c : FocusColumn.values()) {
            if (c.type() == FocusColumn.Type.DATETIME
                    && row.instant(c).filter(t -> t.getNano() != 0).isPresent()) {
                return false;
            }
        }
        return true;
    }
}
