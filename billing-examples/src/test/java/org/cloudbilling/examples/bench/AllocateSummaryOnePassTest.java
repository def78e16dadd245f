package org.cloudbilling.examples.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.cloudbilling.allocation.AllocationRun;
import org.cloudbilling.allocation.AllocationSummary;
import org.cloudbilling.allocation.Allocator;
import org.cloudbilling.allocation.SummaryRow;
import org.cloudbilling.allocation.json.RuleSetJson;
import org.cloudbilling.core.bill.LineItem;
import org.cloudbilling.core.bill.TagBindings;
import org.cloudbilling.core.io.LineItemCsv;
import org.cloudbilling.core.io.LineItemCsvWriter;
import org.cloudbilling.core.io.OnError;
import org.cloudbilling.core.time.BillingCalendar;
import org.cloudbilling.examples.CliRun;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code billing allocate --summary} reads a canonical file once, from its bytes, and allocates it in one pass
 * ({@code Allocator.toTotals}); before, it read every item with the plain reader, prepared the run (bases, then the
 * rounding tally) and summarized every row. Its output must be that of the plain path byte for byte: generated
 * months with collection and sharing rules (even, ratio and proportional, chains of units that pass costs on) and
 * refunds, amounts with 8 decimals.
 */
@Tag("ALLOC-5")
@Tag("ALLOC-8")
@Tag("ALLOC-12")
@DisplayName("ALLOC-5 ALLOC-8 ALLOC-12 billing allocate --summary from a canonical file equals the plain path")
class AllocateSummaryOnePassTest {
    @TempDir
    Path dir;

    /** The summary as the command wrote it before: the plain reader, prepare, allocateAll, byUnit. */
    private static String plainSummary(Path csv, Workload w) throws IOException {
        List<LineItem> items;
        try (Reader r = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            items = LineItemCsv.readAll(r, csv.toString(), OnError.FAIL).valuesOrThrow();
        }
        AllocationRun run = Allocator.compile(w.rules()).prepare(items, TagBindings.empty());
        AllocationSummary summary = run.allocateAll(items, BillingCalendar.UTC, row -> {});
        StringBuilder out = new StringBuilder("unit,allocation_type,amount\n");
        for (SummaryRow row : summary.byUnit()) {
            out.append(row.unit().map(u -> u.value()).orElse(""))
                    .append(',')
                    .append(label(row.type()))
                    .append(',')
                    .append(row.amount().amount().toPlainString())
                    .append('\n');
        }
        return out.toString();
    }

    private static String label(org.cloudbilling.allocation.AllocationType type) {
        String name = type.name();
        return name.charAt(0) + name.substring(1).toLowerCase(java.util.Locale.ROOT);
    }

    @Test
    void summary_ofGeneratedMonths_isThePlainPathsByteForByte() throws IOException {
        for (long seed : new long[] {1, 2, 3}) {
            Workload w = Workload.generate(seed, 3_000 + 1_000 * (int) seed, 150, 800);
            Path csv = dir.resolve("items" + seed + ".csv");
            try (Writer out = Files.newBufferedWriter(csv);
                    LineItemCsvWriter writer = LineItemCsv.writer(out)) {
                w.items().forEach(writer::write);
            }
            Path rules = dir.resolve("rules" + seed + ".json");
            try (Writer json = Files.newBufferedWriter(rules, StandardCharsets.UTF_8)) {
                RuleSetJson.write(w.rules(), json);
            }
            String expected = plainSummary(csv, w);

            CliRun run = CliRun.run(
                    "allocate",
                    "--input",
                    csv.toString(),
                    "--format",
                    "canonical",
                    "--rules",
                    rules.toString(),
                    "--summary");

            assertThat(run.code()).as(run.err()).isZero();
            assertThat(expected).contains(",Shared,").contains(",Collected,").contains(",Unallocated,");
            assertThat(run.out()).as("seed %s", seed).isEqualTo(expected);
        }
    }
}
