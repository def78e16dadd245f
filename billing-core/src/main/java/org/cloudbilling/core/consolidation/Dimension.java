package org.cloudbilling.core.consolidation;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.util.Optional;
import org.cloudbilling.core.bill.LineItem;
import org.cloudbilling.core.id.Identifier;
import org.cloudbilling.core.id.TagKey;
import org.cloudbilling.core.time.BillingCalendar;

/**
 * A dimension to consolidate line items by: an account, a product level, a region, a project, a resource, a
 * tag key, or a day or month of the fee period.
 *
 * <pre>{@code
 * Grouping g = Grouping.by(Dimension.PAYER, Dimension.BUSINESS, Dimension.tag(TagKey.of("team")));
 * }</pre>
 *
 * <p>An item without a value for a dimension (no project, no such tag) falls in that dimension's empty group,
 * which is distinct from a tag whose value is the empty string.
 */
public final class Dimension {
    enum Kind {
        OWNER("ownerUin"),
        PAYER("payerUin"),
        OPERATOR("operatorUin"),
        BUSINESS("businessCode"),
        PRODUCT("productCode"),
        ITEM("itemCode"),
        REGION("regionId"),
        PROJECT("projectId"),
        RESOURCE("resourceId"),
        INSTANCE_TYPE("instanceType"),
        PAY_MODE("payMode"),
        ACTION_TYPE("actionType"),
        DAY("day"),
        MONTH("month"),
        TAG("tag");

        final String label;

        Kind(String label) {
            this.label = label;
        }
    }

    /** The owner UIN. */
    public static final Dimension OWNER = new Dimension(Kind.OWNER, null);
    /** The payer UIN. */
    public static final Dimension PAYER = new Dimension(Kind.PAYER, null);
    /** The operator UIN. */
    public static final Dimension OPERATOR = new Dimension(Kind.OPERATOR, null);
    /** The product, level 1. */
    public static final Dimension BUSINESS = new Dimension(Kind.BUSINESS, null);
    /** The product, level 2. */
    public static final Dimension PRODUCT = new Dimension(Kind.PRODUCT, null);
    /** The billing component. */
    public static final Dimension ITEM = new Dimension(Kind.ITEM, null);
    /** The region. */
    public static final Dimension REGION = new Dimension(Kind.REGION, null);
    /** The project. */
    public static final Dimension PROJECT = new Dimension(Kind.PROJECT, null);
    /** The resource. */
    public static final Dimension RESOURCE = new Dimension(Kind.RESOURCE, null);
    /** The instance type. */
    public static final Dimension INSTANCE_TYPE = new Dimension(Kind.INSTANCE_TYPE, null);
    /** Prepaid or postpaid. */
    public static final Dimension PAY_MODE = new Dimension(Kind.PAY_MODE, null);
    /** The action type. */
    public static final Dimension ACTION_TYPE = new Dimension(Kind.ACTION_TYPE, null);
    /** The day the fee period starts on, in the grouping's calendar zone, as {@code 2024-09-18}. */
    public static final Dimension DAY = new Dimension(Kind.DAY, null);
    /** The month the fee period starts in, in the grouping's calendar zone, as {@code 2024-09}. */
    public static final Dimension MONTH = new Dimension(Kind.MONTH, null);

    private static final Dimension[] FIXED = {
        OWNER,
        PAYER,
        OPERATOR,
        BUSINESS,
        PRODUCT,
        ITEM,
        REGION,
        PROJECT,
        RESOURCE,
        INSTANCE_TYPE,
        PAY_MODE,
        ACTION_TYPE,
        DAY,
        MONTH
    };

    private final Kind kind;
    private final TagKey tagKey;

    private Dimension(Kind kind, TagKey tagKey) {
        this.kind = kind;
        this.tagKey = tagKey;
    }

    /**
     * Returns the dimension of one tag key: the value each item's {@link LineItem#tags()} hold for it.
     *
     * @param key the tag key, not null
     * @return the dimension, never null
     */
    public static Dimension tag(TagKey key) {
        return new Dimension(Kind.TAG, requireNonNull(key, "key"));
    }

    /**
     * Returns the dimension named {@code name}, as {@link #name()} writes it: {@code ownerUin}, {@code
     * businessCode}, {@code day}, {@code tag:team}, ...
     *
     * @param name the name, not null
     * @return the dimension, never null
     * @throws IllegalArgumentException if no dimension has that name, listing the names there are
     */
    public static Dimension parse(String name) {
        requireNonNull(name, "name");
        if (name.startsWith("tag:")) {
            return tag(TagKey.of(name.substring(4)));
        }
        for (Dimension d : FIXED) {
            if (d.kind.label.equals(name)) {
                return d;
            }
        }
        StringBuilder known = new StringBuilder();
        for (Dimension d : FIXED) {
            known.append(d.kind.label).append(", ");
        }
        throw new IllegalArgumentException("unknown dimension '" + name + "'; known: " + known + "tag:KEY");
    }

    /** Returns the dimension's name, such as {@code ownerUin} or {@code tag:team}, never null. */
    public String name() {
        return kind == Kind.TAG ? "tag:" + tagKey.value() : kind.label;
    }

    /** Returns the tag key of a tag dimension. */
    public Optional<TagKey> tagKey() {
        return Optional.ofNullable(tagKey);
    }

    /** Returns whether the dimension needs a calendar to cut days or months. */
    boolean isTemporal() {
        return kind == Kind.DAY || kind == Kind.MONTH;
    }

    /** Returns the item's value for this dimension, or null when it has none. */
    String valueOf(LineItem item, BillingCalendar calendar) {
        switch (kind) {
            case OWNER:
                return item.ownerUin().value();
            case PAYER:
                return item.payerUin().value();
            case OPERATOR:
                return value(item.operatorUin());
            case BUSINESS:
                return item.businessCode().value();
            case PRODUCT:
                return value(item.productCode());
            case ITEM:
                return value(item.itemCode());
            case REGION:
                return value(item.regionId());
            case PROJECT:
                return value(item.projectId());
            case RESOURCE:
                return value(item.resourceId());
            case INSTANCE_TYPE:
                return value(item.instanceType());
            case PAY_MODE:
                return item.payMode().name();
            case ACTION_TYPE:
                return item.actionType().name();
            case DAY:
                return calendar.dayOf(item.feePeriod().start()).toString();
            case MONTH:
                return calendar.monthOf(item.feePeriod().start()).toString();
            case TAG:
                return item.tags().get(tagKey);
            default:
                throw new AssertionError("bug: dimension kind " + kind + " has no value");
        }
    }

    private static String value(Optional<? extends Identifier> id) {
        return id.isPresent() ? id.get().value() : null;
    }

    @Override
    public boolean equals(Object obj) {
        if (!(obj instanceof Dimension)) {
            return false;
        }
        Dimension other = (Dimension) obj;
        return kind == other.kind && java.util.Objects.equals(tagKey, other.tagKey);
    }

    @Override
    public int hashCode() {
        return kind.hashCode() * 31 + java.util.Objects.hashCode(tagKey);
    }

    @Override
    public String toString() {
        return name();
    }

    static void checkDistinct(java.util.List<Dimension> dimensions) {
        checkArgument(
                new java.util.HashSet<>(dimensions).size() == dimensions.size(), "dimensions repeat: %s", dimensions);
    }
}
