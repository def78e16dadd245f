package org.cloudbilling.examples.samples;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import org.cloudbilling.core.bill.ActionType;
import org.cloudbilling.core.bill.LineItem;
import org.cloudbilling.core.bill.SettlementCycle;
import org.cloudbilling.core.id.LineItemId;
import org.cloudbilling.core.id.OwnerUin;
import org.cloudbilling.core.money.Money;
import org.cloudbilling.core.time.BillingCalendar;
import org.cloudbilling.core.time.BillingMonth;
import org.cloudbilling.core.time.Interval;
import org.cloudbilling.reseller.bill.BillBFeature;
import org.cloudbilling.reseller.bill.BillDifference;
import org.cloudbilling.reseller.bill.ResellerBills;
import org.cloudbilling.reseller.bill.ResellerMonth;
import org.cloudbilling.reseller.bill.ResellerSettings;
import org.cloudbilling.reseller.channel.AttributedCharge;
import org.cloudbilling.reseller.channel.Attribution;
import org.cloudbilling.reseller.channel.AttributionContext;
import org.cloudbilling.reseller.channel.Channel;
import org.cloudbilling.reseller.channel.PartnerUin;

/**
 * A distributor's month: Dana moves from reseller R1 to reseller R2 on 15 September at 10:00 (UTC+8); Eve stays
 * with R1, which gives her a discount of 0.9 and a voucher. Each charge is attributed by its rule, then each
 * reseller's Bill A (what it owes the provider, at the provider's discount of 0.8) and Bill B (what its customers
 * owe it) are computed from the same charges and reconciled by cause.
 */
public final class ResellerMonthSample {
    private static final Currency CNY = Currency.getInstance("CNY");
    private static final PartnerUin DIST = PartnerUin.of("200000000001");
    private static final PartnerUin R1 = PartnerUin.of("200000000011");
    private static final PartnerUin R2 = PartnerUin.of("200000000012");
    private static final OwnerUin DANA = OwnerUin.of("100000000301");
    private static final OwnerUin EVE = OwnerUin.of("100000000302");

    private ResellerMonthSample() {}

    /**
     * Prints the sample's output.
     *
     * @param args none
     */
    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        run(out);
        out.flush();
    }

    static void run(PrintWriter out) {
        Channel channel = Channel.builder()
                .distributor(DIST)
                .reseller(R1, DIST)
                .reseller(R2, DIST)
                .build()
                .bound(DANA, R1, t("2024-08-01T00:00"))
                .unbound(DANA, t("2024-09-15T10:00"))
                .bound(DANA, R2, t("2024-09-15T10:00"))
                .bound(EVE, R1, t("2024-08-01T00:00"));

        List<LineItem> september = List.of(
                charge("d-h1", DANA, SettlementCycle.HOURLY, "2024-09-14T20:00", "2024-09-14T21:00", "5.00"),
                charge("d-h2", DANA, SettlementCycle.HOURLY, "2024-09-15T10:00", "2024-09-15T11:00", "5.00"),
                charge("d-m", DANA, SettlementCycle.MONTHLY, "2024-09-01T00:00", "2024-10-01T00:00", "60.00"),
                charge("e-d", EVE, SettlementCycle.DAILY, "2024-09-10T00:00", "2024-09-11T00:00", "50.00"),
                LineItem.builder()
                        .from(charge(
                                "e-r", EVE, SettlementCycle.DAILY, "2024-09-12T00:00", "2024-09-13T00:00", "-10.00"))
                        .actionType(ActionType.REFUND)
                        .build(),
                LineItem.builder()
                        .from(charge(
                                "e-adj", EVE, SettlementCycle.DAILY, "2024-09-11T00:00", "2024-09-12T00:00", "-2.00"))
                        .actionType(ActionType.ADJUSTMENT)
                        .build());

        out.println("Dana " + DANA.value() + " moves from " + R1.value() + " to " + R2.value()
                + " on 2024-09-15 at 10:00 (UTC+8); Eve " + EVE.value() + " stays with " + R1.value());
        List<AttributedCharge> charges =
                Attribution.attribute(september, AttributionContext.of(BillingCalendar.TENCENT, channel));
        out.println("Attributed:");
        charges.forEach(c -> out.println("  " + c.item().id().value() + " " + c.basis() + " "
                + c.partner().map(PartnerUin::value).orElse("direct")));

        ResellerSettings r1 = ResellerSettings.builder()
                .reseller(R1)
                .currency(CNY)
                .addBillBFeature(BillBFeature.CUSTOMER_DISCOUNTS)
                .putCustomerDiscount(EVE, new BigDecimal("0.9"))
                .build();
        ResellerSettings r2 =
                ResellerSettings.builder().reseller(R2).currency(CNY).build();
        Instant asOf = t("2024-10-06T09:00");
        BillingMonth month = BillingMonth.of(2024, 9);
        print(
                out,
                ResellerBills.compute(
                        charges,
                        r1,
                        month,
                        BillingCalendar.TENCENT,
                        asOf,
                        Map.of(LineItemId.of("e-d"), Money.of("CNY", "5.00"))));
        print(out, ResellerBills.compute(charges, r2, month, BillingCalendar.TENCENT, asOf, Map.of()));
    }

    private static void print(PrintWriter out, ResellerMonth bills) {
        BillDifference why = bills.totalDifference();
        out.println(bills.billA().reseller().value() + ": Bill A " + show(why.totalA()) + " (" + why.rowCountA()
                + " rows), Bill B " + show(why.totalB()) + " (" + why.rowCountB() + " rows)");
        StringBuilder causes = new StringBuilder("  A - B = " + show(why.difference()));
        String sep = " = ";
        for (BillDifference.Part d : why.parts()) {
            causes.append(sep).append(d.cause()).append(' ').append(show(d.amount()));
            sep = " + ";
        }
        out.println(causes);
    }

    /** Shows an amount exactly, leaving out the zeros beyond the cents that a discount rate's product adds. */
    private static String show(Money money) {
        BigDecimal a = money.amount().stripTrailingZeros();
        return money.currency().getCurrencyCode() + " " + (a.scale() < 2 ? a.setScale(2) : a).toPlainString();
    }

    private static LineItem charge(
            String id, OwnerUin owner, SettlementCycle cycle, String from, String to, String list) {
        Money listCost = Money.of("CNY", list);
        return SampleItems.selfPaid(id, owner, Interval.of(t(from), t(to)), listCost)
                .settlementCycle(cycle)
                .totalCost(listCost.multipliedBy(new BigDecimal("0.8")))
                .build();
    }

    /** A time in the provider's zone, UTC+8, as {@code 2024-09-15T10:00}. */
    private static Instant t(String local) {
        return Instant.parse(local + ":00+08:00");
    }
}
