package org.cloudbilling.core.focus;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * A version of the FOCUS specification the library reads and writes: 1.0 (43 columns), 1.1 (50), 1.2 (57) and
 * 1.3 (65).
 * Each later version adds columns and removes none; a dataset's version is found from its columns
 * ({@link #detect}) or stated by the caller.
 *
 * <pre>{@code
 * FocusVersion v = FocusVersion.detect(List.of("BilledCost", "InvoiceId", ...));   // V1_2
 * v.columns();   // the 57 columns of FOCUS 1.2, in the order an export writes them
 * }</pre>
 */
public enum FocusVersion {
    /** FOCUS 1.0 (June 2024). */
    V1_0("1.0"),
    /** FOCUS 1.1 (November 2024): capacity reservations, commitment quantities, subcategories, SKU meters. */
    V1_1("1.1"),
    /** FOCUS 1.2 (May 2025): invoices, account types, pricing currency. */
    V1_2("1.2"),
    /**
     * FOCUS 1.3 (December 2025): split cost allocation (AllocatedMethodId, AllocatedMethodDetails, AllocatedResourceId,
     * AllocatedResourceName, AllocatedTags), ContractApplied, and ServiceProviderName and HostProviderName, which
     * replace the deprecated ProviderName and PublisherName.
     */
    V1_3("1.3");

    private final String number;

    FocusVersion(String number) {
        this.number = number;
    }

    /** The columns of each version, built on first use (FocusColumn's constants refer to this enum's). */
    private static final class Columns {
        static final List<ImmutableList<FocusColumn>> BY_VERSION = build();

        private static List<ImmutableList<FocusColumn>> build() {
            List<ImmutableList<FocusColumn>> out = new ArrayList<>();
            for (FocusVersion v : FocusVersion.values()) {
                List<FocusColumn> in = new ArrayList<>();
                for (FocusColumn c : FocusColumn.values()) {
                    if (v.has(c)) {
                        in.add(c);
                    }
                }
                out.add(ImmutableList.copyOf(in));
            }
            return List.copyOf(out);
        }
    }

    /** Returns the version as the specification numbers it, such as {@code 1.2}. */
    public String number() {
        return number;
    }

    /** Returns the version's columns, in the order an export writes them (alphabetical, as the specification). */
    public ImmutableList<FocusColumn> columns() {
        return Columns.BY_VERSION.get(ordinal());
    }

    /** Returns whether the version has {@code column}. */
    public boolean has(FocusColumn column) {
        return column.since().ordinal() <= ordinal();
    }

    /**
     * Checks that a dataset of this version, with the custom columns {@code extraColumns} after its FOCUS ones, can
     * hold {@code row}: what a writer checks before it writes a row, so that no value is dropped.
     *
     * @param row the row, not null
     * @param extraColumns the dataset's custom columns, not null
     * @throws IllegalArgumentException if the row has a custom column the dataset has not, or a value in a FOCUS
     *     column of a later version than this one
     */
    public void requireColumnsOf(FocusRow row, Collection<String> extraColumns) {
        requireNonNull(row, "row");
        for (String extra : row.extra().keySet()) {
            com.google.common.base.Preconditions.checkArgument(
                    extraColumns.contains(extra), "the row has column %s, which the writer does not", extra);
        }
        for (FocusColumn c : FocusColumn.values()) {
            com.google.common.base.Preconditions.checkArgument(
                    has(c) || row.isNull(c),
                    "the row has %s, a FOCUS %s column, which a FOCUS %s dataset does not have",
                    c.header(),
                    c.since(),
                    this);
        }
    }

    /**
     * Returns the version numbered {@code number}.
     *
     * @param number {@code 1.0}, {@code 1.1}, {@code 1.2} or {@code 1.3}, not null
     * @return the version, if the library knows it
     */
    public static Optional<FocusVersion> of(String number) {
        requireNonNull(number, "number");
        for (FocusVersion v : values()) {
            if (v.number.equals(number)) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }

    /**
     * Returns the version of a dataset whose header is {@code headers}: the latest version one of whose own columns
     * it has (1.3 for ServiceProviderName, HostProviderName, ContractApplied or an Allocated column; 1.2 for
     * InvoiceId, BillingAccountType, SubAccountType or a PricingCurrency column; 1.1 for
     * CapacityReservationId, CapacityReservationStatus, CommitmentDiscountQuantity, CommitmentDiscountUnit,
     * ServiceSubcategory, SkuMeter or SkuPriceDetails), else 1.0.
     *
     * @param headers the column names, not null
     * @return the version, never null
     */
    public static FocusVersion detect(Collection<String> headers) {
        FocusVersion found = V1_0;
        for (String h : headers) {
            Optional<FocusColumn> c = FocusColumn.of(h);
            if (c.isPresent() && c.get().since().compareTo(found) > 0) {
                found = c.get().since();
            }
        }
        return found;
    }

    @Override
    public String toString() {
        return number;
    }
}
