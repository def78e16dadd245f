package org.cloudbilling.core.focus.parquet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Currency;
import java.util.List;
import org.cloudbilling.core.bill.LineItem;
import org.cloudbilling.core.consolidation.Consolidation;
import org.cloudbilling.core.consolidation.Dimension;
import org.cloudbilling.core.consolidation.Grouping;
import org.cloudbilling.core.consolidation.Rollup;
import org.cloudbilling.core.focus.FocusExport;
import org.cloudbilling.core.focus.FocusLineItems;
import org.cloudbilling.core.focus.FocusVersion;
import org.cloudbilling.core.focus.parquet.internal.FocusParquetReader;
import org.cloudbilling.core.focus.parquet.internal.FocusParquetTally;
import org.cloudbilling.core.io.FastPathComparison;
import org.cloudbilling.core.testing.BillingGenerators;
import org.cloudbilling.core.time.BillingCalendar;
import org.cloudbilling.core.time.BillingMonth;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * FOCUS-10: the library's own FOCUS export as Parquet (its {@code x_} columns) is totalled straight from the column
 * values, and its totals are its line items' (which undo what the export derived: EffectiveCost, ContractedCost,
 * PricingQuantity), every amount with its scale, for FOCUS 1.0 and 1.2 and for amounts within and past a long at the
 * writer's 18 decimals.
 */
@Tag("FOCUS-10")
class FocusParquetExportTallyProperties {
    private static final BillingMonth MONTH = BillingMonth.of(2024, 9);
    private static final FocusExport EXPORT =
            new FocusExport("Tencent Cloud", "Tencent Cloud", "Tencent Cloud", BillingCalendar.UTC);

    private static final List<Grouping> GROUPINGS = List.of(
            Grouping.by(),
            Grouping.by(Dimension.OWNER),
            Grouping.by(Dimension.PAYER, Dimension.BUSINESS),
            Grouping.by(Dimension.ITEM, Dimension.REGION),
            Grouping.by(Dimension.RESOURCE));

    private static Gen<LineItem> items() {
        return BillingGenerators.withReportedMetrics(BillingGenerators.lineItems(Currency.getInstance("USD"))
                .mix(BillingGenerators.lineItems(Currency.getInstance("JPY"))));
    }

    @Test
    @DisplayName("FOCUS-10: an export's totals from the column values equal its line items' to the last decimal")
    void exportTally_givesTheLineItemsTotals() {
        qt().withShrinkCycles(0)
                .withExamples(40)
                .forAll(lists().of(items()).ofSizeBetween(1, 30), integers().between(0, 1))
                .checkAssert((items, kind) -> {
                    FocusVersion version = kind == 0 ? FocusVersion.V1_0 : FocusVersion.V1_2;
                    Path file = write(items, version);
                    try {
                        for (Grouping grouping : GROUPINGS) {
                            Rollup plain =
                                    FocusParquet.collectLineItems(file, Consolidation.toRollup(grouping), note -> {});
                            Rollup fast = tally(file, grouping);
                            assertThat(fast)
                                    .as("the fast path takes the export")
                                    .isNotNull();
                            assertThat(FastPathComparison.exactly(fast)).isEqualTo(FastPathComparison.exactly(plain));
                        }
                    } finally {
                        delete(file);
                    }
                });
    }

    @Test
    @DisplayName("FOCUS-10: an export grouped by ChargeCategory, a FOCUS attribute or a tag takes the plain path")
    void exportTally_derivedDimensions_declined() {
        qt().withShrinkCycles(0)
                .withExamples(3)
                .forAll(lists().of(items()).ofSizeBetween(1, 5))
                .checkAssert(items -> {
                    Path file = write(items, FocusVersion.V1_2);
                    try {
                        for (String by : List.of("ChargeCategory", "ServiceCategory", "tag:team")) {
                            Grouping grouping = Grouping.by(Dimension.parse(by));
                            assertThat(tally(file, grouping)).as(by).isNull();
                            assertThat(FastPathComparison.exactly(FocusParquet.consolidate(file, grouping, note -> {})))
                                    .isEqualTo(FastPathComparison.exactly(FocusParquet.collectLineItems(
                                            file, Consolidation.toRollup(grouping), note -> {})));
                        }
                    } finally {
                        delete(file);
                    }
                });
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path write(List<LineItem> items, FocusVersion version) {
        try {
            Path file = Files.createTempFile("export", ".parquet");
            try (FocusParquetWriter w =
                    FocusParquet.writer(Files.newOutputStream(file), version, FocusLineItems.EXTRA_COLUMNS)) {
                for (LineItem item : items) {
                    w.write(FocusLineItems.toRow(item, MONTH, EXPORT.withVersion(version)));
                }
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Rollup tally(Path file, Grouping grouping) {
        try (SeekableByteChannel in = Files.newByteChannel(file)) {
            return FocusParquetTally.consolidate(new FocusParquetReader(in, file.toString(), true), grouping);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
