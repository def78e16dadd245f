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

    record And(List<Check> items) implements Check {
        @Override
        public boolean test(Row row) {
            for (Check c : items) {
                if (!c.test(row)) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public void columns(Set<String> into) {
            items.forEach(c -> c.columns(into));
        }
    }

    record Or(List<Check> items) implements Check {
        @Override
        public boolean test(Row row) {
            for (Check c : items) {
                if (c.test(row)) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public void columns(Set<String> into) {
            items.forEach(c -> c.columns(into));
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
    record CheckSameValue(String columnA, String columnB) implements Check {
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

        @Override
        public void columns(Set<String> into) {
            into.add(columnA);
            into.add(columnB);
        }
    }

    record CheckNotSameValue(String columnA, String columnB) implements Check {
        @Override
        public boolean test(Row row) {
            return !CheckSameValue.same(row.value(columnA), row.value(columnB));
        }

        @Override
        public void columns(Set<String> into) {
            into.add(columnA);
            into.add(columnB);
        }
    }

    /** A string: any CSV text; in Parquet, a string column. */
    record TypeString(String column) implements OnColumn {
        @Override
        public boolean test(Row row) {
            Object v = row.value(column);
            return v == null || v instanceof String;
        }
    }

    /** A decimal: CSV text that reads as a number; in Parquet, a decimal or floating-point column. */
    record TypeDecimal(String column) implements OnColumn {
        @Override
        public boolean test(Row row) {
            Object v = row.value(column);
            if (v == null) {
                return true;
            }
            if (row.typed()) {
                return v instanceof BigDecimal || v instanceof Double || v instanceof Float;
            }
            return Values.decimal(v) != null;
        }
    }

    /** A date-time: CSV text that reads as an ISO 8601 date and time; in Parquet, a timestamp column. */
    record TypeDateTime(String column) implements OnColumn {
        @Override
        public boolean test(Row row) {
            Object v = row.value(column);
            if (v == null || v instanceof Instant) {
                return true;
            }
            return !row.typed() && v instanceof String s && Values.isDateTime(s);
        }
    }

    record FormatString(String column) implements OnColumn {
        @Override
        public boolean test(Row row) {
            Object v = row.value(column);
            return v == null || (v instanceof String s && Values.isUnicode(s));
        }
    }

    record FormatNumeric(String column) implements OnColumn {
        @Override
        public boolean test(Row row) {
            Object v = row.value(column);
            if (v == null || v instanceof BigDecimal || v instanceof Long || v instanceof Integer) {
                return true;
            }
            if (v instanceof Double || v instanceof Float) {
                return Double.isFinite(((Number) v).doubleValue());
            }
            return v instanceof String s && Values.isNumericFormat(s);
        }
    }

    record FormatDateTime(String column) implements OnColumn {
        @Override
        public boolean test(Row row) {
            Object v = row.value(column);
            return v == null || v instanceof Instant || (v instanceof String s && Values.isDateTimeFormat(s));
        }
    }

    record FormatCurrency(String column) implements OnColumn {
        @Override
        public boolean test(Row row) {
            Object v = row.value(column);
            return v == null || (v instanceof String s && Values.isCurrencyFormat(s));
        }
    }

    record CheckNationalCurrency(String column) implements OnColumn {
        @Override
        public boolean test(Row row) {
            Object v = row.value(column);
            return v == null || (v instanceof String s && Values.isNationalCurrency(s));
        }
    }

    record FormatUnit(String column) implements OnColumn {
        @Override
        public boolean test(Row row) {
            Object v = row.value(column);
            return v == null || (v instanceof String s && Values.isUnitFormat(s));
        }
    }

    record FormatKeyValue(String column) implements OnColumn {
        @Override
        public boolean test(Row row) {
            Object v = row.value(column);
            return v == null || Values.isKeyValueFormat(v);
        }
    }

    /** A valid decimal value: a number, not text that fails to read as one. */
    record CheckDecimalValue(String column) implements OnColumn {
        @Override
        public boolean test(Row row) {
            Object v = row.value(column);
            return v == null || Values.decimal(v) != null;
        }
    }

    /** The value is at least {@code bound}; a value that is not a number fails. */
    record CheckGreaterOrEqualThanValue(String column, BigDecimal bound) implements OnColumn {
        @Override
        public boolean test(Row row) {
            Object v = row.value(column);
            if (v == null) {
                return true;
            }
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
