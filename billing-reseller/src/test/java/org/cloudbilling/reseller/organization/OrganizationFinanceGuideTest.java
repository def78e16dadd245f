package org.cloudbilling.reseller.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cloudbilling.reseller.Fixtures.CNY;
import static org.cloudbilling.reseller.Fixtures.cny;
import static org.cloudbilling.reseller.Fixtures.daily;
import static org.cloudbilling.reseller.Fixtures.t;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.cloudbilling.core.bill.LineItem;
import org.cloudbilling.core.id.LineItemId;
import org.cloudbilling.core.id.OwnerUin;
import org.cloudbilling.core.id.PayerUin;
import org.cloudbilling.core.money.SettlementPolicy;
import org.cloudbilling.core.time.BillingCalendar;
import org.cloudbilling.core.time.BillingMonth;
import org.cloudbilling.reseller.channel.Attribution;
import org.cloudbilling.reseller.channel.AttributionContext;
import org.cloudbilling.reseller.channel.Channel;
import org.cloudbilling.reseller.channel.Tenure;
import org.cloudbilling.reseller.confirmation.Refusal;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The worked example of "Organization finance" in docs/reseller.md, step by step; the expected values are the
 * ones the guide works out by hand.
 */
@Tag("ORG-8")
@Tag("ORG-9")
@Tag("ORG-10")
@Tag("ORG-11")
class OrganizationFinanceGuideTest {
    private static final OwnerUin GROUP_ADMIN = OwnerUin.of("300000000001");
    private static final OwnerUin SUB_ADMIN = OwnerUin.of("300000000002");
    private static final OwnerUin MEI = OwnerUin.of("300000000011");
    private static final OwnerUin SAM = OwnerUin.of("300000000021");
    private static final EntityId HQ = EntityId.of("hq");
    private static final EntityId SUB = EntityId.of("sub");

    @Test
    void organizationFinance_guideExample() {
        // the group: HQ pays on behalf of its members, SUB's members pay for themselves
        Organization group = Organization.builder(GROUP_ADMIN, PaymentMode.UNIFIED)
                .entity(new Entity(HQ, GROUP_ADMIN, "Example Group Ltd"))
                .entity(new Entity(SUB, SUB_ADMIN, "Example Sub Ltd"))
                .membership(new Membership(MEI, HQ, Tenure.since(t("2024-08-01T00:00"))))
                .membership(new Membership(SAM, SUB, Tenure.since(t("2024-08-01T00:00"))))
                .paymentMode(SUB, t("2024-08-01T00:00"), PaymentMode.SELF_PAY)
                .grant(
                        GROUP_ADMIN,
                        Permission.ALLOCATE_FUNDS,
                        Permission.VIEW_BALANCE,
                        Permission.INVOICE,
                        Permission.CONSOLIDATED_BILLING)
                .grant(MEI, t("2024-09-10T00:00"), Permission.DISCOUNT_INHERITANCE)
                .build();

        // ORG-8: who pays
        List<LineItem> items = List.of(
                daily("m-1", MEI, "2024-09-05", "100.00"),
                daily("m-2", MEI, "2024-09-12", "50.00"),
                daily("s-1", SAM, "2024-09-05", "10.004"),
                daily("s-2", SAM, "2024-09-06", "5.003"));
        var charges = Attribution.attribute(
                items,
                AttributionContext.of(BillingCalendar.TENCENT, Channel.builder().build())
                        .withPayOnBehalf(group));
        assertThat(charges.get(0).payer()).isEqualTo(PayerUin.of(GROUP_ADMIN.value()));
        assertThat(charges.get(2).payer()).isEqualTo(PayerUin.of(SAM.value()));

        // ORG-11: Mei inherits the group's contract rate 0.80 from 10 September
        var priced = DiscountInheritance.price(
                        group, BillingCalendar.TENCENT, BillingMonth.of(2024, 9), MEI, new BigDecimal("0.80"), items)
                .state();
        assertThat(priced.get(0).inheritedDiscount()).isEqualTo(cny("0"));
        assertThat(priced.get(1).inheritedDiscount()).isEqualTo(cny("10.00"));
        assertThat(priced.get(1).cost()).isEqualTo(cny("40.00"));

        // ORG-9: funds
        FundLedger ledger = FundLedger.empty(CNY);
        for (FundMovement m : List.of(
                FundMovement.topUp(
                        MovementId.of("t-1"), t("2024-09-01T09:00"), GROUP_ADMIN, GROUP_ADMIN, cny("1000.00")),
                FundMovement.topUp(MovementId.of("t-2"), t("2024-09-02T09:00"), MEI, GROUP_ADMIN, cny("200.00")),
                FundMovement.allocation(
                        MovementId.of("a-1"), t("2024-09-03T09:00"), GROUP_ADMIN, SUB_ADMIN, cny("300.00")),
                FundMovement.consumption(MovementId.of("c-1"), t("2024-09-06T00:00"), GROUP_ADMIN, cny("100.00")),
                FundMovement.consumption(MovementId.of("c-2"), t("2024-09-13T00:00"), GROUP_ADMIN, cny("40.00")))) {
            ledger = ledger.apply(group, m).state();
        }
        Instant endOfSeptember = t("2024-09-30T23:59");
        assertThat(ledger.balanceOf(group, GROUP_ADMIN, GROUP_ADMIN, endOfSeptember))
                .isEqualTo(cny("760.00"));
        assertThat(ledger.balanceOf(group, GROUP_ADMIN, SUB_ADMIN, endOfSeptember))
                .isEqualTo(cny("300.00"));
        assertThat(ledger.balanceOf(group, GROUP_ADMIN, GROUP_ADMIN, t("2024-09-06T00:00")))
                .isEqualTo(cny("800.00"));
        FundMovement replayed =
                FundMovement.consumption(MovementId.of("c-1"), t("2024-09-06T00:00"), GROUP_ADMIN, cny("100.00"));
        assertThat(ledger.apply(group, replayed).state()).isEqualTo(ledger);
        assertThat(ledger.apply(
                                group,
                                FundMovement.consumption(
                                        MovementId.of("c-3"), t("2024-09-20T00:00"), SUB_ADMIN, cny("300.01")))
                        .isRefusedFor(Refusal.Reason.INSUFFICIENT_FUNDS))
                .isTrue();

        // ORG-10: Sam's September invoice, then a correction
        AtomicInteger sequence = new AtomicInteger();
        InvoiceIdGenerator ids = (account, month, kind) -> InvoiceId.of("INV-" + sequence.incrementAndGet());
        Instant issued = t("2024-10-05T00:00");
        InvoiceRegister invoices = InvoiceRegister.empty(CNY)
                .issueForMember(
                        group,
                        BillingCalendar.TENCENT,
                        GROUP_ADMIN,
                        SAM,
                        BillingMonth.of(2024, 9),
                        issued,
                        items,
                        SettlementPolicy.TENCENT,
                        ids)
                .state();
        assertThat(invoices.documents().get(0).total()).isEqualTo(cny("15.01"));
        List<LineItem> restated = List.of(items.get(2), daily("s-2", SAM, "2024-09-06", "4.003"));
        invoices = invoices.issueForMember(
                        group,
                        BillingCalendar.TENCENT,
                        GROUP_ADMIN,
                        SAM,
                        BillingMonth.of(2024, 9),
                        t("2024-10-08T00:00"),
                        restated,
                        SettlementPolicy.TENCENT,
                        ids)
                .state();
        Invoice note = invoices.documents().get(1);
        assertThat(note.kind()).isEqualTo(Invoice.Kind.CREDIT_NOTE);
        assertThat(note.refersTo()).contains(InvoiceId.of("INV-1"));
        assertThat(note.total()).isEqualTo(cny("-1.00"));
        assertThat(invoices.invoiceIdOf(LineItemId.of("s-2"))).contains(InvoiceId.of("INV-1"));
    }
}
