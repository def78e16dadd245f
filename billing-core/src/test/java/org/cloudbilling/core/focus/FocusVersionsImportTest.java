package org.cloudbilling.core.focus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cloudbilling.core.bill.CostMetric;
import org.cloudbilling.core.bill.LineItem;
import org.cloudbilling.core.io.BillingInputException;
import org.cloudbilling.core.io.FormulaGuard;
import org.cloudbilling.core.io.OnError;
import org.cloudbilling.core.money.Money;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * FOCUS-8, import: FOCUS 1.0, 1.1 and 1.2 datasets read, the version found from the columns or stated, the columns
 * 1.1 and 1.2 added kept and typed. The datasets are written here by hand, column by column.
 */
@Tag("FOCUS-8")
class FocusVersionsImportTest {

    /** A FOCUS 1.0 row of a compute hour: the columns every version has. */
    static Map<String, String> row10() {
        return with(new LinkedHashMap<>(), """
                BilledCost=1.20
                BillingAccountId=acct-1
                BillingAccountName=Acme
                BillingCurrency=USD
                BillingPeriodStart=2025-05-01T00:00:00Z
                BillingPeriodEnd=2025-06-01T00:00:00Z
                ChargeCategory=Usage
                ChargeDescription=m5.large hour
                ChargeFrequency=Usage-Based
                ChargePeriodStart=2025-05-03T10:00:00Z
                ChargePeriodEnd=2025-05-03T11:00:00Z
                ConsumedQuantity=1
                ConsumedUnit=Hours
                ContractedCost=1.10
                ContractedUnitPrice=1.10
                EffectiveCost=0.95
                InvoiceIssuerName=Cloud Inc.
                ListCost=1.50
                ListUnitPrice=1.50
                PricingCategory=Standard
                PricingQuantity=1
                PricingUnit=Hours
                ProviderName=Cloud
                PublisherName=Cloud Inc.
                RegionId=eu-west-1
                ResourceId=i-1
                ServiceCategory=Compute
                ServiceName=Virtual Machines
                SkuId=SKU-1
                SkuPriceId=SKU-1-P
                SubAccountId=sub-1
                SubAccountName=Team A
                Tags={"team":"a"}
                """);
    }

    /** The same row with the columns FOCUS 1.1 adds. */
    static Map<String, String> row11() {
        return with(row10(), """
                CapacityReservationId=cr-7
                CapacityReservationStatus=Used
                CommitmentDiscountQuantity=0.5
                CommitmentDiscountUnit=Hours
                ServiceSubcategory=Virtual Machines
                SkuMeter=Compute Usage
                SkuPriceDetails={"CoreCount": 2}
                """);
    }

    /** The same row with the columns FOCUS 1.2 adds. */
    static Map<String, String> row12() {
        return with(row11(), """
                BillingAccountType=Billing Profile
                SubAccountType=Subscription
                InvoiceId=INV-2025-05
                PricingCurrency=EUR
                PricingCurrencyContractedUnitPrice=1.01
                PricingCurrencyEffectiveCost=0.87
                PricingCurrencyListUnitPrice=1.38
                """);
    }

    /** Returns {@code row} with the cells of {@code cells}, one {@code Column=value} a line, added in order. */
    private static Map<String, String> with(Map<String, String> row, String cells) {
        for (String line : cells.strip().split("\n")) {
            int eq = line.indexOf('=');
            row.put(line.substring(0, eq).strip(), line.substring(eq + 1));
        }
        return row;
    }

    static String csv(Map<String, String> row) {
        List<String> header = new ArrayList<>(row.keySet());
        List<String> cells = new ArrayList<>();
        for (String h : header) {
            cells.add("\"" + row.get(h).replace("\"", "\"\"") + "\"");
        }
        return String.join(",", header) + "\n" + String.join(",", cells) + "\n";
    }

    private static FocusCsvReader reader(String csv, FocusVersion stated) {
        return FocusCsv.reader(new StringReader(csv), "f.csv", FormulaGuard.OFF, stated);
    }

    @Test
    @DisplayName("FOCUS-8: the version is found from the columns: 1.0, 1.1 or 1.2")
    void version_isFoundFromTheColumns() {
        try (FocusCsvReader in = reader(csv(row10()), null)) {
            assertThat(in.version()).isEqualTo(FocusVersion.V1_0);
        }
        try (FocusCsvReader in = reader(csv(row11()), null)) {
            assertThat(in.version()).isEqualTo(FocusVersion.V1_1);
        }
        try (FocusCsvReader in = reader(csv(row12()), null)) {
            assertThat(in.version()).isEqualTo(FocusVersion.V1_2);
        }
        // one column of 1.2 is enough
        Map<String, String> invoiced = row10();
        invoiced.put("InvoiceId", "INV-1");
        try (FocusCsvReader in = reader(csv(invoiced), null)) {
            assertThat(in.version()).isEqualTo(FocusVersion.V1_2);
        }
    }

    @Test
    @DisplayName("FOCUS-8: the columns of 1.0, 1.1, 1.2 and 1.3 have 43, 50, 57 and 65 names")
    void versions_haveTheirColumns() {
        assertThat(FocusVersion.V1_0.columns()).hasSize(43);
        assertThat(FocusVersion.V1_1.columns()).hasSize(50);
        assertThat(FocusVersion.V1_2.columns()).hasSize(57);
        assertThat(FocusVersion.V1_3.columns()).hasSize(65).containsExactly(FocusColumn.values());
        assertThat(FocusVersion.V1_1.has(FocusColumn.SKU_METER)).isTrue();
        assertThat(FocusVersion.V1_1.has(FocusColumn.INVOICE_ID)).isFalse();
        assertThat(FocusVersion.V1_2.has(FocusColumn.ALLOCATED_METHOD_ID)).isFalse();
        // 1.3 deprecates ProviderName and PublisherName but still has them
        assertThat(FocusVersion.V1_3.has(FocusColumn.PROVIDER_NAME)).isTrue();
        assertThat(FocusVersion.V1_3.has(FocusColumn.PUBLISHER_NAME)).isTrue();
        // the eight columns FOCUS 1.3 adds, from its specification's column files
        assertThat(FocusVersion.V1_3.columns().stream()
                        .filter(c -> !FocusVersion.V1_2.has(c))
                        .map(FocusColumn::header))
                .containsExactly(
                        "AllocatedMethodDetails",
                        "AllocatedMethodId",
                        "AllocatedResourceId",
                        "AllocatedResourceName",
                        "AllocatedTags",
                        "ContractApplied",
                        "HostProviderName",
                        "ServiceProviderName");
        assertThat(FocusVersion.of("1.2")).contains(FocusVersion.V1_2);
        assertThat(FocusVersion.of("1.3")).contains(FocusVersion.V1_3);
        assertThat(FocusVersion.of("1.4")).isEmpty();
    }

    @Test
    @DisplayName("FOCUS-8: a 1.3 dataset is found to be 1.3 from one of its columns, and its 1.3 columns are kept")
    void v13_isFoundFromTheColumns_andKept() {
        Map<String, String> r = row12();
        r.put("ServiceProviderName", "Microsoft");
        r.put("HostProviderName", "Microsoft");
        r.put("AllocatedMethodId", "Shared/s1");
        r.put("AllocatedMethodDetails", "{\"Elements\":[{\"AllocatedRatio\":0.5}]}");
        try (FocusCsvReader in = reader(csv(r), null)) {
            assertThat(in.version()).isEqualTo(FocusVersion.V1_3);
        }
        Map<String, String> one = row10();
        one.put("HostProviderName", "Microsoft");
        try (FocusCsvReader in = reader(csv(one), null)) {
            assertThat(in.version()).isEqualTo(FocusVersion.V1_3);
        }
        FocusRow row = FocusCsv.readAll(new StringReader(csv(r)), "f.csv", OnError.FAIL)
                .valuesOrThrow()
                .get(0);
        assertThat(row.text(FocusColumn.SERVICE_PROVIDER_NAME)).contains("Microsoft");
        assertThat(row.text(FocusColumn.ALLOCATED_METHOD_ID)).contains("Shared/s1");
        assertThat(row.text(FocusColumn.ALLOCATED_METHOD_DETAILS))
                .contains("{\"Elements\":[{\"AllocatedRatio\":0.5}]}");
        assertThat(row.isNull(FocusColumn.ALLOCATED_TAGS)).isTrue();
        assertThat(row.extra()).isEmpty();
        // stated as 1.2, a 1.3 column is refused, never dropped
        assertThatThrownBy(() -> reader(csv(r), FocusVersion.V1_2))
                .isInstanceOf(BillingInputException.class)
                .hasMessageContaining("stated as FOCUS 1.2")
                .hasMessageContaining("ServiceProviderName (1.3)");
    }

    @Test
    @DisplayName("FOCUS-8: a stated version is taken; a column of a later version than stated is refused")
    void statedVersion_isTakenAndChecked() {
        try (FocusCsvReader in = reader(csv(row10()), FocusVersion.V1_2)) {
            assertThat(in.version()).isEqualTo(FocusVersion.V1_2);
        }
        assertThatThrownBy(() -> reader(csv(row12()), FocusVersion.V1_1))
                .isInstanceOf(BillingInputException.class)
                .hasMessageContaining("f.csv:1")
                .hasMessageContaining("stated as FOCUS 1.1")
                .hasMessageContaining("BillingAccountType (1.2)")
                .hasMessageContaining("InvoiceId (1.2)");
    }

    @Test
    @DisplayName("FOCUS-8: the 1.2 columns are kept and typed: decimals exact, text as given")
    void v12_columnsAreKeptAndTyped() {
        FocusRow row = FocusCsv.readAll(new StringReader(csv(row12())), "f.csv", OnError.FAIL)
                .valuesOrThrow()
                .get(0);

        assertThat(row.text(FocusColumn.INVOICE_ID)).contains("INV-2025-05");
        assertThat(row.text(FocusColumn.BILLING_ACCOUNT_TYPE)).contains("Billing Profile");
        assertThat(row.text(FocusColumn.SUB_ACCOUNT_TYPE)).contains("Subscription");
        assertThat(row.text(FocusColumn.PRICING_CURRENCY)).contains("EUR");
        assertThat(row.decimal(FocusColumn.PRICING_CURRENCY_EFFECTIVE_COST)).contains(new BigDecimal("0.87"));
        assertThat(row.decimal(FocusColumn.PRICING_CURRENCY_LIST_UNIT_PRICE)).contains(new BigDecimal("1.38"));
        assertThat(row.decimal(FocusColumn.PRICING_CURRENCY_CONTRACTED_UNIT_PRICE))
                .contains(new BigDecimal("1.01"));
        assertThat(row.decimal(FocusColumn.COMMITMENT_DISCOUNT_QUANTITY)).contains(new BigDecimal("0.5"));
        assertThat(row.text(FocusColumn.SKU_PRICE_DETAILS)).contains("{\"CoreCount\": 2}");
        assertThat(row.text(FocusColumn.SERVICE_SUBCATEGORY)).contains("Virtual Machines");
        assertThat(row.text(FocusColumn.CAPACITY_RESERVATION_ID)).contains("cr-7");
        assertThat(row.extra()).isEmpty();
    }

    @Test
    @DisplayName("FOCUS-8: a bad decimal in a 1.2 column is refused naming line, column and value")
    void v12_badDecimal_isRefusedNamingTheCell() {
        Map<String, String> bad = row12();
        bad.put("PricingCurrencyEffectiveCost", "0,87");

        assertThatThrownBy(() -> FocusCsv.readAll(new StringReader(csv(bad)), "f.csv", OnError.FAIL))
                .isInstanceOf(BillingInputException.class)
                .hasMessageContaining("f.csv:2")
                .hasMessageContaining("PricingCurrencyEffectiveCost")
                .hasMessageContaining("0,87");
    }

    @Test
    @DisplayName("FOCUS-8: a 1.1 line item keeps every cost metric, the pricing quantity and the other columns")
    void v11_lineItem_keepsMetricsAndColumns() {
        LineItem item = FocusCsv.readLineItems(new StringReader(csv(row11())), "f.csv", FormulaGuard.OFF, OnError.FAIL)
                .valuesOrThrow()
                .get(0);

        assertThat(item.totalCost()).isEqualTo(Money.of("USD", "1.20"));
        assertThat(item.listCost()).isEqualTo(Money.of("USD", "1.50"));
        assertThat(CostMetric.EFFECTIVE_COST.of(item)).isEqualTo(Money.of("USD", "0.95"));
        assertThat(CostMetric.CONTRACTED_COST.of(item)).isEqualTo(Money.of("USD", "1.10"));
        assertThat(item.pricingQuantity()).contains(new BigDecimal("1"));
        assertThat(item.pricingUnit()).contains("Hours");
        assertThat(item.attributes())
                .containsEntry("ServiceCategory", "Compute")
                .containsEntry("ServiceSubcategory", "Virtual Machines")
                .containsEntry("SkuMeter", "Compute Usage")
                .containsEntry("SkuPriceDetails", "{\"CoreCount\": 2}")
                .containsEntry("CapacityReservationStatus", "Used")
                .containsEntry("CommitmentDiscountQuantity", "0.5")
                .containsEntry("BillingPeriodStart", "2025-05-01T00:00:00Z")
                .doesNotContainKeys("BilledCost", "SubAccountId", "Tags");
    }

    @Test
    @DisplayName("FOCUS-8: the FOCUS 1.0 sample is found to be 1.0, and its line items keep its other columns")
    void sample10_isVersion10() throws Exception {
        try (Reader r = new InputStreamReader(
                        FocusVersionsImportTest.class.getResourceAsStream("/focus/focus_sample.csv"),
                        StandardCharsets.UTF_8);
                FocusCsvReader in = FocusCsv.reader(r, "focus_sample.csv")) {
            assertThat(in.version()).isEqualTo(FocusVersion.V1_0);
            LineItem first = in.nextLineItem();
            // the sample's first row, read by eye: EffectiveCost 0.00000000000, BilledCost 0.00000080000
            assertThat(CostMetric.EFFECTIVE_COST.of(first).amount()).isEqualByComparingTo("0");
            assertThat(first.totalCost().amount()).isEqualByComparingTo("0.0000008");
            assertThat(first.attributes()).containsEntry("ServiceCategory", "Integration");
            assertThat(first.feePeriod().start()).isEqualTo(Instant.parse("2024-09-18T22:00:00Z"));
        }
    }
}
