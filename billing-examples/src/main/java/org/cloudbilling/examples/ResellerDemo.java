package org.cloudbilling.examples;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.cloudbilling.core.money.Money;
import org.cloudbilling.core.time.BillingCalendar;
import org.cloudbilling.reseller.bill.BillA;
import org.cloudbilling.reseller.bill.BillDifference;
import org.cloudbilling.reseller.bill.ResellerBills;
import org.cloudbilling.reseller.bill.ResellerMonth;
import org.cloudbilling.reseller.channel.AttributedCharge;
import org.cloudbilling.reseller.channel.Attribution;
import org.cloudbilling.reseller.channel.AttributionContext;
import org.cloudbilling.reseller.channel.PartnerUin;
import org.cloudbilling.reseller.distributor.DistributorQueries;

/**
 * The demo's reseller section: a generated distributor's month attributed to its resellers, each reseller's Bill A
 * (what it owes the provider) and Bill B (what its customers owe it), and the causes of their difference.
 */
final class ResellerDemo {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm xxx", Locale.ROOT);

    private ResellerDemo() {}

    static void run(PrintWriter out) {
        ResellerMonthGenerator.Month month = ResellerMonthGenerator.generate(ResellerMonthGenerator.SEED);
        List<AttributedCharge> charges =
                Attribution.attribute(month.items(), AttributionContext.of(BillingCalendar.TENCENT, month.channel()));
        long direct = charges.stream().filter(c -> c.partner().isEmpty()).count();

        out.println();
        out.println("Reseller month (generated from seed " + month.seed() + "): "
                + ResellerMonthGenerator.SEPTEMBER + ", distributor " + ResellerMonthGenerator.DISTRIBUTOR.value()
                + " with resellers " + ResellerMonthGenerator.R1.value() + " and "
                + ResellerMonthGenerator.R2.value());
        out.println("Attributed " + charges.size() + " line items of "
                + month.startOfMonth().size() + " customers; " + direct
                + " belong to a direct customer and are on neither reseller's bills.");
        Map<PartnerUin, ResellerMonth> bills = new LinkedHashMap<>();
        for (PartnerUin reseller : List.of(ResellerMonthGenerator.R1, ResellerMonthGenerator.R2)) {
            bills.put(
                    reseller,
                    ResellerBills.compute(
                            charges,
                            month.settings().get(reseller),
                            ResellerMonthGenerator.SEPTEMBER,
                            BillingCalendar.TENCENT,
                            ResellerMonthGenerator.AS_OF,
                            month.customerVouchers().get(reseller)));
        }
        List<BillA> billsA = bills.values().stream().map(ResellerMonth::billA).toList();
        Map<ResellerMonthGenerator.Move, List<BillA>> moved = new LinkedHashMap<>();
        for (ResellerMonthGenerator.Move m : month.moves()) {
            moved.put(
                    m,
                    DistributorQueries.indirectCustomerBill(
                            month.channel(),
                            BillingCalendar.TENCENT,
                            ResellerMonthGenerator.DISTRIBUTOR,
                            m.customer(),
                            billsA));
        }
        List<Money> amounts = new ArrayList<>();
        moved.values().forEach(parts -> parts.forEach(b -> amounts.add(b.total())));
        for (ResellerMonth b : bills.values()) {
            BillDifference why = b.totalDifference();
            amounts.addAll(List.of(why.totalA(), why.totalB(), why.difference()));
            why.parts().forEach(d -> amounts.add(d.amount()));
        }
        int scale = commonScale(amounts);
        out.println("Customers that moved (times UTC+8), and their cost on each reseller's Bill A as the distributor"
                + " sees it (amounts exact, all at " + scale + " decimals):");
        for (Map.Entry<ResellerMonthGenerator.Move, List<BillA>> e : moved.entrySet()) {
            ResellerMonthGenerator.Move m = e.getKey();
            out.println("  " + m.customer().value() + " from "
                    + m.from().map(PartnerUin::value).orElse("direct")
                    + " to " + m.to().value() + " at " + TIME.format(m.at().atOffset(ResellerMonthGenerator.ZONE))
                    + ": "
                    + e.getValue().stream()
                            .map(b -> show(b.total(), scale) + " with "
                                    + b.reseller().value())
                            .collect(Collectors.joining(", ")));
        }
        for (Map.Entry<PartnerUin, ResellerMonth> e : bills.entrySet()) {
            BillDifference why = e.getValue().totalDifference();
            out.println("Reseller " + e.getKey().value() + ": Bill A (its cost) " + show(why.totalA(), scale)
                    + " over " + why.rowCountA() + " rows; Bill B (its customers' total) " + show(why.totalB(), scale)
                    + " over " + why.rowCountB() + " rows");
            out.println("  A - B = " + show(why.difference(), scale) + ", by cause:");
            for (BillDifference.Part d : why.parts()) {
                out.printf(
                        Locale.ROOT,
                        "    %-22s %s (%s)%n",
                        d.cause().name().toLowerCase(Locale.ROOT).replace('_', ' '),
                        show(d.amount(), scale),
                        d.rows().size() == 1 ? "1 row" : d.rows().size() + " rows");
            }
        }
    }

    /**
     * Returns the one scale the section prints its amounts at: the fewest decimals that show every amount
     * exactly, and at least the currencies' minor unit. Nothing is rounded: products of list prices and customer
     * discounts carry more decimals than the cents, and the causes must add up to A - B as printed.
     */
    static int commonScale(List<Money> amounts) {
        int scale = 0;
        for (Money m : amounts) {
            scale = Math.max(scale, Math.max(m.currency().getDefaultFractionDigits(), exactScale(m.amount())));
        }
        return scale;
    }

    private static int exactScale(BigDecimal amount) {
        return amount.signum() == 0
                ? 0
                : Math.max(0, amount.stripTrailingZeros().scale());
    }

    /**
     * Shows an amount at {@code scale} decimals, exactly.
     *
     * @throws ArithmeticException if the amount needs more decimals than {@code scale}
     */
    static String show(Money money, int scale) {
        return money.currency().getCurrencyCode() + " "
                + money.amount().setScale(scale).toPlainString();
    }
}
