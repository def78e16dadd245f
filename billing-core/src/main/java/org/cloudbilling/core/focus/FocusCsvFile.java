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
        InputStream in;
        try {
            in = Files.newInputStream(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (FocusCsvReader plain = FocusCsv.reader(StrictText.reader(in, charset, source), source, guard)) {
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
            InputStream in;
            try {
                in = Files.newInputStream(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            try (FocusCsvReader plain = FocusCsv.reader(StrictText.reader(in, charset, source), source, guard)) {
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
                        item = LineItem.builder()
                                .from(item)
                                .id(org.cloudbilling.core.id.LineItemId.of("line-" + (line + first)))
                                .build();
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
