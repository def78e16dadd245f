package org.cloudbilling.examples.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.cloudbilling.core.bill.LineItem;
import org.cloudbilling.core.focus.FocusCsv;
import org.cloudbilling.core.focus.FocusCsvWriter;
import org.cloudbilling.core.focus.FocusExport;
import org.cloudbilling.core.focus.FocusLineItemReader;
import org.cloudbilling.core.focus.FocusLineItems;
import org.cloudbilling.core.focus.FocusVersion;
import org.cloudbilling.core.io.FormulaGuard;
import org.cloudbilling.core.io.LineItemCsv;
import org.cloudbilling.core.io.LineItemCsvReader;
import org.cloudbilling.core.io.LineItemCsvWriter;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * JMH benchmarks of parsing a file to line items, steady state (the JIT warmed up, the file in the page cache): the
 * canonical CSV on every core ({@code LineItemCsv.collect} and {@code LineItemCsv.reader(Path, ...)}) and the FOCUS
 * CSV (on every core from its bytes, {@code FocusCsv.collect}; and in file order through {@code FocusCsv.lineItemReader},
 * also from the bytes on every core). Each operation reads the whole file of {@link #items} rows, so the rate is
 * {@code items / score}. The files are written under {@link #dir} from the benchmark month ({@link Workload}) when
 * missing.
 *
 * <pre>{@code
 * java -cp billing-examples/target/billing.jar org.openjdk.jmh.Main ParseBenchmarks -p dir=/tmp/parse
 * }</pre>
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = "-Xmx2g")
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ParseBenchmarks {
    /** Rows of each file. */
    @Param({"1000000"})
    public int items;

    /** Where the files are kept. */
    @Param({"pipeline-bench"})
    public String dir;

    private Path canonical;
    private Path focus;

    @Setup
    public void setUp() throws IOException {
        Path d = Path.of(dir);
        Files.createDirectories(d);
        canonical = d.resolve("canonical-" + items + ".csv");
        focus = d.resolve("focus-" + items + ".csv");
        Workload workload = null;
        if (!Files.exists(canonical)) {
            workload = Workload.generate(42, items, 400);
            try (BufferedWriter w = Files.newBufferedWriter(canonical, StandardCharsets.UTF_8);
                    LineItemCsvWriter writer = LineItemCsv.writer(w)) {
                for (LineItem item : workload.items()) {
                    writer.write(item);
                }
            }
        }
        if (!Files.exists(focus)) {
            if (workload == null) {
                workload = Workload.generate(42, items, 400);
            }
            FocusExport export = new FocusExport("Tencent Cloud", "Tencent Cloud", "Tencent Cloud", Workload.CALENDAR)
                    .withVersion(FocusVersion.V1_2);
            try (BufferedWriter w = Files.newBufferedWriter(focus, StandardCharsets.UTF_8);
                    FocusCsvWriter writer =
                            FocusCsv.writer(w, FocusVersion.V1_2, FocusLineItems.EXTRA_COLUMNS, FormulaGuard.ON)) {
                for (LineItem item : workload.items()) {
                    writer.write(FocusLineItems.toRow(item, Workload.MONTH, export));
                }
            }
        }
    }

    /** The canonical CSV to line items on every core, counted by a collector. */
    @Benchmark
    public long canonicalCollect() {
        return LineItemCsv.collect(canonical, StandardCharsets.UTF_8, FormulaGuard.OFF, Collectors.counting());
    }

    /** The canonical CSV to line items on every core, in file order through the streaming reader. */
    @Benchmark
    public long canonicalReader(Blackhole hole) {
        long n = 0;
        try (LineItemCsvReader in = LineItemCsv.reader(canonical, StandardCharsets.UTF_8, FormulaGuard.OFF)) {
            while (in.hasNext()) {
                hole.consume(in.next());
                n++;
            }
        }
        return n;
    }

    /** The FOCUS CSV to line items on every core from its bytes, counted by a collector. */
    @Benchmark
    public long focusCollect() {
        return FocusCsv.collect(focus, StandardCharsets.UTF_8, FormulaGuard.ON, Collectors.counting());
    }

    /** The FOCUS CSV to line items in file order through its file reader (parts read from the bytes on every core). */
    @Benchmark
    public long focusReader(Blackhole hole) {
        long n = 0;
        try (FocusLineItemReader in = FocusCsv.lineItemReader(focus, StandardCharsets.UTF_8, FormulaGuard.ON)) {
            while (in.hasNext()) {
                hole.consume(in.next());
                n++;
            }
        }
        return n;
    }
}
