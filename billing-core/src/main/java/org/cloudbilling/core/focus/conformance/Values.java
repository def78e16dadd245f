package org.cloudbilling.core.focus.conformance;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Currency;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * How a raw value reads as each FOCUS value format, by the attribute rules of the model (NumericFormat,
 * DateTimeFormat, CurrencyFormat, UnitFormat, KeyValueFormat, StringHandling). A value is a {@code String} (CSV,
 * or a Parquet string), a {@code BigDecimal}, {@code Double}, {@code Float}, {@code Long} or {@code Integer}
 * (Parquet numbers), an {@code Instant} (a Parquet timestamp) or a {@code Map} (a Parquet map).
 */
final class Values {
    /** NumericFormat: an integer, a decimal or E notation; no plus sign; an exponent signed only when negative. */
    private static final Pattern NUMERIC = Pattern.compile("-?(\\d+(\\.\\d+)?|\\.\\d+)([eE]-?\\d+)?");
    /** DateTimeFormat: extended ISO 8601 in UTC, {@code YYYY-MM-DDTHH:mm:ssZ}. */
    private static final Pattern DATE_TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z");
    /** UnitFormat: an optional whole quantity, a unit of one or more words, optionally per or by a time unit. */
    private static final Pattern UNIT = Pattern.compile(
            "(\\d+ )?[A-Za-z][A-Za-z0-9]*( [A-Za-z][A-Za-z0-9]*)*([-/](\\d+ )?[A-Za-z][A-Za-z0-9]*( [A-Za-z][A-Za-z0-9]*)*)?");
    /** What separates the words of a unit. */
    private static final Pattern UNIT_SEPARATOR = Pattern.compile("[ /-]");
    /** A word that looks like a data size unit (b, KB, MiB, ...) in any capitalization. */
    private static final Pattern SIZE_LIKE = Pattern.compile("(?i)[kmgtpe]?i?b");
    /** The data size units of UnitFormat, with their capitalization. */
    private static final Set<String> SIZES = Set.of(
            "b", "Kb", "Mb", "Gb", "Tb", "Pb", "Eb", "B", "KB", "MB", "GB", "TB", "PB", "EB", "Kib", "Mib", "Gib",
            "Tib", "Pib", "Eib", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB");
    /** The time and count units UnitFormat lists, by their lower-case form, mapped to their capitalization. */
    private static final Map<String, String> LISTED = Set.of(
                    "Year",
                    "Years",
                    "Month",
                    "Months",
                    "Week",
                    "Weeks",
                    "Day",
                    "Days",
                    "Hour",
                    "Hours",
                    "Minute",
                    "Minutes",
                    "Second",
                    "Seconds",
                    "Request",
                    "Requests",
                    "Token",
                    "Tokens",
                    "Connection",
                    "Connections",
                    "Certificate",
                    "Certificates",
                    "Domain",
                    "Domains",
                    "Unit",
                    "Units")
            .stream()
            .collect(Collectors.toUnmodifiableMap(w -> w.toLowerCase(java.util.Locale.ROOT), w -> w));

    private static final Set<String> ISO_4217 = Currency.getAvailableCurrencies().stream()
            .map(Currency::getCurrencyCode)
            .collect(Collectors.toUnmodifiableSet());

    private Values() {}

    /** Returns the value as text, as it would be compared with a model's string: numbers plain, instants ISO. */
    static String text(Object v) {
        if (v instanceof String s) {
            return s;
        }
        if (v instanceof BigDecimal d) {
            return d.toPlainString();
        }
        return String.valueOf(v);
    }

    /** Returns the value as a number, or null when it is not one (text that does not read as a decimal). */
    static BigDecimal decimal(Object v) {
        if (v instanceof BigDecimal d) {
            return d;
        }
        if (v instanceof Long || v instanceof Integer) {
            return BigDecimal.valueOf(((Number) v).longValue());
        }
        if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            return Double.isFinite(d) ? new BigDecimal(v.toString()) : null;
        }
        if (v instanceof String s && NUMERIC_LENIENT.matcher(s).matches()) {
            return new BigDecimal(s);
        }
        return null;
    }

    /** What {@code BigDecimal} reads, without its locale- or whitespace-free surprises: a sign, digits, E. */
    private static final Pattern NUMERIC_LENIENT = Pattern.compile("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d+)?");

    /** NumericFormat: whether the text is an integer, a decimal, or E notation, as the format allows. */
    static boolean isNumericFormat(String s) {
        return NUMERIC.matcher(s).matches();
    }

    /**
     * Whether the text reads as a date and time in ISO 8601, with or without an offset, the date and time separated
     * by {@code T} or a space (a date-time all the same; DateTimeFormat then says how it must be written).
     */
    static boolean isDateTime(String s) {
        try {
            DateTimeFormatter.ISO_DATE_TIME.parse(
                    s.length() > 10 && s.charAt(10) == ' ' ? s.substring(0, 10) + "T" + s.substring(11) : s);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    /** DateTimeFormat: {@code YYYY-MM-DDTHH:mm:ssZ}, a real moment (no 30 February, no hour 24). */
    static boolean isDateTimeFormat(String s) {
        if (!DATE_TIME.matcher(s).matches()) {
            return false;
        }
        try {
            Instant.parse(s);
            LocalDate.parse(s.substring(0, 10));
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    /** StringHandling: a valid Unicode string, no unpaired surrogate. */
    static boolean isUnicode(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 == s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    /** Whether the text is an ISO 4217 currency code (national currency). */
    static boolean isNationalCurrency(String s) {
        return ISO_4217.contains(s);
    }

    /**
     * CurrencyFormat: a national currency as its ISO 4217 code, or a virtual currency (credits, tokens) as a string
     * that does not pass for a code: three letters that are not an ISO 4217 code are refused.
     */
    static boolean isCurrencyFormat(String s) {
        if (s.length() == 3 && s.chars().allMatch(Character::isLetter)) {
            return isNationalCurrency(s);
        }
        return !s.isBlank() && isUnicode(s);
    }

    /**
     * UnitFormat: a unit of measure, optionally with a whole quantity or a time interval ({@code GB},
     * {@code GB-Hours}, {@code GB/Hour}, {@code 1000 Requests}, {@code Units/3 Months}), each listed term in its
     * listed capitalization ({@code Hours}, not {@code hours}; {@code GB}, not {@code gb}).
     */
    static boolean isUnitFormat(String s) {
        if (!UNIT.matcher(s).matches()) {
            return false;
        }
        for (String word : UNIT_SEPARATOR.split(s)) {
            if (word.isEmpty() || Character.isDigit(word.charAt(0))) {
                continue;
            }
            if (SIZE_LIKE.matcher(word).matches() && !SIZES.contains(word)) {
                return false;
            }
            String listed = LISTED.get(word.toLowerCase(java.util.Locale.ROOT));
            if (listed != null && !listed.equals(word)) {
                return false;
            }
        }
        return true;
    }

    private static final ObjectMapper JSON = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    /**
     * KeyValueFormat: a serialized JSON object, each key once, each value a number, string, true, false or null
     * (never an object or an array).
     */
    static boolean isKeyValueFormat(Object v) {
        if (v instanceof Map<?, ?>) {
            return true; // a Parquet map: keys unique by construction, values strings
        }
        JsonNode node;
        try {
            node = JSON.readTree(text(v));
        } catch (JsonProcessingException e) {
            return false;
        }
        if (node == null || !node.isObject()) {
            return false;
        }
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            if (e.getValue().isContainerNode()) {
                return false;
            }
        }
        return true;
    }
}
