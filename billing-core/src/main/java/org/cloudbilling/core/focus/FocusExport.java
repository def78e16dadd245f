package org.cloudbilling.core.focus;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import org.cloudbilling.core.time.BillingCalendar;

/**
 * What a FOCUS export says about its issuer, which line items do not carry: the provider, publisher and invoice
 * issuer names (FOCUS columns that are never null), the calendar that cuts billing periods, and the FOCUS version
 * written (1.0 unless stated).
 *
 * <pre>{@code
 * FocusExport export = new FocusExport("Tencent Cloud", "Tencent Cloud", "Tencent Cloud", BillingCalendar.TENCENT);
 * FocusExport v12 = export.withVersion(FocusVersion.V1_2);
 * }</pre>
 *
 * @param providerName the ProviderName, not null nor empty
 * @param publisherName the PublisherName, not null nor empty
 * @param invoiceIssuerName the InvoiceIssuerName, not null nor empty
 * @param calendar cuts a billing month into its period, not null
 * @param version the FOCUS version the rows are for, not null
 */
public record FocusExport(
        String providerName,
        String publisherName,
        String invoiceIssuerName,
        BillingCalendar calendar,
        FocusVersion version) {

    /** An export of FOCUS 1.0. */
    public FocusExport(String providerName, String publisherName, String invoiceIssuerName, BillingCalendar calendar) {
        this(providerName, publisherName, invoiceIssuerName, calendar, FocusVersion.V1_0);
    }

    /** Returns this export for FOCUS {@code version}. */
    public FocusExport withVersion(FocusVersion version) {
        return new FocusExport(providerName, publisherName, invoiceIssuerName, calendar, version);
    }

    /** Checks the components. */
    public FocusExport {
        checkArgument(!requireNonNull(providerName, "providerName").isEmpty(), "providerName is empty");
        checkArgument(!requireNonNull(publisherName, "publisherName").isEmpty(), "publisherName is empty");
        checkArgument(!requireNonNull(invoiceIssuerName, "invoiceIssuerName").isEmpty(), "invoiceIssuerName is empty");
        requireNonNull(calendar, "calendar");
        requireNonNull(version, "version");
    }
}
