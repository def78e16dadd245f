package org.cloudbilling.core.recon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cloudbilling.core.testing.FuzzChecks.assertNamesSource;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import org.cloudbilling.core.io.BillingInputException;
import org.cloudbilling.core.io.FormulaGuard;
import org.cloudbilling.core.io.OnError;
import org.cloudbilling.core.io.ReadResult;
import org.cloudbilling.core.testing.SeedTimeout;

/**
 * Fuzzes the readers of both reconciliation lists (docs/testing.md#fuzzing): any input is read or refused with a
 * {@link BillingInputException} naming the source, by the Period reader and by the Pay-per-Use reader; every other
 * throwable, a hang or running out of memory is a finding. Seeds: {@code ReconciliationCsvFuzzTestInputs/} in the
 * test resources.
 */
class ReconciliationCsvFuzzTest {
    private static final String SOURCE = "fuzz.csv";

    @SeedTimeout
    @FuzzTest
    void read_anyInput_readsOrThrowsBillingInputException(byte[] input) {
        String csv = new String(input, StandardCharsets.UTF_8);
        ReadResult<PeriodRecord> period = null;
        try {
            period = ReconciliationCsv.readPeriod(new StringReader(csv), SOURCE, FormulaGuard.ON, OnError.COLLECT);
        } catch (BillingInputException e) {
            assertNamesSource(e, SOURCE);
        }
        if (period != null) {
            period.problems().forEach(p -> assertThat(p.source()).isEqualTo(SOURCE));
            // What was read is written and read back unchanged.
            StringWriter out = new StringWriter();
            ReconciliationCsv.writePeriod(out, period.values().iterator(), FormulaGuard.ON);
            assertThat(ReconciliationCsv.readPeriod(
                                    new StringReader(out.toString()), SOURCE, FormulaGuard.ON, OnError.FAIL)
                            .values())
                    .isEqualTo(period.values());
        }

        ReadResult<PayPerUseRecord> payPerUse = null;
        try {
            payPerUse =
                    ReconciliationCsv.readPayPerUse(new StringReader(csv), SOURCE, FormulaGuard.ON, OnError.COLLECT);
        } catch (BillingInputException e) {
            assertNamesSource(e, SOURCE);
        }
        if (payPerUse != null) {
            payPerUse.problems().forEach(p -> assertThat(p.source()).isEqualTo(SOURCE));
            StringWriter out = new StringWriter();
            ReconciliationCsv.writePayPerUse(out, payPerUse.values().iterator(), FormulaGuard.ON);
            assertThat(ReconciliationCsv.readPayPerUse(
                                    new StringReader(out.toString()), SOURCE, FormulaGuard.ON, OnError.FAIL)
                            .values())
                    .isEqualTo(payPerUse.values());
        }
    }
}
