package org.cloudbilling.reseller.channel;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Optional;
import org.cloudbilling.core.bill.LineItem;
import org.cloudbilling.core.id.OwnerUin;
import org.cloudbilling.core.id.PayerUin;
import org.cloudbilling.core.id.ProjectId;
import org.cloudbilling.core.time.BillingMonth;

/**
 * A line item with whom it belongs to: the month of its fee cycle, the partner whose end customer the owner was
 * at the attribution instant (empty for a direct customer), the payer and the project.
 *
 * @param item the line item as the provider reported it, not null
 * @param month the billing month of the item's fee cycle, also for late data, not null
 * @param basis which rule chose the attribution instant, not null
 * @param attributedAt the instant whose identity decides, not null
 * @param partner the partner the owner was bound to then; empty for a direct customer
 * @param payer who pays the charge (ATTR-4), not null
 * @param payerBasis whether an organization admin pays it on behalf of the owner, not null
 * @param project the project at deduction time (ATTR-5), empty when unknown
 */
public record AttributedCharge(
        LineItem item,
        BillingMonth month,
        AttributionBasis basis,
        Instant attributedAt,
        Optional<PartnerUin> partner,
        PayerUin payer,
        PayerBasis payerBasis,
        Optional<ProjectId> project) {

    public AttributedCharge {
        requireNonNull(item, "item");
        requireNonNull(month, "month");
        requireNonNull(basis, "basis");
        requireNonNull(attributedAt, "attributedAt");
        requireNonNull(partner, "partner");
        requireNonNull(payer, "payer");
        requireNonNull(payerBasis, "payerBasis");
        requireNonNull(project, "project");
    }

    /** Returns whether an organization admin pays the charge on behalf of its owner ({@link PayerBasis#ON_BEHALF}). */
    public boolean paidOnBehalf() {
        return payerBasis == PayerBasis.ON_BEHALF;
    }

    /** Returns the account that used the resource, never null. */
    public OwnerUin owner() {
        return item.ownerUin();
    }

    /**
     * Returns the time of the charge that decides its end-customer discount (RES-14): for a prepaid charge the order
     * time {@link Attribution} decided (ATTR-1), for usage the start of its fee cycle, never null.
     */
    public Instant feeTime() {
        return basis == AttributionBasis.ORDER_TIME
                ? attributedAt
                : item.feePeriod().start();
    }

    /**
     * Returns whether the charge belongs to a partner's end customer, so that it shows on that partner's Bill A
     * and on the customer's Bill B (ATTR-2).
     */
    public boolean isChannelCharge() {
        return partner.isPresent();
    }
}
