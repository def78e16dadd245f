package org.cloudbilling.examples;

import static com.google.common.base.Preconditions.checkArgument;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.cloudbilling.core.bill.ActionType;
import org.cloudbilling.core.bill.LineItem;
import org.cloudbilling.core.bill.PayMode;
import org.cloudbilling.core.bill.SettlementCycle;
import org.cloudbilling.core.id.BusinessCode;
import org.cloudbilling.core.id.LineItemId;
import org.cloudbilling.core.id.OrderId;
import org.cloudbilling.core.id.OwnerUin;
import org.cloudbilling.core.id.PayerUin;
import org.cloudbilling.core.money.Money;
import org.cloudbilling.core.time.BillingMonth;
import org.cloudbilling.core.time.Interval;
import org.cloudbilling.reseller.bill.BillBFeature;
import org.cloudbilling.reseller.bill.ResellerSettings;
import org.cloudbilling.reseller.channel.Channel;
import org.cloudbilling.reseller.channel.PartnerUin;

/**
 * Generates a distributor's September 2024 from a seed, the same month for the same seed: a distributor, two
 * second-level resellers and a dozen customers, three of whom move mid-month (one from each reseller to the other,
 * one from being a direct customer to a reseller); hourly, daily, monthly and prepaid charges, two refunds, an
 * upgrade, a bill adjustment, customer discounts (the first reseller's) and customer vouchers. Amounts are in CNY,
 * at the provider's discount of 0.8 to both resellers; times are in the provider's zone, UTC+8.
 */
public final class ResellerMonthGenerator {
    /** The seed of the demo's month. */
    public static final long SEED = 20240901L;

    static final Currency CNY = Currency.getInstance("CNY");
    static final BillingMonth SEPTEMBER = BillingMonth.of(2024, 9);
    static final ZoneOffset ZONE = ZoneOffset.ofHours(8);
    /** When the bills are produced: after the issue day, so they are final. */
    static final Instant AS_OF = at(2024, 10, 6, 9);

    static final PartnerUin DISTRIBUTOR = PartnerUin.of("200000000001");
    static final PartnerUin R1 = PartnerUin.of("200000000011");
    static final PartnerUin R2 = PartnerUin.of("200000000012");
    static final BigDecimal PROVIDER_DISCOUNT = new BigDecimal("0.8");

    private ResellerMonthGenerator() {}

    /**
     * A customer's move: the binding to {@code from} (or being a direct customer) ends at {@code at}, the binding to
     * {@code to} starts then.
     *
     * @param customer the customer, not null
     * @param from the reseller before, empty for a direct customer, not null
     * @param to the reseller after, not null
     * @param at the instant of the move, not null
     */
    public record Move(OwnerUin customer, Optional<PartnerUin> from, PartnerUin to, Instant at) {}

    /**
     * A generated month.
     *
     * @param seed the seed it was generated from
     * @param channel the distributor, its resellers and the binding history
     * @param startOfMonth each customer's reseller at the start of the month, empty for a direct customer
     * @param moves the customers that moved during the month
     * @param items the month's line items, as the provider reports them
     * @param settings each reseller's settings (customer discounts)
     * @param customerVouchers each reseller's customer vouchers, by line item
     */
    public record Month(
            long seed,
            Channel channel,
            Map<OwnerUin, Optional<PartnerUin>> startOfMonth,
            List<Move> moves,
            List<LineItem> items,
            Map<PartnerUin, ResellerSettings> settings,
            Map<PartnerUin, Map<LineItemId, Money>> customerVouchers) {
        public Month {
            startOfMonth = Map.copyOf(startOfMonth);
            moves = List.copyOf(moves);
            items = List.copyOf(items);
            settings = Map.copyOf(settings);
            customerVouchers = Map.copyOf(customerVouchers);
        }
    }

    /**
     * Generates the month of {@code seed}.
     *
     * @param seed any number; the same seed gives the same month
     * @return the month, never null
     */
    public static Month generate(long seed) {
        Random random = new Random(seed);
        Map<OwnerUin, Optional<PartnerUin>> start = new LinkedHashMap<>();
        for (int i = 1; i <= 12; i++) {
            start.put(customer(i), i <= 6 ? Optional.of(R1) : i <= 11 ? Optional.of(R2) : Optional.empty());
        }
        List<Move> moves = List.of(
                new Move(customer(3), Optional.of(R1), R2, at(2024, 9, 8 + random.nextInt(14), random.nextInt(24))),
                new Move(customer(9), Optional.of(R2), R1, at(2024, 9, 8 + random.nextInt(14), random.nextInt(24))),
                new Move(customer(12), Optional.empty(), R2, at(2024, 9, 8 + random.nextInt(14), random.nextInt(24))));

        Channel channel = Channel.builder()
                .distributor(DISTRIBUTOR)
                .reseller(R1, DISTRIBUTOR)
                .reseller(R2, DISTRIBUTOR)
                .build();
        Instant august = at(2024, 8, 1, 0);
        for (Map.Entry<OwnerUin, Optional<PartnerUin>> e : start.entrySet()) {
            if (e.getValue().isPresent()) {
                channel = channel.bound(e.getKey(), e.getValue().get(), august);
            }
        }
        for (Move m : moves) {
            if (m.from().isPresent()) {
                channel = channel.unbound(m.customer(), m.at());
            }
            channel = channel.bound(m.customer(), m.to(), m.at());
        }

        List<LineItem> items = new ArrayList<>();
        Map<OwnerUin, LineItem> purchases = new LinkedHashMap<>();
        for (OwnerUin c : start.keySet()) {
            String p = "c" + c.value().substring(9);
            for (int h = 1; h <= 4; h++) {
                Instant from = at(2024, 9, 1 + random.nextInt(30), random.nextInt(24));
                items.add(postpaid(
                        p + "-h" + h,
                        c,
                        "p_cvm",
                        SettlementCycle.HOURLY,
                        from,
                        from.plusSeconds(3600),
                        cents(random, 50, 999)));
            }
            for (int d = 1; d <= 3; d++) {
                Instant from = at(2024, 9, 1 + random.nextInt(30), 0);
                items.add(postpaid(
                        p + "-d" + d,
                        c,
                        "p_cbs",
                        SettlementCycle.DAILY,
                        from,
                        from.plusSeconds(86400),
                        cents(random, 1000, 9999)));
            }
            items.add(postpaid(
                    p + "-m",
                    c,
                    "p_cdn",
                    SettlementCycle.MONTHLY,
                    at(2024, 9, 1, 0),
                    at(2024, 10, 1, 0),
                    cents(random, 10000, 29999)));
            Instant ordered = at(2024, 9, 1 + random.nextInt(28), random.nextInt(24));
            LineItem purchase = prepaid(p + "-p", c, ActionType.NEW_PURCHASE, ordered, cents(random, 20000, 99999));
            items.add(purchase);
            purchases.put(c, purchase);
        }
        for (Move m : moves) {
            // the hour just before the move: settled at the instant of the move, so the new reseller's
            Instant at = m.at();
            String p = "c" + m.customer().value().substring(9);
            items.add(postpaid(
                    p + "-hm",
                    m.customer(),
                    "p_cvm",
                    SettlementCycle.HOURLY,
                    at.minusSeconds(3600),
                    at,
                    cents(random, 50, 999)));
        }
        // two refunds of half a purchase, two days after it; one of the moving customer's
        for (OwnerUin c : List.of(customer(1), customer(3))) {
            LineItem purchase = purchases.get(c);
            items.add(prepaid(
                    purchase.id().value() + "-r",
                    c,
                    ActionType.REFUND,
                    purchase.deductionTime().orElseThrow().plusSeconds(2 * 86400),
                    purchase.listCost().amount().negate().divide(BigDecimal.valueOf(2))));
        }
        // an upgrade: the refund of the old configuration and the purchase of the new one, at one instant
        Instant upgraded = at(2024, 9, 10 + random.nextInt(10), random.nextInt(24));
        items.add(prepaid("c205-u1", customer(5), ActionType.UPGRADE, upgraded, new BigDecimal("-120.00")));
        items.add(prepaid("c205-u2", customer(5), ActionType.UPGRADE, upgraded, new BigDecimal("300.00")));
        // a bill adjustment of a daily charge of a customer of R2
        Instant adjusted = at(2024, 9, 1 + random.nextInt(29), 0);
        items.add(LineItem.builder()
                .from(postpaid(
                        "c207-adj",
                        customer(7),
                        "p_cbs",
                        SettlementCycle.DAILY,
                        adjusted,
                        adjusted.plusSeconds(86400),
                        new BigDecimal("-12.50")))
                .actionType(ActionType.ADJUSTMENT)
                .build());

        Map<PartnerUin, ResellerSettings> settings = Map.of(
                R1,
                ResellerSettings.builder()
                        .reseller(R1)
                        .currency(CNY)
                        .addBillBFeature(BillBFeature.CUSTOMER_DISCOUNTS)
                        .putCustomerDiscount(customer(2), new BigDecimal("0.9"))
                        .putCustomerDiscount(customer(4), new BigDecimal("0.85"))
                        .putCustomerDiscount(customer(9), new BigDecimal("0.95"))
                        .build(),
                R2,
                ResellerSettings.builder().reseller(R2).currency(CNY).build());
        Map<PartnerUin, Map<LineItemId, Money>> vouchers = Map.of(
                R1,
                Map.of(
                        purchases.get(customer(2)).id(), Money.of(CNY, new BigDecimal("10.00")),
                        purchases.get(customer(4)).id(), Money.of(CNY, new BigDecimal("25.00"))),
                R2,
                Map.of(LineItemId.of("c210-m"), Money.of(CNY, new BigDecimal("15.00"))));
        return new Month(seed, channel, start, moves, items, settings, vouchers);
    }

    /** Returns the {@code n}th customer, 1 to 12. */
    static OwnerUin customer(int n) {
        checkArgument(n >= 1 && n <= 12, "customer %s is not one of the 12", n);
        return OwnerUin.of(String.valueOf(100000000200L + n));
    }

    private static Instant at(int year, int month, int day, int hour) {
        return LocalDateTime.of(year, month, day, hour, 0).toInstant(ZONE);
    }

    private static BigDecimal cents(Random random, int min, int max) {
        return BigDecimal.valueOf(min + random.nextInt(max - min + 1), 2);
    }

    private static LineItem postpaid(
            String id,
            OwnerUin owner,
            String product,
            SettlementCycle cycle,
            Instant from,
            Instant to,
            BigDecimal list) {
        return LineItem.builder()
                .id(LineItemId.of(id))
                .ownerUin(owner)
                .payerUin(PayerUin.of(owner.value()))
                .businessCode(BusinessCode.of(product))
                .payMode(PayMode.POSTPAID)
                .settlementCycle(cycle)
                .actionType(ActionType.USAGE)
                .feePeriod(Interval.of(from, to))
                .listCost(Money.of(CNY, list))
                .discountRate(PROVIDER_DISCOUNT)
                .totalCost(Money.of(CNY, list.multiply(PROVIDER_DISCOUNT)))
                .build();
    }

    private static LineItem prepaid(String id, OwnerUin owner, ActionType action, Instant ordered, BigDecimal list) {
        return LineItem.builder()
                .id(LineItemId.of(id))
                .ownerUin(owner)
                .payerUin(PayerUin.of(owner.value()))
                .businessCode(BusinessCode.of("p_cvm"))
                .payMode(PayMode.PREPAID)
                .actionType(action)
                .orderId(OrderId.of("order-" + id))
                .deductionTime(ordered)
                .feePeriod(Interval.of(ordered, ordered.plusSeconds(30L * 86400)))
                .listCost(Money.of(CNY, list))
                .discountRate(PROVIDER_DISCOUNT)
                .totalCost(Money.of(CNY, list.multiply(PROVIDER_DISCOUNT)))
                .build();
    }
}
