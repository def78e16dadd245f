package org.cloudbilling.core.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.function.BinaryOperator;
import java.util.function.Function;
import java.util.function.Supplier;
import org.cloudbilling.core.bill.LineItem;
import org.cloudbilling.core.bill.LineItemField;
import org.cloudbilling.core.id.LineItemId;
import org.cloudbilling.core.id.OwnerUin;
import org.cloudbilling.core.money.Money;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link LineItemCsv#collect} of a canonical file into a {@link CostClassCollector} whose classes may need the id:
 * the rows of such a class come as their id and total cost, the rows of the other classes as their total cost, and
 * only the rows of no class as items; whatever the threads and parts. Expectations worked out by hand.
 */
class CostClassCollectorIdTest {
    @TempDir
    Path dir;

    /** What the collector was given: per owner the cost given without an item, the ids given, the whole items. */
    static final class Seen {
        final Map<String, BigDecimal> costByOwner = new TreeMap<>();
        final List<String> ids = new ArrayList<>();
        final List<String> items = new ArrayList<>();

        void add(String owner, Money cost) {
            costByOwner.merge(owner, cost.amount(), BigDecimal::add);
        }

        Seen merge(Seen other) {
            other.costByOwner.forEach((o, c) -> costByOwner.merge(o, c, BigDecimal::add));
            ids.addAll(other.ids);
            items.addAll(other.items);
            return this;
        }
    }

    /** Class 0: owner o1, by cost; class 1: owner o2, by id and cost; owner o3: no class. */
    static class ByOwner implements CostClassCollector<Seen, Seen> {
        final List<String> classedOwners = new ArrayList<>();

        @Override
        public Set<LineItemField> classFields() {
            return EnumSet.of(LineItemField.OWNER_UIN);
        }

        @Override
        public synchronized int classOf(LineItem item) {
            String owner = item.ownerUin().value();
            classedOwners.add(owner);
            return switch (owner) {
                case "o1" -> 0;
                case "o2" -> 1;
                default -> NO_CLASS;
            };
        }

        @Override
        public boolean needsId(int costClass) {
            return costClass == 1;
        }

        @Override
        public void addCost(Seen container, int costClass, Money totalCost) {
            assertThat(costClass).isZero();
            container.add("o1", totalCost);
        }

        @Override
        public void addCost(Seen container, int costClass, LineItemId id, Money totalCost) {
            assertThat(costClass).isEqualTo(1);
            container.add("o2", totalCost);
            container.ids.add(id.value());
        }

        @Override
        public Supplier<Seen> supplier() {
            return Seen::new;
        }

        @Override
        public BiConsumer<Seen, LineItem> accumulator() {
            return (seen, item) -> {
                seen.items.add(item.id().value());
                seen.add(item.ownerUin().value(), item.totalCost());
            };
        }

        @Override
        public BinaryOperator<Seen> combiner() {
            return Seen::merge;
        }

        @Override
        public Function<Seen, Seen> finisher() {
            return s -> s;
        }

        @Override
        public Set<Characteristics> characteristics() {
            return EnumSet.of(Characteristics.IDENTITY_FINISH);
        }
    }

    private static LineItem item(int n, String owner, String total) {
        return LineItem.builder()
                .from(BadInputFormat.item(1))
                .id(LineItemId.of("li-" + n))
                .ownerUin(OwnerUin.of(owner))
                .listCost(Money.of("CNY", total))
                .totalCost(Money.of("CNY", total))
                .build();
    }

    /**
     * {@link ByOwner} keeping the costs of class 0 as the decimal parts the reader passes: each row's unscaled value
     * and scale as the file writes it, and no {@code Money} made for it.
     */
    static final class ByOwnerInParts extends ByOwner {
        final List<String> parts = java.util.Collections.synchronizedList(new ArrayList<>());

        @Override
        public void addCost(Seen container, int costClass, Money totalCost) {
            throw new AssertionError("a row of class 0 came as Money: " + totalCost);
        }

        @Override
        public void addCost(Seen container, int costClass, java.util.Currency currency, long unscaled, int scale) {
            assertThat(costClass).isZero();
            parts.add(currency + " " + unscaled + "e-" + scale);
            container.add("o1", Money.ofUnscaled(currency, unscaled, scale));
        }
    }

    @Test
    void rowsOfAClassByCost_comeAsTheDecimalsParts_noMoney() throws IOException {
        Path file = sixRows();
        for (int threads = 1; threads <= 2; threads++) {
            for (long chunk : new long[] {64, 16 << 20}) {
                ByOwnerInParts collector = new ByOwnerInParts();
                Seen seen =
                        LineItemCsv.collect(file, StandardCharsets.UTF_8, FormulaGuard.ON, collector, threads, chunk);

                assertThat(collector.parts)
                        .as("%s threads, parts of %s bytes", threads, chunk)
                        .containsExactlyInAnyOrder("CNY 150e-2", "CNY -50e-2");
                assertThat(seen.costByOwner)
                        .containsOnly(
                                Map.entry("o1", new BigDecimal("1.00")),
                                Map.entry("o2", new BigDecimal("13.00")),
                                Map.entry("o3", new BigDecimal("7.125")));
                assertThat(seen.items).containsExactly("li-5");
            }
        }
    }

    private Path sixRows() throws IOException {
        StringWriter out = new StringWriter();
        try (LineItemCsvWriter w = LineItemCsv.writer(out)) {
            w.write(item(1, "o1", "1.50"));
            w.write(item(2, "o2", "2.25"));
            w.write(item(3, "o1", "-0.50"));
            w.write(item(4, "o2", "10"));
            w.write(item(5, "o3", "7.125"));
            w.write(item(6, "o2", "0.75"));
        }
        Path file = dir.resolve("items.csv");
        Files.writeString(file, out.toString(), StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void rowsOfAClassThatNeedsTheId_comeAsIdAndCost_noItem() throws IOException {
        Path file = sixRows();
        for (int threads = 1; threads <= 2; threads++) {
            for (long chunk : new long[] {64, 16 << 20}) {
                ByOwner collector = new ByOwner();
                Seen seen =
                        LineItemCsv.collect(file, StandardCharsets.UTF_8, FormulaGuard.ON, collector, threads, chunk);

                // o1: 1.50 - 0.50; o2: 2.25 + 10 + 0.75; o3: 7.125 as an item
                assertThat(seen.costByOwner)
                        .as("%s threads, parts of %s bytes", threads, chunk)
                        .containsOnly(
                                Map.entry("o1", new BigDecimal("1.00")),
                                Map.entry("o2", new BigDecimal("13.00")),
                                Map.entry("o3", new BigDecimal("7.125")));
                assertThat(seen.ids).containsExactlyInAnyOrder("li-2", "li-4", "li-6");
                assertThat(seen.items).containsExactly("li-5");
                assertThat(collector.classedOwners).contains("o1", "o2", "o3");
            }
        }
    }
}
