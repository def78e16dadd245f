package org.cloudbilling.core.focus;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableMap;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One row of a FOCUS 1.0 dataset, every column kept: text exactly, decimals with every digit, instants,
 * tags as given (keys and values exactly, in order), nulls as absent values, and any other columns (an
 * {@code Id}, {@code x_} custom columns) as text.
 *
 * <pre>{@code
 * FocusRow row = FocusRow.builder()
 *         .set(FocusColumn.BILLED_COST, new BigDecimal("0.00000080000"))
 *         .set(FocusColumn.SERVICE_NAME, "Amazon Simple Queue Service")
 *         .extra("x_AllocationUnit", "web")
 *         .build();
 * }</pre>
 *
 * <p>Immutable.
 */
public final class FocusRow {
    /** An unmodifiable copy of the builder's EnumMap: copied as one array, no entry objects per row. */
    private final Map<FocusColumn, Object> values;

    private final ImmutableMap<String, String> tags;
    private final ImmutableMap<String, String> extra;

    private FocusRow(Map<FocusColumn, Object> values, Map<String, String> tags, Map<String, String> extra) {
        this.values = Collections.unmodifiableMap(new EnumMap<>(values));
        this.tags = tags == null ? null : ImmutableMap.copyOf(tags);
        this.extra = ImmutableMap.copyOf(extra);
    }

    /** Returns a builder of rows. */
    public static Builder builder() {
        return new Builder();
    }

    /** Returns a builder holding this row's values. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.values.putAll(values);
        b.tags = tags == null ? null : new LinkedHashMap<>(tags);
        b.extra.putAll(extra);
        return b;
    }

    /** Returns whether {@code column} is null in this row. */
    public boolean isNull(FocusColumn column) {
        return column == FocusColumn.TAGS ? tags == null : !values.containsKey(column);
    }

    /**
     * Returns a text column's value.
     *
     * @throws IllegalArgumentException if the column is not of type {@code STRING}
     */
    public Optional<String> text(FocusColumn column) {
        checkType(column, FocusColumn.Type.STRING);
        return Optional.ofNullable((String) values.get(column));
    }

    /**
     * Returns a decimal column's value, with every digit it was given.
     *
     * @throws IllegalArgumentException if the column is not of type {@code DECIMAL}
     */
    public Optional<BigDecimal> decimal(FocusColumn column) {
        checkType(column, FocusColumn.Type.DECIMAL);
        return Optional.ofNullable((BigDecimal) values.get(column));
    }

    /**
     * Returns a date-time column's value.
     *
     * @throws IllegalArgumentException if the column is not of type {@code DATETIME}
     */
    public Optional<Instant> instant(FocusColumn column) {
        checkType(column, FocusColumn.Type.DATETIME);
        return Optional.ofNullable((Instant) values.get(column));
    }

    /** Returns the tags in the order given; empty when the Tags column is null. */
    public Optional<ImmutableMap<String, String>> tags() {
        return Optional.ofNullable(tags);
    }

    /** Returns the value of the column {@code header} that is not a FOCUS 1.0 column, such as an {@code x_} one. */
    public Optional<String> extra(String header) {
        return Optional.ofNullable(extra.get(header));
    }

    /** Returns the columns that are not FOCUS 1.0 columns, by header, in the order read. */
    public ImmutableMap<String, String> extra() {
        return extra;
    }

    private static void checkType(FocusColumn column, FocusColumn.Type type) {
        checkArgument(column.type() == type, "column %s is of type %s, not %s", column.header(), column.type(), type);
    }

    @Override
    public boolean equals(Object obj) {
        if (!(obj instanceof FocusRow)) {
            return false;
        }
        FocusRow o = (FocusRow) obj;
        return values.equals(o.values) && java.util.Objects.equals(tags, o.tags) && extra.equals(o.extra);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(values, tags, extra);
    }

    @Override
    public String toString() {
        return "FocusRow" + values + (tags == null ? "" : " tags=" + tags) + (extra.isEmpty() ? "" : " extra=" + extra);
    }

    /** Builds a {@link FocusRow}; a column not set is null. */
    public static final class Builder {
        private final Map<FocusColumn, Object> values = new EnumMap<>(FocusColumn.class);
        private Map<String, String> tags;
        private final Map<String, String> extra = new LinkedHashMap<>();

        private Builder() {}

        /**
         * Sets a text column; null clears it.
         *
         * @throws IllegalArgumentException if {@code value} is empty: CSV cannot tell an empty text from a null
         */
        public Builder set(FocusColumn column, String value) {
            checkType(column, FocusColumn.Type.STRING);
            checkArgument(value == null || !value.isEmpty(), "%s is empty; a missing value is null", column.header());
            return put(column, value);
        }

        /** Sets a decimal column, keeping its scale; null clears it. */
        public Builder set(FocusColumn column, BigDecimal value) {
            checkType(column, FocusColumn.Type.DECIMAL);
            return put(column, value);
        }

        /** Sets a date-time column; null clears it. */
        public Builder set(FocusColumn column, Instant value) {
            checkType(column, FocusColumn.Type.DATETIME);
            return put(column, value);
        }

        /** Sets the tags, kept in the order given; null makes the column null. */
        public Builder tags(Map<String, String> value) {
            this.tags = value == null ? null : new LinkedHashMap<>(value);
            if (tags != null) {
                tags.forEach((k, v) -> {
                    requireNonNull(k, "tag key");
                    requireNonNull(v, "tag value");
                });
            }
            return this;
        }

        /**
         * Sets a column that is not a FOCUS 1.0 column, such as {@code x_AllocationUnit}; null clears it.
         *
         * @throws IllegalArgumentException if {@code header} is a FOCUS column, or {@code value} is empty
         */
        public Builder extra(String header, String value) {
            requireNonNull(header, "header");
            checkArgument(FocusColumn.of(header).isEmpty(), "%s is a FOCUS column: use set", header);
            if (value == null) {
                extra.remove(header);
                return this;
            }
            checkArgument(!value.isEmpty(), "%s is empty; a missing value is null", header);
            extra.put(header, value);
            return this;
        }

        private Builder put(FocusColumn column, Object value) {
            if (value == null) {
                values.remove(column);
            } else {
                values.put(column, value);
            }
            return this;
        }

        /** Returns the row. */
        public FocusRow build() {
            return new FocusRow(values, tags, extra);
        }
    }
}
