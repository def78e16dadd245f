package org.cloudbilling.examples.spark;

import java.io.Serializable;

/**
 * How to build a value that cannot travel itself, such as a rule set or a grouping: Spark ships the recipe to
 * each task, and the task makes the value once per partition.
 *
 * <pre>{@code
 * Recipe<Grouping> byProduct = () -> Grouping.by(Dimension.PAYER, Dimension.BUSINESS);
 * }</pre>
 *
 * <p>A recipe must be serializable: a lambda or method reference whose captured values are serializable
 * (strings, numbers), not one that captures the value it builds.
 *
 * @param <T> the value built
 */
@FunctionalInterface
public interface Recipe<T> extends Serializable {
    /** Builds the value, never null. */
    T make();
}
