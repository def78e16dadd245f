package org.cloudbilling.allocation.json;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.cloudbilling.allocation.AllocationDimension;
import org.cloudbilling.allocation.AllocationRule;
import org.cloudbilling.allocation.AllocationRuleSet;
import org.cloudbilling.allocation.AllocationUnit;
import org.cloudbilling.allocation.Condition;
import org.cloudbilling.allocation.RuleSetException;
import org.cloudbilling.allocation.RuleSetProblem;
import org.cloudbilling.allocation.SharingMethod;
import org.cloudbilling.allocation.SharingRule;
import org.cloudbilling.allocation.SharingSource;
import org.cloudbilling.allocation.UnitId;
import org.cloudbilling.core.id.TagKey;

/**
 * An {@link AllocationRuleSet} as JSON, so host applications can keep units, collection rules and sharing
 * rules as data.
 *
 * <pre>{@code
 * AllocationRuleSet rules = RuleSetJson.read(Files.newBufferedReader(path), path.toString());
 * String json = RuleSetJson.write(rules);          // reads back equal to rules
 * }</pre>
 *
 * <p>The form, field by field, is in {@code docs/allocation.md}. In short:
 *
 * <pre>{@code
 * {
 *   "units": [ {"id": "acme", "name": "Acme"}, {"id": "web", "name": "Web", "parent": "acme"} ],
 *   "tagKeys": ["team"],
 *   "collectionRules": [
 *     {"id": "r-web", "unit": "web", "condition": {"and": [
 *         {"dimension": "businessCode", "in": ["p_cvm"]},
 *         {"dimension": "tag:team", "notIn": ["data"]} ]}} ],
 *   "sharingRules": [
 *     {"id": "s-net", "source": {"condition": {"dimension": "businessCode", "in": ["p_vpc"]}},
 *      "method": "RATIO", "ratios": {"web": "60", "data": "40"}} ]
 * }
 * }</pre>
 *
 * <p>Reading is strict and reports every problem at once, each with its JSON path (such as
 * {@code $.sharingRules[0].ratios}): first every problem of form (malformed JSON with its line and column, unknown
 * or missing fields, wrong types, unknown dimensions, empty value lists); when the form is right, every problem of
 * meaning that {@link AllocationRuleSet#of} finds (unknown units, duplicate ids, percentages not adding up to 100,
 * more than 15 tag keys, cycles). Percentages are written as strings and read from strings or JSON numbers, exactly.
 */
public final class RuleSetJson {
    private RuleSetJson() {}

    /**
     * Reads a rule set.
     *
     * @param json the JSON text, not null; the caller closes it
     * @param source where it comes from, such as a file name, for messages; not null
     * @return the rule set, never null
     * @throws RuleSetException listing every problem with its JSON path, when the text is not a valid rule set
     * @throws UncheckedIOException when {@code json} cannot be read
     */
    public static AllocationRuleSet read(Reader json, String source) {
        requireNonNull(json, "json");
        requireNonNull(source, "source");
        JsonNode root;
        JsonParser parser = null;
        try {
            // duplicate keys are refused by readTree, not by the parser: its detection makes the parser's token
            // loop, which a rule set of a thousand rules runs often enough to be compiled, twice as large to compile
            parser = JsonFactory.builder()
                    .disable(StreamReadFeature.AUTO_CLOSE_SOURCE) // the caller closes it
                    .build()
                    .createParser(json);
            root = readTree(parser);
        } catch (JsonProcessingException e) {
            throw new RuleSetException(source, List.of(new RuleSetProblem("$", notJson(e, parser))));
        } catch (NumberFormatException e) {
            // a number BigDecimal cannot hold (an exponent beyond an int): Jackson throws it unwrapped
            throw new RuleSetException(source, List.of(new RuleSetProblem("$", notNumber(e, parser))));
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the rule set " + source, e);
        } finally {
            close(parser);
        }
        if (root == null) {
            throw new RuleSetException(source, List.of(new RuleSetProblem("$", "the input is empty")));
        }
        return new RuleSetReader(source).ruleSet(root);
    }

    /** Closes {@code parser}, if made, giving back its buffers; the text it read stays open. */
    private static void close(JsonParser parser) {
        if (parser == null) {
            return;
        }
        try {
            parser.close();
        } catch (IOException e) {
            throw new UncheckedIOException("could not close the rule set's parser", e);
        }
    }

    /**
     * The JSON value of {@code parser}'s text as a tree, or null for an empty text: read from the parser's tokens
     * rather than by an {@code ObjectMapper}, whose set-up costs a short-lived process (the command line) more than
     * reading a rule set of a thousand rules. As exact as the mapper read it: a decimal is a {@code BigDecimal} with
     * its trailing zeros, a whole number an int, long or {@code BigInteger} as large as it needs; a value after the
     * first is refused, as are duplicate keys (with the line and column of the second).
     */
    private static JsonNode readTree(JsonParser parser) throws IOException {
        JsonToken first = parser.nextToken();
        if (first == null) {
            return null;
        }
        JsonNode root = value(parser, first);
        JsonToken after = parser.nextToken();
        if (after != null) {
            throw new JsonParseException(parser, "trailing token (" + after + ") after the rule set's value");
        }
        return root;
    }

    /** The value that starts at {@code token}, its last token read. */
    private static JsonNode value(JsonParser parser, JsonToken token) throws IOException {
        JsonNodeFactory f = JsonNodeFactory.instance;
        switch (token) {
            case START_OBJECT:
                ObjectNode object = f.objectNode();
                for (JsonToken t = parser.nextToken(); t != JsonToken.END_OBJECT; t = parser.nextToken()) {
                    String name = parser.currentName();
                    if (object.has(name)) {
                        throw new JsonParseException(parser, "Duplicate field '" + name + "'");
                    }
                    object.set(name, value(parser, parser.nextToken()));
                }
                return object;
            case START_ARRAY:
                ArrayNode array = f.arrayNode();
                for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
                    array.add(value(parser, t));
                }
                return array;
            case VALUE_STRING:
                return f.textNode(parser.getText());
            case VALUE_NUMBER_INT:
                switch (parser.getNumberType()) {
                    case INT:
                        return f.numberNode(parser.getIntValue());
                    case LONG:
                        return f.numberNode(parser.getLongValue());
                    default:
                        return f.numberNode(parser.getBigIntegerValue());
                }
            case VALUE_NUMBER_FLOAT:
                return DecimalNode.valueOf(parser.getDecimalValue()); // its trailing zeros kept
            case VALUE_TRUE:
                return f.booleanNode(true);
            case VALUE_FALSE:
                return f.booleanNode(false);
            case VALUE_NULL:
                return f.nullNode();
            default:
                throw new JsonParseException(parser, "unexpected token " + token);
        }
    }

    /**
     * Returns why the text is not JSON, with the line and column: from the error, or where the parser stopped when
     * the error carries none (the limits of {@link com.fasterxml.jackson.core.StreamReadConstraints}: nesting deeper
     * than 1,000, a number of more than 1,000 digits, a name of more than 50,000 characters).
     */
    private static String notJson(JsonProcessingException e, JsonParser parser) {
        JsonLocation at = e.getLocation();
        if ((at == null || at == JsonLocation.NA) && parser != null) {
            at = parser.currentLocation();
        }
        String where = at == null || at == JsonLocation.NA
                ? "not valid JSON"
                : "not valid JSON at line " + at.getLineNr() + ", column " + at.getColumnNr();
        String why = e.getOriginalMessage();
        return where + ": " + (why == null ? e.getClass().getSimpleName() : why);
    }

    /** Returns where the number {@code BigDecimal} cannot hold ends, and why. */
    private static String notNumber(NumberFormatException e, JsonParser parser) {
        JsonLocation at = parser.currentLocation();
        return "not a number that can be read exactly at line " + at.getLineNr() + ", column " + at.getColumnNr() + ": "
                + e.getMessage();
    }

    /**
     * Reads a rule set from a string.
     *
     * @param json the JSON text, not null
     * @return the rule set, never null
     * @throws RuleSetException listing every problem with its JSON path
     */
    public static AllocationRuleSet read(String json) {
        return read(new StringReader(requireNonNull(json, "json")), "");
    }

    /**
     * Writes {@code rules} to {@code out}, indented, in the form {@link #read} reads.
     *
     * @param rules the rule set, not null
     * @param out where to write, not null; the caller closes it
     * @throws UncheckedIOException when {@code out} fails
     */
    public static void write(AllocationRuleSet rules, Writer out) {
        requireNonNull(rules, "rules");
        requireNonNull(out, "out");
        try {
            mapper().writeValue(out, tree(rules));
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the rule set", e);
        }
    }

    /**
     * Returns {@code rules} as JSON text, indented, in the form {@link #read} reads.
     *
     * @param rules the rule set, not null
     * @return the JSON, never null
     */
    public static String write(AllocationRuleSet rules) {
        StringWriter out = new StringWriter();
        write(rules, out);
        return out.toString();
    }

    /** The mapper that writes a rule set; reading builds its tree from the parser's tokens ({@link #readTree}). */
    private static ObjectMapper mapper() {
        return JsonMapper.builder()
                .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
                .enable(SerializationFeature.INDENT_OUTPUT)
                .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
                .build();
    }

    private static ObjectNode tree(AllocationRuleSet rules) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode root = f.objectNode();
        ArrayNode units = root.putArray("units");
        for (AllocationUnit u : rules.units().units().values()) {
            ObjectNode n = units.addObject().put("id", u.id().value()).put("name", u.name());
            u.parent().ifPresent(p -> n.put("parent", p.value()));
        }
        ArrayNode tagKeys = root.putArray("tagKeys");
        rules.tagKeys().forEach(k -> tagKeys.add(k.value()));
        ArrayNode collection = root.putArray("collectionRules");
        for (AllocationRule r : rules.collectionRules()) {
            collection
                    .addObject()
                    .put("id", r.id().value())
                    .put("unit", r.unit().value())
                    .set("condition", condition(r.condition()));
        }
        ArrayNode sharing = root.putArray("sharingRules");
        for (SharingRule r : rules.sharingRules()) {
            ObjectNode n = sharing.addObject().put("id", r.id().value());
            ObjectNode source = n.putObject("source");
            if (r.source() instanceof SharingSource.CollectedBy c) {
                source.put("unit", c.unit().value());
            } else {
                source.set("condition", condition(((SharingSource.Matching) r.source()).condition()));
            }
            n.put("method", r.method().name());
            ArrayNode targets = n.putArray("targets");
            r.targets().forEach(t -> targets.add(t.value()));
            if (r.method() == SharingMethod.RATIO) {
                ObjectNode ratios = n.putObject("ratios");
                for (Map.Entry<UnitId, BigDecimal> e : r.percentages().entrySet()) {
                    ratios.put(e.getKey().value(), e.getValue().toPlainString());
                }
            }
            if (r.method() == SharingMethod.PROPORTIONAL) {
                n.put("fallback", r.fallback().name());
            }
        }
        return root;
    }

    private static ObjectNode condition(Condition c) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        if (c instanceof Condition.In in) {
            ObjectNode n = f.objectNode();
            n.put(
                    "dimension",
                    in.tagKey()
                            .map(k -> "tag:" + k.value())
                            .orElse(in.dimension().jsonName()));
            ArrayNode values = n.putArray(in.negated() ? "notIn" : "in");
            in.values().forEach(values::add);
            return n;
        }
        boolean and = c instanceof Condition.And;
        List<Condition> children = and ? ((Condition.And) c).conditions() : ((Condition.Or) c).conditions();
        ObjectNode n = f.objectNode();
        ArrayNode list = n.putArray(and ? "and" : "or");
        children.forEach(child -> list.add(condition(child)));
        return n;
    }

    /** The dimension names a condition may use, for messages. */
    static String dimensionNames() {
        StringBuilder s = new StringBuilder();
        for (AllocationDimension d : AllocationDimension.values()) {
            s.append(s.length() == 0 ? "" : ", ").append(d == AllocationDimension.TAG ? "tag:KEY" : d.jsonName());
        }
        return s.toString();
    }

    static TagKey tagKey(String dimension) {
        return TagKey.of(dimension.substring("tag:".length()));
    }
}
