package org.cloudbilling.examples.samples;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import org.cloudbilling.core.bill.ActionType;
import org.cloudbilling.core.bill.LineItem;
import org.cloudbilling.core.bill.PayMode;
import org.cloudbilling.core.id.BusinessCode;
import org.cloudbilling.core.id.LineItemId;
import org.cloudbilling.core.id.OwnerUin;
import org.cloudbilling.core.id.PayerUin;
import org.cloudbilling.core.money.Money;
import org.cloudbilling.core.time.BillingCalendar;
import org.cloudbilling.core.time.BillingMonth;
import org.cloudbilling.core.time.Interval;
import org.cloudbilling.reseller.OutOfScopeException;
import org.cloudbilling.reseller.Tenure;
import org.cloudbilling.reseller.Viewer;
import org.cloudbilling.reseller.organization.ConsolidatedBill;
import org.cloudbilling.reseller.organization.Entity;
import org.cloudbilling.reseller.organization.EntityId;
import org.cloudbilling.reseller.organization.Membership;
import org.cloudbilling.reseller.organization.Organization;
import org.cloudbilling.reseller.organization.OrganizationViews;
import org.cloudbilling.reseller.organization.PaymentMode;
import org.cloudbilling.reseller.organization.Permission;

/**
 * An organization's consolidated bill: a group with two entities, headquarters (whose admin is the group admin)
 * and a subsidiary; September's bill per member and per entity, the part the subsidiary's admin may see, and the
 * requests refused for a missing permission.
 */
public final class OrganizationBillSample {
    private static final OwnerUin GROUP_ADMIN = OwnerUin.of("300000000001");
    private static final OwnerUin SUB_ADMIN = OwnerUin.of("300000000002");
    private static final OwnerUin M1 = OwnerUin.of("300000000011");
    private static final OwnerUin M2 = OwnerUin.of("300000000012");
    private static final OwnerUin S1 = OwnerUin.of("300000000021");
    private static final OwnerUin OUTSIDER = OwnerUin.of("300000000099");

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

    static void run(PrintWriter out) {
        EntityId hq = EntityId.of("hq");
        EntityId sub = EntityId.of("sub");
        Tenure sinceAugust = Tenure.since(Instant.parse("2024-08-01T00:00:00+08:00"));
        Organization group = Organization.builder(GROUP_ADMIN, PaymentMode.UNIFIED)
                .entity(new Entity(hq, GROUP_ADMIN, "Example Group Ltd"))
                .entity(new Entity(sub, SUB_ADMIN, "Example Sub Ltd"))
                .membership(new Membership(M1, hq, sinceAugust))
                .membership(new Membership(M2, hq, sinceAugust))
                .membership(new Membership(S1, sub, sinceAugust))
                .grant(GROUP_ADMIN, Permission.CONSOLIDATED_BILLING, Permission.VIEW_BILLS)
                .grant(SUB_ADMIN, Permission.CONSOLIDATED_BILLING)
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
    }

    private static LineItem item(String id, OwnerUin owner, String start, String amount) {
        Instant from = Instant.parse(start + ":00+08:00");
        return LineItem.builder()
                .id(LineItemId.of(id))
                .ownerUin(owner)
                .payerUin(PayerUin.of(owner.value()))
                .businessCode(BusinessCode.of("p_cvm"))
                .payMode(PayMode.POSTPAID)
                .actionType(ActionType.USAGE)
                .feePeriod(Interval.of(from, from.plusSeconds(3600)))
                .listCost(Money.of("CNY", amount))
                .totalCost(Money.of("CNY", amount))
                .build();
    }
}
