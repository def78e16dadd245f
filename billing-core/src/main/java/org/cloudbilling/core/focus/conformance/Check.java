package org.cloudbilling.core.focus.conformance;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * A check function of the model over one row: true when the row satisfies it. A null value satisfies every format
 * and type check (nullability has rules of its own). Each record is one function of the model, named as there.
 */
sealed interface Check {
    boolean test(Row row);

    /** Adds the columns the check reads. */
    void columns(Set<String> into);

    /** And and Or combine checks, and read the columns their checks read. */
    sealed interface Combined extends Check {
        List<Check> items();

        @Override
        default void columns(Set<String> into) {
            items().forEach(c -> c.columns(into));
        }
    }

    record And(List<Check> items) implements Combined {
        @Override
        public boolean test(Row row) {
            for (Check c : items) {
                if (!c.test(row)) {
                    return false;
                }
            }
            return true;
        }
    }

    record Or(List<Check> items) implements Combined {
        @Override
        public boolean test(Row row) {
            for (Check c : items) {
                if (c.test(row)) {
                    return true;
                }
            }
            return false;
        }
    }

    /**
     * Alternatives (an OR of rules): each a check under its own condition (null: always). An alternative applies to
     * the rows in its condition; a row fails when some alternative applies and every one that applies fails it, so a
     * row outside every condition has nothing to fail.
     */
    record Alternatives(List<Check> conditions, List<Check> checks) implements Check {
        @Override
        public boolean test(Row row) {
            boolean applies = false;
            for (int i = 0; i < checks.size(); i++) {
                Check condition = conditions.get(i);
                if (condition == null || condition.test(row)) {
                    applies = true;
                    if (checks.get(i).test(row)) {
                        return true;
                    }
                }
            }
            return !applies;
        }

        @Override
        public void columns(Set<String> into) {
            conditions.forEach(c -> {
                if (c != null) {
                    c.columns(into);
                }
            });
            checks.forEach(c -> c.columns(into));
        }
    }

    /** The column is in the dataset; a fact of the header, the same for every row. */
    record ColumnPresent(String column) implements Check {
        @Override
        public boolean test(Row row) {
            return row.has(column);
        }

        @Override
        public void columns(Set<String> into) {
            // presence is what it checks: an absent column is its failure, not a reason to skip it
        }
    }

    /** Single-column checks share the column they read. */
    sealed interface OnColumn extends Check {
        String column();

        @Override
        default void columns(Set<String> into) {
            into.add(column());
        }
    }

    /**
     * A format or type check of one column: the one place that reads the row. A null value passes (nullability has
     * rules of its own); any other value is what {@link #accepts} says of it.
     */
    sealed interface OnValue extends OnColumn {
        @Override
        default boolean test(Row row) {
            Object v = row.value(column());
            return v == null || accepts(v, row.typed());
        }

        /**
         * Whether the value passes the check.
         *
         * @param v the value, never null
         * @param typed whether the dataset's values carry types (Parquet) rather than text (CSV)
         */
        boolean accepts(Object v, boolean typed);
    }

    /** Two-column checks share the columns they read. */
    sealed interface OnTwoColumns extends Check {
        String columnA();

        String columnB();

        @Override
        default void columns(Set<String> into) {
            into.add(columnA());
            into.add(columnB());
        }
    }

    /**
     * The value is {@code expected}: null for "is null", a number compared as a number ({@code 0} matches
     * {@code 0.00}), else a string compared exactly.
     */
    record CheckValue(String column, Object expected) implements OnColumn {
        @Override
        public boolean test(Row row) {
            return is(row.value(column), expected);
        }

        static boolean is(Object v, Object expected) {
            if (expected == null || v == null) {
                return v == expected;
            }
            if (expected instanceof BigDecimal n) {
                BigDecimal d = Values.decimal(v);
                return d != null && d.compareTo(n) == 0;
            }
            return Values.text(v).equals(expected);
        }
    }

    /** The value is not {@code expected}; a null value is not any string ("ChargeClass is not Correction"). */
    record CheckNotValue(String column, Object expected) implements OnColumn {
        @Override
        public boolean test(Row row) {
            return !CheckValue.is(row.value(column), expected);
        }
    }

    /** Both columns hold the same value (both null counts as the same). */
    record CheckSameValue(String columnA, String columnB) implements OnTwoColumns {
        @Override
        public boolean test(Row row) {
            return same(row.value(columnA), row.value(columnB));
        }

        static boolean same(Object a, Object b) {
            if (a == null || b == null) {
                return a == b;
            }
            return Values.text(a).equals(Values.text(b));
        }
    }

    record CheckNotSameValue(String columnA, String columnB) implements OnTwoColumns {
        @Override
        public boolean test(Row row) {
            return !CheckSameValue.same(row.value(columnA), row.value(columnB));
        }
    }

    /** A string: any CSV text; in Parquet, a string column. */
    record TypeString(String column) implements OnValue {
        @Override
        public boolean accepts(Object v, boolean typed) {
            return v instanceof String;
        }
    }

    /** A decimal: CSV text that reads as a number; in Parquet, a decimal or floating-point column. */
    record TypeDecimal(String column) implements OnValue {
        @Override
        public boolean accepts(Object v, boolean typed) {
            if (typed) {
                return v instanceof BigDecimal || v instanceof Double || v instanceof Float;
            }
            return Values.decimal(v) != null;
        }
    }

    /** A date-time: CSV text that reads as an ISO 8601 date and time; in Parquet, a timestamp column. */
    record TypeDateTime(String column) implements OnValue {
        @Override
        public boolean accepts(Object v, boolean typed) {
            return v instanceof Instant || (!typed && v instanceof String s && Values.isDateTime(s));
        }
    }

    record FormatString(String column) implements OnValue {
        @Override
        public boolean accepts(Object v, boolean typed) {
            return v instanceof String s && Values.isUnicode(s);
        }
    }

    record FormatNumeric(String column) implements OnValue {
        @Override
        public boolean accepts(Object v, boolean typed) {
            if (v instanceof BigDecimal || v instanceof Long || v instanceof Integer) {
                return true;
            }
            if (v instanceof Double || v instanceof Float) {
                return Double.isFinite(((Number) v).doubleValue());
            }
            return v instanceof String s && Values.isNumericFormat(s);
        }
    }

    record FormatDateTime(String column) implements OnValue {
        @Override
        public boolean accepts(Object v, boolean typed) {
            return v instanceof Instant || (v instanceof String s && Values.isDateTimeFormat(s));
        }
    }

    record FormatCurrency(String column) implements OnValue {
        @Override
        public boolean accepts(Object v, boolean typed) {
            return v instanceof String s && Values.isCurrencyFormat(s);
        }
    }

    record CheckNationalCurrency(String column) implements OnValue {
        @Override
        public boolean accepts(Object v, boolean typed) {
            return v instanceof String s && Values.isNationalCurrency(s);
        }
    }

    record FormatUnit(String column) implements OnValue {
        @Override
        public boolean accepts(Object v, boolean typed) {
            return v instanceof String s && Values.isUnitFormat(s);
        }
    }

    record FormatKeyValue(String column) implements OnValue {
        @Override
        public boolean accepts(Object v, boolean typed) {
            return Values.isKeyValueFormat(v);
        }
    }

    /** A valid decimal value: a number, not text that fails to read as one. */
    record CheckDecimalValue(String column) implements OnValue {
        @Override
        public boolean accepts(Object v, boolean typed) {
            return Values.decimal(v) != null;
        }
    }

    /** The value is at least {@code bound}; a value that is not a number fails. */
    record CheckGreaterOrEqualThanValue(String column, BigDecimal bound) implements OnValue {
        @Override
        public boolean accepts(Object v, boolean typed) {
            BigDecimal d = Values.decimal(v);
            return d != null && d.compareTo(bound) >= 0;
        }
    }

    /**
     * A times B is exactly the result (ListUnitPrice x PricingQuantity = ListCost); holds when any of the three is
     * null, fails when one is not a number.
     */
    record ColumnByColumnEqualsColumnValue(String columnA, String columnB, String result) implements Check {
        @Override
        public boolean test(Row row) {
            Object a = row.value(columnA);
            Object b = row.value(columnB);
            Object r = row.value(result);
            if (a == null || b == null || r == null) {
                return true;
            }
            BigDecimal da = Values.decimal(a);
            BigDecimal db = Values.decimal(b);
            BigDecimal dr = Values.decimal(r);
            return da != null && db != null && dr != null && da.multiply(db).compareTo(dr) == 0;
        }

        @Override
        public void columns(Set<String> into) {
            into.add(columnA);
            into.add(columnB);
            into.add(result);
        }
    }
}
