package org.cloudbilling.allocation;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.cloudbilling.core.id.TagKey;

/**
 * A condition on a line item (ALLOC-2): a dimension's value {@code in} or {@code not in} a list, and
 * conditions joined by {@code and} / {@code or}, nested to any depth.
 *
 * <pre>{@code
 * Condition c = Condition.and(
 *         Condition.in(AllocationDimension.BUSINESS_CODE, "p_cvm", "p_cbs"),
 *         Condition.or(
 *                 Condition.tagIn(TagKey.of("team"), "web"),
 *                 Condition.notIn(AllocationDimension.PROJECT_ID, "0")));
 * }</pre>
 *
 * <p>An item without a value for the dimension (no project, no such tag) is {@code not in} every list and
 * {@code in} none.
 */
public sealed interface Condition permits Condition.In, Condition.And, Condition.Or {

    /**
     * The value of a dimension (or of a tag key) is, or is not, one of {@code values}.
     *
     * @param dimension the dimension
     * @param tagKey the tag key, present exactly when the dimension is {@link AllocationDimension#TAG}
     * @param values the values, not empty
     * @param negated true for {@code not in}
     */
    record In(AllocationDimension dimension, Optional<TagKey> tagKey, ImmutableSet<String> values, boolean negated)
            implements Condition {
        /** Checks the components. */
        public In {
            requireNonNull(dimension, "dimension");
            requireNonNull(tagKey, "tagKey");
            requireNonNull(values, "values");
            checkArgument(
                    tagKey.isPresent() == (dimension == AllocationDimension.TAG),
                    "a tag key goes with the tag dimension and only with it");
            checkArgument(!values.isEmpty(), "the value list of %s is empty", dimension.jsonName());
        }
    }

    /**
     * Every one of {@code conditions} holds.
     *
     * @param conditions at least one
     */
    record And(ImmutableList<Condition> conditions) implements Condition {
        /** Checks the components. */
        public And {
            checkArgument(!conditions.isEmpty(), "'and' needs at least one condition");
        }
    }

    /**
     * At least one of {@code conditions} holds.
     *
     * @param conditions at least one
     */
    record Or(ImmutableList<Condition> conditions) implements Condition {
        /** Checks the components. */
        public Or {
            checkArgument(!conditions.isEmpty(), "'or' needs at least one condition");
        }
    }

    /** The dimension's value is one of {@code values}. */
    static Condition in(AllocationDimension dimension, String... values) {
        return new In(dimension, Optional.empty(), ImmutableSet.copyOf(values), false);
    }

    /** The dimension's value is none of {@code values}, or absent. */
    static Condition notIn(AllocationDimension dimension, String... values) {
        return new In(dimension, Optional.empty(), ImmutableSet.copyOf(values), true);
    }

    /** The value of tag {@code key} is one of {@code values}. */
    static Condition tagIn(TagKey key, String... values) {
        return new In(AllocationDimension.TAG, Optional.of(key), ImmutableSet.copyOf(values), false);
    }

    /** The value of tag {@code key} is none of {@code values}, or the tag is absent. */
    static Condition tagNotIn(TagKey key, String... values) {
        return new In(AllocationDimension.TAG, Optional.of(key), ImmutableSet.copyOf(values), true);
    }

    /** Every one of {@code conditions} holds. */
    static Condition and(Condition... conditions) {
        return new And(ImmutableList.copyOf(conditions));
    }

    /** At least one of {@code conditions} holds. */
    static Condition or(Condition... conditions) {
        return new Or(ImmutableList.copyOf(conditions));
    }

    /** Every one of {@code conditions} holds. */
    static Condition and(List<Condition> conditions) {
        return new And(ImmutableList.copyOf(conditions));
    }

    /** At least one of {@code conditions} holds. */
    static Condition or(List<Condition> conditions) {
        return new Or(ImmutableList.copyOf(conditions));
    }

    /** Returns the tag keys this condition tests, for the check of active tag keys (ALLOC-9). */
    default ImmutableSet<TagKey> tagKeys() {
        if (this instanceof In in) {
            return in.tagKey().map(ImmutableSet::of).orElse(ImmutableSet.of());
        }
        List<Condition> children = this instanceof And a ? a.conditions() : ((Or) this).conditions();
        ImmutableSet.Builder<TagKey> keys = ImmutableSet.builder();
        children.forEach(c -> keys.addAll(c.tagKeys()));
        return keys.build();
    }

    /** Returns a short readable form, such as {@code businessCode in [p_cvm] and tag:team not in [web]}. */
    default String describe() {
        if (this instanceof In in) {
            String field = in.tagKey()
                    .map(k -> "tag:" + k.value())
                    .orElse(in.dimension().jsonName());
            return field
                    + (in.negated() ? " not in " : " in ")
                    + Arrays.toString(in.values().toArray());
        }
        boolean and = this instanceof And;
        List<Condition> children = and ? ((And) this).conditions() : ((Or) this).conditions();
        StringBuilder s = new StringBuilder("(");
        for (int i = 0; i < children.size(); i++) {
            s.append(i == 0 ? "" : and ? " and " : " or ")
                    .append(children.get(i).describe());
        }
        return s.append(')').toString();
    }
}
