package org.cloudbilling.core.io.internal;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.function.Supplier;
import org.cloudbilling.core.io.BillingInputException;
import org.cloudbilling.core.io.InputProblem;
import org.cloudbilling.core.io.StrictText;

/**
 * Not API: the body of a CSV file (after its one-line header) cut into parts at fixed offsets, each read by a
 * {@link CsvByteRows} fast path on a pool of threads, and handed back in file order: the part-splitting of the
 * byte fast paths (the canonical and the FOCUS CSV), written once.
 *
 * <p>A part starts at the first line start at or after its offset, which is a row start unless a quoted cell holds
 * a line break there; a part whose start is not where the part before it ended is read again from there. Each part
 * counts its own lines; {@link #passed} numbers them. Where a part's fast path stopped, {@link #rest} opens the
 * plain reader of the rest of the file with the right line numbers. At most {@code window} parts are in flight, so
 * memory is bounded.
 *
 * @param <P> the per-thread parser a part is read with
 */
public final class CsvFileParts<P> implements Closeable {
    /** Reads one part with a parser: from {@code firstRow} when known (not negative), else from {@code from}. */
    public interface PartReader<P> {
        /** Reads the part; returns where it ended and what its rows gave. */
        Done read(P parser, long from, long to, long firstRow);
    }

    /** A part read, with what its rows gave. */
    public static final class Done {
        /** Where the part's reading ended. */
        public final CsvByteRows.Part part;
        /** What the part's rows gave. */
        public final Object result;

        /**
         * @param part where the part's reading ended
         * @param result what the part's rows gave
         */
        public Done(CsvByteRows.Part part, Object result) {
            this.part = part;
            this.result = result;
        }
    }

    private final FileChannel channel;
    private final long size;
    private final long headerEnd;
    private final int threads;
    private final long partSize;
    private final long parts;
    private final Supplier<P> newParser;

    private ExecutorService pool;
    /**
     * The free parsers, the one freed last first: a part goes to the parser that read the part before on its
     * thread, so the parsers of the {@link #threads} threads read every part between them and the spare one (for a
     * part read again on the caller's thread) stays all but idle. Taken in turn instead, every parser would fill its
     * dictionaries with a third more of the file's distinct cells, for more lookups that miss.
     */
    private LinkedBlockingDeque<P> parsers;

    private final ArrayDeque<Future<Done>> inFlight = new ArrayDeque<>();
    private long nextPart;
    private long expectedStart;
    private long nextLine = 2;

    /**
     * @param channel the file, open; not closed here
     * @param size the file's size
     * @param headerEnd the offset of the first row, after the one-line header
     * @param threads the threads to read on
     * @param partSize the bytes of a part
     * @param newParser makes a parser, one per thread
     */
    public CsvFileParts(
            FileChannel channel, long size, long headerEnd, int threads, long partSize, Supplier<P> newParser) {
        this.channel = channel;
        this.size = size;
        this.headerEnd = headerEnd;
        this.threads = Math.max(1, threads);
        this.partSize = Math.max(1, partSize);
        this.parts = Math.max(1, (size - headerEnd + this.partSize - 1) / this.partSize);
        this.newParser = newParser;
        this.expectedStart = headerEnd;
    }

    /** The file. */
    public FileChannel channel() {
        return channel;
    }

    /** The file's size. */
    public long size() {
        return size;
    }

    /** The number of threads parts are read on. */
    public int threads() {
        return threads;
    }

    /** The line the next part's first row starts on. */
    public long nextLine() {
        return nextLine;
    }

    private void start() {
        if (pool == null) {
            pool = Executors.newFixedThreadPool(threads, r -> {
                Thread t = new Thread(r, "billing-csv-reader");
                t.setDaemon(true);
                return t;
            });
            parsers = new LinkedBlockingDeque<>(threads + 1);
            for (int i = 0; i <= threads; i++) {
                parsers.add(newParser.get());
            }
        }
    }

    private long nominalStart(long part) {
        return headerEnd + part * partSize;
    }

    private long nominalEnd(long part) {
        return part == parts - 1 ? size : headerEnd + (part + 1) * partSize;
    }

    private Done run(PartReader<P> reader, long part, long firstRow) {
        P parser = parsers.pollFirst();
        if (parser == null) {
            throw new IllegalStateException("bug: no parser free");
        }
        try {
            return reader.read(parser, nominalStart(part), nominalEnd(part), firstRow);
        } finally {
            parsers.addFirst(parser);
        }
    }

    /**
     * Returns the next part in file order, its first row where the part before ended, or null after the last; the
     * caller numbers its lines from {@link #nextLine()}, then calls {@link #passed}.
     */
    public Done next(PartReader<P> reader, int window) {
        if (nextPart >= parts && inFlight.isEmpty()) {
            return null;
        }
        start();
        while (inFlight.size() < window && nextPart < parts) {
            long part = nextPart++;
            long first = part == 0 ? headerEnd : -1;
            inFlight.add(pool.submit(() -> run(reader, part, first)));
        }
        long part = nextPart - inFlight.size();
        Done done = await(inFlight.poll());
        if (done.part.start != expectedStart) {
            // a quoted line break at the cut: read this part again from where the one before ended
            done = run(reader, part, expectedStart);
        }
        return done;
    }

    private static Done await(Future<Done> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        }
    }

    /** Moves on past {@code done}: its rows are numbered, the next part starts where it ended. */
    public void passed(Done done) {
        expectedStart = done.part.end;
        nextLine += done.part.lines;
    }

    /**
     * The plain rows of the rest of {@code file} from where the last part passed ended, its first row on
     * {@link #nextLine()}, each as wide as {@code header} and mapped by {@code mapping}.
     */
    public <T> RowSource<T> rest(Path file, Charset charset, String source, String[] header, RowMapping<T> mapping) {
        try {
            InputStream in = Files.newInputStream(file);
            try {
                in.skipNBytes(expectedStart);
            } catch (IOException | RuntimeException e) {
                in.close();
                throw e;
            }
            CsvRows rows = CsvRows.continuing(StrictText.reader(in, charset, source, nextLine), source, nextLine);
            return RowSource.continuing(rows, header, cells -> mapping.map(cells, rows.line()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Maps a row's cells, on its line, to a value; throws a {@link BillingInputException} for a bad row. */
    public interface RowMapping<T> {
        /** Maps the cells of the row on {@code line}. */
        T map(String[] cells, long line);
    }

    /** {@code e} with its lines moved down by {@code lines}: a part's lines counted from 0 numbered in the file. */
    public static BillingInputException movedDown(BillingInputException e, long lines) {
        List<InputProblem> moved = new ArrayList<>();
        for (InputProblem p : e.problems()) {
            moved.add(p.movedDown(lines));
        }
        return new BillingInputException(moved);
    }

    /** Stops the threads; the file stays open. */
    @Override
    public void close() {
        if (pool != null) {
            for (Future<Done> f : inFlight) {
                f.cancel(true);
            }
            inFlight.clear();
            pool.shutdownNow();
        }
    }
}
