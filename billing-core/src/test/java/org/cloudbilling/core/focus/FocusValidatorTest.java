package org.cloudbilling.core.focus;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.cloudbilling.core.bill.LineItem;
import org.cloudbilling.core.id.LineItemId;
import org.cloudbilling.core.money.Money;
import org.cloudbilling.core.money.SettlementPolicy;
import org.cloudbilling.core.testing.BillFixtures;
import org.cloudbilling.core.time.BillingMonth;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** One test per FOCUS rule the validator checks; each starts from a conformant export and breaks one thing. */
class FocusValidatorTest {
    private static final String GOOD = FocusCsvTest.write(List.of(BillFixtures.CVM_HOUR), BillingMonth.of(2024, 9));
    private static final Instant SEPTEMBER_START = Instant.parse("2024-08-31T16:00:00Z");

    private static List<FocusViolation> validate(String csv) {
        return FocusValidator.validate(new StringReader(csv), "v.csv", Map.of());
    }

    @Test
    void validate_conformantExport_findsNothing() {
        assertThat(validate(GOOD)).isEmpty();
    }

    @Test
    @Tag("FOCUS-1")
    void validate_misspelledColumnAndNullMandatoryCell_reportsBoth() {
        String csv = GOOD.replace("SubAccountName", "SubaccountName").replace(",Usage-Based,", ",,");

        assertThat(validate(csv))
                .extracting(FocusViolation::toString)
                .containsExactly(
                        "v.csv:1 (SubAccountName) FOCUS-1: the FOCUS 1.0 column SubAccountName is missing",
                        "v.csv:2 (ChargeFrequency) FOCUS-1: ChargeFrequency may never be null");
    }

    @Test
    @Tag("FOCUS-2")
    void validate_nonIsoTimestampAndEmptyPeriod_reported() {
        String csv = GOOD.replace("2024-09-17T17:00:00Z", "2024-09-17 17:00:00")
                .replace("2024-08-31T16:00:00Z", "2024-09-30T16:00:00Z");

        assertThat(validate(csv))
                .extracting(FocusViolation::rule, FocusViolation::column, FocusViolation::value)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("FOCUS-2", "ChargePeriodEnd", "2024-09-17 17:00:00"),
                        org.assertj.core.groups.Tuple.tuple("FOCUS-2", "BillingPeriodEnd", "2024-09-30T16:00:00Z"));
    }

    @Test
    @Tag("FOCUS-3")
    void validate_nullWrittenAsNullLiteral_reported() {
        String csv = GOOD.replace(",Hours,", ",NULL,").replace(",1.000000000000000,", ",NULL,");

        assertThat(validate(csv))
                .extracting(FocusViolation::rule, FocusViolation::column)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("FOCUS-3", "ConsumedQuantity"),
                        org.assertj.core.groups.Tuple.tuple("FOCUS-3", "ConsumedUnit"));
    }

    @Test
    @Tag("FOCUS-4")
    void validate_unknownCategoryAndCorrectionOfTheSamePeriod_reported() {
        String csv = GOOD.replace(",Usage,,", ",Refund,Correction,");

        assertThat(validate(csv))
                .extracting(FocusViolation::reason)
                .containsExactly(
                        "'Refund' is not one of [Adjustment, Credit, Purchase, Tax, Usage]",
                        "a Correction corrects an earlier billing period, but the charge period starts "
                                + "2024-09-17T16:00:00Z, within or after the billing period starting 2024-08-31T16:00:00Z");
    }

    @Test
    @Tag("FOCUS-5")
    void validate_invoiceTotal_comparedExactly() {
        assertThat(FocusValidator.validate(
                        new StringReader(GOOD), "v.csv", Map.of(SEPTEMBER_START, new BigDecimal("0.32"))))
                .isEmpty();
        assertThat(FocusValidator.validate(
                        new StringReader(GOOD), "v.csv", Map.of(SEPTEMBER_START, new BigDecimal("0.33"))))
                .extracting(FocusViolation::reason)
                .containsExactly("BilledCost of the billing period starting 2024-08-31T16:00:00Z adds up to 0.32000000,"
                        + " its invoice total is 0.33");
    }

    @Test
    @Tag("FOCUS-5")
    @Tag("MONEY-3")
    void validate_settledInvoiceTotal_tencentRoundsHalfUpHuaweiTruncates() {
        LineItem big = LineItem.builder()
                .from(BillFixtures.CVM_HOUR)
                .id(LineItemId.of("li-big"))
                .listCost(Money.of("CNY", "200.00000000"))
                .cashPaid(Money.of("CNY", "100.02501236"))
                .totalCost(Money.of("CNY", "100.12501236"))
                .build();
        // 0.32 + 100.12501236 = 100.44501236: Tencent settles to 100.45 (half-up), Huawei to 100.44 (truncation)
        String csv = FocusCsvTest.write(List.of(BillFixtures.CVM_HOUR, big), BillingMonth.of(2024, 9));

        assertThat(FocusValidator.validate(
                        new StringReader(csv),
                        "s.csv",
                        Map.of(SEPTEMBER_START, new BigDecimal("100.45")),
                        SettlementPolicy.TENCENT))
                .isEmpty();
        assertThat(FocusValidator.validate(
                        new StringReader(csv),
                        "s.csv",
                        Map.of(SEPTEMBER_START, new BigDecimal("100.44")),
                        SettlementPolicy.HUAWEI))
                .isEmpty();
        assertThat(FocusValidator.validate(
                        new StringReader(csv),
                        "s.csv",
                        Map.of(SEPTEMBER_START, new BigDecimal("100.44")),
                        SettlementPolicy.TENCENT))
                .singleElement()
                .satisfies(
                        v -> assertThat(v.reason()).contains("adds up to 100.44501236, settled by tencent to 100.45"));
        // exactly, the settled total is not the sum of the BilledCost
        assertThat(FocusValidator.validate(
                        new StringReader(csv), "s.csv", Map.of(SEPTEMBER_START, new BigDecimal("100.45"))))
                .hasSize(1);
    }

    @Test
    @Tag("FOCUS-6")
    void validate_tagsNotAnObjectOfStrings_reported() {
        String tags = "\"{\"\"team\"\":\"\"payments\"\",\"\" org\"\":\"\"Finance & Ops\"\"}\"";
        assertThat(GOOD).contains(tags);

        assertThat(validate(GOOD.replace(tags, "\"{\"\"team\"\":1}\"")))
                .extracting(FocusViolation::reason)
                .containsExactly("the value of tag 'team' is not a string");
        assertThat(validate(GOOD.replace(tags, "\"[\"\"team\"\"]\"")))
                .extracting(FocusViolation::reason)
                .containsExactly("the tags are not a JSON object");
        assertThat(validate(GOOD.replace(tags, "\"{\"\"a\"\":\"\"1\"\",\"\"a\"\":\"\"2\"\"}\"")))
                .singleElement()
                .satisfies(v -> assertThat(v.reason()).startsWith("the tags are not JSON: Duplicate field 'a'"));
    }
}
