package org.cloudbilling.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cloudbilling.core.bill.ActionType;
import org.cloudbilling.core.bill.LineItem;
import org.cloudbilling.core.bill.PayMode;
import org.cloudbilling.core.bill.SettlementCycle;
import org.cloudbilling.core.id.OwnerUin;
import org.cloudbilling.core.time.BillingCalendar;
import org.cloudbilling.reseller.bill.BillDifference;
import org.cloudbilling.reseller.bill.BillDifference.Cause;
import org.cloudbilling.reseller.bill.ResellerBills;
import org.cloudbilling.reseller.channel.AttributedCharge;
import org.cloudbilling.reseller.channel.Attribution;
import org.cloudbilling.reseller.channel.AttributionContext;
import org.cloudbilling.reseller.channel.PartnerUin;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Checks the demo's reseller section against sums over the generated items worked out here with plain decimals:
 * attribution by the documented instant of each kind of charge, Bill A at the items' costs, Bill B at list price
 * times the customer discount less the customer voucher, and each cause by the kind of row.
 */
@Tag("RES-2")
@Tag("RES-3")
@Tag("RES-4")
@Tag("RES-5")
@Tag("RES-8")
class ResellerDemoTest {
    static final ZoneOffset UTC8 = ZoneOffset.ofHours(8);
    static final PartnerUin R1 = PartnerUin.of("200000000011");
    static final PartnerUin R2 = PartnerUin.of("200000000012");
    /** R1's customer discounts; R2 has not enabled them, so its customers pay list price. */
    static final Map<String, BigDecimal> R1_DISCOUNTS = Map.of(
            "100000000202", new BigDecimal("0.9"),
            "100000000204", new BigDecimal("0.85"),
            "100000000209", new BigDecimal("0.95"));
    /** The customer vouchers: two of R1's customers' prepaid purchases, one of R2's customers' monthly charge. */
    static final Map<String, BigDecimal> VOUCHERS = Map.of(
            "c202-p", new BigDecimal("10.00"), "c204-p", new BigDecimal("25.00"), "c210-m", new BigDecimal("15.00"));

    @Test
    @Tag("ATTR-1")
    @Tag("ATTR-2")
    @Tag("ATTR-3")
    void demo_resellerSection_billsAndCausesEqualHandComputedSums() {
        ResellerMonthGenerator.Month month = ResellerMonthGenerator.generate(ResellerMonthGenerator.SEED);
        String out = runDemo();

        Map<PartnerUin, Hand> hand = handBills(month);
        long direct = month.items().stream()
                .filter(i -> partnerOf(month, i).isEmpty())
                .count();
        assertThat(direct).isPositive();
        assertThat(out)
                .contains("Attributed " + month.items().size() + " line items of 12 customers; " + direct
                        + " belong to a direct customer");
        for (PartnerUin r : List.of(R1, R2)) {
            Hand h = hand.get(r);
            Matcher m = Pattern.compile("Reseller " + r.value()
                            + ": Bill A \\(its cost\\) CNY (\\S+) over (\\d+) rows;"
                            + " Bill B \\(its customers' total\\) CNY (\\S+) over (\\d+) rows\\R"
                            + "  A - B = CNY (\\S+), by cause:\\R((?:    .*\\R)+)")
                    .matcher(out);
            assertThat(m.find()).as("the section of %s in%n%s", r, out).isTrue();
            assertThat(new BigDecimal(m.group(1))).isEqualByComparingTo(h.billA);
            assertThat(Integer.parseInt(m.group(2))).isEqualTo(h.rowsA);
            assertThat(new BigDecimal(m.group(3))).isEqualByComparingTo(h.billB);
            assertThat(Integer.parseInt(m.group(4))).isEqualTo(h.rowsB);
            BigDecimal difference = new BigDecimal(m.group(5));
            assertThat(difference).isEqualByComparingTo(h.billA.subtract(h.billB));

            Map<String, BigDecimal> printed = new TreeMap<>();
            Matcher cause =
                    Pattern.compile("    (\\S+(?: \\S+)*)\\s+CNY (\\S+) \\(").matcher(m.group(6));
            while (cause.find()) {
                printed.put(cause.group(1), new BigDecimal(cause.group(2)));
            }
            Map<String, BigDecimal> expected = new TreeMap<>();
            h.causes.forEach((c, amount) -> {
                if (amount.signum() != 0) {
                    expected.put(c.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '), amount);
                }
            });
            assertThat(printed.keySet()).isEqualTo(expected.keySet());
            expected.forEach((c, amount) -> assertThat(printed.get(c)).as(c).isEqualByComparingTo(amount));
            assertThat(printed.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add))
                    .as("the causes add up to A - B")
                    .isEqualByComparingTo(difference);
        }
        DateTimeFormatter time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", java.util.Locale.ROOT);
        for (ResellerMonthGenerator.Move move : month.moves()) {
            Matcher line = Pattern.compile(Pattern.quote("  " + move.customer().value() + " from "
                                    + move.from().map(PartnerUin::value).orElse("direct") + " to "
                                    + move.to().value() + " at "
                                    + time.format(move.at().atOffset(UTC8))
                                    + " +08:00: ")
                            + "(.*)\\R")
                    .matcher(out);
            assertThat(line.find())
                    .as("the move of %s in%n%s", move.customer(), out)
                    .isTrue();
            Map<String, BigDecimal> printed = new TreeMap<>();
            Matcher part = Pattern.compile("CNY (\\S+) with (\\d+)").matcher(line.group(1));
            while (part.find()) {
                printed.put(part.group(2), new BigDecimal(part.group(1)));
            }
            // the distributor sees the customer's cost with each reseller it has charges with
            Map<String, BigDecimal> expected = new TreeMap<>();
            for (LineItem i : month.items()) {
                Optional<PartnerUin> r = partnerOf(month, i);
                if (i.ownerUin().equals(move.customer()) && r.isPresent()) {
                    expected.merge(r.get().value(), i.totalCost().amount(), BigDecimal::add);
                }
            }
            assertThat(printed.keySet()).isEqualTo(expected.keySet());
            expected.forEach((r, cost) -> assertThat(printed.get(r)).as(r).isEqualByComparingTo(cost));
        }
    }

    @Test
    void demo_resellerSection_printsEveryAmountExactly_atTheOneScaleTheFinestAmountNeeds() {
        ResellerMonthGenerator.Month month = ResellerMonthGenerator.generate(ResellerMonthGenerator.SEED);
        String out = runDemo();
        // the reseller section ends where the organization's month begins
        String section =
                out.substring(out.indexOf("Reseller month (generated"), out.indexOf("An organization's month"));

        // every amount the section shows, worked out by hand: each reseller's bills, A - B and the causes, and
        // each moving customer's cost with each reseller
        List<BigDecimal> hand = new java.util.ArrayList<>();
        for (Hand h : handBills(month).values()) {
            hand.addAll(List.of(h.billA, h.billB, h.billA.subtract(h.billB)));
            hand.addAll(h.causes.values());
        }
        for (ResellerMonthGenerator.Move move : month.moves()) {
            Map<PartnerUin, BigDecimal> cost = new TreeMap<>(java.util.Comparator.comparing(PartnerUin::value));
            for (LineItem i : month.items()) {
                Optional<PartnerUin> r = partnerOf(month, i);
                if (i.ownerUin().equals(move.customer()) && r.isPresent()) {
                    cost.merge(r.get(), i.totalCost().amount(), BigDecimal::add);
                }
            }
            hand.addAll(cost.values());
        }
        int scale = 2; // CNY's minor unit
        for (BigDecimal a : hand) {
            scale = Math.max(scale, a.stripTrailingZeros().scale());
        }
        assertThat(scale).as("this month has amounts finer than the cents").isGreaterThan(2);

        assertThat(section).contains("(amounts exact, all at " + scale + " decimals)");
        Matcher amount = Pattern.compile("CNY (-?\\d+(?:\\.\\d+)?)").matcher(section);
        int count = 0;
        while (amount.find()) {
            assertThat(new BigDecimal(amount.group(1)).scale())
                    .as("the scale of %s", amount.group())
                    .isEqualTo(scale);
            count++;
        }
        assertThat(count).as("the amounts in%n%s", section).isGreaterThan(10);
    }

    @Test
    void generate_sameSeed_sameMonth_withEveryKindOfChargeAndMovesOnBothSides() {
        ResellerMonthGenerator.Month month = ResellerMonthGenerator.generate(ResellerMonthGenerator.SEED);
        assertThat(ResellerMonthGenerator.generate(ResellerMonthGenerator.SEED)).isEqualTo(month);
        assertThat(ResellerMonthGenerator.generate(ResellerMonthGenerator.SEED + 1))
                .isNotEqualTo(month);

        List<LineItem> items = month.items();
        assertThat(items).anyMatch(i -> i.settlementCycle().equals(Optional.of(SettlementCycle.HOURLY)));
        assertThat(items).anyMatch(i -> i.settlementCycle().equals(Optional.of(SettlementCycle.DAILY)));
        assertThat(items).anyMatch(i -> i.settlementCycle().equals(Optional.of(SettlementCycle.MONTHLY)));
        assertThat(items).anyMatch(i -> i.payMode() == PayMode.PREPAID);
        assertThat(items.stream().filter(i -> i.actionType() == ActionType.REFUND))
                .hasSize(2);
        assertThat(items.stream().filter(i -> i.actionType() == ActionType.UPGRADE))
                .hasSize(2);
        assertThat(items.stream().filter(i -> i.actionType() == ActionType.ADJUSTMENT))
                .hasSize(1);
        assertThat(month.startOfMonth()).hasSize(12);
        assertThat(month.moves()).hasSize(3);
        for (ResellerMonthGenerator.Move move : month.moves()) {
            // each moving customer has charges before and after its move
            assertThat(items.stream()
                            .filter(i -> i.ownerUin().equals(move.customer()))
                            .map(i -> partnerOf(month, i))
                            .distinct())
                    .containsExactlyInAnyOrder(move.from(), Optional.of(move.to()));
        }
    }

    @Test
    @Tag("ATTR-2")
    void compute_anySeed_differenceAddsUp_andEqualsTheHandComputedBills() {
        qt().withExamples(30).forAll(longs().all()).checkAssert(seed -> {
            ResellerMonthGenerator.Month month = ResellerMonthGenerator.generate(seed);
            List<AttributedCharge> charges = Attribution.attribute(
                    month.items(), AttributionContext.of(BillingCalendar.TENCENT, month.channel()));
            Map<PartnerUin, Hand> hand = handBills(month);
            for (PartnerUin r : List.of(R1, R2)) {
                BillDifference why = ResellerBills.compute(
                                charges,
                                month.settings().get(r),
                                ResellerMonthGenerator.SEPTEMBER,
                                BillingCalendar.TENCENT,
                                ResellerMonthGenerator.AS_OF,
                                month.customerVouchers().get(r))
                        .totalDifference();
                Hand h = hand.get(r);
                assertThat(why.totalA().amount()).isEqualByComparingTo(h.billA);
                assertThat(why.totalB().amount()).isEqualByComparingTo(h.billB);
                BigDecimal sum = BigDecimal.ZERO;
                for (Cause c : Cause.values()) {
                    assertThat(why.amountOf(c).amount()).as("%s of %s", c, r).isEqualByComparingTo(h.causes.get(c));
                    sum = sum.add(why.amountOf(c).amount());
                }
                assertThat(sum).isEqualByComparingTo(h.billA.subtract(h.billB));
            }
        });
    }

    /** A reseller's bills worked out by hand. */
    static final class Hand {
        BigDecimal billA = BigDecimal.ZERO;
        BigDecimal billB = BigDecimal.ZERO;
        int rowsA;
        int rowsB;
        final Map<Cause, BigDecimal> causes = new EnumMap<>(Cause.class);

        Hand() {
            for (Cause c : Cause.values()) {
                causes.put(c, BigDecimal.ZERO);
            }
        }

        void add(Cause c, BigDecimal amount) {
            causes.merge(c, amount, BigDecimal::add);
        }
    }

    static Map<PartnerUin, Hand> handBills(ResellerMonthGenerator.Month month) {
        Map<PartnerUin, Hand> out = Map.of(R1, new Hand(), R2, new Hand());
        for (LineItem i : month.items()) {
            Optional<PartnerUin> partner = partnerOf(month, i);
            if (partner.isEmpty()) {
                continue;
            }
            Hand h = out.get(partner.get());
            BigDecimal cost = i.totalCost().amount();
            h.billA = h.billA.add(cost);
            h.rowsA++;
            if (i.actionType() == ActionType.ADJUSTMENT) {
                h.add(Cause.BILL_ADJUSTMENT, cost);
                continue;
            }
            BigDecimal discount = partner.get().equals(R1)
                    ? R1_DISCOUNTS.getOrDefault(i.ownerUin().value(), BigDecimal.ONE)
                    : BigDecimal.ONE;
            BigDecimal beforeVoucher = i.listCost().amount().multiply(discount);
            BigDecimal voucher = VOUCHERS.getOrDefault(i.id().value(), BigDecimal.ZERO);
            h.billB = h.billB.add(beforeVoucher).subtract(voucher);
            h.rowsB++;
            h.add(Cause.CUSTOMER_VOUCHER, voucher);
            Cause c = i.actionType() == ActionType.REFUND
                    ? Cause.REFUND
                    : i.actionType() == ActionType.UPGRADE ? Cause.CONFIGURATION_CHANGE : Cause.PRICE_DIFFERENCE;
            h.add(c, cost.subtract(beforeVoucher));
        }
        return out;
    }

    /** The reseller of the item's owner at the instant its kind of charge is attributed, empty when direct. */
    static Optional<PartnerUin> partnerOf(ResellerMonthGenerator.Month month, LineItem i) {
        Instant at;
        if (i.payMode() == PayMode.PREPAID) {
            at = i.deductionTime().orElseThrow(); // ATTR-1: the order's time
        } else if (i.settlementCycle().equals(Optional.of(SettlementCycle.MONTHLY))) {
            at = Instant.parse("2024-10-01T00:00:00+08:00"); // ATTR-3: billing time
        } else {
            at = i.feePeriod().end(); // ATTR-2: settlement at the end of the cycle
        }
        OwnerUin owner = i.ownerUin();
        for (ResellerMonthGenerator.Move move : month.moves()) {
            if (move.customer().equals(owner) && !at.isBefore(move.at())) {
                return Optional.of(move.to());
            }
        }
        return month.startOfMonth().get(owner);
    }

    private static String runDemo() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = BillingCommand.run(
                new String[] {"demo"},
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        assertThat(code).isZero();
        return out.toString(StandardCharsets.UTF_8);
    }
}
