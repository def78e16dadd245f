package org.cloudbilling.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cloudbilling.core.io.FastPathComparison.delete;
import static org.cloudbilling.core.io.FastPathComparison.file;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.io.StringReader;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.cloudbilling.core.bill.ActionType;
import org.cloudbilling.core.bill.LineItem;
import org.cloudbilling.core.bill.PayMode;
import org.cloudbilling.core.bill.SettlementCycle;
import org.cloudbilling.core.id.BusinessCode;
import org.cloudbilling.core.id.LineItemId;
import org.cloudbilling.core.id.OwnerUin;
import org.cloudbilling.core.id.PayerUin;
import org.cloudbilling.core.id.ProductCode;
import org.cloudbilling.core.id.ResourceId;
import org.cloudbilling.core.money.Money;
import org.cloudbilling.core.time.Interval;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * The canonical fast path shares one value among rows whose cells have the same text (an amount with the same
 * digits, a decimal, a deduction time, an optional identifier): what it gives is still, field by field, what the
 * plain reader gives, with every scale and currency kept. The rows here draw their cells from small pools, so the
 * same digits come back in another column, another currency and at another scale ({@code 1.5}, {@code 1.50},
 * {@code 15}) many times in one part.
 */
@Tag("MONEY-2")
class LineItemCsvSharedValuesProperties {
    private static final String[] CURRENCIES = {"CNY", "USD", "JPY"};
    private static final String[] AMOUNTS = {"0", "0.0", "0.00", "1.5", "1.50", "15", "-1.5", "150", "0.15"};
    private static final String[] DECIMALS = {"0", "0.5", "0.50", "5", "1", "1.0"};
    private static final long[] SECONDS = {1_725_148_800L, 1_725_152_400L, 1_725_148_800L + 7200};

    /** One row from a few small numbers: each picks a cell from a pool, or leaves it empty. */
    private static LineItem row(int n, int seed) {
        int s = seed;
        Money amount = Money.of(CURRENCIES[s % 3], AMOUNTS[(s / 3) % AMOUNTS.length]);
        String currency = CURRENCIES[s % 3];
        int t = (s / 27) % 9;
        Instant start = Instant.ofEpochSecond(SECONDS[t % 3]);
        LineItem.Builder b = LineItem.builder()
                .id(LineItemId.of("li-" + n))
                .ownerUin(OwnerUin.of("o" + (s % 4)))
                .payerUin(PayerUin.of("p1"))
                .businessCode(BusinessCode.of("p_cvm"))
                .payMode(PayMode.POSTPAID)
                .actionType(ActionType.USAGE)
                .feePeriod(Interval.of(start, start.plusSeconds(3600)))
                .listCost(Money.of(currency, AMOUNTS[(s / 7) % AMOUNTS.length]))
                .totalCost(amount);
        if (s % 2 == 0) {
            b.cashPaid(amount); // the payments add up to the total
        }
        if (s % 5 != 0) {
            b.tax(Money.of(currency, AMOUNTS[(s / 11) % AMOUNTS.length]));
        }
        if (s % 3 != 1) {
            b.usageQuantity(new BigDecimal(DECIMALS[(s / 13) % DECIMALS.length]));
        }
        if (s % 4 != 1) {
            b.discountRate(new BigDecimal(DECIMALS[(s / 17) % DECIMALS.length]));
        }
        if (s % 3 != 2) {
            b.deductionTime(Instant.ofEpochSecond(SECONDS[(s / 19) % 3]));
        }
        if (s % 7 != 3) {
            b.productCode(ProductCode.of("p_cvm_" + (s % 2)));
            b.resourceId(ResourceId.of("ins-" + (s % 3)));
            b.settlementCycle(SettlementCycle.values()[s % SettlementCycle.values().length]);
        }
        return b.build();
    }

    private static String csv(List<LineItem> items) {
        StringWriter out = new StringWriter();
        try (LineItemCsvWriter w = LineItemCsv.writer(out, FormulaGuard.OFF)) {
            items.forEach(w::write);
        }
        return out.toString();
    }

    private static Gen<List<Integer>> seeds() {
        return lists().of(integers().between(0, 1_000_000)).ofSizeBetween(1, 80);
    }

    @Test
    void fastPath_rowsWithRepeatedCells_giveThePlainValuesEveryScaleAndCurrencyKept() {
        qt().withExamples(100).forAll(seeds(), integers().between(1, 2)).checkAssert((seeds, threads) -> {
            List<LineItem> items = new ArrayList<>();
            for (int i = 0; i < seeds.size(); i++) {
                items.add(row(i, seeds.get(i)));
            }
            String text = csv(items);
            List<LineItem> plain = LineItemCsv.reader(new StringReader(text), "f.csv", FormulaGuard.OFF)
                    .readAll(OnError.FAIL)
                    .values();
            assertThat(plain).isEqualTo(items);
            Path file = file(text.getBytes(StandardCharsets.UTF_8));
            try {
                List<LineItem> read = new ArrayList<>();
                try (LineItemCsvReader in =
                        LineItemCsv.reader(file, StandardCharsets.UTF_8, FormulaGuard.OFF, threads, 1 << 20)) {
                    in.forEachRemaining(read::add);
                }
                assertThat(read).hasSameSizeAs(plain);
                for (int i = 0; i < plain.size(); i++) {
                    // field by field, the amounts' currencies and scales included (equal amounts of other scales
                    // would pass an equality test of BigDecimal#compareTo)
                    assertThat(read.get(i)).usingRecursiveComparison().isEqualTo(plain.get(i));
                    assertThat(described(read.get(i))).isEqualTo(described(plain.get(i)));
                }
            } finally {
                delete(file);
            }
        });
    }

    /**
     * Rows of many fee periods (up to more than the parser keeps at once, so the table of periods it shares by their
     * cells fills, is emptied and fills again), starts that come back with another end, ends that come back with
     * another start: each row gets its own period, as the plain reader gives it.
     */
    @Test
    void fastPath_manyFeePeriodsSharedByTheirCells_eachRowGetsItsOwn() {
        qt().withExamples(12)
                .forAll(integers().between(0, 1_000_000), integers().between(1, 3000))
                .checkAssert((seed, distinct) -> {
                    java.util.Random random = new java.util.Random(seed);
                    List<LineItem> items = new ArrayList<>();
                    for (int i = 0; i < 5000; i++) {
                        Instant start = Instant.ofEpochSecond(SECONDS[0] + 3600L * random.nextInt(distinct));
                        Money cost = Money.of("CNY", "1.5");
                        items.add(LineItem.builder()
                                .id(LineItemId.of("li-" + i))
                                .ownerUin(OwnerUin.of("o1"))
                                .payerUin(PayerUin.of("p1"))
                                .businessCode(BusinessCode.of("p_cvm"))
                                .payMode(PayMode.POSTPAID)
                                .actionType(ActionType.USAGE)
                                .feePeriod(Interval.of(start, start.plusSeconds(3600L * (1 + random.nextInt(3)))))
                                .listCost(cost)
                                .totalCost(cost)
                                .build());
                    }
                    Path file = file(csv(items).getBytes(StandardCharsets.UTF_8));
                    try {
                        List<LineItem> read = new ArrayList<>();
                        try (LineItemCsvReader in =
                                LineItemCsv.reader(file, StandardCharsets.UTF_8, FormulaGuard.OFF, 1, 1 << 20)) {
                            in.forEachRemaining(read::add);
                        }
                        assertThat(read).isEqualTo(items);
                    } finally {
                        delete(file);
                    }
                });
    }

    /** Every amount and decimal with its scale, as text. */
    private static String described(LineItem item) {
        return List.of(
                        item.listCost().toString(),
                        item.totalCost().toString(),
                        item.cashPaid().map(Money::toString).orElse("-"),
                        item.tax().map(Money::toString).orElse("-"),
                        item.usageQuantity().map(BigDecimal::toString).orElse("-"),
                        item.discountRate().map(BigDecimal::toString).orElse("-"),
                        item.deductionTime().map(Instant::toString).orElse("-"),
                        item.productCode().map(Object::toString).orElse("-"),
                        item.settlementCycle().map(Object::toString).orElse("-"),
                        String.valueOf(Optional.of(item.feePeriod())))
                .toString();
    }
}
