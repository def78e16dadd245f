package org.cloudbilling.core.io.internal;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one strict parser of a tags cell, a JSON object of string values such as {@code {"team":"web"}}: a repeated
 * key, text after the object, a value that is not a string and an empty key are refused, each with its reason.
 * The readers of the canonical CSV, FOCUS CSV and Parquet use it, so a cell one of them refuses they all refuse.
 * Not API (see the package).
 *
 * <pre>{@code
 * TagJson.object("{\"team\":\"web\"}");          // {team=web}
 * TagJson.object("{\"team\":\"a\",\"team\":\"b\"}"); // IllegalArgumentException: ... Duplicate field 'team'
 * }</pre>
 *
 * <p>The whole cell is read before any check, so a cell with several faults is reported as it always was: a JSON
 * syntax fault (a repeated key included) first, then text after the value, then a value that is not an object,
 * then, key by key in order, a value that is not a string or an empty key. Stateless and thread-safe.
 */
public final class TagJson {
    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private TagJson() {}

    /**
     * Returns the tags of {@code cell}, in the cell's order.
     *
     * @param cell the cell's text, not null
     * @param notJson what the reason says first when the text is not JSON, such as {@code "tags are not a JSON
     *     object: "}; the parser's own reason follows
     * @return the tags, an unmodifiable map, never null
     * @throws IllegalArgumentException for text that is not a JSON object of non-empty keys and string values,
     *     with the reason
     */
    public static Map<String, String> object(String cell, String notJson) {
        requireNonNull(cell, "cell");
        List<String> keys = new ArrayList<>();
        List<String> values = new ArrayList<>(); // null for a value that is not a string
        boolean isObject;
        try (JsonParser p = JSON.createParser(cell)) {
            JsonToken first = p.nextToken();
            isObject = first == JsonToken.START_OBJECT;
            if (isObject) {
                for (JsonToken t = p.nextToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
                    keys.add(p.currentName());
                    JsonToken v = p.nextToken();
                    values.add(v == JsonToken.VALUE_STRING ? p.getText() : null);
                    p.skipChildren(); // a nested value is read whole: its own syntax faults still count
                }
            } else if (first != null) {
                p.skipChildren();
            }
            JsonToken trailing = first == null ? null : p.nextToken();
            if (trailing != null) {
                throw new IllegalArgumentException(
                        notJson + "Trailing token (of type " + trailing + ") found after the value");
            }
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(notJson + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a String cannot fail to be read
        }
        if (!isObject) {
            throw new IllegalArgumentException("tags are not a JSON object");
        }
        Map<String, String> tags = new LinkedHashMap<>();
        for (int i = 0; i < keys.size(); i++) {
            if (values.get(i) == null) {
                throw new IllegalArgumentException("the value of tag '" + keys.get(i) + "' is not a string");
            }
            if (keys.get(i).isEmpty()) {
                throw new IllegalArgumentException("a tag key is empty");
            }
            tags.put(keys.get(i), values.get(i));
        }
        return Collections.unmodifiableMap(tags);
    }
}
