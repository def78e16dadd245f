package org.cloudbilling.examples.spark;

import static com.google.common.base.Preconditions.checkArgument;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import java.io.FileNotFoundException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.cloudbilling.allocation.AllocationRuleSet;
import org.cloudbilling.allocation.RuleSetException;
import org.cloudbilling.allocation.SummaryRow;
import org.cloudbilling.allocation.UnitId;
import org.cloudbilling.allocation.json.RuleSetJson;
import org.cloudbilling.core.consolidation.Dimension;
import org.cloudbilling.core.consolidation.Grouping;
import org.cloudbilling.core.io.BillingInputException;
import org.cloudbilling.core.time.BillingCalendar;

/**
 * The {@code spark-submit} job: reads a month of canonical CSV, FOCUS CSV or FOCUS Parquet and a rule set, writes the allocated rows, the
 * totals per unit and type, and optionally a consolidation. See {@code docs/spark.md}.
 */
final class AllocationJob {
    static final String USAGE = "usage: SparkAllocation --input PATH --rules RULES.json --out DIR"
            + " [--format canonical|focus-csv|focus-parquet] [--by DIM[,DIM...]] [--zone ZONE] [--partitions N]";

    private static final Set<String> OPTIONS =
            Set.of("--input", "--rules", "--out", "--format", "--by", "--zone", "--partitions");
    private static final List<String> FORMATS = List.of("canonical", "focus-csv", "focus-parquet");

    private final String input;
    private final String rulesPath;
    private final String out;
    private final String format;
    private final Optional<List<String>> by;
    private final ZoneId zone;
    private final Optional<Integer> partitions;

    private AllocationJob(Map<String, String> options) {
        this.input = required(options, "--input");
        this.rulesPath = required(options, "--rules");
        this.out = required(options, "--out");
        this.format = options.getOrDefault("--format", "canonical");
        checkArgument(FORMATS.contains(format), "--format must be one of %s, not '%s'", FORMATS, format);
        this.by = Optional.ofNullable(options.get("--by")).map(v -> List.of(v.split(",", -1)));
        by.ifPresent(dims -> dims.forEach(Dimension::parse)); // names a bad dimension before any work
        this.zone = ZoneId.of(options.getOrDefault("--zone", "UTC"));
        this.partitions = Optional.ofNullable(options.get("--partitions")).map(Integer::valueOf);
        partitions.ifPresent(n -> checkArgument(n >= 1, "--partitions must be at least 1, not %s", n));
    }

    /**
     * Parses the command line.
     *
     * @throws IllegalArgumentException naming the argument that is wrong
     */
    static AllocationJob parse(String... args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i += 2) {
            checkArgument(OPTIONS.contains(args[i]), "unknown argument '%s'; %s", args[i], USAGE);
            checkArgument(i + 1 < args.length, "%s needs a value; %s", args[i], USAGE);
            checkArgument(options.put(args[i], args[i + 1]) == null, "%s is given twice", args[i]);
        }
        return new AllocationJob(options);
    }

    private static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        checkArgument(value != null, "%s is missing; %s", name, USAGE);
        return value;
    }

    /** Runs the job in {@code spark}; the output directories must not exist yet. */
    void run(SparkSession spark) {
        String json =
                spark.read().option("wholetext", "true").textFile(rulesPath).first();
        String source = rulesPath;
        Recipe<AllocationRuleSet> rules = () -> RuleSetJson.read(new StringReader(json), source);
        int n = partitions.orElse(spark.sparkContext().defaultParallelism());
        Dataset<String> read = switch (format) {
            case "focus-csv" -> LineItemDatasets.readFocusCsv(spark, input, n);
            case "focus-parquet" -> LineItemDatasets.readFocusParquet(spark, input, n);
            default -> LineItemDatasets.readCanonicalCsv(spark, input, n);
        };
        Dataset<String> items = read.persist(StorageLevel.MEMORY_AND_DISK());
        Dataset<Row> rows = SparkAllocation.allocate(items, rules).persist(StorageLevel.MEMORY_AND_DISK());
        try {
            rows.write().option("header", "true").csv(out + "/rows");
            List<String> summary = new ArrayList<>();
            summary.add(csv("unit", "allocation_type", "currency", "amount"));
            for (SummaryRow r : SparkAllocation.summarize(rows)) {
                summary.add(csv(
                        r.unit().map(UnitId::value).orElse(""),
                        r.type().name(),
                        r.amount().currency().getCurrencyCode(),
                        r.amount().amount().toPlainString()));
            }
            writeText(spark, summary, out + "/summary");
            if (by.isPresent()) {
                writeText(spark, consolidation(items, by.get(), zone), out + "/consolidation");
            }
        } finally {
            rows.unpersist();
            items.unpersist();
        }
    }

    /**
     * Returns the message to show for a mistake in the job's input (a bad row, a bad rule set, a missing or
     * existing path), or empty when {@code failure} is a bug. Spark may hand a task's exception back as text
     * only, so the text is searched too.
     */
    static Optional<String> inputProblem(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof BillingInputException
                    || t instanceof RuleSetException
                    || t instanceof FileNotFoundException
                    || t.getClass().getSimpleName().equals("InvalidInputException")) {
                return Optional.of(t.getMessage());
            }
            String text = String.valueOf(t.getMessage());
            int at = text.indexOf(BillingInputException.class.getName() + ": ");
            if (at >= 0) {
                String rest = text.substring(
                        at + BillingInputException.class.getName().length() + 2);
                int trace = rest.indexOf("\n\tat ");
                return Optional.of(trace < 0 ? rest : rest.substring(0, trace));
            }
            if (text.startsWith("[PATH_NOT_FOUND]") || text.startsWith("[PATH_ALREADY_EXISTS]")) {
                return Optional.of(text.lines().findFirst().orElse(text));
            }
        }
        return Optional.empty();
    }

    private static List<String> consolidation(Dataset<String> items, List<String> dimensions, ZoneId zone) {
        String zoneId = zone.getId();
        Recipe<Grouping> grouping = () -> Grouping.by(
                BillingCalendar.of(ZoneId.of(zoneId), 5, 3),
                dimensions.stream().map(Dimension::parse).toArray(Dimension[]::new));
        List<String> lines = new ArrayList<>();
        List<String> header = new ArrayList<>(dimensions);
        header.addAll(List.of("currency", "item_count", "list_cost", "total_cost"));
        lines.add(csv(header.toArray(String[]::new)));
        for (GroupTotals g : SparkConsolidation.consolidate(items, grouping)) {
            List<String> cells = new ArrayList<>();
            g.values().forEach(v -> cells.add(v == null ? "" : v));
            cells.add(g.currency().getCurrencyCode());
            cells.add(String.valueOf(g.totals().itemCount()));
            cells.add(g.totals().listCost().amount().toPlainString());
            cells.add(g.totals().totalCost().amount().toPlainString());
            lines.add(csv(cells.toArray(String[]::new)));
        }
        return lines;
    }

    private static void writeText(SparkSession spark, List<String> lines, String path) {
        spark.createDataset(lines, Encoders.STRING()).coalesce(1).write().text(path);
    }

    private static String csv(String... cells) {
        try {
            String line = new CsvMapper().writeValueAsString(cells);
            return line.endsWith("\n") ? line.substring(0, line.length() - 1) : line;
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
