package org.cloudbilling.examples;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;

/** Runs the {@code billing} command in-process, capturing standard output, standard error and the exit code. */
public record CliRun(int code, String out, String err) {
    /** Allocation rules for the Tencent test bill: what is tagged {@code team=payments} goes to the unit payments. */
    public static final String TEAM_RULES = """
            {
              "units": [ { "id": "payments", "name": "Payments" } ],
              "tagKeys": [ "team" ],
              "collectionRules": [
                { "id": "r-payments", "unit": "payments",
                  "condition": { "dimension": "tag:team", "in": [ "payments" ] } }
              ]
            }
            """;

    /** The bundled FOCUS sample as a file, for {@code --input}. */
    public static Path focusSample() {
        try {
            return Paths.get(CliRun.class.getResource(FocusSample.RESOURCE).toURI());
        } catch (java.net.URISyntaxException e) {
            throw new AssertionError(e);
        }
    }

    /** Runs {@code billing args...}. */
    public static CliRun run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = BillingCommand.run(
                args,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new CliRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** Runs {@code billing args...} on a command line with {@code extra} added as a subcommand. */
    public static CliRun runWith(Object extra, String... args) {
        java.io.StringWriter out = new java.io.StringWriter();
        java.io.StringWriter err = new java.io.StringWriter();
        CommandLine cli =
                BillingCommand.commandLine(false, new PrintWriter(out, true), new PrintWriter(err, true), extra);
        int code = cli.execute(args);
        return new CliRun(code, out.toString(), err.toString());
    }

    /** Returns standard output read as CSV rows with a header. */
    public List<Map<String, String>> csv() {
        return csvOf(out);
    }

    /** Returns {@code text} read as CSV rows with a header. */
    public static List<Map<String, String>> csvOf(String text) {
        try (MappingIterator<Map<String, String>> it = new CsvMapper()
                .readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader())
                .readValues(text)) {
            return it.readAll();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Returns the bundled FOCUS sample's raw rows, every cell as text, to compute expected values from. */
    public static List<Map<String, String>> focusRows() {
        try (InputStream in = CliRun.class.getResourceAsStream(FocusSample.RESOURCE);
                MappingIterator<Map<String, String>> it = new CsvMapper()
                        .readerForMapOf(String.class)
                        .with(CsvSchema.emptySchema().withHeader())
                        .readValues(in)) {
            return it.readAll();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Returns the bundled FOCUS sample's header, its column names in order. */
    public static List<String> focusHeader() {
        try (InputStream in = CliRun.class.getResourceAsStream(FocusSample.RESOURCE)) {
            String first = new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .findFirst()
                    .orElseThrow();
            return List.of(first.replace("\"", "").split(",", -1));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Returns the sample's header and its first {@code count} rows as CSV text, with the cell {@code column} of the
     * last row replaced by {@code value}.
     */
    public static String focusCsvWithLastCell(int count, String column, String value) {
        List<String> header = focusHeader();
        List<Map<String, String>> rows = focusRows().subList(0, count);
        CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
        header.forEach(schema::addColumn);
        List<Map<String, String>> changed = new java.util.ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Map<String, String> row = new java.util.LinkedHashMap<>(rows.get(i));
            if (i == rows.size() - 1) {
                row.put(column, value);
            }
            changed.add(row);
        }
        try {
            return new CsvMapper().writer(schema.build()).writeValueAsString(changed);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
