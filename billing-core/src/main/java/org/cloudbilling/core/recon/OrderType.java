package org.cloudbilling.core.recon;

import java.util.Optional;

/** The type of a yearly/monthly order in the Period list (RECON-3). */
public enum OrderType {
    /** A new subscription. */
    PURCHASE("Purchase"),
    /** The renewal of a subscription. */
    RENEWAL("Renewal"),
    /** An unsubscription: names its Pre-OrderId and has no billing mode. */
    UNSUBSCRIPTION("Unsubscription"),
    /** A specification change: an upgrade when its amount is positive, a downgrade when negative. */
    CHANGE("Change");

    private final String label;

    OrderType(String label) {
        this.label = label;
    }

    /** Returns the value as the list writes it, such as {@code Unsubscription}. */
    public String label() {
        return label;
    }

    /** Returns the order type written {@code label}, if there is one. */
    public static Optional<OrderType> ofLabel(String label) {
        for (OrderType t : values()) {
            if (t.label.equals(label)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
