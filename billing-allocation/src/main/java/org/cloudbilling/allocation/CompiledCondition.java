package org.cloudbilling.allocation;

import java.util.HashSet;
import java.util.Set;
import org.cloudbilling.core.id.TagKey;

/** A condition ready to test items; built once per rule set. */
abstract class CompiledCondition {
    abstract boolean test(ItemView item);

    static CompiledCondition of(Condition c) {
        if (c instanceof Condition.In in) {
            return in.tagKey().isPresent()
                    ? new TagIn(in.tagKey().get(), lookup(in.values()), in.negated())
                    : new ValueIn(in.dimension(), lookup(in.values()), in.negated());
        }
        boolean and = c instanceof Condition.And;
        java.util.List<Condition> parts = and ? ((Condition.And) c).conditions() : ((Condition.Or) c).conditions();
        CompiledCondition[] compiled = new CompiledCondition[parts.size()];
        for (int i = 0; i < compiled.length; i++) {
            compiled[i] = of(parts.get(i));
        }
        return and ? new All(compiled) : new Any(compiled);
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
        private final Set<String> values;
        private final boolean negated;

        TagIn(TagKey key, Set<String> values, boolean negated) {
            this.key = key;
            this.values = values;
            this.negated = negated;
        }

        @Override
        boolean test(ItemView item) {
            String v = item.tags.get(key);
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
