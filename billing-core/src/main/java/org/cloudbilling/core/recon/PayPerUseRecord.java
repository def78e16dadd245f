package org.cloudbilling.core.recon;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import org.cloudbilling.core.time.BillingMonth;

/**
 * One row of the pay-per-use list {@code ReconciliationList(Pay-per-Use)_YYYYMM}. Text columns are never null; an
 * empty text is written as an empty cell.
 *
 * @param billingCycle the billing cycle, written {@code YYYY-MM}, not null
 * @param productType the product category, not null
 * @param region the region, not null
 * @param product the product, not null
 * @param specifications the resource's specifications, not null
 * @param billingMode the billing mode, not null
 * @param usageType what the use is measured by, such as duration or traffic, not null
 * @param usage how much was used, not null
 * @param usageUnit the unit of {@code usage}, not null
 * @param payments the amounts, adding up (RECON-4), not null
 * @param remarks supplementary information, not null
 */
public record PayPerUseRecord(
        BillingMonth billingCycle,
        String productType,
        String region,
        String product,
        String specifications,
        BillingMode billingMode,
        String usageType,
        BigDecimal usage,
        String usageUnit,
        Payments payments,
        String remarks) {

    /** Checks that no component is null. */
    public PayPerUseRecord {
        requireNonNull(billingCycle, "billingCycle");
        requireNonNull(productType, "productType");
        requireNonNull(region, "region");
        requireNonNull(product, "product");
        requireNonNull(specifications, "specifications");
        requireNonNull(billingMode, "billingMode");
        requireNonNull(usageType, "usageType");
        requireNonNull(usage, "usage");
        requireNonNull(usageUnit, "usageUnit");
        requireNonNull(payments, "payments");
        requireNonNull(remarks, "remarks");
    }
}
