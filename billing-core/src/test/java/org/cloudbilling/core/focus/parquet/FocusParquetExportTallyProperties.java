package org.cloudbilling.core.focus.parquet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import org.cloudbilling.core.bill.LineItem;
import org.cloudbilling.core.consolidation.Consolidation;
import org.cloudbilling.core.consolidation.Dimension;
import org.cloudbilling.core.consolidation.GroupKey;
import org.cloudbilling.core.consolidation.Grouping;
import org.cloudbilling.core.consolidation.Rollup;
import org.cloudbilling.core.consolidation.Totals;
import org.cloudbilling.core.focus.FocusExport;
import org.cloudbilling.core.focus.FocusLineItems;
import org.cloudbilling.core.focus.FocusVersion;
import org.cloudbilling.core.focus.parquet.internal.FocusParquetReader;
import org.cloudbilling.core.focus.parquet.internal.FocusParquetTally;
import org.cloudbilling.core.money.Money;
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
        Gen<LineItem> base = BillingGenerators.lineItems(Currency.getInstance("USD"))
                .mix(BillingGenerators.lineItems(Currency.getInstance("JPY")));
        Gen<Integer> dice = integers().between(0, 9);
        return in -> {
            LineItem item = base.generate(in);
            LineItem.Builder b = LineItem.builder().from(item);
            Money total = item.totalCost();
            // reported metrics and quantities: equal to what the library derives (at another scale), or not
            switch (dice.generate(in)) {
                case 0 -> b.effectiveCost(total.plus(Money.ofUnscaled(total.currency(), 0, 3)));
                case 1 -> b.effectiveCost(Money.zero(total.currency()));
                case 2 -> b.effectiveCost(total.plus(Money.ofUnscaled(total.currency(), 7, 2)));
                default -> {}
            }
            switch (dice.generate(in)) {
                case 0 -> b.contractedCost(item.listCost().plus(Money.ofUnscaled(total.currency(), 0, 1)));
                case 1 -> b.contractedCost(Money.ofUnscaled(total.currency(), -25, 1));
                default -> {}
            }
            switch (dice.generate(in)) {
                case 0 -> b.pricingQuantity(new BigDecimal("1")).pricingUnit("Units");
                case 1 -> b.pricingQuantity(new BigDecimal("3.50")).pricingUnit("Hours");
                case 2 -> b.pricingQuantity(item.usageQuantity()).pricingUnit(item.usageUnit());
                case 3 -> b.purchaseQuantity(dice.generate(in));
                case 4 -> b.pricingQuantity(new BigDecimal("2"));
                default -> {}
            }
            return b.build();
        };
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
                            assertThat(render(fast)).isEqualTo(render(plain));
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
                            assertThat(render(FocusParquet.consolidate(file, grouping, note -> {})))
                                    .isEqualTo(render(FocusParquet.collectLineItems(
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

    /** Every group's key and totals, amounts with their scale. */
    private static List<String> render(Rollup rollup) {
        List<String> out = new ArrayList<>();
        for (Map.Entry<GroupKey, Totals> e : rollup.groups().entrySet()) {
            Totals t = e.getValue();
            out.add(e.getKey().values() + " " + e.getKey().currency() + " count " + t.itemCount() + " list "
                    + t.listCost().amount().toPlainString() + " billed "
                    + t.totalCost().amount().toPlainString()
                    + " effective " + t.effectiveCost().amount().toPlainString() + " contracted "
                    + t.contractedCost().amount().toPlainString() + " consumed "
                    + t.consumedQuantity().map(BigDecimal::toPlainString).orElse("-") + " pricing "
                    + t.pricingQuantity().map(BigDecimal::toPlainString).orElse("-"));
        }
        return out;
    }
}
