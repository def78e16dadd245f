package org.cloudbilling.core.io;

import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cloudbilling.core.bill.ActionType;
import org.cloudbilling.core.bill.LineItem;
import org.cloudbilling.core.bill.PayMode;
import org.cloudbilling.core.focus.FocusCsv;
import org.cloudbilling.core.focus.FocusCsvWriter;
import org.cloudbilling.core.focus.FocusExport;
import org.cloudbilling.core.focus.FocusLineItems;
import org.cloudbilling.core.id.BusinessCode;
import org.cloudbilling.core.id.LineItemId;
import org.cloudbilling.core.id.OwnerUin;
import org.cloudbilling.core.id.PayerUin;
import org.cloudbilling.core.id.ResourceId;
import org.cloudbilling.core.id.TagKey;
import org.cloudbilling.core.io.internal.CsvRows;
import org.cloudbilling.core.money.Money;
import org.cloudbilling.core.provider.TencentBillCsv;
import org.cloudbilling.core.time.BillingCalendar;
import org.cloudbilling.core.time.BillingMonth;
import org.cloudbilling.core.time.Interval;

/**
 * The three line-item CSV readers the bad-input catalog runs every entry against, each with three good rows
 * and the names its columns give to the same roles (an amount, the currency, the fee period, a text id, tags).
 */
enum BadInputFormat {
    CANONICAL(
            "totalCost",
            "listCost",
            "usageQuantity",
            "currency",
            "feePeriodStart",
            "feePeriodEnd",
            "id",
            "resourceId",
            "tags"),
    FOCUS(
            "BilledCost",
            "ListCost",
            "ConsumedQuantity",
            "BillingCurrency",
            "ChargePeriodStart",
            "ChargePeriodEnd",
            "x_LineItemId",
            "ResourceId",
            "Tags"),
    TENCENT("RealCost", "Cost", "UsedAmount", null, "FeeBeginTime", "FeeEndTime", "BillId", "ResourceId", "Tags");

    static final Currency CNY = Currency.getInstance("CNY");
    private static final FocusExport EXPORT =
            new FocusExport("Tencent Cloud", "Tencent Cloud", "Tencent Cloud International", BillingCalendar.TENCENT);

    final String amount;
    final String listAmount;
    /** A decimal that is not money: a usage quantity. */
    final String quantity;
    /** Null for the Tencent bill, whose currency the caller passes. */
    final String currency;

    final String start;
    final String end;
    final String id;
    final String text;
    final String tags;

    BadInputFormat(
            String amount,
            String listAmount,
            String quantity,
            String currency,
            String start,
            String end,
            String id,
            String text,
            String tags) {
        this.amount = amount;
        this.listAmount = listAmount;
        this.quantity = quantity;
        this.currency = currency;
        this.start = start;
        this.end = end;
        this.id = id;
        this.text = text;
        this.tags = tags;
    }

    /** Line item {@code n}: CNY, one hour on the n-th of September 2024 in UTC+8, tagged team=web. */
    static LineItem item(int n) {
        Instant start = Instant.parse("2024-09-0" + n + "T00:00:00Z");
        return LineItem.builder()
                .id(LineItemId.of("li-" + n))
                .ownerUin(OwnerUin.of("100000000002"))
                .payerUin(PayerUin.of("100000000001"))
                .businessCode(BusinessCode.of("p_cvm"))
                .resourceId(ResourceId.of("ins-" + n))
                .payMode(PayMode.POSTPAID)
                .actionType(ActionType.USAGE)
                .feePeriod(Interval.of(start, start.plusSeconds(3600)))
                .listCost(Money.of("CNY", n + "0.50"))
                .totalCost(Money.of("CNY", n + ".25"))
                .usageQuantity(new BigDecimal("1.5"))
                .usageUnit("Hours")
                .putTag(TagKey.of("team"), "web")
                .build();
    }

    /** Returns the header, in order. */
    List<String> header() {
        return List.copyOf(goodRows().get(0).keySet());
    }

    /** Returns the three good rows, each a map from column to cell in header order. */
    List<Map<String, String>> goodRows() {
        List<Map<String, String>> rows = new ArrayList<>();
        if (this == TENCENT) {
            for (int n = 1; n <= 3; n++) {
                Map<String, String> row = new LinkedHashMap<>();
                row.put("BillId", "li-" + n);
                row.put("PayerUin", "100000000001");
                row.put("OwnerUin", "100000000002");
                row.put("BusinessCode", "p_cvm");
                row.put("ResourceId", "ins-" + n);
                row.put("PayMode", "postPay");
                row.put("ActionType", "postpay_deduct");
                row.put("FeeBeginTime", "2024-09-0" + n + " 08:00:00");
                row.put("FeeEndTime", "2024-09-0" + n + " 08:59:59");
                row.put("UsedAmount", "1.5");
                row.put("UsedAmountUnit", "Hours");
                row.put("Cost", n + "0.50");
                row.put("RealCost", n + ".25");
                row.put("Tags", "[{\"TagKey\":\"team\",\"TagValue\":\"web\"}]");
                rows.add(row);
            }
            return rows;
        }
        StringWriter out = new StringWriter();
        if (this == CANONICAL) {
            try (LineItemCsvWriter w = LineItemCsv.writer(out)) {
                for (int n = 1; n <= 3; n++) {
                    w.write(item(n));
                }
            }
        } else {
            try (FocusCsvWriter w = FocusCsv.writer(out, FocusLineItems.EXTRA_COLUMNS, FormulaGuard.OFF)) {
                for (int n = 1; n <= 3; n++) {
                    w.write(FocusLineItems.toRow(item(n), BillingMonth.of(2024, 9), EXPORT));
                }
            }
        }
        try (CsvRows csv = CsvRows.of(new StringReader(out.toString()), "good")) {
            String[] header = csv.header();
            for (String[] cells = csv.next(); cells != null; cells = csv.next()) {
                Map<String, String> row = new LinkedHashMap<>();
                for (int i = 0; i < header.length; i++) {
                    row.put(header[i], cells[i]);
                }
                rows.add(row);
            }
        }
        return rows;
    }

    /** Reads {@code csv} with this format's reader, as line items. */
    ReadResult<LineItem> read(Reader csv, String source, OnError onError) {
        return switch (this) {
            case CANONICAL -> LineItemCsv.readAll(csv, source, onError);
            case FOCUS -> FocusCsv.readLineItems(csv, source, FormulaGuard.OFF, onError);
            case TENCENT -> TencentBillCsv.readAll(csv, source, CNY, TencentBillCsv.BEIJING, onError);
        };
    }

    ReadResult<LineItem> read(String csv, String source, OnError onError) {
        return read(new StringReader(csv), source, onError);
    }

    /** Returns the 1-based position of {@code column} in the header. */
    int columnOf(String column) {
        int i = header().indexOf(column);
        if (i < 0) {
            throw new AssertionError("bug: no column " + column + " in " + this);
        }
        return i + 1;
    }

    /** Returns the CSV text of {@code rows} under the header, each cell quoted, lines ended by {@code eol}. */
    String csv(List<Map<String, String>> rows, String eol) {
        StringBuilder s = new StringBuilder(line(header())).append(eol);
        for (Map<String, String> row : rows) {
            s.append(line(new ArrayList<>(row.values()))).append(eol);
        }
        return s.toString();
    }

    String csv(List<Map<String, String>> rows) {
        return csv(rows, "\n");
    }

    /** Returns the good rows with {@code column} of row {@code index} (0-based) set to {@code value}. */
    List<Map<String, String>> withCell(int index, String column, String value) {
        List<Map<String, String>> rows = goodRows();
        if (!rows.get(index).containsKey(column)) {
            throw new AssertionError("bug: no column " + column + " in " + this);
        }
        rows.get(index).put(column, value);
        return rows;
    }

    private static String line(List<String> cells) {
        List<String> quoted = new ArrayList<>();
        for (String c : cells) {
            quoted.add(c.isEmpty() ? "" : "\"" + c.replace("\"", "\"\"") + "\"");
        }
        return String.join(",", quoted);
    }
}
