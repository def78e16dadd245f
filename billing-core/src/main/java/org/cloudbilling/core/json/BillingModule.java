package org.cloudbilling.core.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.Version;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.cloudbilling.core.id.BusinessCode;
import org.cloudbilling.core.id.Identifier;
import org.cloudbilling.core.id.InstanceType;
import org.cloudbilling.core.id.ItemCode;
import org.cloudbilling.core.id.LineItemId;
import org.cloudbilling.core.id.OperatorUin;
import org.cloudbilling.core.id.OrderId;
import org.cloudbilling.core.id.OwnerUin;
import org.cloudbilling.core.id.PayerUin;
import org.cloudbilling.core.id.ProductCode;
import org.cloudbilling.core.id.ProjectId;
import org.cloudbilling.core.id.RegionId;
import org.cloudbilling.core.id.ResourceId;
import org.cloudbilling.core.id.Tag;
import org.cloudbilling.core.id.TagKey;
import org.cloudbilling.core.money.Money;
import org.cloudbilling.core.time.BillingMonth;
import org.cloudbilling.core.time.Interval;

/**
 * The Jackson module for the billing types. Register it on a host application's {@code ObjectMapper}, or
 * use {@link BillingJson#mapper()}, which also sets strict reading.
 *
 * <p>Forms: money {@code {"currency":"USD","amount":"25.95"}} with the amount always a string that keeps
 * every decimal; identifiers as plain strings; tags {@code {"key":"team","value":"web"}}; instants ISO-8601
 * ({@code 2024-09-01T00:00:00Z}); billing months {@code "2024-09"}; intervals {@code {"start":...,"end":...}}.
 * Reading checks types and values and names the JSON path of a bad value.
 */
public final class BillingModule extends SimpleModule {
    private static final long serialVersionUID = 1L;

    /** Creates the module. */
    public BillingModule() {
        super("cloudbilling", Version.unknownVersion());
        addSerializer(
                Money.class,
                new TwoTexts<Money>(
                        "currency",
                        m -> m.currency().getCurrencyCode(),
                        "amount",
                        m -> m.amount().toPlainString()));
        addDeserializer(Money.class, new MoneyDeserializer());
        addSerializer(Instant.class, new ToText<>(Instant::toString));
        addDeserializer(
                Instant.class,
                new FromText<>(
                        Instant.class, "an ISO-8601 instant such as 2024-09-01T00:00:00Z", BillingModule::instant));
        addSerializer(BillingMonth.class, new ToText<>(BillingMonth::toString));
        addDeserializer(
                BillingMonth.class, new FromText<>(BillingMonth.class, "a month such as 2024-09", BillingMonth::parse));
        addSerializer(
                Interval.class,
                new TwoTexts<Interval>(
                        "start", i -> i.start().toString(), "end", i -> i.end().toString()));
        addDeserializer(Interval.class, new IntervalDeserializer());
        addSerializer(Tag.class, new TwoTexts<Tag>("key", t -> t.key().value(), "value", Tag::value));
        addDeserializer(Tag.class, new TagDeserializer());
        addSerializer(Identifier.class, new ToText<>(Identifier::value));
        identifier(OwnerUin.class, OwnerUin::of);
        identifier(PayerUin.class, PayerUin::of);
        identifier(OperatorUin.class, OperatorUin::of);
        identifier(ResourceId.class, ResourceId::of);
        identifier(BusinessCode.class, BusinessCode::of);
        identifier(ProductCode.class, ProductCode::of);
        identifier(ItemCode.class, ItemCode::of);
        identifier(RegionId.class, RegionId::of);
        identifier(ProjectId.class, ProjectId::of);
        identifier(InstanceType.class, InstanceType::of);
        identifier(OrderId.class, OrderId::of);
        identifier(LineItemId.class, LineItemId::of);
        identifier(TagKey.class, TagKey::of);
        addKeyDeserializer(TagKey.class, new KeyDeserializer() {
            @Override
            public Object deserializeKey(String key, DeserializationContext ctxt) throws IOException {
                if (key.isEmpty()) {
                    return ctxt.handleWeirdKey(TagKey.class, key, "a tag key is never empty");
                }
                return TagKey.of(key);
            }
        });
    }

    /** Optional values ({@code Optional<Money>}) are read and written through Jackson's JDK 8 module. */
    @Override
    public Iterable<? extends Module> getDependencies() {
        return List.of(new Jdk8Module());
    }

    @Override
    public Object getTypeId() {
        return BillingModule.class.getName();
    }

    private <T extends Identifier> void identifier(Class<T> type, Function<String, T> factory) {
        addDeserializer(type, new FromText<>(type, "a non-empty string", factory));
    }

    private static Instant instant(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    static final class MoneyDeserializer extends JsonDeserializer<Money> {
        @Override
        public Money deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            JsonNode node = Objects.object(p, ctxt, Money.class, Set.of("currency", "amount"));
            String currency = Objects.text(p, ctxt, Money.class, node, "currency");
            String amount = Objects.text(p, ctxt, Money.class, node, "amount");
            try {
                return Money.of(currency, amount);
            } catch (IllegalArgumentException e) {
                return ctxt.reportInputMismatch(Money.class, "invalid money: %s", e.getMessage());
            }
        }
    }

    static final class IntervalDeserializer extends JsonDeserializer<Interval> {
        @Override
        public Interval deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            JsonNode node = Objects.object(p, ctxt, Interval.class, Set.of("start", "end"));
            try {
                return Interval.of(
                        instant(Objects.text(p, ctxt, Interval.class, node, "start")),
                        instant(Objects.text(p, ctxt, Interval.class, node, "end")));
            } catch (IllegalArgumentException e) {
                return ctxt.reportInputMismatch(Interval.class, "invalid interval: %s", e.getMessage());
            }
        }
    }

    static final class TagDeserializer extends JsonDeserializer<Tag> {
        @Override
        public Tag deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            JsonNode node = Objects.object(p, ctxt, Tag.class, Set.of("key", "value"));
            String key = Objects.text(p, ctxt, Tag.class, node, "key");
            String value = Objects.text(p, ctxt, Tag.class, node, "value");
            if (key.isEmpty()) {
                return ctxt.reportInputMismatch(Tag.class, "invalid tag: the key is empty");
            }
            return Tag.of(key, value);
        }
    }

    /** Writes a value as a JSON object of two string fields, in order. */
    static final class TwoTexts<T> extends JsonSerializer<T> {
        private final String first;
        private final Function<T, String> firstText;
        private final String second;
        private final Function<T, String> secondText;

        TwoTexts(String first, Function<T, String> firstText, String second, Function<T, String> secondText) {
            this.first = first;
            this.firstText = firstText;
            this.second = second;
            this.secondText = secondText;
        }

        @Override
        public void serialize(T value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
            gen.writeStartObject();
            gen.writeStringField(first, firstText.apply(value));
            gen.writeStringField(second, secondText.apply(value));
            gen.writeEndObject();
        }
    }

    /** Writes a value as one JSON string. */
    static final class ToText<T> extends JsonSerializer<T> {
        private final Function<T, String> text;

        ToText(Function<T, String> text) {
            this.text = text;
        }

        @Override
        public void serialize(T value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
            gen.writeString(text.apply(value));
        }
    }

    /** Reads a value from one JSON string, refusing other JSON types. */
    static final class FromText<T> extends JsonDeserializer<T> {
        private final Class<T> type;
        private final String expected;
        private final Function<String, T> parse;

        FromText(Class<T> type, String expected, Function<String, T> parse) {
            this.type = type;
            this.expected = expected;
            this.parse = parse;
        }

        @Override
        public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() != JsonToken.VALUE_STRING) {
                return ctxt.reportInputMismatch(
                        type, "expected %s for %s, found %s", expected, type.getSimpleName(), p.currentToken());
            }
            String text = p.getText();
            try {
                return parse.apply(text);
            } catch (IllegalArgumentException e) {
                return ctxt.reportInputMismatch(
                        type, "invalid %s '%s': %s", type.getSimpleName(), text, e.getMessage());
            }
        }
    }

    /** Strict reading of small JSON objects. */
    static final class Objects {
        private Objects() {}

        static JsonNode object(JsonParser p, DeserializationContext ctxt, Class<?> type, Set<String> fields)
                throws IOException {
            if (p.currentToken() != JsonToken.START_OBJECT) {
                return ctxt.reportInputMismatch(
                        type, "expected an object for %s, found %s", type.getSimpleName(), p.currentToken());
            }
            JsonNode node;
            try {
                node = ctxt.readTree(p);
            } catch (NumberFormatException e) {
                // a JSON number BigDecimal cannot hold, such as 1e999999999999: Jackson throws it unwrapped
                return ctxt.reportInputMismatch(
                        type, "a number in %s cannot be read: %s", type.getSimpleName(), e.getMessage());
            }
            var names = node.fieldNames();
            while (names.hasNext()) {
                String name = names.next();
                if (!fields.contains(name)) {
                    return ctxt.reportInputMismatch(
                            type, "unknown field '%s' in %s; expected %s", name, type.getSimpleName(), fields);
                }
            }
            return node;
        }

        static String text(JsonParser p, DeserializationContext ctxt, Class<?> type, JsonNode node, String field)
                throws IOException {
            JsonNode value = node.get(field);
            if (value == null || !value.isTextual()) {
                return ctxt.reportInputMismatch(
                        type,
                        "%s.%s must be a string, found %s",
                        type.getSimpleName(),
                        field,
                        value == null ? "nothing" : value.getNodeType());
            }
            return value.textValue();
        }
    }
}
