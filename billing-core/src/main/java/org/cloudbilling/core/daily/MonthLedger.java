package org.cloudbilling.core.daily;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.google.common.collect.ImmutableList;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.cloudbilling.core.bill.LineItem;
import org.cloudbilling.core.daily.internal.PersistentMap;
import org.cloudbilling.core.id.LineItemId;
import org.cloudbilling.core.json.BillingJson;
import org.cloudbilling.core.time.BillingCalendar;
import org.cloudbilling.core.time.BillingMonth;

/**
 * One month's charges by id as daily batches deliver them (DAILY-1, DAILY-2, DAILY-3): new charges join,
 * restated charges replace theirs, withdrawn charges leave, and no charge is ever counted twice.
 *
 * <ul>
 *   <li>Each batch is applied once: the same batch again (same id, same content) changes nothing; its id reused
 *       with other content is refused.
 *   <li>Each applied batch gives a new {@linkplain Version version}: {@linkplain MonthStatus#PROVISIONAL
 *       provisional} before the month's issue time in the calendar (RES-9); from the issue time on the month is
 *       {@linkplain MonthStatus#FINAL final} and takes only {@linkplain BatchKind#ADJUSTMENT adjustments}, recorded
 *       as such (backtracking recomputes the allocation of a final month without changing its charges).
 *   <li>A refused batch names the batch, the item and the reason, and changes nothing.
 * </ul>
 *
 * <p>Immutable: {@link #apply} returns the new ledger and what changed, and shares every untouched charge with
 * this one, so a batch costs time and memory in its own size, not the month's. The {@link #revision()} counts
 * the versions: a host writes a ledger back only over the revision it read (DAILY-4, {@link DailyJson}).
 *
 * <pre>{@code
 * MonthLedger september = MonthLedger.open(BillingMonth.of(2024, 9), cny, BillingCalendar.TENCENT);
 * MonthLedger.Update day1 = september.apply(batch, receivedAt);
 * rollup = rollup.apply(day1.removed(), day1.added());
 * }</pre>
 */
public final class MonthLedger {
    private final BillingMonth month;
    private final Currency currency;
    private final BillingCalendar calendar;
    private final PersistentMap<LineItemId, LineItem> charges;
    private final PersistentMap<BatchId, String> batches;
    private final ImmutableList<Version> versions;

    /**
     * One version of the month: the batch that made it, when it arrived and what the month was then.
     *
     * @param number 1 for the first batch, then 2, 3, ...
     * @param batch the batch applied
     * @param kind the batch's kind
     * @param receivedAt when the batch was applied, from the caller's clock
     * @param status provisional before the issue time, final from it
     * @param charges the number of charges in the month after the batch
     */
    public record Version(
            int number, BatchId batch, BatchKind kind, Instant receivedAt, MonthStatus status, int charges) {
        /** Checks the components. */
        public Version {
            requireNonNull(batch, "batch");
            requireNonNull(kind, "kind");
            requireNonNull(receivedAt, "receivedAt");
            requireNonNull(status, "status");
        }
    }

    /**
     * The result of applying a batch: the new ledger and the changes, one per charge touched.
     *
     * @param ledger the ledger after the batch, not null
     * @param changes what the batch did, in the batch's order; empty when it changed nothing
     */
    public record Update(MonthLedger ledger, List<ChargeChange> changes) {
        /** Checks the components. */
        public Update {
            requireNonNull(ledger, "ledger");
            changes = ImmutableList.copyOf(changes);
        }

        /** Returns the charges taken out (the old content of restated and withdrawn ones), never null. */
        public List<LineItem> removed() {
            return changes.stream().flatMap(c -> c.before().stream()).toList();
        }

        /** Returns the charges put in (new and restated ones), never null. */
        public List<LineItem> added() {
            return changes.stream().flatMap(c -> c.after().stream()).toList();
        }
    }

    private MonthLedger(
            BillingMonth month,
            Currency currency,
            BillingCalendar calendar,
            PersistentMap<LineItemId, LineItem> charges,
            PersistentMap<BatchId, String> batches,
            ImmutableList<Version> versions) {
        this.month = month;
        this.currency = currency;
        this.calendar = calendar;
        this.charges = charges;
        this.batches = batches;
        this.versions = versions;
    }

    /**
     * Returns the ledger of a month without charges or batches.
     *
     * @param month the month, not null
     * @param currency the currency of every charge, not null
     * @param calendar cuts months and gives the issue time, not null
     * @return the empty ledger, revision 0, never null
     */
    public static MonthLedger open(BillingMonth month, Currency currency, BillingCalendar calendar) {
        return new MonthLedger(
                requireNonNull(month, "month"),
                requireNonNull(currency, "currency"),
                requireNonNull(calendar, "calendar"),
                PersistentMap.empty(),
                PersistentMap.empty(),
                ImmutableList.of());
    }

    /** Rebuilds a ledger from its parts, as read back from JSON. */
    static MonthLedger restore(
            BillingMonth month,
            Currency currency,
            BillingCalendar calendar,
            PersistentMap<LineItemId, LineItem> charges,
            PersistentMap<BatchId, String> batches,
            List<Version> versions) {
        return new MonthLedger(month, currency, calendar, charges, batches, ImmutableList.copyOf(versions));
    }

    /** Returns the month, never null. */
    public BillingMonth month() {
        return month;
    }

    /** Returns the currency of every charge, never null. */
    public Currency currency() {
        return currency;
    }

    /** Returns the calendar, never null. */
    public BillingCalendar calendar() {
        return calendar;
    }

    /** Returns the number of versions so far: 0 for an opened ledger, then one more per batch applied. */
    public int revision() {
        return versions.size();
    }

    /** Returns every version, oldest first, never null. */
    public ImmutableList<Version> versions() {
        return versions;
    }

    /**
     * Returns whether the month is final at {@code now}: its issue time has come (RES-9).
     *
     * @param now the current instant, from the caller's clock, not null
     * @return the status, never null
     */
    public MonthStatus status(Instant now) {
        return calendar.isFinal(month, now) ? MonthStatus.FINAL : MonthStatus.PROVISIONAL;
    }

    /** Returns the number of charges in the month. */
    public int size() {
        return charges.size();
    }

    /** Returns the charge of {@code id}, if it is in the month. */
    public Optional<LineItem> charge(LineItemId id) {
        return Optional.ofNullable(charges.get(requireNonNull(id, "id")));
    }

    /** Returns whether a batch of {@code id} was applied. */
    public boolean hasApplied(BatchId id) {
        return batches.containsKey(requireNonNull(id, "id"));
    }

    /** Passes every charge to {@code action}, in unspecified order, without copying the month. */
    public void forEachCharge(Consumer<LineItem> action) {
        charges.forEach((id, item) -> action.accept(item));
    }

    /** Returns the month's charges sorted by id, never null; costs a copy of the month. */
    public List<LineItem> charges() {
        List<LineItem> out = charges.values();
        out.sort(Comparator.comparing(LineItem::id));
        return List.copyOf(out);
    }

    /** Returns each applied batch's content digest, by batch id; for writing the ledger. */
    PersistentMap<BatchId, String> batchDigests() {
        return batches;
    }

    /**
     * Applies {@code batch} to this ledger only if it is still at {@code basedOnRevision} (DAILY-4): a worker that
     * read the month at one revision cannot overwrite a newer one.
     *
     * @param batch the batch, not null
     * @param receivedAt when the batch arrived, not null
     * @param basedOnRevision the revision the caller read
     * @return as {@link #apply(ChargeBatch, Instant)}
     * @throws StaleStateException if this ledger's revision is another; nothing changes
     * @throws BatchRefusedException as {@link #apply(ChargeBatch, Instant)}
     */
    public Update apply(ChargeBatch batch, Instant receivedAt, int basedOnRevision) {
        StaleStateException.requireCurrent("month " + month, basedOnRevision, revision());
        return apply(batch, receivedAt);
    }

    /**
     * Applies {@code batch}, received at {@code receivedAt}.
     *
     * @param batch the batch, not null
     * @param receivedAt when the batch arrived, from the caller's clock, not null
     * @return the new ledger and the changes; this ledger and no changes when the batch was applied before
     * @throws BatchRefusedException naming the batch, the item and the reason: a batch for another month or
     *     currency, a charge of another month or currency, a new charge whose id is in the month with other content,
     *     a restatement or withdrawal of an unknown id, a batch id reused with other content, a daily batch for a
     *     final month; nothing changes
     */
    public Update apply(ChargeBatch batch, Instant receivedAt) {
        requireNonNull(batch, "batch");
        requireNonNull(receivedAt, "receivedAt");
        BatchId id = batch.id();
        if (!batch.month().equals(month)) {
            throw refused(id, null, "it is for " + batch.month() + ", this month is " + month);
        }
        if (!batch.currency().equals(currency)) {
            throw refused(
                    id,
                    null,
                    "it is in " + batch.currency().getCurrencyCode() + ", this month in " + currency.getCurrencyCode());
        }
        String digest = digest(batch);
        String applied = batches.get(id);
        if (applied != null) {
            if (applied.equals(digest)) {
                return new Update(this, List.of());
            }
            throw refused(id, null, "its id was applied before with other content; a new delivery needs a new id");
        }
        MonthStatus status = status(receivedAt);
        if (status == MonthStatus.FINAL && batch.kind() == BatchKind.DAILY) {
            throw refused(
                    id,
                    null,
                    "the month is final since " + calendar.issueTime(month)
                            + " (issue day, RES-9); only an adjustment or a backtrack changes it");
        }
        List<ChargeChange> changes = new ArrayList<>(batch.size());
        PersistentMap<LineItemId, LineItem> next = charges;
        for (LineItem item : batch.added()) {
            check(batch, item);
            LineItem before = charges.get(item.id());
            if (before != null) {
                if (before.equals(item)) {
                    continue; // delivered again unchanged: counted once
                }
                throw refused(id, item.id(), "is already in the month with other content; deliver it as restated");
            }
            next = next.put(item.id(), item);
            changes.add(new ChargeChange(Optional.empty(), Optional.of(item)));
        }
        for (LineItem item : batch.restated()) {
            check(batch, item);
            LineItem before = charges.get(item.id());
            if (before == null) {
                throw refused(id, item.id(), "restates a charge that is not in the month");
            }
            if (!before.equals(item)) {
                next = next.put(item.id(), item);
                changes.add(new ChargeChange(Optional.of(before), Optional.of(item)));
            }
        }
        for (LineItemId w : batch.withdrawn()) {
            LineItem before = charges.get(w);
            if (before == null) {
                throw refused(id, w, "withdraws a charge that is not in the month");
            }
            next = next.remove(w);
            changes.add(new ChargeChange(Optional.of(before), Optional.empty()));
        }
        Version version = new Version(versions.size() + 1, id, batch.kind(), receivedAt, status, next.size());
        MonthLedger ledger = new MonthLedger(
                month,
                currency,
                calendar,
                next,
                batches.put(id, digest),
                ImmutableList.<Version>builderWithExpectedSize(versions.size() + 1)
                        .addAll(versions)
                        .add(version)
                        .build());
        return new Update(ledger, changes);
    }

    private void check(ChargeBatch batch, LineItem item) {
        if (!item.currency().equals(currency)) {
            throw refused(
                    batch.id(),
                    item.id(),
                    "is in " + item.currency().getCurrencyCode() + ", the month in " + currency.getCurrencyCode());
        }
        BillingMonth of = calendar.monthOf(item.feePeriod().start());
        if (!of.equals(month)) {
            throw refused(batch.id(), item.id(), "its fee period starts in " + of + ", not in " + month);
        }
    }

    private static BatchRefusedException refused(BatchId batch, LineItemId item, String reason) {
        return new BatchRefusedException(batch, Optional.ofNullable(item), reason);
    }

    /** Returns the SHA-256 of the batch's content (kind, month, currency, charges and ids), in hex. */
    static String digest(ChargeBatch batch) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            ObjectWriter json = Holder.WRITER;
            sha.update(
                    (batch.kind() + "|" + batch.month() + "|" + batch.currency().getCurrencyCode() + "|")
                            .getBytes(StandardCharsets.UTF_8));
            for (String part : List.of("added", "restated")) {
                sha.update(part.getBytes(StandardCharsets.UTF_8));
                for (LineItem item : part.equals("added") ? batch.added() : batch.restated()) {
                    sha.update(json.writeValueAsBytes(item));
                }
            }
            sha.update("withdrawn".getBytes(StandardCharsets.UTF_8));
            for (LineItemId w : batch.withdrawn()) {
                sha.update((w.value() + "\n").getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException | JsonProcessingException e) {
            throw new AssertionError("bug: cannot digest batch " + batch.id(), e);
        }
    }

    /** The compact writer digests use; immutable and shared. */
    private static final class Holder {
        static final ObjectWriter WRITER = BillingJson.mapper()
                .writer()
                .without(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT);
    }

    @Override
    public boolean equals(Object obj) {
        return obj instanceof MonthLedger o
                && o.month.equals(month)
                && o.currency.equals(currency)
                && o.calendar.equals(calendar)
                && o.charges.equals(charges)
                && o.batches.equals(batches)
                && o.versions.equals(versions);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(month, charges, versions);
    }

    @Override
    public String toString() {
        return "MonthLedger[" + month + ", " + charges.size() + " charges, revision " + versions.size() + "]";
    }
}
