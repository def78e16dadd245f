package org.cloudbilling.allocation.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.cloudbilling.allocation.AllocationDimension;
import org.cloudbilling.allocation.AllocationRule;
import org.cloudbilling.allocation.AllocationRuleSet;
import org.cloudbilling.allocation.AllocationUnit;
import org.cloudbilling.allocation.Condition;
import org.cloudbilling.allocation.RuleId;
import org.cloudbilling.allocation.RuleSetException;
import org.cloudbilling.allocation.RuleSetProblem;
import org.cloudbilling.allocation.SharingMethod;
import org.cloudbilling.allocation.SharingRule;
import org.cloudbilling.allocation.SharingSource;
import org.cloudbilling.allocation.UnitId;
import org.cloudbilling.allocation.ZeroBaseFallback;
import org.cloudbilling.core.bill.ActionType;
import org.cloudbilling.core.bill.PayMode;
import org.cloudbilling.core.focus.FocusLineItems;
import org.cloudbilling.core.id.TagKey;

/**
 * Walks a JSON tree into a rule set, collecting every problem of form with its path; then lets
 * {@link AllocationRuleSet#of} find the problems of meaning. One reader reads one document.
 */
final class RuleSetReader {
    /** A percentage written as a string: plain digits, an optional fraction, no sign or exponent. */
    private static final Pattern PERCENTAGE = Pattern.compile("[0-9]{1,3}(\\.[0-9]{1,18})?");

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final int MAX_PERCENTAGE_SCALE = 18;

    private final String source;
    private final List<RuleSetProblem> problems = new ArrayList<>();

    RuleSetReader(String source) {
        this.source = source;
    }

    AllocationRuleSet ruleSet(JsonNode root) {
        Obj doc = object(root, "$");
        if (doc == null) {
            throw new RuleSetException(source, problems);
        }
        doc.allowOnly("units", "tagKeys", "collectionRules", "sharingRules");
        List<AllocationUnit> units = new ArrayList<>();
        doc.array("units", true).forEach((n, path) -> unit(n, path, units));
        Set<TagKey> tagKeys = new LinkedHashSet<>();
        doc.array("tagKeys", false).forEach((n, path) -> {
            String key = text(n, path);
            TagKey tagKey = key == null ? null : identifier(key, path, TagKey::of);
            if (tagKey != null && !tagKeys.add(tagKey)) {
                problem(path, "tag key '" + key + "' is listed twice");
            }
        });
        List<AllocationRule> collection = new ArrayList<>();
        doc.array("collectionRules", false).forEach((n, path) -> collectionRule(n, path, collection));
        List<SharingRule> sharing = new ArrayList<>();
        doc.array("sharingRules", false).forEach((n, path) -> sharingRule(n, path, sharing));
        if (!problems.isEmpty()) {
            throw new RuleSetException(source, problems);
        }
        try {
            return AllocationRuleSet.of(units, collection, sharing, tagKeys);
        } catch (RuleSetException e) {
            throw new RuleSetException(source, e.problems());
        }
    }

    private void unit(JsonNode node, String path, List<AllocationUnit> units) {
        Obj o = object(node, path);
        if (o == null) {
            return;
        }
        o.allowOnly("id", "name", "parent");
        UnitId id = o.id("id", true, UnitId::of);
        String name = o.text("name", false);
        UnitId parent = o.id("parent", false, UnitId::of);
        if (id != null) {
            units.add(new AllocationUnit(id, name == null ? id.value() : name, Optional.ofNullable(parent)));
        }
    }

    private void collectionRule(JsonNode node, String path, List<AllocationRule> out) {
        Obj o = object(node, path);
        if (o == null) {
            return;
        }
        o.allowOnly("id", "unit", "condition");
        RuleId id = o.id("id", true, RuleId::of);
        UnitId unit = o.id("unit", true, UnitId::of);
        Condition condition = o.required("condition") ? condition(o.get("condition"), path + ".condition") : null;
        if (id != null && unit != null && condition != null) {
            out.add(new AllocationRule(id, unit, condition));
        }
    }

    private void sharingRule(JsonNode node, String path, List<SharingRule> out) {
        Obj o = object(node, path);
        if (o == null) {
            return;
        }
        o.allowOnly("id", "source", "method", "targets", "ratios", "fallback");
        RuleId id = o.id("id", true, RuleId::of);
        SharingSource source = o.required("source") ? sharingSource(o.get("source"), path + ".source") : null;
        SharingMethod method = o.constant("method", true, SharingMethod.class);
        ZeroBaseFallback fallback = o.constant("fallback", false, ZeroBaseFallback.class);
        if (fallback != null && method != null && method != SharingMethod.PROPORTIONAL) {
            problem(path + ".fallback", "a fallback is only for the PROPORTIONAL method, not " + method);
        }
        Map<UnitId, BigDecimal> ratios = new LinkedHashMap<>();
        if (o.has("ratios")) {
            if (method != null && method != SharingMethod.RATIO) {
                problem(path + ".ratios", "ratios are only for the RATIO method, not " + method);
            }
            ratios(o.get("ratios"), path + ".ratios", ratios);
        } else if (method == SharingMethod.RATIO) {
            problem(path + ".ratios", "the RATIO method needs ratios");
        }
        List<UnitId> targets = new ArrayList<>();
        if (o.has("targets")) {
            o.array("targets", true).forEach((n, p) -> {
                String t = text(n, p);
                if (t != null) {
                    targets.add(identifier(t, p, UnitId::of));
                }
            });
        } else if (method == SharingMethod.RATIO) {
            targets.addAll(ratios.keySet());
        } else {
            o.required("targets");
        }
        if (id == null || source == null || method == null || targets.contains(null)) {
            return;
        }
        out.add(new SharingRule(
                id,
                source,
                method,
                ImmutableList.copyOf(targets),
                ImmutableMap.copyOf(ratios),
                fallback == null ? ZeroBaseFallback.EVEN : fallback));
    }

    private SharingSource sharingSource(JsonNode node, String path) {
        Obj o = object(node, path);
        if (o == null) {
            return null;
        }
        o.allowOnly("condition", "unit");
        if (o.has("condition") == o.has("unit")) {
            problem(path, "a source has exactly one of 'condition' (costs matching it) and 'unit' (costs reaching it)");
            return null;
        }
        if (o.has("unit")) {
            UnitId unit = o.id("unit", true, UnitId::of);
            return unit == null ? null : new SharingSource.CollectedBy(unit);
        }
        Condition c = condition(o.get("condition"), path + ".condition");
        return c == null ? null : new SharingSource.Matching(c);
    }

    private void ratios(JsonNode node, String path, Map<UnitId, BigDecimal> out) {
        Obj o = object(node, path);
        if (o == null) {
            return;
        }
        for (Map.Entry<String, JsonNode> e : o.node.properties()) {
            String p = path + "." + e.getKey();
            UnitId unit = identifier(e.getKey(), p, UnitId::of);
            BigDecimal percentage = percentage(e.getValue(), p);
            if (unit != null && percentage != null) {
                out.put(unit, percentage);
            }
        }
        if (o.node.size() == 0) {
            problem(path, "ratios are empty: a RATIO split needs a percentage per target");
        }
    }

    private BigDecimal percentage(JsonNode node, String path) {
        BigDecimal p;
        if (node.isTextual()) {
            if (!PERCENTAGE.matcher(node.textValue()).matches()) {
                problem(
                        path,
                        "'" + shorten(node.textValue()) + "' is not a percentage: write digits such as \"33.5\", from 0"
                                + " to 100 with at most " + MAX_PERCENTAGE_SCALE + " decimals");
                return null;
            }
            p = new BigDecimal(node.textValue());
        } else if (node.isNumber()) { // integral or BigDecimal: RuleSetJson reads floats as BigDecimal, exactly
            p = node.decimalValue();
        } else {
            problem(path, "expected a percentage as a string or a number, found " + kind(node));
            return null;
        }
        if (p.signum() < 0 || p.compareTo(HUNDRED) > 0) {
            problem(path, "percentage " + p + " is not between 0 and 100");
            return null;
        }
        if (p.scale() > MAX_PERCENTAGE_SCALE) {
            problem(path, "percentage " + p + " has more than " + MAX_PERCENTAGE_SCALE + " decimals");
            return null;
        }
        return p;
    }

    private Condition condition(JsonNode node, String path) {
        Obj o = object(node, path);
        if (o == null) {
            return null;
        }
        if (o.has("and") || o.has("or")) {
            String connector = o.has("and") ? "and" : "or";
            o.allowOnly(connector);
            List<Condition> children = new ArrayList<>();
            boolean complete = true;
            Arr list = o.array(connector, true);
            if (list.size() == 0 && list.present()) {
                problem(path + "." + connector, "'" + connector + "' needs at least one condition");
                return null;
            }
            for (int i = 0; i < list.size(); i++) {
                Condition c = condition(list.get(i), path + "." + connector + "[" + i + "]");
                complete &= c != null;
                children.add(c);
            }
            if (!complete || children.isEmpty()) {
                return null;
            }
            return connector.equals("and") ? Condition.and(children) : Condition.or(children);
        }
        o.allowOnly("dimension", "in", "notIn");
        String dimension = o.text("dimension", true);
        if (o.has("in") == o.has("notIn")) {
            problem(path, "a condition has exactly one of 'in' and 'notIn', or is an 'and' or an 'or'");
            return null;
        }
        String operator = o.has("in") ? "in" : "notIn";
        Map<String, String> values = new LinkedHashMap<>(); // value -> the path of its first occurrence
        Arr list = o.array(operator, true);
        for (int i = 0; i < list.size(); i++) {
            String p = list.path + "[" + i + "]";
            String v = text(list.get(i), p);
            if (v != null) {
                values.putIfAbsent(v, p);
            }
        }
        if (list.present() && list.size() == 0) {
            problem(list.path, "the value list is empty");
        }
        if (dimension == null) {
            return null;
        }
        Optional<TagKey> tagKey = Optional.empty();
        AllocationDimension d;
        if (dimension.startsWith("tag:")) {
            if (dimension.length() == "tag:".length()) {
                problem(path + ".dimension", "a tag dimension names its key, such as tag:team");
                return null;
            }
            d = AllocationDimension.TAG;
            tagKey = Optional.of(RuleSetJson.tagKey(dimension));
        } else {
            Optional<AllocationDimension> known = AllocationDimension.fromJsonName(dimension);
            if (known.isEmpty() || known.get() == AllocationDimension.TAG) {
                problem(
                        path + ".dimension",
                        "unknown dimension '" + shorten(dimension) + "'; "
                                + dimensionSuggestion(dimension)
                                        .map(n -> "did you mean '" + n + "'? ")
                                        .orElse("")
                                + "expected one of " + RuleSetJson.dimensionNames());
                return null;
            }
            d = known.get();
        }
        if (values.isEmpty()) { // the list is missing, empty or without a string: each is reported above
            return null;
        }
        if (!enumeratedValuesKnown(d, values)) {
            return null;
        }
        return new Condition.In(d, tagKey, ImmutableSet.copyOf(values.keySet()), operator.equals("notIn"));
    }

    /**
     * Checks the values of an enumerated dimension (actionType, payMode): a value no item can have would match
     * nothing, silently, so each one is a problem at its path, listing the accepted values.
     */
    private boolean enumeratedValuesKnown(AllocationDimension d, Map<String, String> values) {
        Class<? extends Enum<?>> type;
        if (d == AllocationDimension.ACTION_TYPE) {
            type = ActionType.class;
        } else if (d == AllocationDimension.PAY_MODE) {
            type = PayMode.class;
        } else {
            return true;
        }
        List<String> accepted =
                Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
        boolean known = true;
        for (Map.Entry<String, String> e : values.entrySet()) {
            String v = e.getKey();
            if (accepted.contains(v)) {
                continue;
            }
            known = false;
            Optional<String> near = DidYouMean.suggest(v, accepted);
            String hint = near.map(n -> "did you mean '" + n + "'? ").orElse("");
            if (near.isEmpty() && d == AllocationDimension.ACTION_TYPE) {
                hint = focusCategoryHint(v);
            }
            problem(
                    e.getValue(),
                    "unknown " + d.jsonName() + " '" + shorten(v) + "'; " + hint + "expected one of "
                            + String.join(", ", accepted));
        }
        return known;
    }

    /** For a FOCUS ChargeCategory given as an action type: the action types in that category. */
    private static String focusCategoryHint(String value) {
        List<String> inCategory = new ArrayList<>();
        for (ActionType t : ActionType.values()) {
            for (PayMode m : PayMode.values()) {
                if (FocusLineItems.chargeCategory(t, m).equals(value) && !inCategory.contains(t.name())) {
                    inCategory.add(t.name());
                }
            }
        }
        return inCategory.isEmpty()
                ? ""
                : "'" + value + "' is a FOCUS ChargeCategory, whose action types are " + String.join(", ", inCategory)
                        + "; ";
    }

    /** The dimension name a misspelt one most likely means; {@code tag:KEY} for a near miss of the prefix. */
    private static Optional<String> dimensionSuggestion(String name) {
        int colon = name.indexOf(':');
        if (colon > 0 && DidYouMean.distance(name.substring(0, colon).toLowerCase(Locale.ROOT), "tag", 2) <= 1) {
            return Optional.of("tag:" + shorten(name.substring(colon + 1)));
        }
        List<String> names = new ArrayList<>();
        for (AllocationDimension d : AllocationDimension.values()) {
            if (d != AllocationDimension.TAG) {
                names.add(d.jsonName());
            }
        }
        return DidYouMean.suggest(name, names);
    }

    // ---- small helpers over the tree, each recording a problem with its path ----

    private void problem(String path, String message) {
        problems.add(new RuleSetProblem(path, message));
    }

    private Obj object(JsonNode node, String path) {
        if (node == null || !node.isObject()) {
            problem(path, "expected an object, found " + kind(node));
            return null;
        }
        return new Obj(node, path);
    }

    private String text(JsonNode node, String path) {
        if (node == null || !node.isTextual()) {
            problem(path, "expected a string, found " + kind(node));
            return null;
        }
        return node.textValue();
    }

    private <T> T identifier(String value, String path, Function<String, T> factory) {
        if (value.isEmpty()) {
            problem(path, "is empty");
            return null;
        }
        return factory.apply(value);
    }

    private static String kind(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "nothing";
        }
        return switch (node.getNodeType()) {
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case NULL -> "null";
            default -> node.getNodeType().toString().toLowerCase(Locale.ROOT);
        };
    }

    private static String shorten(String s) {
        return s.length() <= 60 ? s : s.substring(0, 60) + "...";
    }

    /** A JSON object at a path. */
    private final class Obj {
        final JsonNode node;
        final String path;

        Obj(JsonNode node, String path) {
            this.node = node;
            this.path = path;
        }

        void allowOnly(String... fields) {
            Set<String> allowed = Set.of(fields);
            Iterator<String> names = node.fieldNames();
            while (names.hasNext()) {
                String name = names.next();
                if (!allowed.contains(name)) {
                    problem(path + "." + shorten(name), "unknown field; expected one of " + String.join(", ", fields));
                }
            }
        }

        boolean has(String field) {
            return node.has(field);
        }

        JsonNode get(String field) {
            return node.get(field);
        }

        boolean required(String field) {
            if (!node.has(field)) {
                problem(path + "." + field, "is missing");
                return false;
            }
            return true;
        }

        String text(String field, boolean required) {
            if (!node.has(field)) {
                if (required) {
                    problem(path + "." + field, "is missing");
                }
                return null;
            }
            if (!required && node.get(field).isNull()) {
                return null;
            }
            return RuleSetReader.this.text(node.get(field), path + "." + field);
        }

        <T> T id(String field, boolean required, Function<String, T> factory) {
            String value = text(field, required);
            return value == null ? null : identifier(value, path + "." + field, factory);
        }

        <E extends Enum<E>> E constant(String field, boolean required, Class<E> type) {
            String value = text(field, required);
            if (value == null) {
                return null;
            }
            for (E e : type.getEnumConstants()) {
                if (e.name().equals(value)) {
                    return e;
                }
            }
            List<String> accepted =
                    Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
            problem(
                    path + "." + field,
                    "unknown value '" + shorten(value) + "'; "
                            + DidYouMean.suggest(value, accepted)
                                    .map(n -> "did you mean '" + n + "'? ")
                                    .orElse("")
                            + "expected one of " + Arrays.toString(type.getEnumConstants()));
            return null;
        }

        Arr array(String field, boolean required) {
            String p = path + "." + field;
            if (!node.has(field)) {
                if (required) {
                    problem(p, "is missing");
                }
                return new Arr(null, p);
            }
            JsonNode a = node.get(field);
            if (!a.isArray()) {
                problem(p, "expected an array, found " + kind(a));
                return new Arr(null, p);
            }
            return new Arr(a, p);
        }
    }

    /** A JSON array at a path, or nothing when it was absent or not an array. */
    private static final class Arr {
        final JsonNode node;
        final String path;

        Arr(JsonNode node, String path) {
            this.node = node;
            this.path = path;
        }

        boolean present() {
            return node != null;
        }

        int size() {
            return node == null ? 0 : node.size();
        }

        JsonNode get(int i) {
            return node.get(i);
        }

        void forEach(BiConsumer<JsonNode, String> action) {
            for (int i = 0; i < size(); i++) {
                action.accept(node.get(i), path + "[" + i + "]");
            }
        }
    }
}
