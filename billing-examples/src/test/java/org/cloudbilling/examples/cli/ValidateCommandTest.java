package org.cloudbilling.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.cloudbilling.examples.CliRun;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code billing validate}: the FOCUS 1.2 model's verdict on a file, and its exit code. */
class ValidateCommandTest {
    /** Two Usage rows with every mandatory FOCUS 1.2 column, written to satisfy their rules. */
    static final String CONFORMANT = """
            BillingAccountId,BillingAccountName,BilledCost,BillingCurrency,BillingPeriodStart,BillingPeriodEnd,\
            ChargeCategory,ChargeClass,ChargeDescription,ChargeFrequency,ChargePeriodStart,ChargePeriodEnd,\
            ContractedCost,EffectiveCost,ListCost,InvoiceId,InvoiceIssuerName,PricingQuantity,PricingUnit,\
            ProviderName,PublisherName,ServiceCategory,ServiceName,ServiceSubcategory
            a1,Acme,1.50,USD,2024-09-01T00:00:00Z,2024-10-01T00:00:00Z,Usage,,VM hour,Usage-Based,\
            2024-09-01T00:00:00Z,2024-09-01T01:00:00Z,1.50,1.50,1.50,i1,Example,1,Hours,Example,Example,Compute,VM,\
            Virtual Machines
            a1,Acme,-0.25,USD,2024-09-01T00:00:00Z,2024-10-01T00:00:00Z,Credit,,Credit,One-Time,\
            2024-09-01T00:00:00Z,2024-10-01T00:00:00Z,-0.25,-0.25,-0.25,i1,Example,,,Example,Example,Compute,VM,\
            Virtual Machines
            """;

    @TempDir
    Path dir;

    private Path file(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    @Test
    void validate_conformantFile_exitsZero() throws IOException {
        CliRun run = CliRun.run(
                "validate", "--focus-version", "1.2", file("ok.csv", CONFORMANT).toString());

        assertThat(run.code()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("0 MUST violated").endsWith("CONFORMS: every checked MUST holds\n");
    }

    @Test
    @Tag("FOCUS-7")
    void validate_focus10Sample_exitsThreeNamingTheRulesBroken() {
        CliRun run = CliRun.run(
                "validate", "--focus-version", "1.2", CliRun.focusSample().toString());

        assertThat(run.code()).isEqualTo(ValidateCommand.NOT_CONFORMING);
        assertThat(run.out())
                .contains("1000 rows, 621 rules")
                .contains("FAILED BillingPeriodStart-C-002-M [MUST] BillingPeriodStart MUST conform to DateTimeFormat"
                        + " requirements. (1000 rows)")
                .contains("    line 2: BillingPeriodStart='2024-09-01 00:00:00'")
                .endsWith("DOES NOT CONFORM\n");
    }

    @Test
    void validate_declaredFeature_appliesItsRules() throws IOException {
        CliRun run = CliRun.run(
                "validate",
                "--supports",
                "TAGGING_SUPPORTED",
                file("ok.csv", CONFORMANT).toString());

        // CostAndUsage-D-064-C: Tags MUST be present when the provider supports tags
        assertThat(run.code()).isEqualTo(ValidateCommand.NOT_CONFORMING);
        assertThat(run.out()).contains("FAILED CostAndUsage-D-064-C [MUST] Tags MUST be present");
    }

    @Test
    @Tag("bad-input")
    void validate_unknownCriterion_exitsTwo() throws IOException {
        CliRun run = CliRun.run(
                "validate", "--supports", "TAGS", file("ok.csv", CONFORMANT).toString());

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("--supports: 'TAGS' is not an applicability criterion");
    }

    @Test
    @Tag("bad-input")
    void validate_modelNotJson_exitsTwoNamingTheModel() throws IOException {
        Path model = file("model.json", "{\"ModelRules\": [");

        CliRun run = CliRun.run(
                "validate",
                "--model",
                model.toString(),
                file("ok.csv", CONFORMANT).toString());

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("--model: " + model + ": at $: not JSON").doesNotContain("Exception");
    }

    @Test
    @Tag("bad-input")
    void validate_otherVersionWithoutModel_exitsTwo() throws IOException {
        CliRun run = CliRun.run(
                "validate", "--focus-version", "1.3", file("ok.csv", CONFORMANT).toString());

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("give its model with --model");
    }

    @Test
    @Tag("bad-input")
    void validate_duplicateColumn_isReportedNotThrown() throws IOException {
        String dup = CONFORMANT.replaceFirst("BillingAccountName", "BilledCost");

        CliRun run = CliRun.run("validate", file("dup.csv", dup).toString());

        assertThat(run.code()).isEqualTo(ValidateCommand.NOT_CONFORMING);
        assertThat(run.out()).contains("PROBLEM the column BilledCost appears 2 times");
        assertThat(run.err()).isEmpty();
    }

    @Test
    @Tag("bad-input")
    void validate_fileNotUtf8_exitsTwoNamingTheLine() throws IOException {
        Path bad = dir.resolve("latin1.csv");
        Files.write(
                bad,
                "BilledCost,ChargeCategory\n1,Us\u00e9age\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));

        CliRun run = CliRun.run("validate", bad.toString());

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err())
                .contains(bad + ":2:")
                .contains("is not valid UTF-8")
                .doesNotContain("Exception");
    }

    @Test
    @Tag("bad-input")
    void validate_missingFile_exitsTwo() {
        CliRun run = CliRun.run("validate", dir.resolve("none.csv").toString());

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("no such file");
    }
}
