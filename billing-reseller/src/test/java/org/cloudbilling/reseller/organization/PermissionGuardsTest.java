package org.cloudbilling.reseller.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cloudbilling.reseller.Fixtures.CNY;
import static org.cloudbilling.reseller.Fixtures.cny;
import static org.cloudbilling.reseller.Fixtures.t;
import static org.cloudbilling.reseller.Fixtures.usage;
import static org.cloudbilling.reseller.organization.OrgFixtures.HQ_ADMIN;
import static org.cloudbilling.reseller.organization.OrgFixtures.M1;
import static org.cloudbilling.reseller.organization.OrgFixtures.SUB_ADMIN;
import static org.cloudbilling.reseller.organization.OrgFixtures.group;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.cloudbilling.core.bill.LineItem;
import org.cloudbilling.core.bill.SettlementCycle;
import org.cloudbilling.core.money.SettlementPolicy;
import org.cloudbilling.core.time.BillingCalendar;
import org.cloudbilling.core.time.BillingMonth;
import org.cloudbilling.reseller.confirmation.Outcome;
import org.cloudbilling.reseller.confirmation.Refusal;
import org.cloudbilling.reseller.view.OutOfScopeException;
import org.cloudbilling.reseller.view.Viewer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Each of the six financial permissions guards an operation of the library, which is refused without it and
 * performed with it (ORG-4, ORG-11).
 */
@Tag("ORG-4")
@Tag("ORG-11")
class PermissionGuardsTest {
    private static final BillingMonth SEPTEMBER = BillingMonth.of(2024, 9);
    private static final Instant AT = t("2024-09-10T00:00");
    private static final List<LineItem> ITEMS =
            List.of(usage("u1", M1, SettlementCycle.DAILY, "2024-09-02T00:00", "2024-09-02T23:00", "10.00")
                    .build());
    private static final ConsolidatedBill BILL = ConsolidatedBill.consolidate(
            group(PaymentMode.UNIFIED).build(), BillingCalendar.TENCENT, SEPTEMBER, CNY, ITEMS);

    private static Organization with(Permission... permissions) {
        return group(PaymentMode.UNIFIED)
                .grant(HQ_ADMIN, permissions)
                .grant(M1, permissions)
                .build();
    }

    private static final Organization NONE = group(PaymentMode.UNIFIED).build();

    @Test
    void viewBills_guardsAMembersBill() {
        assertThatThrownBy(() -> OrganizationViews.memberBill(Viewer.account(HQ_ADMIN), NONE, BILL, M1))
                .isInstanceOf(OutOfScopeException.class)
                .hasMessageContaining("does not hold VIEW_BILLS");
        assertThat(OrganizationViews.memberBill(Viewer.account(HQ_ADMIN), with(Permission.VIEW_BILLS), BILL, M1)
                        .rows())
                .hasSize(1);
    }

    @Test
    void viewBalance_guardsReadingABalance() {
        FundLedger ledger = FundLedger.empty(CNY)
                .apply(NONE, FundMovement.topUp(MovementId.of("t1"), AT, SUB_ADMIN, SUB_ADMIN, cny("5")))
                .state();
        assertThatThrownBy(() -> ledger.balanceOf(NONE, HQ_ADMIN, SUB_ADMIN, AT))
                .isInstanceOf(OutOfScopeException.class)
                .hasMessageContaining("does not hold VIEW_BALANCE");
        assertThat(ledger.balanceOf(with(Permission.VIEW_BALANCE), HQ_ADMIN, SUB_ADMIN, AT))
                .isEqualTo(cny("5"));
    }

    @Test
    void allocateFunds_guardsAnAllocation() {
        FundLedger ledger = FundLedger.empty(CNY)
                .apply(NONE, FundMovement.topUp(MovementId.of("t1"), AT, HQ_ADMIN, HQ_ADMIN, cny("5")))
                .state();
        FundMovement allocation = FundMovement.allocation(MovementId.of("a1"), AT, HQ_ADMIN, SUB_ADMIN, cny("5"));
        assertThat(ledger.apply(NONE, allocation).isRefusedFor(Refusal.Reason.PERMISSION_MISSING))
                .isTrue();
        assertThat(ledger.apply(with(Permission.ALLOCATE_FUNDS), allocation).isAccepted())
                .isTrue();
    }

    /** HQ's admin invoices M1's September in {@code org}. */
    private static Outcome<InvoiceRegister> invoiceM1(Organization org) {
        InvoiceIdGenerator ids = (a, m, k) -> InvoiceId.of("INV-1");
        return InvoiceRegister.empty(CNY)
                .issueForMember(
                        org,
                        BillingCalendar.TENCENT,
                        HQ_ADMIN,
                        M1,
                        SEPTEMBER,
                        t("2024-10-05T00:00"),
                        ITEMS,
                        SettlementPolicy.TENCENT,
                        ids);
    }

    @Test
    void invoice_guardsIssuingAnInvoice() {
        assertThat(invoiceM1(NONE).isRefusedFor(Refusal.Reason.PERMISSION_MISSING))
                .isTrue();
        assertThat(invoiceM1(with(Permission.INVOICE)).isAccepted()).isTrue();
    }

    @Test
    void consolidatedBilling_guardsTheConsolidatedBill() {
        assertThatThrownBy(() -> OrganizationViews.consolidated(Viewer.account(HQ_ADMIN), NONE, BILL))
                .isInstanceOf(OutOfScopeException.class)
                .hasMessageContaining("CONSOLIDATED_BILLING");
        assertThat(OrganizationViews.consolidated(Viewer.account(HQ_ADMIN), with(Permission.CONSOLIDATED_BILLING), BILL)
                        .rows())
                .hasSize(1);
    }

    @Test
    void discountInheritance_guardsPricingWithTheInheritedDiscount() {
        BigDecimal rate = new BigDecimal("0.90");
        assertThat(DiscountInheritance.price(NONE, BillingCalendar.TENCENT, SEPTEMBER, M1, rate, ITEMS)
                        .isRefusedFor(Refusal.Reason.PERMISSION_MISSING))
                .isTrue();
        assertThat(DiscountInheritance.price(
                                with(Permission.DISCOUNT_INHERITANCE),
                                BillingCalendar.TENCENT,
                                SEPTEMBER,
                                M1,
                                rate,
                                ITEMS)
                        .state()
                        .get(0)
                        .inheritedDiscount())
                .isEqualTo(cny("1.00"));
    }
}
