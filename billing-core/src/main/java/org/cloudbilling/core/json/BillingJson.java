package org.cloudbilling.core.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * A ready {@link ObjectMapper} for the billing types: the {@link BillingModule}, strict reading (unknown
 * fields, trailing tokens, duplicate keys and nulls for primitives are errors; no polymorphic typing from
 * input), decimals written plain, absent optional fields left out, output indented.
 *
 * <pre>{@code
 * ObjectMapper json = BillingJson.mapper();
 * String text = json.writeValueAsString(bill);
 * Bill back = json.readValue(text, Bill.class);
 * }</pre>
 */
public final class BillingJson {
    private BillingJson() {}

    /** Returns a new mapper; each call returns a fresh one the caller may configure further. */
    public static ObjectMapper mapper() {
        return JsonMapper.builder()
                .addModule(new BillingModule())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
                .enable(SerializationFeature.INDENT_OUTPUT)
                .serializationInclusion(JsonInclude.Include.NON_ABSENT)
                .build();
    }
}
