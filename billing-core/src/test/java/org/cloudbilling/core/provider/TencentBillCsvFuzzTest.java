package org.cloudbilling.core.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.cloudbilling.core.testing.FuzzChecks.assertNamesSource;
import static org.cloudbilling.core.testing.FuzzChecks.texts;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Currency;
import org.cloudbilling.core.bill.LineItem;
import org.cloudbilling.core.io.BillingInputException;
import org.cloudbilling.core.io.OnError;
import org.cloudbilling.core.io.ReadResult;
import org.cloudbilling.core.testing.SeedTimeout;

/**
 * Fuzzes the Tencent-style bill reader (docs/testing.md#fuzzing): any input is read or refused with a
 * {@link BillingInputException} naming the source; every other throwable, a hang or running out of memory is a
 * finding. Seeds: {@code TencentBillCsvFuzzTestInputs/} in the test resources.
 */
class TencentBillCsvFuzzTest {
    private static final String SOURCE = "fuzz.csv";
    private static final Currency CNY = Currency.getInstance("CNY");

    @SeedTimeout
    @FuzzTest
    void readAll_anyInput_readsOrThrowsBillingInputException(byte[] input) {
        String csv = new String(input, StandardCharsets.UTF_8);
        ReadResult<LineItem> collected;
        try {
            collected =
                    TencentBillCsv.readAll(new StringReader(csv), SOURCE, CNY, TencentBillCsv.BEIJING, OnError.COLLECT);
        } catch (BillingInputException e) {
            assertNamesSource(e, SOURCE);
            return;
        }
        collected.problems().forEach(p -> assertThat(p.source()).isEqualTo(SOURCE));

        // Stopping at the first bad row agrees with collecting them.
        if (collected.isComplete()) {
            assertThat(TencentBillCsv.readAll(new StringReader(csv), SOURCE, CNY, TencentBillCsv.BEIJING, OnError.FAIL)
                            .values())
                    .isEqualTo(collected.values());
        } else {
            BillingInputException e = catchThrowableOfType(
                    BillingInputException.class,
                    () -> TencentBillCsv.readAll(
                            new StringReader(csv), SOURCE, CNY, TencentBillCsv.BEIJING, OnError.FAIL));
            assertThat(texts(collected.problems()))
                    .startsWith(texts(e.problems()).toArray(String[]::new));
        }
    }
}
