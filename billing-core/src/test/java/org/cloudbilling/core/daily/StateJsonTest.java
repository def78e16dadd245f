package org.cloudbilling.core.daily;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** DAILY-4: the one document form of host state: revision, strict reading, newer versions and stale changes refused. */
class StateJsonTest {
    /** A small state for the mechanism: a name and a list of instants, which must not be empty. */
    record Sample(String name, List<Instant> times) {
        Sample {
            if (times.isEmpty()) {
                throw new IllegalArgumentException("a sample has at least one time");
            }
            times = List.copyOf(times);
        }
    }

    private static final StateJson.Form<Sample, Sample> FORM =
            new StateJson.Form<>("cloudbilling.sample", "sample", 1, Sample.class, Function.identity(), s -> s);

    private static String json(StateDocument<Sample> doc) {
        StringWriter out = new StringWriter();
        StateJson.write(FORM, doc, out);
        return out.toString();
    }

    private static StateDocument<Sample> read(String json) {
        return StateJson.read(FORM, new StringReader(json), "sample.json");
    }

    private static final Sample ONE = new Sample("one", List.of(Instant.parse("2024-09-01T00:00:00Z")));

    @Test
    @Tag("DAILY-4")
    void documentReadsBackEqualWithItsRevision() {
        StateDocument<Sample> doc = StateDocument.initial("sample", ONE)
                .apply(s -> new Sample("two", s.times()), 0)
                .apply(s -> new Sample("three", s.times()), 1);
        assertThat(doc.revision()).isEqualTo(2);
        assertThat(read(json(doc))).isEqualTo(doc);
        assertThat(json(doc))
                .startsWith("{\n  \"format\" : \"cloudbilling.sample\",\n  \"formatVersion\" : 1,\n"
                        + "  \"revision\" : 2,");
    }

    @Test
    @Tag("DAILY-4")
    void changeOnStaleRevision_isRefusedAndChangesNothing() {
        StateDocument<Sample> doc = StateDocument.initial("sample", ONE).apply(s -> new Sample("two", s.times()), 0);
        boolean[] ran = {false};
        assertThatThrownBy(() -> doc.apply(
                        s -> {
                            ran[0] = true;
                            return s;
                        },
                        0))
                .isInstanceOf(StaleStateException.class)
                .hasMessageContaining("sample is at revision 1, the change was made on revision 0");
        assertThat(ran[0]).isFalse();
        assertThat(doc.revision()).isEqualTo(1);
        assertThat(doc.value().name()).isEqualTo("two");
    }

    @Test
    @Tag("DAILY-4")
    void newerVersion_isRefusedBeforeTheRest() {
        String json = "{\"format\":\"cloudbilling.sample\",\"formatVersion\":2,\"revision\":0,\"state\":{\"future\":[";
        assertThatThrownBy(() -> read(json))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("invalid sample sample.json: at $.formatVersion, line 1, column ")
                .hasMessageContaining("format version 2 is newer than this library reads (up to 1)");
    }

    @Test
    @Tag("DAILY-4")
    void corruptedJson_namesPathLineAndColumn() {
        String good = json(StateDocument.initial("sample", ONE));
        String truncated = good.substring(0, good.indexOf("\"times\""));
        assertThatThrownBy(() -> read(truncated))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("invalid sample sample.json: at $")
                .hasMessageContaining("line ");
        String badTime = "{\"format\":\"cloudbilling.sample\",\"formatVersion\":1,\"revision\":3,\n"
                + "\"state\":{\"name\":\"x\",\"times\":[\"2024-09-01T00:00:00Z\",\"yesterday\"]}}";
        assertThatThrownBy(() -> read(badTime)).hasMessageContaining("at $.state.times[1], line 2, column ");
        String unknown = "{\"format\":\"cloudbilling.sample\",\"formatVersion\":1,\"revision\":3,\n"
                + "\"state\":{\"name\":\"x\",\"times\":[\"2024-09-01T00:00:00Z\"],\"colour\":1}}";
        assertThatThrownBy(() -> read(unknown)).hasMessageContaining("at $.state.colour, line 2");
        String missing = "{\"format\":\"cloudbilling.sample\",\"formatVersion\":1,\"revision\":3,\n"
                + "\"state\":{\"times\":[\"2024-09-01T00:00:00Z\"]}}";
        assertThatThrownBy(() -> read(missing))
                .hasMessageContaining("at $.state")
                .hasMessageContaining("name");
        String otherFormat = good.replace("cloudbilling.sample", "cloudbilling.month-ledger");
        assertThatThrownBy(() -> read(otherFormat))
                .hasMessageContaining("at $.format, line 2")
                .hasMessageContaining("is a cloudbilling.month-ledger, not a cloudbilling.sample");
    }

    @Test
    @Tag("DAILY-4")
    void stateThatDoesNotHoldTogether_isRefusedAtTheStatePath() {
        String empty = "{\"format\":\"cloudbilling.sample\",\"formatVersion\":1,\"revision\":0,\n"
                + "\"state\":{\"name\":\"x\",\"times\":[]}}";
        assertThatThrownBy(() -> read(empty))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at $.state")
                .hasMessageContaining("a sample has at least one time");
        String negative = "{\"format\":\"cloudbilling.sample\",\"formatVersion\":1,\"revision\":-1,\"state\":{}}";
        assertThatThrownBy(() -> read(negative)).hasMessageContaining("at $.revision");
    }
}
