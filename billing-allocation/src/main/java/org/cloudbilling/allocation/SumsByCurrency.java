package org.cloudbilling.allocation;

import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

/**
 * Exact sums ({@link TotalsAccumulator.Sums}) per currency, each made empty when its currency is first met, the last
 * currency met looked at first: a month has one currency, mostly. Confined to one thread.
 */
final class SumsByCurrency {
    private final int slots;
    private final List<TotalsAccumulator.Sums> all = new ArrayList<>(1);

    private TotalsAccumulator.Sums last;
    /** The first currency of the collection these sums are one container of; null outside such a collection. */
    private final First first;

    /** Sums of {@code slots} slots each. */
    SumsByCurrency(int slots) {
        this(slots, null);
    }

    /**
     * Sums of {@code slots} slots each, for one of the containers of a collection: the sums of the collection's first
     * currency, once a container has met it, are made at once. A file is read in parts, a container each; the first
     * row of each container otherwise took a path of its own, met for the first time in the reader's compiled loop
     * (which inlines it) and sending that loop back to be compiled again.
     */
    SumsByCurrency(int slots, First first) {
        this.slots = slots;
        this.first = first;
        Currency expected = first == null ? null : first.currency;
        if (expected != null) {
            last = new TotalsAccumulator.Sums(expected, slots);
            all.add(last);
        }
    }

    /**
     * The currency of the first row any container of a collection took; a hint, read and written by every
     * container's thread: a container made before it is known, or of rows in another currency, finds its own sums.
     */
    static final class First {
        private volatile Currency currency;
    }

    /** The sums of {@code currency}, made empty the first time. */
    TotalsAccumulator.Sums of(Currency currency) {
        TotalsAccumulator.Sums l = last;
        if (l != null && l.currency == currency) {
            return l;
        }
        return all.get(indexOf(currency));
    }

    /** The number of the sums of {@code currency} among {@link #all}, made empty the first time. */
    int indexOf(Currency currency) {
        for (int c = 0; c < all.size(); c++) {
            Currency have = all.get(c).currency;
            if (have == currency || have.equals(currency)) {
                last = all.get(c);
                return c;
            }
        }
        last = new TotalsAccumulator.Sums(currency, slots);
        all.add(last);
        if (first != null && first.currency == null) {
            first.currency = currency;
        }
        return all.size() - 1;
    }

    /** Every currency's sums, in the order their currencies came, those made at once and left empty included. */
    List<TotalsAccumulator.Sums> all() {
        return all;
    }

    /** The sums of the currencies some row was added in: not those made at once and left empty. */
    List<TotalsAccumulator.Sums> used() {
        List<TotalsAccumulator.Sums> used = new ArrayList<>(all.size());
        for (TotalsAccumulator.Sums s : all) {
            if (s.used()) {
                used.add(s);
            }
        }
        return used;
    }

    /** Adds every slot of {@code other}'s sums that a row was added to, exactly. */
    void add(SumsByCurrency other) {
        for (TotalsAccumulator.Sums s : other.all) {
            TotalsAccumulator.Sums mine = null;
            for (int i = 0; i < s.touched.length; i++) {
                if (s.touched[i]) {
                    if (mine == null) {
                        mine = of(s.currency);
                    }
                    mine.add(i, s.total(i));
                }
            }
        }
    }
}
