package org.cloudbilling.core.io;

import com.google.common.collect.ImmutableList;
import java.util.List;

/**
 * What a whole input gave: the values read and the problems of the rows that could not be read.
 *
 * @param <T> the type of the values
 */
public final class ReadResult<T> {
    private final ImmutableList<T> values;
    private final ImmutableList<InputProblem> problems;

    ReadResult(List<T> values, List<InputProblem> problems) {
        this.values = ImmutableList.copyOf(values);
        this.problems = ImmutableList.copyOf(problems);
    }

    /**
     * Returns a result of {@code values} and {@code problems}, for readers of other formats.
     *
     * @param values the values read, not null
     * @param problems the problems of the rows that could not be read, not null
     * @param <T> the type of the values
     * @return the result, never null
     */
    public static <T> ReadResult<T> of(List<T> values, List<InputProblem> problems) {
        return new ReadResult<>(values, problems);
    }

    /** Returns the values read, in input order, never null. */
    public ImmutableList<T> values() {
        return values;
    }

    /** Returns the problems of the rows that could not be read, in input order, never null. */
    public ImmutableList<InputProblem> problems() {
        return problems;
    }

    /** Returns whether every row was read. */
    public boolean isComplete() {
        return problems.isEmpty();
    }

    /**
     * Returns the values when every row was read.
     *
     * @return the values, never null
     * @throws BillingInputException naming every problem otherwise
     */
    public ImmutableList<T> valuesOrThrow() {
        if (!problems.isEmpty()) {
            throw new BillingInputException(problems);
        }
        return values;
    }
}
