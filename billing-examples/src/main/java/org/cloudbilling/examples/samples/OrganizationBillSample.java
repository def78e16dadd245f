package org.cloudbilling.examples.samples;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import org.cloudbilling.core.bill.ActionType;
import org.cloudbilling.core.bill.LineItem;
import org.cloudbilling.core.id.LineItemId;
import org.cloudbilling.core.id.OwnerUin;
import org.cloudbilling.core.money.Money;
import org.cloudbilling.core.money.SettlementPolicy;
import org.cloudbilling.core.time.BillingCalendar;
import org.cloudbilling.core.time.BillingMonth;
import org.cloudbilling.core.time.Interval;
import org.cloudbilling.reseller.channel.AttributedCharge;
import org.cloudbilling.reseller.channel.Attribution;
import org.cloudbilling.reseller.channel.AttributionContext;
import org.cloudbilling.reseller.channel.Channel;
import org.cloudbilling.reseller.channel.Tenure;
import org.cloudbilling.reseller.confirmation.Outcome;
import org.cloudbilling.reseller.organization.ConsolidatedBill;
import org.cloudbilling.reseller.organization.Entity;
import org.cloudbilling.reseller.organization.EntityId;
import org.cloudbilling.reseller.organization.FundLedger;
import org.cloudbilling.reseller.organization.FundMovement;
import org.cloudbilling.reseller.organization.Invoice;
import org.cloudbilling.reseller.organization.InvoiceId;
import org.cloudbilling.reseller.organization.InvoiceIdGenerator;
import org.cloudbilling.reseller.organization.InvoiceRegister;
import org.cloudbilling.reseller.organization.Membership;
import org.cloudbilling.reseller.organization.MovementId;
import org.cloudbilling.reseller.organization.Organization;
import org.cloudbilling.reseller.organization.OrganizationViews;
import org.cloudbilling.reseller.organization.PaymentMode;
import org.cloudbilling.reseller.organization.Permission;
import org.cloudbilling.reseller.view.OutOfScopeException;
import org.cloudbilling.reseller.view.Viewer;

/**
 * An organization's month: a group with two entities, headquarters (whose admin is the group admin), which pays on
 * behalf of its members, and a subsidiary, which pays for itself (ORG-8); September's consolidated bill per member and
 * per entity, the part the subsidiary's admin may see, and the requests refused for a missing permission (ORG-6);
 * then the month's funds (ORG-9): top-ups, an allocation to the subsidiary's admin, and each charge's consumption
 * deducted from the account that pays it; and an invoice per member once the month is issued (ORG-10).
 */
public final class OrganizationBillSample {
    private static final OwnerUin GROUP_ADMIN = OwnerUin.of("300000000001");
    private static final OwnerUin SUB_ADMIN = OwnerUin.of("300000000002");
    private static final OwnerUin M1 = OwnerUin.of("300000000011");
    private static final OwnerUin M2 = OwnerUin.of("300000000012");
    private static final OwnerUin S1 = OwnerUin.of("300000000021");
    private static final OwnerUin OUTSIDER = OwnerUin.of("300000000099");
    private static final Currency CNY = Currency.getInstance("CNY");

    private OrganizationBillSample() {}

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
        EntityId hq = EntityId.of("hq");
        EntityId sub = EntityId.of("sub");
        Tenure sinceAugust = Tenure.since(Instant.parse("2024-08-01T00:00:00+08:00"));
        Organization group = Organization.builder(GROUP_ADMIN, PaymentMode.UNIFIED)
                .entity(new Entity(hq, GROUP_ADMIN, "Example Group Ltd"))
                .entity(new Entity(sub, SUB_ADMIN, "Example Sub Ltd"))
                .membership(new Membership(M1, hq, sinceAugust))
                .membership(new Membership(M2, hq, sinceAugust))
                .membership(new Membership(S1, sub, sinceAugust))
                .paymentMode(sub, sinceAugust.from(), PaymentMode.SELF_PAY)
                .grant(
                        GROUP_ADMIN,
                        Permission.CONSOLIDATED_BILLING,
                        Permission.VIEW_BILLS,
                        Permission.ALLOCATE_FUNDS,
                        Permission.INVOICE)
                .grant(SUB_ADMIN, Permission.CONSOLIDATED_BILLING, Permission.INVOICE)
                .build();

        List<LineItem> september = List.of(
                item("g-1", GROUP_ADMIN, "2024-09-02T10:00", "30.00"),
                item("m1-1", M1, "2024-09-03T10:00", "100.00"),
                item("m2-1", M2, "2024-09-04T10:00", "20.00"),
                LineItem.builder()
                        .from(item("m2-2", M2, "2024-09-05T10:00", "-5.00"))
                        .actionType(ActionType.REFUND)
                        .build(),
                item("s-1", SUB_ADMIN, "2024-09-06T10:00", "10.00"),
                item("s1-1", S1, "2024-09-07T10:00", "40.00"),
                item("x-1", OUTSIDER, "2024-09-08T10:00", "99.00")); // not a member: left out

        ConsolidatedBill bill = ConsolidatedBill.consolidate(
                group, BillingCalendar.TENCENT, BillingMonth.of(2024, 9), Currency.getInstance("CNY"), september);
        out.println("Consolidated bill of " + bill.month() + ": " + bill.total() + " over "
                + bill.rows().size() + " rows");
        out.println("By member:");
        bill.totalsByMember().forEach((member, total) -> out.println("  " + member.value() + " " + total));
        out.println("By entity:");
        bill.totalsByEntity().forEach((entity, total) -> out.println("  " + entity.value() + " " + total));

        ConsolidatedBill subsidiary = OrganizationViews.consolidated(Viewer.account(SUB_ADMIN), group, bill);
        out.println("The subsidiary's admin sees " + subsidiary.rows().size() + " rows: " + subsidiary.total());

        try {
            OrganizationViews.consolidated(Viewer.account(M1), group, bill);
        } catch (OutOfScopeException e) {
            out.println("Refused: " + e.getMessage());
        }
        Instant endOfMonth = Instant.parse("2024-09-30T12:00:00+08:00");
        group.check(SUB_ADMIN, Permission.VIEW_BILLS, S1, endOfMonth)
                .ifPresent(refusal -> out.println("Refused: " + refusal));

        funds(out, group, september, endOfMonth);
        invoices(out, group, september);
    }

    /** The month's funds: who pays each charge (ORG-8), and the ledger of top-ups, allocations and consumption. */
    private static void funds(PrintWriter out, Organization group, List<LineItem> september, Instant endOfMonth) {
        List<AttributedCharge> charges = Attribution.attribute(
                september,
                AttributionContext.of(BillingCalendar.TENCENT, Channel.builder().build())
                        .withPayOnBehalf(group));
        out.println("Payers (hq pays on behalf of its members, sub pays for itself):");
        Instant first = Instant.parse("2024-09-01T10:00:00+08:00");
        FundLedger ledger = FundLedger.empty(CNY);
        ledger = apply(ledger, group, FundMovement.topUp(id("t-1"), first, GROUP_ADMIN, GROUP_ADMIN, cny("500.00")));
        ledger = apply(
                ledger, group, FundMovement.topUp(id("t-2"), first.plusSeconds(3600), M1, GROUP_ADMIN, cny("100.00")));
        ledger = apply(
                ledger,
                group,
                FundMovement.allocation(id("a-1"), first.plusSeconds(7200), GROUP_ADMIN, SUB_ADMIN, cny("200.00")));
        ledger = apply(ledger, group, FundMovement.topUp(id("t-3"), first, S1, S1, cny("50.00")));
        Money consumed = Money.zero(CNY);
        for (AttributedCharge c : charges) {
            if (c.owner().equals(OUTSIDER)) {
                continue; // not the organization's
            }
            OwnerUin payer = OwnerUin.of(c.payer().value());
            out.println("  " + c.item().id().value() + " of " + c.owner().value() + " paid by " + payer.value());
            Money amount = c.item().totalCost();
            Instant at = c.item().feePeriod().end();
            MovementId movement = id("c-" + c.item().id().value());
            ledger = apply(
                    ledger,
                    group,
                    amount.isNegative()
                            ? FundMovement.refund(movement, at, payer, amount.negated())
                            : FundMovement.consumption(movement, at, payer, amount));
            consumed = consumed.plus(amount);
        }
        out.println("Balances at the end of 2024-09, each read by its account:");
        Money balances = Money.zero(CNY);
        for (OwnerUin account : List.of(GROUP_ADMIN, SUB_ADMIN, S1)) {
            Money balance = ledger.balanceOf(group, account, account, endOfMonth);
            balances = balances.plus(balance);
            out.println("  " + account.value() + " " + balance);
        }
        out.println("Top-ups " + cny("650.00") + " = balances " + balances + " + consumption " + consumed);
        Outcome<FundLedger> refused =
                ledger.apply(group, FundMovement.topUp(id("t-4"), endOfMonth, S1, SUB_ADMIN, cny("10.00")));
        out.println("Refused: " + refused.refusals().get(0));
        try {
            ledger.balanceOf(group, M1, GROUP_ADMIN, endOfMonth);
        } catch (OutOfScopeException e) {
            out.println("Refused: " + e.getMessage());
        }
    }

    /** An invoice per member for September, issued on 6 October by its entity's admin (ORG-10). */
    private static void invoices(PrintWriter out, Organization group, List<LineItem> september) {
        Instant issued = Instant.parse("2024-10-06T00:00:00+08:00");
        InvoiceIdGenerator ids = (account, month, kind) ->
                InvoiceId.of("INV-" + month.toString().replace("-", "") + "-" + account.value());
        InvoiceRegister register = InvoiceRegister.empty(CNY);
        BillingMonth month = BillingMonth.of(2024, 9);
        for (OwnerUin member : List.of(M1, M2, S1)) {
            OwnerUin admin = member.equals(S1) ? SUB_ADMIN : GROUP_ADMIN;
            register = register.issueForMember(
                            group,
                            BillingCalendar.TENCENT,
                            admin,
                            member,
                            month,
                            issued,
                            september,
                            SettlementPolicy.TENCENT,
                            ids)
                    .state();
        }
        out.println("Invoices of 2024-09, settled by policy " + SettlementPolicy.TENCENT.name() + ":");
        for (Invoice invoice : register.documents()) {
            out.println("  " + invoice.id().value() + " " + invoice.kind() + " of "
                    + invoice.account().value()
                    + ": " + invoice.total() + ", charges "
                    + invoice.lines().stream().map(l -> l.charge().value()).toList());
        }
        out.println("Charge m2-2 carries invoice id "
                + register.invoiceIdOf(LineItemId.of("m2-2")).orElseThrow().value());
        Outcome<InvoiceRegister> early = register.issueForMember(
                group,
                BillingCalendar.TENCENT,
                GROUP_ADMIN,
                M1,
                BillingMonth.of(2024, 10),
                issued,
                september,
                SettlementPolicy.TENCENT,
                ids);
        out.println("Refused: " + early.refusals().get(0));
    }

    private static FundLedger apply(FundLedger ledger, Organization group, FundMovement movement) {
        Outcome<FundLedger> o = ledger.apply(group, movement);
        if (!o.isAccepted()) {
            throw new IllegalStateException("bug in the sample: " + o.refusals());
        }
        return o.state();
    }

    private static MovementId id(String value) {
        return MovementId.of(value);
    }

    private static Money cny(String amount) {
        return Money.of("CNY", amount);
    }

    private static LineItem item(String id, OwnerUin owner, String start, String amount) {
        Instant from = Instant.parse(start + ":00+08:00");
        return SampleItems.selfPaid(id, owner, Interval.of(from, from.plusSeconds(3600)), Money.of("CNY", amount))
                .totalCost(Money.of("CNY", amount))
                .build();
    }
}
