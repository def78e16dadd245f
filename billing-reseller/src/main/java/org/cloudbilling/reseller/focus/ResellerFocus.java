package org.cloudbilling.reseller.focus;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.cloudbilling.core.bill.ActionType;
import org.cloudbilling.core.bill.LineItem;
import org.cloudbilling.core.bill.PayMode;
import org.cloudbilling.core.focus.FocusColumn;
import org.cloudbilling.core.focus.FocusExport;
import org.cloudbilling.core.focus.FocusLineItems;
import org.cloudbilling.core.focus.FocusRow;
import org.cloudbilling.core.focus.FocusVersion;
import org.cloudbilling.core.id.LineItemId;
import org.cloudbilling.core.id.TagKey;
import org.cloudbilling.core.money.Money;
import org.cloudbilling.core.time.BillingMonth;
import org.cloudbilling.reseller.bill.BillA;
import org.cloudbilling.reseller.bill.BillARow;
import org.cloudbilling.reseller.bill.BillB;
import org.cloudbilling.reseller.bill.BillBRow;
import org.cloudbilling.reseller.bill.ResellerCost;
import org.cloudbilling.reseller.bill.RowKind;

/**
 * A reseller's Bill A and Bill B in FOCUS 1.0 form, one FOCUS row per bill row. Each row starts as the FOCUS row
 * of its line item ({@link FocusLineItems#toRow}: charge period, service, SKU, region, resource, frequency), then
 * takes the bill's parties and amounts:
 *
 * <ul>
 *   <li>Bill A (provider to reseller): BillingAccountId the reseller, SubAccountId the end customer's owner UIN,
 *       BilledCost and EffectiveCost the reseller's cost, ListCost the row's original price, ContractedCost the
 *       cost; the reseller discount, reseller voucher and cash expenditure go to custom columns (RES-3).
 *   <li>Bill B (reseller to end customer): BillingAccountId and SubAccountId the customer, BilledCost and
 *       EffectiveCost the customer's total after vouchers, ListCost the original price, ContractedCost the total
 *       before vouchers; the reserved-instance deduction, customer voucher, customer discount (where enabled) and
 *       reseller-perspective columns (where enabled) go to custom columns. A voucher is not a separate Credit row:
 *       BilledCost already has it deducted, so that the rows stay one per bill row.
 *   <li>ChargeCategory: {@code Adjustment} for a bill adjustment (Bill A only, RES-5); a refund is a negative
 *       charge of the category it refunds, {@code Purchase} for a prepaid item and {@code Usage} for a postpaid
 *       one (RES-4); other rows as {@link FocusLineItems#chargeCategory}. {@code x_RowKind} keeps the bill's kind.
 *   <li>Tags: the row's tags, which hold only the reseller's billing tag keys (RES-11); null when none.
 *   <li>The line item's payment and deduction columns are left out: they are the provider's view of the item,
 *       not the bill's.
 * </ul>
 *
 * <p>Amounts keep every decimal (MONEY-2), so the BilledCost of a bill adds up to its total exactly (FOCUS-5).
 *
 * <pre>{@code
 * List<FocusRow> rows = ResellerFocus.billA(month.billA(), itemsById::get, export);
 * try (FocusCsvWriter out = FocusCsv.writer(writer, ResellerFocus.BILL_A_COLUMNS, FormulaGuard.ON)) {
 *     rows.forEach(out::write);
 * }
 * }</pre>
 */
public final class ResellerFocus {
    /** The bill row's kind: {@code CHARGE}, {@code REFUND}, {@code CONFIGURATION_CHANGE} or {@code ADJUSTMENT}. */
    public static final String X_ROW_KIND = "x_RowKind";
    /** Bill A: the original price less the reseller's cost. */
    public static final String X_RESELLER_DISCOUNT = "x_ResellerDiscount";
    /** Bill A: the part of the cost paid with the reseller's vouchers. */
    public static final String X_RESELLER_VOUCHER = "x_ResellerVoucher";
    /** Bill A: the cost less the reseller voucher. */
    public static final String X_CASH_EXPENDITURE = "x_CashExpenditure";
    /** Bill B: the part of the list cost a reserved instance covers. */
    public static final String X_RESERVED_INSTANCE_DEDUCTION = "x_ReservedInstanceDeduction";
    /** Bill B: the customer discount multiplier, only where customer discounts are enabled. */
    public static final String X_CUSTOMER_DISCOUNT = "x_CustomerDiscount";
    /** Bill B: the customer's amount before vouchers. */
    public static final String X_TOTAL_BEFORE_VOUCHER = "x_TotalBeforeVoucher";
    /** Bill B: the end-customer vouchers used on the row (RES-8). */
    public static final String X_CUSTOMER_VOUCHER = "x_CustomerVoucher";
    /** Bill B: the reseller's cost, only where the reseller perspective is enabled. */
    public static final String X_RESELLER_COST = "x_ResellerCost";

    /** The custom columns of a Bill A export, in order. */
    public static final List<String> BILL_A_COLUMNS =
            columns(List.of(X_ROW_KIND, X_RESELLER_DISCOUNT, X_RESELLER_VOUCHER, X_CASH_EXPENDITURE));

    /** The custom columns of a Bill B export, in order. */
    public static final List<String> BILL_B_COLUMNS = columns(List.of(
            X_ROW_KIND,
            X_RESERVED_INSTANCE_DEDUCTION,
            X_CUSTOMER_DISCOUNT,
            X_TOTAL_BEFORE_VOUCHER,
            X_CUSTOMER_VOUCHER,
            X_RESELLER_DISCOUNT,
            X_RESELLER_VOUCHER,
            X_RESELLER_COST));

    private ResellerFocus() {}

    private static List<String> columns(List<String> own) {
        List<String> out = new ArrayList<>(FocusLineItems.EXTRA_COLUMNS);
        out.removeAll(FocusLineItems.AMOUNT_COLUMNS);
        out.addAll(own);
        return List.copyOf(out);
    }

    /**
     * Returns the FOCUS rows of a Bill A, in the order of its rows.
     *
     * @param bill the bill, not null
     * @param items the line item of each row's id, not null; must know every row's item
     * @param export the issuer's names (the provider's) and calendar, not null
     * @return one row per bill row, never null
     * @throws NullPointerException naming the line item when {@code items} does not know it
     */
    public static List<FocusRow> billA(BillA bill, Function<LineItemId, LineItem> items, FocusExport export) {
        requireNonNull(items, "items");
        requireNonNull(export, "export");
        List<FocusRow> out = new ArrayList<>(bill.rows().size());
        for (BillARow r : bill.rows()) {
            LineItem item = item(items, r.id());
            FocusRow.Builder b = base(item, r.kind(), bill.month(), export)
                    .set(FocusColumn.BILLING_ACCOUNT_ID, bill.reseller().value())
                    .set(FocusColumn.SUB_ACCOUNT_ID, r.owner().value())
                    .set(FocusColumn.BILLED_COST, r.cost().amount())
                    .set(FocusColumn.EFFECTIVE_COST, effectiveCost(r.cost(), item, r.kind(), export))
                    .set(FocusColumn.LIST_COST, r.originalPrice().amount())
                    .set(FocusColumn.CONTRACTED_COST, r.cost().amount())
                    .tags(tags(r.tags()))
                    .extra(X_RESELLER_DISCOUNT, plain(r.resellerDiscount()))
                    .extra(X_RESELLER_VOUCHER, plain(r.resellerVoucher()))
                    .extra(X_CASH_EXPENDITURE, plain(r.cashExpenditure()));
            out.add(b.build());
        }
        return List.copyOf(out);
    }

    /**
     * Returns the FOCUS rows of a Bill B, in the order of its rows.
     *
     * @param bill the bill, not null
     * @param items the line item of each row's id, not null; must know every row's item
     * @param export the issuer's names and calendar, not null: the reseller is the InvoiceIssuerName of Bill B and, as
     *     the one that sold the services to its customers, its ProviderName too, the cloud being the PublisherName
     *     (FOCUS 1.2's BilledCost-C-005-C reads a ProviderName other than the InvoiceIssuerName as a charge paid to
     *     a third party, whose BilledCost is 0; a customer pays the reseller)
     * @return one row per bill row, never null
     * @throws NullPointerException naming the line item when {@code items} does not know it
     */
    public static List<FocusRow> billB(BillB bill, Function<LineItemId, LineItem> items, FocusExport export) {
        requireNonNull(items, "items");
        requireNonNull(export, "export");
        List<FocusRow> out = new ArrayList<>(bill.rows().size());
        for (BillBRow r : bill.rows()) {
            LineItem item = item(items, r.id());
            Optional<ResellerCost> cost = r.resellerCost();
            FocusRow.Builder b = base(item, r.kind(), bill.month(), export)
                    .set(FocusColumn.BILLING_ACCOUNT_ID, r.customer().value())
                    .set(FocusColumn.SUB_ACCOUNT_ID, r.customer().value())
                    .set(FocusColumn.BILLED_COST, r.total().amount())
                    .set(FocusColumn.EFFECTIVE_COST, effectiveCost(r.total(), item, r.kind(), export))
                    .set(FocusColumn.LIST_COST, r.originalPrice().amount())
                    .set(FocusColumn.CONTRACTED_COST, r.totalBeforeVoucher().amount())
                    .tags(tags(r.tags()))
                    .extra(X_RESERVED_INSTANCE_DEDUCTION, plain(r.reservedInstanceDeduction()))
                    .extra(
                            X_CUSTOMER_DISCOUNT,
                            r.customerDiscount().map(BigDecimal::toPlainString).orElse(null))
                    .extra(X_TOTAL_BEFORE_VOUCHER, plain(r.totalBeforeVoucher()))
                    .extra(X_CUSTOMER_VOUCHER, plain(r.customerVoucher()))
                    .extra(
                            X_RESELLER_DISCOUNT,
                            cost.map(c -> plain(c.resellerDiscount())).orElse(null))
                    .extra(
                            X_RESELLER_VOUCHER,
                            cost.map(c -> plain(c.resellerVoucher())).orElse(null))
                    .extra(X_RESELLER_COST, cost.map(c -> plain(c.cost())).orElse(null));
            out.add(b.build());
        }
        return List.copyOf(out);
    }

    /**
     * Returns the ChargeCategory of a bill row (FOCUS-4): {@code Adjustment} for a bill adjustment; for a refund
     * the category it refunds, {@code Purchase} when prepaid and {@code Usage} when postpaid; otherwise
     * {@link FocusLineItems#chargeCategory}.
     *
     * @param item the row's line item, not null
     * @param kind the row's kind, not null
     * @return the category, never null
     */
    public static String chargeCategory(LineItem item, RowKind kind) {
        requireNonNull(kind, "kind");
        if (kind == RowKind.ADJUSTMENT) {
            return "Adjustment";
        }
        if (item.actionType() == ActionType.REFUND) {
            return item.payMode() == PayMode.PREPAID ? "Purchase" : "Usage";
        }
        return FocusLineItems.chargeCategory(item);
    }

    /**
     * The EffectiveCost of a bill row: its amount, except for a purchase in FOCUS 1.2, which covers the resource's
     * coming period and is 0 (EffectiveCost-C-005-C), as {@link FocusLineItems#toRow} writes it.
     */
    private static BigDecimal effectiveCost(Money amount, LineItem item, RowKind kind, FocusExport export) {
        boolean purchase12 = export.version().compareTo(FocusVersion.V1_2) >= 0
                && chargeCategory(item, kind).equals("Purchase");
        return purchase12 ? BigDecimal.ZERO : amount.amount();
    }

    private static FocusRow.Builder base(LineItem item, RowKind kind, BillingMonth month, FocusExport export) {
        FocusRow.Builder b = FocusLineItems.toRow(item, month, export).toBuilder()
                .set(FocusColumn.CHARGE_CATEGORY, chargeCategory(item, kind))
                .extra(X_ROW_KIND, kind.name());
        FocusLineItems.AMOUNT_COLUMNS.forEach(c -> b.extra(c, null));
        return b;
    }

    private static LineItem item(Function<LineItemId, LineItem> items, LineItemId id) {
        return requireNonNull(items.apply(id), () -> "no line item " + id);
    }

    private static Map<String, String> tags(Map<TagKey, String> tags) {
        if (tags.isEmpty()) {
            return null;
        }
        Map<String, String> out = new LinkedHashMap<>();
        tags.forEach((k, v) -> out.put(k.value(), v));
        return out;
    }

    private static String plain(Money money) {
        return money.amount().toPlainString();
    }
}
