package org.cloudbilling.allocation;

import java.util.HashSet;
import java.util.Set;
import org.cloudbilling.core.id.TagKey;

/** A condition ready to test items; built once per rule set. */
abstract class CompiledCondition {
    abstract boolean test(ItemView item);

    /**
     * Compiles {@code c}; {@code keyTags} are the allocator's key tags, in order, so that a tag is read from a view by
     * its place among them ({@link ItemView#tag}).
     */
    static CompiledCondition of(Condition c, TagKey[] keyTags) {
        if (c instanceof Condition.In in) {
            return in.tagKey().isPresent()
                    ? new TagIn(
                            in.tagKey().get(), slotOf(in.tagKey().get(), keyTags), lookup(in.values()), in.negated())
                    : new ValueIn(in.dimension(), lookup(in.values()), in.negated());
        }
        boolean and = c instanceof Condition.And;
        java.util.List<Condition> parts = and ? ((Condition.And) c).conditions() : ((Condition.Or) c).conditions();
        CompiledCondition[] compiled = new CompiledCondition[parts.size()];
        for (int i = 0; i < compiled.length; i++) {
            compiled[i] = of(parts.get(i), keyTags);
        }
        return and ? new All(compiled) : new Any(compiled);
    }

    /** The place of {@code key} among {@code keyTags}, or -1 when it is not there. */
    static int slotOf(TagKey key, TagKey[] keyTags) {
        for (int t = 0; t < keyTags.length; t++) {
            if (keyTags[t].equals(key)) {
                return t;
            }
        }
        return -1;
    }

    /**
     * A set to test values against: a {@link HashSet}, never modified after construction, whose stored hashes
     * spare comparing most strings.
     */
    private static Set<String> lookup(Set<String> values) {
        return new HashSet<>(values);
    }

    private static final class ValueIn extends CompiledCondition {
        private final AllocationDimension dimension;
        private final Set<String> values;
        private final boolean negated;

        ValueIn(AllocationDimension dimension, Set<String> values, boolean negated) {
            this.dimension = dimension;
            this.values = values;
            this.negated = negated;
        }

        @Override
        boolean test(ItemView item) {
            String v = item.value(dimension);
            return (v != null && values.contains(v)) != negated;
        }
    }

    private static final class TagIn extends CompiledCondition {
        private final TagKey key;
        /** The place of {@link #key} among the allocator's key tags, or -1. */
        private final int slot;

        private final Set<String> values;
        private final boolean negated;

        TagIn(TagKey key, int slot, Set<String> values, boolean negated) {
            this.key = key;
            this.slot = slot;
            this.values = values;
            this.negated = negated;
        }

        @Override
        boolean test(ItemView item) {
            String v = item.tag(slot, key);
            return (v != null && values.contains(v)) != negated;
        }
    }

    private static final class All extends CompiledCondition {
        private final CompiledCondition[] parts;

        All(CompiledCondition[] parts) {
            this.parts = parts;
        }

        @Override
        boolean test(ItemView item) {
            for (CompiledCondition p : parts) {
                if (!p.test(item)) {
                    return false;
                }
            }
            return true;
        }
    }

    private static final class Any extends CompiledCondition {
        private final CompiledCondition[] parts;

        Any(CompiledCondition[] parts) {
            this.parts = parts;
        }

        @Override
        boolean test(ItemView item) {
            for (CompiledCondition p : parts) {
                if (p.test(item)) {
                    return true;
                }
            }
            return false;
        }
    }
}
