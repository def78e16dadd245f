package org.cloudbilling.reseller.daily;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cloudbilling.core.bill.LineItem;
import org.cloudbilling.core.daily.ChargeChange;
import org.cloudbilling.core.daily.MonthLedger;
import org.cloudbilling.core.daily.internal.PersistentMap;
import org.cloudbilling.core.id.LineItemId;
import org.cloudbilling.core.id.TagKey;
import org.cloudbilling.core.time.BillingCalendar;
import org.cloudbilling.core.time.BillingMonth;
import org.cloudbilling.reseller.bill.BillA;
import org.cloudbilling.reseller.bill.BillARow;
import org.cloudbilling.reseller.bill.BillB;
import org.cloudbilling.reseller.bill.BillBRow;
import org.cloudbilling.reseller.bill.BillSchedule;
import org.cloudbilling.reseller.bill.ResellerBills;
import org.cloudbilling.reseller.bill.ResellerMonth;
import org.cloudbilling.reseller.bill.ResellerSettings;
import org.cloudbilling.reseller.channel.AttributedCharge;
import org.cloudbilling.reseller.channel.Attribution;
import org.cloudbilling.reseller.channel.AttributionContext;

/**
 * One reseller's Bill A and Bill B of a month that grows by daily batches (DAILY-1): after any sequence of ledger
 * updates, {@link #bills()} equals {@link ResellerBills#compute} over the attributed final charges at the same
 * instant, row by row (rows in line item id order), and so do their differences (BillDifference).
 *
 * <p><b>What is incremental.</b> Each charge's rows depend on the charge, the settings and the instant only, so a
 * batch attributes and bills its own charges, and takes the rows of restated and withdrawn ones out. A charge
 * attributed on or after the day of the instant (RES-9: data runs to the previous day) waits, and joins the bills
 * on the batch whose instant passes it. <b>What is recomputed.</b> When a billing tag key becomes visible between
 * two batches (RES-11), every row is billed again, once. Materializing the bills ({@link #bills()}) costs time in
 * the rows, as the bills are their rows.
 *
 * <p>Immutable; customer vouchers are not applied here (they are an input of {@link ResellerBills#compute}).
 */
public final class RunningResellerBills {
    private final AttributionContext context;
    private final ResellerSettings settings;
    private final BillingMonth month;
    private final Instant asOf;
    /** The reseller's charges of the month, billed or waiting. */
    private final PersistentMap<LineItemId, AttributedCharge> charges;
    /** The rows of the charges before the cut-off. */
    private final PersistentMap<LineItemId, Rows> rows;
    /** The charges attributed on or after the cut-off of {@link #asOf}: not yet in the bills. */
    private final PersistentMap<LineItemId, AttributedCharge> waiting;

    /** One charge's rows: Bill A always, Bill B unless it is an adjustment (RES-5). */
    private record Rows(BillARow a, BillBRow b) {}

    private RunningResellerBills(
            AttributionContext context,
            ResellerSettings settings,
            BillingMonth month,
            Instant asOf,
            PersistentMap<LineItemId, AttributedCharge> charges,
            PersistentMap<LineItemId, Rows> rows,
            PersistentMap<LineItemId, AttributedCharge> waiting) {
        this.context = context;
        this.settings = settings;
        this.month = month;
        this.asOf = asOf;
        this.charges = charges;
        this.rows = rows;
        this.waiting = waiting;
    }

    /**
     * Returns the bills of a month without charges.
     *
     * @param context the calendar, channel bindings and the rest attribution needs, not null
     * @param settings the reseller's settings, not null
     * @param month the month billed, not null
     * @param asOf the instant the bills are as of, from the caller's clock, not null
     * @return the empty bills, never null
     */
    public static RunningResellerBills start(
            AttributionContext context, ResellerSettings settings, BillingMonth month, Instant asOf) {
        return new RunningResellerBills(
                requireNonNull(context, "context"),
                requireNonNull(settings, "settings"),
                requireNonNull(month, "month"),
                requireNonNull(asOf, "asOf"),
                PersistentMap.empty(),
                PersistentMap.empty(),
                PersistentMap.empty());
    }

    /**
     * Returns the bills of the ledger's charges as of {@code asOf}, computed whole.
     *
     * @param context the attribution context, not null
     * @param settings the reseller's settings, not null
     * @param ledger the month, not null
     * @param asOf the instant, not null
     * @return the bills, never null
     */
    public static RunningResellerBills of(
            AttributionContext context, ResellerSettings settings, MonthLedger ledger, Instant asOf) {
        List<ChargeChange> all = new ArrayList<>(ledger.size());
        ledger.forEachCharge(item -> all.add(new ChargeChange(Optional.empty(), Optional.of(item))));
        return start(context, settings, ledger.month(), asOf).apply(all, asOf);
    }

    /** Returns the instant the bills are as of, never null. */
    public Instant asOf() {
        return asOf;
    }

    /**
     * Returns the bills after {@code update}, as of {@code asOf}.
     *
     * @param update the ledger update, not null
     * @param asOf when the update arrived, not before this value's instant, not null
     * @return the new bills, never null
     */
    public RunningResellerBills apply(MonthLedger.Update update, Instant asOf) {
        return apply(update.changes(), asOf);
    }

    /**
     * Returns the bills after {@code changes}, as of {@code asOf}.
     *
     * @param changes changes to charges these bills follow, not null
     * @param asOf when the changes arrived, not before this value's instant, not null
     * @return the new bills, never null
     * @throws IllegalArgumentException if {@code asOf} is before this value's instant, a change takes out a charge
     *     these bills do not hold, or a charge of the reseller is in another currency than its bills
     */
    public RunningResellerBills apply(List<ChargeChange> changes, Instant asOf) {
        requireNonNull(asOf, "asOf");
        checkArgument(!asOf.isBefore(this.asOf), "bills as of %s cannot go back to %s", this.asOf, asOf);
        PersistentMap<LineItemId, AttributedCharge> nextCharges = charges;
        PersistentMap<LineItemId, Rows> nextRows = rows;
        PersistentMap<LineItemId, AttributedCharge> nextWaiting = waiting;
        boolean rebill = tagsShownChange(this.asOf, asOf);
        Instant cutoff = cutoff(asOf);
        List<AttributedCharge> toBill = new ArrayList<>();
        for (ChargeChange change : changes) {
            if (change.before().isPresent()) {
                LineItemId id = change.before().get().id();
                nextCharges = nextCharges.remove(id);
                nextRows = nextRows.remove(id);
                nextWaiting = nextWaiting.remove(id);
            }
            if (change.after().isPresent()) {
                AttributedCharge charge = Attribution.attribute(change.after().get(), context);
                if (!charge.partner().equals(Optional.of(settings.reseller()))
                        || !charge.month().equals(month)) {
                    continue;
                }
                nextCharges = nextCharges.put(charge.item().id(), charge);
                if (charge.attributedAt().isBefore(cutoff)) {
                    toBill.add(charge);
                } else {
                    nextWaiting = nextWaiting.put(charge.item().id(), charge);
                }
            }
        }
        if (rebill) {
            nextRows = PersistentMap.empty();
            nextWaiting = PersistentMap.empty();
            toBill.clear();
            for (AttributedCharge charge : nextCharges.values()) {
                if (charge.attributedAt().isBefore(cutoff)) {
                    toBill.add(charge);
                } else {
                    nextWaiting = nextWaiting.put(charge.item().id(), charge);
                }
            }
        } else if (!asOf.equals(this.asOf)) {
            for (AttributedCharge charge : nextWaiting.values()) {
                if (charge.attributedAt().isBefore(cutoff)) {
                    toBill.add(charge);
                    nextWaiting = nextWaiting.remove(charge.item().id());
                }
            }
        }
        for (AttributedCharge charge : toBill) {
            ResellerMonth one =
                    ResellerBills.compute(List.of(charge), settings, month, context.calendar(), asOf, Map.of());
            BillARow a = one.billA().rows().get(0);
            BillBRow b =
                    one.billB().rows().isEmpty() ? null : one.billB().rows().get(0);
            nextRows = nextRows.put(charge.item().id(), new Rows(a, b));
        }
        return new RunningResellerBills(context, settings, month, asOf, nextCharges, nextRows, nextWaiting);
    }

    private Instant cutoff(Instant at) {
        BillingCalendar calendar = context.calendar();
        return calendar.dayOf(at).atStartOfDay(calendar.zone()).toInstant();
    }

    /** Whether a billing tag key is shown at one instant and not at the other (RES-11). */
    private boolean tagsShownChange(Instant from, Instant to) {
        if (from.equals(to)) {
            return false;
        }
        for (TagKey key : settings.billingTagKeys().keySet()) {
            if (settings.showsTagKey(key, from) != settings.showsTagKey(key, to)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Returns Bill A and Bill B as of this value's instant: provisional before the issue time, final from it
     * (RES-9); rows in line item id order.
     *
     * @return both bills, never null
     */
    public ResellerMonth bills() {
        List<Map.Entry<LineItemId, Rows>> all = rows.entries();
        all.sort(Map.Entry.comparingByKey());
        List<BillARow> a = new ArrayList<>(all.size());
        List<BillBRow> b = new ArrayList<>(all.size());
        for (Map.Entry<LineItemId, Rows> e : all) {
            a.add(e.getValue().a());
            if (e.getValue().b() != null) {
                b.add(e.getValue().b());
            }
        }
        var status = BillSchedule.status(context.calendar(), month, asOf);
        return new ResellerMonth(
                new BillA(settings.reseller(), month, status, settings.currency(), a),
                new BillB(settings.reseller(), month, status, settings.currency(), b));
    }

    /** Returns the number of the reseller's charges in the month, billed or waiting for their day. */
    public int chargeCount() {
        return charges.size();
    }

    /** Returns the charges waiting for their day: attributed on or after the day of {@link #asOf()}. */
    public int waitingCount() {
        return waiting.size();
    }

    /** Returns the line item of a charge of the reseller, if any; for tests and explanations. */
    Optional<LineItem> charge(LineItemId id) {
        return Optional.ofNullable(charges.get(id)).map(AttributedCharge::item);
    }

    @Override
    public String toString() {
        return "RunningResellerBills[" + settings.reseller() + ", " + month + ", " + rows.size() + " rows]";
    }
}
