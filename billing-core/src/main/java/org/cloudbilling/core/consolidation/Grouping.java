package org.cloudbilling.core.consolidation;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.cloudbilling.core.bill.LineItem;
import org.cloudbilling.core.time.BillingCalendar;

/**
 * The dimensions a consolidation groups by, with the calendar that cuts days and months; prepared once and
 * used for any number of items.
 *
 * <pre>{@code
 * Grouping byProduct = Grouping.by(Dimension.PAYER, Dimension.BUSINESS);
 * Grouping byDay = Grouping.by(BillingCalendar.TENCENT, Dimension.OWNER, Dimension.DAY);
 * }</pre>
 */
public final class Grouping {
    private final ImmutableList<Dimension> dimensions;
    private final BillingCalendar calendar;

    private Grouping(ImmutableList<Dimension> dimensions, BillingCalendar calendar) {
        this.dimensions = dimensions;
        this.calendar = calendar;
    }

    /**
     * Returns a grouping by {@code dimensions}, none of them {@link Dimension#DAY} or {@link Dimension#MONTH}.
     *
     * @param dimensions the dimensions, in the order of the group key, not null; none for one grand total
     * @return the grouping, never null
     * @throws IllegalArgumentException if a dimension repeats or needs a calendar
     */
    public static Grouping by(Dimension... dimensions) {
        return by(Arrays.asList(dimensions));
    }

    /**
     * Returns a grouping by {@code dimensions}, none of them {@link Dimension#DAY} or {@link Dimension#MONTH}.
     *
     * @param dimensions the dimensions, in the order of the group key, not null
     * @return the grouping, never null
     * @throws IllegalArgumentException if a dimension repeats or needs a calendar
     */
    public static Grouping by(List<Dimension> dimensions) {
        ImmutableList<Dimension> dims = ImmutableList.copyOf(dimensions);
        for (Dimension d : dims) {
            checkArgument(
                    !d.isTemporal(),
                    "dimension %s cuts time and needs a calendar: use Grouping.by(calendar, dimensions)",
                    d);
        }
        Dimension.checkDistinct(dims);
        return new Grouping(dims, null);
    }

    /**
     * Returns a grouping by {@code dimensions}, cutting days and months in {@code calendar}'s zone.
     *
     * @param calendar the calendar, not null
     * @param dimensions the dimensions, in the order of the group key, not null
     * @return the grouping, never null
     * @throws IllegalArgumentException if a dimension repeats
     */
    public static Grouping by(BillingCalendar calendar, Dimension... dimensions) {
        ImmutableList<Dimension> dims = ImmutableList.copyOf(dimensions);
        Dimension.checkDistinct(dims);
        return new Grouping(dims, requireNonNull(calendar, "calendar"));
    }

    /** Returns the dimensions, in the order of the group key, never null. */
    public ImmutableList<Dimension> dimensions() {
        return dimensions;
    }

    /**
     * Returns the calendar days and months are cut in, empty for a grouping made without one.
     *
     * @return the calendar, never null
     */
    public Optional<BillingCalendar> calendar() {
        return Optional.ofNullable(calendar);
    }

    /** Returns the key of the group {@code item} falls in, never null. */
    GroupKey keyOf(LineItem item) {
        String[] values = new String[dimensions.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = dimensions.get(i).valueOf(item, calendar);
        }
        return new GroupKey(values, item.currency());
    }

    @Override
    public boolean equals(Object obj) {
        return obj instanceof Grouping
                && ((Grouping) obj).dimensions.equals(dimensions)
                && java.util.Objects.equals(((Grouping) obj).calendar, calendar);
    }

    @Override
    public int hashCode() {
        return dimensions.hashCode() * 31 + java.util.Objects.hashCode(calendar);
    }

    @Override
    public String toString() {
        return "Grouping" + dimensions + (calendar == null ? "" : " in " + calendar.zone());
    }
}
