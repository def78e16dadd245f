package org.cloudbilling.examples.bench;

import com.google.common.collect.ImmutableSortedMap;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.ForkJoinPool;
import org.cloudbilling.allocation.AllocationRun;
import org.cloudbilling.allocation.AllocationSummary;
import org.cloudbilling.allocation.Allocator;
import org.cloudbilling.core.bill.LineItem;
import org.cloudbilling.core.io.LineItemCsv;
import org.cloudbilling.core.io.LineItemCsvReader;
import org.cloudbilling.core.io.LineItemCsvWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code billing bench}: builds the benchmark month ({@link Workload}) and measures, alternating and repeated,
 * the library's allocation (one thread and all threads), the floor (a plain pass summing amounts by owner) and
 * DuckDB computing the same per-unit totals with SQL. It first checks that the library and DuckDB agree on every
 * unit's total to the last decimal, and refuses to report otherwise.
 *
 * <p>With {@code --write-csv} it writes the month as canonical CSV instead; with {@code --stream-csv} it
 * allocates such a file streaming, in memory bounded by units, rules and resources.
 */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        description = {
            "Measures the allocation of a generated month: the library (1 and N threads), the floor pass, and DuckDB"
                    + " SQL giving the same per-unit totals (checked to the last decimal).",
            "The last line reads: bench: items=N rules=N lib_items_per_s=X floor_items_per_s=X"
                    + " duckdb_items_per_s=X ratio_vs_duckdb=X ratio_vs_floor=X"
        })
public final class BenchCommand implements Callable<Integer> {
    @Mixin
    MonthOptions generated = new MonthOptions(1_000);

    @Option(
            names = "--resources",
            description = "resources the items belong to (default: ${DEFAULT-VALUE}); --stream-csv needs the --seed,"
                    + " --rules and --resources the file was written with")
    int resources = Workload.RESOURCES;

    @Option(names = "--repeat", description = "measured rounds, after one warm-up round (default: ${DEFAULT-VALUE})")
    int repeat = 3;

    @Option(
            names = "--threads",
            description = "threads for the parallel library pass, the floor and DuckDB (default: all cores)")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--skip-duckdb", description = "measure the library and the floor only; no report line")
    boolean skipDuckDb;

    @Option(
            names = "--full-summary",
            description = "also measure the full summary (ALLOC-8: by unit, product, resource, component, day, month)")
    boolean fullSummary;

    @Option(
            names = "--write-csv",
            paramLabel = "FILE",
            description = "write the month's items as canonical CSV to FILE, streaming, and stop")
    Path writeCsv;

    @Option(
            names = "--stream-csv",
            paramLabel = "FILE",
            description = "allocate the canonical CSV FILE streaming (two passes: bases, then rows) and stop")
    Path streamCsv;

    private final PrintStream out;

    /** Prints to standard output. */
    public BenchCommand() {
        this(System.out);
    }

    /**
     * Prints to {@code out}.
     *
     * @param out where the table and the report line go, not null
     */
    public BenchCommand(PrintStream out) {
        this.out = java.util.Objects.requireNonNull(out, "out");
    }

    /**
     * Runs the command on its own.
     *
     * @param args the options
     */
    public static void main(String[] args) {
        System.exit(new CommandLine(new BenchCommand()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        if (generated.items < 1 || generated.rules < 1 || repeat < 1 || threads < 1 || resources < 1) {
            throw new CommandLine.ParameterException(
                    new CommandLine(this), "--items, --rules, --resources, --repeat and --threads must be at least 1");
        }
        long t0 = System.nanoTime();
        Workload workload = Workload.generate(generated.seed, generated.items, generated.rules, resources);
        if (writeCsv != null) {
            return writeCsv(workload);
        }
        if (streamCsv != null) {
            return streamCsv(workload);
        }
        List<LineItem> month = workload.materialize();
        Allocator allocator = Allocator.compile(workload.rules());
        out.printf(
                Locale.ROOT,
                "workload: items=%d rules=%d sharing_rules=%d units=%d tag_bindings=%d seed=%d (built in %.1f s)%n",
                month.size(),
                workload.rules().collectionRules().size(),
                workload.rules().sharingRules().size(),
                workload.rules().units().units().size(),
                workload.bindings().size(),
                generated.seed,
                (System.nanoTime() - t0) / 1e9);
        ForkJoinPool pool = new ForkJoinPool(threads);
        DuckDbAllocation duck = null;
        try {
            if (!skipDuckDb) {
                long load = System.nanoTime();
                duck = new DuckDbAllocation(workload.rules(), workload.tagKeys(), month, workload.bindings(), threads);
                out.printf(Locale.ROOT, "duckdb: loaded in %.1f s%n", (System.nanoTime() - load) / 1e9);
            }
            // warm-up round, which also checks the results
            ImmutableSortedMap<String, BigDecimal> lib = LibraryPass.allocate(allocator, month, workload.tags(), null)
                    .toDecimals();
            ImmutableSortedMap<String, BigDecimal> libParallel = LibraryPass.allocate(
                            allocator, month, workload.tags(), pool)
                    .toDecimals();
            if (!lib.equals(libParallel)) {
                out.println("bench: REFUSED: the library's parallel totals differ from its single-threaded totals");
                return 1;
            }
            if (duck != null) {
                ImmutableSortedMap<String, BigDecimal> sql = duck.allocate();
                List<String> differences = differences(lib, sql);
                if (!differences.isEmpty()) {
                    out.println("bench: REFUSED: library and DuckDB per-unit totals differ on " + differences.size()
                            + " units, for example:");
                    differences.stream().limit(10).forEach(d -> out.println("  " + d));
                    return 1;
                }
                out.printf(
                        Locale.ROOT,
                        "check: library (1 and %d threads) and DuckDB agree on all %d per-unit totals to the last"
                                + " decimal; the totals add up to %s = the sum of the items%n",
                        threads,
                        lib.size(),
                        sum(lib).toPlainString());
            }
            LibraryPass.floor(month, null);
            LibraryPass.floor(month, pool);

            Map<String, List<Sample>> samples = new LinkedHashMap<>();
            for (int round = 0; round < repeat; round++) {
                measure(
                        samples,
                        "library, 1 thread",
                        () -> LibraryPass.allocate(allocator, month, workload.tags(), null));
                measure(
                        samples,
                        "library, " + threads + " threads",
                        () -> check(lib, LibraryPass.allocate(allocator, month, workload.tags(), pool)));
                measure(samples, "floor, 1 thread", () -> LibraryPass.floor(month, null));
                measure(samples, "floor, " + threads + " threads", () -> LibraryPass.floor(month, pool));
                if (duck != null) {
                    DuckDbAllocation d = duck;
                    measure(samples, "duckdb, " + threads + " threads", d::allocate);
                }
                if (fullSummary) {
                    measure(samples, "library full summary, " + threads + " threads", () -> {
                        return pool.submit(() -> month.parallelStream()
                                        .collect(allocator.toSummary(Workload.CALENDAR, workload.tags())))
                                .join();
                    });
                }
            }
            out.printf(
                    Locale.ROOT,
                    "%-40s %10s %14s %14s %16s%n",
                    "pass (median of " + repeat + ")",
                    "seconds",
                    "items/s",
                    "peak heap MB",
                    "1-thread CPU s");
            Map<String, Double> rates = new LinkedHashMap<>();
            samples.forEach((name, list) -> {
                double seconds = median(list);
                double rate = month.size() / seconds;
                rates.put(name, rate);
                long heap = list.stream().mapToLong(Sample::peakHeapBytes).max().orElse(0);
                // CPU time of the calling thread: the work of a 1-thread pass, whatever else the machine runs
                String cpuSeconds =
                        name.contains(", 1 thread") ? String.format(Locale.ROOT, "%.3f", medianCpu(list)) : "-";
                out.printf(Locale.ROOT, "%-40s %10.3f %14.0f %14d %16s%n", name, seconds, rate, heap >> 20, cpuSeconds);
            });
            double lib1 = rates.get("library, 1 thread");
            double libN = rates.get("library, " + threads + " threads");
            double floorN = rates.get("floor, " + threads + " threads");
            out.printf(Locale.ROOT, "parallel speed-up of the library on %d threads: %.2fx%n", threads, libN / lib1);
            if (duck == null) {
                out.println("bench: no report line without DuckDB");
                return 0;
            }
            out.printf(
                    Locale.ROOT,
                    "duckdb memory after the query: %d MB (outside the Java heap)%n",
                    duck.memoryBytes() >> 20);
            double duckN = rates.get("duckdb, " + threads + " threads");
            out.printf(
                    Locale.ROOT,
                    "bench: items=%d rules=%d lib_items_per_s=%.0f floor_items_per_s=%.0f duckdb_items_per_s=%.0f"
                            + " ratio_vs_duckdb=%.2f ratio_vs_floor=%.2f%n",
                    month.size(),
                    workload.rules().collectionRules().size(),
                    libN,
                    floorN,
                    duckN,
                    libN / duckN,
                    libN / floorN);
            return 0;
        } finally {
            pool.shutdown();
            if (duck != null) {
                duck.close();
            }
        }
    }

    private static UnitTotals check(ImmutableSortedMap<String, BigDecimal> expected, UnitTotals actual) {
        if (!expected.equals(actual.toDecimals())) {
            throw new AssertionError("bug: a parallel run gave different totals");
        }
        return actual;
    }

    private Integer writeCsv(Workload workload) throws IOException {
        long start = System.nanoTime();
        try (BufferedWriter w = Files.newBufferedWriter(writeCsv, StandardCharsets.UTF_8);
                LineItemCsvWriter csv = LineItemCsv.writer(w)) {
            for (LineItem item : workload.items()) {
                csv.write(item);
            }
        }
        out.printf(
                Locale.ROOT,
                "wrote: items=%d file=%s bytes=%d seconds=%.1f%n",
                workload.itemCount(),
                writeCsv,
                Files.size(writeCsv),
                (System.nanoTime() - start) / 1e9);
        return 0;
    }

    private Integer streamCsv(Workload workload) {
        Allocator allocator = Allocator.compile(workload.rules());
        Iterable<LineItem> file = () -> new FileItems(streamCsv);
        resetPeaks();
        long start = System.nanoTime();
        AllocationRun run = allocator.prepare(file, workload.tags());
        long prepared = System.nanoTime();
        UnitTotals totals = new UnitTotals();
        AllocationSummary summary = run.allocateAll(file, Workload.CALENDAR, totals::add);
        long end = System.nanoTime();
        long heap = peakHeap();
        BigDecimal allocated = sum(totals.toDecimals());
        BigDecimal source = summary.sourceTotals().get(Workload.CNY).amount();
        if (allocated.compareTo(source) != 0) {
            throw new AssertionError("bug: rows add up to " + allocated + ", items to " + source);
        }
        out.printf(
                Locale.ROOT,
                "stream: items=%d rows=%d seconds=%.1f (bases %.1f, allocation %.1f) items_per_s=%.0f"
                        + " peak_heap_mb=%d max_heap_mb=%d total=%s%n",
                summary.itemCount(),
                totals.rows(),
                (end - start) / 1e9,
                (prepared - start) / 1e9,
                (end - prepared) / 1e9,
                summary.itemCount() / ((end - start) / 1e9),
                heap >> 20,
                Runtime.getRuntime().maxMemory() >> 20,
                source.toPlainString());
        return 0;
    }

    /** The items of a canonical CSV file, read one row at a time; closes the file at its end. */
    private static final class FileItems implements Iterator<LineItem> {
        private final LineItemCsvReader reader;

        FileItems(Path file) {
            try {
                BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                this.reader = LineItemCsv.reader(r, file.toString());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public boolean hasNext() {
            boolean more = reader.hasNext();
            if (!more) {
                reader.close();
            }
            return more;
        }

        @Override
        public LineItem next() {
            return reader.next();
        }
    }

    // ---------------------------------------------------------------- measuring

    /** One timed run. */
    record Sample(double seconds, double cpuSeconds, long peakHeapBytes) {}

    private interface Pass {
        Object run() throws Exception;
    }

    private static void measure(Map<String, List<Sample>> samples, String name, Pass pass) throws Exception {
        System.gc();
        resetPeaks();
        java.lang.management.ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        long cpuStart = cpu.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        Object result = pass.run();
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpuSeconds = (cpu.getCurrentThreadCpuTime() - cpuStart) / 1e9;
        if (result == null) {
            throw new AssertionError("bug: a pass returned nothing");
        }
        samples.computeIfAbsent(name, n -> new ArrayList<>()).add(new Sample(seconds, cpuSeconds, peakHeap()));
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) {
                p.resetPeakUsage();
            }
        }
    }

    private static long peakHeap() {
        long sum = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) {
                sum += p.getPeakUsage().getUsed();
            }
        }
        return sum;
    }

    private static double median(List<Sample> list) {
        List<Double> s = new ArrayList<>();
        list.forEach(x -> s.add(x.seconds()));
        Collections.sort(s);
        int n = s.size();
        return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
    }

    private static double medianCpu(List<Sample> list) {
        List<Sample> byCpu = new ArrayList<>(list);
        byCpu.sort(java.util.Comparator.comparingDouble(Sample::cpuSeconds));
        int n = byCpu.size();
        return n % 2 == 1
                ? byCpu.get(n / 2).cpuSeconds()
                : (byCpu.get(n / 2 - 1).cpuSeconds() + byCpu.get(n / 2).cpuSeconds()) / 2;
    }

    private static BigDecimal sum(Map<String, BigDecimal> totals) {
        return totals.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** Units whose totals differ, as "unit: library X, DuckDB Y"; compared numerically. */
    static List<String> differences(Map<String, BigDecimal> library, Map<String, BigDecimal> duckdb) {
        List<String> out = new ArrayList<>();
        TreeSet<String> units = new TreeSet<>(library.keySet());
        units.addAll(duckdb.keySet());
        for (String u : units) {
            BigDecimal a = library.getOrDefault(u, BigDecimal.ZERO);
            BigDecimal b = duckdb.getOrDefault(u, BigDecimal.ZERO);
            if (a.compareTo(b) != 0) {
                out.add(u + ": library " + a.toPlainString() + ", DuckDB " + b.toPlainString());
            }
        }
        return out;
    }
}
