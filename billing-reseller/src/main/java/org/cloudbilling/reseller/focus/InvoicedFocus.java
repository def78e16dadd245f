package org.cloudbilling.reseller.focus;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import java.util.Map;
import org.cloudbilling.core.bill.LineItem;
import org.cloudbilling.core.focus.FocusColumn;
import org.cloudbilling.core.focus.FocusExport;
import org.cloudbilling.core.focus.FocusLineItems;
import org.cloudbilling.core.focus.FocusRow;
import org.cloudbilling.core.id.LineItemId;
import org.cloudbilling.core.time.BillingMonth;
import org.cloudbilling.reseller.organization.InvoiceId;
import org.cloudbilling.reseller.organization.InvoiceRegister;

/**
 * An organization's charges as FOCUS rows that carry their invoice (ORG-10): each charge an invoice or note of the
 * register covers gets that document's id in InvoiceId (the document that first covered it); a charge not yet
 * invoiced has a null InvoiceId. Every other column is the charge's own FOCUS row ({@link FocusLineItems#toRow}).
 *
 * <pre>{@code
 * List<FocusRow> rows = InvoicedFocus.toRows(charges, BillingMonth.of(2024, 9), export.withVersion(FocusVersion.V1_2), register);
 * }</pre>
 */
public final class InvoicedFocus {
    private InvoicedFocus() {}

    /**
     * Returns the FOCUS rows of {@code charges}, in their order, each with the InvoiceId of the document that
     * covers it.
     *
     * @param charges the charges, not null
     * @param billingMonth the month whose invoice the charges are on, not null
     * @param export the issuer's names, calendar and FOCUS version: one with the InvoiceId column (1.2 or later)
     * @param register the organization's invoices and notes, not null
     * @return the rows, never null
     * @throws IllegalArgumentException if the export's FOCUS version has no InvoiceId column
     */
    public static ImmutableList<FocusRow> toRows(
            Iterable<LineItem> charges, BillingMonth billingMonth, FocusExport export, InvoiceRegister register) {
        requireNonNull(charges, "charges");
        requireNonNull(billingMonth, "billingMonth");
        requireNonNull(export, "export");
        checkArgument(
                export.version().has(FocusColumn.INVOICE_ID),
                "FOCUS %s has no InvoiceId column: export FOCUS 1.2 to carry invoices",
                export.version());
        Map<LineItemId, InvoiceId> invoiced = register.invoiceIds();
        ImmutableList.Builder<FocusRow> rows = ImmutableList.builder();
        for (LineItem charge : charges) {
            FocusRow row = FocusLineItems.toRow(charge, billingMonth, export);
            InvoiceId id = invoiced.get(charge.id());
            rows.add(
                    id == null
                            ? row
                            : row.toBuilder()
                                    .set(FocusColumn.INVOICE_ID, id.value())
                                    .build());
        }
        return rows.build();
    }
}
