package org.cloudbilling.examples.samples;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cloudbilling.core.bill.ActionType;
import org.cloudbilling.core.bill.LineItem;
import org.cloudbilling.core.bill.PayMode;
import org.cloudbilling.core.bill.SettlementCycle;
import org.cloudbilling.core.id.BusinessCode;
import org.cloudbilling.core.id.Identifier;
import org.cloudbilling.core.id.ItemCode;
import org.cloudbilling.core.id.LineItemId;
import org.cloudbilling.core.id.OwnerUin;
import org.cloudbilling.core.id.PayerUin;
import org.cloudbilling.core.id.ResourceId;
import org.cloudbilling.core.money.Money;
import org.cloudbilling.core.time.BillingCalendar;
import org.cloudbilling.core.time.BillingMonth;
import org.cloudbilling.core.time.Interval;
import org.cloudbilling.reseller.channel.Attribution;
import org.cloudbilling.reseller.channel.AttributionContext;
import org.cloudbilling.reseller.channel.Channel;
import org.cloudbilling.reseller.channel.PartnerUin;
import org.cloudbilling.reseller.distributor.DistributorBill;
import org.cloudbilling.reseller.distributor.DistributorBillRow;
import org.cloudbilling.reseller.distributor.DistributorBills;
import org.cloudbilling.reseller.distributor.DistributorDiscount;
import org.cloudbilling.reseller.distributor.DistributorMargin;
import org.cloudbilling.reseller.distributor.DistributorMonth;
import org.cloudbilling.reseller.distributor.DistributorPricing;

/**
 * A distributor's margin report (RES-13): the distributor gets 30% off list price from the provider (40% off block
 * storage from 16 September); its second-level resellers R1 (customers Alice and Bob) and R2 (Carol) pay their own
 * costs. The sample prints each reseller's resource ID bill with both costs side by side, R1's detailed bill
 * (monthly aggregate per component), and the margin by reseller, customer, product and resource.
 */
public final class DistributorMarginSample {
    static final PartnerUin DIST = PartnerUin.of("200000000001");
    static final PartnerUin R1 = PartnerUin.of("200000000011");
    static final PartnerUin R2 = PartnerUin.of("200000000012");
    static final OwnerUin ALICE = OwnerUin.of("100000000101");
    static final OwnerUin BOB = OwnerUin.of("100000000102");
    static final OwnerUin CAROL = OwnerUin.of("100000000103");

    private DistributorMarginSample() {}

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

    /**
     * Prints the sample's output to {@code out}.
     *
     * @param out where to print, not null
     */
    public static void run(PrintWriter out) {
        Instant august = Instant.parse("2024-08-01T00:00:00+08:00");
        Channel channel = Channel.builder()
                .distributor(DIST)
                .reseller(R1, DIST)
                .reseller(R2, DIST)
                .build()
                .bound(ALICE, R1, august)
                .bound(BOB, R1, august)
                .bound(CAROL, R2, august);
        DistributorPricing pricing = new DistributorPricing(
                DIST,
                Currency.getInstance("CNY"),
                List.of(
                        DistributorDiscount.of(new BigDecimal("0.70")),
                        DistributorDiscount.forProduct(
                                BusinessCode.of("p_cbs"),
                                Instant.parse("2024-09-16T00:00:00+08:00"),
                                new BigDecimal("0.60"))));
        List<LineItem> september = List.of(
                item("a-1", ALICE, "p_cvm", "ins-1", "v_cpu", "2024-09-02", "60.00", "51.00"),
                item("a-2", ALICE, "p_cvm", "ins-1", "v_mem", "2024-09-02", "40.00", "34.00"),
                item("a-3", ALICE, "p_cbs", "disk-1", "", "2024-09-10", "40.00", "36.00"),
                item("a-4", ALICE, "p_cbs", "disk-1", "", "2024-09-20", "40.00", "36.00"),
                item("b-1", BOB, "p_cvm", "ins-2", "v_cpu", "2024-09-03", "60.00", "54.00"),
                item("c-1", CAROL, "p_cvm", "ins-3", "v_cpu", "2024-09-04", "200.00", "150.00"));

        DistributorMonth month = DistributorBills.compute(
                Attribution.attribute(september, AttributionContext.of(BillingCalendar.TENCENT, channel)),
                channel,
                pricing,
                BillingMonth.of(2024, 9),
                BillingCalendar.TENCENT,
                Instant.parse("2024-10-06T00:00:00+08:00"));

        out.println(
                "Distributor " + DIST.value() + ", " + month.month() + " (" + month.status() + "), resource ID bills:");
        for (DistributorBill bill : month.resourceBills()) {
            out.println("  reseller " + bill.reseller().value() + ": reseller cost " + bill.resellerCost()
                    + ", distributor cost " + bill.distributorCost() + ", margin " + bill.margin());
            bill.rows().forEach(row -> print(out, row));
        }
        DistributorBill detailed = month.detailedBill(R1);
        out.println("Detailed bill (monthly aggregate) of reseller " + R1.value() + ":");
        detailed.rows().forEach(row -> print(out, row));
        DistributorMargin margin = month.margin();
        out.println("Margin: " + margin.total());
        out.println("  by reseller: " + text(margin.byReseller()));
        out.println("  by customer: " + text(margin.byCustomer()));
        out.println("  by product: " + text(margin.byProduct()));
        out.println("  by resource: " + text(margin.byResource()));
    }

    private static void print(PrintWriter out, DistributorBillRow row) {
        out.println("    " + row.customer().value() + " " + row.product().value() + " "
                + row.resource().map(Identifier::value).orElse("-")
                + row.component().map(c -> " " + c.value()).orElse("")
                + ": original " + row.originalPrice().amount().toPlainString()
                + ", reseller " + row.resellerCost().amount().toPlainString()
                + ", distributor " + row.distributorCost().amount().toPlainString()
                + ", margin " + row.margin().amount().toPlainString());
    }

    private static String text(Map<? extends Identifier, Money> amounts) {
        StringBuilder s = new StringBuilder();
        amounts.forEach((k, v) -> s.append(s.isEmpty() ? "" : ", ")
                .append(k.value())
                .append(' ')
                .append(v.amount().toPlainString()));
        return s.toString();
    }

    private static LineItem item(
            String id,
            OwnerUin owner,
            String product,
            String resource,
            String component,
            String day,
            String list,
            String cost) {
        Instant from = Instant.parse(day + "T10:00:00+08:00");
        LineItem.Builder b = LineItem.builder()
                .id(LineItemId.of(id))
                .ownerUin(owner)
                .payerUin(PayerUin.of(owner.value()))
                .businessCode(BusinessCode.of(product))
                .resourceId(ResourceId.of(resource))
                .payMode(PayMode.POSTPAID)
                .settlementCycle(SettlementCycle.HOURLY)
                .actionType(ActionType.USAGE)
                .feePeriod(Interval.of(from, from.plusSeconds(3600)))
                .listCost(Money.of("CNY", list))
                .totalCost(Money.of("CNY", cost));
        Optional.of(component).filter(c -> !c.isEmpty()).map(ItemCode::of).ifPresent(b::itemCode);
        return b.build();
    }
}
