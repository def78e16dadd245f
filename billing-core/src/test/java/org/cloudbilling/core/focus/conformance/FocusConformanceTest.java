package org.cloudbilling.core.focus.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cloudbilling.core.focus.conformance.RuleVerdict.Outcome;
import org.junit.jupiter.api.Test;

/**
 * The bundled FOCUS 1.2 model on small hand-made datasets, one rule family at a time. Each dataset starts from a
 * Usage row written to satisfy every rule of the mandatory columns (read off the rule texts) and breaks one thing;
 * the expected verdicts come from the rule texts quoted beside them.
 */
class FocusConformanceTest {
    private static final FocusConformance FOCUS_12 = FocusConformance.focus12();

    /** A Usage hour of a virtual machine, invoiced by its provider: every mandatory 1.2 column, conformant. */
    static Map<String, String> usageRow() {
        Map<String, String> row = new LinkedHashMap<>();
        row.put("BillingAccountId", "acct-1");
        row.put("BillingAccountName", "Acme");
        row.put("BilledCost", "1.50");
        row.put("BillingCurrency", "USD");
        row.put("BillingPeriodStart", "2024-09-01T00:00:00Z");
        row.put("BillingPeriodEnd", "2024-10-01T00:00:00Z");
        row.put("ChargeCategory", "Usage");
        row.put("ChargeClass", "");
        row.put("ChargeDescription", "Virtual machine hour");
        row.put("ChargeFrequency", "Usage-Based");
        row.put("ChargePeriodStart", "2024-09-01T00:00:00Z");
        row.put("ChargePeriodEnd", "2024-09-01T01:00:00Z");
        row.put("ContractedCost", "1.50");
        row.put("EffectiveCost", "1.50");
        row.put("ListCost", "1.50");
        row.put("InvoiceId", "inv-1");
        row.put("InvoiceIssuerName", "Example Cloud");
        row.put("PricingQuantity", "1");
        row.put("PricingUnit", "Hours");
        row.put("ProviderName", "Example Cloud");
        row.put("PublisherName", "Example Cloud");
        row.put("ServiceCategory", "Compute");
        row.put("ServiceName", "Virtual Machines Service");
        row.put("ServiceSubcategory", "Virtual Machines");
        return row;
    }

    /** Writes rows as CSV (the header of the first row; values without commas or quotes). */
    static String csv(List<Map<String, String>> rows) {
        StringBuilder b = new StringBuilder(String.join(",", rows.get(0).keySet())).append('\n');
        for (Map<String, String> r : rows) {
            b.append(String.join(",", r.values())).append('\n');
        }
        return b.toString();
    }

    private static ConformanceReport check(List<Map<String, String>> rows, String... declared) {
        return FOCUS_12.check(new StringReader(csv(rows)), "t.csv", Set.of(declared));
    }

    private static List<Map<String, String>> rows(Map<String, String>... changes) {
        List<Map<String, String>> out = new ArrayList<>();
        for (Map<String, String> change : changes) {
            Map<String, String> r = usageRow();
            r.putAll(change);
            out.add(r);
        }
        return out;
    }

    private static RuleVerdict verdict(ConformanceReport report, String id) {
        return report.verdict(id).orElseThrow();
    }

    @Test
    void conformantUsageRows_conform() {
        ConformanceReport report = check(rows(Map.of(), Map.of("InvoiceId", "inv-2")));

        assertThat(report.violations()).isEmpty();
        assertThat(report.conforms()).isTrue();
        assertThat(verdict(report, "BilledCost-C-003-M").outcome()).isEqualTo(Outcome.HELD);
        assertThat(verdict(report, "CostAndUsage-D-000-M").outcome()).isEqualTo(Outcome.HELD);
        assertThat(report.rows()).isEqualTo(2);
    }

    @Test
    void presence_missingMandatoryColumn_failsItsPresenceRuleAndSkipsItsColumnRules() {
        List<Map<String, String>> rows = rows(Map.of());
        rows.get(0).remove("BilledCost");

        ConformanceReport report = check(rows);

        // CostAndUsage-D-006-M: "BilledCost MUST be present in a FOCUS dataset."
        assertThat(verdict(report, "CostAndUsage-D-006-M").outcome()).isEqualTo(Outcome.FAILED);
        assertThat(verdict(report, "BilledCost-C-003-M").outcome()).isEqualTo(Outcome.NOT_CHECKED);
        assertThat(report.conforms()).isFalse();
    }

    @Test
    void presence_conditionalColumn_appliesOnlyWhenItsFeatureIsDeclared() {
        // CostAndUsage-D-064-C: "Tags MUST be present in a FOCUS dataset when the provider supports setting user
        // or provider-defined tags." (TAGGING_SUPPORTED)
        assertThat(verdict(check(rows(Map.of())), "CostAndUsage-D-064-C").outcome())
                .isEqualTo(Outcome.NOT_APPLICABLE);
        ConformanceReport declared = check(rows(Map.of()), "TAGGING_SUPPORTED");
        assertThat(verdict(declared, "CostAndUsage-D-064-C").outcome()).isEqualTo(Outcome.FAILED);
        assertThat(declared.conforms()).isFalse();
    }

    @Test
    void nullability_nullWhereForbidden_failsThatRow() {
        ConformanceReport report = check(rows(Map.of(), Map.of("BilledCost", ""), Map.of("PricingUnit", "")));

        // BilledCost-C-003-M: "BilledCost MUST NOT be null."
        RuleVerdict billed = verdict(report, "BilledCost-C-003-M");
        assertThat(billed.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(billed.failingRows()).isEqualTo(1);
        assertThat(billed.examples()).containsExactly("line 3: BilledCost=null");
        // PricingUnit-C-006-C: "PricingUnit MUST NOT be null when PricingQuantity is not null."
        assertThat(verdict(report, "PricingUnit-C-006-C").failingRows()).isEqualTo(1);
        // BilledCost-C-000-M combines them: it fails through the nullability rule
        assertThat(verdict(report, "BilledCost-C-000-M").note()).contains("BilledCost-C-003-M");
    }

    @Test
    void nullability_alternativesOfAnOr_holdWhenEitherHolds() {
        // InvoiceId-C-003-C is OR(InvoiceId-C-004-C "MUST be null when ...", InvoiceId-C-005-C "MUST NOT be null
        // when ..."): a null and a non-null InvoiceId each satisfy one alternative
        ConformanceReport report = check(rows(Map.of(), Map.of("InvoiceId", "")));

        assertThat(verdict(report, "InvoiceId-C-003-C").outcome()).isEqualTo(Outcome.HELD);
        assertThat(verdict(report, "InvoiceId-C-004-C").outcome()).isEqualTo(Outcome.NOT_CHECKED);
        assertThat(report.conforms()).isTrue();
    }

    @Test
    void nullability_alternativesWithConditions_failARowWhereTheOneThatAppliesFails() {
        // SubAccountType-C-003-C is OR(SubAccountType-C-004-C "MUST be null when SubAccountId is null",
        // SubAccountType-C-005-C "MUST NOT be null when SubAccountId is not null"): each applies to the rows of its
        // condition, so a sub account without a type breaks the one that applies to it
        ConformanceReport report = check(
                rows(
                        Map.of("SubAccountId", "s1", "SubAccountName", "Web", "SubAccountType", "Project"),
                        Map.of("SubAccountId", "s2", "SubAccountName", "Data", "SubAccountType", ""),
                        Map.of("SubAccountId", "", "SubAccountName", "", "SubAccountType", "")),
                "SUB_ACCOUNT_SUPPORTED",
                "MULTIPLE_SUB_ACCOUNT_TYPES_SUPPORTED");

        RuleVerdict v = verdict(report, "SubAccountType-C-003-C");
        assertThat(v.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(v.failingRows()).isEqualTo(1);
        assertThat(v.examples().get(0)).startsWith("line 3: ");
    }

    @Test
    void allowedValues_valueOutsideTheList_fails() {
        ConformanceReport report =
                check(rows(Map.of(), Map.of("ChargeCategory", "Refund"), Map.of("ChargeClass", "Corrected")));

        // ChargeCategory-C-003-M: "ChargeCategory MUST be one of the allowed values."
        assertThat(verdict(report, "ChargeCategory-C-003-M").failingRows()).isEqualTo(1);
        // ChargeClass-C-005-C: "ChargeClass MUST be "Correction" when ChargeClass is not null."
        assertThat(verdict(report, "ChargeClass-C-005-C").examples())
                .containsExactly("line 4: ChargeClass='Corrected'");
        assertThat(report.conforms()).isFalse();
    }

    @Test
    void formats_dateTimeWithASpace_isADateTimeNotInTheFocusFormat() {
        ConformanceReport report = check(rows(Map.of("BillingPeriodStart", "2024-09-01 00:00:00")));

        // BillingPeriodStart-C-001-M: "MUST be of type Date/Time." - it is one
        assertThat(verdict(report, "BillingPeriodStart-C-001-M").outcome()).isEqualTo(Outcome.HELD);
        // BillingPeriodStart-C-002-M: "MUST conform to DateTimeFormat requirements." - YYYY-MM-DDTHH:mm:ssZ
        assertThat(verdict(report, "BillingPeriodStart-C-002-M").outcome()).isEqualTo(Outcome.FAILED);
    }

    @Test
    void formats_numericWithAPlusSign_failsNumericFormat() {
        ConformanceReport report = check(rows(Map.of("BilledCost", "+1.50", "EffectiveCost", "1.5e0")));

        // NumericFormat: "MUST NOT include a character to represent a sign for a positive value"
        assertThat(verdict(report, "BilledCost-C-002-M").outcome()).isEqualTo(Outcome.FAILED);
        // E notation is a numeric format
        assertThat(verdict(report, "EffectiveCost-C-002-M").outcome()).isEqualTo(Outcome.HELD);
    }

    @Test
    void formats_unitNotInUnitFormat_isAdviceNotAViolation() {
        ConformanceReport report = check(rows(Map.of("PricingUnit", "hours")));

        // PricingUnit-C-003-O: "PricingUnit SHOULD conform to UnitFormat requirements." (Hours, capitalized)
        RuleVerdict unit = verdict(report, "PricingUnit-C-003-O");
        assertThat(unit.isAdvice()).isTrue();
        assertThat(report.advice()).contains(unit);
        assertThat(report.conforms()).isTrue();
    }

    @Test
    void formats_tagsNotKeyValue_failWhenTaggingDeclared() {
        List<Map<String, String>> rows = rows(Map.of("Tags", "team=a"), Map.of("Tags", ""));

        ConformanceReport report = check(rows, "TAGGING_SUPPORTED");

        // Tags-C-001-M: "Tags MUST conform to KeyValueFormat requirements." - a null is no value to format
        assertThat(verdict(report, "Tags-C-001-M").failingRows()).isEqualTo(1);
        assertThat(verdict(report, "CostAndUsage-D-064-C").outcome()).isEqualTo(Outcome.HELD);
    }

    @Test
    void crossColumn_serviceNameWithTwoCategories_failsTheDistinctCount() {
        ConformanceReport report = check(rows(
                Map.of(),
                Map.of("ServiceCategory", "Storage", "ServiceSubcategory", "Block Storage"),
                Map.of("ServiceName", "Other", "ServiceCategory", "Storage", "ServiceSubcategory", "Block Storage")));

        // ServiceName-C-005-C: "ServiceName MUST have one and only one ServiceCategory ..."
        RuleVerdict v = verdict(report, "ServiceName-C-005-C");
        assertThat(v.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(v.failingRows()).isEqualTo(1);
        assertThat(v.examples().get(0)).startsWith("ServiceName 'Virtual Machines Service' has 2");
    }

    @Test
    void crossColumn_thirdPartyIssuer_billedCostMustBeZero() {
        ConformanceReport report = check(rows(
                Map.of("InvoiceIssuerName", "Reseller Ltd"),
                Map.of("InvoiceIssuerName", "Reseller Ltd", "BilledCost", "0")));

        // BilledCost-C-005-C: "BilledCost MUST be 0 for charges where payments are received by a third party",
        // modelled as ProviderName differing from InvoiceIssuerName
        assertThat(verdict(report, "BilledCost-C-005-C").failingRows()).isEqualTo(1);
    }

    @Test
    void crossColumn_listUnitPriceTimesQuantity_mustBeListCost() {
        List<Map<String, String>> rows = rows(
                Map.of("ListUnitPrice", "0.75", "PricingQuantity", "2", "ListCost", "1.50"),
                Map.of("ListUnitPrice", "0.75", "PricingQuantity", "2", "ListCost", "1.49"));

        ConformanceReport report = check(rows, "PUBLIC_PRICE_LIST_SUPPORTED");

        // ListUnitPrice-C-010-C: "The product of ListUnitPrice and PricingQuantity MUST match the ListCost ..."
        assertThat(verdict(report, "ListUnitPrice-C-010-C").failingRows()).isEqualTo(1);
    }

    @Test
    void dynamicRules_areListedNotChecked() {
        ConformanceReport report = check(rows(Map.of()));

        // BilledCost-C-006-M: "BilledCost MUST be denominated in the BillingCurrency." (Dynamic)
        assertThat(verdict(report, "BilledCost-C-006-M").outcome()).isEqualTo(Outcome.DYNAMIC);
        assertThat(report.text(false)).contains("201 dynamic");
    }

    @Test
    void badData_duplicateColumn_isReportedPerRuleNotThrown() {
        String csv = csv(rows(Map.of())).replaceFirst("BillingAccountName", "BilledCost");

        ConformanceReport report = FOCUS_12.check(new StringReader(csv), "dup.csv", Set.of());

        assertThat(report.datasetProblems()).containsExactly("the column BilledCost appears 2 times");
        assertThat(verdict(report, "BilledCost-C-003-M").outcome()).isEqualTo(Outcome.FAILED);
        assertThat(verdict(report, "BilledCost-C-003-M").note()).contains("appear more than once");
        assertThat(report.conforms()).isFalse();
    }

    @Test
    void badData_wrongTypeValue_failsTheTypeRuleOfThatRow() {
        ConformanceReport report = check(rows(Map.of(), Map.of("ContractedCost", "n/a")));

        // ContractedCost-C-001-M: "ContractedCost MUST be of type Decimal."
        assertThat(verdict(report, "ContractedCost-C-001-M").examples())
                .containsExactly("line 3: ContractedCost='n/a'");
        assertThat(verdict(report, "BilledCost-C-001-M").outcome()).isEqualTo(Outcome.HELD);
    }

    @Test
    void badData_rowOfTheWrongLength_isADatasetProblem() {
        String csv = csv(rows(Map.of())) + "only,three,cells\n";

        ConformanceReport report = FOCUS_12.check(new StringReader(csv), "ragged.csv", Set.of());

        assertThat(report.datasetProblems()).containsExactly("line 3: 3 cells, the header has 24");
        assertThat(report.conforms()).isFalse();
    }

    @Test
    void declared_unknownCriterion_isRefused() {
        assertThatThrownBy(() -> check(rows(Map.of()), "TAGS_SUPPORTED"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("TAGS_SUPPORTED");
    }
}
