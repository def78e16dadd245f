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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.cloudbilling.allocation.RuleId;
import org.cloudbilling.allocation.UnitId;
import org.cloudbilling.core.json.BillingJson;
import org.cloudbilling.core.time.BillingMonth;

/**
 * An {@link AllocationHistory} as JSON, for host applications to store and load. Amounts are strings that
 * keep every decimal; reading is strict and names the JSON path of a bad value.
 *
 * <pre>{@code
 * String json = HistoryJson.write(history);
 * AllocationHistory back = HistoryJson.read(json);   // equal to history
 * HistoryJson.write(history, writer);                // straight to a Writer
 * AllocationHistory again = HistoryJson.read(reader);
 * }</pre>
 *
 * <p><b>A month at a time.</b> A large history is kept as one document per month ({@link #writeMonth}, {@link
 * #readMonth}; {@link #writeMonths} and {@link #readMonths} for a directory of {@code YYYY-MM.json} files): a
 * month's versions and the backtrack records that concern it, each record with its place in the history's order,
 * so that the months read back into a history equal to the one written. The format and its version come first,
 * and a document of a newer version is refused before anything else is read:
 *
 * <pre>{@code
 * { "format" : "cloudbilling.allocation-history-month", "formatVersion" : 1, "month" : "2024-09",
 *   "versions" : [ ... ], "records" : [ { "sequence" : 0, "record" : { ... } } ] }
 * }</pre>
 */
public final class HistoryJson {
    private HistoryJson() {}

    /** The version of the month form this library writes and reads. */
    public static final int MONTH_FORMAT_VERSION = 1;

    static final String MONTH_FORMAT = "cloudbilling.allocation-history-month";
    private static final Pattern MONTH_FILE = Pattern.compile("(\\d{4}-\\d{2})\\.json");

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

    /**
     * Returns the months {@code history} has something of: a version, or a backtrack record that names it. In
     * ascending order, never null.
     *
     * @param history the history, not null
     * @return the months, never null
     */
    public static List<BillingMonth> months(AllocationHistory history) {
        requireNonNull(history, "history");
        Set<BillingMonth> months = new TreeSet<>();
        history.versions().forEach(v -> months.add(v.month()));
        history.records().forEach(r -> months.addAll(recordMonths(history, r)));
        return List.copyOf(months);
    }

    /** The months a record concerns: the months it names, the months of its versions, else its rules' month. */
    private static Set<BillingMonth> recordMonths(AllocationHistory history, BacktrackRecord r) {
        Set<BillingMonth> months = new TreeSet<>(r.months());
        for (MonthVersion v : history.versions()) {
            if (v.backtrack().equals(Optional.of(r.id()))) {
                months.add(v.month());
            }
        }
        if (months.isEmpty()) {
            months.add(r.ruleMonth());
        }
        return months;
    }

    /**
     * Writes one month of {@code history} to {@code out} as it goes: the month's versions and the backtrack records
     * that concern it (those that name the month or made one of its versions), each with its place in the
     * history's records. Flushes {@code out} and leaves it open.
     *
     * @param history the history, not null
     * @param month the month, not null
     * @param out where to write, not null
     * @throws UncheckedIOException if {@code out} fails
     */
    public static void writeMonth(AllocationHistory history, BillingMonth month, Writer out) {
        requireNonNull(history, "history");
        requireNonNull(month, "month");
        requireNonNull(out, "out");
        ObjectMapper mapper = mapper();
        mapper.getFactory().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        try (JsonGenerator g = mapper.getFactory().createGenerator(out)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeStringField("format", MONTH_FORMAT);
            g.writeNumberField("formatVersion", MONTH_FORMAT_VERSION);
            g.writeStringField("month", month.toString());
            g.writeArrayFieldStart("versions");
            for (MonthVersion v : history.versions(month)) {
                mapper.writeValue(g, v);
            }
            g.writeEndArray();
            g.writeArrayFieldStart("records");
            List<BacktrackRecord> records = history.records();
            for (int i = 0; i < records.size(); i++) {
                if (recordMonths(history, records.get(i)).contains(month)) {
                    g.writeStartObject();
                    g.writeNumberField("sequence", i);
                    g.writeFieldName("record");
                    mapper.writeValue(g, records.get(i));
                    g.writeEndObject();
                }
            }
            g.writeEndArray();
            g.writeEndObject();
            g.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot write month " + month + " of the allocation history: " + e.getMessage(), e);
        }
    }

    /** One month read back: the versions, and the records by their place in the history. */
    private record MonthPart(List<MonthVersion> versions, TreeMap<Integer, BacktrackRecord> records) {}

    /**
     * Reads one month written by {@link #writeMonth} from {@code in} as it comes, then closes {@code in}.
     *
     * @param in the JSON, not null
     * @param source what {@code in} is, such as a file name, for messages, not null
     * @param month the month {@code in} holds, not null
     * @return the history of that month: its versions and the records that concern it, never null
     * @throws IllegalArgumentException naming the source, the month, the JSON path, line, column and reason:
     *     malformed or truncated JSON, another format, a newer format version (refused before anything else is
     *     read), another month, a version of another month, a bad value, a record's place twice, or a month that
     *     is not a consistent history (see {@link AllocationHistory})
     * @throws UncheckedIOException if {@code in} fails
     */
    public static AllocationHistory readMonth(Reader in, String source, BillingMonth month) {
        MonthPart part = readPart(in, source, month);
        return history(part.versions(), part.records(), source, month);
    }

    private static AllocationHistory history(
            List<MonthVersion> versions, TreeMap<Integer, BacktrackRecord> records, String source, BillingMonth month) {
        try {
            return new AllocationHistory(versions, new ArrayList<>(records.values()));
        } catch (HistoryProblem e) {
            throw new IllegalArgumentException(
                    "invalid allocation history " + source + " (month " + month + "): at $." + e.field() + ": "
                            + e.reason(),
                    e);
        }
    }

    private static MonthPart readPart(Reader in, String source, BillingMonth month) {
        requireNonNull(in, "in");
        requireNonNull(source, "source");
        requireNonNull(month, "month");
        ObjectMapper mapper = mapper();
        MonthCursor c = null;
        try (JsonParser p = mapper.createParser(in)) {
            c = new MonthCursor(p, source, month);
            c.expect(JsonToken.START_OBJECT);
            c.field("format");
            String format = c.string();
            if (!format.equals(MONTH_FORMAT)) {
                throw c.problem("is a " + format + ", not a " + MONTH_FORMAT);
            }
            c.path.remove(c.path.size() - 1);
            c.field("formatVersion");
            if (c.next() != JsonToken.VALUE_NUMBER_INT) {
                throw c.problem("expected a whole number");
            }
            long version = p.getLongValue();
            if (version > MONTH_FORMAT_VERSION) {
                throw c.problem("format version " + version + " is newer than this library reads (up to "
                        + MONTH_FORMAT_VERSION + "): upgrade the library");
            }
            if (version < 1) {
                throw c.problem("format version " + version + " is not a version");
            }
            c.path.remove(c.path.size() - 1);
            c.field("month");
            String written = c.string();
            if (!written.equals(month.toString())) {
                throw c.problem("holds " + written + ", not " + month);
            }
            c.path.remove(c.path.size() - 1);
            List<MonthVersion> versions = new ArrayList<>();
            c.field("versions");
            c.expect(JsonToken.START_ARRAY);
            for (int i = 0; c.next() != JsonToken.END_ARRAY; i++) {
                c.path.add("[" + i + "]");
                MonthVersion v = c.value(mapper, MonthVersion.class);
                if (!v.month().equals(month)) {
                    throw c.problem("version " + v.number() + " is of " + v.month() + ", not " + month);
                }
                versions.add(v);
                c.path.remove(c.path.size() - 1);
            }
            c.path.remove(c.path.size() - 1);
            TreeMap<Integer, BacktrackRecord> records = new TreeMap<>();
            c.field("records");
            c.expect(JsonToken.START_ARRAY);
            for (int i = 0; c.next() != JsonToken.END_ARRAY; i++) {
                c.path.add("[" + i + "]");
                if (p.currentToken() != JsonToken.START_OBJECT) {
                    throw c.problem("expected an object");
                }
                c.field("sequence");
                if (c.next() != JsonToken.VALUE_NUMBER_INT || p.getLongValue() < 0 || p.getLongValue() > 1L << 30) {
                    throw c.problem("expected a place in the history's records (a whole number from 0)");
                }
                int sequence = p.getIntValue();
                c.path.remove(c.path.size() - 1);
                c.field("record");
                c.next();
                BacktrackRecord r = c.value(mapper, BacktrackRecord.class);
                c.path.remove(c.path.size() - 1);
                c.expect(JsonToken.END_OBJECT);
                if (records.put(sequence, r) != null) {
                    throw c.problem("a second record at place " + sequence);
                }
                c.path.remove(c.path.size() - 1);
            }
            c.path.remove(c.path.size() - 1);
            c.expect(JsonToken.END_OBJECT);
            if (p.nextToken() != null) {
                throw c.problem("unexpected content after the month");
            }
            return new MonthPart(versions, records);
        } catch (JsonProcessingException e) {
            if (c == null) {
                throw new IllegalArgumentException(
                        "invalid allocation history " + source + " (month " + month + "): " + e.getOriginalMessage(),
                        e);
            }
            throw c.problem(e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot read allocation history " + source + " (month " + month + "): " + e.getMessage(), e);
        }
    }

    /**
     * Writes every month of {@code history} to {@code dir} (created if missing), one {@code YYYY-MM.json} file per
     * month, one month at a time: each through a temporary file moved into place.
     *
     * @param history the history, not null
     * @param dir the directory, not null
     * @throws UncheckedIOException if a file cannot be written
     */
    public static void writeMonths(AllocationHistory history, Path dir) {
        requireNonNull(history, "history");
        requireNonNull(dir, "dir");
        try {
            Files.createDirectories(dir);
            for (BillingMonth month : months(history)) {
                Path target = dir.resolve(month + ".json");
                Path temporary = dir.resolve(month + ".json.tmp");
                try (Writer out = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
                    writeMonth(history, month, out);
                }
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the allocation history to " + dir + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads the {@code YYYY-MM.json} files of {@code dir} one month at a time (other files are left alone) into
     * one history: equal to the one {@link #writeMonths} wrote.
     *
     * @param dir the directory, not null
     * @return the history, never null
     * @throws IllegalArgumentException naming the file, the month, the JSON path, line, column and reason as
     *     {@link #readMonth} does; or naming both files when two months hold different records at one place
     * @throws UncheckedIOException if the directory or a file cannot be read
     */
    public static AllocationHistory readMonths(Path dir) {
        requireNonNull(dir, "dir");
        Map<BillingMonth, Path> files = new TreeMap<>();
        try (var listing = Files.list(dir)) {
            listing.forEach(f -> {
                var m = MONTH_FILE.matcher(f.getFileName().toString());
                if (m.matches()) {
                    BillingMonth month;
                    try {
                        month = BillingMonth.parse(m.group(1));
                    } catch (RuntimeException e) {
                        throw new IllegalArgumentException(
                                "invalid allocation history " + f + ": the name is not a" + " month (YYYY-MM.json): "
                                        + e.getMessage(),
                                e);
                    }
                    files.put(month, f);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the allocation history in " + dir + ": " + e.getMessage(), e);
        }
        List<MonthVersion> versions = new ArrayList<>();
        TreeMap<Integer, BacktrackRecord> records = new TreeMap<>();
        Map<Integer, String> recordSource = new HashMap<>();
        for (Map.Entry<BillingMonth, Path> e : files.entrySet()) {
            String source = e.getValue().getFileName().toString();
            MonthPart part;
            try (Reader in = Files.newBufferedReader(e.getValue(), StandardCharsets.UTF_8)) {
                part = readPart(in, source, e.getKey());
            } catch (IOException io) {
                throw new UncheckedIOException("cannot read allocation history " + source + ": " + io.getMessage(), io);
            }
            versions.addAll(part.versions());
            for (Map.Entry<Integer, BacktrackRecord> r : part.records().entrySet()) {
                BacktrackRecord had = records.putIfAbsent(r.getKey(), r.getValue());
                if (had != null && !had.equals(r.getValue())) {
                    throw new IllegalArgumentException("invalid allocation history " + source + " (month "
                            + e.getKey() + "): the record at place " + r.getKey() + " ("
                            + r.getValue().id()
                            + ") differs from the one " + recordSource.get(r.getKey()) + " has there ("
                            + had.id() + ")");
                }
                recordSource.putIfAbsent(r.getKey(), source);
            }
        }
        try {
            return new AllocationHistory(versions, new ArrayList<>(records.values()));
        } catch (HistoryProblem e) {
            throw new IllegalArgumentException(
                    "invalid allocation history " + dir + " (months " + files.keySet() + "): " + e.field() + ": "
                            + e.reason(),
                    e);
        }
    }

    /** A streaming read of one month document: the path so far, for messages naming the file and the month. */
    private static final class MonthCursor {
        final JsonParser p;
        final String source;
        final BillingMonth month;
        final List<String> path = new ArrayList<>();

        MonthCursor(JsonParser p, String source, BillingMonth month) {
            this.p = p;
            this.source = source;
            this.month = month;
        }

        IllegalArgumentException problem(String reason) {
            return new IllegalArgumentException("invalid allocation history " + source + " (month " + month + "): at $"
                    + String.join("", path) + where(p.currentLocation()) + ": " + reason);
        }

        JsonToken next() throws IOException {
            JsonToken t = p.nextToken();
            if (t == null) {
                throw problem("the file ends too early (truncated?)");
            }
            return t;
        }

        void expect(JsonToken token) throws IOException {
            if (next() != token) {
                throw problem("expected " + token + ", found " + p.currentToken());
            }
        }

        void field(String name) throws IOException {
            JsonToken t = next();
            if (t != JsonToken.FIELD_NAME || !p.currentName().equals(name)) {
                throw problem("expected the field \"" + name + "\", found "
                        + (t == JsonToken.FIELD_NAME ? "\"" + p.currentName() + "\"" : String.valueOf(t)));
            }
            path.add("." + name);
        }

        String string() throws IOException {
            if (next() != JsonToken.VALUE_STRING) {
                throw problem("expected a string, found " + p.currentToken());
            }
            return p.getText();
        }

        <T> T value(ObjectMapper mapper, Class<T> type) throws IOException {
            try {
                T value = mapper.readerFor(type)
                        .without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                        .readValue(p);
                if (value == null) {
                    throw problem("expected an object, found null");
                }
                return value;
            } catch (JsonProcessingException e) {
                String inner = pathOf(e).substring(1);
                String reason = e.getOriginalMessage();
                if (e.getCause() instanceof HistoryProblem problem) {
                    inner = inner + "." + problem.field();
                    reason = problem.reason();
                }
                path.add(inner);
                JsonLocation at = e.getLocation() != null ? e.getLocation() : p.currentLocation();
                return fail(reason, at);
            }
        }

        private <T> T fail(String reason, JsonLocation at) {
            throw new IllegalArgumentException("invalid allocation history " + source + " (month " + month + "): at $"
                    + String.join("", path) + where(at) + ": " + reason);
        }
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
