package org.cloudbilling.reseller.channel;

import java.time.Instant;
import java.util.Optional;
import org.cloudbilling.core.bill.PayMode;
import org.cloudbilling.core.id.OwnerUin;
import org.cloudbilling.core.id.PayerUin;
import org.cloudbilling.core.time.Interval;

/**
 * Who pays an owner's charge when an organization pays on behalf of its members (ATTR-4, ORG-1, ORG-3).
 * {@link org.cloudbilling.reseller.organization.Organization} implements it.
 */
@FunctionalInterface
public interface PayOnBehalf {

    /** Nobody pays on behalf of anybody: every item keeps the payer it reports. */
    PayOnBehalf NONE = (owner, mode, feeCycle, orderTime) -> Optional.empty();

    /**
     * Returns the payer of a charge of {@code owner}, or empty to keep the payer the item reports.
     *
     * @param owner the account that used the resource, not null
     * @param payMode prepaid or postpaid, not null
     * @param feeCycle the fee cycle of the charge, not null
     * @param orderTime for a prepaid charge, when its order was placed; not null
     * @return the payer, never null
     */
    Optional<PayerUin> payerOf(OwnerUin owner, PayMode payMode, Interval feeCycle, Instant orderTime);
}
