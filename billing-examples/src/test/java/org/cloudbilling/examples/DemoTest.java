package org.cloudbilling.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.cloudbilling.core.bill.LineItem;
import org.cloudbilling.core.id.TagKey;
import org.cloudbilling.core.io.BillingInputException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

class DemoTest {

    @Test
    void demo_printsExactTotals_equalToThePlainSumsOfTheFile() throws IOException {
        Map<String, BigDecimal> byAccount = new TreeMap<>();
        BigDecimal total = BigDecimal.ZERO;
        for (Map<String, String> row : CliRun.focusRows()) {
            BigDecimal billed = new BigDecimal(row.get("BilledCost"));
            byAccount.merge(row.get("BillingAccountId"), billed, BigDecimal::add);
            total = total.add(billed);
        }
        CliRun run = CliRun.run("demo");
        assertThat(run.code()).isZero();
        assertThat(run.out()).contains("Read 1000 line items.");
        assertThat(run.out()).contains("Total billed cost: USD " + total.toPlainString() + " over 1000 items (exact)");
        assertThat(total.toPlainString()).isEqualTo("20.52022672899"); // 11 decimals kept, as in the file
        assertThat(run.out()).contains("Payable, settled to the minor unit half-up: USD 20.52");
        for (Map.Entry<String, BigDecimal> e : byAccount.entrySet()) {
            assertThat(run.out())
                    .containsPattern(java.util.regex.Pattern.quote(e.getKey()) + "\\s+\\d+\\s+"
                            + java.util.regex.Pattern.quote(e.getValue().toPlainString()) + "\\s");
        }
        assertThat(run.out()).contains(FocusSample.ATTRIBUTION);
    }

    @Test
    @Tag("ORG-9")
    @Tag("ORG-10")
    @Tag("RES-13")
    void demo_runsTheOrganizationMonth_andTheDistributorsMargin() {
        CliRun run = CliRun.run("demo");

        assertThat(run.code()).isZero();
        // hand-computed in ResellerSamplesTest: balances 255 + 190 + 10 = 455, consumption 195, top-ups 650
        assertThat(run.out()).contains("Top-ups CNY 650.00 = balances CNY 455.00 + consumption CNY 195.00");
        assertThat(run.out())
                .contains("  INV-202409-300000000012 INVOICE of 300000000012: CNY 15.00, charges [m2-1, m2-2]");
        // margins 47 (R1) + 10 (R2)
        assertThat(run.out()).contains("Margin: CNY 57.0000");
        assertThat(run.out()).contains("  by reseller: 200000000011 47.0000, 200000000012 10.0000");
    }

    @Test
    @Tag("ALLOC-6")
    void demo_allocatesTheSampleByItsTags_unitsAndUnallocatedAddUpToTheTotal() throws IOException {
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        BigDecimal total = BigDecimal.ZERO;
        BigDecimal unallocated = BigDecimal.ZERO;
        for (Map<String, String> row : CliRun.focusRows()) {
            BigDecimal billed = new BigDecimal(row.get("BilledCost"));
            total = total.add(billed);
            if (FocusSampleRulesCheck.unitOf(row, json).isEmpty()) {
                unallocated = unallocated.add(billed);
            }
        }

        CliRun run = CliRun.run("demo");

        assertThat(run.code()).isZero();
        assertThat(run.out())
                .contains("Cost allocation by the tags business_unit and application")
                .contains("  sunbird with its subtree: USD "
                        + total.subtract(unallocated).toPlainString()
                        + "; Unallocated: USD " + unallocated.toPlainString() + "; all rows: USD "
                        + total.toPlainString() + " = the items' total USD " + total.toPlainString());
    }

    @Test
    void focusSample_readsEveryRow_withTagKeysKeptExactly() {
        List<LineItem> items = FocusSample.read();
        assertThat(items).hasSize(1000);
        assertThat(items.stream().filter(i -> i.tags().containsKey(TagKey.of(" org"))))
                .as("a tag key with a leading blank is its own key")
                .isNotEmpty();
        assertThat(items.stream().filter(i -> i.regionId().isEmpty())).hasSize(7); // the 7 NULL regions
    }

    @Test
    void focusSample_badCell_namesLineAndColumn() {
        String csv = CliRun.focusCsvWithLastCell(2, "BilledCost", "1.2.3");
        int column = CliRun.focusHeader().indexOf("BilledCost") + 1;

        assertThatThrownBy(() -> FocusSample.read(new StringReader(csv), "bad.csv"))
                .isInstanceOf(BillingInputException.class)
                .hasMessageStartingWith("bad.csv:3:" + column + " (BilledCost): ")
                .hasMessageContaining("1.2.3");
    }

    @Test
    void focusSample_valueTheModelRefuses_isBadInputNamingTheLine() {
        String csv = CliRun.focusCsvWithLastCell(1, "Tags", "{\"\": \"x\"}");

        assertThatThrownBy(() -> FocusSample.read(new StringReader(csv), "tags.csv"))
                .isInstanceOf(BillingInputException.class)
                .hasMessageStartingWith("tags.csv:2");
    }

    @Test
    void focusSample_headerWithoutMandatoryColumns_isBadInputNamingThem() {
        String csv = "Id,BillingCurrency,BillingAccountId,SubAccountId,ServiceName,ChargeCategory,ChargePeriodStart,"
                + "ChargePeriodEnd,ListCost,BilledCost\n"
                + "1,USD,a,b,S,Usage,2024-09-01 00:00:00,2024-09-01 01:00:00,1,1\n";

        assertThatThrownBy(() -> FocusSample.read(new StringReader(csv), "short.csv"))
                .isInstanceOf(BillingInputException.class)
                .hasMessageStartingWith("short.csv:1:")
                .hasMessageContaining("ProviderName");
    }

    @Test
    void unknownCommand_exitsWithTwo_andHelpWithZero() {
        CliRun bad = CliRun.run("frobnicate");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err())
                .contains("'frobnicate'")
                .contains("Try 'billing --help'")
                .doesNotContain("Exception");
        assertThat(CliRun.run("--help").code()).isZero();
    }
}
