package org.cloudbilling.reseller.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cloudbilling.reseller.Fixtures.CNY;
import static org.cloudbilling.reseller.Fixtures.t;
import static org.cloudbilling.reseller.Fixtures.usage;
import static org.cloudbilling.reseller.organization.OrgFixtures.HQ_ADMIN;
import static org.cloudbilling.reseller.organization.OrgFixtures.M1;
import static org.cloudbilling.reseller.organization.OrgFixtures.group;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.cloudbilling.core.bill.LineItem;
import org.cloudbilling.core.bill.SettlementCycle;
import org.cloudbilling.core.focus.FocusColumn;
import org.cloudbilling.core.focus.FocusExport;
import org.cloudbilling.core.focus.FocusRow;
import org.cloudbilling.core.focus.FocusVersion;
import org.cloudbilling.core.id.LineItemId;
import org.cloudbilling.core.money.SettlementPolicy;
import org.cloudbilling.core.time.BillingCalendar;
import org.cloudbilling.core.time.BillingMonth;
import org.cloudbilling.reseller.focus.InvoicedFocus;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** ORG-10: "the invoice id carried by every charge it covers (FOCUS InvoiceId)". */
@Tag("ORG-10")
@Tag("FOCUS-8")
class InvoicedFocusTest {
    private static final BillingMonth SEPTEMBER = BillingMonth.of(2024, 9);
    private static final Instant ISSUED = t("2024-10-05T00:00");
    private static final Organization ORG =
            group(PaymentMode.SELF_PAY).grant(HQ_ADMIN, Permission.INVOICE).build();
    private static final FocusExport EXPORT =
            new FocusExport("Tencent Cloud", "Tencent Cloud", "Tencent Cloud", BillingCalendar.TENCENT);

    private final AtomicInteger sequence = new AtomicInteger();
    private final InvoiceIdGenerator ids = (account, month, kind) -> InvoiceId.of("INV-" + sequence.incrementAndGet());

    private static LineItem charge(String id, String day, String amount) {
        return usage(id, M1, SettlementCycle.DAILY, day + "T00:00", day + "T23:00", amount)
                .build();
    }

    private InvoiceRegister issue(InvoiceRegister register, List<LineItem> charges) {
        return register.issueForMember(
                        ORG,
                        BillingCalendar.TENCENT,
                        HQ_ADMIN,
                        M1,
                        SEPTEMBER,
                        ISSUED,
                        charges,
                        SettlementPolicy.TENCENT,
                        ids)
                .state();
    }

    @Test
    void invoicedCharges_carryTheirInvoiceId_aLaterChargeCarriesTheNoteThatCoveredIt() {
        List<LineItem> first = List.of(charge("u1", "2024-09-02", "10.004"), charge("u2", "2024-09-03", "5.003"));
        InvoiceRegister once = issue(InvoiceRegister.empty(CNY), first);
        // u3 arrives late: a debit note INV-2 covers it; u1 and u2 stay on INV-1
        List<LineItem> all = List.of(first.get(0), first.get(1), charge("u3", "2024-09-04", "0.50"));
        InvoiceRegister twice = issue(once, all);
        LineItem notYetInvoiced = charge("u4", "2024-09-05", "1.00");

        List<FocusRow> rows = InvoicedFocus.toRows(
                List.of(all.get(0), all.get(1), all.get(2), notYetInvoiced),
                SEPTEMBER,
                EXPORT.withVersion(FocusVersion.V1_2),
                twice);

        assertThat(rows)
                .extracting(r -> r.text(FocusColumn.INVOICE_ID).orElse(null))
                .containsExactly("INV-1", "INV-1", "INV-2", null);
        assertThat(twice.invoiceIds())
                .containsExactly(
                        java.util.Map.entry(LineItemId.of("u1"), InvoiceId.of("INV-1")),
                        java.util.Map.entry(LineItemId.of("u2"), InvoiceId.of("INV-1")),
                        java.util.Map.entry(LineItemId.of("u3"), InvoiceId.of("INV-2")));
    }

    @Test
    void focus10_hasNoInvoiceIdColumn_andIsRefused() {
        InvoiceRegister register = issue(InvoiceRegister.empty(CNY), List.of(charge("u1", "2024-09-02", "1.00")));
        assertThatThrownBy(() -> InvoicedFocus.toRows(List.of(), SEPTEMBER, EXPORT, register))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("FOCUS 1.0 has no InvoiceId column");
    }
}
