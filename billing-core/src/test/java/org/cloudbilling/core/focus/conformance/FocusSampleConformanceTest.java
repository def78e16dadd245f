package org.cloudbilling.core.focus.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.cloudbilling.core.focus.conformance.RuleVerdict.Outcome;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The real FOCUS 1.0 sample (1,000 rows) against the 1.2 model. A 1.0 file cannot conform to 1.2: its quirks
 * (README of the sample: timestamps {@code 2024-09-01 00:00:00}, the literal {@code NULL} for nulls, ListUnitPrice x
 * PricingQuantity not exactly ListCost) are violations, and the columns 1.2 added are absent when their feature is
 * declared. What the test checks is that each of those is reported by the rule that states it, and nothing crashes.
 */
@Tag("FOCUS-7")
class FocusSampleConformanceTest {
    private static ConformanceReport check(Set<String> declared) {
        Reader r = new InputStreamReader(
                FocusSampleConformanceTest.class.getResourceAsStream("/focus/focus_sample.csv"),
                StandardCharsets.UTF_8);
        return FocusConformance.focus12().check(r, "focus_sample.csv", declared);
    }

    @Test
    void sample_quirksAreViolationsOfTheRulesTheyBreak() {
        ConformanceReport report = check(Set.of());

        assertThat(report.rows()).isEqualTo(1000);
        assertThat(report.conforms()).isFalse();
        // every row's billing period is written "2024-09-01 00:00:00": a date-time, not in DateTimeFormat
        assertThat(report.verdict("BillingPeriodStart-C-001-M").orElseThrow().outcome())
                .isEqualTo(Outcome.HELD);
        assertThat(report.verdict("BillingPeriodStart-C-002-M").orElseThrow().failingRows())
                .isEqualTo(1000);
        // ChargeClass written NULL is not null, and not "Correction" (ChargeClass-C-005-C)
        assertThat(report.verdict("ChargeClass-C-005-C").orElseThrow().examples())
                .first()
                .asString()
                .endsWith("ChargeClass='NULL'");
        // the 43 FOCUS 1.0 columns hold every mandatory 1.2 column
        assertThat(report.verdict("CostAndUsage-D-006-M").orElseThrow().outcome())
                .isEqualTo(Outcome.HELD);
        assertThat(report.verdict("CostAndUsage-D-026-M").orElseThrow().outcome())
                .isEqualTo(Outcome.HELD);
    }

    @Test
    void sample_withPriceListDeclared_failsTheExactProductRule() {
        ConformanceReport report = check(Set.of("PUBLIC_PRICE_LIST_SUPPORTED"));

        // ListUnitPrice-C-010-C: the product MUST match the ListCost; the sample's ListCost is rounded
        assertThat(report.verdict("ListUnitPrice-C-010-C").orElseThrow().outcome())
                .isEqualTo(Outcome.FAILED);
    }

    @Test
    void sample_withCapacityReservationsDeclared_lacksThe12Columns() {
        ConformanceReport report = check(Set.of("CAPACITY_RESERVATION_SUPPORTED"));

        // CostAndUsage-D-065-C: CapacityReservationId (new in 1.2) MUST be present when the provider supports them
        assertThat(report.verdict("CostAndUsage-D-065-C").orElseThrow().outcome())
                .isEqualTo(Outcome.FAILED);
        assertThat(check(Set.of()).verdict("CostAndUsage-D-065-C").orElseThrow().outcome())
                .isEqualTo(Outcome.NOT_APPLICABLE);
    }
}
