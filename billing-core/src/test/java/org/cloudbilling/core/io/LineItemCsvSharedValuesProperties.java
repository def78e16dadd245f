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
                    // (an id read from a file may be held compactly: compared as ids, by equality and text)
                    assertThat(read.get(i))
                            .usingRecursiveComparison()
                            .withEqualsForType(
                                    (a, b) -> a.equals(b) && a.value().equals(b.value()), LineItemId.class)
                            .isEqualTo(plain.get(i));
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

    /** Prefixes of ids: none, the usual, one ending in a digit's neighbour, longer than the parser keeps, odd. */
    private static final String[] ID_PREFIXES = {
        "", "li-", "li-", "li-", "a", "ab12cd-", "x.y/", "p".repeat(32), "q".repeat(33), "li,", "é-"
    };

    /** Numbers that end ids: one digit, zero, leading zeros, 18 digits, more than a long holds; or none. */
    private static final String[] ID_NUMBERS = {
        "0",
        "7",
        "10",
        "42",
        "99",
        "100",
        "007",
        "00",
        "123456789012345678",
        "999999999999999999",
        "1234567890123456789",
        "18446744073709551616",
        "",
        "5x"
    };

    /** A row of the shared-values pools with the id {@code id}. */
    private static LineItem withId(LineItem row, String id) {
        return LineItem.builder().from(row).id(LineItemId.of(id)).build();
    }

    /**
     * Ids of a prefix and a number (the fast path may hold them as the two, the prefix shared) give the ids of the
     * plain reader: equal both ways, the same text and hash, ordered the same, for every prefix (none, the same
     * one row after row, one that changes, one longer than the parser keeps, one that needs quoting or is not
     * ASCII) and number (0, leading zeros, 18 digits, more than a long holds, none).
     */
    @Test
    void fastPath_idsEndingInANumber_areThePlainIds() {
        qt().withExamples(60)
                .forAll(
                        lists().of(integers().between(0, ID_PREFIXES.length * ID_NUMBERS.length - 1))
                                .ofSizeBetween(1, 60),
                        integers().between(1, 2))
                .checkAssert((picks, threads) -> {
                    List<LineItem> items = new ArrayList<>();
                    for (int i = 0; i < picks.size(); i++) {
                        int pick = picks.get(i);
                        String id = ID_PREFIXES[pick % ID_PREFIXES.length] + ID_NUMBERS[pick / ID_PREFIXES.length];
                        items.add(withId(row(i, pick), id.isEmpty() ? "0" : id));
                    }
                    String text = csv(items);
                    List<LineItem> plain = readPlain(text);
                    List<LineItem> read = readFast(text, threads);
                    assertThat(read).isEqualTo(plain).isEqualTo(items);
                    for (int i = 0; i < plain.size(); i++) {
                        LineItemId fast = read.get(i).id();
                        LineItemId slow = plain.get(i).id();
                        assertThat(fast).isEqualTo(slow).hasSameHashCodeAs(slow).hasToString(slow.value());
                        assertThat(slow).isEqualTo(fast);
                        assertThat(fast.value()).isEqualTo(slow.value());
                        for (int j = 0; j < plain.size(); j++) {
                            LineItemId other = read.get(j).id();
                            assertThat(fast.equals(other))
                                    .isEqualTo(slow.equals(plain.get(j).id()));
                            assertThat(Integer.signum(fast.compareTo(other)))
                                    .isEqualTo(Integer.signum(
                                            slow.compareTo(plain.get(j).id())));
                        }
                    }
                });
    }

    /** Rows of distinct resource ids before the picked ones: enough for the parser to stop keeping them. */
    private static final int DISTINCT_RESOURCES = 10_000;

    /** A part size larger than those files, so one parser reads every row (parsers take turns at parts). */
    private static final int ONE_PART = 1 << 26;

    /** Prefixes of resource ids: as {@link #ID_PREFIXES}, with others of the same length. */
    private static final String[] RESOURCE_PREFIXES = {
        "", "ins-", "ins-", "ins-", "disk-", "a", "ab12cd-", "x.y/", "p".repeat(32), "q".repeat(33), "ins,", "é-"
    };

    /** Digits that end resource ids: as {@link #ID_NUMBERS}, with 17 digits and leading zeros of every width. */
    private static final String[] RESOURCE_NUMBERS = {
        "0",
        "00",
        "000",
        "7",
        "07",
        "039550",
        "39550",
        "0039550",
        "100",
        "12345678901234567",
        "00000000000000001",
        "99999999999999999",
        "123456789012345678",
        "18446744073709551616",
        "",
        "5x"
    };

    /** A row of the shared-values pools with the resource id {@code id}. */
    private static LineItem withResource(LineItem row, String id) {
        return LineItem.builder().from(row).resourceId(ResourceId.of(id)).build();
    }

    /**
     * Resource ids that end in digits, after so many distinct ones that the parser no longer keeps them (it may
     * then hold one as a prefix, a number and its count of digits, the prefix shared): the ids of the plain reader,
     * equal both ways, the same text and hash, ordered the same, for every prefix (none, the same one row after
     * row, one that changes, one longer than the parser keeps, one that needs quoting or is not ASCII) and digits
     * (leading zeros, 17 digits, more, more than a long holds, none).
     */
    @Test
    void fastPath_resourceIdsEndingInDigits_areThePlainIds() {
        qt().withExamples(8)
                .forAll(lists().of(integers().between(0, RESOURCE_PREFIXES.length * RESOURCE_NUMBERS.length - 1))
                        .ofSizeBetween(1, 60))
                .checkAssert(picks -> {
                    List<LineItem> items = new ArrayList<>();
                    for (int i = 0; i < DISTINCT_RESOURCES; i++) {
                        items.add(withResource(row(i, i), "warm-" + i));
                    }
                    for (int i = 0; i < picks.size(); i++) {
                        int pick = picks.get(i);
                        String id = RESOURCE_PREFIXES[pick % RESOURCE_PREFIXES.length]
                                + RESOURCE_NUMBERS[pick / RESOURCE_PREFIXES.length];
                        items.add(withResource(row(DISTINCT_RESOURCES + i, pick), id.isEmpty() ? "0" : id));
                    }
                    String text = csv(items);
                    List<LineItem> plain = readPlain(text);
                    List<LineItem> read = readFast(text, 1, ONE_PART);
                    assertThat(read).isEqualTo(plain).isEqualTo(items);
                    for (int i = DISTINCT_RESOURCES; i < plain.size(); i++) {
                        ResourceId fast = read.get(i).resourceId().orElseThrow();
                        ResourceId slow = plain.get(i).resourceId().orElseThrow();
                        assertThat(fast).isEqualTo(slow).hasSameHashCodeAs(slow).hasToString(slow.value());
                        assertThat(slow).isEqualTo(fast);
                        assertThat(fast.value()).isEqualTo(slow.value());
                        for (int j = DISTINCT_RESOURCES; j < plain.size(); j++) {
                            ResourceId other = read.get(j).resourceId().orElseThrow();
                            ResourceId slowOther = plain.get(j).resourceId().orElseThrow();
                            assertThat(fast.equals(other)).isEqualTo(slow.equals(slowOther));
                            assertThat(Integer.signum(fast.compareTo(other)))
                                    .isEqualTo(Integer.signum(slow.compareTo(slowOther)));
                        }
                    }
                });
    }

    /**
     * A file of many resource ids such as {@code ins-039550} has them read compactly, without a text per row (the
     * form {@link #fastPath_resourceIdsEndingInDigits_areThePlainIds} checks against the plain reader), yet equal to
     * the plain ids.
     */
    @Test
    void fastPath_manyResourceIdsOfAPrefixAndDigits_areHeldCompactly() throws ReflectiveOperationException {
        List<LineItem> items = new ArrayList<>();
        for (int i = 0; i < DISTINCT_RESOURCES + 100; i++) {
            items.add(withResource(row(i, i), String.format("ins-%06d", i)));
        }
        String text = csv(items);
        List<LineItem> read = readFast(text, 1, ONE_PART);
        assertThat(read).isEqualTo(items);
        java.lang.reflect.Field prefix = ResourceId.class.getDeclaredField("prefix");
        prefix.setAccessible(true);
        ResourceId last = read.get(read.size() - 1).resourceId().orElseThrow();
        assertThat(prefix.get(last)).isEqualTo("ins-");
        assertThat(last).isEqualTo(ResourceId.of(String.format("ins-%06d", DISTINCT_RESOURCES + 99)));
    }

    /** The items of {@code text} by the plain reader. */
    private static List<LineItem> readPlain(String text) {
        return LineItemCsv.reader(new StringReader(text), "f.csv", FormulaGuard.OFF)
                .readAll(OnError.FAIL)
                .values();
    }

    /** The items of {@code text} written to a file, by the fast path on {@code threads} threads, in file order. */
    private static List<LineItem> readFast(String text, int threads) {
        return readFast(text, threads, 1 << 20);
    }

    /** As {@link #readFast(String, int)}, in parts of {@code partSize} bytes. */
    private static List<LineItem> readFast(String text, int threads, int partSize) {
        Path file = file(text.getBytes(StandardCharsets.UTF_8));
        try {
            List<LineItem> read = new ArrayList<>();
            try (LineItemCsvReader in =
                    LineItemCsv.reader(file, StandardCharsets.UTF_8, FormulaGuard.OFF, threads, partSize)) {
                in.forEachRemaining(read::add);
            }
            return read;
        } finally {
            delete(file);
        }
    }

    /** Tag keys and values of the plain form (letters, digits, {@code -_.:/@+=}). */
    private static final String[] PLAIN_TAG_TEXT = {"env", "app", "team", "v1", "prod", "a.b/c", "x@y+z=1", "k:v"};

    /**
     * Plain tags cells of 0 to 7 tags (each size a different way of making the map on the fast path): the plain
     * reader's maps, equal, in the cell's order, with the same text.
     */
    @Test
    void fastPath_plainTagsCellsOfEverySize_areThePlainMapsInOrder() {
        qt().withExamples(60)
                .forAll(lists().of(integers().between(0, 1_000_000)).ofSizeBetween(1, 40))
                .checkAssert(seeds -> {
                    List<LineItem> items = new ArrayList<>();
                    for (int i = 0; i < seeds.size(); i++) {
                        int s = seeds.get(i);
                        java.util.Map<org.cloudbilling.core.id.TagKey, String> tags = new java.util.LinkedHashMap<>();
                        int n = s % 8;
                        for (int t = 0; tags.size() < n; t++) {
                            tags.put(
                                    org.cloudbilling.core.id.TagKey.of(
                                            PLAIN_TAG_TEXT[(s / 8 + t * 3) % PLAIN_TAG_TEXT.length] + (t / 8)),
                                    PLAIN_TAG_TEXT[(s / 64 + t) % PLAIN_TAG_TEXT.length]);
                        }
                        items.add(LineItem.builder().from(row(i, s)).tags(tags).build());
                    }
                    String text = csv(items);
                    List<LineItem> plain = readPlain(text);
                    List<LineItem> read = readFast(text, 1);
                    assertThat(read).isEqualTo(plain).isEqualTo(items);
                    for (int i = 0; i < plain.size(); i++) {
                        assertThat(read.get(i).tags().toString())
                                .isEqualTo(plain.get(i).tags().toString())
                                .isEqualTo(items.get(i).tags().toString());
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
