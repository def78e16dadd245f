package org.cloudbilling.core.focus.parquet;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.cloudbilling.core.consolidation.Consolidation;
import org.cloudbilling.core.consolidation.Dimension;
import org.cloudbilling.core.consolidation.Grouping;
import org.cloudbilling.core.consolidation.Rollup;
import org.cloudbilling.core.consolidation.Totals;
import org.cloudbilling.core.focus.FocusColumn;
import org.cloudbilling.core.focus.parquet.internal.FocusParquetReader;
import org.cloudbilling.core.focus.parquet.internal.FocusParquetTally;
import org.cloudbilling.core.focus.parquet.internal.ParquetFile;
import org.cloudbilling.core.io.BillingInputException;
import org.cloudbilling.core.io.FastPathComparison;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link FocusParquet#consolidate}: totals from the column values, equal to the last decimal to consolidating the
 * line items of the plain path ({@link FocusParquet#collectLineItems}), on generated files and on the FOCUS sample.
 */
@Tag("FOCUS-10")
class FocusParquetConsolidateTest {
    @TempDir
    Path dir;

    private static final List<String> GROUPINGS = List.of(
            "SubAccountId", // dictionary pages; a null SubAccountId groups under BillingAccountId
            "ServiceName,RegionId",
            "ResourceId", // a value per row: plain pages past DuckDB's dictionary
            "ServiceCategory",
            "ChargeCategory,SkuId",
            "BillingAccountId");

    /**
     * A generated provider dataset of {@code rows} rows, the values drawn from DuckDB's {@code hash} of the row number
     * and {@code seed}: costs of type {@code cost}, nulls in the nullable columns, three currencies, {@code Tags} as a
     * JSON string or a MAP, 1.2 columns or not, row groups of about 1,024 rows.
     */
    private Path generated(long seed, String cost, boolean v12, boolean mapTags, int rows) {
        String h = "hash(i * 131 + %1$d + " + seed + ")";
        String amount;
        switch (cost) {
            case "DECIMAL(18,4)":
                amount = "((" + h + " %% 2000001)::BIGINT - 1000000)::DECIMAL(18,0) * 0.0001::DECIMAL(5,4)";
                break;
            case "DECIMAL(38,10)":
                // up to about 9e8: unscaled values near a long's limit, so the sums spill past it
                amount = "(CASE WHEN " + h + " %% 11 = 0 THEN 900000000.1234567891::DECIMAL(38,10) ELSE ((" + h
                        + " %% 2000000001)::BIGINT - 1000000000)::DECIMAL(38,0) * 0.0000001::DECIMAL(38,10) END)";
                break;
            case "DOUBLE":
                amount = "((" + h + " %% 2000001)::BIGINT - 1000000) / 1000.0";
                break;
            default:
                throw new IllegalArgumentException(cost);
        }
        String cast = cost.equals("DOUBLE") ? "::DOUBLE" : "::" + cost;
        String q = "(" + amount + ")" + cast;
        String nullable = "CASE WHEN " + h + " %% 7 = 0 THEN NULL ELSE %2$s END";
        String ts = "TIMESTAMPTZ '2024-09-01 00:00:00+00' + INTERVAL (i %% 720) HOUR";
        String tagsJson = "'{\"team\":\"t' || (" + h + " %% 3) || '\"}'";
        String tagsMap = "MAP {'team': 't' || (" + h + " %% 3)}";
        String select = "SELECT "
                + String.format(q, 1) + " AS BilledCost, "
                + "'payer-' || (" + String.format(h, 2) + " % 3) AS BillingAccountId, "
                + "CASE " + String.format(h, 3) + " % 5 WHEN 0 THEN 'EUR' WHEN 1 THEN 'JPY' ELSE 'USD' END"
                + " AS BillingCurrency, "
                + "TIMESTAMPTZ '2024-10-01 00:00:00+00' AS BillingPeriodEnd, "
                + "TIMESTAMPTZ '2024-09-01 00:00:00+00' AS BillingPeriodStart, "
                + "CASE " + String.format(h, 4) + " % 4 WHEN 0 THEN 'Purchase' WHEN 1 THEN 'Credit' ELSE 'Usage' END"
                + " AS ChargeCategory, "
                + "'Usage-Based' AS ChargeFrequency, "
                + String.format(ts) + " + INTERVAL 1 HOUR AS ChargePeriodEnd, "
                + String.format(ts) + " AS ChargePeriodStart, "
                + String.format(nullable, 5, String.format(q, 6)) + " AS ContractedCost, "
                + String.format(nullable, 7, String.format(q, 8)) + " AS EffectiveCost, "
                + "'Issuer' AS InvoiceIssuerName, "
                + String.format(q, 9) + " AS ListCost, "
                + "'Prov' AS ProviderName, 'Pub' AS PublisherName, "
                + "CASE " + String.format(h, 10) + " % 3 WHEN 0 THEN 'Compute' WHEN 1 THEN 'Storage' ELSE 'Other' END"
                + " AS ServiceCategory, "
                + "'svc-' || (" + String.format(h, 11) + " % 4) AS ServiceName, "
                + String.format(nullable, 12, "'sub-' || (" + String.format(h, 13) + " % 40)") + " AS SubAccountId, "
                + String.format(nullable, 14, "'region-' || (" + String.format(h, 15) + " % 5)") + " AS RegionId, "
                + String.format(nullable, 16, "'sku-' || (" + String.format(h, 17) + " % 9)") + " AS SkuId, "
                + "'res-' || i AS ResourceId, "
                + String.format(
                        nullable,
                        18,
                        "((" + String.format(h, 19) + " % 2000001)::BIGINT)::DECIMAL(38,0) * 0.000001::DECIMAL(38,6)")
                + " AS ConsumedQuantity, "
                + "'Hours' AS ConsumedUnit, "
                + String.format(nullable, 20, "(" + String.format(h, 21) + " % 1000)::DECIMAL(18,2)")
                + " AS PricingQuantity, "
                + String.format(nullable, 22, mapTags ? String.format(tagsMap, 23) : String.format(tagsJson, 23))
                + " AS Tags"
                + (v12
                        ? ", 'inv-' || (i % 3) AS InvoiceId, 'Other (Other)' AS ServiceSubcategory,"
                                + " 'Standard' AS PricingCategory"
                        : "")
                + " FROM range(" + rows + ") t(i)";
        Path file =
                dir.resolve("gen-" + seed + "-" + cost.replaceAll("\\W", "") + "-" + v12 + "-" + mapTags + ".parquet");
        return DuckParquet.write(file, select, "ROW_GROUP_SIZE 1024");
    }

    static Stream<Arguments> datasets() {
        List<Arguments> out = new ArrayList<>();
        String[] costs = {"DECIMAL(18,4)", "DECIMAL(38,10)", "DOUBLE"};
        long seed = 1;
        for (String cost : costs) {
            for (boolean v12 : new boolean[] {false, true}) {
                out.add(Arguments.of(seed, cost, v12, seed % 2 == 0));
                seed++;
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "seed {0}, {1}, FOCUS 1.2 {2}, MAP tags {3}")
    @MethodSource("datasets")
    @DisplayName("FOCUS-10: totals from the column values equal the line items' totals to the last decimal")
    void consolidate_generated_equalsPlainPathToTheLastDecimal(long seed, String cost, boolean v12, boolean mapTags)
            throws IOException {
        Path file = generated(seed, cost, v12, mapTags, 5000);
        assertThat(encodings(file, "SubAccountId")).as("dictionary pages").anyMatch(e -> e.contains("DICTIONARY"));
        assertThat(encodings(file, "ResourceId")).as("plain pages").noneMatch(e -> e.contains("DICTIONARY"));
        assertThat(rowGroups(file)).as("several row groups").isGreaterThan(1);
        for (String by : GROUPINGS) {
            Grouping grouping = grouping(by);

            Rollup fast = tally(file, grouping);
            Rollup plain = plain(file, grouping);

            assertThat(fast).as("the fast path takes %s by %s", file, by).isNotNull();
            assertThat(FastPathComparison.exactly(fast)).as("by %s", by).isEqualTo(FastPathComparison.exactly(plain));
            assertThat(FocusParquet.consolidate(file, grouping, note -> {})).isEqualTo(plain);
        }
    }

    @Test
    @DisplayName("FOCUS-10: the FOCUS 1.0 sample as Parquet: totals from the column values, BilledCost summed by hand")
    void consolidate_sample_equalsPlainPath_andTheHandSum() throws IOException {
        Path file = sampleParquet();
        for (String by : GROUPINGS) {
            Grouping grouping = grouping(by);
            Rollup fast = tally(file, grouping);
            assertThat(fast).as("the fast path takes the sample by %s", by).isNotNull();
            assertThat(FastPathComparison.exactly(fast))
                    .as("by %s", by)
                    .isEqualTo(FastPathComparison.exactly(plain(file, grouping)));
        }
        Map<java.util.Currency, Totals> grand =
                tally(file, grouping("SubAccountId")).grandTotals();
        // the sample's BilledCost summed by hand from its text (Python's decimal module): 20.52022672899 USD, 1000 rows
        Totals usd = grand.get(java.util.Currency.getInstance("USD"));
        assertThat(usd.totalCost().amount()).isEqualTo(new BigDecimal("20.52022672899"));
        assertThat(usd.itemCount()).isEqualTo(1000);
    }

    @Test
    @DisplayName("FOCUS-10: totals of a hand-made file, computed by hand")
    void consolidate_handMade_totalsByHand() throws IOException {
        // two USD rows of sub-account A (1.25 + 2.5000 billed), one of B with no SubAccountId: grouped under its payer
        Path file = DuckParquet.write(
                dir.resolve("hand.parquet"),
                "SELECT * REPLACE (v.b AS BilledCost, v.s AS SubAccountId, v.e AS EffectiveCost) FROM ("
                        + DuckParquet.MINIMAL_ROW + ", 'x' AS SubAccountId) m,"
                        + " (VALUES (1.2500::DECIMAL(18,4), 'A', 0.5::DECIMAL(18,4)),"
                        + " (2.5000::DECIMAL(18,4), 'A', NULL), (-0.0100::DECIMAL(18,4), NULL, NULL)) v(b, s, e)",
                "");
        Rollup fast = tally(file, grouping("SubAccountId"));

        // ListCost 1.5000 on each row; ContractedCost 0.0000; a null EffectiveCost of a provider's row adds zero
        assertThat(FastPathComparison.exactly(fast))
                .containsExactly(
                        "[1234567890123] USD count 1 list 1.5000 billed -0.0100 effective 0 contracted 0.0000"
                                + " consumed - pricing -",
                        "[A] USD count 2 list 3.0000 billed 3.7500 effective 0.5000 contracted 0.0000"
                                + " consumed - pricing -");
        assertThat(FastPathComparison.exactly(plain(file, grouping("SubAccountId"))))
                .isEqualTo(FastPathComparison.exactly(fast));
    }

    @Test
    @DisplayName("FOCUS-10: 16-byte decimals with nulls in bit-packed levels (the library's writer), totals by hand")
    void consolidate_libraryWriter_bitPackedNulls_totalsByHand() throws IOException {
        // 24 rows: SubAccountId A on even rows, B on odd; BilledCost i + 0.5; ListCost 1; EffectiveCost 0.25 but
        // null on rows divisible by 3; PricingQuantity 2 but null on rows divisible by 5: irregular nulls, which
        // parquet-java's writer packs as bit-packed runs of definition levels, around 16-byte DECIMAL(38,18) values
        Path file = dir.resolve("writer.parquet");
        try (FocusParquetWriter w = FocusParquet.writer(
                Files.newOutputStream(file), org.cloudbilling.core.focus.FocusVersion.V1_0, List.of())) {
            for (int i = 0; i < 24; i++) {
                org.cloudbilling.core.focus.FocusRow.Builder b = org.cloudbilling.core.focus.FocusRow.builder()
                        .set(FocusColumn.BILLED_COST, new BigDecimal(i + ".5"))
                        .set(FocusColumn.LIST_COST, BigDecimal.ONE)
                        .set(FocusColumn.CONTRACTED_COST, BigDecimal.ZERO)
                        .set(FocusColumn.BILLING_ACCOUNT_ID, "payer")
                        .set(FocusColumn.SUB_ACCOUNT_ID, i % 2 == 0 ? "A" : "B")
                        .set(FocusColumn.BILLING_CURRENCY, "USD")
                        .set(FocusColumn.BILLING_PERIOD_START, Instant.parse("2024-09-01T00:00:00Z"))
                        .set(FocusColumn.BILLING_PERIOD_END, Instant.parse("2024-10-01T00:00:00Z"))
                        .set(FocusColumn.CHARGE_PERIOD_START, Instant.parse("2024-09-02T00:00:00Z"))
                        .set(FocusColumn.CHARGE_PERIOD_END, Instant.parse("2024-09-02T01:00:00Z"))
                        .set(FocusColumn.CHARGE_CATEGORY, "Usage")
                        .set(FocusColumn.CHARGE_FREQUENCY, "Usage-Based")
                        .set(FocusColumn.INVOICE_ISSUER_NAME, "Issuer")
                        .set(FocusColumn.PROVIDER_NAME, "Prov")
                        .set(FocusColumn.PUBLISHER_NAME, "Pub")
                        .set(FocusColumn.SERVICE_CATEGORY, "Compute")
                        .set(FocusColumn.SERVICE_NAME, "svc");
                if (i % 3 != 0) {
                    b.set(FocusColumn.EFFECTIVE_COST, new BigDecimal("0.25"));
                }
                if (i % 5 != 0) {
                    b.set(FocusColumn.PRICING_QUANTITY, new BigDecimal("2"));
                }
                w.write(b.build());
            }
        }
        Rollup fast = tally(file, grouping("SubAccountId"));

        // A (0, 2, ..., 22): billed 132 + 12 x 0.5 = 138; EffectiveCost null on 0, 6, 12, 18: 8 x 0.25 = 2;
        // PricingQuantity null on 0, 10, 20: 9 x 2 = 18. B (1, 3, ..., 23): billed 144 + 6 = 150; EffectiveCost
        // null on 3, 9, 15, 21: 8 x 0.25 = 2; PricingQuantity null on 5, 15: 10 x 2 = 20. Every amount at scale 18.
        String z18 = "000000000000000000";
        assertThat(FastPathComparison.exactly(fast))
                .containsExactlyInAnyOrder(
                        "[A] USD count 12 list 12." + z18 + " billed 138." + z18 + " effective 2." + z18
                                + " contracted 0." + z18 + " consumed - pricing 18." + z18,
                        "[B] USD count 12 list 12." + z18 + " billed 150." + z18 + " effective 2." + z18
                                + " contracted 0." + z18 + " consumed - pricing 20." + z18);
        assertThat(FastPathComparison.exactly(plain(file, grouping("SubAccountId"))))
                .isEqualTo(FastPathComparison.exactly(fast));
    }

    @Test
    @DisplayName("FOCUS-10: a row the mapping refuses gives the plain path's error, from the fast path's entry point")
    void consolidate_badRow_plainPathsError() {
        Path file = DuckParquet.minimal(dir.resolve("bad.parquet"), "NULL::DECIMAL(18,4) AS BilledCost", "");
        Grouping grouping = grouping("SubAccountId");
        String plain = message(() -> plain(file, grouping));

        assertThat(plain).contains("BilledCost is null");
        assertThat(message(() -> FocusParquet.consolidate(file, grouping, note -> {})))
                .isEqualTo(plain);
    }

    @Test
    @DisplayName("FOCUS-10: a column not read is not checked: a bad Tags cell does not stop totals by SubAccountId")
    void consolidate_tagsNotRead_notChecked() throws IOException {
        Path file = DuckParquet.minimal(dir.resolve("badtags.parquet"), "", "'{not json' AS Tags");
        Grouping grouping = grouping("SubAccountId");

        assertThat(message(() -> plain(file, grouping))).contains("tags are not JSON");
        Rollup fast = FocusParquet.consolidate(file, grouping, note -> {});
        assertThat(fast.groups()).hasSize(1);
        assertThat(fast.groups().values().iterator().next().totalCost().amount())
                .isEqualTo(new BigDecimal("1.2500"));
    }

    @Test
    @DisplayName(
            "FOCUS-10: a tag and a day dimension take the plain path, and the library's own export by ChargeCategory")
    void consolidate_declines_tagDay_exportByCategory() throws IOException {
        Path export = DuckParquet.minimal(dir.resolve("export.parquet"), "", "'USAGE' AS x_ActionType");
        Path plainFile = generated(99, "DECIMAL(18,4)", true, true, 300);

        // the export's item derives its ChargeCategory from x_ActionType; by SubAccountId it is totalled from the
        // columns (FocusParquetExportTallyProperties)
        assertThat(tally(export, grouping("ChargeCategory"))).isNull();
        assertThat(tally(export, grouping("SubAccountId"))).isEqualTo(plain(export, grouping("SubAccountId")));
        assertThat(tally(plainFile, grouping("tag:team"))).isNull();
        assertThat(tally(plainFile, grouping("day"))).isNull();
        for (String by : List.of("tag:team", "day", "ChargeFrequency")) {
            assertThat(FastPathComparison.exactly(FocusParquet.consolidate(plainFile, grouping(by), note -> {})))
                    .isEqualTo(FastPathComparison.exactly(plain(plainFile, grouping(by))));
        }
        assertThat(FocusParquet.consolidate(export, grouping("SubAccountId"), note -> {}))
                .isEqualTo(plain(export, grouping("SubAccountId")));
    }

    @Test
    @DisplayName("FOCUS-10: a dictionary page claiming a negative count (a fuzzing finding): the fast path declines or"
            + " refuses it, consolidate gives the plain path's error naming the file, row group and column")
    void consolidate_dictionaryClaimingNegativeCount_refusedNamingRowGroupAndColumn() throws IOException {
        Path file = finding("finding-dictionary-size-negative");
        Grouping grouping = grouping("SubAccountId");

        // the fast path alone declines or refuses it naming the file, never with another exception
        try {
            assertThat(tally(file, grouping)).isNull();
        } catch (BillingInputException e) {
            assertThat(e.getMessage())
                    .contains(file.toString())
                    .contains("row group ")
                    .contains(", column ");
        }
        String message = message(() -> FocusParquet.consolidate(file, grouping, note -> {}));

        // the plain path's first error in file order (the file has an earlier damaged page too)
        assertThat(message).contains(file.toString()).contains("row group ").contains(", column ");
        assertThat(message(() -> plain(file, grouping))).isEqualTo(message);
    }

    @Test
    @DisplayName("FOCUS-10: a dictionary entry claiming more bytes than its page holds (a fuzzing finding, once out of"
            + " memory on the plain path) is refused naming the file, row group, column and entry")
    void consolidate_dictionaryEntryClaimingBeyondItsPage_refusedNamingEntry() throws IOException {
        Path file = finding("finding-binary-length-beyond-page");
        Grouping grouping = grouping("SubAccountId");

        String message = message(() -> FocusParquet.consolidate(file, grouping, note -> {}));

        assertThat(message)
                .contains(file.toString())
                .contains("row group 2 of 2, column ChargeCategory: a dictionary page of ")
                .contains(": entry 1 of 1 claims 1929379845 bytes at offset 0");
        assertThat(message(() -> plain(file, grouping))).isEqualTo(message);
    }

    // ---- helpers ----

    /** The fuzz target's seed {@code name}, copied to a file. */
    private Path finding(String name) throws IOException {
        Path file = dir.resolve(name + ".parquet");
        try (InputStream in =
                FocusParquetConsolidateTest.class.getResourceAsStream("FocusParquetConsolidateFuzzTestInputs/"
                        + "consolidate_anyInput_totalsEqualPlainPathOrThrowsBillingInputException/" + name)) {
            Files.copy(in, file);
        }
        return file;
    }

    private Path sampleParquet() throws IOException {
        return DuckParquet.focusSample(dir, "focus_sample.parquet", "ROW_GROUP_SIZE 300");
    }

    private static int rowGroups(Path file) throws IOException {
        try (SeekableByteChannel in = Files.newByteChannel(file)) {
            return ParquetFile.open(in).meta().getRow_groups().size();
        } catch (ParquetFile.ParquetFormatError e) {
            throw new IllegalStateException(e);
        }
    }

    /** The encodings of a column's chunks, over the row groups. */
    private static java.util.Set<String> encodings(Path file, String column) throws IOException {
        java.util.Set<String> out = new java.util.TreeSet<>();
        try (SeekableByteChannel in = Files.newByteChannel(file)) {
            for (org.apache.parquet.format.RowGroup g :
                    ParquetFile.open(in).meta().getRow_groups()) {
                for (org.apache.parquet.format.ColumnChunk c : g.getColumns()) {
                    if (c.getMeta_data().getPath_in_schema().get(0).equals(column)) {
                        c.getMeta_data().getEncodings().forEach(e -> out.add(e.name()));
                    }
                }
            }
        } catch (ParquetFile.ParquetFormatError e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    private static Grouping grouping(String by) {
        return Grouping.by(
                org.cloudbilling.core.time.BillingCalendar.of(java.time.ZoneOffset.UTC, 1, 1),
                Stream.of(by.split(",")).map(Dimension::parse).toArray(Dimension[]::new));
    }

    /** The fast path alone: null when it declines. */
    private static Rollup tally(Path file, Grouping grouping) throws IOException {
        try (SeekableByteChannel in = Files.newByteChannel(file)) {
            return FocusParquetTally.consolidate(new FocusParquetReader(in, file.toString(), true), grouping);
        }
    }

    private static Rollup plain(Path file, Grouping grouping) {
        return FocusParquet.collectLineItems(file, Consolidation.toRollup(grouping), note -> {});
    }

    private static String message(Runnable r) {
        try {
            r.run();
        } catch (BillingInputException e) {
            return e.getMessage();
        }
        throw new AssertionError("no error");
    }
}
