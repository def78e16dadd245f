package org.cloudbilling.core.focus;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.cloudbilling.core.money.Money;
import org.cloudbilling.core.money.SettlementPolicy;

/**
 * Checks a FOCUS CSV dataset, as written, against the FOCUS rules and reports every violation; it does not stop
 * at the first. It reads the text itself, not what a lenient reader makes of it, so it sees how each value is
 * written. One pass, in memory bounded by the number of billing periods.
 *
 * <ul>
 *   <li>FOCUS-1: the header holds the 43 FOCUS 1.0 columns, exactly spelled, once each; a column FOCUS never
 *       lets be null has a value in every row.
 *   <li>FOCUS-2: date-times are written {@code YYYY-MM-DDTHH:mm:ssZ}; each period starts before it ends.
 *   <li>FOCUS-3: a numeric cell is a plain decimal or empty (null); never the text {@code NULL}.
 *   <li>FOCUS-4: ChargeCategory is Usage, Purchase, Tax, Credit or Adjustment; ChargeClass is null or
 *       {@code Correction}, and {@code Correction} only on a row whose charge period starts before its billing
 *       period; ChargeFrequency is One-Time, Recurring or Usage-Based.
 *   <li>FOCUS-5: when invoice totals are given, the BilledCost of each billing period adds up to its total, in
 *       one currency; exactly, or after the provider's {@link SettlementPolicy} (MONEY-3).
 *   <li>FOCUS-6: Tags is a JSON object of string values, each key once.
 * </ul>
 *
 * <pre>{@code
 * List<FocusViolation> violations = FocusValidator.validate(reader, "export.csv", Map.of());
 * }</pre>
 */
public final class FocusValidator {
    private static final Pattern ISO_SECONDS = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z");
    private static final Pattern PLAIN_DECIMAL = Pattern.compile("-?\\d+(\\.\\d+)?");
    private static final Set<String> CHARGE_CATEGORIES = Set.of("Usage", "Purchase", "Tax", "Credit", "Adjustment");
    private static final Set<String> CHARGE_FREQUENCIES = Set.of("One-Time", "Recurring", "Usage-Based");

    private FocusValidator() {}

    /**
     * Validates a FOCUS CSV dataset.
     *
     * @param reader the CSV, not null; read to its end and closed
     * @param source the name violations give, not null
     * @param invoiceTotals each billing period's invoice total, keyed by its BillingPeriodStart, for FOCUS-5; not
     *     null, empty to skip that check
     * @return the violations in the order found, empty when the dataset follows every rule; never null
     * @throws UncheckedIOException if reading fails
     */
    public static List<FocusViolation> validate(Reader reader, String source, Map<Instant, BigDecimal> invoiceTotals) {
        return check(reader, source, invoiceTotals, null);
    }

    /**
     * Validates a FOCUS CSV dataset whose invoices are settled by {@code settlement} (MONEY-3): for FOCUS-5, the
     * BilledCost of each billing period, added up exactly and then settled, must equal its invoice total.
     *
     * <pre>{@code
     * FocusValidator.validate(reader, "sept.csv", Map.of(periodStart, new BigDecimal("100.45")), SettlementPolicy.TENCENT);
     * }</pre>
     *
     * @param reader the CSV, not null; read to its end and closed
     * @param source the name violations give, not null
     * @param invoiceTotals each billing period's settled invoice total, keyed by its BillingPeriodStart, not null
     * @param settlement how the provider settles an invoice total, not null
     * @return the violations in the order found, never null
     * @throws UncheckedIOException if reading fails
     */
    public static List<FocusViolation> validate(
            Reader reader, String source, Map<Instant, BigDecimal> invoiceTotals, SettlementPolicy settlement) {
        return check(reader, source, invoiceTotals, requireNonNull(settlement, "settlement"));
    }

    private static List<FocusViolation> check(
            Reader reader, String source, Map<Instant, BigDecimal> invoiceTotals, SettlementPolicy settlement) {
        requireNonNull(reader, "reader");
        requireNonNull(source, "source");
        requireNonNull(invoiceTotals, "invoiceTotals");
        List<FocusViolation> out = new ArrayList<>();
        ObjectMapper json = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        Map<Instant, Money> billed = new TreeMap<>();
        try (MappingIterator<String[]> rows = new CsvMapper()
                .enable(CsvParser.Feature.WRAP_AS_ARRAY)
                .readerFor(String[].class)
                .readValues(reader)) {
            if (!rows.hasNextValue()) {
                out.add(new FocusViolation("FOCUS-1", source, 0, null, null, "the dataset has no header"));
                return out;
            }
            String[] header = rows.nextValue();
            Map<FocusColumn, Integer> at = checkHeader(header, source, out);
            long line = rows.getParser().currentLocation().getLineNr();
            while (rows.hasNextValue()) {
                String[] cells = rows.nextValue();
                long rowLine = line;
                line = rows.getParser().currentLocation().getLineNr();
                if (cells.length == 1 && cells[0].isEmpty()) {
                    continue;
                }
                if (cells.length != header.length) {
                    out.add(new FocusViolation(
                            "FOCUS-1",
                            source,
                            rowLine,
                            null,
                            null,
                            "the row has " + cells.length + " cells, the header " + header.length));
                    continue;
                }
                new RowCheck(source, rowLine, cells, at, json, out).run(billed);
            }
        } catch (JsonProcessingException e) {
            long line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            out.add(new FocusViolation(
                    "FOCUS-1", source, line, null, null, "the CSV is malformed: " + e.getOriginalMessage()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (Map.Entry<Instant, BigDecimal> e : invoiceTotals.entrySet()) {
            Money exact = billed.get(e.getKey());
            BigDecimal sum = exact == null ? BigDecimal.ZERO : exact.amount();
            String settled = "";
            if (settlement != null && exact != null) {
                sum = settlement.settle(exact).amount();
                settled = ", settled by " + settlement.name() + " to " + sum.toPlainString();
            }
            if (sum.compareTo(e.getValue()) != 0) {
                out.add(new FocusViolation(
                        "FOCUS-5",
                        source,
                        0,
                        FocusColumn.BILLED_COST.header(),
                        sum.toPlainString(),
                        "BilledCost of the billing period starting " + e.getKey() + " adds up to "
                                + (exact == null ? "0" : exact.amount().toPlainString()) + settled
                                + ", its invoice total is " + e.getValue().toPlainString()));
            }
        }
        return out;
    }

    private static Map<FocusColumn, Integer> checkHeader(String[] header, String source, List<FocusViolation> out) {
        if (header.length > 0 && header[0].startsWith("\uFEFF")) {
            header[0] = header[0].substring(1);
        }
        Map<FocusColumn, Integer> at = new EnumMap<>(FocusColumn.class);
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < header.length; i++) {
            if (seen.put(header[i], i) != null) {
                out.add(new FocusViolation("FOCUS-1", source, 1, header[i], null, "the column appears twice"));
            }
            int index = i;
            FocusColumn.of(header[i]).ifPresent(c -> at.putIfAbsent(c, index));
        }
        for (FocusColumn c : FocusVersion.V1_0.columns()) {
            if (!at.containsKey(c)) {
                out.add(new FocusViolation(
                        "FOCUS-1", source, 1, c.header(), null, "the FOCUS 1.0 column " + c.header() + " is missing"));
            }
        }
        return at;
    }

    /** The checks of one row. */
    private static final class RowCheck {
        private final String source;
        private final long line;
        private final String[] cells;
        private final Map<FocusColumn, Integer> at;
        private final ObjectMapper json;
        private final List<FocusViolation> out;

        RowCheck(
                String source,
                long line,
                String[] cells,
                Map<FocusColumn, Integer> at,
                ObjectMapper json,
                List<FocusViolation> out) {
            this.source = source;
            this.line = line;
            this.cells = cells;
            this.at = at;
            this.json = json;
            this.out = out;
        }

        void run(Map<Instant, Money> billed) {
            Map<FocusColumn, Instant> instants = new EnumMap<>(FocusColumn.class);
            for (Map.Entry<FocusColumn, Integer> e : at.entrySet()) {
                FocusColumn c = e.getKey();
                String cell = cells[e.getValue()];
                if (cell.isEmpty()) {
                    if (!c.isNullable()) {
                        add("FOCUS-1", c, cell, c.header() + " may never be null");
                    }
                    continue;
                }
                switch (c.type()) {
                    case DECIMAL:
                        if (!PLAIN_DECIMAL.matcher(cell).matches()) {
                            add(
                                    "FOCUS-3",
                                    c,
                                    cell,
                                    "'" + cell + "' is not a plain decimal; a null is an empty cell, never NULL");
                        }
                        break;
                    case DATETIME:
                        if (!ISO_SECONDS.matcher(cell).matches()) {
                            add("FOCUS-2", c, cell, "'" + cell + "' is not written YYYY-MM-DDTHH:mm:ssZ");
                        } else {
                            try {
                                instants.put(c, Instant.parse(cell));
                            } catch (DateTimeParseException ex) {
                                add("FOCUS-2", c, cell, "'" + cell + "' is not a date-time");
                            }
                        }
                        break;
                    case JSON:
                        checkTags(c, cell);
                        break;
                    case STRING:
                        if (cell.equals("NULL")) {
                            add("FOCUS-3", c, cell, "a null is an empty cell, never the text NULL");
                        }
                        break;
                    default:
                        throw new AssertionError("bug: unknown column type " + c.type());
                }
            }
            checkPeriod(instants, FocusColumn.BILLING_PERIOD_START, FocusColumn.BILLING_PERIOD_END);
            checkPeriod(instants, FocusColumn.CHARGE_PERIOD_START, FocusColumn.CHARGE_PERIOD_END);
            checkValue(FocusColumn.CHARGE_CATEGORY, CHARGE_CATEGORIES);
            checkValue(FocusColumn.CHARGE_FREQUENCY, CHARGE_FREQUENCIES);
            String chargeClass = cell(FocusColumn.CHARGE_CLASS);
            if (chargeClass != null) {
                if (!chargeClass.equals("Correction")) {
                    add(
                            "FOCUS-4",
                            FocusColumn.CHARGE_CLASS,
                            chargeClass,
                            "'" + chargeClass + "' is not Correction or null");
                } else {
                    Instant billing = instants.get(FocusColumn.BILLING_PERIOD_START);
                    Instant charge = instants.get(FocusColumn.CHARGE_PERIOD_START);
                    if (billing != null && charge != null && !charge.isBefore(billing)) {
                        add(
                                "FOCUS-4",
                                FocusColumn.CHARGE_CLASS,
                                chargeClass,
                                "a Correction corrects an earlier billing period, but the charge period starts "
                                        + charge + ", within or after the billing period starting " + billing);
                    }
                }
            }
            Instant period = instants.get(FocusColumn.BILLING_PERIOD_START);
            String cost = cell(FocusColumn.BILLED_COST);
            String currency = cell(FocusColumn.BILLING_CURRENCY);
            if (period != null
                    && cost != null
                    && currency != null
                    && PLAIN_DECIMAL.matcher(cost).matches()) {
                Money amount;
                try {
                    amount = Money.of(Money.currency(currency), Money.parseAmount(cost));
                } catch (IllegalArgumentException e) {
                    add("FOCUS-5", FocusColumn.BILLING_CURRENCY, currency, e.getMessage());
                    return;
                }
                Money sum = billed.get(period);
                if (sum != null && !sum.currency().equals(amount.currency())) {
                    add(
                            "FOCUS-5",
                            FocusColumn.BILLING_CURRENCY,
                            currency,
                            "the billing period starting " + period + " mixes " + sum.currency() + " and " + currency);
                    return;
                }
                billed.put(period, sum == null ? amount : sum.plus(amount));
            }
        }

        /** Returns the cell, or null when the column is missing or null (written empty, or as NULL). */
        private String cell(FocusColumn c) {
            Integer i = at.get(c);
            return i == null || cells[i].isEmpty() || cells[i].equals("NULL") ? null : cells[i];
        }

        private void checkValue(FocusColumn c, Set<String> allowed) {
            String v = cell(c);
            if (v != null && !allowed.contains(v)) {
                add("FOCUS-4", c, v, "'" + v + "' is not one of " + new TreeSet<>(allowed));
            }
        }

        private void checkPeriod(Map<FocusColumn, Instant> instants, FocusColumn start, FocusColumn end) {
            Instant s = instants.get(start);
            Instant e = instants.get(end);
            if (s != null && e != null && !s.isBefore(e)) {
                add(
                        "FOCUS-2",
                        end,
                        cells[at.get(end)],
                        end.header() + " " + e + " is not after " + start.header() + " " + s
                                + "; periods are start-inclusive, end-exclusive");
            }
        }

        private void checkTags(FocusColumn c, String cell) {
            JsonNode node;
            try {
                node = json.readTree(cell);
            } catch (JsonProcessingException e) {
                add("FOCUS-6", c, cell, "the tags are not JSON: " + e.getOriginalMessage());
                return;
            }
            if (node == null || !node.isObject()) {
                add("FOCUS-6", c, cell, "the tags are not a JSON object");
                return;
            }
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                if (!e.getValue().isTextual()) {
                    add("FOCUS-6", c, cell, "the value of tag '" + e.getKey() + "' is not a string");
                }
            }
        }

        private void add(String rule, FocusColumn c, String value, String reason) {
            out.add(new FocusViolation(rule, source, line, c.header(), value, reason));
        }
    }
}
