package org.cloudbilling.core.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.BinaryOperator;
import java.util.function.Function;
import java.util.function.Supplier;
import org.cloudbilling.core.bill.LineItem;
import org.cloudbilling.core.bill.LineItemField;
import org.cloudbilling.core.money.Money;
import org.junit.jupiter.api.Test;

/**
 * {@link CostClassTable}: a row's class cells, as bytes, find the class kept for them, on the thread that kept it
 * and (through the shared classes) on another; cells that differ only in where one ends and the next begins are
 * different keys; keys of one hash are told apart by their bytes; and what was kept survives the table's growth.
 */
class CostClassTableTest {
    /** Classes by owner and business code; never asked here (the table is given the classes). */
    static final class TwoCells implements CostClassCollector<Object, Object> {
        @Override
        public Set<LineItemField> classFields() {
            return EnumSet.of(LineItemField.OWNER_UIN, LineItemField.BUSINESS_CODE);
        }

        @Override
        public int classOf(LineItem item) {
            throw new AssertionError("not asked");
        }

        @Override
        public void addCost(Object container, int costClass, Money totalCost) {}

        @Override
        public Supplier<Object> supplier() {
            return Object::new;
        }

        @Override
        public BiConsumer<Object, LineItem> accumulator() {
            return (a, i) -> {};
        }

        @Override
        public BinaryOperator<Object> combiner() {
            return (a, b) -> a;
        }

        @Override
        public Function<Object, Object> finisher() {
            return a -> a;
        }

        @Override
        public Set<Characteristics> characteristics() {
            return EnumSet.noneOf(Characteristics.class);
        }
    }

    /** A row of the file's width whose owner and business code cells are the given text, in one buffer. */
    static final class Row {
        final byte[] buf;
        final int[] starts = new int[CanonicalChunkParser.WIDTH];
        final int[] ends = new int[CanonicalChunkParser.WIDTH];

        Row(String owner, String businessCode) {
            this("x", owner, businessCode, "z");
        }

        /** The cells after {@code before} and one byte, and followed by one byte and {@code after}. */
        Row(String before, String owner, String businessCode, String after) {
            String line = before + owner + "y" + businessCode + after;
            buf = line.getBytes(StandardCharsets.US_ASCII);
            int o = CanonicalColumn.OWNER_UIN.ordinal();
            int b = CanonicalColumn.BUSINESS_CODE.ordinal();
            starts[o] = before.length();
            ends[o] = starts[o] + owner.length();
            starts[b] = ends[o] + 1;
            ends[b] = starts[b] + businessCode.length();
        }
    }

    @Test
    void aKeptClass_isFoundByItsCells() {
        CostClassTable table = CostClassTable.of(new TwoCells());
        Row row = new Row("o1", "b1");
        int h = table.hash(row.buf, row.starts, row.ends);
        assertThat(table.find(h, row.buf, row.starts, row.ends)).isEqualTo(CostClassTable.NOT_FOUND);
        table.put(h, row.buf, row.starts, row.ends, 7);

        Row same = new Row("o1", "b1"); // equal bytes elsewhere
        assertThat(table.find(h, same.buf, same.starts, same.ends)).isEqualTo(7);
    }

    @Test
    void aClassKeptOnOneThread_isFoundByAnotherThreadsFind() throws Exception {
        CostClassTable table = CostClassTable.of(new TwoCells());
        Row row = new Row("o9", "b9");
        int h = table.hash(row.buf, row.starts, row.ends);
        table.put(h, row.buf, row.starts, row.ends, 11);

        int[] found = {CostClassTable.NOT_FOUND};
        Thread other = new Thread(() -> {
            Row same = new Row("o9", "b9");
            found[0] = table.find(h, same.buf, same.starts, same.ends);
        });
        other.start();
        other.join();
        assertThat(found[0]).isEqualTo(11);
    }

    @Test
    void twoThreadsClassingOverlappingKeysAtOnce_findEveryKeyWithItsClass() throws Exception {
        CostClassTable table = CostClassTable.of(new TwoCells());
        int keys = 30_000;
        Thread[] threads = new Thread[2];
        Throwable[] failed = new Throwable[2];
        for (int t = 0; t < threads.length; t++) {
            int first = t * keys / 2; // the second thread's first half is the first thread's second half
            int n = t;
            threads[t] = new Thread(() -> {
                try {
                    for (int i = first; i < first + keys; i++) {
                        Row row = new Row("owner-" + i, "b" + (i % 13));
                        int h = table.hash(row.buf, row.starts, row.ends);
                        int found = table.find(h, row.buf, row.starts, row.ends);
                        if (found == CostClassTable.NOT_FOUND) {
                            table.put(h, row.buf, row.starts, row.ends, i);
                        } else {
                            assertThat(found).as("key %d", i).isEqualTo(i);
                        }
                    }
                } catch (Throwable e) {
                    failed[n] = e;
                }
            });
        }
        for (Thread t : threads) {
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        assertThat(failed).containsOnlyNulls();
        for (int i = 0; i < keys * 3 / 2; i++) {
            Row row = new Row("owner-" + i, "b" + (i % 13));
            int h = table.hash(row.buf, row.starts, row.ends);
            assertThat(table.find(h, row.buf, row.starts, row.ends))
                    .as("key %d", i)
                    .isEqualTo(i);
        }
    }

    @Test
    void moreKeysThanTheTableHolds_neverGiveAWrongClass_andTheLatestAreFound() {
        CostClassTable table = CostClassTable.of(new TwoCells());
        int keys = CostClassTable.MAX_ENTRIES + CostClassTable.MAX_ENTRIES / 4;
        for (int i = 0; i < keys; i++) {
            Row row = new Row("o" + i, "b");
            int h = table.hash(row.buf, row.starts, row.ends);
            int found = table.find(h, row.buf, row.starts, row.ends);
            assertThat(found).as("key %d before it is kept", i).isEqualTo(CostClassTable.NOT_FOUND);
            table.put(h, row.buf, row.starts, row.ends, i);
        }
        int foundAgain = 0;
        for (int i = 0; i < keys; i++) {
            Row row = new Row("o" + i, "b");
            int h = table.hash(row.buf, row.starts, row.ends);
            int found = table.find(h, row.buf, row.starts, row.ends);
            if (found != CostClassTable.NOT_FOUND) {
                assertThat(found).as("key %d", i).isEqualTo(i);
                foundAgain++;
            }
        }
        Row last = new Row("o" + (keys - 1), "b");
        int h = table.hash(last.buf, last.starts, last.ends);
        assertThat(table.find(h, last.buf, last.starts, last.ends)).isEqualTo(keys - 1);
        assertThat(foundAgain).isBetween(CostClassTable.MAX_ENTRIES / 4, CostClassTable.MAX_ENTRIES);
    }

    @Test
    void cellsThatDifferOnlyInTheirBoundary_areDifferentKeys_evenUnderOneHash() {
        CostClassTable table = CostClassTable.of(new TwoCells());
        Row ab = new Row("ab", "c");
        Row a = new Row("a", "bc");
        int h = 12345; // one hash for both: only the bytes and lengths tell them apart
        table.put(h, ab.buf, ab.starts, ab.ends, 1);
        assertThat(table.find(h, a.buf, a.starts, a.ends)).isEqualTo(CostClassTable.NOT_FOUND);
        table.put(h, a.buf, a.starts, a.ends, 2);
        assertThat(table.find(h, ab.buf, ab.starts, ab.ends)).isEqualTo(1);
        assertThat(table.find(h, a.buf, a.starts, a.ends)).isEqualTo(2);
    }

    @Test
    void manyLongKeys_allFoundAfterTheTableGrew() {
        CostClassTable table = CostClassTable.of(new TwoCells());
        List<Row> rows = new ArrayList<>();
        String pad = "p".repeat(300); // 20,000 keys of about 310 bytes: far past the first slots and key bytes
        for (int i = 0; i < 20_000; i++) {
            Row row = new Row("owner-" + i, pad + (i % 7));
            rows.add(row);
            int h = table.hash(row.buf, row.starts, row.ends);
            table.put(h, row.buf, row.starts, row.ends, i);
        }
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            int h = table.hash(row.buf, row.starts, row.ends);
            assertThat(table.find(h, row.buf, row.starts, row.ends))
                    .as("key %d", i)
                    .isEqualTo(i);
        }
        Row absent = new Row("owner-20000", pad + "0");
        int h = table.hash(absent.buf, absent.starts, absent.ends);
        assertThat(table.find(h, absent.buf, absent.starts, absent.ends)).isEqualTo(CostClassTable.NOT_FOUND);
    }

    @Test
    void manyKeysUnderOneHash_areToldApartByTheirBytes_evenWhenTheyDifferInTheLastByteAlone() {
        CostClassTable table = CostClassTable.of(new TwoCells());
        int h = 777; // every key under one hash: only the lengths and bytes tell them apart
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            rows.add(new Row("owner-" + (1000 + i), "b")); // one length, differing in the last bytes of the owner
            rows.add(new Row("o", "code-" + (1000 + i))); // differing in the last bytes of the key
            rows.add(new Row("w".repeat(250 + i % 10), "c" + i)); // owners about the longest short length
        }
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            assertThat(table.find(h, row.buf, row.starts, row.ends))
                    .as("key %d before it is kept", i)
                    .isEqualTo(CostClassTable.NOT_FOUND);
            table.put(h, row.buf, row.starts, row.ends, i);
        }
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            assertThat(table.find(h, row.buf, row.starts, row.ends))
                    .as("key %d", i)
                    .isEqualTo(i);
        }
        Row absent = new Row("owner-1500", "b");
        assertThat(table.find(h, absent.buf, absent.starts, absent.ends)).isEqualTo(CostClassTable.NOT_FOUND);
    }

    @Test
    void aKeyIsItsCellsAlone_notTheBytesAroundThem_norWhereTheBufferEnds() {
        CostClassTable table = CostClassTable.of(new TwoCells());
        Row row = new Row("o-123456789", "b-1234567"); // cells longer than a word, neither a whole number of words
        int h = table.hash(row.buf, row.starts, row.ends);
        table.put(h, row.buf, row.starts, row.ends, 5);
        Row[] same = {
            new Row("", "o-123456789", "b-1234567", ""), // the last cell ending the buffer
            new Row("lots before, ", "o-123456789", "b-1234567", "89abcdefghijklmnopqrstuvwxyz"),
            new Row("q", "o-123456789", "b-1234567", "\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0"),
        };
        for (Row r : same) {
            assertThat(table.hash(r.buf, r.starts, r.ends)).isEqualTo(h);
            assertThat(table.find(h, r.buf, r.starts, r.ends)).isEqualTo(5);
        }
        Row shorter = new Row("", "o-123456789", "b-123456", "7");
        assertThat(table.find(
                        table.hash(shorter.buf, shorter.starts, shorter.ends),
                        shorter.buf,
                        shorter.starts,
                        shorter.ends))
                .isEqualTo(CostClassTable.NOT_FOUND);
    }

    @Test
    void longCellsThatDifferOnlyInTheirBoundary_areDifferentKeys_evenUnderOneHash() {
        CostClassTable table = CostClassTable.of(new TwoCells());
        String x = "x".repeat(300); // lengths past one byte's
        Row[] rows = {
            new Row(x, "y"),
            new Row(x.substring(1), "xy"),
            new Row(x + "x", ""),
            new Row(x.substring(45), x.substring(250) + "y"),
        };
        int h = 4242;
        for (int i = 0; i < rows.length; i++) {
            assertThat(table.find(h, rows[i].buf, rows[i].starts, rows[i].ends)).isEqualTo(CostClassTable.NOT_FOUND);
            table.put(h, rows[i].buf, rows[i].starts, rows[i].ends, i);
        }
        for (int i = 0; i < rows.length; i++) {
            assertThat(table.find(h, rows[i].buf, rows[i].starts, rows[i].ends)).isEqualTo(i);
        }
    }

    @Test
    void aTableSizedForALargeFile_keepsAndFindsItsKeys_asOneSizedForNone() {
        CostClassTable table = CostClassTable.of(new TwoCells(), 1L << 30);
        int keys = 50_000;
        for (int i = 0; i < keys; i++) {
            Row row = new Row("owner-" + i, "b" + (i % 7));
            int h = table.hash(row.buf, row.starts, row.ends);
            assertThat(table.find(h, row.buf, row.starts, row.ends)).isEqualTo(CostClassTable.NOT_FOUND);
            table.put(h, row.buf, row.starts, row.ends, i);
        }
        for (int i = 0; i < keys; i++) {
            Row row = new Row("owner-" + i, "b" + (i % 7));
            int h = table.hash(row.buf, row.starts, row.ends);
            assertThat(table.find(h, row.buf, row.starts, row.ends))
                    .as("key %d", i)
                    .isEqualTo(i);
        }
    }
}
