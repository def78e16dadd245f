package org.cloudbilling.core.io;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Currency;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.BiConsumer;
import java.util.function.BinaryOperator;
import java.util.function.Supplier;
import java.util.stream.Collector;
import org.cloudbilling.core.bill.LineItem;
import org.cloudbilling.core.consolidation.Consolidation;
import org.cloudbilling.core.consolidation.Grouping;
import org.cloudbilling.core.consolidation.Rollup;
import org.cloudbilling.core.id.LineItemId;
import org.cloudbilling.core.io.internal.CellTally;
import org.cloudbilling.core.io.internal.CsvByteRows;
import org.cloudbilling.core.io.internal.CsvFileParts;
import org.cloudbilling.core.io.internal.RowSource;
import org.cloudbilling.core.money.Money;

/**
 * A canonical CSV file read in parts on several threads by {@link CanonicalChunkParser}, the parts put back in
 * file order: the same items, and the same errors at the same lines, as {@link LineItemCsvReader} on the file's
 * text, whatever the number of threads.
 *
 * <p>The file is cut at fixed offsets; each part starts at the first line start at or after its offset, which is
 * a row start unless a quoted cell holds a line break there. Each part counts its own lines; they are numbered
 * when the parts are put back in order, and a part whose first row is not where the part before it ended (a
 * quoted line break at the cut) is read again from there. Where the fast path stops (see
 * {@link CanonicalChunkParser}) the rest of the file goes through the plain reader, from that row on, with the
 * right line numbers, so even a malformed file fails exactly as it does on the plain path. A file that does not
 * start with the canonical header line, or in a charset other than UTF-8, is read by the plain reader throughout.
 *
 * <p>Memory is bounded: at most a few parts are in flight at once.
 */
final class CanonicalCsvFile implements Closeable {
    private final Path file;
    private final Charset charset;
    private final CanonicalRowMapping mapping;
    private final int threads;
    private final FileChannel channel;
    private final long size;
    /** The offset of the first row, after the header line; -1 when the plain reader reads the whole file. */
    private final long headerEnd;

    /** The plain reader of the rest of the file, once the fast path stopped; null before. */
    private RowSource<LineItem> plain;

    /** The parts of the body, read on {@link #threads} threads; null when the plain reader reads the whole file. */
    private final CsvFileParts<CanonicalChunkParser> parts;

    private interface PartReader extends CsvFileParts.PartReader<CanonicalChunkParser> {}

    CanonicalCsvFile(Path file, Charset charset, String source, FormulaGuard guard, int threads, long partSize) {
        this.file = file;
        this.charset = charset;
        this.mapping = new CanonicalRowMapping(source, guard);
        this.threads = Math.max(1, threads);
        try {
            this.channel = FileChannel.open(file, StandardOpenOption.READ);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            this.size = channel.size();
            this.headerEnd = charset.equals(StandardCharsets.UTF_8) ? headerEnd() : -1;
        } catch (IOException e) {
            closeQuietly(e);
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            closeQuietly(e);
            throw e;
        }
        this.parts = headerEnd < 0
                ? null
                : new CsvFileParts<>(
                        channel, size, headerEnd, this.threads, partSize, () -> new CanonicalChunkParser(mapping));
    }

    private void closeQuietly(Exception failure) {
        try {
            channel.close();
        } catch (IOException c) {
            failure.addSuppressed(c);
        }
    }

    /** The offset after the canonical header line when the file starts with it exactly, else -1. */
    private long headerEnd() throws IOException {
        byte[] header = String.join(",", LineItemCsv.header()).getBytes(StandardCharsets.US_ASCII);
        ByteBuffer start = ByteBuffer.allocate(header.length + 2);
        while (start.hasRemaining() && channel.read(start, start.position()) > 0) {
            // read the first bytes
        }
        byte[] b = start.array();
        int got = start.position();
        if (got < header.length + 1) {
            return -1;
        }
        for (int i = 0; i < header.length; i++) {
            if (b[i] != header[i]) {
                return -1;
            }
        }
        if (b[header.length] == '\n') {
            return header.length + 1;
        }
        if (got == header.length + 2 && b[header.length] == '\r' && b[header.length + 1] == '\n') {
            return header.length + 2;
        }
        return -1;
    }

    /** The plain reader of the rest of the file, from where the fast path stopped. */
    private RowSource<LineItem> rest() {
        plain = parts.rest(file, charset, mapping.source(), LineItemCsv.header().toArray(String[]::new), mapping::map);
        return plain;
    }

    private RowSource<LineItem> whole() {
        try {
            InputStream in = Files.newInputStream(file);
            plain = LineItemCsv.reader(in, charset, mapping.source(), mapping.guard())
                    .rows();
            return plain;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Collects every item of the file, each part into its own container, the containers combined in file order.
     *
     * @throws BillingInputException for the first bad row of the file, as the plain reader gives it
     */
    <A, R> R collect(Collector<? super LineItem, A, R> collector) {
        Supplier<A> supplier = collector.supplier();
        BiConsumer<A, ? super LineItem> accumulator = collector.accumulator();
        BinaryOperator<A> combiner = collector.combiner();
        A total = null;
        if (headerEnd < 0) {
            total = supplier.get();
            try (RowSource<LineItem> plain = whole()) {
                while (plain.hasNext()) {
                    accumulator.accept(total, plain.next());
                }
            }
            return collector.finisher().apply(total);
        }
        @SuppressWarnings("unchecked")
        CostClassCollector<A, R> classed =
                collector instanceof CostClassCollector<?, ?> c ? (CostClassCollector<A, R>) c : null;
        CostClassTable classes = classed == null ? null : CostClassTable.of(classed, size);
        PartReader reader = (parser, from, to, first) -> {
            A container = supplier.get();
            BillingInputException[] bad = {null};
            parser.classes = classes; // one table for every thread of the read
            CsvByteRows.Part part = parser.read(channel, size, from, to, first, new CanonicalChunkParser.Sink() {
                @Override
                public boolean item(LineItem item) {
                    accumulator.accept(container, item);
                    return true;
                }

                @Override
                public void cost(int costClass, Currency currency, long unscaled, int scale) {
                    classed.addCost(container, costClass, currency, unscaled, scale);
                }

                @Override
                public void cost(int costClass, LineItemId id, Money totalCost) {
                    classed.addCost(container, costClass, id, totalCost);
                }

                @Override
                public boolean bad(BillingInputException refusal) {
                    bad[0] = refusal;
                    return false;
                }
            });
            return new CsvFileParts.Done(part, new Object[] {container, bad[0]});
        };
        for (CsvFileParts.Done done = parts.next(reader, threads + 1);
                done != null;
                done = parts.next(reader, threads + 1)) {
            Object[] got = (Object[]) done.result;
            if (got[1] != null) {
                throw CsvFileParts.movedDown((BillingInputException) got[1], parts.nextLine());
            }
            @SuppressWarnings("unchecked")
            A container = (A) got[0];
            total = total == null ? container : combiner.apply(total, container);
            boolean stopped = done.part.stopped;
            parts.passed(done);
            if (stopped) {
                A restOf = supplier.get();
                try (RowSource<LineItem> plain = rest()) {
                    while (plain.hasNext()) {
                        accumulator.accept(restOf, plain.next());
                    }
                }
                total = combiner.apply(total, restOf);
                break;
            }
        }
        return collector.finisher().apply(total == null ? supplier.get() : total);
    }

    /**
     * Consolidates the file by {@code grouping}, whose dimensions are the canonical columns {@code keyColumns}:
     * the rows {@link CanonicalChunkParser} proves valid are totalled without making their items
     * ({@link CellTally}), every other row is made an item and consolidated as such, so the result, and the
     * error of a bad row, are those of {@link #collect} with {@code Consolidation.toRollup(grouping)}.
     *
     * @throws BillingInputException for the first bad row of the file, as the plain reader gives it
     */
    Rollup consolidate(Grouping grouping, int[] keyColumns) {
        return consolidate(grouping, keyColumns, 0);
    }

    /**
     * As {@link #consolidate(Grouping, int[])}, with days and months ({@link CellTally#DAY},
     * {@link CellTally#MONTH}) cut at {@code offsetSeconds} from UTC.
     */
    Rollup consolidate(Grouping grouping, int[] keyColumns, int offsetSeconds) {
        return consolidate(grouping, keyColumns, offsetSeconds, Consolidation.toRollup(grouping));
    }

    private <A> Rollup consolidate(
            Grouping grouping, int[] keyColumns, int offsetSeconds, Collector<LineItem, A, Rollup> items) {
        if (headerEnd < 0) {
            return collect(items);
        }
        PartReader reader = (parser, from, to, first) -> {
            A container = items.supplier().get();
            BiConsumer<A, LineItem> add = items.accumulator();
            BillingInputException[] bad = {null};
            CellTally tally = new CellTally(keyColumns, CanonicalColumn.CURRENCY.ordinal(), offsetSeconds);
            parser.tally = tally;
            parser.classes = null;
            CsvByteRows.Part part;
            try {
                part = parser.read(channel, size, from, to, first, new CanonicalChunkParser.Sink() {
                    @Override
                    public boolean item(LineItem item) {
                        add.accept(container, item);
                        return true;
                    }

                    @Override
                    public boolean bad(BillingInputException refusal) {
                        bad[0] = refusal;
                        return false;
                    }
                });
            } finally {
                parser.tally = null;
            }
            Rollup rollup =
                    bad[0] != null ? null : items.finisher().apply(container).merge(tally.toRollup(grouping));
            return new CsvFileParts.Done(part, new Object[] {rollup, bad[0]});
        };
        Rollup total = Rollup.empty(grouping);
        for (CsvFileParts.Done done = parts.next(reader, threads + 1);
                done != null;
                done = parts.next(reader, threads + 1)) {
            Object[] got = (Object[]) done.result;
            if (got[1] != null) {
                throw CsvFileParts.movedDown((BillingInputException) got[1], parts.nextLine());
            }
            total = total.merge((Rollup) got[0]);
            boolean stopped = done.part.stopped;
            parts.passed(done);
            if (stopped) {
                A restOf = items.supplier().get();
                BiConsumer<A, LineItem> add = items.accumulator();
                try (RowSource<LineItem> plain = rest()) {
                    while (plain.hasNext()) {
                        add.accept(restOf, plain.next());
                    }
                }
                total = total.merge(items.finisher().apply(restOf));
                break;
            }
        }
        return total;
    }

    /** Returns the items of the file in order; a bad row throws from {@code next()}, and reading may go on. */
    Iterator<LineItem> items() {
        return new Items();
    }

    private final class Items implements Iterator<LineItem> {
        private final PartReader reader = (parser, from, to, first) -> {
            List<Object> rows = new ArrayList<>();
            parser.classes = null;
            CsvByteRows.Part part = parser.read(channel, size, from, to, first, new CanonicalChunkParser.Sink() {
                @Override
                public boolean item(LineItem item) {
                    rows.add(item);
                    return true;
                }

                @Override
                public boolean bad(BillingInputException refusal) {
                    rows.add(refusal);
                    return true;
                }
            });
            return new CsvFileParts.Done(part, rows);
        };
        private List<?> rows = List.of();
        private int index;
        private long rowsLine;
        private boolean stopped;
        private RowSource<LineItem> plain;
        private boolean done;

        @Override
        public boolean hasNext() {
            while (!done) {
                if (plain != null) {
                    if (plain.hasNext()) {
                        return true;
                    }
                    done = true;
                    break;
                }
                if (index < rows.size()) {
                    return true;
                }
                if (stopped) {
                    plain = headerEnd < 0 ? whole() : rest();
                    continue;
                }
                CsvFileParts.Done next = headerEnd < 0 ? null : parts.next(reader, threads + 2);
                if (next == null) {
                    if (headerEnd < 0) {
                        stopped = true;
                        continue;
                    }
                    done = true;
                    break;
                }
                rows = (List<?>) next.result;
                index = 0;
                rowsLine = parts.nextLine();
                stopped = next.part.stopped;
                parts.passed(next);
            }
            return false;
        }

        @Override
        public LineItem next() {
            if (!hasNext()) {
                throw new NoSuchElementException("no more rows in " + mapping.source());
            }
            if (plain != null) {
                return plain.next();
            }
            Object row = rows.get(index++);
            if (row instanceof BillingInputException e) {
                throw CsvFileParts.movedDown(e, rowsLine);
            }
            return (LineItem) row;
        }
    }

    /** Stops the threads and closes the file. */
    @Override
    public void close() {
        if (plain != null) {
            plain.close();
        }
        if (parts != null) {
            parts.close();
        }
        try {
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
