package org.cloudbilling.allocation.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.io.StringReader;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import org.cloudbilling.allocation.AllocationRuleSet;
import org.cloudbilling.allocation.RuleSchedule;
import org.cloudbilling.core.daily.StaleStateException;
import org.cloudbilling.core.daily.StateDocument;
import org.cloudbilling.core.time.BillingCalendar;
import org.cloudbilling.core.time.BillingMonth;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** DAILY-4: rule schedules as versioned JSON with a revision. */
class ScheduleJsonTest {
    private static final AllocationRuleSet PLAIN = RuleSetJson.read("""
            {"units": [ {"id": "acme", "name": "Acme"} ]}""");
    private static final AllocationRuleSet SHARED = RuleSetJson.read("""
            {"units": [ {"id": "acme"}, {"id": "web", "parent": "acme"}, {"id": "data", "parent": "acme"} ],
             "tagKeys": ["team"],
             "collectionRules": [ {"id": "r-web", "unit": "web",
                 "condition": {"dimension": "tag:team", "in": ["web"]}} ],
             "sharingRules": [ {"id": "s", "source": {"unit": "acme"}, "method": "RATIO",
                 "ratios": {"web": "33.333333333333333334", "data": "66.666666666666666666"}} ]}""");
    private static final List<AllocationRuleSet> POOL = List.of(PLAIN, SHARED);

    private static String json(StateDocument<RuleSchedule> doc) {
        StringWriter out = new StringWriter();
        ScheduleJson.write(doc, out);
        return out.toString();
    }

    private static StateDocument<RuleSchedule> read(String json) {
        return ScheduleJson.read(new StringReader(json), "schedule.json");
    }

    private static RuleSchedule august() {
        return RuleSchedule.activated(Instant.parse("2024-08-01T02:00:00Z"), BillingCalendar.TENCENT, PLAIN);
    }

    @Test
    @Tag("DAILY-4")
    void anySchedule_readsBackEqual_withItsRevision() {
        qt().withExamples(40)
                .forAll(
                        integers().between(0, 100_000_000),
                        lists().of(integers().between(0, 40)).ofSizeBetween(0, 6))
                .checkAssert((minutes, offsets) -> {
                    Instant activated = Instant.parse("2023-01-01T00:00:00Z").plusSeconds(60L * minutes);
                    StateDocument<RuleSchedule> doc = ScheduleJson.document(
                            RuleSchedule.activated(activated, BillingCalendar.TENCENT, POOL.get(minutes % 2)));
                    for (int i = 0; i < offsets.size(); i++) {
                        int offset = offsets.get(i);
                        AllocationRuleSet rules = POOL.get((i + offset) % 2);
                        doc = doc.apply(s -> s.withRuleSet(s.firstMonth().plusMonths(offset), rules), doc.revision());
                    }
                    StateDocument<RuleSchedule> back = read(json(doc));
                    assertThat(back).isEqualTo(doc);
                    assertThat(back.revision()).isEqualTo(offsets.size());
                    assertThat(back.value().changes()).isEqualTo(doc.value().changes());
                });
    }

    @Test
    @Tag("DAILY-4")
    void aChangeOnAStaleRevision_isRefused_andTheStoredStateIsUnchanged() {
        StateDocument<RuleSchedule> stored = read(json(ScheduleJson.document(august())));
        // two workers read revision 0; the first writes revision 1
        StateDocument<RuleSchedule> first = stored.apply(s -> s.withRuleSet(BillingMonth.of(2024, 11), SHARED), 0);
        String written = json(first);
        StateDocument<RuleSchedule> current = read(written);
        assertThatThrownBy(() -> current.apply(s -> s.withRuleSet(BillingMonth.of(2024, 12), PLAIN), 0))
                .isInstanceOf(StaleStateException.class)
                .hasMessage("rule schedule is at revision 1, the change was made on revision 0: read it again and"
                        + " retry; nothing was changed");
        assertThat(current.value().changes().keySet())
                .containsExactly(BillingMonth.of(2024, 7), BillingMonth.of(2024, 11));
        assertThat(json(current)).isEqualTo(written);
    }

    @Test
    @Tag("DAILY-4")
    void aScheduleFromANewerVersion_isRefused() {
        String newer = json(ScheduleJson.document(august())).replace("\"formatVersion\" : 1", "\"formatVersion\" : 2");
        assertThatThrownBy(() -> read(newer))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("invalid rule schedule schedule.json: at $.formatVersion, line 3, column ")
                .hasMessageContaining("format version 2 is newer than this library reads (up to 1)");
    }

    @Test
    @Tag("DAILY-4")
    void aCorruptedSchedule_namesPathLineAndColumn() {
        String good = json(ScheduleJson.document(august()));
        assertThatThrownBy(() -> read(good.replace("\"2024-07\"", "\"2024-13\"")))
                .hasMessageContaining("at $.state.firstMonth, line 7, column ");
        assertThatThrownBy(() -> read(good.substring(0, good.length() / 2)))
                .hasMessageContaining("invalid rule schedule schedule.json: at $")
                .hasMessageContaining("line ");
        String unknownUnit = "{\"format\":\"cloudbilling.rule-schedule\",\"formatVersion\":1,\"revision\":0,\n"
                + "\"state\":{\"activatedAt\":\"2024-08-01T02:00:00Z\",\"firstMonth\":\"2024-07\",\n"
                + "\"changes\":[{\"from\":\"2024-07\",\"rules\":{\"units\":[{\"id\":\"web\",\"parent\":\"acme\"}]}}]}}";
        assertThatThrownBy(() -> read(unknownUnit))
                .hasMessageContaining("at $.state, line 3")
                .hasMessageContaining("changes[0].rules")
                .hasMessageContaining("acme");
        String gap = "{\"format\":\"cloudbilling.rule-schedule\",\"formatVersion\":1,\"revision\":0,\n"
                + "\"state\":{\"activatedAt\":\"2024-08-01T02:00:00Z\",\"firstMonth\":\"2024-07\",\n"
                + "\"changes\":[{\"from\":\"2024-09\",\"rules\":{\"units\":[{\"id\":\"acme\"}]}}]}}";
        assertThatThrownBy(() -> read(gap))
                .hasMessageContaining("the first rule set takes effect in the first month, 2024-07; the changes"
                        + " start in 2024-09");
    }
}
