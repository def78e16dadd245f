package org.cloudbilling.core.recon;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.io.FilterReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.cloudbilling.core.io.BillingInputException;
import org.cloudbilling.core.io.FormulaGuard;
import org.cloudbilling.core.io.InputProblem;
import org.cloudbilling.core.io.OnError;
import org.cloudbilling.core.io.StrictText;
import org.cloudbilling.core.time.BillingMonth;

/**
 * The two reconciliation lists of a cycle together in one ZIP (RECON-1), as entries
 * {@code ReconciliationList(Period)_YYYYMM.csv} and {@code ReconciliationList(Pay-per-Use)_YYYYMM.csv}, UTF-8.
 *
 * <p>Writing streams the rows into the entries; {@link #write(ReconciliationLists, Path, FormulaGuard)}
 * creates only the file {@code ReconciliationList_YYYYMM.zip} directly in the target directory, never elsewhere
 * and never over an existing file. Reading takes the ZIP as a stream and extracts nothing to disk; an entry other
 * than the two lists (a path such as {@code ../x}, a directory, a list of another cycle) is refused.
 *
 * <pre>{@code
 * Path zip = ReconciliationZip.write(lists, Path.of("/data/recon"), FormulaGuard.ON);
 * ReconciliationLists back = ReconciliationZip.read(Files.newInputStream(zip), zip.toString(), FormulaGuard.ON);
 * }</pre>
 */
public final class ReconciliationZip {
    private ReconciliationZip() {}

    /** Returns the ZIP's file name, {@code ReconciliationList_YYYYMM.zip}. */
    public static String fileName(BillingMonth cycle) {
        return "ReconciliationList_" + cycle.toString().replace("-", "") + ".zip";
    }

    /**
     * Writes the lists as a ZIP to {@code out}, which is finished but not closed.
     *
     * @param lists the lists, not null
     * @param out where the ZIP goes, not null
     * @param guard {@link FormulaGuard#ON} to guard text cells against spreadsheet formulas, not null
     * @throws UncheckedIOException if writing fails
     */
    public static void write(ReconciliationLists lists, OutputStream out, FormulaGuard guard) {
        write(lists.billingCycle(), lists.period().iterator(), lists.payPerUse().iterator(), out, guard);
    }

    /**
     * Streams the rows of a cycle as a ZIP to {@code out}, which is finished but not closed.
     *
     * @param cycle the billing cycle, not null
     * @param period the Period rows, not null; consumed one at a time
     * @param payPerUse the Pay-per-Use rows, not null; consumed one at a time
     * @param out where the ZIP goes, not null
     * @param guard whether to guard text cells, not null
     * @throws UncheckedIOException if writing fails
     */
    public static void write(
            BillingMonth cycle,
            Iterator<PeriodRecord> period,
            Iterator<PayPerUseRecord> payPerUse,
            OutputStream out,
            FormulaGuard guard) {
        requireNonNull(cycle, "cycle");
        requireNonNull(out, "out");
        try {
            ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
            Writer text = new OutputStreamWriter(zip, StandardCharsets.UTF_8);
            zip.putNextEntry(new ZipEntry(ReconciliationLists.periodName(cycle) + ".csv"));
            ReconciliationCsv.writePeriod(text, new CycleCheck<>(period, cycle, PeriodRecord::billingCycle), guard);
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry(ReconciliationLists.payPerUseName(cycle) + ".csv"));
            ReconciliationCsv.writePayPerUse(
                    text, new CycleCheck<>(payPerUse, cycle, PayPerUseRecord::billingCycle), guard);
            zip.closeEntry();
            zip.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes the lists as {@code ReconciliationList_YYYYMM.zip} in {@code directory}.
     *
     * @param lists the lists, not null
     * @param directory an existing directory, not null
     * @param guard whether to guard text cells, not null
     * @return the file written, never null; directly inside {@code directory}
     * @throws IllegalArgumentException if {@code directory} is not a directory
     * @throws UncheckedIOException if the file exists already, or writing fails
     */
    public static Path write(ReconciliationLists lists, Path directory, FormulaGuard guard) {
        requireNonNull(lists, "lists");
        checkArgument(Files.isDirectory(requireNonNull(directory, "directory")), "%s is not a directory", directory);
        Path base = directory.toAbsolutePath().normalize();
        Path target = base.resolve(fileName(lists.billingCycle())).normalize();
        if (!base.equals(target.getParent())) {
            throw new AssertionError("bug: " + target + " is outside " + base);
        }
        try (OutputStream out = Files.newOutputStream(target, StandardOpenOption.CREATE_NEW)) {
            write(lists, out, guard);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return target;
    }

    /**
     * Reads both lists of a ZIP, stopping at the first bad row.
     *
     * @param zip the ZIP, not null; read to its end, not closed
     * @param source the name errors give, such as the file name, not null
     * @param guard {@link FormulaGuard#ON} to remove the formula guard of the project's own lists, not null
     * @return the lists, never null
     * @throws BillingInputException if an entry is not one of the two lists of one cycle, a list is missing, or a
     *     row cannot be read; each problem names {@code source!entry}, line, column, value and reason
     */
    public static ReconciliationLists read(InputStream zip, String source, FormulaGuard guard) {
        Read read = read(zip, source, guard, OnError.FAIL);
        return read.lists();
    }

    /**
     * Reads both lists of a ZIP.
     *
     * @param zip the ZIP, not null; read to its end, not closed
     * @param source the name errors give, not null
     * @param guard whether to remove the project's formula guard, not null
     * @param onError stop at the first bad row, or collect every bad row, not null
     * @return the lists read and the problems of the rows that could not be read, never null
     * @throws BillingInputException if an entry is not one of the two lists of one cycle or a list is missing,
     *     and at the first bad row with {@link OnError#FAIL}
     */
    public static Read read(InputStream zip, String source, FormulaGuard guard, OnError onError) {
        List<PeriodRecord> period = new ArrayList<>();
        List<PayPerUseRecord> payPerUse = new ArrayList<>();
        Streamed s = read(zip, source, guard, onError, period::add, payPerUse::add);
        ReconciliationLists lists;
        try {
            lists = new ReconciliationLists(s.cycle(), period, payPerUse);
        } catch (IllegalArgumentException e) {
            throw new BillingInputException(InputProblem.ofLine(source, 0, e.getMessage()));
        }
        return new Read(lists, s.problems());
    }

    /**
     * Streams both lists of a ZIP to consumers, one record at a time, holding none.
     *
     * @param zip the ZIP, not null; read to its end, not closed
     * @param source the name errors give, not null
     * @param guard whether to remove the project's formula guard, not null
     * @param onError stop at the first bad row, or collect every bad row, not null
     * @param period receives each Period record, in order, not null
     * @param payPerUse receives each Pay-per-Use record, in order, not null
     * @return the cycle and the problems of the rows that could not be read, never null
     * @throws BillingInputException if an entry is not one of the two lists of one cycle, a list is missing, a
     *     record is of another cycle than its entry, and at the first bad row with {@link OnError#FAIL}
     */
    public static Streamed read(
            InputStream zip,
            String source,
            FormulaGuard guard,
            OnError onError,
            Consumer<PeriodRecord> period,
            Consumer<PayPerUseRecord> payPerUse) {
        requireNonNull(zip, "zip");
        requireNonNull(source, "source");
        requireNonNull(guard, "guard");
        requireNonNull(onError, "onError");
        requireNonNull(period, "period");
        requireNonNull(payPerUse, "payPerUse");
        boolean periodRead = false;
        boolean payPerUseRead = false;
        BillingMonth cycle = null;
        List<InputProblem> problems = new ArrayList<>();
        try {
            ZipInputStream in = new ZipInputStream(zip, StandardCharsets.UTF_8);
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                String name = e.getName();
                String where = source + "!" + name;
                BillingMonth entryCycle = cycleOf(name, source);
                if (cycle != null && !cycle.equals(entryCycle)) {
                    throw new BillingInputException(
                            InputProblem.ofLine(source, 0, "entry " + name + " is of another cycle than " + cycle));
                }
                cycle = entryCycle;
                // decoded strictly: bytes that are not UTF-8 are refused naming line and column (IO-1)
                Reader text = new KeepOpen(StrictText.reader(in, StandardCharsets.UTF_8, where));
                if (name.equals(ReconciliationLists.periodName(cycle) + ".csv") && !periodRead) {
                    periodRead = true;
                    try (RecordReader<PeriodRecord> r = ReconciliationCsv.periodReader(text, where, guard)) {
                        drain(r, onError, problems, cycle, PeriodRecord::billingCycle, period, where);
                    }
                } else if (name.equals(ReconciliationLists.payPerUseName(cycle) + ".csv") && !payPerUseRead) {
                    payPerUseRead = true;
                    try (RecordReader<PayPerUseRecord> r = ReconciliationCsv.payPerUseReader(text, where, guard)) {
                        drain(r, onError, problems, cycle, PayPerUseRecord::billingCycle, payPerUse, where);
                    }
                } else {
                    throw new BillingInputException(InputProblem.ofLine(source, 0, "entry " + name + " appears twice"));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!periodRead || !payPerUseRead) {
            throw new BillingInputException(InputProblem.ofLine(
                    source,
                    0,
                    "the ZIP lacks "
                            + (!periodRead ? "the Period list" : "")
                            + (!periodRead && !payPerUseRead ? " and " : "")
                            + (!payPerUseRead ? "the Pay-per-Use list" : "")
                            + " (RECON-1)"));
        }
        return new Streamed(cycle, problems);
    }

    private static <T> void drain(
            RecordReader<T> reader,
            OnError onError,
            List<InputProblem> problems,
            BillingMonth cycle,
            Function<T, BillingMonth> cycleOf,
            Consumer<T> sink,
            String where) {
        while (reader.hasNext()) {
            try {
                T record = reader.next();
                if (!cycleOf.apply(record).equals(cycle)) {
                    throw new BillingInputException(InputProblem.ofLine(
                            where, reader.line(), "the row is of cycle " + cycleOf.apply(record) + ", not " + cycle));
                }
                sink.accept(record);
            } catch (BillingInputException e) {
                if (onError == OnError.FAIL) {
                    throw e;
                }
                problems.addAll(e.problems());
            }
        }
    }

    /**
     * What streaming a ZIP gave besides its records.
     *
     * @param cycle the lists' billing cycle, never null
     * @param problems the rows that could not be read, in order, never null
     */
    public record Streamed(BillingMonth cycle, List<InputProblem> problems) {
        /** Copies the problems. */
        public Streamed {
            requireNonNull(cycle, "cycle");
            problems = List.copyOf(problems);
        }
    }

    /**
     * What reading a ZIP gave.
     *
     * @param lists the rows read, never null
     * @param problems the rows that could not be read, in order, never null
     */
    public record Read(ReconciliationLists lists, List<InputProblem> problems) {
        /** Copies the problems. */
        public Read {
            requireNonNull(lists, "lists");
            problems = List.copyOf(problems);
        }
    }

    /** The cycle an entry name is of; refuses any name that is not a list's: paths, directories, other files. */
    private static BillingMonth cycleOf(String name, String source) {
        String period = "ReconciliationList(Period)_";
        String payPerUse = "ReconciliationList(Pay-per-Use)_";
        String rest = name.startsWith(period)
                ? name.substring(period.length())
                : name.startsWith(payPerUse) ? name.substring(payPerUse.length()) : null;
        if (rest == null || !rest.matches("[0-9]{6}\\.csv")) {
            throw new BillingInputException(InputProblem.ofLine(
                    source,
                    0,
                    "entry '" + name + "' is not ReconciliationList(Period)_YYYYMM.csv nor "
                            + "ReconciliationList(Pay-per-Use)_YYYYMM.csv"));
        }
        try {
            return BillingMonth.parse(rest.substring(0, 4) + "-" + rest.substring(4, 6));
        } catch (IllegalArgumentException e) {
            throw new BillingInputException(InputProblem.ofLine(source, 0, "entry '" + name + "': " + e.getMessage()));
        }
    }

    /** A reader of one ZIP entry that leaves the ZIP open when closed. */
    private static final class KeepOpen extends FilterReader {
        KeepOpen(Reader in) {
            super(in);
        }

        @Override
        public void close() {}
    }

    /** Passes rows on, refusing a row of another cycle. */
    private static final class CycleCheck<T> implements Iterator<T> {
        private final Iterator<T> rows;
        private final BillingMonth cycle;
        private final Function<T, BillingMonth> cycleOf;

        CycleCheck(Iterator<T> rows, BillingMonth cycle, Function<T, BillingMonth> cycleOf) {
            this.rows = requireNonNull(rows, "rows");
            this.cycle = cycle;
            this.cycleOf = cycleOf;
        }

        @Override
        public boolean hasNext() {
            return rows.hasNext();
        }

        @Override
        public T next() {
            T row = rows.next();
            checkArgument(
                    cycleOf.apply(row).equals(cycle),
                    "a row of cycle %s in the lists of %s",
                    cycleOf.apply(row),
                    cycle);
            return row;
        }
    }
}
