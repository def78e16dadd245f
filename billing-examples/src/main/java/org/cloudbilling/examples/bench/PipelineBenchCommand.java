package org.cloudbilling.examples.bench;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.cloudbilling.core.bill.LineItem;
import org.cloudbilling.core.focus.FocusColumn;
import org.cloudbilling.core.focus.FocusCsv;
import org.cloudbilling.core.focus.FocusCsvWriter;
import org.cloudbilling.core.focus.FocusExport;
import org.cloudbilling.core.focus.FocusLineItems;
import org.cloudbilling.core.focus.FocusVersion;
import org.cloudbilling.core.io.FormulaGuard;
import org.cloudbilling.core.io.LineItemCsv;
import org.cloudbilling.core.io.LineItemCsvWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code billing bench-pipeline}: from file to consolidated totals, the library's {@code billing consolidate}
 * against DuckDB ({@code read_csv} with the amounts typed {@code DECIMAL(38,10)}, or {@code read_parquet}, then
 * {@code GROUP BY}), each a whole process (start-up and load included), run alternately on the same file. It writes
 * the files first (the benchmark workload as canonical CSV, as the library's FOCUS 1.2 CSV, and that as Parquet
 * written by DuckDB), checks that both give the same count and sums per group to the last decimal, and refuses to
 * report otherwise.
 */
@Command(
        name = "bench-pipeline",
        mixinStandardHelpOptions = true,
        description = {
            "From file to totals: 'billing consolidate' against DuckDB read_csv/read_parquet + GROUP BY, whole"
                    + " processes run alternately on the same file (canonical CSV, FOCUS CSV, FOCUS Parquet);"
                    + " totals checked equal to the last decimal.",
            "Each format's last line reads: bench-pipeline: format=F rows=N library_s=X duckdb_s=X"
                    + " speed_vs_duckdb=X"
        })
public final class PipelineBenchCommand implements Callable<Integer> {
    @Option(names = "--items", description = "rows of the file (default: ${DEFAULT-VALUE})")
    int items = 1_000_000;

    @Option(names = "--dir", description = "where the file and the outputs go (default: ${DEFAULT-VALUE})")
    Path dir = Path.of("pipeline-bench");

    @Option(
            names = "--rounds",
            description = "measured rounds of each, after one warm-up each (default: ${DEFAULT-VALUE})")
    int rounds = 5;

    @Option(names = "--seed", description = "seed of the generated month (default: ${DEFAULT-VALUE})")
    long seed = 42;

    @Option(
            names = "--format",
            split = ",",
            description = "the files to race on, in order: canonical (the line-item CSV), focus-csv (the same"
                    + " items as a FOCUS 1.2 CSV, the library's export), focus-parquet (that FOCUS data as Parquet,"
                    + " written by DuckDB: DECIMAL costs, TIMESTAMP WITH TIME ZONE times, Tags a JSON string)"
                    + " (default: ${DEFAULT-VALUE})")
    List<String> formats = List.of("canonical");

    private Workload workload;

    private final PrintWriter out = new PrintWriter(System.out, true);

    public static void main(String[] args) {
        System.exit(new CommandLine(new PipelineBenchCommand()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        if (items < 1 || rounds < 1) {
            throw new CommandLine.ParameterException(new CommandLine(this), "--items and --rounds must be at least 1");
        }
        for (String format : formats) {
            if (!List.of("canonical", "focus-csv", "focus-parquet").contains(format)) {
                throw new CommandLine.ParameterException(
                        new CommandLine(this), "--format: canonical, focus-csv or focus-parquet, not " + format);
            }
        }
        Files.createDirectories(dir);
        int exit = 0;
        for (String format : formats) {
            exit = Math.max(exit, race(format));
        }
        return exit;
    }

    /** Writes the file of {@code format} if missing, races the library against DuckDB on it, prints the ratios. */
    private int race(String format) throws Exception {
        Path file = switch (format) {
            case "canonical" -> dir.resolve("canonical-" + items + ".csv");
            case "focus-csv" -> dir.resolve("focus-" + items + ".csv");
            default -> dir.resolve("focus-" + items + ".parquet");
        };
        if (!Files.exists(file)) {
            switch (format) {
                case "canonical" -> write(file);
                case "focus-csv" -> writeFocus(file);
                default -> {
                    Path csv = dir.resolve("focus-" + items + ".csv");
                    if (!Files.exists(csv)) {
                        writeFocus(csv);
                    }
                    writeParquet(csv, file);
                }
            }
        }
        boolean canonical = format.equals("canonical");
        Path jar = jar();
        String java = ProcessHandle.current().info().command().orElse("java");
        Path libOut = dir.resolve("library-totals-" + format + ".csv");
        Path duckOut = dir.resolve("duckdb-totals-" + format + ".csv");
        List<String> library = List.of(
                java,
                "-jar",
                jar.toString(),
                "consolidate",
                "--input",
                file.toString(),
                "--format",
                canonical ? "canonical" : "focus",
                "--by",
                canonical ? "ownerUin" : "SubAccountId",
                "--out",
                libOut.toString());
        List<String> duck = List.of(
                java, "-cp", jar.toString(), DuckDb.class.getName(), format, file.toString(), duckOut.toString());
        // warm-up (file cache), then the check
        time(library);
        time(duck);
        List<String> difference = compare(libOut, duckOut);
        if (!difference.isEmpty()) {
            out.println("bench-pipeline: REFUSED: library and DuckDB totals differ, for example:");
            difference.stream().limit(10).forEach(d -> out.println("  " + d));
            return 1;
        }
        List<Double> lib = new ArrayList<>();
        List<Double> sql = new ArrayList<>();
        List<Double> ratios = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
            double l = time(library);
            double d = time(duck);
            lib.add(l);
            sql.add(d);
            ratios.add(d / l);
            out.printf(
                    Locale.ROOT,
                    "round %d: library %.2f s, duckdb %.2f s, speed vs duckdb %.2fx%n",
                    r + 1,
                    l,
                    d,
                    d / l);
        }
        out.printf(
                Locale.ROOT,
                "bench-pipeline: format=%s rows=%d file=%s library_s=%.2f duckdb_s=%.2f speed_vs_duckdb=%.2f"
                        + " (medians; the speed is the median of the pairs' duckdb/library)%n",
                format,
                items,
                file,
                median(lib),
                median(sql),
                median(ratios));
        return 0;
    }

    private Workload workload() {
        if (workload == null) {
            workload = Workload.generate(seed, items, 400);
        }
        return workload;
    }

    private void write(Path csv) throws IOException {
        long start = System.nanoTime();
        Workload workload = workload();
        try (BufferedWriter w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8);
                LineItemCsvWriter writer = LineItemCsv.writer(w)) {
            for (LineItem item : workload.items()) {
                writer.write(item);
            }
        }
        wrote(csv, start);
    }

    /** Prints that {@code file} was written, started at {@code start} ({@link System#nanoTime}). */
    private void wrote(Path file, long start) throws IOException {
        out.printf(
                Locale.ROOT,
                "wrote: %s rows=%d bytes=%d seconds=%.1f%n",
                file,
                items,
                Files.size(file),
                (System.nanoTime() - start) / 1e9);
    }

    /** The workload as a FOCUS 1.2 CSV, as the library exports it (its {@code x_} columns included). */
    private void writeFocus(Path csv) throws IOException {
        long start = System.nanoTime();
        FocusExport export = new FocusExport("Tencent Cloud", "Tencent Cloud", "Tencent Cloud", Workload.CALENDAR)
                .withVersion(FocusVersion.V1_2);
        try (BufferedWriter w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8);
                FocusCsvWriter writer =
                        FocusCsv.writer(w, FocusVersion.V1_2, FocusLineItems.EXTRA_COLUMNS, FormulaGuard.ON)) {
            for (LineItem item : workload().items()) {
                writer.write(FocusLineItems.toRow(item, Workload.MONTH, export));
            }
        }
        wrote(csv, start);
    }

    /**
     * The FOCUS CSV as Parquet, written by DuckDB: the decimal columns as {@code DECIMAL(38,10)}, the date-times as
     * {@code TIMESTAMP WITH TIME ZONE}, every other column (Tags included, a JSON string) as text.
     */
    private void writeParquet(Path csv, Path parquet) throws IOException, SQLException {
        long start = System.nanoTime();
        String header;
        try (BufferedReader r = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            header = r.readLine();
        }
        List<String> typed = new ArrayList<>();
        for (String name : header.split(",", -1)) {
            FocusColumn.of(name).ifPresent(c -> {
                if (c.type() == FocusColumn.Type.DECIMAL) {
                    typed.add("CAST(" + name + " AS DECIMAL(38,10)) AS " + name);
                } else if (c.type() == FocusColumn.Type.DATETIME) {
                    typed.add("CAST(" + name + " AS TIMESTAMPTZ) AS " + name);
                }
            });
        }
        String sql = "COPY (SELECT * REPLACE (" + String.join(", ", typed) + ") FROM read_csv('"
                + csv.toString().replace("'", "''") + "', header = true, all_varchar = true)) TO '"
                + parquet.toString().replace("'", "''") + "' (FORMAT parquet)";
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
                Statement s = c.createStatement()) {
            s.execute("SET TimeZone = 'UTC'");
            s.execute(sql);
        }
        wrote(parquet, start);
    }

    private static Path jar() throws URISyntaxException {
        return Path.of(PipelineBenchCommand.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
    }

    /** Runs {@code command} to its end; returns its wall seconds. */
    private static double time(List<String> command) throws IOException, InterruptedException {
        long start = System.nanoTime();
        Process p = new ProcessBuilder(command)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        int exit = p.waitFor();
        double seconds = (System.nanoTime() - start) / 1e9;
        if (exit != 0) {
            throw new IllegalStateException("exit " + exit + " from " + command);
        }
        return seconds;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    /** The groups whose count or sums differ (as numbers: DuckDB keeps 10 decimals, the file 8). */
    static List<String> compare(Path library, Path duckdb) throws IOException {
        List<String> a = Files.readAllLines(library, StandardCharsets.UTF_8);
        List<String> b = Files.readAllLines(duckdb, StandardCharsets.UTF_8);
        List<String> differences = new ArrayList<>();
        // library: ownerUin,ItemCount,ListCost,BilledCost,BillingCurrency with a header; DuckDB: the same, no header
        List<String> rows = a.subList(1, a.size());
        if (rows.size() != b.size()) {
            differences.add("groups: library " + rows.size() + ", DuckDB " + b.size());
            return differences;
        }
        for (int i = 0; i < rows.size(); i++) {
            String[] x = rows.get(i).split(",", -1);
            String[] y = b.get(i).split(",", -1);
            boolean same = x.length == 5
                    && y.length == 5
                    && x[0].equals(y[0])
                    && x[1].equals(y[1])
                    && new BigDecimal(x[2]).compareTo(new BigDecimal(y[2])) == 0
                    && new BigDecimal(x[3]).compareTo(new BigDecimal(y[3])) == 0
                    && x[4].equals(y[4]);
            if (!same) {
                differences.add("library " + rows.get(i) + " / DuckDB " + b.get(i));
            }
        }
        return differences;
    }

    /**
     * The DuckDB side, a process of its own: typed read_csv, or read_parquet, and GROUP BY, as a skilled engineer
     * writes it.
     */
    public static final class DuckDb {
        private DuckDb() {}

        /**
         * Writes {@code owner,count,listCost,totalCost,currency} per group of the file {@code args[1]} of format
         * {@code args[0]} ({@code canonical}, {@code focus-csv} or {@code focus-parquet}) to {@code args[2]}.
         *
         * @param args the format, the input file and the output file
         * @throws SQLException if DuckDB fails
         * @throws IOException if the output cannot be written
         */
        public static void main(String[] args) throws SQLException, IOException {
            String file = "'" + args[1].replace("'", "''") + "'";
            String sql = switch (args[0]) {
                case "canonical" ->
                    "SELECT ownerUin, count(*), sum(listCost), sum(totalCost), currency"
                            + " FROM read_csv(" + file
                            + ", header = true, types = {'ownerUin': 'VARCHAR', 'currency': 'VARCHAR',"
                            + " 'listCost': 'DECIMAL(38,10)', 'totalCost': 'DECIMAL(38,10)'})"
                            + " GROUP BY ownerUin, currency ORDER BY ownerUin, currency";
                case "focus-csv" ->
                    "SELECT SubAccountId, count(*), sum(ListCost), sum(BilledCost),"
                            + " BillingCurrency FROM read_csv(" + file
                            + ", header = true, types = {'SubAccountId': 'VARCHAR', 'BillingCurrency': 'VARCHAR',"
                            + " 'ListCost': 'DECIMAL(38,10)', 'BilledCost': 'DECIMAL(38,10)'})"
                            + " GROUP BY SubAccountId, BillingCurrency ORDER BY SubAccountId, BillingCurrency";
                case "focus-parquet" ->
                    "SELECT SubAccountId, count(*), sum(ListCost), sum(BilledCost),"
                            + " BillingCurrency FROM read_parquet(" + file + ")"
                            + " GROUP BY SubAccountId, BillingCurrency ORDER BY SubAccountId, BillingCurrency";
                default -> throw new IllegalArgumentException("unknown format " + args[0]);
            };
            try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
                    Statement s = c.createStatement();
                    ResultSet r = s.executeQuery(sql);
                    PrintWriter w =
                            new PrintWriter(Files.newBufferedWriter(Path.of(args[2]), StandardCharsets.UTF_8))) {
                while (r.next()) {
                    w.println(r.getString(1) + "," + r.getLong(2) + ","
                            + r.getBigDecimal(3).toPlainString() + ","
                            + r.getBigDecimal(4).toPlainString() + "," + r.getString(5));
                }
            }
        }
    }
}
