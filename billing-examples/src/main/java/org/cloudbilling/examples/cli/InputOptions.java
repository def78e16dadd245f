package org.cloudbilling.examples.cli;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.util.Currency;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BiConsumer;
import java.util.function.BinaryOperator;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import java.util.stream.Collector;
import org.cloudbilling.core.bill.LineItem;
import org.cloudbilling.core.consolidation.Consolidation;
import org.cloudbilling.core.consolidation.Grouping;
import org.cloudbilling.core.consolidation.Rollup;
import org.cloudbilling.core.consolidation.Totals;
import org.cloudbilling.core.focus.FocusCsv;
import org.cloudbilling.core.focus.FocusLineItemReader;
import org.cloudbilling.core.focus.parquet.FocusParquet;
import org.cloudbilling.core.focus.parquet.ParquetReadResult;
import org.cloudbilling.core.io.CostClassCollector;
import org.cloudbilling.core.io.FormulaGuard;
import org.cloudbilling.core.io.LineItemCsv;
import org.cloudbilling.core.io.LineItemCsvReader;
import org.cloudbilling.core.io.OnError;
import org.cloudbilling.core.io.StrictText;
import org.cloudbilling.core.provider.TencentBillCsv;
import org.cloudbilling.core.time.BillingMonth;
import picocli.CommandLine.Option;

/** The {@code --input FILE --format FORMAT} options, and reading the file they name. */
final class InputOptions {
    @Option(
            names = "--input",
            required = true,
            paramLabel = "FILE",
            description = "the bill to read: a CSV file of line items, or for --format focus a Parquet file"
                    + " (by its .parquet name or its PAR1 magic number)")
    Path input;

    @Option(
            names = "--format",
            required = true,
            paramLabel = "FORMAT",
            description =
                    "the file's format: focus (FOCUS 1.0 CSV or Parquet), canonical (the library's line-item CSV) "
                            + "or tencent (Tencent-style bill detail CSV, times in UTC+8)")
    InputFormat format;

    @Option(
            names = "--currency",
            paramLabel = "CODE",
            defaultValue = "CNY",
            description = "the currency of a tencent bill's amounts (the file has no currency column);"
                    + " default: ${DEFAULT-VALUE}")
    String currency;

    @Option(
            names = "--encoding",
            paramLabel = "CHARSET",
            defaultValue = "UTF-8",
            description = "the file's character encoding, such as GB18030 for a Chinese export; decoded strictly:"
                    + " a byte sequence not valid in it is refused naming line and column; default: ${DEFAULT-VALUE}")
    String encoding;

    @Option(
            names = "--formula-guard",
            paramLabel = "on|off",
            defaultValue = "on",
            description = "on (default): CSV written is guarded against spreadsheet formulas (a leading ' before"
                    + " =, +, -, @, tab, CR or '), and a focus or canonical input has that guard removed, so the"
                    + " command line's own exports read back exactly; off: cells are read and written exactly")
    FormulaGuard formulaGuard;

    /** Returns the formula guard of {@code --formula-guard}, for reading and writing. */
    FormulaGuard guard() {
        return formulaGuard;
    }

    /**
     * Returns the month {@code text} names, within the supported years 1 to 9998.
     *
     * @throws UserError if it is not a month written YYYY-MM, or outside the supported range
     */
    static BillingMonth month(String option, String text) {
        BillingMonth m;
        try {
            m = BillingMonth.parse(text);
        } catch (IllegalArgumentException | DateTimeException e) {
            throw new UserError(option + ": '" + text + "' is not a month written YYYY-MM, such as 2024-09");
        }
        int year = m.yearMonth().getYear();
        if (year < 1 || year > 9998) {
            throw new UserError(option + ": month " + text + " is outside the supported range 0001-01 to 9998-12");
        }
        return m;
    }

    private Charset charset() {
        try {
            return Charset.forName(encoding.strip());
        } catch (IllegalArgumentException e) { // an illegal or unsupported charset name
            throw new UserError("--encoding: '" + encoding + "' is not a character encoding this Java knows;"
                    + " for example UTF-8, GB18030, GBK, Big5, Shift_JIS, ISO-8859-1");
        }
    }

    /**
     * Passes the file's line items to {@code work} as one pass of an iterable, streaming where the format allows
     * (canonical CSV: memory does not grow with the file), and returns what it returns.
     *
     * @throws UserError if the file cannot be read or the format is not supported
     * @throws org.cloudbilling.core.io.BillingInputException naming file, line and column of a bad row
     */
    <T> T stream(Progress progress, Function<Iterable<LineItem>, T> work) {
        if (format != InputFormat.CANONICAL) {
            return work.apply(read(progress));
        }
        String name = input.toString();
        Charset charset = charset();
        try (InputStream raw = Files.newInputStream(input);
                LineItemCsvReader items = LineItemCsv.reader(
                        progress.reading(name, raw, Files.size(input)), charset, name, formulaGuard)) {
            long[] count = {0};
            Iterator<LineItem> counted = new Iterator<>() {
                @Override
                public boolean hasNext() {
                    return items.hasNext();
                }

                @Override
                public LineItem next() {
                    count[0]++;
                    return items.next();
                }
            };
            boolean[] used = {false};
            T result = work.apply(() -> {
                if (used[0]) {
                    throw new IllegalStateException("bug: a streamed input is read once");
                }
                used[0] = true;
                return counted;
            });
            progress.note("read " + count[0] + " line items from " + name);
            return result;
        } catch (IOException | UncheckedIOException e) {
            throw cannotRead(name, e);
        }
    }

    /**
     * Collects the file's line items with {@code collector}: a canonical or FOCUS CSV file is read from its bytes on
     * every core (streaming, memory bounded), a FOCUS Parquet file row group by row group (streaming), other formats as
     * {@link #read(Progress)} reads them.
     *
     * @throws UserError if the file cannot be read or the format is not supported
     * @throws org.cloudbilling.core.io.BillingInputException naming file, line and column of the first bad row
     */
    <T> T collect(Progress progress, Collector<LineItem, ?, T> collector) {
        return collect(progress, collector, null);
    }

    /**
     * As {@link #collect(Progress, Collector)}, for a result that tells how many items it took ({@code itemCount}, or
     * null): the collector is then given the items as they are, with no counting collector around it (a layer less
     * on every row).
     */
    <T> T collect(Progress progress, Collector<LineItem, ?, T> collector, ToLongFunction<T> itemCount) {
        String name = input.toString();
        if (format == InputFormat.FOCUS && isParquet()) {
            // row group by row group into the collector: memory holds one row group, never the items
            LongAdder count = new LongAdder();
            try {
                T result = FocusParquet.collectLineItems(input, counting(collector, count), progress::note);
                progress.note("read " + count.sum() + " line items from " + name);
                return result;
            } catch (UncheckedIOException e) {
                throw new UserError("cannot read " + name + ": "
                        + (e.getCause() instanceof NoSuchFileException ? "no such file" : e.getMessage()));
            }
        }
        boolean focusCsv = format == InputFormat.FOCUS;
        if (format != InputFormat.CANONICAL && !focusCsv) {
            return read(progress).stream().collect(collector);
        }
        Charset charset = charset();
        LongAdder count = new LongAdder();
        Collector<LineItem, ?, T> counted = itemCount == null ? counting(collector, count) : collector;
        try {
            T result = focusCsv
                    ? FocusCsv.collect(input, charset, formulaGuard, counted)
                    : LineItemCsv.collect(input, charset, formulaGuard, counted);
            long items = itemCount == null ? count.sum() : itemCount.applyAsLong(result);
            progress.note("read " + items + " line items from " + name);
            return result;
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof NoSuchFileException) {
                throw new UserError("cannot read " + name + ": no such file");
            }
            throw new UserError("cannot read " + name + ": " + e.getMessage());
        }
    }

    /**
     * Consolidates the file's line items by {@code grouping}: a canonical CSV file is totalled from its bytes on
     * every core without making an item of each row ({@code LineItemCsv.consolidate}), a FOCUS CSV file is read from
     * its bytes on every core ({@code FocusCsv.consolidate}), a FOCUS Parquet file totalled from its column values
     * ({@code FocusParquet.consolidate}), other formats as
     * {@link #collect(Progress, Collector)} reads them; the same roll-up either way.
     *
     * @throws UserError if the file cannot be read or the format is not supported
     * @throws org.cloudbilling.core.io.BillingInputException naming file, line and column of the first bad row
     */
    Rollup consolidate(Progress progress, Grouping grouping) {
        if (format == InputFormat.FOCUS && isParquet()) {
            // totalled from the column values where the dataset allows it, else row group by row group
            String name = input.toString();
            try {
                Rollup result = FocusParquet.consolidate(input, grouping, progress::note);
                long count = 0;
                for (Totals t : result.groups().values()) {
                    count += t.itemCount();
                }
                progress.note("read " + count + " line items from " + name);
                return result;
            } catch (UncheckedIOException e) {
                throw new UserError("cannot read " + name + ": "
                        + (e.getCause() instanceof NoSuchFileException ? "no such file" : e.getMessage()));
            }
        }
        boolean focusCsv = format == InputFormat.FOCUS && !isParquet();
        if (format != InputFormat.CANONICAL && !focusCsv) {
            return collect(progress, Consolidation.toRollup(grouping));
        }
        String name = input.toString();
        Charset charset = charset();
        try {
            Rollup result = focusCsv
                    ? FocusCsv.consolidate(input, charset, formulaGuard, grouping)
                    : LineItemCsv.consolidate(input, charset, formulaGuard, grouping);
            long count = 0;
            for (Totals t : result.groups().values()) {
                count += t.itemCount();
            }
            progress.note("read " + count + " line items from " + name);
            return result;
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof NoSuchFileException) {
                throw new UserError("cannot read " + name + ": no such file");
            }
            throw new UserError("cannot read " + name + ": " + e.getMessage());
        }
    }

    /**
     * Returns {@code collector} counting the items it takes, into {@code count} once per container at the end (no
     * shared counter touched per row); a cost-class collector stays one.
     */
    private static <A, T> Collector<LineItem, ?, T> counting(Collector<LineItem, A, T> collector, LongAdder count) {
        if (collector instanceof CostClassCollector<A, T> classed) {
            return new CountingClasses<>(classed, count);
        }
        BiConsumer<A, LineItem> add = collector.accumulator();
        BinaryOperator<A> combine = collector.combiner();
        Function<A, T> finish = collector.finisher();
        return Collector.of(
                () -> new Counted<>(collector.supplier().get()),
                (a, item) -> {
                    a.items++;
                    add.accept(a.container, item);
                },
                (a, b) -> a.merge(b, combine),
                a -> a.finish(finish, count),
                collector.characteristics().stream()
                        .filter(c -> c == Collector.Characteristics.UNORDERED)
                        .toArray(Collector.Characteristics[]::new));
    }

    /** A container of another collector and the number of items it took. */
    private static final class Counted<A> {
        A container;
        long items;

        Counted(A container) {
            this.container = container;
        }

        Counted<A> merge(Counted<A> other, BinaryOperator<A> combine) {
            container = combine.apply(container, other.container);
            items += other.items;
            return this;
        }

        <T> T finish(Function<A, T> finish, LongAdder count) {
            count.add(items);
            return finish.apply(container);
        }
    }

    /** A cost-class collector that counts the items it takes, whole or by their cost. */
    private record CountingClasses<A, T>(CostClassCollector<A, T> classed, LongAdder count)
            implements CostClassCollector<Counted<A>, T> {
        @Override
        public java.util.Set<org.cloudbilling.core.bill.LineItemField> classFields() {
            return classed.classFields();
        }

        @Override
        public int classOf(LineItem item) {
            return classed.classOf(item);
        }

        @Override
        public int classOf(org.cloudbilling.core.io.ClassValues values) {
            return classed.classOf(values);
        }

        @Override
        public void addCost(Counted<A> container, int costClass, org.cloudbilling.core.money.Money totalCost) {
            container.items++;
            classed.addCost(container.container, costClass, totalCost);
        }

        @Override
        public void addCost(
                Counted<A> container, int costClass, java.util.Currency currency, long unscaled, int scale) {
            container.items++;
            classed.addCost(container.container, costClass, currency, unscaled, scale);
        }

        @Override
        public boolean needsId(int costClass) {
            return classed.needsId(costClass);
        }

        @Override
        public void addCost(
                Counted<A> container,
                int costClass,
                org.cloudbilling.core.id.LineItemId id,
                org.cloudbilling.core.money.Money totalCost) {
            container.items++;
            classed.addCost(container.container, costClass, id, totalCost);
        }

        @Override
        public java.util.function.Supplier<Counted<A>> supplier() {
            java.util.function.Supplier<A> make = classed.supplier();
            return () -> new Counted<>(make.get());
        }

        @Override
        public BiConsumer<Counted<A>, LineItem> accumulator() {
            BiConsumer<A, LineItem> add = classed.accumulator();
            return (a, item) -> {
                a.items++;
                add.accept(a.container, item);
            };
        }

        @Override
        public BinaryOperator<Counted<A>> combiner() {
            BinaryOperator<A> combine = classed.combiner();
            return (a, b) -> a.merge(b, combine);
        }

        @Override
        public Function<Counted<A>, T> finisher() {
            Function<A, T> finish = classed.finisher();
            return a -> a.finish(finish, count);
        }

        @Override
        public java.util.Set<Collector.Characteristics> characteristics() {
            java.util.Set<Collector.Characteristics> c = java.util.EnumSet.noneOf(Collector.Characteristics.class);
            c.addAll(classed.characteristics());
            c.remove(Collector.Characteristics.IDENTITY_FINISH);
            c.remove(Collector.Characteristics.CONCURRENT); // the counts are per container
            return c;
        }
    }

    /**
     * Reads every line item of the file.
     *
     * @throws UserError if the file cannot be read or the format is not supported
     * @throws org.cloudbilling.core.io.BillingInputException naming file, line and column of a bad row
     */
    List<LineItem> read(Progress progress) {
        String name = input.toString();
        if (format == InputFormat.FOCUS && isParquet()) {
            ParquetReadResult<LineItem> read;
            try {
                read = FocusParquet.readLineItems(input, OnError.FAIL);
            } catch (UncheckedIOException e) {
                throw new UserError("cannot read " + name + ": "
                        + (e.getCause() instanceof NoSuchFileException ? "no such file" : e.getMessage()));
            }
            read.notes().forEach(progress::note);
            List<LineItem> items = read.result().valuesOrThrow();
            progress.note("read " + items.size() + " line items from " + name);
            return items;
        }
        Currency tencentCurrency = format == InputFormat.TENCENT ? currency() : null;
        Charset charset = charset();
        if (format == InputFormat.FOCUS) {
            return readFocusCsv(progress, name, charset);
        }
        try (InputStream raw = Files.newInputStream(input);
                Reader reader = StrictText.reader(progress.reading(name, raw, Files.size(input)), charset, name)) {
            List<LineItem> items = switch (format) {
                case FOCUS -> throw new IllegalStateException("bug: a FOCUS CSV is read by readFocusCsv");
                case TENCENT ->
                    TencentBillCsv.readAll(reader, name, tencentCurrency, TencentBillCsv.BEIJING, OnError.FAIL)
                            .valuesOrThrow();
                case CANONICAL -> {
                    List<LineItem> all = new java.util.ArrayList<>();
                    try (LineItemCsvReader in = LineItemCsv.reader(reader, name, formulaGuard)) {
                        in.forEachRemaining(all::add);
                    }
                    yield all;
                }
            };
            progress.note("read " + items.size() + " line items from " + name);
            return items;
        } catch (IOException | UncheckedIOException e) {
            throw cannotRead(name, e);
        }
    }

    /**
     * Reads every line item of a FOCUS CSV file from its bytes on every core ({@link FocusCsv#lineItemReader}), in
     * file order: the items, the notes and the errors of the plain reader ({@link FocusCsv#readLineItems} with
     * {@link OnError#FAIL}), the first bad row's error named by its line in the file.
     */
    private List<LineItem> readFocusCsv(Progress progress, String name, Charset charset) {
        // opened first as the plain reader opens it, so a file that cannot be opened is refused as there
        try (InputStream raw = Files.newInputStream(input)) {
            progress.reading(name, Files.size(input));
        } catch (NoSuchFileException e) {
            throw new UserError("cannot read " + name + ": no such file");
        } catch (IOException e) {
            throw new UserError("cannot read " + name + ": " + e.getMessage());
        }
        List<LineItem> items = new java.util.ArrayList<>();
        // the command line's own FOCUS exports are guarded: read them with the guard (IO-2)
        try (FocusLineItemReader in = FocusCsv.lineItemReader(input, charset, formulaGuard)) {
            in.forEachRemaining(items::add);
        } catch (UncheckedIOException e) {
            throw new UserError("cannot read " + name + ": " + e.getMessage());
        }
        progress.note("read " + items.size() + " line items from " + name);
        return items;
    }

    /** A FOCUS input is Parquet when its name ends with {@code .parquet} or it starts with the magic number PAR1. */
    private boolean isParquet() {
        if (input.getFileName() != null
                && input.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".parquet")) {
            return true;
        }
        try {
            return FocusParquet.isParquet(input);
        } catch (UncheckedIOException e) {
            return false; // the CSV path reports the file
        }
    }

    private Currency currency() {
        try {
            return Currency.getInstance(currency.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new UserError("--currency: '" + currency + "' is not an ISO 4217 currency code");
        }
    }

    /**
     * The error of a file that cannot be read: it does not exist, its CSV is malformed ({@link #malformed}), or
     * reading failed.
     */
    private static UserError cannotRead(String name, Exception e) {
        if (e instanceof NoSuchFileException) {
            return new UserError("cannot read " + name + ": no such file");
        }
        if (e instanceof JsonProcessingException json) {
            return malformed(name, json);
        }
        return new UserError("cannot read " + name + ": " + e.getMessage());
    }

    private static UserError malformed(String name, JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        String where = at == null ? name : name + ":" + at.getLineNr() + ":" + at.getColumnNr();
        return new UserError(where + ": the CSV is malformed: " + e.getOriginalMessage());
    }
}
