package org.cloudbilling.reseller;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Currency;
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
import org.cloudbilling.core.time.Interval;
import org.cloudbilling.reseller.bill.BillBFeature;
import org.cloudbilling.reseller.bill.ResellerSettings;
import org.cloudbilling.reseller.channel.Channel;
import org.cloudbilling.reseller.channel.PartnerUin;

/** Named partners, customers and small line-item builders for the reseller tests; times are UTC+8. */
public final class Fixtures {
    public static final Currency CNY = Currency.getInstance("CNY");
    public static final PartnerUin DIST = PartnerUin.of("200000000001");
    public static final PartnerUin R1 = PartnerUin.of("200000000011");
    public static final PartnerUin R2 = PartnerUin.of("200000000012");
    public static final OwnerUin ALICE = OwnerUin.of("100000000101");
    public static final OwnerUin BOB = OwnerUin.of("100000000102");
    public static final OwnerUin CAROL = OwnerUin.of("100000000103");

    private Fixtures() {}

    /** Returns the instant of local time {@code local} in UTC+8, such as {@code "2024-09-17T10:00"}. */
    public static Instant t(String local) {
        return LocalDateTime.parse(local).toInstant(ZoneOffset.ofHours(8));
    }

    public static Money cny(String amount) {
        return Money.of("CNY", amount);
    }

    /** The channel DIST with resellers R1 and R2 under it and no bindings. */
    public static Channel channel() {
        return Channel.builder()
                .distributor(DIST)
                .reseller(R1, DIST)
                .reseller(R2, DIST)
                .build();
    }

    /** A postpaid usage item of {@code owner} for {@code [from, to)}, list = total = {@code amount}. */
    public static LineItem.Builder usage(
            String id, OwnerUin owner, SettlementCycle cycle, String from, String to, String amount) {
        return item(id, owner, from, to, amount)
                .payMode(PayMode.POSTPAID)
                .settlementCycle(cycle)
                .actionType(ActionType.USAGE);
    }

    /** A postpaid daily usage of {@code owner} on {@code day} (UTC+8, such as {@code "2024-09-10"}), list = total. */
    public static LineItem.Builder usage(String id, OwnerUin owner, String day, String amount) {
        LocalDate date = LocalDate.parse(day);
        return usage(id, owner, SettlementCycle.DAILY, date + "T00:00", date.plusDays(1) + "T00:00", amount);
    }

    /** A postpaid daily usage of {@code owner} on {@code day} (UTC+8), list = total = {@code amount}. */
    public static LineItem daily(String id, OwnerUin owner, String day, String amount) {
        return usage(id, owner, day, amount).build();
    }

    /**
     * A postpaid daily item of {@code owner} on {@code day} (UTC+8): {@code action} at list price {@code list},
     * costing {@code cost} after the reseller's own discount.
     */
    public static LineItem daily(String id, OwnerUin owner, ActionType action, String day, String list, String cost) {
        return usage(id, owner, day, list)
                .actionType(action)
                .totalCost(cny(cost))
                .build();
    }

    /** A prepaid purchase of {@code owner} ordered at {@code orderedAt} for {@code [from, to)}. */
    public static LineItem.Builder prepaid(
            String id, OwnerUin owner, String orderedAt, String from, String to, String amount) {
        return item(id, owner, from, to, amount)
                .payMode(PayMode.PREPAID)
                .actionType(ActionType.NEW_PURCHASE)
                .orderId(OrderId.of("order-" + id))
                .deductionTime(t(orderedAt));
    }

    /** What every item here has: {@code owner} pays for its own p_cvm, list = total = {@code amount}. */
    private static LineItem.Builder item(String id, OwnerUin owner, String from, String to, String amount) {
        return LineItem.builder()
                .id(LineItemId.of(id))
                .ownerUin(owner)
                .payerUin(PayerUin.of(owner.value()))
                .businessCode(BusinessCode.of("p_cvm"))
                .feePeriod(Interval.of(t(from), t(to)))
                .listCost(cny(amount))
                .totalCost(cny(amount));
    }

    /** R1's settings in CNY, its Bill B showing customer discounts, Alice's customer discount 0.9. */
    public static ResellerSettings.Builder r1DiscountingAlice() {
        return ResellerSettings.builder()
                .reseller(R1)
                .currency(CNY)
                .addBillBFeature(BillBFeature.CUSTOMER_DISCOUNTS)
                .putCustomerDiscount(ALICE, new BigDecimal("0.9"));
    }

    /** Returns the Bill B features that are on, for random settings (RES-3). */
    public static java.util.Set<BillBFeature> billBFeatures(boolean customerDiscounts, boolean resellerPerspective) {
        java.util.Set<BillBFeature> out = java.util.EnumSet.noneOf(BillBFeature.class);
        if (customerDiscounts) {
            out.add(BillBFeature.CUSTOMER_DISCOUNTS);
        }
        if (resellerPerspective) {
            out.add(BillBFeature.RESELLER_PERSPECTIVE);
        }
        return out;
    }
}
