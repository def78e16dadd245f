package org.cloudbilling.core.focus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.cloudbilling.core.money.SettlementPolicy;
import org.cloudbilling.core.testing.BillFixtures;
import org.cloudbilling.core.time.BillingMonth;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Edges of the FOCUS validator: each case starts from a conformant one-row export and changes one thing. */
class FocusValidatorEdgesTest {
    private static final String GOOD = FocusCsvTest.write(List.of(BillFixtures.CVM_HOUR), BillingMonth.of(2024, 9));
    private static final String HEADER = GOOD.substring(0, GOOD.indexOf('\n'));
    private static final String ROW = GOOD.substring(GOOD.indexOf('\n') + 1).strip();
    private static final Instant SEPTEMBER_START = Instant.parse("2024-08-31T16:00:00Z");
    private static final Instant OCTOBER_START = Instant.parse("2024-09-30T16:00:00Z");

    private static List<String> violations(String csv) {
        return FocusValidator.validate(new StringReader(csv), "v.csv", Map.of()).stream()
                .map(FocusViolation::toString)
                .toList();
    }

    private static String withRow(String row) {
        return HEADER + "\n" + row + "\n";
    }

    @Test
    void fixtureRow_isConformant_alsoAfterAByteOrderMark() {
        assertThat(violations(withRow(ROW))).isEmpty();
        assertThat(violations("\uFEFF" + GOOD)).isEmpty();
    }

    @Test
    @Tag("FOCUS-1")
    void emptyDataset_hasNoHeader() {
        assertThat(violations("")).containsExactly("v.csv FOCUS-1: the dataset has no header");
    }

    @Test
    @Tag("FOCUS-1")
    void columnAppearingTwice_isReportedOnTheHeaderLine() {
        String csv = GOOD.replace(",x_Tax", ",x_CashPaid");

        assertThat(violations(csv)).containsExactly("v.csv:1 (x_CashPaid) FOCUS-1: the column appears twice");
    }

    @Test
    @Tag("FOCUS-1")
    void rowWithTooFewCells_isReportedForItsLine_andBlankLinesAreSkippedButCounted() {
        String csv = HEADER + "\n" + ROW + "\n\n1,2\n" + ROW.replace("Usage-Based", "Daily") + "\n";

        assertThat(violations(csv))
                .containsExactly(
                        "v.csv:4 FOCUS-1: the row has 2 cells, the header 64",
                        "v.csv:5 (ChargeFrequency) FOCUS-4: 'Daily' is not one of [One-Time, Recurring, Usage-Based]");
    }

    @Test
    @Tag("FOCUS-1")
    void malformedCsv_isReported() {
        assertThat(violations(HEADER + "\n\"unclosed,1\n"))
                .singleElement()
                .asString()
                .contains(" FOCUS-1: the CSV is malformed: ");
    }

    @Test
    @Tag("FOCUS-2")
    void isoFormButNoSuchDate_isNotADateTime() {
        assertThat(violations(withRow(ROW.replace("2024-09-17T16:00:00Z", "2024-02-30T16:00:00Z"))))
                .containsExactly("v.csv:2 (ChargePeriodStart) FOCUS-2: '2024-02-30T16:00:00Z' is not a date-time");
    }

    @Test
    @Tag("FOCUS-2")
    void chargePeriodEndingAtItsStart_isReported_oneSecondLaterIsNot() {
        String empty = ROW.replace("2024-09-17T17:00:00Z", "2024-09-17T16:00:00Z");
        String oneSecond = ROW.replace("2024-09-17T17:00:00Z", "2024-09-17T16:00:01Z");

        assertThat(violations(withRow(empty)))
                .containsExactly("v.csv:2 (ChargePeriodEnd) FOCUS-2: ChargePeriodEnd 2024-09-17T16:00:00Z is not after"
                        + " ChargePeriodStart 2024-09-17T16:00:00Z; periods are start-inclusive, end-exclusive");
        assertThat(violations(withRow(oneSecond))).isEmpty();
    }

    @Test
    @Tag("FOCUS-3")
    void decimalInExponentForm_isNotPlain_negativeDecimalIs() {
        assertThat(violations(withRow(ROW.replace(",0.40000000,", ",4E-1,"))))
                .containsExactly("v.csv:2 (ListCost) FOCUS-3: '4E-1' is not a plain decimal; a null is an empty cell,"
                        + " never NULL");
        assertThat(violations(withRow(ROW.replace(",0.40000000,", ",-0.4,")))).isEmpty();
        assertThat(violations(withRow(ROW.replace(",0.40000000,", ",4,")))).isEmpty();
    }

    @Test
    @Tag("FOCUS-4")
    void chargeClassOtherThanCorrection_isReported_anEarlierPeriodCorrectionIsNot() {
        String corrected = ROW.replace(",Usage,,,Usage-Based,", ",Usage,Corrected,,Usage-Based,");
        // the charge period starts in September, the billing period in October: a correction of an earlier period
        String correction = ROW.replace(",Usage,,,Usage-Based,", ",Usage,Correction,,Usage-Based,")
                .replace("2024-09-30T16:00:00Z,2024-08-31T16:00:00Z", "2024-10-31T16:00:00Z,2024-09-30T16:00:00Z");

        assertThat(violations(withRow(corrected)))
                .containsExactly("v.csv:2 (ChargeClass) FOCUS-4: 'Corrected' is not Correction or null");
        assertThat(violations(withRow(correction))).isEmpty();
    }

    @Test
    @Tag("FOCUS-4")
    void correctionStartingExactlyAtTheBillingPeriodStart_isReported() {
        String row = ROW.replace(",Usage,,,Usage-Based,", ",Usage,Correction,,Usage-Based,")
                .replace("2024-09-17T17:00:00Z,2024-09-17T16:00:00Z", "2024-09-01T16:00:00Z,2024-08-31T16:00:00Z");

        assertThat(violations(withRow(row)))
                .containsExactly("v.csv:2 (ChargeClass) FOCUS-4: a Correction corrects an earlier billing period, but"
                        + " the charge period starts 2024-08-31T16:00:00Z, within or after the billing period"
                        + " starting 2024-08-31T16:00:00Z");
    }

    @Test
    @Tag("FOCUS-5")
    void unknownBillingCurrency_isReported() {
        assertThat(violations(withRow(ROW.replace(",CNY,", ",XYZ,"))))
                .containsExactly("v.csv:2 (BillingCurrency) FOCUS-5: unknown currency code 'XYZ'");
    }

    @Test
    @Tag("FOCUS-5")
    void billingPeriodMixingCurrencies_isReported() {
        String csv = HEADER + "\n" + ROW + "\n" + ROW.replace(",CNY,", ",USD,") + "\n";

        assertThat(violations(csv))
                .containsExactly("v.csv:3 (BillingCurrency) FOCUS-5: the billing period starting 2024-08-31T16:00:00Z"
                        + " mixes CNY and USD");
    }

    @Test
    @Tag("FOCUS-5")
    void invoiceTotal_addsEveryRowOfThePeriod_exactly() {
        String csv = HEADER + "\n" + ROW + "\n" + ROW + "\n";

        assertThat(FocusValidator.validate(
                        new StringReader(csv), "v.csv", Map.of(SEPTEMBER_START, new BigDecimal("0.64"))))
                .isEmpty();
        assertThat(FocusValidator.validate(
                        new StringReader(csv), "v.csv", Map.of(SEPTEMBER_START, new BigDecimal("0.32"))))
                .extracting(FocusViolation::toString)
                .containsExactly("v.csv (BilledCost) FOCUS-5: BilledCost of the billing period starting"
                        + " 2024-08-31T16:00:00Z adds up to 0.64000000, its invoice total is 0.32");
    }

    @Test
    @Tag("FOCUS-5")
    void invoiceTotalOfAPeriodWithoutRows_isComparedWithZero() {
        assertThat(FocusValidator.validate(new StringReader(GOOD), "v.csv", Map.of(OCTOBER_START, BigDecimal.ZERO)))
                .isEmpty();
        assertThat(FocusValidator.validate(
                        new StringReader(GOOD),
                        "v.csv",
                        Map.of(OCTOBER_START, new BigDecimal("1.00")),
                        SettlementPolicy.TENCENT))
                .singleElement()
                .satisfies(v -> {
                    assertThat(v.value()).isEqualTo("0");
                    assertThat(v.reason())
                            .isEqualTo("BilledCost of the billing period starting 2024-09-30T16:00:00Z adds up to 0,"
                                    + " its invoice total is 1.00");
                });
    }

    @Test
    @Tag("FOCUS-5")
    @Tag("MONEY-3")
    void settledInvoiceTotal_namesThePolicyAndTheSettledSum() {
        assertThat(FocusValidator.validate(
                        new StringReader(GOOD),
                        "v.csv",
                        Map.of(SEPTEMBER_START, new BigDecimal("0.32")),
                        SettlementPolicy.HUAWEI))
                .isEmpty();
        assertThat(FocusValidator.validate(
                        new StringReader(GOOD),
                        "v.csv",
                        Map.of(SEPTEMBER_START, new BigDecimal("0.3")),
                        SettlementPolicy.HUAWEI))
                .extracting(FocusViolation::reason)
                .containsExactly("BilledCost of the billing period starting 2024-08-31T16:00:00Z adds up to 0.32000000,"
                        + " settled by huawei to 0.32, its invoice total is 0.3");
    }

    @Test
    @Tag("FOCUS-6")
    void tagsThatAreNotJson_orAJsonArray_areReported() {
        String tags = "\"{\"\"team\"\":\"\"payments\"\",\"\" org\"\":\"\"Finance & Ops\"\"}\"";

        assertThat(violations(withRow(ROW.replace(tags, "[]"))))
                .containsExactly("v.csv:2 (Tags) FOCUS-6: the tags are not a JSON object");
        assertThat(violations(withRow(ROW.replace(tags, "{team"))))
                .singleElement()
                .asString()
                .startsWith("v.csv:2 (Tags) FOCUS-6: the tags are not JSON: ");
    }

    @Test
    void nullArguments_areRefusedNamingThem() {
        assertThatThrownBy(() -> FocusValidator.validate(null, "v.csv", Map.of()))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("reader");
        assertThatThrownBy(() -> FocusValidator.validate(new StringReader(GOOD), null, Map.of()))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("source");
        assertThatThrownBy(() -> FocusValidator.validate(new StringReader(GOOD), "v.csv", null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("invoiceTotals");
        assertThatThrownBy(() -> FocusValidator.validate(new StringReader(GOOD), "v.csv", Map.of(), null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("settlement");
    }
}
