package org.cloudbilling.core.focus.conformance;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.cloudbilling.core.focus.conformance.ModelRule.AllOf;
import org.cloudbilling.core.focus.conformance.ModelRule.AnyOf;
import org.cloudbilling.core.focus.conformance.ModelRule.DistinctCount;
import org.cloudbilling.core.focus.conformance.ModelRule.Nothing;
import org.cloudbilling.core.focus.conformance.ModelRule.Ref;
import org.cloudbilling.core.focus.conformance.ModelRule.Requirement;
import org.cloudbilling.core.focus.conformance.ModelRule.RowCheck;
import org.cloudbilling.core.focus.conformance.ModelRule.RuleTree;
import org.cloudbilling.core.focus.conformance.ModelRule.Rules;

/** Reads a conformance model (the Foundation's JSON) into rules, refusing what it cannot interpret. */
final class ModelReader {
    /** The check functions this reader knows, by their names in the model. */
    static final Set<String> FUNCTIONS = Set.of(
            "AND",
            "OR",
            "CheckModelRule",
            "ColumnPresent",
            "CheckValue",
            "CheckNotValue",
            "CheckSameValue",
            "CheckNotSameValue",
            "TypeString",
            "TypeDecimal",
            "TypeDateTime",
            "FormatString",
            "FormatNumeric",
            "FormatDateTime",
            "FormatCurrency",
            "FormatUnit",
            "FormatKeyValue",
            "CheckGreaterOrEqualThanValue",
            "ColumnByColumnEqualsColumnValue",
            "CheckDistinctCount",
            "CheckNationalCurrency",
            "CheckDecimalValue");

    private final String source;
    private String ruleId;

    private ModelReader(String source) {
        this.source = source;
    }

    /** The rules of a model, in the model's order, with its FOCUS version and declarable features. */
    record Model(String focusVersion, Map<String, ModelRule> rules, Set<String> criteria) {}

    static Model read(Reader json, String source) {
        return new ModelReader(source).read(json);
    }

    private Model read(Reader json) {
        JsonNode root;
        try (Reader r = json) {
            root = new ObjectMapper()
                    .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                    .readTree(r);
        } catch (JsonProcessingException e) {
            throw fail(
                    "$",
                    "not JSON: " + e.getOriginalMessage() + " (line "
                            + (e.getLocation() == null ? "?" : e.getLocation().getLineNr()) + ")");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (root == null || !root.isObject()) {
            throw fail("$", "the model is not a JSON object");
        }
        JsonNode rulesNode = object(root, "ModelRules", "$");
        String version = root.path("Details").path("FOCUSVersion").asText("");
        Set<String> criteria = new TreeSet<>();
        root.path("ApplicabilityCriteria").fieldNames().forEachRemaining(criteria::add);
        Map<String, ModelRule> rules = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : rulesNode.properties()) {
            ruleId = e.getKey();
            rules.put(ruleId, rule(ruleId, e.getValue(), "$.ModelRules." + ruleId));
        }
        ruleId = null;
        checkReferences(rules);
        return new Model(version, rules, criteria);
    }

    private ModelRule rule(String id, JsonNode node, String path) {
        if (!node.isObject()) {
            throw fail(path, "a rule is a JSON object");
        }
        String type = text(node, "Type", path);
        if (!type.equals("Static") && !type.equals("Dynamic")) {
            throw fail(path + ".Type", "'" + type + "' is neither Static nor Dynamic");
        }
        List<String> criteria = strings(node.path("ApplicabilityCriteria"), path + ".ApplicabilityCriteria");
        String vcPath = path + ".ValidationCriteria";
        JsonNode vc = object(node, "ValidationCriteria", path);
        String keyword = text(vc, "Keyword", vcPath);
        if (ModelRule.Keyword.of(keyword) == null) {
            throw fail(vcPath + ".Keyword", "unknown keyword '" + keyword + "'");
        }
        String text = text(vc, "MustSatisfy", vcPath);
        Requirement requirement = requirement(vc.path("Requirement"), vcPath + ".Requirement");
        Check condition = condition(vc.path("Condition"), vcPath + ".Condition");
        List<String> dependencies = strings(vc.path("Dependencies"), vcPath + ".Dependencies");
        return new ModelRule(
                id,
                node.path("Reference").asText(""),
                type.equals("Dynamic"),
                criteria,
                keyword,
                text,
                requirement,
                condition,
                dependencies);
    }

    private Requirement requirement(JsonNode node, String path) {
        if (node.isMissingNode() || node.isNull() || (node.isObject() && node.isEmpty())) {
            return new Nothing();
        }
        if (isFunction(node, "CheckDistinctCount")) {
            JsonNode count = node.path("ExpectedCount");
            if (!count.isInt()) {
                throw fail(path + ".ExpectedCount", "CheckDistinctCount needs a whole ExpectedCount");
            }
            return new DistinctCount(
                    text(node, "ColumnAName", path), text(node, "ColumnBName", path), count.intValue());
        }
        Object parsed = node(node, path, true);
        return parsed instanceof Check c ? new RowCheck(c) : new Rules((RuleTree) parsed);
    }

    private Check condition(JsonNode node, String path) {
        if (node.isMissingNode() || node.isNull() || (node.isObject() && node.isEmpty())) {
            return null;
        }
        Object parsed = node(node, path, false);
        if (!(parsed instanceof Check c)) {
            throw fail(path, "a condition cannot refer to other rules");
        }
        return c;
    }

    private static boolean isFunction(JsonNode node, String name) {
        return node.isObject() && name.equals(node.path("CheckFunction").asText(null));
    }

    /** Parses a check function: a {@link Check} over rows, or a {@link RuleTree} when it combines rules. */
    private Object node(JsonNode node, String path, boolean rulesAllowed) {
        if (!node.isObject()) {
            throw fail(path, "a check function is a JSON object");
        }
        if (!node.has("CheckFunction")) {
            // a lenient form seen in the model's conditions: {"AND": {...}} or {"AND": [...]}
            if (node.size() == 1 && (node.has("AND") || node.has("OR"))) {
                String op = node.has("AND") ? "AND" : "OR";
                JsonNode inner = node.get(op);
                List<Object> items = new ArrayList<>();
                if (inner.isArray()) {
                    for (int i = 0; i < inner.size(); i++) {
                        items.add(node(inner.get(i), path + "." + op + "[" + i + "]", rulesAllowed));
                    }
                } else {
                    items.add(node(inner, path + "." + op, rulesAllowed));
                }
                return combine(op, items, path);
            }
            throw fail(path, "no CheckFunction");
        }
        String fn = node.get("CheckFunction").asText();
        switch (fn) {
            case "AND", "OR" -> {
                JsonNode items = node.path("Items");
                if (!items.isArray() || items.isEmpty()) {
                    throw fail(path + ".Items", fn + " needs a non-empty array of Items");
                }
                List<Object> parsed = new ArrayList<>();
                for (int i = 0; i < items.size(); i++) {
                    parsed.add(node(items.get(i), path + ".Items[" + i + "]", rulesAllowed));
                }
                return combine(fn, parsed, path);
            }
            case "CheckModelRule" -> {
                if (!rulesAllowed) {
                    throw fail(path, "CheckModelRule is not allowed in a condition");
                }
                return new Ref(text(node, "ModelRuleId", path));
            }
            case "ColumnPresent" -> {
                return new Check.ColumnPresent(column(node, path));
            }
            case "CheckValue" -> {
                return new Check.CheckValue(column(node, path), value(node, path));
            }
            case "CheckNotValue" -> {
                return new Check.CheckNotValue(column(node, path), value(node, path));
            }
            case "CheckSameValue" -> {
                return new Check.CheckSameValue(text(node, "ColumnAName", path), text(node, "ColumnBName", path));
            }
            case "CheckNotSameValue" -> {
                return new Check.CheckNotSameValue(text(node, "ColumnAName", path), text(node, "ColumnBName", path));
            }
            case "TypeString" -> {
                return new Check.TypeString(column(node, path));
            }
            case "TypeDecimal" -> {
                return new Check.TypeDecimal(column(node, path));
            }
            case "TypeDateTime" -> {
                return new Check.TypeDateTime(column(node, path));
            }
            case "FormatString" -> {
                return new Check.FormatString(column(node, path));
            }
            case "FormatNumeric" -> {
                return new Check.FormatNumeric(column(node, path));
            }
            case "FormatDateTime" -> {
                return new Check.FormatDateTime(column(node, path));
            }
            case "FormatCurrency" -> {
                return new Check.FormatCurrency(column(node, path));
            }
            case "FormatUnit" -> {
                return new Check.FormatUnit(column(node, path));
            }
            case "FormatKeyValue" -> {
                return new Check.FormatKeyValue(column(node, path));
            }
            case "CheckNationalCurrency" -> {
                return new Check.CheckNationalCurrency(column(node, path));
            }
            case "CheckDecimalValue" -> {
                return new Check.CheckDecimalValue(column(node, path));
            }
            case "CheckGreaterOrEqualThanValue" -> {
                Object bound = value(node, path);
                if (!(bound instanceof BigDecimal b)) {
                    throw fail(path + ".Value", "CheckGreaterOrEqualThanValue needs a number");
                }
                return new Check.CheckGreaterOrEqualThanValue(column(node, path), b);
            }
            case "ColumnByColumnEqualsColumnValue" -> {
                return new Check.ColumnByColumnEqualsColumnValue(
                        text(node, "ColumnAName", path),
                        text(node, "ColumnBName", path),
                        text(node, "ResultColumnName", path));
            }
            case "CheckDistinctCount" ->
                throw fail(path, "CheckDistinctCount is supported only as a whole requirement");
            default ->
                throw fail(
                        path + ".CheckFunction",
                        "unknown check function '" + fn + "'; known: " + new TreeSet<>(FUNCTIONS));
        }
    }

    private Object combine(String op, List<Object> items, String path) {
        boolean checks = items.stream().allMatch(i -> i instanceof Check);
        boolean rules = items.stream().allMatch(i -> i instanceof RuleTree);
        if (checks) {
            List<Check> cs = items.stream().map(i -> (Check) i).toList();
            return op.equals("AND") ? new Check.And(cs) : new Check.Or(cs);
        }
        if (rules) {
            List<RuleTree> ts = items.stream().map(i -> (RuleTree) i).toList();
            return op.equals("AND") ? new AllOf(ts) : new AnyOf(ts);
        }
        throw fail(path, op + " mixes CheckModelRule with row checks, which this validator does not interpret");
    }

    private String column(JsonNode node, String path) {
        if (!node.has("ColumnName") && node.path("CheckCondition").isTextual()) {
            // the published 1.2 model names the column CheckCondition in two conditions (ResourceId-C-006-C,
            // ResourceType-C-005-C); read as the ColumnName it means
            return node.get("CheckCondition").asText();
        }
        return text(node, "ColumnName", path);
    }

    private Object value(JsonNode node, String path) {
        if (!node.has("Value")) {
            throw fail(path, node.path("CheckFunction").asText() + " needs a Value");
        }
        JsonNode v = node.get("Value");
        if (v.isNull()) {
            return null;
        }
        if (v.isNumber()) {
            return v.decimalValue();
        }
        if (v.isTextual()) {
            return v.asText();
        }
        throw fail(path + ".Value", "a Value is null, a number or a string");
    }

    private String text(JsonNode node, String field, String path) {
        JsonNode v = node.path(field);
        if (!v.isTextual()) {
            throw fail(path + "." + field, field + " is missing or not a string");
        }
        return v.asText();
    }

    private JsonNode object(JsonNode node, String field, String path) {
        JsonNode v = node.path(field);
        if (!v.isObject()) {
            throw fail(path + "." + field, field + " is missing or not an object");
        }
        return v;
    }

    private List<String> strings(JsonNode node, String path) {
        if (node.isMissingNode() || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            throw fail(path, "an array of strings is expected");
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            if (!node.get(i).isTextual()) {
                throw fail(path + "[" + i + "]", "a string is expected");
            }
            out.add(node.get(i).asText());
        }
        return List.copyOf(out);
    }

    /** Every CheckModelRule and dependency names a rule of the model; rules do not contain themselves. */
    private void checkReferences(Map<String, ModelRule> rules) {
        for (ModelRule r : rules.values()) {
            String base = "$.ModelRules." + r.id() + ".ValidationCriteria";
            for (int i = 0; i < r.dependencies().size(); i++) {
                String d = r.dependencies().get(i);
                if (!rules.containsKey(d)) {
                    ruleId = r.id();
                    throw fail(
                            base + ".Dependencies[" + i + "]", "references the rule " + d + ", which the model lacks");
                }
            }
            if (r.requirement() instanceof Rules rs) {
                for (String ref : refs(rs.tree(), new ArrayList<>())) {
                    if (!rules.containsKey(ref)) {
                        ruleId = r.id();
                        throw fail(
                                base + ".Requirement",
                                "CheckModelRule references the rule " + ref + ", which the model lacks");
                    }
                }
            }
        }
        Map<String, Integer> state = new HashMap<>();
        for (ModelRule r : rules.values()) {
            cycle(r.id(), rules, state);
        }
    }

    private void cycle(String id, Map<String, ModelRule> rules, Map<String, Integer> state) {
        Integer s = state.get(id);
        if (s != null) {
            if (s == 1) {
                ruleId = id;
                throw fail("$.ModelRules." + id + ".ValidationCriteria.Requirement", "the rule contains itself");
            }
            return;
        }
        state.put(id, 1);
        if (rules.get(id).requirement() instanceof Rules rs) {
            for (String ref : refs(rs.tree(), new ArrayList<>())) {
                cycle(ref, rules, state);
            }
        }
        state.put(id, 2);
    }

    static List<String> refs(RuleTree tree, List<String> into) {
        if (tree instanceof Ref r) {
            into.add(r.ruleId());
        } else if (tree instanceof AllOf a) {
            a.items().forEach(t -> refs(t, into));
        } else {
            ((AnyOf) tree).items().forEach(t -> refs(t, into));
        }
        return into;
    }

    private ConformanceModelException fail(String path, String reason) {
        return new ConformanceModelException(source, ruleId, path, reason);
    }
}
