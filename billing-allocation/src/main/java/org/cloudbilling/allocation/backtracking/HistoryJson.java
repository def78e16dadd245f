package org.cloudbilling.allocation.backtracking;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Optional;
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
 * HistoryJson.write(history, writer);                // large histories: straight to a Writer
 * AllocationHistory again = HistoryJson.read(reader);
 * }</pre>
 */
public final class HistoryJson {
    private HistoryJson() {}

    /**
     * Returns a strict mapper that reads and writes histories; a fresh one each call. Besides what
     * {@link BillingJson#mapper()} refuses, a value of another JSON type is never converted (a number or a boolean
     * for a string, a string or a fraction for a whole number, a number for an enum constant), and a null is
     * refused wherever a value is required (a null optional value reads as absent), so that the error names its
     * path.
     */
    public static ObjectMapper mapper() {
        SimpleModule ids = new SimpleModule("cloudbilling-allocation");
        ids.addDeserializer(UnitId.class, new IdDeserializer<>(UnitId.class, UnitId::of));
        ids.addDeserializer(RuleId.class, new IdDeserializer<>(RuleId.class, RuleId::of));
        ObjectMapper mapper = BillingJson.mapper().registerModule(ids);
        mapper.setDefaultSetterInfo(JsonSetter.Value.construct(Nulls.FAIL, Nulls.FAIL));
        mapper.enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Integer)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.configOverride(Optional.class).setSetterInfo(JsonSetter.Value.forValueNulls(Nulls.AS_EMPTY));
        return mapper;
    }

    /**
     * Writes {@code history}.
     *
     * @param history the history, not null
     * @return its JSON, never null
     */
    public static String write(AllocationHistory history) {
        requireNonNull(history, "history");
        try {
            return mapper().writeValueAsString(history);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("bug: a history could not be written", e);
        }
    }

    /**
     * Writes {@code history} to {@code out} as it goes, without building the whole text first: the same JSON as
     * {@link #write(AllocationHistory)}. Flushes {@code out} and leaves it open.
     *
     * @param history the history, not null
     * @param out where to write, not null
     * @throws UncheckedIOException if {@code out} fails
     */
    public static void write(AllocationHistory history, Writer out) {
        requireNonNull(history, "history");
        requireNonNull(out, "out");
        ObjectMapper mapper = mapper();
        mapper.getFactory().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        try {
            mapper.writeValue(out, history);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the allocation history: " + e.getMessage(), e);
        }
    }

    /**
     * Reads a history and checks it is consistent (see {@link AllocationHistory}, {@link MonthVersion},
     * {@link AllocationLine}).
     *
     * @param json the JSON, not null
     * @return the history, never null
     * @throws IllegalArgumentException naming the JSON path (such as {@code $.versions[0].number}), the line and
     *     column, and the reason when the JSON is not a valid history: malformed, a value of another type, beyond
     *     Jackson's stream limits (nesting deeper than 1,000, a number of more than 1,000 digits, a name of more
     *     than 50,000 characters), or inconsistent (a version number repeated within a month, a line repeated, an
     *     item in two currencies, within a version or across its month's versions, a Collected or Shared line
     *     without a unit). A month whose items are in several currencies is read. For a check across values the
     *     line and column are where the object holding them ends.
     */
    public static AllocationHistory read(String json) {
        requireNonNull(json, "json");
        ObjectMapper mapper = mapper();
        try (JsonParser p = mapper.createParser(json)) {
            return read(mapper, p);
        } catch (IOException e) {
            throw new UncheckedIOException("bug: a string could not be read", e);
        }
    }

    /**
     * Reads a history from {@code in} as it comes, without holding the whole text, then closes {@code in}; reads
     * and refuses as {@link #read(String)} does.
     *
     * @param in the JSON, not null
     * @return the history, never null
     * @throws IllegalArgumentException as {@link #read(String)}
     * @throws UncheckedIOException if {@code in} fails: not bad input, the input could not be read
     */
    public static AllocationHistory read(Reader in) {
        requireNonNull(in, "in");
        ObjectMapper mapper = mapper();
        try (JsonParser p = mapper.createParser(in)) {
            return read(mapper, p);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the allocation history: " + e.getMessage(), e);
        }
    }

    private static AllocationHistory read(ObjectMapper mapper, JsonParser p) throws IOException {
        AllocationHistory history;
        try {
            history = mapper.readValue(p, AllocationHistory.class);
        } catch (JsonProcessingException e) {
            String path = pathOf(e);
            String reason = e.getOriginalMessage();
            if (e.getCause() instanceof HistoryProblem problem) {
                path = path + "." + problem.field();
                reason = problem.reason();
            }
            // a stream limit (StreamConstraintsException) has no location of its own: the parser knows it
            JsonLocation at = e.getLocation() != null ? e.getLocation() : p.currentLocation();
            throw new IllegalArgumentException("invalid allocation history: at " + path + where(at) + ": " + reason, e);
        }
        if (history == null) {
            throw new IllegalArgumentException("invalid allocation history: at $" + where(p.currentLocation())
                    + ": expected an object, found null");
        }
        return history;
    }

    private static String where(JsonLocation at) {
        return at == null || at.getLineNr() < 0 ? "" : ", line " + at.getLineNr() + ", column " + at.getColumnNr();
    }

    /** The JSON path of the value that could not be read, such as {@code $.versions[0].lines[2].amount}. */
    private static String pathOf(JsonProcessingException e) {
        StringBuilder path = new StringBuilder("$");
        if (e instanceof JsonMappingException m) {
            for (JsonMappingException.Reference r : m.getPath()) {
                if (r.getFieldName() != null) {
                    path.append('.').append(r.getFieldName());
                } else if (r.getIndex() >= 0) {
                    path.append('[').append(r.getIndex()).append(']');
                }
            }
        }
        return path.toString();
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
