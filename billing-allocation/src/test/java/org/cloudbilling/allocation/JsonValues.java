package org.cloudbilling.allocation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Every value of a JSON document with its JSON path, and a way to replace it, for the bad-input tests that give a
 * reader the document with one value of another type.
 */
public final class JsonValues {
    private JsonValues() {}

    /** A way to replace one value of the document: returns the changed copy, or null for a value of the same type. */
    @FunctionalInterface
    public interface Replacement {
        /**
         * Returns a copy of the document with the value replaced by {@code value}, or null when it is of the same type.
         */
        JsonNode apply(JsonNode value);
    }

    /** Calls {@code action} for the root (at {@code rootPath}) and every value under it, with its JSON path. */
    public static void forEachValue(JsonNode root, String rootPath, BiConsumer<String, Replacement> action) {
        action.accept(rootPath, other -> other.getNodeType() == root.getNodeType() ? null : other);
        walk(root, root, rootPath, new ArrayList<>(), action);
    }

    private static void walk(
            JsonNode root, JsonNode node, String path, List<Object> steps, BiConsumer<String, Replacement> action) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                List<Object> next = new ArrayList<>(steps);
                next.add(e.getKey());
                visit(root, e.getValue(), path + "." + e.getKey(), next, action);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                List<Object> next = new ArrayList<>(steps);
                next.add(i);
                visit(root, node.get(i), path + "[" + i + "]", next, action);
            }
        }
    }

    private static void visit(
            JsonNode root, JsonNode value, String path, List<Object> steps, BiConsumer<String, Replacement> action) {
        action.accept(path, other -> {
            if (other.getNodeType() == value.getNodeType()) {
                return null;
            }
            JsonNode copy = root.deepCopy();
            JsonNode parent = copy;
            for (int i = 0; i < steps.size() - 1; i++) {
                Object s = steps.get(i);
                parent = s instanceof Integer n ? parent.get(n) : parent.get((String) s);
            }
            Object last = steps.get(steps.size() - 1);
            if (last instanceof Integer n) {
                ((ArrayNode) parent).set(n, other);
            } else {
                ((ObjectNode) parent).set((String) last, other);
            }
            return copy;
        });
        walk(root, value, path, steps, action);
    }
}
