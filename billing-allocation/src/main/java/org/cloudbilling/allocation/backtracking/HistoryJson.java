package org.cloudbilling.allocation.backtracking;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Function;
import org.cloudbilling.allocation.RuleId;
import org.cloudbilling.allocation.UnitId;
import org.cloudbilling.core.json.BillingJson;

/**
 * An {@link AllocationHistory} as JSON, for host applications to store and load. Amounts are strings that
 * keep every decimal; reading is strict and names the JSON path of a bad value.
 *
 * <pre>{@code
 * String json = HistoryJson.write(history);
 * AllocationHistory back = HistoryJson.read(json);   // equal to history
 * }</pre>
 */
public final class HistoryJson {
    private HistoryJson() {}

    /** Returns a strict mapper that reads and writes histories; a fresh one each call. */
    public static ObjectMapper mapper() {
        SimpleModule ids = new SimpleModule("cloudbilling-allocation");
        ids.addDeserializer(UnitId.class, new IdDeserializer<>(UnitId.class, UnitId::of));
        ids.addDeserializer(RuleId.class, new IdDeserializer<>(RuleId.class, RuleId::of));
        return BillingJson.mapper().registerModule(ids);
    }

    /**
     * Writes {@code history}.
     *
     * @param history the history, not null
     * @return its JSON, never null
     */
    public static String write(AllocationHistory history) {
        try {
            return mapper().writeValueAsString(history);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("bug: a history could not be written", e);
        }
    }

    /**
     * Reads a history.
     *
     * @param json the JSON, not null
     * @return the history, never null
     * @throws IllegalArgumentException naming the JSON path and the reason when the JSON is not a valid history
     */
    public static AllocationHistory read(String json) {
        try {
            return mapper().readValue(json, AllocationHistory.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(
                    "invalid allocation history: " + e.getOriginalMessage() + " at " + e.getLocation() + ", path "
                            + pathOf(e),
                    e);
        }
    }

    private static String pathOf(JsonProcessingException e) {
        return e instanceof com.fasterxml.jackson.databind.JsonMappingException m ? m.getPathReference() : "$";
    }

    private static final class IdDeserializer<T> extends JsonDeserializer<T> {
        private final Class<T> type;
        private final Function<String, T> factory;

        IdDeserializer(Class<T> type, Function<String, T> factory) {
            this.type = type;
            this.factory = factory;
        }

        @Override
        public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() != JsonToken.VALUE_STRING || p.getText().isEmpty()) {
                return ctxt.reportInputMismatch(type, "expected a non-empty string for %s", type.getSimpleName());
            }
            return factory.apply(p.getText());
        }
    }
}
