package org.cloudbilling.core.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.cloudbilling.core.bill.CostMetric;
import org.cloudbilling.core.bill.LineItem;
import org.cloudbilling.core.consolidation.Dimension;
import org.cloudbilling.core.consolidation.GroupKey;
import org.cloudbilling.core.consolidation.Grouping;
import org.cloudbilling.core.consolidation.Rollup;
import org.cloudbilling.core.consolidation.Totals;
import org.cloudbilling.core.id.LineItemId;
import org.cloudbilling.core.id.OwnerUin;
import org.cloudbilling.core.money.Money;
import org.cloudbilling.core.time.BillingCalendar;
import org.cloudbilling.core.time.Interval;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link LineItemCsv#consolidate} totals rows with a discount rate, and groups by day and month, from the cells:
 * expectations worked out by hand from the rules (ContractedCost is list cost times discount rate, exact, at most 18
 * decimals; a day is cut in the calendar's zone).
 */
@Tag("MONEY-2")
class LineItemCsvConsolidateTest {
    @TempDir
    Path dir;

    private static LineItem item(int n, String owner, String list, String rate, String start) {
        Instant from = Instant.parse(start);
        LineItem.Builder b = LineItem.builder()
                .from(BadInputFormat.item(1))
                .id(LineItemId.of("li-" + n))
                .ownerUin(OwnerUin.of(owner))
                .feePeriod(Interval.of(from, from.plusSeconds(3600)))
                .listCost(Money.of("CNY", list))
                .totalCost(Money.of("CNY", list));
        if (rate != null) {
            b.discountRate(new BigDecimal(rate));
        }
        return b.build();
    }

    private Path file(List<LineItem> items) throws IOException {
        StringWriter out = new StringWriter();
        try (LineItemCsvWriter w = LineItemCsv.writer(out)) {
            items.forEach(w::write);
        }
        Path p = dir.resolve("items.csv");
        Files.writeString(p, out.toString(), StandardCharsets.UTF_8);
        return p;
    }

    private static Rollup consolidate(Path file, Grouping grouping, int threads) {
        return LineItemCsv.consolidate(file, StandardCharsets.UTF_8, FormulaGuard.ON, grouping, threads, 64);
    }

    @Test
    void consolidate_discountRates_giveTheExactContractedCost() throws IOException {
        Path file = file(List.of(
                item(1, "o1", "10.00000000", "0.85", "2024-09-01T00:00:00Z"),
                item(2, "o1", "3.5", null, "2024-09-01T01:00:00Z"),
                item(3, "o2", "0.12345678", "0.5000000000000", "2024-09-01T02:00:00Z"),
                item(4, "o3", "7.00", "0", "2024-09-01T03:00:00Z")));
        for (int threads = 1; threads <= 2; threads++) {
            Map<GroupKey, Totals> groups =
                    consolidate(file, Grouping.by(Dimension.OWNER), threads).groups();
            // 10.00000000 x 0.85 = 8.5000000000 (8 + 2 decimals), plus 3.5 without a rate
            assertThat(contracted(groups, "o1")).isEqualTo("12.0000000000");
            // 0.12345678 x 0.5000000000000 = 0.061728390000000000000 (21 decimals): trailing zeros down to 18
            assertThat(contracted(groups, "o2")).isEqualTo("0.061728390000000000");
            // 7.00 x 0 = 0.00 (2 + 0 decimals)
            assertThat(contracted(groups, "o3")).isEqualTo("0.00");
            assertThat(groups.get(key("o1")).listCost().amount().toPlainString())
                    .isEqualTo("13.50000000");
        }
    }

    @Test
    void consolidate_rateWhoseProductNeedsMoreThan18Decimals_failsAsTheItemPathDoes() throws IOException {
        Path file = file(List.of(item(1, "o1", "0.12345678", "0.1234567890123", "2024-09-01T00:00:00Z")));
        try {
            consolidate(file, Grouping.by(Dimension.OWNER), 1);
            throw new AssertionError("a contracted cost of 21 decimals was totalled");
        } catch (IllegalArgumentException e) {
            assertThat(e.getMessage()).contains("ContractedCost").contains("list cost times discount rate");
        }
    }

    @Test
    void consolidate_byDayAndMonth_cutsInTheCalendarsZone() throws IOException {
        Path file = file(List.of(
                item(1, "o1", "1", null, "2024-08-31T15:00:00Z"), // 23:00 on Aug 31 in UTC+8
                item(2, "o1", "2", null, "2024-08-31T16:00:00Z"), // 00:00 on Sep 1 in UTC+8
                item(3, "o1", "4", null, "2024-09-01T10:00:00Z")));
        for (int threads = 1; threads <= 2; threads++) {
            Map<GroupKey, Totals> tencent = consolidate(
                            file, Grouping.by(BillingCalendar.TENCENT, Dimension.DAY), threads)
                    .groups();
            assertThat(tencent).hasSize(2);
            assertThat(tencent.get(key("2024-08-31")).listCost().amount()).isEqualByComparingTo("1");
            assertThat(tencent.get(key("2024-09-01")).listCost().amount()).isEqualByComparingTo("6");
            Map<GroupKey, Totals> utc = consolidate(
                            file, Grouping.by(BillingCalendar.UTC, Dimension.OWNER, Dimension.MONTH), threads)
                    .groups();
            assertThat(utc).hasSize(2);
            assertThat(utc.get(key("o1", "2024-08")).itemCount()).isEqualTo(2);
            assertThat(utc.get(key("o1", "2024-09")).itemCount()).isEqualTo(1);
        }
    }

    private static GroupKey key(String... values) {
        return GroupKey.of(List.of(values), Money.currency("CNY"));
    }

    private static String contracted(Map<GroupKey, Totals> groups, String owner) {
        return groups.get(key(owner))
                .metric(CostMetric.CONTRACTED_COST)
                .amount()
                .toPlainString();
    }
}
