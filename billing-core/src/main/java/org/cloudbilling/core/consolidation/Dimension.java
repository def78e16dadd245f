package org.cloudbilling.core.consolidation;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.util.Optional;
import org.cloudbilling.core.bill.LineItem;
import org.cloudbilling.core.bill.LineItemField;
import org.cloudbilling.core.focus.FocusColumn;
import org.cloudbilling.core.focus.FocusLineItems;
import org.cloudbilling.core.id.TagKey;
import org.cloudbilling.core.time.BillingCalendar;

/**
 * A dimension to consolidate line items by: any field of the {@link LineItemField vocabulary} (an account, a product
 * level, a region, a project, a resource, ...), any other FOCUS column, a tag key, or a day or month of the fee
 * period.
 *
 * <pre>{@code
 * Grouping g = Grouping.by(Dimension.PAYER, Dimension.BUSINESS, Dimension.tag(TagKey.of("team")));
 * Dimension same = Dimension.parse("ServiceName");          // BUSINESS, by its FOCUS column
 * Dimension category = Dimension.parse("ServiceCategory");  // a FOCUS column the item carries
 * }</pre>
 *
 * <p>An item without a value for a dimension (no project, no such tag) falls in that dimension's empty group,
 * which is distinct from a tag whose value is the empty string.
 */
public final class Dimension {
    enum Kind {
        FIELD,
        FOCUS,
        DAY,
        MONTH,
        TAG
    }

    /** The owner UIN. */
    public static final Dimension OWNER = field(LineItemField.OWNER_UIN);
    /** The payer UIN. */
    public static final Dimension PAYER = field(LineItemField.PAYER_UIN);
    /** The operator UIN. */
    public static final Dimension OPERATOR = field(LineItemField.OPERATOR_UIN);
    /** The product, level 1. */
    public static final Dimension BUSINESS = field(LineItemField.BUSINESS_CODE);
    /** The product, level 2. */
    public static final Dimension PRODUCT = field(LineItemField.PRODUCT_CODE);
    /** The billing component. */
    public static final Dimension ITEM = field(LineItemField.ITEM_CODE);
    /** The region. */
    public static final Dimension REGION = field(LineItemField.REGION_ID);
    /** The project. */
    public static final Dimension PROJECT = field(LineItemField.PROJECT_ID);
    /** The resource. */
    public static final Dimension RESOURCE = field(LineItemField.RESOURCE_ID);
    /** The instance type. */
    public static final Dimension INSTANCE_TYPE = field(LineItemField.INSTANCE_TYPE);
    /** Prepaid or postpaid. */
    public static final Dimension PAY_MODE = field(LineItemField.PAY_MODE);
    /** The action type. */
    public static final Dimension ACTION_TYPE = field(LineItemField.ACTION_TYPE);
    /** The FOCUS ChargeCategory: as reported, else the library's mapping of action type and pay mode. */
    public static final Dimension CHARGE_CATEGORY = field(LineItemField.CHARGE_CATEGORY);
    /** The day the fee period starts on, in the grouping's calendar zone, as {@code 2024-09-18}. */
    public static final Dimension DAY = new Dimension(Kind.DAY, null, null, null);
    /** The month the fee period starts in, in the grouping's calendar zone, as {@code 2024-09}. */
    public static final Dimension MONTH = new Dimension(Kind.MONTH, null, null, null);

    /** The constants of fields, which {@link #parse} returns. */
    private static final Dimension[] NAMED = {
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
        CHARGE_CATEGORY
    };

    private final Kind kind;
    private final LineItemField field;
    private final FocusColumn focus;
    private final TagKey tagKey;

    private Dimension(Kind kind, LineItemField field, FocusColumn focus, TagKey tagKey) {
        this.kind = kind;
        this.field = field;
        this.focus = focus;
        this.tagKey = tagKey;
    }

    /**
     * Returns the dimension of one field of the vocabulary.
     *
     * @param field the field, not null, not {@link LineItemField#TAGS} (use {@link #tag})
     * @return the dimension, never null
     */
    public static Dimension field(LineItemField field) {
        checkArgument(requireNonNull(field, "field") != LineItemField.TAGS, "group by one tag: tag:KEY");
        return new Dimension(Kind.FIELD, field, null, null);
    }

    /**
     * Returns the dimension of one tag key: the value each item's {@link LineItem#tags()} hold for it.
     *
     * @param key the tag key, not null
     * @return the dimension, never null
     */
    public static Dimension tag(TagKey key) {
        return new Dimension(Kind.TAG, null, null, requireNonNull(key, "key"));
    }

    /**
     * Returns the dimension named {@code name}: a field of the vocabulary by its library name ({@code ownerUin},
     * {@code businessCode}, ...) or its FOCUS column ({@code SubAccountId}, {@code ServiceName}, ...), any other FOCUS
     * 1.2 column ({@code ServiceCategory}, {@code ChargeClass}, {@code InvoiceId}, ...: the value the item carries,
     * {@link FocusLineItems#value}), {@code day}, {@code month}, or {@code tag:KEY}.
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
        if (name.equals("day")) {
            return DAY;
        }
        if (name.equals("month")) {
            return MONTH;
        }
        Optional<LineItemField> f = LineItemField.parse(name).filter(x -> x != LineItemField.TAGS);
        if (f.isPresent()) {
            for (Dimension d : NAMED) {
                if (d.field == f.get()) {
                    return d;
                }
            }
            return field(f.get());
        }
        Optional<FocusColumn> c = FocusColumn.of(name).filter(x -> x != FocusColumn.TAGS);
        if (c.isPresent()) {
            return new Dimension(Kind.FOCUS, null, c.get(), null);
        }
        StringBuilder known = new StringBuilder();
        for (LineItemField x : LineItemField.values()) {
            if (x != LineItemField.TAGS) {
                known.append(x.fieldName()).append(", ");
            }
        }
        throw new IllegalArgumentException(
                "unknown dimension '" + name + "'; known: " + known
                        + "day, month, tag:KEY, and every FOCUS column (ServiceName, SubAccountId, ServiceCategory, ChargeCategory, ...)");
    }

    /** Returns the dimension's name, such as {@code ownerUin} or {@code tag:team}, never null. */
    public String name() {
        switch (kind) {
            case FIELD:
                return field.fieldName();
            case FOCUS:
                return focus.header();
            case DAY:
                return "day";
            case MONTH:
                return "month";
            default:
                return "tag:" + tagKey.value();
        }
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
            case FIELD:
                return field.text(item);
            case FOCUS:
                return FocusLineItems.value(item, focus);
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

    @Override
    public boolean equals(Object obj) {
        if (!(obj instanceof Dimension)) {
            return false;
        }
        Dimension other = (Dimension) obj;
        return kind == other.kind
                && field == other.field
                && focus == other.focus
                && java.util.Objects.equals(tagKey, other.tagKey);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(kind, field, focus, tagKey);
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
