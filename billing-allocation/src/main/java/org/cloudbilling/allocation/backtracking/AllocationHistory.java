package org.cloudbilling.allocation.backtracking;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cloudbilling.core.id.LineItemId;
import org.cloudbilling.core.time.BillingMonth;

/**
 * Every version of every month's cost allocation bill, and every backtrack record: an immutable value that
 * host applications persist (as JSON, with {@link HistoryJson}) and pass back in.
 *
 * <p>Nothing is ever removed (BACK-8): a backtrack adds versions. What downstream reads at an instant is
 * {@link #inForce(BillingMonth, Instant)}: the latest version whose effective time has come. A history is
 * consistent: each month's versions have distinct numbers, an item has the same currency in every version of its
 * month (a month may hold items in several currencies), each record has its own id, and a version made by a
 * backtrack names a completed record of this history (BACK-9).
 *
 * @param versions every version, by month then number
 * @param records every backtrack record, in submission order
 */
public record AllocationHistory(List<MonthVersion> versions, List<BacktrackRecord> records) {
    /**
     * Checks that the history is consistent, copies the lists and orders the versions by month then number.
     *
     * @throws IllegalArgumentException naming the value (such as {@code versions[3].number}): a version number
     *     repeated within a month, an item in one currency in a version and in another in an earlier version of
     *     its month, a record id repeated, a version whose backtrack is not a completed record of the history
     */
    public AllocationHistory {
        versions = List.copyOf(versions);
        records = List.copyOf(records);
        check(versions, records);
        List<MonthVersion> sorted = new ArrayList<>(versions);
        sorted.sort(BY_MONTH_AND_NUMBER);
        versions = List.copyOf(sorted);
    }

    private static final Comparator<MonthVersion> BY_MONTH_AND_NUMBER =
            Comparator.comparing(MonthVersion::month).thenComparingInt(MonthVersion::number);

    private static void check(List<MonthVersion> versions, List<BacktrackRecord> records) {
        Map<String, Integer> recordIndex = new HashMap<>();
        for (int i = 0; i < records.size(); i++) {
            Integer earlier = recordIndex.putIfAbsent(records.get(i).id(), i);
            if (earlier != null) {
                throw new HistoryProblem(
                        "records[" + i + "].id",
                        "repeats the id of records[" + earlier + "], "
                                + records.get(i).id() + ": a request has one record");
            }
        }
        Map<List<Object>, Integer> numbers = new HashMap<>();
        Map<BillingMonth, Integer> versionsOfMonth = new HashMap<>();
        for (MonthVersion v : versions) {
            versionsOfMonth.merge(v.month(), 1, Integer::sum);
        }
        Map<BillingMonth, Map<LineItemId, ItemCurrency>> currencies = new HashMap<>();
        for (int i = 0; i < versions.size(); i++) {
            MonthVersion v = versions.get(i);
            Integer earlier = numbers.putIfAbsent(List.of(v.month(), v.number()), i);
            if (earlier != null) {
                throw new HistoryProblem(
                        "versions[" + i + "].number",
                        "repeats version " + v.number() + " of " + v.month() + " (versions[" + earlier + "])");
            }
            if (versionsOfMonth.get(v.month()) > 1) {
                // a month's only version keeps each item in one currency by itself (MonthVersion checks it): only
                // a month of several versions has items to compare across them
                checkItemCurrencies(
                        v, currencies.computeIfAbsent(v.month(), m -> new HashMap<>()), "versions[" + i + "].");
            }
            if (v.backtrack().isPresent()) {
                Integer r = recordIndex.get(v.backtrack().get());
                if (r == null || records.get(r).status() != BacktrackStatus.COMPLETED) {
                    throw new HistoryProblem(
                            "versions[" + i + "].backtrack",
                            "names " + v.backtrack().get() + ", which is "
                                    + (r == null
                                            ? "not a record of this history"
                                            : records.get(r).status() + " (records[" + r + "])")
                                    + ": a version comes from a completed backtrack");
                }
            }
        }
    }

    /** The currency of an item in its month, and the number of the first version that has it. */
    private record ItemCurrency(Currency currency, int version) {}

    /**
     * Checks that each item of {@code v} has the currency {@code seen} gives it, the one it has in the earlier
     * versions of its month (an item's currency never changes), and adds the items seen first in {@code v}.
     *
     * @param path what the line's path starts with: {@code versions[3].}, or empty for a version on its own
     */
    private static void checkItemCurrencies(MonthVersion v, Map<LineItemId, ItemCurrency> seen, String path) {
        List<AllocationLine> lines = v.lines();
        for (int j = 0; j < lines.size(); j++) {
            AllocationLine l = lines.get(j);
            if (j > 0 && l.item().equals(lines.get(j - 1).item())) {
                continue; // the version itself keeps an item's lines in one currency
            }
            Currency currency = l.amount().currency();
            ItemCurrency had = seen.get(l.item());
            if (had == null) {
                seen.put(l.item(), new ItemCurrency(currency, v.number()));
            } else if (!had.currency().equals(currency)) {
                throw new HistoryProblem(
                        path + "lines[" + j + "].amount",
                        "item " + l.item() + " is in " + currency + " here and in " + had.currency() + " in version "
                                + had.version() + " of " + v.month()
                                + ": an item keeps its currency in every version of its month");
            }
        }
    }

    /** Returns a history without versions or records. */
    public static AllocationHistory empty() {
        return new AllocationHistory(List.of(), List.of());
    }

    /** Returns every version of {@code month}, oldest first, never null. */
    public List<MonthVersion> versions(BillingMonth month) {
        requireNonNull(month, "month");
        return versions.stream().filter(v -> v.month().equals(month)).toList();
    }

    /**
     * Returns version {@code number} of {@code month}.
     *
     * @throws IllegalArgumentException if there is no such version
     */
    public MonthVersion version(BillingMonth month, int number) {
        return versions(month).stream()
                .filter(v -> v.number() == number)
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("month " + month + " has no version " + number));
    }

    /** Returns the newest version of {@code month}, in force or not yet. */
    public Optional<MonthVersion> latest(BillingMonth month) {
        List<MonthVersion> all = versions(month);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    /**
     * Returns the version of {@code month} readers see at {@code at}: the newest whose effective time has come.
     *
     * @param month the month, not null
     * @param at the instant, from the caller's clock, not null
     * @return the version, empty when none is in force yet
     */
    public Optional<MonthVersion> inForce(BillingMonth month, Instant at) {
        MonthVersion found = null;
        for (MonthVersion v : versions(month)) {
            if (!v.effectiveFrom().isAfter(at)) {
                found = v;
            }
        }
        return Optional.ofNullable(found);
    }

    /** Returns the record {@code id}. */
    public Optional<BacktrackRecord> record(String id) {
        return records.stream().filter(r -> r.id().equals(id)).findFirst();
    }

    /** Returns this history with {@code added} versions, all of one backtrack or computation, and no record. */
    AllocationHistory withVersions(List<MonthVersion> added) {
        List<MonthVersion> all = new ArrayList<>(versions);
        all.addAll(added);
        return new AllocationHistory(all, records);
    }

    /**
     * Returns this history with the versions a backtrack made and its completed record, which replaces the
     * request's in-progress or failed one.
     */
    AllocationHistory withBacktrack(List<MonthVersion> added, BacktrackRecord completed) {
        List<MonthVersion> all = new ArrayList<>(versions);
        all.addAll(added);
        return new AllocationHistory(all, replacing(completed));
    }

    /**
     * Returns this history with {@code record} added, or replacing the in-progress or failed record of the same id.
     *
     * @throws IllegalArgumentException if the record of that id is completed: a completed record is never
     *     rewritten (BACK-9)
     */
    AllocationHistory withRecord(BacktrackRecord record) {
        return new AllocationHistory(versions, replacing(record));
    }

    private List<BacktrackRecord> replacing(BacktrackRecord record) {
        List<BacktrackRecord> all = new ArrayList<>();
        boolean replaced = false;
        for (BacktrackRecord r : records) {
            if (r.id().equals(record.id())) {
                if (r.status() == BacktrackStatus.COMPLETED) {
                    throw new IllegalArgumentException(
                            "record " + r.id() + " is completed: a completed record is" + " never rewritten (BACK-9)");
                }
                all.add(record);
                replaced = true;
            } else {
                all.add(r);
            }
        }
        if (!replaced) {
            all.add(record);
        }
        return all;
    }

    /**
     * Checks that each item of {@code added}, a version to be added, has the currency it has in this history's
     * versions of its month.
     *
     * @throws IllegalArgumentException naming the line ({@code lines[3].amount}), the item and both currencies
     */
    void checkItemCurrencies(MonthVersion added) {
        List<MonthVersion> earlier = versions(added.month());
        if (earlier.isEmpty()) {
            return; // the month's first version keeps each item in one currency by itself
        }
        Map<LineItemId, ItemCurrency> seen = new HashMap<>();
        for (MonthVersion v : earlier) {
            checkItemCurrencies(v, seen, "");
        }
        checkItemCurrencies(added, seen, "");
    }

    /** Returns the number the next version of {@code month} gets. */
    int nextNumber(BillingMonth month) {
        return latest(month).map(v -> v.number() + 1).orElse(1);
    }
}
