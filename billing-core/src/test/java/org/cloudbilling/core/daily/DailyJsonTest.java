package org.cloudbilling.core.daily;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import java.io.StringReader;
import java.io.StringWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Random;
import org.cloudbilling.core.bill.LineItem;
import org.cloudbilling.core.id.LineItemId;
import org.cloudbilling.core.testing.BillingGenerators;
import org.cloudbilling.core.testing.DailyBatches;
import org.cloudbilling.core.time.BillingCalendar;
import org.cloudbilling.core.time.BillingMonth;
import org.cloudbilling.core.time.Interval;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** DAILY-4: month states and batches as versioned JSON: equal when read back; clear refusals; stale revisions. */
class DailyJsonTest {
    private static final Currency CNY = Currency.getInstance("CNY");
    private static final BillingMonth SEPTEMBER = BillingMonth.of(2024, 9);
    private static final BillingCalendar CALENDAR = BillingCalendar.TENCENT;
    private static final Instant MONTH_START = CALENDAR.start(SEPTEMBER);

    private static String json(MonthLedger ledger) {
        StringWriter out = new StringWriter();
        DailyJson.writeLedger(ledger, out);
        return out.toString();
    }

    private static String json(ChargeBatch batch) {
        StringWriter out = new StringWriter();
        DailyJson.writeBatch(batch, out);
        return out.toString();
    }

    private static MonthLedger read(String json) {
        return DailyJson.readLedger(new StringReader(json), "month.json");
    }

    @Test
    @Tag("DAILY-4")
    void monthStatesAndBatches_readBackEqual() {
        qt().withExamples(25)
                .forAll(
                        lists().of(BillingGenerators.lineItems(CNY)).ofSizeBetween(0, 30),
                        longs().all(),
                        integers().between(1, 6))
                .checkAssert((generated, seed, days) -> {
                    Random random = new Random(seed);
                    List<LineItem> items = new ArrayList<>();
                    java.util.Set<LineItemId> ids = new java.util.HashSet<>();
                    for (LineItem item : generated) {
                        if (ids.add(item.id())) {
                            Instant start = MONTH_START.plusSeconds(3600L * random.nextInt(720));
                            items.add(LineItem.builder()
                                    .from(item)
                                    .feePeriod(Interval.of(start, start.plusSeconds(3600)))
                                    .build());
                        }
                    }
                    MonthLedger ledger = MonthLedger.open(SEPTEMBER, CNY, CALENDAR);
                    int n = 0;
                    for (ChargeBatch batch :
                            DailyBatches.of(items, SEPTEMBER, CNY, days, random).arrivals()) {
                        ChargeBatch back = DailyJson.readBatch(new StringReader(json(batch)), "batch.json");
                        assertThat(back).isEqualTo(batch);
                        assertThat(MonthLedger.digest(back)).isEqualTo(MonthLedger.digest(batch));
                        ledger = ledger.apply(back, DailyBatches.arrival(MONTH_START, n++))
                                .ledger();
                        MonthLedger again = read(json(ledger));
                        assertThat(again).isEqualTo(ledger);
                        assertThat(json(again)).isEqualTo(json(ledger));
                    }
                });
    }

    private static final MonthLedger ONE = MonthLedger.open(SEPTEMBER, CNY, CALENDAR)
            .apply(
                    ChargeBatch.daily(
                            BatchId.of("d1"), SEPTEMBER, CNY, List.of(MonthLedgerTest.charge("a", "01", "10.00"))),
                    Instant.parse("2024-09-02T01:00:00Z"))
            .ledger();

    private static IllegalArgumentException refusal(String json) {
        IllegalArgumentException e = catchThrowableOfType(IllegalArgumentException.class, () -> read(json));
        assertThat(e).as("refused").isNotNull();
        return e;
    }

    @Test
    @Tag("DAILY-4")
    void aNewerFormatVersion_isRefused_namingTheFileAndTheVersion() {
        String newer = json(ONE).replace("\"formatVersion\" : 1", "\"formatVersion\" : 2");
        assertThat(refusal(newer))
                .hasMessageStartingWith("invalid month state month.json: at $.formatVersion, line 3")
                .hasMessageEndingWith(
                        "format version 2 is newer than this library reads (up to 1): upgrade the library");
    }

    @Test
    @Tag("DAILY-4")
    void corruptedStates_areRefused_namingPathAndReason() {
        String good = json(ONE);
        assertThat(refusal(good.substring(0, good.length() / 2)))
                .hasMessageContaining("invalid month state month.json");
        assertThat(refusal(good.replace(
                        "\"amount\" : \"10.00\"\n    },\n    \"tags\"", "\"amount\" : \"ten\"\n    },\n    \"tags\"")))
                .hasMessageContaining("at $.charges[0].totalCost");
        assertThat(refusal(good.replace("\"revision\" : 1", "\"revision\" : 2")))
                .hasMessageEndingWith("revision 2 but 1 versions");
        assertThat(refusal(good.replace("cloudbilling.month-ledger", "cloudbilling.charge-batch")))
                .hasMessageContaining("at $.format")
                .hasMessageEndingWith("is a cloudbilling.charge-batch, not a cloudbilling.month-ledger");
        assertThat(refusal(good.replace("\"month\" : \"2024-09\"", "\"month\" : \"2024-13\"")))
                .hasMessageContaining("at $.month");
        assertThat(refusal(good.replace(
                        "\"currency\" : \"CNY\",\n  \"calendar\"", "\"currency\" : \"USD\",\n  \"calendar\"")))
                .hasMessageContaining("at $.charges[0]")
                .hasMessageContaining("charge a is in CNY, the month in USD");
        assertThat(refusal(good + "{}")).hasMessageContaining("unexpected content after the month state");
    }

    @Test
    @Tag("DAILY-4")
    void aChangeBasedOnAStaleRevision_isRefused() {
        ChargeBatch d2 =
                ChargeBatch.daily(BatchId.of("d2"), SEPTEMBER, CNY, List.of(MonthLedgerTest.charge("b", "02", "1.00")));
        MonthLedger two =
                ONE.apply(d2, Instant.parse("2024-09-03T01:00:00Z"), 1).ledger();
        assertThat(two.revision()).isEqualTo(2);
        ChargeBatch d3 = ChargeBatch.daily(BatchId.of("d3"), SEPTEMBER, CNY, List.of());
        StaleStateException stale = catchThrowableOfType(
                StaleStateException.class, () -> two.apply(d3, Instant.parse("2024-09-04T01:00:00Z"), 1));
        assertThat(stale)
                .hasMessage(
                        "month 2024-09 is at revision 2, the change was made on revision 1: read it again and retry; nothing was changed");
    }
}
