package org.cloudbilling.core.recon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.List;
import org.cloudbilling.core.io.BillingInputException;
import org.cloudbilling.core.io.FormulaGuard;
import org.cloudbilling.core.io.InputProblem;
import org.cloudbilling.core.io.OnError;
import org.cloudbilling.core.io.ReadResult;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The bad-input catalog run against the reconciliation list reader (the Pay-per-Use list; the Period list shares
 * its reader). Amounts here are plain decimals, not {@code Money}: they are read with every decimal.
 */
@Tag("bad-input")
class BadInputReconciliationListTest {
    private static final String HEADER = String.join(",", ReconciliationCsv.PAY_PER_USE_COLUMNS);
    private static final String GOOD = "2024-09,OBS,cn-north-4,OBS,,Pay-per-use,Storage,1.5,GB,2,1,1,0,0,";
    private static final String OTHER = "2024-09,EVS,cn-north-4,EVS,,Pay-per-use,Disk,3,GB,4,3,3,0,0,";

    private static ReadResult<PayPerUseRecord> read(String csv, OnError onError) {
        return ReconciliationCsv.readPayPerUse(new StringReader(csv), "list.csv", FormulaGuard.OFF, onError);
    }

    private static List<PayPerUseRecord> goodRecords() {
        return read(HEADER + "\n" + GOOD + "\n" + OTHER + "\n", OnError.FAIL).values();
    }

    /** Puts {@code row} between the two good rows and checks that it is reported for line 3 at {@code column}. */
    private static InputProblem badRow(String row, String column) {
        ReadResult<PayPerUseRecord> read =
                read(HEADER + "\n" + GOOD + "\n" + row + "\n" + OTHER + "\n", OnError.COLLECT);
        assertThat(read.values()).isEqualTo(goodRecords());
        assertThat(read.problems()).isNotEmpty();
        InputProblem p = read.problems().get(0);
        assertThat(p.source()).isEqualTo("list.csv");
        assertThat(p.line()).isEqualTo(3);
        if (column != null) {
            assertThat(p.columnName()).contains(column);
            assertThat(p.column()).isEqualTo(ReconciliationCsv.PAY_PER_USE_COLUMNS.indexOf(column) + 1);
        }
        return p;
    }

    @Test
    void read_emptyInput_andHeaderOnly() {
        assertThatThrownBy(() -> read("", OnError.COLLECT)).hasMessage("list.csv: the input is empty: no header row");
        assertThat(read(HEADER + "\r\n", OnError.FAIL).values()).isEmpty();
    }

    @Test
    void read_missingOrExtraColumn_isRefusedNamingIt() {
        assertThatThrownBy(() -> read(HEADER.replace(",Remarks", "") + "\n", OnError.COLLECT))
                .isInstanceOf(BillingInputException.class)
                .hasMessage("list.csv:1: the header is not the list's (RECON-2); missing columns [Remarks]");
        assertThatThrownBy(() -> read(HEADER + ",Note\n", OnError.COLLECT))
                .hasMessage("list.csv:1: the header is not the list's (RECON-2); unknown columns [Note]");
    }

    @Test
    void read_wrongTypesNanInfinityAndHugeNumbers_areReportedWithTheirCell() {
        assertThat(badRow(GOOD.replace(",1.5,", ",1.5x,"), "Usage").reason()).contains("is not a decimal number");
        for (String nan : List.of("NaN", "Infinity", "-Infinity")) {
            assertThat(badRow(GOOD.replace(",1.5,", "," + nan + ","), "Usage").reason())
                    .isEqualTo("amount '" + nan + "' is not a decimal number");
        }
        assertThat(badRow(GOOD.replace(",1.5,", ",1e999999999,"), "Usage").reason())
                .isEqualTo("amount 1E+999999999 has more than 40 digits before the decimal point");
        assertThat(badRow(GOOD.replace(",2,1,1,", ",2,1" + "0".repeat(400) + ",1,"), "Amount Due")
                        .reason())
                .contains("more than 40 digits before the decimal point");
        assertThat(badRow(GOOD.replace(",1.5,", ",1e-999999999,"), "Usage").reason())
                .isEqualTo("amount 1E-999999999 has more than 100 decimal places");
    }

    @Test
    void read_fortyDecimals_areReadExactly_andRecon4HoldsExactly() {
        String forty = "1." + "0".repeat(39) + "1";
        List<PayPerUseRecord> read = read(
                        HEADER + "\n" + GOOD.replace(",2,1,1,0,0,", "," + forty + "," + forty + "," + forty + ",0,0,")
                                + "\n",
                        OnError.FAIL)
                .values();
        assertThat(read.get(0).payments().amountDue().toPlainString()).isEqualTo(forty);
        // one unit in the 40th decimal breaks RECON-4: nothing is rounded away
        String off = "1." + "0".repeat(39) + "2";
        InputProblem p = badRow(GOOD.replace(",2,1,1,0,0,", "," + forty + "," + forty + "," + off + ",0,0,"), null);
        assertThat(p.reason()).contains("RECON-4");
    }

    @Test
    void read_negativeZero_isZero() {
        List<PayPerUseRecord> read = read(
                        HEADER + "\n" + GOOD.replace(",2,1,1,0,0,", ",-0.00,-0,-0.0,0,0,") + "\n", OnError.FAIL)
                .values();
        assertThat(read.get(0).payments().amountDue().signum()).isZero();
        assertThat(read.get(0).payments().officialTotalAmount().toPlainString()).isEqualTo("0.00");
    }

    @Test
    void read_byteOrderMarkCrlfAndUnicode_areReadExactly() {
        String product = "\u5bf9\u8c61\u5b58\u50a8 e\u0301";
        String csv = "\uFEFF\"" + HEADER.replace(",", "\",\"") + "\"\r\n" + GOOD.replace("OBS,,", product + ",,")
                + "\r\n" + OTHER + "\r\n";
        List<PayPerUseRecord> read = read(csv, OnError.FAIL).values();
        assertThat(read).hasSize(2);
        assertThat(read.get(0).product()).isEqualTo(product);
        assertThat(read.get(1)).isEqualTo(goodRecords().get(1));
    }
}
