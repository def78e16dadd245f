package org.cloudbilling.reseller.distributor;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.util.Optional;
import org.cloudbilling.core.id.BusinessCode;
import org.cloudbilling.core.id.ItemCode;
import org.cloudbilling.core.id.OwnerUin;
import org.cloudbilling.core.id.ProductCode;
import org.cloudbilling.core.id.RegionId;
import org.cloudbilling.core.id.ResourceId;
import org.cloudbilling.core.money.Money;

/**
 * A row of a distributor's consolidated bill of one second-level reseller (RES-13): the month's charges of one end
 * customer summed per resource (the resource ID bill) or per sub-product, region, component and resource (the
 * detailed bill, monthly aggregate), with the reseller's discount and cost beside the distributor's. Every amount
 * is the exact sum of the rows' amounts; {@code original - discount = cost} on both sides.
 *
 * @param customer the end customer (owner UIN), not null
 * @param product the product (business code), not null
 * @param subProduct the sub-product; empty in a resource ID bill or when not reported
 * @param region the region; empty in a resource ID bill or when not reported
 * @param component the billing component (item code); empty in a resource ID bill or when not reported
 * @param resource the resource; empty when not reported
 * @param lineItems how many line items the row sums, at least 1
 * @param originalPrice the original price as Bill A shows it (RES-4, RES-5), not null
 * @param resellerDiscount the original price less the reseller's cost, not null
 * @param resellerCost the reseller's cost: what Bill A charges it, not null
 * @param distributorDiscount the original price less the distributor's cost, not null
 * @param distributorCost what the distributor pays the provider for the row, not null
 */
public record DistributorBillRow(
        OwnerUin customer,
        BusinessCode product,
        Optional<ProductCode> subProduct,
        Optional<RegionId> region,
        Optional<ItemCode> component,
        Optional<ResourceId> resource,
        int lineItems,
        Money originalPrice,
        Money resellerDiscount,
        Money resellerCost,
        Money distributorDiscount,
        Money distributorCost) {

    public DistributorBillRow {
        requireNonNull(customer, "customer");
        requireNonNull(product, "product");
        requireNonNull(subProduct, "subProduct");
        requireNonNull(region, "region");
        requireNonNull(component, "component");
        requireNonNull(resource, "resource");
        checkArgument(lineItems >= 1, "a row sums at least one line item, not %s", lineItems);
        requireNonNull(originalPrice, "originalPrice");
        requireNonNull(resellerDiscount, "resellerDiscount");
        requireNonNull(resellerCost, "resellerCost");
        requireNonNull(distributorDiscount, "distributorDiscount");
        requireNonNull(distributorCost, "distributorCost");
    }

    /** Returns the distributor's margin on the row: the reseller's cost less the distributor's, exact. */
    public Money margin() {
        return resellerCost.minus(distributorCost);
    }

    DistributorBillRow plus(DistributorBillRow other) {
        return new DistributorBillRow(
                customer,
                product,
                subProduct,
                region,
                component,
                resource,
                lineItems + other.lineItems,
                originalPrice.plus(other.originalPrice),
                resellerDiscount.plus(other.resellerDiscount),
                resellerCost.plus(other.resellerCost),
                distributorDiscount.plus(other.distributorDiscount),
                distributorCost.plus(other.distributorCost));
    }
}
