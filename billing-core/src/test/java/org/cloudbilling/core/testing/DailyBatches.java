package org.cloudbilling.core.testing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.cloudbilling.core.bill.LineItem;
import org.cloudbilling.core.daily.BatchId;
import org.cloudbilling.core.daily.BatchKind;
import org.cloudbilling.core.daily.ChargeBatch;
import org.cloudbilling.core.id.LineItemId;
import org.cloudbilling.core.money.Money;
import org.cloudbilling.core.time.BillingMonth;

/**
 * A month's charges delivered as daily batches, for the DAILY properties: each charge is added in one batch,
 * sometimes restated in a later one (new amounts, sometimes another owner or product taken from another charge),
 * sometimes withdrawn after that; batches arrive in order with earlier batches delivered again in between.
 *
 * @param arrivals the batches in order of arrival, duplicates included
 * @param finalCharges the charges the month ends with, by id
 */
public record DailyBatches(List<ChargeBatch> arrivals, Map<LineItemId, LineItem> finalCharges) {

    /**
     * Splits {@code items} (distinct ids, one month, one currency) into at most {@code days} daily batches.
     *
     * @param items the charges as first delivered, not null
     * @param month their month, not null
     * @param currency their currency, not null
     * @param days the number of daily batches, at least 1
     * @param random the randomness, not null
     * @return the deliveries, never null
     */
    public static DailyBatches of(
            List<LineItem> items, BillingMonth month, Currency currency, int days, Random random) {
        List<List<LineItem>> added = lists(days);
        List<List<LineItem>> restated = lists(days);
        List<List<LineItemId>> withdrawn = lists(days);
        Map<LineItemId, LineItem> last = new LinkedHashMap<>();
        for (LineItem item : items) {
            int day = random.nextInt(days);
            added.get(day).add(item);
            last.put(item.id(), item);
            if (day + 1 < days && random.nextInt(3) == 0) {
                day = day + 1 + random.nextInt(days - day - 1);
                LineItem other = items.get(random.nextInt(items.size()));
                LineItem restatement = restate(item, other, random);
                restated.get(day).add(restatement);
                last.put(item.id(), restatement);
            }
            if (day + 1 < days && random.nextInt(5) == 0) {
                day = day + 1 + random.nextInt(days - day - 1);
                withdrawn.get(day).add(item.id());
                last.remove(item.id());
            }
        }
        List<ChargeBatch> batches = new ArrayList<>();
        for (int d = 0; d < days; d++) {
            batches.add(new ChargeBatch(
                    BatchId.of("day-" + (d + 1)),
                    BatchKind.DAILY,
                    month,
                    currency,
                    added.get(d),
                    restated.get(d),
                    withdrawn.get(d)));
        }
        List<ChargeBatch> arrivals = new ArrayList<>();
        for (int d = 0; d < days; d++) {
            arrivals.add(batches.get(d));
            if (random.nextInt(4) == 0) {
                arrivals.add(batches.get(random.nextInt(d + 1))); // delivered again
            }
        }
        return new DailyBatches(List.copyOf(arrivals), Map.copyOf(new HashMap<>(last)));
    }

    /** The instant batch {@code index} of {@code month} arrives: 08:00 UTC on day index + 2 of the month. */
    public static Instant arrival(java.time.Instant monthStart, int index) {
        return monthStart.plusSeconds(86_400L * (index + 1) + 8 * 3600);
    }

    private static <T> List<List<T>> lists(int n) {
        List<List<T>> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new ArrayList<>());
        }
        return out;
    }

    /** Returns {@code item} with a new amount and, sometimes, the owner or product of {@code other}. */
    private static LineItem restate(LineItem item, LineItem other, Random random) {
        Money amount =
                Money.ofUnscaled(item.currency(), random.nextInt(2_000_000) - 200_000, random.nextBoolean() ? 2 : 8);
        LineItem.Builder b = LineItem.builder()
                .from(item)
                .listCost(amount)
                .totalCost(amount)
                .cashPaid(Optional.empty())
                .voucherPaid(Optional.empty())
                .incentivePaid(Optional.empty())
                .transferPaid(Optional.empty())
                .creditPaid(Optional.empty())
                .couponPaid(Optional.empty());
        switch (random.nextInt(3)) {
            case 0 -> b.ownerUin(other.ownerUin());
            case 1 -> b.businessCode(other.businessCode());
            default -> {}
        }
        return b.build();
    }
}
