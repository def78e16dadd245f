package org.cloudbilling.core.focus;

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
import java.util.List;
import java.util.function.BiConsumer;
import java.util.stream.Collector;
import org.cloudbilling.core.bill.LineItem;
import org.cloudbilling.core.bill.LineItemField;
import org.cloudbilling.core.consolidation.Consolidation;
import org.cloudbilling.core.consolidation.Dimension;
import org.cloudbilling.core.consolidation.Grouping;
import org.cloudbilling.core.consolidation.Rollup;
import org.cloudbilling.core.io.BillingInputException;
import org.cloudbilling.core.io.FormulaGuard;
import org.cloudbilling.core.io.StrictText;
import org.cloudbilling.core.io.internal.CellTally;
import org.cloudbilling.core.io.internal.CsvByteRows;
import org.cloudbilling.core.io.internal.CsvFileParts;
import org.cloudbilling.core.io.internal.RowSource;

/**
 * A FOCUS CSV file consolidated on several threads from its bytes ({@link FocusChunkParser} over the shared
 * {@link CsvFileParts}), the parts' totals merged in file order: the same roll-up, and the same error for the first
 * bad row, as the plain reader's items ({@link FocusCsv#readLineItems}) consolidated, whatever the number of
 * threads.
 *
 * <p>The header is read and checked by the plain reader, so a refused header fails exactly as there. The fast path
 * needs a UTF-8 file whose header is one line of plain ASCII names without quotes; any other file is read by the
 * plain reader throughout. Where a part's fast path stops (see {@link CsvByteRows}) the rest of the file goes
 * through the plain reader from that row on, with the right line numbers.
 */
final class FocusCsvFile {
    private FocusCsvFile() {}

    static Rollup consolidate(
            Path file, Charset charset, FormulaGuard guard, Grouping grouping, int threads, long partSize) {
        Collector<LineItem, ?, Rollup> items = Consolidation.toRollup(grouping);
        return consolidate(file, charset, guard, grouping, items, threads, partSize);
    }

    private static <A> Rollup consolidate(
            Path file,
            Charset charset,
            FormulaGuard guard,
            Grouping grouping,
            Collector<LineItem, A, Rollup> items,
            int threads,
            long partSize) {
        String source = file.toString();
        BiConsumer<A, LineItem> add = items.accumulator();
        // a row without an id is given its line's (line-N), which a part does not know before the parts ahead of it
        // are read: grouped by id, the plain reader reads the file
        boolean byLine = grouping.dimensions().contains(Dimension.field(LineItemField.ID));
        if (charset.equals(StandardCharsets.UTF_8) && !byLine) {
            // a header of one plain line is cut from the bytes and checked as the plain reader checks it, so the
            // fast path does not start the plain reader's CSV parser (a few hundred classes to load) at all
            HeaderLine line = headerLine(file);
            if (line != null && FocusCsvReader.headerAccepted(line.names, source)) {
                return fast(
                        file,
                        charset,
                        source,
                        line.names,
                        line.end,
                        new FocusRowMapping(source, guard, line.names),
                        grouping,
                        items,
                        threads,
                        partSize);
            }
        }
        try (FocusCsvReader plain = plainReader(file, charset, source, guard)) {
            // only a header the plain reader accepts gets here (else it threw): it is not one plain line, or the
            // file is not UTF-8, or the grouping is by the id
            A all = items.supplier().get();
            while (plain.hasNext()) {
                add.accept(all, plain.nextLineItem());
            }
            return items.finisher().apply(all);
        }
    }

    private static <A> Rollup fast(
            Path file,
            Charset charset,
            String source,
            String[] header,
            long headerEnd,
            FocusRowMapping mapping,
            Grouping grouping,
            Collector<LineItem, A, Rollup> items,
            int threads,
            long partSize) {
        BiConsumer<A, LineItem> add = items.accumulator();
        FocusTallyLayout layout = FocusTallyLayout.of(mapping, grouping);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
                CsvFileParts<FocusChunkParser> parts = new CsvFileParts<>(
                        channel,
                        channel.size(),
                        headerEnd,
                        threads,
                        partSize,
                        () -> new FocusChunkParser(mapping, layout))) {
            CsvFileParts.PartReader<FocusChunkParser> reader = (parser, from, to, first) -> {
                A container = items.supplier().get();
                BillingInputException[] bad = {null};
                CellTally tally =
                        layout == null ? null : new CellTally(layout.keyColumns, layout.currency, layout.offsetSeconds);
                parser.tally = tally;
                CsvByteRows.Part part;
                try {
                    part = parser.read(channel, parts.size(), from, to, first, new FocusChunkParser.Sink() {
                        @Override
                        public boolean item(LineItem item) {
                            add.accept(container, item);
                            return true;
                        }

                        @Override
                        public boolean lineItem(LineItem item, long line) {
                            try {
                                add.accept(container, item);
                            } catch (IllegalArgumentException e) {
                                // a total the item refuses (a derived cost past Money's scale) names it by its line
                                // in this part, not in the file: the plain reader reads the rest of the file from
                                // this row, and the same refusal names the item as the plain path names it
                                throw CsvByteRows.UNUSUAL;
                            }
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
                // the rows made items (few, most often none) as a roll-up; the tallied rows as the part's tally,
                // merged on the main thread with the other parts' at the level of their sums: no roll-up per part
                Rollup rollup = bad[0] != null ? null : items.finisher().apply(container);
                return new CsvFileParts.Done(part, new Object[] {rollup, bad[0], tally});
            };
            Rollup total = null;
            CellTally.Merged tallied = new CellTally.Merged();
            int window = parts.threads() + 1;
            for (CsvFileParts.Done done = parts.next(reader, window); done != null; done = parts.next(reader, window)) {
                Object[] got = (Object[]) done.result;
                if (got[1] != null) {
                    throw CsvFileParts.movedDown((BillingInputException) got[1], parts.nextLine());
                }
                Rollup made = (Rollup) got[0];
                if (!made.groups().isEmpty()) {
                    total = total == null ? made : total.merge(made);
                }
                if (got[2] != null) {
                    tallied.add((CellTally) got[2]);
                }
                boolean stopped = done.part.stopped;
                parts.passed(done);
                if (stopped) {
                    A restOf = items.supplier().get();
                    try (RowSource<LineItem> rest = parts.rest(
                            file,
                            charset,
                            source,
                            header,
                            (cells, line) -> mapping.toLineItem(mapping.parse(cells, line), line))) {
                        while (rest.hasNext()) {
                            add.accept(restOf, rest.next());
                        }
                    }
                    Rollup last = items.finisher().apply(restOf);
                    total = total == null ? last : total.merge(last);
                    break;
                }
            }
            if (!tallied.isEmpty()) {
                Rollup sums = tallied.toRollup(grouping);
                total = total == null ? sums : total.merge(sums);
            }
            return total != null
                    ? total
                    : items.finisher().apply(items.supplier().get());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The plain reader of the whole file: for a file the fast path does not read (another charset than UTF-8, a
     * header that is not one plain line, a grouping by the id). It reads and checks the header at once, so a refused
     * header fails here.
     */
    static FocusCsvReader plainReader(Path file, Charset charset, String source, FormulaGuard guard) {
        InputStream in;
        try {
            in = Files.newInputStream(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return FocusCsv.reader(StrictText.reader(in, charset, source), source, guard);
    }

    /** A header line cut from the file's bytes: its names, and the offset after it. */
    static final class HeaderLine {
        final String[] names;
        final long end;

        HeaderLine(String[] names, long end) {
            this.names = names;
            this.end = end;
        }
    }

    /**
     * Collects the items of the file with {@code collector}: each part (cut at row boundaries, read on its own thread
     * by {@link FocusChunkParser}, items made from the cells) into a container of its own, the containers combined in
     * file order, so the result is a sequential run's; the same items, and the same error for the first bad row, as
     * the plain reader ({@link FocusCsv#readLineItems}, {@link org.cloudbilling.core.io.OnError#FAIL}). A row without
     * an id is named by its line ({@code line-N}), which a part learns only when the parts before it are read: from
     * the first such row on, a part keeps its items and the main thread names and adds them in order.
     */
    static <A, R> R collect(
            Path file,
            Charset charset,
            FormulaGuard guard,
            Collector<? super LineItem, A, R> collector,
            int threads,
            long partSize) {
        String source = file.toString();
        java.util.function.Supplier<A> supplier = collector.supplier();
        BiConsumer<A, ? super LineItem> add = collector.accumulator();
        java.util.function.BinaryOperator<A> combiner = collector.combiner();
        // a header of one plain line is cut from the bytes and checked as the plain reader checks it (as consolidate)
        HeaderLine cut = charset.equals(StandardCharsets.UTF_8) ? headerLine(file) : null;
        if (cut == null || !FocusCsvReader.headerAccepted(cut.names, source)) {
            try (FocusCsvReader plain = plainReader(file, charset, source, guard)) {
                A all = supplier.get();
                while (plain.hasNext()) {
                    add.accept(all, plain.nextLineItem());
                }
                return collector.finisher().apply(all);
            }
        }
        String[] header = cut.names;
        long headerEnd = cut.end;
        FocusRowMapping mapping = new FocusRowMapping(source, guard, header);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
                CsvFileParts<FocusChunkParser> parts = new CsvFileParts<>(
                        channel, channel.size(), headerEnd, threads, partSize, () -> new FocusChunkParser(mapping))) {
            CsvFileParts.PartReader<FocusChunkParser> reader = (parser, from, to, first) -> {
                PartItems<A> got = new PartItems<>(supplier.get(), add);
                CsvByteRows.Part part = parser.read(channel, parts.size(), from, to, first, got);
                return new CsvFileParts.Done(part, got);
            };
            A total = null;
            int window = parts.threads() + 1;
            for (CsvFileParts.Done done = parts.next(reader, window); done != null; done = parts.next(reader, window)) {
                @SuppressWarnings("unchecked")
                PartItems<A> got = (PartItems<A>) done.result;
                A container = got.finish(parts.nextLine());
                if (got.bad != null) {
                    throw CsvFileParts.movedDown(got.bad, parts.nextLine());
                }
                total = total == null ? container : combiner.apply(total, container);
                boolean stopped = done.part.stopped;
                parts.passed(done);
                if (stopped) {
                    A restOf = supplier.get();
                    try (RowSource<LineItem> rest = parts.rest(
                            file,
                            charset,
                            source,
                            header,
                            (cells, line) -> mapping.toLineItem(mapping.parse(cells, line), line))) {
                        while (rest.hasNext()) {
                            add.accept(restOf, rest.next());
                        }
                    }
                    total = total == null ? restOf : combiner.apply(total, restOf);
                    break;
                }
            }
            return collector.finisher().apply(total == null ? supplier.get() : total);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The items of {@code file} in file order, for {@link FocusLineItemReader}: the parts read on {@code threads}
     * threads by {@link FocusChunkParser} (the item path of {@link #collect}), each part's items and refusals kept in
     * order and handed out once the parts before it are passed, so that a row without an id is named by its line in
     * the file and a refusal's lines are the file's. A bad row throws from {@code next()}, and reading goes on with
     * the next row, as with the plain reader. A file in another charset than UTF-8, or whose header is not one plain
     * line, is read by the plain reader throughout; a refused header is refused here, at once, as there.
     */
    static Items items(Path file, Charset charset, FormulaGuard guard, int threads, long partSize) {
        String source = file.toString();
        HeaderLine cut = charset.equals(StandardCharsets.UTF_8) ? headerLine(file) : null;
        if (cut == null || !FocusCsvReader.headerAccepted(cut.names, source)) {
            return new Items(plainReader(file, charset, source, guard));
        }
        return new Items(file, charset, guard, cut, threads, partSize);
    }

    /** The items of a file in file order; see {@link #items}. Not thread-safe. */
    static final class Items implements java.util.Iterator<LineItem>, java.io.Closeable {
        /** The plain reader of the whole file, or null on the fast path. */
        private final FocusCsvReader whole;

        private final Path file;
        private final Charset charset;
        private final String[] header;
        private final FocusRowMapping mapping;
        private final FileChannel channel;
        private final CsvFileParts<FocusChunkParser> parts;
        private final CsvFileParts.PartReader<FocusChunkParser> reader;
        private final int window;

        /** The rows of the part being handed out: items, refusals, and items of rows without an id. */
        private List<Object> rows = List.of();

        private int index;
        /** The line the part being handed out starts on. */
        private long rowsLine;
        /** Whether the fast path stopped after that part. */
        private boolean stopped;
        /** The plain reader of the rest of the file, once the fast path stopped. */
        private RowSource<LineItem> plain;

        private boolean done;

        Items(FocusCsvReader whole) {
            this.whole = whole;
            this.file = null;
            this.charset = null;
            this.header = whole.header().toArray(String[]::new);
            this.mapping = null;
            this.channel = null;
            this.parts = null;
            this.reader = null;
            this.window = 0;
        }

        Items(Path file, Charset charset, FormulaGuard guard, HeaderLine cut, int threads, long partSize) {
            this.whole = null;
            this.file = file;
            this.charset = charset;
            this.header = cut.names;
            this.mapping = new FocusRowMapping(file.toString(), guard, cut.names);
            try {
                this.channel = FileChannel.open(file, StandardOpenOption.READ);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            long size;
            try {
                size = channel.size();
            } catch (IOException e) {
                try {
                    channel.close();
                } catch (IOException c) {
                    e.addSuppressed(c);
                }
                throw new UncheckedIOException(e);
            }
            this.parts =
                    new CsvFileParts<>(channel, size, cut.end, threads, partSize, () -> new FocusChunkParser(mapping));
            this.window = parts.threads() + 2;
            this.reader = (parser, from, to, first) -> {
                PartRows got = new PartRows();
                CsvByteRows.Part part = parser.read(channel, size, from, to, first, got);
                return new CsvFileParts.Done(part, got.rows);
            };
        }

        /** The header as read. */
        String[] header() {
            return header.clone();
        }

        @Override
        public boolean hasNext() {
            if (whole != null) {
                return whole.hasNext();
            }
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
                    plain = parts.rest(
                            file,
                            charset,
                            mapping.source,
                            header,
                            (cells, line) -> mapping.toLineItem(mapping.parse(cells, line), line));
                    continue;
                }
                CsvFileParts.Done next = parts.next(reader, window);
                if (next == null) {
                    done = true;
                    break;
                }
                @SuppressWarnings("unchecked")
                List<Object> got = (List<Object>) next.result;
                rows = got;
                index = 0;
                rowsLine = parts.nextLine();
                stopped = next.part.stopped;
                parts.passed(next);
            }
            return false;
        }

        /**
         * The next item.
         *
         * @throws BillingInputException for a bad row, naming it as the plain reader does; reading may go on
         * @throws java.util.NoSuchElementException at the end of the file
         */
        @Override
        public LineItem next() {
            if (whole != null) {
                return whole.nextLineItem();
            }
            if (!hasNext()) {
                throw new java.util.NoSuchElementException("no more rows in " + mapping.source);
            }
            if (plain != null) {
                return plain.next();
            }
            Object row = rows.get(index);
            rows.set(index++, null); // handed out: the part's list no longer holds it
            if (row instanceof BillingInputException e) {
                throw CsvFileParts.movedDown(e, rowsLine);
            }
            if (row instanceof Lineless l) {
                return named(l.item, l.line + rowsLine);
            }
            return (LineItem) row;
        }

        /** Stops the threads and closes the file. */
        @Override
        public void close() {
            if (whole != null) {
                whole.close();
                return;
            }
            RuntimeException failed = null;
            try {
                if (plain != null) {
                    plain.close();
                }
            } catch (RuntimeException e) {
                failed = e;
            }
            parts.close();
            try {
                channel.close();
            } catch (IOException e) {
                UncheckedIOException closing = new UncheckedIOException(e);
                if (failed != null) {
                    closing.addSuppressed(failed);
                }
                throw closing;
            }
            if (failed != null) {
                throw failed;
            }
        }
    }

    /** The item of a row without an id, and its line counted from its part's first row. */
    private record Lineless(LineItem item, long line) {}

    /** The rows of one part in order: items, refusals (reading goes on), items of rows without an id. */
    private static final class PartRows implements FocusChunkParser.Sink {
        final List<Object> rows = new ArrayList<>();

        @Override
        public boolean item(LineItem item) {
            rows.add(item);
            return true;
        }

        @Override
        public boolean lineItem(LineItem item, long line) {
            rows.add(new Lineless(item, line));
            return true;
        }

        @Override
        public boolean bad(BillingInputException refusal) {
            rows.add(refusal);
            return true;
        }
    }

    /** {@code item} named {@code line-N}, N its line in the file, as the plain reader names a row without an id. */
    private static LineItem named(LineItem item, long line) {
        return LineItem.builder()
                .from(item)
                .id(org.cloudbilling.core.id.LineItemId.of("line-" + line))
                .build();
    }

    /**
     * The items of one part: added to its container as they come until a row without an id, then kept (with the
     * lines of those rows) until {@link #finish} names them in the file and adds them in order.
     */
    private static final class PartItems<A> implements FocusChunkParser.Sink {
        private final A container;
        private final BiConsumer<A, ? super LineItem> add;
        /** From the first row without an id on: its items, each row without one followed by its line (a Long). */
        private java.util.List<Object> kept;

        BillingInputException bad;

        PartItems(A container, BiConsumer<A, ? super LineItem> add) {
            this.container = container;
            this.add = add;
        }

        @Override
        public boolean item(LineItem item) {
            if (kept == null) {
                add.accept(container, item);
            } else {
                kept.add(item);
            }
            return true;
        }

        @Override
        public boolean lineItem(LineItem item, long line) {
            if (kept == null) {
                kept = new java.util.ArrayList<>();
            }
            kept.add(item);
            kept.add(line);
            return true;
        }

        @Override
        public boolean bad(BillingInputException refusal) {
            bad = refusal;
            return false;
        }

        /** The container with every item of the part, its rows without an id named by their lines from {@code first}. */
        A finish(long first) {
            if (kept != null) {
                for (int i = 0; i < kept.size(); i++) {
                    LineItem item = (LineItem) kept.get(i);
                    if (i + 1 < kept.size() && kept.get(i + 1) instanceof Long line) {
                        item = named(item, line + first);
                        i++;
                    }
                    add.accept(container, item);
                }
                kept = null;
            }
            return container;
        }
    }

    /**
     * The header when the file starts with one line of names, each plain printable ASCII (0x20 to 0x7e) and not
     * empty, quoted (without a quote inside) or not (without a quote or a comma), joined by commas and ended by LF
     * or CRLF, within the first mebibyte: the names exactly as the plain reader's CSV parser reads that line (it
     * neither trims nor skips anything in it). Else null: a byte order mark, a blank first line, an empty name, a
     * tab, a byte past ASCII, an escaped quote, a line break in a quoted name, text after a closing quote, or a
     * file without a line break there.
     */
    static HeaderLine headerLine(Path file) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer start = ByteBuffer.allocate((int) Math.min(channel.size(), 1 << 20));
            while (start.hasRemaining() && channel.read(start, start.position()) > 0) {
                // read the first bytes
            }
            return headerLine(start.array(), start.position());
        } catch (IOException e) {
            return null; // the plain reader opens the file again, and reports the failure as it always did
        }
    }

    /** {@link #headerLine(Path)} of the first {@code got} bytes of a file, {@code b}. */
    static HeaderLine headerLine(byte[] b, int got) {
        List<String> names = new ArrayList<>();
        int i = 0;
        while (true) {
            boolean quoted = i < got && b[i] == '"';
            if (quoted) {
                i++;
            }
            int from = i;
            while (i < got && b[i] > 0x1f && b[i] < 0x7f && b[i] != '"' && (quoted || b[i] != ',')) {
                i++;
            }
            if (i == from) {
                return null; // an empty name, or not a plain one
            }
            names.add(new String(b, from, i - from, StandardCharsets.US_ASCII));
            if (quoted) {
                if (i >= got || b[i] != '"') {
                    return null;
                }
                i++;
            }
            if (i < got && b[i] == ',') {
                i++;
            } else if (i < got && b[i] == '\n') {
                return new HeaderLine(names.toArray(String[]::new), i + 1);
            } else if (i + 1 < got && b[i] == '\r' && b[i + 1] == '\n') {
                return new HeaderLine(names.toArray(String[]::new), i + 2);
            } else {
                return null;
            }
        }
    }
}
