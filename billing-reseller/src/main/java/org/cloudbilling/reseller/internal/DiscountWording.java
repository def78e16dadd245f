package org.cloudbilling.reseller.internal;

import java.time.Instant;
import java.util.Optional;
import org.cloudbilling.core.id.BusinessCode;

/** Not API: how error messages name a discount's product and effective-from (RES-13, RES-14). */
public final class DiscountWording {
    private DiscountWording() {}

    /** Returns {@code "always"} for {@code Instant.MIN}, else {@code "from <instant>"}. */
    public static String sinceOf(Instant effectiveFrom) {
        return effectiveFrom.equals(Instant.MIN) ? "always" : "from " + effectiveFrom;
    }

    /** Returns {@code "product <code>"}, or {@code "every product"} when empty. */
    public static String scopeOf(Optional<BusinessCode> product) {
        return product.map(p -> "product " + p).orElse("every product");
    }
}
