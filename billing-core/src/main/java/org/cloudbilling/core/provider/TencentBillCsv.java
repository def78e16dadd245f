package org.cloudbilling.core.provider;

import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.Charset;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.List;
import org.cloudbilling.core.bill.LineItem;
import org.cloudbilling.core.io.BillingInputException;
import org.cloudbilling.core.io.OnError;
import org.cloudbilling.core.io.ReadResult;
import org.cloudbilling.core.io.StrictText;

/**
 * A Tencent-style detailed bill as CSV: one row per billing component, with the fields of the bill detail API
 * ({@code DescribeBillDetail} and its {@code ComponentSet}) as column names.
 *
 * <pre>{@code
 * ReadResult<LineItem> items = TencentBillCsv.readAll(reader, "bill-2024-09.csv", Currency.getInstance("CNY"),
 *         TencentBillCsv.BEIJING, OnError.COLLECT);
 * }</pre>
 *
 * <p>Columns are found by name, in any order; other columns (the {@code ...Name} columns of the API) are
 * ignored. Times are written {@code 2024-09-30 23:59:59} in the bill's zone (UTC+8 by default); FeeEndTime is
 * the last second inside the fee period, so the exclusive end is one second later (FOCUS-2). Tags are the API's
 * JSON array {@code [{"TagKey":"team","TagValue":"web"}]}. Amounts keep every decimal (MONEY-2). The full
 * mapping is in {@code docs/formats.md}.
 */
public final class TencentBillCsv {
    /** The zone Tencent writes bill times in: UTC+8. */
    public static final ZoneId BEIJING = ZoneOffset.ofHours(8);

    /** The columns a bill must have. */
    public static final List<String> REQUIRED_COLUMNS = List.of(
            "BillId",
            "PayerUin",
            "OwnerUin",
            "BusinessCode",
            "PayMode",
            "ActionType",
            "FeeBeginTime",
            "FeeEndTime",
            "Cost",
            "RealCost");

    /** The columns the reader takes when present. */
    public static final List<String> OPTIONAL_COLUMNS = List.of(
            "OperateUin",
            "ProductCode",
            "ItemCode",
            "RegionId",
            "ProjectId",
            "ResourceId",
            "InstanceType",
            "OrderId",
            "PayTime",
            "UsedAmount",
            "UsedAmountUnit",
            "Discount",
            "SPDeduction",
            "CashPayAmount",
            "VoucherPayAmount",
            "IncentivePayAmount",
            "TransferPayAmount",
            "Tags");

    private TencentBillCsv() {}

    /**
     * Opens a streaming reader; it reads and checks the header at once.
     *
     * @param reader the CSV, not null; closed with the returned reader
     * @param source the name errors give, not null
     * @param currency the currency of every amount (the CSV has no currency column), not null
     * @param zone the zone the times are written in, usually {@link #BEIJING}, not null
     * @return the reader, never null
     * @throws BillingInputException if the input is empty or the header lacks a required column
     */
    public static TencentBillCsvReader reader(Reader reader, String source, Currency currency, ZoneId zone) {
        return new TencentBillCsvReader(reader, source, currency, zone);
    }

    /**
     * Opens a streaming reader of bytes in {@code charset}, decoded strictly (IO-1): a Chinese export is often
     * GB18030 (or GBK, which GB18030 includes); a byte sequence not valid in the charset is a
     * {@link BillingInputException} naming its line and column, never a replacement character.
     *
     * @param in the CSV bytes, not null; closed with the returned reader
     * @param charset the file's encoding, not null
     * @param source the name errors give, not null
     * @param currency the currency of every amount, not null
     * @param zone the zone the times are written in, not null
     * @return the reader, never null
     * @throws BillingInputException if the input is empty, the header lacks a required column, or it cannot be
     *     decoded
     */
    public static TencentBillCsvReader reader(
            InputStream in, Charset charset, String source, Currency currency, ZoneId zone) {
        return reader(StrictText.reader(in, charset, source), source, currency, zone);
    }

    /**
     * Reads a whole bill.
     *
     * @param reader the CSV, not null; closed before returning
     * @param source the name errors give, not null
     * @param currency the currency of every amount, not null
     * @param zone the zone the times are written in, not null
     * @param onError stop at the first bad row, or collect every bad row, not null
     * @return the items and the problems, never null
     * @throws BillingInputException at the first bad row with {@link OnError#FAIL}, and when the header or the
     *     CSV structure is broken
     */
    public static ReadResult<LineItem> readAll(
            Reader reader, String source, Currency currency, ZoneId zone, OnError onError) {
        try (TencentBillCsvReader in = reader(reader, source, currency, zone)) {
            return in.readAll(onError);
        }
    }
}
