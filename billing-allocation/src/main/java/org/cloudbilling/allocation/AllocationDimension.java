package org.cloudbilling.allocation;

import java.util.Optional;
import org.cloudbilling.core.bill.LineItem;
import org.cloudbilling.core.id.Identifier;

/** The twelve dimensions a collection rule can test (ALLOC-2), named as rule sets write them. */
public enum AllocationDimension {
    /** The owner UIN. */
    OWNER_UIN("ownerUin"),
    /** The operator UIN (Tencent operateUin). */
    OPERATOR_UIN("operatorUin"),
    /** The product, level 1. */
    BUSINESS_CODE("businessCode"),
    /** The product, level 2. */
    PRODUCT_CODE("productCode"),
    /** The billing component. */
    ITEM_CODE("itemCode"),
    /** The project. */
    PROJECT_ID("projectId"),
    /** The region. */
    REGION_ID("regionId"),
    /** The resource. */
    RESOURCE_ID("resourceId"),
    /** A tag: a condition on it names the tag key. */
    TAG("tag"),
    /** {@code PREPAID} or {@code POSTPAID}. */
    PAY_MODE("payMode"),
    /** The instance type. */
    INSTANCE_TYPE("instanceType"),
    /** The action type, such as {@code USAGE} or {@code REFUND}. */
    ACTION_TYPE("actionType");

    private final String jsonName;

    AllocationDimension(String jsonName) {
        this.jsonName = jsonName;
    }

    /** Returns the name rule sets use, such as {@code ownerUin}. */
    public String jsonName() {
        return jsonName;
    }

    /**
     * Returns the dimension named {@code name} in a rule set.
     *
     * @param name such as {@code businessCode}
     * @return the dimension, if any
     */
    public static Optional<AllocationDimension> fromJsonName(String name) {
        for (AllocationDimension d : values()) {
            if (d.jsonName.equals(name)) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }

    /** Returns the line-item field of a plain dimension; not for {@link #TAG}. */
    org.cloudbilling.core.bill.LineItemField field() {
        return switch (this) {
            case OWNER_UIN -> org.cloudbilling.core.bill.LineItemField.OWNER_UIN;
            case OPERATOR_UIN -> org.cloudbilling.core.bill.LineItemField.OPERATOR_UIN;
            case BUSINESS_CODE -> org.cloudbilling.core.bill.LineItemField.BUSINESS_CODE;
            case PRODUCT_CODE -> org.cloudbilling.core.bill.LineItemField.PRODUCT_CODE;
            case ITEM_CODE -> org.cloudbilling.core.bill.LineItemField.ITEM_CODE;
            case PROJECT_ID -> org.cloudbilling.core.bill.LineItemField.PROJECT_ID;
            case REGION_ID -> org.cloudbilling.core.bill.LineItemField.REGION_ID;
            case RESOURCE_ID -> org.cloudbilling.core.bill.LineItemField.RESOURCE_ID;
            case PAY_MODE -> org.cloudbilling.core.bill.LineItemField.PAY_MODE;
            case INSTANCE_TYPE -> org.cloudbilling.core.bill.LineItemField.INSTANCE_TYPE;
            case ACTION_TYPE -> org.cloudbilling.core.bill.LineItemField.ACTION_TYPE;
            case TAG -> throw new AssertionError("bug: " + this + " has no plain value");
        };
    }

    /** Returns the item's value, or null when it has none; not for {@link #TAG}: the text of {@link #objectOf}. */
    String valueOf(LineItem item) {
        Object o = objectOf(item);
        return o == null ? null : o instanceof Identifier id ? id.value() : ((Enum<?>) o).name();
    }

    /**
     * Returns the object the item holds for a plain dimension (an identifier, or the enum constant of
     * {@link #PAY_MODE} and {@link #ACTION_TYPE}), or null when it has none; not for {@link #TAG}. Two items whose
     * objects are equal have equal {@link #valueOf} values; objects compare by reference first, which costs no read of
     * their text.
     */
    Object objectOf(LineItem item) {
        switch (this) {
            case OWNER_UIN:
                return item.ownerUin();
            case OPERATOR_UIN:
                return item.operatorUin().orElse(null);
            case BUSINESS_CODE:
                return item.businessCode();
            case PRODUCT_CODE:
                return item.productCode().orElse(null);
            case ITEM_CODE:
                return item.itemCode().orElse(null);
            case PROJECT_ID:
                return item.projectId().orElse(null);
            case REGION_ID:
                return item.regionId().orElse(null);
            case RESOURCE_ID:
                return item.resourceId().orElse(null);
            case PAY_MODE:
                return item.payMode();
            case INSTANCE_TYPE:
                return item.instanceType().orElse(null);
            case ACTION_TYPE:
                return item.actionType();
            default:
                throw new AssertionError("bug: " + this + " has no plain value");
        }
    }
}
