package org.cloudbilling.core.recon;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import org.cloudbilling.core.io.FormulaGuard;
import org.cloudbilling.core.io.OnError;
import org.cloudbilling.core.io.ReadResult;
import org.cloudbilling.core.io.internal.CsvSafety;
import org.cloudbilling.core.io.internal.DecimalText;

/**
 * The two reconciliation lists as CSV, with exactly the columns of the provider's lists, in their order (RECON-2):
 * text as given (guarded against spreadsheet formulas on request), the billing cycle as {@code YYYY-MM}, the
 * purchase quantity as an integer, amounts as plain decimals with every digit.
 *
 * <pre>{@code
 * ReconciliationCsv.writePeriod(writer, lists.period().iterator(), FormulaGuard.ON);
 * ReadResult<PeriodRecord> back = ReconciliationCsv.readPeriod(reader, "period.csv", FormulaGuard.ON, OnError.COLLECT);
 * }</pre>
 */
public final class ReconciliationCsv {
    /** The columns of {@code ReconciliationList(Period)_YYYYMM}, in order. */
    public static final List<String> PERIOD_COLUMNS = List.of(
            "Billing Cycle",
            "Consume/Unsubscription Time",
            "Order No.",
            "Order Type",
            "Pre-OrderId",
            "Product Type",
            "Region",
            "Product",
            "Specifications",
            "Billing Mode",
            "Purchase Quantity",
            "Duration",
            "Official Total Amount",
            "Amount Due",
            "Cash Payment",
            "Credit Payment",
            "Cash Coupon Used",
            "Remarks");

    /** The columns of {@code ReconciliationList(Pay-per-Use)_YYYYMM}, in order. */
    public static final List<String> PAY_PER_USE_COLUMNS = List.of(
            "Billing Cycle",
            "Product Type",
            "Region",
            "Product",
            "Specifications",
            "Billing Mode",
            "Usage Type",
            "Usage",
            "Usage Unit",
            "Official Total Amount",
            "Amount Due",
            "Cash Payment",
            "Credit Payment",
            "Cash Coupon Used",
            "Remarks");

    private ReconciliationCsv() {}

    /**
     * Writes the Period list: the header, then every record; {@code writer} is flushed, not closed.
     *
     * @param writer where the CSV goes, not null
     * @param records the rows, not null; consumed one at a time
     * @param guard {@link FormulaGuard#ON} to guard text cells against spreadsheet formulas, not null
     * @throws UncheckedIOException if writing fails
     */
    public static void writePeriod(Writer writer, Iterator<PeriodRecord> records, FormulaGuard guard) {
        requireNonNull(guard, "guard");
        write(
                writer,
                PERIOD_COLUMNS,
                records,
                r -> paidRow(r.payments(), text(r.remarks(), guard), new Object[] {
                    r.billingCycle().toString(),
                    text(r.consumeTime(), guard),
                    text(r.orderNo(), guard),
                    r.orderType().label(),
                    text(r.preOrderId().orElse(""), guard),
                    text(r.productType(), guard),
                    text(r.region(), guard),
                    text(r.product(), guard),
                    text(r.specifications(), guard),
                    r.billingMode().map(BillingMode::label).orElse(""),
                    Integer.toString(r.purchaseQuantity()),
                    DecimalText.of(r.duration())
                }));
    }

    /**
     * Writes the Pay-per-Use list: the header, then every record; {@code writer} is flushed, not closed.
     *
     * @param writer where the CSV goes, not null
     * @param records the rows, not null; consumed one at a time
     * @param guard {@link FormulaGuard#ON} to guard text cells against spreadsheet formulas, not null
     * @throws UncheckedIOException if writing fails
     */
    public static void writePayPerUse(Writer writer, Iterator<PayPerUseRecord> records, FormulaGuard guard) {
        requireNonNull(guard, "guard");
        write(
                writer,
                PAY_PER_USE_COLUMNS,
                records,
                r -> paidRow(r.payments(), text(r.remarks(), guard), new Object[] {
                    r.billingCycle().toString(),
                    text(r.productType(), guard),
                    text(r.region(), guard),
                    text(r.product(), guard),
                    text(r.specifications(), guard),
                    r.billingMode().label(),
                    text(r.usageType(), guard),
                    DecimalText.of(r.usage()),
                    text(r.usageUnit(), guard)
                }));
    }

    /**
     * Opens a streaming reader of a Period list; it checks the header at once.
     *
     * @param reader the CSV, not null; closed with the returned reader
     * @param source the name errors give, not null
     * @param guard {@link FormulaGuard#ON} to remove the formula guard of the project's own lists, not null
     * @return the reader, never null
     * @throws org.cloudbilling.core.io.BillingInputException if the header is not the Period list's
     */
    static RecordReader<PeriodRecord> periodReader(Reader reader, String source, FormulaGuard guard) {
        return new RecordReader<>(reader, source, PERIOD_COLUMNS, guard, ReconciliationCsv::period);
    }

    /**
     * Opens a streaming reader of a Pay-per-Use list; it checks the header at once.
     *
     * @param reader the CSV, not null; closed with the returned reader
     * @param source the name errors give, not null
     * @param guard {@link FormulaGuard#ON} to remove the formula guard of the project's own lists, not null
     * @return the reader, never null
     * @throws org.cloudbilling.core.io.BillingInputException if the header is not the Pay-per-Use list's
     */
    static RecordReader<PayPerUseRecord> payPerUseReader(Reader reader, String source, FormulaGuard guard) {
        return new RecordReader<>(reader, source, PAY_PER_USE_COLUMNS, guard, ReconciliationCsv::payPerUse);
    }

    /**
     * Reads a whole Period list.
     *
     * @param reader the CSV, not null; closed before returning
     * @param source the name errors give, not null
     * @param guard whether to remove the project's formula guard, not null
     * @param onError stop at the first bad row, or collect every bad row, not null
     * @return the records and problems, never null
     */
    public static ReadResult<PeriodRecord> readPeriod(
            Reader reader, String source, FormulaGuard guard, OnError onError) {
        try (RecordReader<PeriodRecord> in = periodReader(reader, source, guard)) {
            return in.readAll(onError);
        }
    }

    /**
     * Reads a whole Pay-per-Use list.
     *
     * @param reader the CSV, not null; closed before returning
     * @param source the name errors give, not null
     * @param guard whether to remove the project's formula guard, not null
     * @param onError stop at the first bad row, or collect every bad row, not null
     * @return the records and problems, never null
     */
    public static ReadResult<PayPerUseRecord> readPayPerUse(
            Reader reader, String source, FormulaGuard guard, OnError onError) {
        try (RecordReader<PayPerUseRecord> in = payPerUseReader(reader, source, guard)) {
            return in.readAll(onError);
        }
    }

    private static PeriodRecord period(RecordReader.Cells c) {
        var cycle = c.month(0);
        String preOrder = c.text(4);
        var type = c.parse(
                3,
                v -> OrderType.ofLabel(v)
                        .orElseThrow(() -> new IllegalArgumentException(
                                "order type '" + v + "' is not Purchase, Renewal, Unsubscription or Change")));
        String modeText = c.text(9);
        BillingMode mode = modeText.isEmpty() ? null : c.parse(9, ReconciliationCsv::billingMode);
        Integer quantity = c.parse(10, ReconciliationCsv::quantity);
        BigDecimal duration = c.decimal(11);
        Payments payments = payments(c, 12);
        return c.build(() -> new PeriodRecord(
                cycle,
                c.text(1),
                c.text(2),
                type,
                preOrder.isEmpty() ? Optional.empty() : Optional.of(preOrder),
                c.text(5),
                c.text(6),
                c.text(7),
                c.text(8),
                Optional.ofNullable(mode),
                quantity,
                duration,
                payments,
                c.text(17)));
    }

    private static PayPerUseRecord payPerUse(RecordReader.Cells c) {
        var cycle = c.month(0);
        BillingMode mode = c.parse(5, ReconciliationCsv::billingMode);
        BigDecimal usage = c.decimal(7);
        Payments payments = payments(c, 9);
        return c.build(() -> new PayPerUseRecord(
                cycle,
                c.text(1),
                c.text(2),
                c.text(3),
                c.text(4),
                mode,
                c.text(6),
                usage,
                c.text(8),
                payments,
                c.text(14)));
    }

    private static Payments payments(RecordReader.Cells c, int first) {
        BigDecimal official = c.decimal(first);
        BigDecimal due = c.decimal(first + 1);
        BigDecimal cash = c.decimal(first + 2);
        BigDecimal credit = c.decimal(first + 3);
        BigDecimal coupon = c.decimal(first + 4);
        if (official == null || due == null || cash == null || credit == null || coupon == null) {
            return null; // the bad cell is reported already
        }
        return c.parse(first + 1, v -> new Payments(official, due, cash, credit, coupon));
    }

    private static BillingMode billingMode(String v) {
        return BillingMode.ofLabel(v)
                .orElseThrow(() -> new IllegalArgumentException("billing mode '" + v + "' is not one of "
                        + java.util.Arrays.stream(BillingMode.values())
                                .map(BillingMode::label)
                                .toList()));
    }

    private static Integer quantity(String v) {
        if (!v.matches("[0-9]{1,9}")) {
            throw new IllegalArgumentException("purchase quantity '" + v + "' is not a whole number");
        }
        return Integer.valueOf(v);
    }

    private static String text(String value, FormulaGuard guard) {
        return guard == FormulaGuard.ON ? CsvSafety.neutralize(value) : value;
    }

    /** Returns a list's row: its own cells {@code first}, then the payment columns and the remarks. */
    private static Object[] paidRow(Payments payments, String remarks, Object[] first) {
        Object[] row = java.util.Arrays.copyOf(first, first.length + 6);
        row[first.length] = DecimalText.of(payments.officialTotalAmount());
        row[first.length + 1] = DecimalText.of(payments.amountDue());
        row[first.length + 2] = DecimalText.of(payments.cashPayment());
        row[first.length + 3] = DecimalText.of(payments.creditPayment());
        row[first.length + 4] = DecimalText.of(payments.cashCouponUsed());
        row[first.length + 5] = remarks;
        return row;
    }

    private interface Row<T> {
        Object[] cells(T record);
    }

    private static <T> void write(Writer writer, List<String> header, Iterator<T> records, Row<T> row) {
        requireNonNull(writer, "writer");
        requireNonNull(records, "records");
        try {
            SequenceWriter out = new CsvMapper()
                    .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
                    .writerFor(Object[].class)
                    .writeValues(writer);
            out.write(header.toArray());
            while (records.hasNext()) {
                out.write(row.cells(requireNonNull(records.next(), "record")));
            }
            out.close();
            writer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
