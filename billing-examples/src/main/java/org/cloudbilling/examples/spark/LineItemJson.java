package org.cloudbilling.examples.spark;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.UncheckedIOException;
import org.cloudbilling.core.bill.LineItem;
import org.cloudbilling.core.json.BillingJson;

/**
 * Line items as one line of canonical JSON each: the library's JSON form, amounts as decimal strings, so an
 * item crosses the Spark boundary without losing a digit. One instance per task; not thread-safe to share.
 */
final class LineItemJson {
    private final ObjectMapper json = BillingJson.mapper().disable(SerializationFeature.INDENT_OUTPUT);

    String write(LineItem item) {
        try {
            return json.writeValueAsString(item);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    LineItem read(String text) {
        try {
            return json.readValue(text, LineItem.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a canonical JSON line item: " + e.getOriginalMessage(), e);
        }
    }
}
