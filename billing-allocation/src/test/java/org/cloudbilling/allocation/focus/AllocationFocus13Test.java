package org.cloudbilling.allocation.focus;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.StringReader;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.cloudbilling.allocation.AllocatedRow;
import org.cloudbilling.allocation.AllocationType;
import org.cloudbilling.allocation.RuleId;
import org.cloudbilling.allocation.UnitId;
import org.cloudbilling.core.bill.CostMetric;
import org.cloudbilling.core.bill.LineItem;
import org.cloudbilling.core.focus.FocusColumn;
import org.cloudbilling.core.focus.FocusCsv;
import org.cloudbilling.core.focus.FocusCsvReader;
import org.cloudbilling.core.focus.FocusCsvWriter;
import org.cloudbilling.core.focus.FocusExport;
import org.cloudbilling.core.focus.FocusRow;
import org.cloudbilling.core.focus.FocusVersion;
import org.cloudbilling.core.io.FormulaGuard;
import org.cloudbilling.core.io.OnError;
import org.cloudbilling.core.money.Money;
import org.cloudbilling.core.testing.BillFixtures;
import org.cloudbilling.core.time.BillingCalendar;
import org.cloudbilling.core.time.BillingMonth;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * FOCUS-8 and FOCUS-9 in a FOCUS 1.3 export: the split cost allocation goes to 1.3's own AllocatedMethodId and
 * AllocatedMethodDetails columns, ServiceProviderName and HostProviderName are filled beside the deprecated
 * ProviderName and PublisherName, and the file reads back as 1.3. Expectations worked out by hand.
 */
@Tag("FOCUS-8")
@Tag("FOCUS-9")
class AllocationFocus13Test {
    private static final FocusExport V13 = new FocusExport(
            "Tencent Cloud",
            "Tencent Cloud",
            "Tencent Cloud International",
            BillingCalendar.TENCENT,
            FocusVersion.V1_3);
    private static final BillingMonth SEPTEMBER = BillingMonth.of(2024, 9);
    // BilledCost 0.32, ListCost 0.40, discount rate 0.8 (ContractedCost 0.32), 1 hour used
    private static final LineItem CVM = BillFixtures.CVM_HOUR;
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));

    private static AllocatedRow row(String unit, String amount) {
        return new AllocatedRow(
                CVM,
                Optional.of(UnitId.of(unit)),
                AllocationType.SHARED,
                Money.of("CNY", amount),
                Optional.of(RuleId.of("s1")));
    }

    /** The month: the hour of CVM shared 3 : 1 between web (0.24) and db (0.08) by rule s1. */
    private static List<FocusRow> month() {
        return AllocationFocus.toRows(List.of(row("web", "0.24"), row("db", "0.08")), SEPTEMBER, V13);
    }

    private static BigDecimal ratio(String details) throws Exception {
        JsonNode n = JSON.readTree(details);
        assertThat(n.get("Elements")).hasSize(1);
        return n.get("Elements").get(0).get("AllocatedRatio").decimalValue();
    }

    @Test
    @DisplayName("FOCUS-9: a 1.3 allocation export has AllocatedMethodId and AllocatedMethodDetails as columns")
    void v13_allocatedColumns_haveTheHandComputedValues() throws Exception {
        List<FocusRow> rows = month();

        assertThat(rows).hasSize(2);
        FocusRow web = rows.get(0);
        FocusRow db = rows.get(1);
        assertThat(web.text(FocusColumn.ALLOCATED_METHOD_ID)).contains("Shared/s1");
        assertThat(db.text(FocusColumn.ALLOCATED_METHOD_ID)).contains("Shared/s1");
        // 0.24 / 0.32 = 0.75 and 0.08 / 0.32 = 0.25, at 12 decimal places
        assertThat(ratio(web.text(FocusColumn.ALLOCATED_METHOD_DETAILS).orElseThrow())
                        .toPlainString())
                .isEqualTo("0.750000000000");
        assertThat(ratio(db.text(FocusColumn.ALLOCATED_METHOD_DETAILS).orElseThrow())
                        .toPlainString())
                .isEqualTo("0.250000000000");
        JsonNode details =
                JSON.readTree(web.text(FocusColumn.ALLOCATED_METHOD_DETAILS).orElseThrow());
        assertThat(details.get("x_AllocationUnit").asText()).isEqualTo("web");
        assertThat(details.get("x_AllocationRule").asText()).isEqualTo("s1");
        // not also as x_ columns
        assertThat(web.extra("x_AllocatedMethodId")).isEmpty();
        assertThat(web.extra("x_AllocatedMethodDetails")).isEmpty();
        // summable metrics split 3 : 1
        assertThat(web.decimal(FocusColumn.BILLED_COST).orElseThrow()).isEqualByComparingTo("0.24");
        assertThat(db.decimal(FocusColumn.BILLED_COST).orElseThrow()).isEqualByComparingTo("0.08");
        assertThat(web.decimal(FocusColumn.LIST_COST).orElseThrow()).isEqualByComparingTo("0.30");
        assertThat(db.decimal(FocusColumn.LIST_COST).orElseThrow()).isEqualByComparingTo("0.10");
        assertThat(web.decimal(FocusColumn.CONTRACTED_COST).orElseThrow()).isEqualByComparingTo("0.24");
        assertThat(db.decimal(FocusColumn.CONTRACTED_COST).orElseThrow()).isEqualByComparingTo("0.08");
        assertThat(web.decimal(FocusColumn.CONSUMED_QUANTITY).orElseThrow()).isEqualByComparingTo("0.75");
        assertThat(db.decimal(FocusColumn.CONSUMED_QUANTITY).orElseThrow()).isEqualByComparingTo("0.25");
        assertThat(web.decimal(FocusColumn.PRICING_QUANTITY).orElseThrow()).isEqualByComparingTo("0.75");
        assertThat(db.decimal(FocusColumn.PRICING_QUANTITY).orElseThrow()).isEqualByComparingTo("0.25");
        // dimensions are the origin's; 1.3's provider columns beside the deprecated ones
        for (FocusRow r : rows) {
            assertThat(r.text(FocusColumn.RESOURCE_ID)).contains("ins-8f3k2j1a");
            assertThat(r.text(FocusColumn.SERVICE_PROVIDER_NAME)).contains("Tencent Cloud");
            assertThat(r.text(FocusColumn.HOST_PROVIDER_NAME)).contains("Tencent Cloud");
            assertThat(r.text(FocusColumn.PROVIDER_NAME)).contains("Tencent Cloud");
            assertThat(r.text(FocusColumn.PUBLISHER_NAME)).contains("Tencent Cloud");
            assertThat(r.isNull(FocusColumn.ALLOCATED_RESOURCE_ID)).isTrue();
        }
    }

    @Test
    @DisplayName("FOCUS-9: each summable metric of the 1.3 rows adds up to the origin's exactly")
    void v13_summableMetrics_addUpToTheOrigin() {
        List<FocusRow> rows = month();
        // the origin: BilledCost 0.32, ListCost 0.40, ContractedCost 0.40 x 0.8 = 0.32, EffectiveCost 0.32,
        // ConsumedQuantity and PricingQuantity 1
        String[][] expected = {
            {"BilledCost", "0.32"},
            {"ListCost", "0.40"},
            {"ContractedCost", "0.32"},
            {"EffectiveCost", "0.32"},
            {"ConsumedQuantity", "1"},
            {"PricingQuantity", "1"}
        };
        for (String[] e : expected) {
            FocusColumn c = FocusColumn.of(e[0]).orElseThrow();
            BigDecimal sum =
                    rows.stream().map(r -> r.decimal(c).orElseThrow()).reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(sum).as(e[0]).isEqualByComparingTo(e[1]);
        }
    }

    @Test
    @DisplayName("FOCUS-8: a 1.3 allocation export reads back as FOCUS 1.3, its Allocated columns kept")
    void v13_written_readsBackAs13() {
        StringWriter text = new StringWriter();
        try (FocusCsvWriter w = FocusCsv.writer(
                text, FocusVersion.V1_3, AllocationFocus.extraColumns(FocusVersion.V1_3), FormulaGuard.OFF)) {
            month().forEach(w::write);
        }
        String header = text.toString().lines().findFirst().orElseThrow();
        assertThat(List.of(header.split(",")))
                .contains("AllocatedMethodId", "AllocatedMethodDetails", "ServiceProviderName", "HostProviderName")
                .doesNotContain("x_AllocatedMethodId", "x_AllocatedMethodDetails");

        try (FocusCsvReader in = FocusCsv.reader(new StringReader(text.toString()), "a.csv", FormulaGuard.OFF, null)) {
            assertThat(in.version()).isEqualTo(FocusVersion.V1_3);
        }
        List<FocusRow> back = FocusCsv.readAll(new StringReader(text.toString()), "a.csv", OnError.FAIL)
                .valuesOrThrow();
        assertThat(back).hasSize(2);
        assertThat(back.get(0).text(FocusColumn.ALLOCATED_METHOD_ID)).contains("Shared/s1");
        assertThat(back.get(1).decimal(FocusColumn.BILLED_COST).orElseThrow()).isEqualByComparingTo("0.08");
    }

    @Test
    @Tag("FOCUS-11")
    @DisplayName("FOCUS-11, FOCUS-9: an allocation computed on ListCost splits every summable metric by the ListCost"
            + " weights and names the metric in AllocatedMethodDetails")
    void onListCost_everyMetricSplitByTheListCostWeights() throws Exception {
        // ListCost 0.40 allocated 0.10 to web and 0.30 to db: weights 1 : 3
        AllocatedRow web = new AllocatedRow(
                CVM,
                Optional.of(UnitId.of("web")),
                AllocationType.SHARED,
                Money.of("CNY", "0.10"),
                Optional.of(RuleId.of("s1")));
        AllocatedRow db = new AllocatedRow(
                CVM,
                Optional.of(UnitId.of("db")),
                AllocationType.SHARED,
                Money.of("CNY", "0.30"),
                Optional.of(RuleId.of("s1")));

        List<FocusRow> rows = AllocationFocus.toRows(
                List.of(web, db), SEPTEMBER, V13, AllocationFocus.SplitColumns.FOCUS_1_3, CostMetric.LIST_COST);

        // BilledCost 0.32 by 1 : 3 is 0.08 and 0.24 (not the ListCost amounts); ListCost 0.10 and 0.30;
        // ContractedCost and EffectiveCost 0.32 as BilledCost; quantities 1 by 1 : 3
        String[][] want = {
            {"BilledCost", "0.08", "0.24"},
            {"ListCost", "0.10", "0.30"},
            {"ContractedCost", "0.08", "0.24"},
            {"EffectiveCost", "0.08", "0.24"},
            {"ConsumedQuantity", "0.25", "0.75"},
            {"PricingQuantity", "0.25", "0.75"}
        };
        for (String[] w : want) {
            FocusColumn c = FocusColumn.of(w[0]).orElseThrow();
            assertThat(rows.get(0).decimal(c).orElseThrow()).as(w[0]).isEqualByComparingTo(w[1]);
            assertThat(rows.get(1).decimal(c).orElseThrow()).as(w[0]).isEqualByComparingTo(w[2]);
        }
        String details = rows.get(0).text(FocusColumn.ALLOCATED_METHOD_DETAILS).orElseThrow();
        assertThat(ratio(details).toPlainString()).isEqualTo("0.250000000000");
        assertThat(JSON.readTree(details).get("x_AllocationMetric").asText()).isEqualTo("ListCost");
        // on BilledCost, the metric is not named
        assertThat(month().get(0).text(FocusColumn.ALLOCATED_METHOD_DETAILS).orElseThrow())
                .doesNotContain("x_AllocationMetric");
    }
}
