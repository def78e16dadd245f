package org.cloudbilling.examples.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** A smoke run of the command on a small month: it checks that the command works, never how fast it is. */
class BenchCommandTest {

    @Test
    void call_smallMonth_checksTheTotalsAndEndsWithTheReportLine() {
        Run run = run("--items", "3000", "--rules", "60", "--repeat", "1", "--threads", "2", "--resources", "3000");

        assertThat(run.code).isZero();
        assertThat(run.out).contains("check: library (1 and 2 threads) and DuckDB agree on all");
        String[] lines = run.out.strip().split("\\R");
        assertThat(lines[lines.length - 1])
                .matches("bench: items=3000 rules=60 lib_items_per_s=\\d+ floor_items_per_s=\\d+"
                        + " duckdb_items_per_s=\\d+ ratio_vs_duckdb=\\d+\\.\\d\\d ratio_vs_floor=\\d+\\.\\d\\d");
    }

    @Test
    void call_writeThenStreamCsv_allocatesEveryItemOfTheFile(@TempDir Path dir) {
        Path file = dir.resolve("month.csv");

        Run written = run("--items", "2000", "--rules", "50", "--resources", "3000", "--write-csv", file.toString());
        Run streamed = run("--rules", "50", "--resources", "3000", "--stream-csv", file.toString());

        assertThat(written.code).isZero();
        assertThat(written.out).startsWith("wrote: items=2000 file=");
        assertThat(streamed.code).isZero();
        assertThat(streamed.out).startsWith("stream: items=2000 rows=");
    }

    @Test
    void call_zeroItems_isRefusedAsAUsageError() {
        Run run = run("--items", "0");

        assertThat(run.code).isEqualTo(2);
    }

    private record Run(int code, String out) {}

    private static Run run(String... args) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        CommandLine cmd = new CommandLine(new BenchCommand(out));
        cmd.setErr(new java.io.PrintWriter(new java.io.StringWriter()));
        int code = cmd.execute(args);
        return new Run(code, bytes.toString(StandardCharsets.UTF_8));
    }
}
