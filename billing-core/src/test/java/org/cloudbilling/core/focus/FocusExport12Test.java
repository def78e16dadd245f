package org.cloudbilling.core.focus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.cloudbilling.core.bill.ActionType;
import org.cloudbilling.core.bill.LineItem;
import org.cloudbilling.core.bill.PayMode;
import org.cloudbilling.core.id.OrderId;
import org.cloudbilling.core.io.FormulaGuard;
import org.cloudbilling.core.io.OnError;
import org.cloudbilling.core.money.Money;
import org.cloudbilling.core.testing.BillFixtures;
import org.cloudbilling.core.time.BillingCalendar;
import org.cloudbilling.core.time.BillingMonth;
import org.cloudbilling.core.time.Interval;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** FOCUS-8, export: line items written as FOCUS 1.2, the library's own mapped, a provider's carried. */
@Tag("FOCUS-8")
class FocusExport12Test {
    private static final FocusExport V12 = new FocusExport(
                    "Tencent Cloud", "Tencent Cloud", "Tencent Cloud", BillingCalendar.UTC)
            .withVersion(FocusVersion.V1_2);

    private static String write(FocusVersion version, List<FocusRow> rows) {
        StringWriter out = new StringWriter();
        try (FocusCsvWriter w = FocusCsv.writer(out, version, FocusLineItems.EXTRA_COLUMNS, FormulaGuard.OFF)) {
            rows.forEach(w::write);
        }
        return out.toString();
    }

    @Test
    @DisplayName("FOCUS-8: a 1.2 export has the 57 columns of FOCUS 1.2, in the specification's order, then x_")
    void header_isThe57Columns() {
        String text = write(FocusVersion.V1_2, List.of());
        String header = text.substring(0, text.indexOf('\n'));

        assertThat(header)
                .startsWith(
                        "AvailabilityZone,BilledCost,BillingAccountId,BillingAccountName,"
                                + "BillingAccountType,BillingCurrency,BillingPeriodEnd,BillingPeriodStart,CapacityReservationId,");
        assertThat(header.split(",")).hasSize(57 + FocusLineItems.EXTRA_COLUMNS.size());
        assertThat(header)
                .contains(",InvoiceId,InvoiceIssuerName,ListCost,")
                .contains(",PricingCurrency,PricingCurrencyContractedUnitPrice,PricingCurrencyEffectiveCost,"
                        + "PricingCurrencyListUnitPrice,PricingQuantity,")
                .contains(",ServiceName,ServiceSubcategory,SkuId,SkuMeter,SkuPriceDetails,SkuPriceId,SubAccountId,"
                        + "SubAccountName,SubAccountType,Tags,x_LineItemId");
    }

    @Test
    @DisplayName("FOCUS-8: the library's usage item in 1.2: PricingQuantity is its quantity, the subcategory Other")
    void libraryUsage_v12() {
        FocusRow row = FocusLineItems.toRow(BillFixtures.CVM_HOUR, BillingMonth.of(2024, 9), V12);

        // CVM_HOUR: 1 hour used at list 0.40, discount 0.8, total 0.32
        assertThat(row.decimal(FocusColumn.PRICING_QUANTITY)).contains(new BigDecimal("1.000000000000000"));
        assertThat(row.text(FocusColumn.PRICING_UNIT)).contains("Hours");
        assertThat(row.decimal(FocusColumn.CONSUMED_QUANTITY)).contains(new BigDecimal("1.000000000000000"));
        assertThat(row.text(FocusColumn.SERVICE_CATEGORY)).contains("Other");
        assertThat(row.text(FocusColumn.SERVICE_SUBCATEGORY)).contains("Other (Other)");
        assertThat(row.decimal(FocusColumn.EFFECTIVE_COST)).contains(new BigDecimal("0.32000000"));
        assertThat(row.decimal(FocusColumn.CONTRACTED_COST)).contains(new BigDecimal("0.320000000"));
        assertThat(row.isNull(FocusColumn.INVOICE_ID)).isTrue();
    }

    @Test
    @DisplayName("FOCUS-8: a purchase in 1.2 has no ConsumedQuantity (Usage only); its quantity is priced")
    void libraryPurchase_v12_hasNoConsumedQuantity() {
        LineItem purchase = LineItem.builder()
                .from(BillFixtures.CVM_HOUR)
                .payMode(PayMode.PREPAID)
                .settlementCycle(java.util.Optional.empty())
                .actionType(ActionType.NEW_PURCHASE)
                .orderId(OrderId.of("o-1"))
                .feePeriod(Interval.of(Instant.parse("2024-09-01T00:00:00Z"), Instant.parse("2024-10-01T00:00:00Z")))
                .build();

        FocusRow v12 = FocusLineItems.toRow(purchase, BillingMonth.of(2024, 9), V12);
        FocusRow v10 = FocusLineItems.toRow(purchase, BillingMonth.of(2024, 9), V12.withVersion(FocusVersion.V1_0));

        assertThat(v12.text(FocusColumn.CHARGE_CATEGORY)).contains("Purchase");
        assertThat(v12.isNull(FocusColumn.CONSUMED_QUANTITY)).isTrue();
        assertThat(v12.isNull(FocusColumn.CONSUMED_UNIT)).isTrue();
        assertThat(v12.decimal(FocusColumn.PRICING_QUANTITY)).contains(new BigDecimal("1.000000000000000"));
        // 1.0 is written as before
        assertThat(v10.decimal(FocusColumn.CONSUMED_QUANTITY)).contains(new BigDecimal("1.000000000000000"));
        assertThat(v10.isNull(FocusColumn.PRICING_QUANTITY)).isTrue();
    }

    @Test
    @DisplayName("FOCUS-8: a provider's 1.2 row, read as a line item and exported as 1.2, keeps every column's value")
    void provider12_reexported_carriesEveryColumn() {
        String csv = FocusVersionsImportTest.csv(FocusVersionsImportTest.row12());
        FocusRow original = FocusCsv.readAll(new StringReader(csv), "f.csv", OnError.FAIL)
                .valuesOrThrow()
                .get(0);
        LineItem item = FocusCsv.readLineItems(new StringReader(csv), "f.csv", FormulaGuard.OFF, OnError.FAIL)
                .valuesOrThrow()
                .get(0);

        FocusRow exported = FocusLineItems.toRow(item, BillingMonth.of(2025, 5), V12);

        for (FocusColumn c : FocusColumn.values()) {
            switch (c.type()) {
                case DECIMAL:
                    assertThat(exported.decimal(c).map(BigDecimal::stripTrailingZeros))
                            .as(c.header())
                            .isEqualTo(original.decimal(c).map(BigDecimal::stripTrailingZeros));
                    break;
                case STRING:
                    assertThat(exported.text(c)).as(c.header()).isEqualTo(original.text(c));
                    break;
                case DATETIME:
                    assertThat(exported.instant(c)).as(c.header()).isEqualTo(original.instant(c));
                    break;
                default:
                    assertThat(exported.tags()).as(c.header()).isEqualTo(original.tags());
            }
        }
        // the provider's names win over the export's
        assertThat(exported.text(FocusColumn.PROVIDER_NAME)).contains("Cloud");
    }

    @Test
    @DisplayName("FOCUS-8: a 1.2 value is never dropped silently: a 1.0 writer refuses the row, naming the column")
    void provider12_writtenAs10_isRefused() {
        String csv = FocusVersionsImportTest.csv(FocusVersionsImportTest.row12());
        LineItem item = FocusCsv.readLineItems(new StringReader(csv), "f.csv", FormulaGuard.OFF, OnError.FAIL)
                .valuesOrThrow()
                .get(0);
        FocusRow row = FocusLineItems.toRow(item, BillingMonth.of(2025, 5), V12.withVersion(FocusVersion.V1_0));

        assertThatThrownBy(() -> write(FocusVersion.V1_0, List.of(row)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the row has BillingAccountType, a FOCUS 1.2 column, which a FOCUS 1.0 dataset does not"
                        + " have");
    }

    @Test
    @DisplayName("FOCUS-8: the library's own 1.2 export reads back to the same line item")
    void library12_readsBackEqual() {
        FocusRow row = FocusLineItems.toRow(BillFixtures.CVM_HOUR, BillingMonth.of(2024, 9), V12);
        String text = write(FocusVersion.V1_2, List.of(row));

        LineItem back = FocusCsv.readLineItems(new StringReader(text), "f.csv", FormulaGuard.OFF, OnError.FAIL)
                .valuesOrThrow()
                .get(0);

        assertThat(back).isEqualTo(BillFixtures.CVM_HOUR);
    }

    private static LineItem read12(LineItem item) {
        String text = write(FocusVersion.V1_2, List.of(FocusLineItems.toRow(item, BillingMonth.of(2024, 9), V12)));
        return FocusCsv.readLineItems(new StringReader(text), "f.csv", FormulaGuard.OFF, OnError.FAIL)
                .valuesOrThrow()
                .get(0);
    }

    @Test
    @DisplayName("FOCUS-8: PricingCategory in 1.2: Standard for usage at the agreed rate, Committed when a commitment"
            + " paid part of it (PricingCategory-C-004-C, C-008-C, C-009-C); none in 1.0")
    void libraryUsage_v12_pricingCategory() {
        // CVM_HOUR: list 0.40 at discount 0.8, reserved-instance deduction 0.00
        LineItem covered = LineItem.builder()
                .from(BillFixtures.CVM_HOUR)
                .reservedInstanceDeduction(Money.of("CNY", "0.10000000"))
                .build();

        assertThat(FocusLineItems.toRow(BillFixtures.CVM_HOUR, BillingMonth.of(2024, 9), V12)
                        .text(FocusColumn.PRICING_CATEGORY))
                .contains("Standard");
        assertThat(FocusLineItems.toRow(covered, BillingMonth.of(2024, 9), V12).text(FocusColumn.PRICING_CATEGORY))
                .contains("Committed");
        assertThat(FocusLineItems.toRow(
                                BillFixtures.CVM_HOUR, BillingMonth.of(2024, 9), V12.withVersion(FocusVersion.V1_0))
                        .isNull(FocusColumn.PRICING_CATEGORY))
                .isTrue();
        assertThat(read12(covered)).isEqualTo(covered);
    }

    @Test
    @DisplayName("FOCUS-8: a purchase in 1.2 prices the quantity bought, has PricingCategory Standard and EffectiveCost"
            + " 0 (PricingQuantity-C-005-C, EffectiveCost-C-005-C); BilledCost is its cost")
    void libraryPurchase_v12_quantityBought_effectiveCostZero() {
        LineItem purchase = LineItem.builder()
                .from(BillFixtures.CVM_HOUR)
                .payMode(PayMode.PREPAID)
                .settlementCycle(java.util.Optional.empty())
                .actionType(ActionType.NEW_PURCHASE)
                .orderId(OrderId.of("o-1"))
                .usageQuantity(java.util.Optional.empty())
                .usageUnit(java.util.Optional.empty())
                .purchaseQuantity(3)
                .feePeriod(Interval.of(Instant.parse("2024-09-01T00:00:00Z"), Instant.parse("2024-10-01T00:00:00Z")))
                .build();
        LineItem oneOff = LineItem.builder()
                .from(purchase)
                .purchaseQuantity(java.util.Optional.empty())
                .build();

        FocusRow row = FocusLineItems.toRow(purchase, BillingMonth.of(2024, 9), V12);
        FocusRow v10 = FocusLineItems.toRow(purchase, BillingMonth.of(2024, 9), V12.withVersion(FocusVersion.V1_0));

        assertThat(row.decimal(FocusColumn.PRICING_QUANTITY)).contains(new BigDecimal("3"));
        assertThat(row.text(FocusColumn.PRICING_UNIT)).contains("Units");
        assertThat(row.text(FocusColumn.PRICING_CATEGORY)).contains("Standard");
        assertThat(row.decimal(FocusColumn.EFFECTIVE_COST)).contains(BigDecimal.ZERO);
        assertThat(row.decimal(FocusColumn.BILLED_COST)).contains(new BigDecimal("0.32000000"));
        assertThat(FocusLineItems.toRow(oneOff, BillingMonth.of(2024, 9), V12).decimal(FocusColumn.PRICING_QUANTITY))
                .contains(BigDecimal.ONE);
        // 1.0 is written as before: EffectiveCost is the total, no PricingQuantity is made up
        assertThat(v10.decimal(FocusColumn.EFFECTIVE_COST)).contains(new BigDecimal("0.32000000"));
        assertThat(v10.isNull(FocusColumn.PRICING_QUANTITY)).isTrue();
        // what the export derived is not read back as reported
        assertThat(read12(purchase)).isEqualTo(purchase);
        assertThat(read12(oneOff)).isEqualTo(oneOff);
    }

    @Test
    @DisplayName("FOCUS-8: usage without a quantity is priced in 1.2 as 1 Units; a credit has no PricingCategory")
    void libraryUsageWithoutQuantity_v12_andCredit() {
        LineItem unmeasured = LineItem.builder()
                .from(BillFixtures.CVM_HOUR)
                .usageQuantity(java.util.Optional.empty())
                .usageUnit(java.util.Optional.empty())
                .build();
        LineItem credit = LineItem.builder()
                .from(unmeasured)
                .actionType(ActionType.CREDIT)
                .build();

        FocusRow row = FocusLineItems.toRow(unmeasured, BillingMonth.of(2024, 9), V12);
        FocusRow creditRow = FocusLineItems.toRow(credit, BillingMonth.of(2024, 9), V12);

        assertThat(row.decimal(FocusColumn.PRICING_QUANTITY)).contains(BigDecimal.ONE);
        assertThat(row.text(FocusColumn.PRICING_UNIT)).contains("Units");
        assertThat(row.isNull(FocusColumn.CONSUMED_QUANTITY)).isTrue();
        assertThat(creditRow.text(FocusColumn.CHARGE_CATEGORY)).contains("Credit");
        assertThat(creditRow.isNull(FocusColumn.PRICING_CATEGORY)).isTrue();
        assertThat(creditRow.isNull(FocusColumn.PRICING_QUANTITY)).isTrue();
        assertThat(read12(unmeasured)).isEqualTo(unmeasured);
    }
}
