package org.cloudbilling.core.recon;

import java.util.Optional;

/** The billing mode column of both reconciliation lists. */
public enum BillingMode {
    /** Billed by the day. */
    DAILY("Daily"),
    /** Billed by the month. */
    MONTHLY("Monthly"),
    /** Billed by the year. */
    YEARLY("Yearly"),
    /** Billed by use. */
    PAY_PER_USE("Pay-per-use"),
    /** A reserved instance paid without upfront payment. */
    RESERVED_NO_UPFRONT("Reserved instance - no upfront payment"),
    /** A reserved instance paid fully upfront. */
    RESERVED_FULL_UPFRONT("Reserved instance - full upfront payment"),
    /** A reserved instance paid half upfront. */
    RESERVED_HALF_UPFRONT("Reserved instance - half upfront payment");

    private final String label;

    BillingMode(String label) {
        this.label = label;
    }

    /** Returns the value as the list writes it, such as {@code Pay-per-use}. */
    public String label() {
        return label;
    }

    /** Returns the billing mode written {@code label}, if there is one. */
    public static Optional<BillingMode> ofLabel(String label) {
        for (BillingMode m : values()) {
            if (m.label.equals(label)) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }
}
