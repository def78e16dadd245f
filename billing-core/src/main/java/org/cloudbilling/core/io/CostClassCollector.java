package org.cloudbilling.core.io;

import java.util.Currency;
import java.util.Set;
import java.util.stream.Collector;
import org.cloudbilling.core.bill.LineItem;
import org.cloudbilling.core.bill.LineItemField;
import org.cloudbilling.core.id.LineItemId;
import org.cloudbilling.core.money.Money;

/**
 * A collector of line items that needs, of most items, only their class and their total cost: an item's class is
 * decided by its values of a few fields ({@link #classFields()}), so items equal in those fields are one class,
 * whatever else differs. {@link LineItemCsv#collect(java.nio.file.Path, java.nio.charset.Charset, FormulaGuard,
 * Collector) LineItemCsv.collect} of a canonical CSV file then asks {@link #classOf(ClassValues)} about once for each
 * distinct combination of those cells per read (two threads meeting a new combination at once may both ask), with
 * the values of those cells, or {@link #classOf(LineItem)} with an item of that combination when the collector
 * answers {@link #ASK_ITEM}; and for every row of a class
 * passes only its total cost ({@link #addCost(Object, int, Currency, long, int)}, the parts of an exact decimal),
 * without making the row's item or its {@code Money}; a row of a class that
 * {@linkplain #needsId needs the id} passes its id and total cost ({@link #addCost(Object, int, LineItemId, Money)}),
 * still without an item. A row of {@link #NO_CLASS}, and a
 * row the reader cannot prove valid from its bytes, is made an item and given to the {@linkplain #accumulator()
 * accumulator}, as by any collector; so the result, and the error of a bad row, are those of collecting every item.
 *
 * <p>Any other source of items may simply use it as a {@link Collector}: {@code addCost(a, classOf(item),
 * item.totalCost())} (or, for a class that needs the id, {@code addCost(a, classOf(item), item.id(),
 * item.totalCost())}) must have the effect of {@code accumulator().accept(a, item)} for an item of a class.
 * {@link #classOf} may be given an item that holds only the class fields as the row has them and the fields every
 * item must have: its other fields are not read.
 *
 * <pre>{@code
 * AllocationTotals totals = LineItemCsv.collect(file, UTF_8, FormulaGuard.ON, allocator.toTotals(tags));
 * }</pre>
 *
 * @param <A> the container
 * @param <R> the result
 */
public interface CostClassCollector<A, R> extends Collector<LineItem, A, R> {
    /** What {@link #classOf} returns for an item that must be accumulated itself. */
    int NO_CLASS = -1;

    /**
     * What {@link #classOf(ClassValues)} returns when the collector tells a class from an item only: the reader then
     * makes an item of the combination and asks {@link #classOf(LineItem)}.
     */
    int ASK_ITEM = -2;

    /**
     * Returns the fields an item's class depends on (such as {@link LineItemField#OWNER_UIN} or
     * {@link LineItemField#TAGS}), never null; the same set every time.
     */
    Set<LineItemField> classFields();

    /**
     * Returns the class of {@code item}: a number not negative, decided by its values of {@link #classFields()}
     * alone (the same for every item equal in them), or {@link #NO_CLASS}. Called from any thread.
     *
     * @param item an item of the combination, not null
     * @return the class, or {@link #NO_CLASS}
     */
    int classOf(LineItem item);

    /**
     * Returns the class of every item whose class fields hold {@code values}: what {@link #classOf(LineItem)}
     * returns for such an item; or {@link #ASK_ITEM}, as it does unless overridden. A reader asks this first for a
     * combination of class cells new to it, so that it need not make an item. Called from any thread. A collector
     * that wraps another passes this on.
     *
     * @param values the values of the class fields, not null; valid during the call only
     * @return the class, {@link #NO_CLASS}, or {@link #ASK_ITEM}
     */
    default int classOf(ClassValues values) {
        return ASK_ITEM;
    }

    /**
     * Adds to {@code container} an item of class {@code costClass}, known by its total cost alone: the same effect
     * as accumulating the item itself.
     *
     * @param container a container of this collector's supplier, not null
     * @param costClass a class {@link #classOf} returned, not {@link #NO_CLASS}
     * @param totalCost the item's total cost, not null
     */
    void addCost(A container, int costClass, Money totalCost);

    /**
     * Adds to {@code container} an item of class {@code costClass}, known by its total cost alone, given as the
     * parts of an exact decimal: the same effect as {@link #addCost(Object, int, Money) addCost(container, costClass,
     * Money.ofUnscaled(currency, unscaled, scale))}, which it is unless overridden. A reader passes a cost it read
     * as a decimal of at most 18 digits this way, so that a collector keeping its sums as {@code long}s makes no
     * {@code Money} for a row.
     *
     * @param container a container of this collector's supplier, not null
     * @param costClass a class {@link #classOf} returned, not {@link #NO_CLASS}, for which {@link #needsId} is false
     * @param currency the cost's currency, not null
     * @param unscaled the cost's unscaled value
     * @param scale the cost's scale, from 0 to {@link Money#MAX_SCALE}
     */
    default void addCost(A container, int costClass, Currency currency, long unscaled, int scale) {
        addCost(container, costClass, Money.ofUnscaled(currency, unscaled, scale));
    }

    /**
     * Returns whether the rows of {@code costClass} are told by their id as well as their total cost
     * ({@link #addCost(Object, int, LineItemId, Money)}), rather than by their total cost alone; false unless
     * overridden. A collector that wraps another passes this and {@link #addCost(Object, int, LineItemId, Money)} on.
     *
     * @param costClass a class {@link #classOf} returned, not {@link #NO_CLASS}
     * @return whether the class needs its rows' ids
     */
    default boolean needsId(int costClass) {
        return false;
    }

    /**
     * Adds to {@code container} an item of class {@code costClass}, a class that {@linkplain #needsId needs the
     * id}, known by its id and total cost alone: the same effect as accumulating the item itself.
     *
     * @param container a container of this collector's supplier, not null
     * @param costClass a class {@link #classOf} returned, for which {@link #needsId} is true
     * @param id the item's id, not null
     * @param totalCost the item's total cost, not null
     */
    default void addCost(A container, int costClass, LineItemId id, Money totalCost) {
        addCost(container, costClass, totalCost);
    }
}
