package org.cloudbilling.core.recon;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.util.Optional;
import org.cloudbilling.core.time.BillingMonth;

/**
 * One row of the yearly/monthly list {@code ReconciliationList(Period)_YYYYMM}. Text columns are never null; an
 * empty text is written as an empty cell.
 *
 * @param billingCycle the billing cycle, written {@code YYYY-MM}, not null
 * @param consumeTime the consume or unsubscription time, as written (the producer writes {@code yyyy-MM-dd HH:mm:ss}
 *     in the calendar's zone), not null
 * @param orderNo the order, not null nor empty
 * @param orderType the order type, not null
 * @param preOrderId the order unsubscribed from; present exactly for an unsubscription (RECON-3)
 * @param productType the product category, not null
 * @param region the region, not null
 * @param product the product, not null
 * @param specifications the resource's specifications, not null
 * @param billingMode the billing mode; empty exactly for an unsubscription (RECON-3)
 * @param purchaseQuantity the number of resources bought, at least 0
 * @param duration the subscribed duration in units of the billing mode, not null
 * @param payments the amounts, adding up (RECON-4), not null
 * @param remarks supplementary information, not null
 */
public record PeriodRecord(
        BillingMonth billingCycle,
        String consumeTime,
        String orderNo,
        OrderType orderType,
        Optional<String> preOrderId,
        String productType,
        String region,
        String product,
        String specifications,
        Optional<BillingMode> billingMode,
        int purchaseQuantity,
        BigDecimal duration,
        Payments payments,
        String remarks) {

    /**
     * Checks RECON-3.
     *
     * @throws IllegalArgumentException if an unsubscription lacks its Pre-OrderId or has a billing mode, or
     *     another order type has a Pre-OrderId or lacks a billing mode
     */
    public PeriodRecord {
        requireNonNull(billingCycle, "billingCycle");
        requireNonNull(consumeTime, "consumeTime");
        checkArgument(!requireNonNull(orderNo, "orderNo").isEmpty(), "orderNo is empty");
        requireNonNull(orderType, "orderType");
        requireNonNull(preOrderId, "preOrderId");
        requireNonNull(productType, "productType");
        requireNonNull(region, "region");
        requireNonNull(product, "product");
        requireNonNull(specifications, "specifications");
        requireNonNull(billingMode, "billingMode");
        checkArgument(purchaseQuantity >= 0, "purchaseQuantity %s is negative", purchaseQuantity);
        requireNonNull(duration, "duration");
        requireNonNull(payments, "payments");
        requireNonNull(remarks, "remarks");
        if (orderType == OrderType.UNSUBSCRIPTION) {
            checkArgument(
                    preOrderId.isPresent() && !preOrderId.get().isEmpty(),
                    "order %s is an unsubscription without its Pre-OrderId (RECON-3)",
                    orderNo);
            checkArgument(
                    billingMode.isEmpty(),
                    "order %s is an unsubscription with billing mode %s; it has none (RECON-3)",
                    orderNo,
                    billingMode.map(BillingMode::label).orElse(""));
        } else {
            checkArgument(
                    preOrderId.isEmpty(), "order %s is a %s with a Pre-OrderId (RECON-3)", orderNo, orderType.label());
            checkArgument(
                    billingMode.isPresent(), "order %s is a %s without a billing mode", orderNo, orderType.label());
        }
    }

    /**
     * Returns whether a {@link OrderType#CHANGE} is an upgrade (amount due positive) or a downgrade (negative)
     * (RECON-3); empty for other order types and for a change of zero.
     */
    public Optional<Change> change() {
        if (orderType != OrderType.CHANGE || payments.amountDue().signum() == 0) {
            return Optional.empty();
        }
        return Optional.of(payments.amountDue().signum() > 0 ? Change.UPGRADE : Change.DOWNGRADE);
    }

    /** What a specification change is. */
    public enum Change {
        /** A change with a positive amount. */
        UPGRADE,
        /** A change with a negative amount. */
        DOWNGRADE
    }
}
