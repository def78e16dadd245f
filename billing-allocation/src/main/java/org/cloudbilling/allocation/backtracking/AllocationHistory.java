package org.cloudbilling.allocation.backtracking;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.cloudbilling.core.time.BillingMonth;

/**
 * Every version of every month's cost allocation bill, and every backtrack record: an immutable value that
 * host applications persist (as JSON, with {@code BillingJson.mapper()}) and pass back in.
 *
 * <p>Nothing is ever removed (BACK-8): a backtrack adds versions. What downstream reads at an instant is
 * {@link #inForce(BillingMonth, Instant)}: the latest version whose effective time has come.
 *
 * @param versions every version, by month then number
 * @param records every backtrack record, in submission order
 */
public record AllocationHistory(List<MonthVersion> versions, List<BacktrackRecord> records) {
    /** Copies the lists. */
    public AllocationHistory {
        versions = List.copyOf(versions);
        records = List.copyOf(records);
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

    /** Returns this history with {@code added} versions appended. */
    AllocationHistory withVersions(List<MonthVersion> added) {
        List<MonthVersion> all = new ArrayList<>(versions);
        all.addAll(added);
        all.sort(java.util.Comparator.comparing(MonthVersion::month).thenComparingInt(MonthVersion::number));
        return new AllocationHistory(all, records);
    }

    /** Returns this history with {@code record} added, or replacing the record of the same id. */
    AllocationHistory withRecord(BacktrackRecord record) {
        List<BacktrackRecord> all = new ArrayList<>();
        boolean replaced = false;
        for (BacktrackRecord r : records) {
            if (r.id().equals(record.id())) {
                all.add(record);
                replaced = true;
            } else {
                all.add(r);
            }
        }
        if (!replaced) {
            all.add(record);
        }
        return new AllocationHistory(versions, all);
    }

    /** Returns the number the next version of {@code month} gets. */
    int nextNumber(BillingMonth month) {
        return latest(month).map(v -> v.number() + 1).orElse(1);
    }
}
