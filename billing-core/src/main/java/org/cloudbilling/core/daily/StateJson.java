package org.cloudbilling.core.daily;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.function.Function;
import org.cloudbilling.core.json.BillingJson;

/**
 * Pieces of host state as versioned JSON (DAILY-4): one document form for them all,
 * {@code {"format": name, "formatVersion": n, "revision": r, "state": {...}}}, the state in the form a
 * {@link Form} gives it. The format and version come first, so that a file of a newer version is refused before
 * anything else is read.
 *
 * <p>Every refusal is an {@link IllegalArgumentException} whose message names the source (a file name), the JSON
 * path, the line and column, and the reason; nothing is returned half-read.
 */
public final class StateJson {
    private StateJson() {}

    /**
     * How one kind of state is written: its format name, the newest version this library writes and reads, and a
     * plain data form (a record Jackson reads strictly with the {@link BillingJson} mapper) to and from the value.
     *
     * @param <T> the state
     * @param <D> its data form
     * @param format the format name, such as {@code "cloudbilling.rule-schedule"}, not null
     * @param what what the state is, for messages, not null
     * @param version the format version written, and the newest read, at least 1
     * @param dataType the data form's class, not null
     * @param toData the state to its data form, not null
     * @param fromData the data form to the state; an {@link IllegalArgumentException} or other runtime exception
     *     there is reported at the state's JSON path, not null
     */
    public record Form<T, D>(
            String format,
            String what,
            int version,
            Class<D> dataType,
            Function<? super T, ? extends D> toData,
            Function<? super D, ? extends T> fromData) {
        /** Checks the parts. */
        public Form {
            requireNonNull(format, "format");
            requireNonNull(what, "what");
            requireNonNull(dataType, "dataType");
            requireNonNull(toData, "toData");
            requireNonNull(fromData, "fromData");
            if (version < 1) {
                throw new IllegalArgumentException("a format version is at least 1: " + version);
            }
        }
    }

    /**
     * Writes {@code document} to {@code out}; flushes {@code out} and leaves it open.
     *
     * @param form the state's form, not null
     * @param document the document, not null
     * @param out where to write, not null
     * @throws UncheckedIOException if {@code out} fails
     */
    public static <T, D> void write(Form<T, D> form, StateDocument<T> document, Writer out) {
        requireNonNull(form, "form");
        requireNonNull(document, "document");
        ObjectMapper mapper = BillingJson.mapper();
        try (JsonGenerator g = mapper.getFactory().createGenerator(requireNonNull(out, "out"))) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeStringField("format", form.format());
            g.writeNumberField("formatVersion", form.version());
            g.writeNumberField("revision", document.revision());
            g.writeFieldName("state");
            mapper.writeValue(g, form.toData().apply(document.value()));
            g.writeEndObject();
            g.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + form.what() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads a document of {@code form} from {@code in}, then closes {@code in}.
     *
     * @param form the state's form, not null
     * @param in the JSON, not null
     * @param source what {@code in} is, such as a file name, for messages, not null
     * @return the document, equal to the one written, never null
     * @throws IllegalArgumentException naming the source, JSON path, line, column and reason: malformed or
     *     truncated JSON, another format, a newer format version, a missing or unknown field, a bad value
     * @throws UncheckedIOException if {@code in} fails
     */
    public static <T, D> StateDocument<T> read(Form<T, D> form, Reader in, String source) {
        requireNonNull(form, "form");
        requireNonNull(in, "in");
        requireNonNull(source, "source");
        ObjectMapper mapper = BillingJson.mapper();
        JsonParser[] parser = {null};
        try (JsonParser p = mapper.createParser(in)) {
            parser[0] = p;
            expect(p, form, source, "$", JsonToken.START_OBJECT);
            String format = text(p, form, source, "format");
            if (!format.equals(form.format())) {
                throw problem(p, form, source, "$.format", "is a " + format + ", not a " + form.format());
            }
            long version = number(p, form, source, "formatVersion");
            if (version > form.version()) {
                throw problem(
                        p,
                        form,
                        source,
                        "$.formatVersion",
                        "format version " + version + " is newer than this library reads (up to " + form.version()
                                + "): upgrade the library");
            }
            if (version < 1) {
                throw problem(p, form, source, "$.formatVersion", "format version " + version + " is not a version");
            }
            long revision = number(p, form, source, "revision");
            if (revision < 0) {
                throw problem(p, form, source, "$.revision", "a revision is not negative: " + revision);
            }
            field(p, form, source, "state");
            expect(p, form, source, "$.state", JsonToken.START_OBJECT);
            D data;
            try {
                data = mapper.readerFor(form.dataType())
                        .with(DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES)
                        .without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                        .readValue(p);
            } catch (JsonMappingException e) {
                throw problem(p, form, source, "$.state" + path(e), e.getOriginalMessage(), e.getLocation());
            }
            T value;
            try {
                value = form.fromData().apply(data);
            } catch (RuntimeException e) {
                throw problem(p, form, source, "$.state", e.getMessage() == null ? e.toString() : e.getMessage());
            }
            expect(p, form, source, "$", JsonToken.END_OBJECT);
            if (p.nextToken() != null) {
                throw problem(p, form, source, "$", "unexpected content after the " + form.what());
            }
            return StateDocument.of(form.what(), revision, value);
        } catch (JsonProcessingException e) {
            throw problem(parser[0], form, source, "$", e.getOriginalMessage(), e.getLocation());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + form.what() + " " + source + ": " + e.getMessage(), e);
        }
    }

    private static String path(JsonMappingException e) {
        StringBuilder inner = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                inner.append('.').append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                inner.append('[').append(r.getIndex()).append(']');
            }
        }
        return inner.toString();
    }

    private static JsonToken next(JsonParser p, Form<?, ?> form, String source, String path) throws IOException {
        JsonToken t = p.nextToken();
        if (t == null) {
            throw problem(p, form, source, path, "the file ends too early (truncated?)");
        }
        return t;
    }

    private static void expect(JsonParser p, Form<?, ?> form, String source, String path, JsonToken token)
            throws IOException {
        JsonToken t = next(p, form, source, path);
        if (t != token) {
            throw problem(p, form, source, path, "expected " + token + ", found " + t);
        }
    }

    private static void field(JsonParser p, Form<?, ?> form, String source, String name) throws IOException {
        JsonToken t = next(p, form, source, "$");
        if (t != JsonToken.FIELD_NAME || !p.currentName().equals(name)) {
            throw problem(
                    p,
                    form,
                    source,
                    "$",
                    "expected the field \"" + name + "\", found "
                            + (t == JsonToken.FIELD_NAME ? "\"" + p.currentName() + "\"" : t));
        }
    }

    private static String text(JsonParser p, Form<?, ?> form, String source, String name) throws IOException {
        field(p, form, source, name);
        if (next(p, form, source, "$." + name) != JsonToken.VALUE_STRING) {
            throw problem(p, form, source, "$." + name, "expected a string, found " + p.currentToken());
        }
        return p.getText();
    }

    private static long number(JsonParser p, Form<?, ?> form, String source, String name) throws IOException {
        field(p, form, source, name);
        if (next(p, form, source, "$." + name) != JsonToken.VALUE_NUMBER_INT) {
            throw problem(p, form, source, "$." + name, "expected a whole number, found " + p.currentToken());
        }
        return p.getLongValue();
    }

    private static IllegalArgumentException problem(
            JsonParser p, Form<?, ?> form, String source, String path, String reason) {
        return problem(p, form, source, path, reason, p == null ? null : p.currentLocation());
    }

    private static IllegalArgumentException problem(
            JsonParser p, Form<?, ?> form, String source, String path, String reason, JsonLocation at) {
        String where =
                at == null || at.getLineNr() < 0 ? "" : ", line " + at.getLineNr() + ", column " + at.getColumnNr();
        return new IllegalArgumentException(
                "invalid " + form.what() + " " + source + ": at " + path + where + ": " + reason);
    }
}
