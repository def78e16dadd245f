package org.cloudbilling.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import org.cloudbilling.core.id.OwnerUin;
import org.cloudbilling.core.id.Tag;
import org.cloudbilling.core.id.TagKey;
import org.cloudbilling.core.money.Money;
import org.cloudbilling.core.time.BillingMonth;
import org.cloudbilling.core.time.Interval;
import org.junit.jupiter.api.Test;

class BillingModuleFormsTest {
    /** A fresh mapper per test, so that mutation testing attributes the module's set-up to each test. */
    private final ObjectMapper json = BillingJson.mapper();

    private final ObjectMapper compact = new ObjectMapper().registerModule(new BillingModule());

    @Test
    void write_eachTypeInItsDocumentedForm() throws IOException {
        Interval hour = Interval.of(Instant.parse("2024-09-01T00:00:00Z"), Instant.parse("2024-09-01T01:00:00Z"));

        assertThat(compact.writeValueAsString(Money.of("USD", "-25.950")))
                .isEqualTo("{\"currency\":\"USD\",\"amount\":\"-25.950\"}");
        assertThat(compact.writeValueAsString(hour))
                .isEqualTo("{\"start\":\"2024-09-01T00:00:00Z\",\"end\":\"2024-09-01T01:00:00Z\"}");
        assertThat(compact.writeValueAsString(Tag.of("team", "web"))).isEqualTo("{\"key\":\"team\",\"value\":\"web\"}");
        assertThat(compact.writeValueAsString(BillingMonth.of(2024, 9))).isEqualTo("\"2024-09\"");
        assertThat(compact.writeValueAsString(Instant.parse("2024-09-01T00:00:00Z")))
                .isEqualTo("\"2024-09-01T00:00:00Z\"");
        assertThat(compact.writeValueAsString(OwnerUin.of("100"))).isEqualTo("\"100\"");
    }

    @Test
    void read_eachTypeFromItsDocumentedForm() throws IOException {
        assertThat(json.readValue(
                        "{\"start\":\"2024-09-01T00:00:00Z\",\"end\":\"2024-09-01T01:00:00Z\"}", Interval.class))
                .isEqualTo(Interval.of(Instant.parse("2024-09-01T00:00:00Z"), Instant.parse("2024-09-01T01:00:00Z")));
        assertThat(json.readValue("{\"key\":\"team\",\"value\":\"\"}", Tag.class))
                .isEqualTo(Tag.of("team", ""));
        assertThat(json.readValue("\"2024-09\"", BillingMonth.class)).isEqualTo(BillingMonth.of(2024, 9));
        assertThat(json.readValue("\"2024-09-01T00:00:00Z\"", Instant.class))
                .isEqualTo(Instant.parse("2024-09-01T00:00:00Z"));
        assertThat(json.readValue("\"100\"", OwnerUin.class)).isEqualTo(OwnerUin.of("100"));
        assertThat(json.readValue("{\"amount\":\"-0.10\",\"currency\":\"JPY\"}", Money.class))
                .hasToString("JPY -0.10");
        Map<TagKey, String> tags = json.readValue("{\"team\":\"web\"}", new TypeReference<Map<TagKey, String>>() {});
        assertThat(tags).containsExactly(Map.entry(TagKey.of("team"), "web"));
    }

    @Test
    void read_textTypeFromAnotherJsonType_isRefusedNamingTheExpectedForm() {
        assertThatThrownBy(() -> json.readValue("202409", BillingMonth.class))
                .isInstanceOf(MismatchedInputException.class)
                .hasMessageStartingWith("expected a month such as 2024-09 for BillingMonth, found VALUE_NUMBER_INT");
        assertThatThrownBy(() -> json.readValue("{}", Instant.class))
                .isInstanceOf(MismatchedInputException.class)
                .hasMessageStartingWith(
                        "expected an ISO-8601 instant such as 2024-09-01T00:00:00Z for Instant, found START_OBJECT");
    }

    @Test
    void read_badText_isRefusedNamingTypeValueAndReason() {
        assertThatThrownBy(() -> json.readValue("\"2024/09\"", BillingMonth.class))
                .isInstanceOf(MismatchedInputException.class)
                .hasMessageStartingWith(
                        "invalid BillingMonth '2024/09': billing month '2024/09' is not of the form 2024-09");
        assertThatThrownBy(() -> json.readValue("\"yesterday\"", Instant.class))
                .isInstanceOf(MismatchedInputException.class)
                .hasMessageStartingWith("invalid Instant 'yesterday': ");
        assertThatThrownBy(() -> json.readValue("\"\"", OwnerUin.class))
                .isInstanceOf(MismatchedInputException.class)
                .hasMessageStartingWith("invalid OwnerUin '': ");
    }

    @Test
    void read_intervalEndingBeforeItStarts_isRefusedWithTheReason() {
        assertThatThrownBy(() -> json.readValue(
                        "{\"start\":\"2024-09-01T01:00:00Z\",\"end\":\"2024-09-01T00:00:00Z\"}", Interval.class))
                .isInstanceOf(MismatchedInputException.class)
                .hasMessageStartingWith("invalid interval: interval end 2024-09-01T00:00:00Z is not after its start"
                        + " 2024-09-01T01:00:00Z");
        assertThatThrownBy(() -> json.readValue("{\"start\":\"2024-09-01\",\"end\":\"2024-09-02\"}", Interval.class))
                .isInstanceOf(MismatchedInputException.class)
                .hasMessageStartingWith("invalid interval: ");
    }

    @Test
    void read_objectTypes_refuseOtherJsonTypesMissingFieldsAndUnknownFields() {
        assertThatThrownBy(() -> json.readValue("\"2024-09-01T00:00:00Z\"", Interval.class))
                .isInstanceOf(MismatchedInputException.class)
                .hasMessageStartingWith("expected an object for Interval, found VALUE_STRING");
        assertThatThrownBy(() -> json.readValue("{\"start\":\"2024-09-01T00:00:00Z\"}", Interval.class))
                .isInstanceOf(MismatchedInputException.class)
                .hasMessageStartingWith("Interval.end must be a string, found nothing");
        assertThatThrownBy(() -> json.readValue("{\"key\":\"team\",\"value\":null}", Tag.class))
                .isInstanceOf(MismatchedInputException.class)
                .hasMessageStartingWith("Tag.value must be a string, found NULL");
        assertThatThrownBy(() -> json.readValue("{\"key\":\"team\",\"value\":\"web\",\"k\":1}", Tag.class))
                .isInstanceOf(MismatchedInputException.class)
                .hasMessageStartingWith("unknown field 'k' in Tag; expected ");
        assertThatThrownBy(() -> json.readValue("{\"currency\":\"USD\"}", Money.class))
                .isInstanceOf(MismatchedInputException.class)
                .hasMessageStartingWith("Money.amount must be a string, found nothing");
    }

    @Test
    void read_tagWithAnEmptyKey_isRefused_asAnObjectAndAsAMapKey() {
        assertThatThrownBy(() -> json.readValue("{\"key\":\"\",\"value\":\"web\"}", Tag.class))
                .isInstanceOf(MismatchedInputException.class)
                .hasMessageStartingWith("invalid tag: the key is empty");
        assertThatThrownBy(() -> json.readValue("{\"\":\"web\"}", new TypeReference<Map<TagKey, String>>() {}))
                .hasMessageContaining("a tag key is never empty");
    }

    @Test
    void module_namesItself_andBringsTheJdk8Module() {
        BillingModule module = new BillingModule();

        assertThat(module.getModuleName()).isEqualTo("cloudbilling");
        assertThat(module.getTypeId()).isEqualTo(BillingModule.class.getName());
        assertThat(module.getDependencies()).singleElement().isInstanceOf(Jdk8Module.class);
    }
}
