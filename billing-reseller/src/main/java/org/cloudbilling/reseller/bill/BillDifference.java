package org.cloudbilling.reseller.bill;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cloudbilling.core.id.LineItemId;
import org.cloudbilling.core.money.Money;

/**
 * Why the totals of Bill A and Bill B of one reseller's month differ (RES-5): each cause with its amount and
 * the rows it comes from. The amounts add up to {@code totalA - totalB} exactly; a breakdown that would not
 * is a bug and fails.
 *
 * <p>Named for what it explains, the difference of the two bills, and not a "reconciliation": in this library that
 * word means only the provider's reconciliation lists of a billing cycle ({@code org.cloudbilling.core.recon},
 * RECON-1..5: one list of period orders, one of pay-per-use charges), which compare no two bills.
 *
 * <pre>{@code
 * BillDifference r = BillDifference.of(billA, billB, BillDifference.Measure.TOTAL);
 * r.difference();                  // totalA - totalB
 * r.amountOf(Cause.BILL_ADJUSTMENT);
 * }</pre>
 *
 * @param measure which totals are compared, not null
 * @param totalA Bill A's total of the measure, not null
 * @param totalB Bill B's total of the measure, not null
 * @param rowCountA the number of rows of Bill A
 * @param rowCountB the number of rows of Bill B
 * @param parts the causes with a non-zero amount or at least one row, in the order of {@link Cause}
 */
public record BillDifference(
        Measure measure, Money totalA, Money totalB, int rowCountA, int rowCountB, List<Part> parts) {

    /** The pair of totals compared. */
    public enum Measure {
        /** The total original price: the figure the provider's FAQ compares. */
        ORIGINAL_PRICE,
        /** Bill A's cost (what the reseller owes the provider) against Bill B's total (what customers owe). */
        TOTAL
    }

    /** A cause of difference between Bill A and Bill B. */
    public enum Cause {
        /** The reseller's cost differs from the customer's price: reseller discount, customer discount, reserved instance. */
        PRICE_DIFFERENCE,
        /** End-customer vouchers lower Bill B only (RES-8). */
        CUSTOMER_VOUCHER,
        /** Refunds: A at the reseller's post-discount refund, B at the customer's refund (RES-4). */
        REFUND,
        /** The refund and purchase parts of configuration changes, shown like refunds and charges (RES-4). */
        CONFIGURATION_CHANGE,
        /** Bill adjustments are in Bill A only (RES-5). */
        BILL_ADJUSTMENT
    }

    /**
     * One cause, its amount ({@code A - B}) and the rows contributing a non-zero amount.
     *
     * @param cause the cause, not null
     * @param amount its part of {@code totalA - totalB}, not null
     * @param rows the contributing rows, not null
     */
    public record Part(Cause cause, Money amount, List<LineItemId> rows) {
        public Part {
            requireNonNull(cause, "cause");
            requireNonNull(amount, "amount");
            rows = ImmutableList.copyOf(rows);
        }
    }

    public BillDifference {
        requireNonNull(measure, "measure");
        requireNonNull(totalA, "totalA");
        requireNonNull(totalB, "totalB");
        parts = ImmutableList.copyOf(parts);
    }

    /** Returns {@code totalA - totalB}, never null. */
    public Money difference() {
        return totalA.minus(totalB);
    }

    /** Returns the amount of {@code cause}, zero when it does not occur, never null. */
    public Money amountOf(Cause cause) {
        return parts.stream()
                .filter(d -> d.cause() == cause)
                .map(Part::amount)
                .findFirst()
                .orElse(Money.zero(totalA.currency()));
    }

    /**
     * Explains the difference of Bill A and Bill B of the same reseller's month by cause.
     *
     * @param a Bill A, not null
     * @param b Bill B, not null
     * @param measure which totals to compare, not null
     * @return the difference by cause, never null
     * @throws IllegalArgumentException if the bills are not of the same reseller, month and currency, or a row of
     *     one has no counterpart in the other where it should
     */
    public static BillDifference of(BillA a, BillB b, Measure measure) {
        requireNonNull(measure, "measure");
        checkArgument(
                a.reseller().equals(b.reseller())
                        && a.month().equals(b.month())
                        && a.currency().equals(b.currency()),
                "Bill A of %s %s and Bill B of %s %s are not of the same reseller month",
                a.reseller(),
                a.month(),
                b.reseller(),
                b.month());
        Map<LineItemId, BillBRow> byId = new HashMap<>();
        for (BillBRow row : b.rows()) {
            checkArgument(byId.put(row.id(), row) == null, "Bill B repeats line item %s", row.id());
        }
        Money zero = Money.zero(a.currency());
        Map<Cause, Money> amounts = new EnumMap<>(Cause.class);
        Map<Cause, List<LineItemId>> rows = new EnumMap<>(Cause.class);
        int matched = 0;
        for (BillARow ra : a.rows()) {
            if (ra.kind() == RowKind.ADJUSTMENT) {
                checkArgument(!byId.containsKey(ra.id()), "Bill B shows adjustment %s", ra.id());
                add(
                        amounts,
                        rows,
                        Cause.BILL_ADJUSTMENT,
                        ra.id(),
                        measure == Measure.TOTAL ? ra.cost() : ra.originalPrice());
                continue;
            }
            BillBRow rb = byId.get(ra.id());
            checkArgument(rb != null, "line item %s is in Bill A but not in Bill B", ra.id());
            matched++;
            Cause rowCause = switch (ra.kind()) {
                case REFUND -> Cause.REFUND;
                case CONFIGURATION_CHANGE -> Cause.CONFIGURATION_CHANGE;
                default -> Cause.PRICE_DIFFERENCE;
            };
            if (measure == Measure.TOTAL) {
                add(amounts, rows, Cause.CUSTOMER_VOUCHER, ra.id(), rb.customerVoucher());
                add(amounts, rows, rowCause, ra.id(), ra.cost().minus(rb.totalBeforeVoucher()));
            } else {
                add(amounts, rows, rowCause, ra.id(), ra.originalPrice().minus(rb.originalPrice()));
            }
        }
        checkArgument(matched == b.rows().size(), "Bill B has rows that are not in Bill A");
        List<Part> parts = new ArrayList<>();
        Money explained = zero;
        for (Cause cause : Cause.values()) {
            if (amounts.containsKey(cause)) {
                parts.add(new Part(cause, amounts.get(cause), rows.get(cause)));
                explained = explained.plus(amounts.get(cause));
            }
        }
        Money totalA = measure == Measure.TOTAL ? a.total() : a.originalTotal();
        Money totalB = measure == Measure.TOTAL ? b.total() : b.originalTotal();
        if (!explained.isEqual(totalA.minus(totalB))) {
            throw new AssertionError("bug: causes add up to " + explained + " but A - B is " + totalA.minus(totalB));
        }
        return new BillDifference(
                measure, totalA, totalB, a.rows().size(), b.rows().size(), parts);
    }

    private static void add(
            Map<Cause, Money> amounts, Map<Cause, List<LineItemId>> rows, Cause cause, LineItemId id, Money amount) {
        if (amount.isZero()) {
            return;
        }
        amounts.merge(cause, amount, Money::plus);
        rows.computeIfAbsent(cause, c -> new ArrayList<>()).add(id);
    }
}
