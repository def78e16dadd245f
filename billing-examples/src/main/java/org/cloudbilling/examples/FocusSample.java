package org.cloudbilling.examples;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.cloudbilling.core.bill.LineItem;
import org.cloudbilling.core.focus.FocusCsv;
import org.cloudbilling.core.io.BillingInputException;
import org.cloudbilling.core.io.FormulaGuard;
import org.cloudbilling.core.io.OnError;

/**
 * Reads FOCUS 1.0 CSV, such as the bundled sample, into line items through the library's reader
 * ({@link FocusCsv#readLineItems}, mapped by {@code FocusLineItems.toLineItem}): BillingAccountId is the payer,
 * SubAccountId the owner (BillingAccountId when null), ServiceName the product, SkuId the item, BilledCost the
 * total cost, ListCost the list cost, ChargeCategory the action type (a Purchase is prepaid, the rest postpaid),
 * ConsumedQuantity and ConsumedUnit the usage, and the sample's {@code Id} the line item id.
 *
 * <p>The reader takes real exports as they are: timestamps written {@code 2024-09-01 00:00:00} (read as UTC), the
 * literal {@code NULL} (an absent value), and tags as a JSON object whose keys are kept exactly.
 */
public final class FocusSample {
    /** The sample's place on the class path. */
    public static final String RESOURCE = "/focus-1.0/focus_sample.csv";
    /** The sample's attribution, to show with any use of it. */
    public static final String ATTRIBUTION = "FOCUS Sample Data, FinOps Foundation, CC BY 4.0";

    private FocusSample() {}

    /**
     * Reads the bundled sample.
     *
     * @return its 1000 line items, never null
     */
    public static List<LineItem> read() {
        try (InputStream in = open()) {
            return read(new InputStreamReader(in, StandardCharsets.UTF_8), "focus_sample.csv");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Opens the bundled sample's CSV text.
     *
     * @return the sample, never null; the caller closes it
     */
    public static InputStream open() {
        InputStream in = FocusSample.class.getResourceAsStream(RESOURCE);
        if (in == null) {
            throw new IllegalStateException("bug: " + RESOURCE + " is not on the class path");
        }
        return in;
    }

    /**
     * Reads FOCUS rows, stopping at the first row it cannot read.
     *
     * @param reader the CSV text, not null; read to its end and closed
     * @param source the name errors give for the input, such as a file name, not null
     * @return the line items, never null
     * @throws BillingInputException naming source, line, column and value of a row it cannot read
     * @throws IOException if the text cannot be read
     */
    public static List<LineItem> read(Reader reader, String source) throws IOException {
        try {
            return FocusCsv.readLineItems(reader, source, FormulaGuard.OFF, OnError.FAIL)
                    .valuesOrThrow();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
