package org.cloudbilling.core.daily;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import org.cloudbilling.core.bill.LineItem;
import org.cloudbilling.core.daily.internal.PersistentMap;
import org.cloudbilling.core.id.LineItemId;
import org.cloudbilling.core.json.BillingJson;
import org.cloudbilling.core.time.BillingCalendar;
import org.cloudbilling.core.time.BillingMonth;

/**
 * Month states and batches as versioned JSON (DAILY-4), for hosts to store between days and for the command line.
 *
 * <p>A month state is {@code {"format": "cloudbilling.month-ledger", "formatVersion": 1, "revision": n, "month",
 * "currency", "calendar", "batches", "versions", "charges"}}; a batch is {@code {"format":
 * "cloudbilling.charge-batch", "formatVersion": 1, "id", "kind", "month", "currency", "added", "restated",
 * "withdrawn"}}. Charges are line items in the form of {@link BillingJson}. The format and version come first, so
 * that a file of a newer version is refused before anything else is read. A month state is written and read as a
 * stream, one charge at a time: memory holds the month's charges once (as the ledger does), never its text.
 *
 * <p>Every refusal is an {@link IllegalArgumentException} whose message names the source (a file name), the JSON
 * path, the line and column, and the reason; nothing is returned half-read.
 */
public final class DailyJson {
    /** The format version this library writes, and the newest it reads. */
    public static final int FORMAT_VERSION = 1;

    static final String LEDGER_FORMAT = "cloudbilling.month-ledger";
    static final String BATCH_FORMAT = "cloudbilling.charge-batch";

    private DailyJson() {}

    /**
     * Writes {@code ledger} to {@code out} as it goes, charges in id order; flushes {@code out} and leaves it open.
     *
     * @param ledger the ledger, not null
     * @param out where to write, not null
     * @throws UncheckedIOException if {@code out} fails
     */
    public static void writeLedger(MonthLedger ledger, Writer out) {
        requireNonNull(ledger, "ledger");
        ObjectMapper mapper = BillingJson.mapper();
        try (JsonGenerator g = mapper.getFactory().createGenerator(requireNonNull(out, "out"))) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeStringField("format", LEDGER_FORMAT);
            g.writeNumberField("formatVersion", FORMAT_VERSION);
            g.writeNumberField("revision", ledger.revision());
            g.writeStringField("month", ledger.month().toString());
            g.writeStringField("currency", ledger.currency().getCurrencyCode());
            g.writeObjectFieldStart("calendar");
            g.writeStringField("zone", ledger.calendar().zone().getId());
            g.writeNumberField("issueDay", ledger.calendar().issueDay());
            g.writeNumberField("ruleCutoffDay", ledger.calendar().ruleCutoffDay());
            g.writeEndObject();
            g.writeArrayFieldStart("batches");
            List<Map.Entry<BatchId, String>> batches = ledger.batchDigests().entries();
            batches.sort(Map.Entry.comparingByKey());
            for (Map.Entry<BatchId, String> b : batches) {
                g.writeStartObject();
                g.writeStringField("id", b.getKey().value());
                g.writeStringField("digest", b.getValue());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("versions");
            for (MonthLedger.Version v : ledger.versions()) {
                g.writeStartObject();
                g.writeNumberField("number", v.number());
                g.writeStringField("batch", v.batch().value());
                g.writeStringField("kind", v.kind().name());
                g.writeStringField("receivedAt", v.receivedAt().toString());
                g.writeStringField("status", v.status().name());
                g.writeNumberField("charges", v.charges());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("charges");
            for (LineItem item : ledger.charges()) {
                mapper.writeValue(g, item);
            }
            g.writeEndArray();
            g.writeEndObject();
            g.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write month " + ledger.month() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads a month state from {@code in} as it comes, then closes {@code in}.
     *
     * @param in the JSON, not null
     * @param source what {@code in} is, such as a file name, for messages, not null
     * @return the ledger, equal to the one written, never null
     * @throws IllegalArgumentException naming the source, JSON path, line, column and reason: malformed or
     *     truncated JSON, another format, a newer format version, a missing or unknown field, a bad value, or a
     *     state that does not hold together (revision and versions, a charge twice, a charge of another month or
     *     currency, a version's batch that is not recorded)
     * @throws UncheckedIOException if {@code in} fails
     */
    public static MonthLedger readLedger(Reader in, String source) {
        requireNonNull(in, "in");
        requireNonNull(source, "source");
        ObjectMapper mapper = BillingJson.mapper();
        Cursor[] cursor = {null};
        try (JsonParser p = mapper.createParser(in)) {
            Cursor c = new Cursor(p, source, "month state");
            cursor[0] = c;
            c.start(LEDGER_FORMAT);
            long revision = c.longField("revision");
            BillingMonth month = c.parse("month", BillingMonth::parse);
            Currency currency = c.parse("currency", Currency::getInstance);
            c.field("calendar");
            c.expect(JsonToken.START_OBJECT);
            ZoneId zone = c.parse("zone", ZoneId::of);
            int issueDay = (int) c.longField("issueDay");
            int cutoff = (int) c.longField("ruleCutoffDay");
            c.expect(JsonToken.END_OBJECT);
            c.path.remove(c.path.size() - 1);
            BillingCalendar calendar = c.build("calendar", () -> BillingCalendar.of(zone, issueDay, cutoff));
            PersistentMap<BatchId, String> batches = PersistentMap.empty();
            c.field("batches");
            c.expect(JsonToken.START_ARRAY);
            for (int i = 0; c.next() != JsonToken.END_ARRAY; i++) {
                c.at(JsonToken.START_OBJECT, "[" + i + "]");
                BatchId id = c.parse("id", BatchId::of);
                String digest = c.text("digest");
                c.expect(JsonToken.END_OBJECT);
                c.path.remove(c.path.size() - 1);
                if (batches.containsKey(id)) {
                    throw c.problem("batch " + id.value() + " is recorded twice");
                }
                batches = batches.put(id, digest);
            }
            c.path.remove(c.path.size() - 1);
            List<MonthLedger.Version> versions = new ArrayList<>();
            c.field("versions");
            c.expect(JsonToken.START_ARRAY);
            for (int i = 0; c.next() != JsonToken.END_ARRAY; i++) {
                c.at(JsonToken.START_OBJECT, "[" + i + "]");
                int number = (int) c.longField("number");
                BatchId batch = c.parse("batch", BatchId::of);
                BatchKind kind = c.parse("kind", BatchKind::valueOf);
                Instant receivedAt = c.parse("receivedAt", Instant::parse);
                MonthStatus status = c.parse("status", MonthStatus::valueOf);
                int charges = (int) c.longField("charges");
                c.expect(JsonToken.END_OBJECT);
                if (number != i + 1) {
                    throw c.problem("version number " + number + " where " + (i + 1) + " belongs");
                }
                if (!batches.containsKey(batch)) {
                    throw c.problem("version " + number + " names batch " + batch.value() + ", which is not recorded");
                }
                c.path.remove(c.path.size() - 1);
                versions.add(new MonthLedger.Version(number, batch, kind, receivedAt, status, charges));
            }
            c.path.remove(c.path.size() - 1);
            if (revision != versions.size()) {
                throw c.problem("revision " + revision + " but " + versions.size() + " versions");
            }
            PersistentMap<LineItemId, LineItem> charges = PersistentMap.empty();
            c.field("charges");
            c.expect(JsonToken.START_ARRAY);
            for (int i = 0; c.next() != JsonToken.END_ARRAY; i++) {
                c.path.add("[" + i + "]");
                LineItem item = c.item(mapper);
                if (charges.containsKey(item.id())) {
                    throw c.problem("charge " + item.id().value() + " appears twice");
                }
                if (!item.currency().equals(currency)) {
                    throw c.problem("charge " + item.id().value() + " is in "
                            + item.currency().getCurrencyCode() + ", the month in " + currency.getCurrencyCode());
                }
                if (!calendar.monthOf(item.feePeriod().start()).equals(month)) {
                    throw c.problem("charge " + item.id().value() + " is not of " + month);
                }
                charges = charges.put(item.id(), item);
                c.path.remove(c.path.size() - 1);
            }
            c.path.remove(c.path.size() - 1);
            int expectedCharges =
                    versions.isEmpty() ? 0 : versions.get(versions.size() - 1).charges();
            if (charges.size() != expectedCharges) {
                throw c.problem("the last version has " + expectedCharges + " charges, the month " + charges.size());
            }
            c.end();
            return MonthLedger.restore(month, currency, calendar, charges, batches, versions);
        } catch (JsonProcessingException e) {
            throw malformed(cursor[0], "month state", source, e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read month state " + source + ": " + e.getMessage(), e);
        }
    }

    /**
     * Writes {@code batch} to {@code out}; flushes {@code out} and leaves it open.
     *
     * @param batch the batch, not null
     * @param out where to write, not null
     * @throws UncheckedIOException if {@code out} fails
     */
    public static void writeBatch(ChargeBatch batch, Writer out) {
        requireNonNull(batch, "batch");
        ObjectMapper mapper = BillingJson.mapper();
        try (JsonGenerator g = mapper.getFactory().createGenerator(requireNonNull(out, "out"))) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeStringField("format", BATCH_FORMAT);
            g.writeNumberField("formatVersion", FORMAT_VERSION);
            g.writeStringField("id", batch.id().value());
            g.writeStringField("kind", batch.kind().name());
            g.writeStringField("month", batch.month().toString());
            g.writeStringField("currency", batch.currency().getCurrencyCode());
            for (String name : List.of("added", "restated")) {
                g.writeArrayFieldStart(name);
                for (LineItem item : name.equals("added") ? batch.added() : batch.restated()) {
                    mapper.writeValue(g, item);
                }
                g.writeEndArray();
            }
            g.writeArrayFieldStart("withdrawn");
            for (LineItemId id : batch.withdrawn()) {
                g.writeString(id.value());
            }
            g.writeEndArray();
            g.writeEndObject();
            g.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write batch " + batch.id().value() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads a batch from {@code in}, then closes {@code in}.
     *
     * @param in the JSON, not null
     * @param source what {@code in} is, such as a file name, for messages, not null
     * @return the batch, never null
     * @throws IllegalArgumentException naming the source, JSON path, line, column and reason
     * @throws UncheckedIOException if {@code in} fails
     */
    public static ChargeBatch readBatch(Reader in, String source) {
        requireNonNull(in, "in");
        requireNonNull(source, "source");
        ObjectMapper mapper = BillingJson.mapper();
        Cursor[] cursor = {null};
        try (JsonParser p = mapper.createParser(in)) {
            Cursor c = new Cursor(p, source, "batch");
            cursor[0] = c;
            c.start(BATCH_FORMAT);
            BatchId id = c.parse("id", BatchId::of);
            BatchKind kind = c.parse("kind", BatchKind::valueOf);
            BillingMonth month = c.parse("month", BillingMonth::parse);
            Currency currency = c.parse("currency", Currency::getInstance);
            List<List<LineItem>> lists = new ArrayList<>();
            for (String name : List.of("added", "restated")) {
                List<LineItem> items = new ArrayList<>();
                c.field(name);
                c.expect(JsonToken.START_ARRAY);
                for (int i = 0; c.next() != JsonToken.END_ARRAY; i++) {
                    c.path.add("[" + i + "]");
                    items.add(c.item(mapper));
                    c.path.remove(c.path.size() - 1);
                }
                c.path.remove(c.path.size() - 1);
                lists.add(items);
            }
            List<LineItemId> withdrawn = new ArrayList<>();
            c.field("withdrawn");
            c.expect(JsonToken.START_ARRAY);
            for (int i = 0; c.next() != JsonToken.END_ARRAY; i++) {
                c.path.add("[" + i + "]");
                if (p.currentToken() != JsonToken.VALUE_STRING) {
                    throw c.problem("expected a line item id, found " + p.currentToken());
                }
                String text = p.getText();
                withdrawn.add(c.build("id", () -> LineItemId.of(text)));
                c.path.remove(c.path.size() - 1);
            }
            c.path.remove(c.path.size() - 1);
            c.end();
            return c.build("", () -> new ChargeBatch(id, kind, month, currency, lists.get(0), lists.get(1), withdrawn));
        } catch (JsonProcessingException e) {
            throw malformed(cursor[0], "batch", source, e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read batch " + source + ": " + e.getMessage(), e);
        }
    }

    private static IllegalArgumentException malformed(
            Cursor cursor, String what, String source, JsonProcessingException e) {
        if (cursor != null) {
            return cursor.problem(e.getOriginalMessage());
        }
        return new IllegalArgumentException("invalid " + what + " " + source + ": " + e.getOriginalMessage(), e);
    }

    /** A strict walk over the fixed fields of a document, keeping the JSON path for messages. */
    private static final class Cursor {
        final JsonParser p;
        final String source;
        final String what;
        final List<String> path = new ArrayList<>();

        Cursor(JsonParser p, String source, String what) {
            this.p = p;
            this.source = source;
            this.what = what;
        }

        IllegalArgumentException problem(String reason) {
            JsonLocation at = p.currentLocation();
            String where =
                    at == null || at.getLineNr() < 0 ? "" : ", line " + at.getLineNr() + ", column " + at.getColumnNr();
            return new IllegalArgumentException(
                    "invalid " + what + " " + source + ": at $" + String.join("", path) + where + ": " + reason);
        }

        JsonToken next() throws IOException {
            try {
                JsonToken t = p.nextToken();
                if (t == null) {
                    throw problem("the file ends too early (truncated?)");
                }
                return t;
            } catch (JsonProcessingException e) {
                throw problem(e.getOriginalMessage());
            }
        }

        void expect(JsonToken token) throws IOException {
            at(next(), token);
        }

        void at(JsonToken token, String step) {
            path.add(step);
            if (p.currentToken() != token) {
                throw problem("expected " + token + ", found " + p.currentToken());
            }
        }

        private void at(JsonToken found, JsonToken token) {
            if (found != token) {
                throw problem("expected " + describe(token) + ", found " + describe(found));
            }
        }

        private static String describe(JsonToken t) {
            return switch (t) {
                case START_OBJECT -> "an object";
                case END_OBJECT -> "the end of the object";
                case START_ARRAY -> "an array";
                case END_ARRAY -> "the end of the array";
                case FIELD_NAME -> "a field";
                default -> "a value (" + t + ")";
            };
        }

        /** Reads the opening: the object, the format and a version this library reads. */
        void start(String format) throws IOException {
            expect(JsonToken.START_OBJECT);
            String found = text("format");
            if (!found.equals(format)) {
                path.add(".format");
                throw problem("is a " + found + ", not a " + format);
            }
            long version = longField("formatVersion");
            if (version > FORMAT_VERSION) {
                path.add(".formatVersion");
                throw problem("format version " + version + " is newer than this library reads (up to " + FORMAT_VERSION
                        + "): upgrade the library");
            }
            if (version < 1) {
                path.add(".formatVersion");
                throw problem("format version " + version + " is not a version");
            }
        }

        void end() throws IOException {
            expect(JsonToken.END_OBJECT);
            try {
                if (p.nextToken() != null) {
                    throw problem("unexpected content after the " + what);
                }
            } catch (JsonProcessingException e) {
                throw problem(e.getOriginalMessage());
            }
        }

        /** Moves to the value of field {@code name}, which must come next; leaves {@code name} on the path. */
        void field(String name) throws IOException {
            JsonToken t = next();
            if (t != JsonToken.FIELD_NAME || !p.currentName().equals(name)) {
                throw problem("expected the field \"" + name + "\", found "
                        + (t == JsonToken.FIELD_NAME ? "\"" + p.currentName() + "\"" : describe(t)));
            }
            path.add("." + name);
        }

        String text(String name) throws IOException {
            field(name);
            if (next() != JsonToken.VALUE_STRING) {
                throw problem("expected a string, found " + describe(p.currentToken()));
            }
            String s = p.getText();
            path.remove(path.size() - 1);
            return s;
        }

        long longField(String name) throws IOException {
            field(name);
            if (next() != JsonToken.VALUE_NUMBER_INT) {
                throw problem("expected a whole number, found " + describe(p.currentToken()));
            }
            long v;
            try {
                v = p.getLongValue();
            } catch (JsonProcessingException e) {
                throw problem(e.getOriginalMessage());
            }
            path.remove(path.size() - 1);
            return v;
        }

        <T> T parse(String name, java.util.function.Function<String, T> parser) throws IOException {
            String s = text(name);
            path.add("." + name);
            T value = build(name, () -> parser.apply(s));
            path.remove(path.size() - 1);
            return value;
        }

        <T> T build(String name, java.util.function.Supplier<T> factory) {
            try {
                return factory.get();
            } catch (BatchRefusedException e) {
                throw e;
            } catch (RuntimeException e) {
                throw problem(e.getMessage() == null ? e.toString() : e.getMessage());
            }
        }

        LineItem item(ObjectMapper mapper) throws IOException {
            if (p.currentToken() != JsonToken.START_OBJECT) {
                throw problem("expected a line item object, found " + describe(p.currentToken()));
            }
            try {
                return mapper.readerFor(LineItem.class)
                        .without(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                        .readValue(p);
            } catch (JsonProcessingException e) {
                StringBuilder inner = new StringBuilder();
                if (e instanceof com.fasterxml.jackson.databind.JsonMappingException m) {
                    for (com.fasterxml.jackson.databind.JsonMappingException.Reference r : m.getPath()) {
                        if (r.getFieldName() != null) {
                            inner.append('.').append(r.getFieldName());
                        } else if (r.getIndex() >= 0) {
                            inner.append('[').append(r.getIndex()).append(']');
                        }
                    }
                }
                path.add(inner.toString());
                throw problem(e.getOriginalMessage());
            }
        }
    }
}
