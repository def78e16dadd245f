package org.cloudbilling.examples.bench;

import java.io.PrintStream;
import java.io.Reader;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.cloudbilling.allocation.AllocationRuleSet;
import org.cloudbilling.allocation.json.RuleSetJson;

/**
 * The DuckDB side of the from-file allocation race: a whole process that reads a canonical CSV file with
 * DuckDB's typed {@code read_csv} and computes the per-unit totals of a rule set (JSON) with the SQL of {@link
 * DuckDbAllocation}, as {@code unit,amount} lines (Unallocated with an empty unit), sorted by unit.
 *
 * <pre>
 * java -cp billing.jar org.cloudbilling.examples.bench.DuckDbFileAllocation ITEMS.csv RULES.json [THREADS]
 * java -cp billing.jar org.cloudbilling.examples.bench.DuckDbFileAllocation --explain ITEMS.csv RULES.json
 * java -cp billing.jar org.cloudbilling.examples.bench.DuckDbFileAllocation --write-rules SEED RULES OUT.json
 * </pre>
 *
 * <p>The second form prints the {@code EXPLAIN ANALYZE} of the placement query. The third form writes the rule set of {@code Workload.generate(SEED, 1, RULES)} as JSON, the rules the
 * race's library side reads with {@code billing allocate --rules}.
 */
public final class DuckDbFileAllocation {
    private DuckDbFileAllocation() {}

    /** Runs the race's DuckDB side, or writes a workload's rules. */
    public static void main(String[] args) throws Exception {
        PrintStream out = System.out;
        if (args.length == 4 && args[0].equals("--write-rules")) {
            Workload w = Workload.generate(Long.parseLong(args[1]), 1, Integer.parseInt(args[2]));
            try (Writer json = Files.newBufferedWriter(Path.of(args[3]), StandardCharsets.UTF_8)) {
                RuleSetJson.write(w.rules(), json);
            }
            return;
        }
        boolean explain = args.length > 0 && args[0].equals("--explain");
        if (explain) {
            args = java.util.Arrays.copyOfRange(args, 1, args.length);
        }
        if (args.length < 2 || args.length > 3) {
            System.err.println("usage: DuckDbFileAllocation ITEMS.csv RULES.json [THREADS]"
                    + " | --write-rules SEED RULES OUT.json");
            System.exit(2);
        }
        AllocationRuleSet rules;
        try (Reader r = Files.newBufferedReader(Path.of(args[1]), StandardCharsets.UTF_8)) {
            rules = RuleSetJson.read(r, args[1]);
        }
        int threads = args.length == 3
                ? Integer.parseInt(args[2])
                : Runtime.getRuntime().availableProcessors();
        try (DuckDbAllocation duck = new DuckDbAllocation(rules, List.copyOf(rules.tagKeys()), threads)) {
            if (explain) {
                out.print(duck.explainAnalyze(duck.placeFileQuery(args[0])));
                return;
            }
            Map<String, BigDecimal> totals = duck.allocateFile(args[0]);
            StringBuilder text = new StringBuilder("unit,amount\n");
            totals.forEach((unit, amount) -> text.append(unit.equals(UnitTotals.UNALLOCATED) ? "" : unit)
                    .append(',')
                    .append(amount.toPlainString())
                    .append('\n'));
            out.print(text);
            out.flush();
        }
    }
}
