package org.cloudbilling.core.focus.parquet;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.StringWriter;
import java.util.List;
import org.cloudbilling.core.focus.FocusColumn;
import org.cloudbilling.core.focus.FocusCsv;
import org.cloudbilling.core.focus.FocusCsvWriter;
import org.cloudbilling.core.focus.FocusRow;
import org.cloudbilling.core.focus.FocusVersion;
import org.cloudbilling.core.io.FormulaGuard;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The one check both FOCUS writers make before a row: {@link FocusVersion#requireColumnsOf}. */
@Tag("FOCUS-10")
class FocusWritersRowCheckTest {
    private static final FocusRow INVOICED =
            FocusRow.builder().set(FocusColumn.INVOICE_ID, "inv-1").build();
    private static final FocusRow WITH_EXTRA =
            FocusRow.builder().extra("x_Team", "a").build();

    @Test
    @DisplayName("FOCUS-10: a 1.2 column in a 1.0 dataset, or a custom column the dataset lacks, is refused")
    void requireColumnsOf_laterColumnOrUnknownExtra_refused() {
        assertThatThrownBy(() -> FocusVersion.V1_0.requireColumnsOf(INVOICED, List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the row has InvoiceId, a FOCUS 1.2 column, which a FOCUS 1.0 dataset does not have");
        assertThatCode(() -> FocusVersion.V1_2.requireColumnsOf(INVOICED, List.of()))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> FocusVersion.V1_2.requireColumnsOf(WITH_EXTRA, List.of("x_Other")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the row has column x_Team, which the writer does not");
        assertThatCode(() -> FocusVersion.V1_2.requireColumnsOf(WITH_EXTRA, List.of("x_Team")))
                .doesNotThrowAnyException();
    }

    @Test
    @DisplayName("FOCUS-10: the CSV and the Parquet writer refuse the same rows with the same message")
    void writers_refuseTheSameRows() {
        FocusCsvWriter csv = FocusCsv.writer(new StringWriter(), FocusVersion.V1_0, List.of(), FormulaGuard.OFF);
        FocusParquetWriter parquet = FocusParquet.writer(new ByteArrayOutputStream(), FocusVersion.V1_0, List.of());
        for (FocusRow row : List.of(INVOICED, WITH_EXTRA)) {
            String message = thrown(() -> csv.write(row));
            assertThatThrownBy(() -> parquet.write(row)).hasMessage(message);
        }
    }

    private static String thrown(Runnable r) {
        try {
            r.run();
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
        throw new AssertionError("not refused");
    }
}
