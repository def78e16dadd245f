package org.cloudbilling.reseller.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cloudbilling.reseller.Fixtures.CNY;
import static org.cloudbilling.reseller.Fixtures.cny;
import static org.cloudbilling.reseller.Fixtures.t;
import static org.cloudbilling.reseller.Fixtures.usage;
import static org.cloudbilling.reseller.organization.OrgFixtures.HQ;
import static org.cloudbilling.reseller.organization.OrgFixtures.HQ_ADMIN;
import static org.cloudbilling.reseller.organization.OrgFixtures.M1;
import static org.cloudbilling.reseller.organization.OrgFixtures.M2;
import static org.cloudbilling.reseller.organization.OrgFixtures.group;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.cloudbilling.core.bill.LineItem;
import org.cloudbilling.core.bill.SettlementCycle;
import org.cloudbilling.core.id.LineItemId;
import org.cloudbilling.core.json.BillingJson;
import org.cloudbilling.core.money.Money;
import org.cloudbilling.core.money.SettlementPolicy;
import org.cloudbilling.core.time.BillingCalendar;
import org.cloudbilling.core.time.BillingMonth;
import org.cloudbilling.reseller.confirmation.Outcome;
import org.cloudbilling.reseller.confirmation.Refusal;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("ORG-10")
class InvoiceRegisterTest {
    private static final BillingMonth SEPTEMBER = BillingMonth.of(2024, 9);
    /** 5 October 00:00 UTC+8: September's bill is issued. */
    private static final Instant ISSUED = t("2024-10-05T00:00");

    private static final Organization ORG =
            group(PaymentMode.SELF_PAY).grant(HQ_ADMIN, Permission.INVOICE).build();
    private static final InvoiceRegister EMPTY = InvoiceRegister.empty(CNY);

    private static LineItem charge(String id, String day, String amount) {
        return usage(id, M1, SettlementCycle.DAILY, day + "T00:00", day + "T23:00", amount)
                .build();
    }

    private static final List<LineItem> FIRST =
            List.of(charge("u1", "2024-09-02", "10.004"), charge("u2", "2024-09-03", "5.003"));

    private final AtomicInteger sequence = new AtomicInteger();
    private final InvoiceIdGenerator ids = (account, month, kind) -> InvoiceId.of("INV-" + sequence.incrementAndGet());

    private Outcome<InvoiceRegister> issue(InvoiceRegister register, Organization org, List<LineItem> charges) {
        return register.issueForMember(
                org, BillingCalendar.TENCENT, HQ_ADMIN, M1, SEPTEMBER, ISSUED, charges, SettlementPolicy.TENCENT, ids);
    }

    @Test
    void issue_coversEveryChargeOfTheMonth_settlesTheTotal_andEachChargeCarriesTheInvoiceId() {
        InvoiceRegister register = issue(EMPTY, ORG, FIRST).state();
        Invoice invoice = register.documents().get(0);
        assertThat(invoice.id()).isEqualTo(InvoiceId.of("INV-1"));
        assertThat(invoice.kind()).isEqualTo(Invoice.Kind.INVOICE);
        assertThat(invoice.refersTo()).isEmpty();
        assertThat(invoice.lines())
                .containsExactly(
                        new Invoice.Line(LineItemId.of("u1"), cny("10.004")),
                        new Invoice.Line(LineItemId.of("u2"), cny("5.003")));
        // 15.007 settled half-up to 2 decimals (Tencent)
        assertThat(invoice.total()).isEqualTo(cny("15.01"));
        assertThat(invoice.settlementPolicy()).isEqualTo("tencent");
        assertThat(register.invoiceIdOf(LineItemId.of("u1"))).contains(InvoiceId.of("INV-1"));
        assertThat(register.invoiceIdOf(LineItemId.of("u2"))).contains(InvoiceId.of("INV-1"));
    }

    @Test
    void replay_issuesNothingNew_andAsksTheGeneratorForNoId() {
        InvoiceRegister once = issue(EMPTY, ORG, FIRST).state();
        assertThat(issue(once, ORG, FIRST).state()).isEqualTo(once);
        assertThat(sequence.get()).isEqualTo(1);
    }

    @Test
    void correction_becomesACreditNote_referringToTheFirstInvoice() {
        InvoiceRegister once = issue(EMPTY, ORG, FIRST).state();
        // u2 restated 5.003 -> 4.003, u3 0.50 arrives late: 14.507 settles to 14.51, 0.50 less than invoiced
        List<LineItem> corrected = List.of(
                charge("u1", "2024-09-02", "10.004"),
                charge("u2", "2024-09-03", "4.003"),
                charge("u3", "2024-09-04", "0.50"));
        InvoiceRegister twice = issue(once, ORG, corrected).state();
        Invoice note = twice.documents().get(1);
        assertThat(note.kind()).isEqualTo(Invoice.Kind.CREDIT_NOTE);
        assertThat(note.refersTo()).contains(InvoiceId.of("INV-1"));
        assertThat(note.lines())
                .containsExactly(
                        new Invoice.Line(LineItemId.of("u2"), cny("-1.000")),
                        new Invoice.Line(LineItemId.of("u3"), cny("0.50")));
        assertThat(note.total()).isEqualTo(cny("-0.50"));
        assertThat(twice.invoiceIdOf(LineItemId.of("u2"))).contains(InvoiceId.of("INV-1"));
        assertThat(twice.invoiceIdOf(LineItemId.of("u3"))).contains(InvoiceId.of("INV-2"));
        // a charge withdrawn later: a debit or credit note of its negation
        InvoiceRegister thrice = issue(twice, ORG, corrected.subList(0, 2)).state();
        Invoice withdrawn = thrice.documents().get(2);
        assertThat(withdrawn.kind()).isEqualTo(Invoice.Kind.CREDIT_NOTE);
        assertThat(withdrawn.lines()).containsExactly(new Invoice.Line(LineItemId.of("u3"), cny("-0.50")));
        // 14.007 settles to 14.01; 15.01 - 0.50 - 0.50 = 14.01
        assertThat(withdrawn.total()).isEqualTo(cny("-0.50"));
    }

    @Test
    @Tag("ORG-4")
    @Tag("ORG-11")
    void issue_withoutTheInvoicePermission_isRefused_naming_theAccountMonthAndReason() {
        Outcome<InvoiceRegister> o = EMPTY.issueForMember(
                ORG, BillingCalendar.TENCENT, M2, M1, SEPTEMBER, ISSUED, FIRST, SettlementPolicy.TENCENT, ids);
        assertThat(o.refusals())
                .containsExactly(new Refusal(
                        Refusal.Reason.PERMISSION_MISSING,
                        "the invoice of 300000000011 for 2024-09: 300000000012 may not issue it: it does not hold"
                                + " INVOICE"));
        assertThat(sequence.get()).isZero();
    }

    @Test
    void issue_forAMonthNotYetIssued_isRefused() {
        Outcome<InvoiceRegister> o = EMPTY.issueForMember(
                ORG,
                BillingCalendar.TENCENT,
                HQ_ADMIN,
                M1,
                SEPTEMBER,
                t("2024-10-04T23:59"),
                FIRST,
                SettlementPolicy.TENCENT,
                ids);
        assertThat(o.refusals())
                .containsExactly(new Refusal(
                        Refusal.Reason.MONTH_NOT_ISSUED,
                        "the invoice of 300000000011 for 2024-09: the month's bill is not issued yet at"
                                + " 2024-10-04T15:59:00Z"));
    }

    @Test
    void issue_aChargeInAnotherCurrency_orAnIdUsedBefore_orNoCharges_isRefused() {
        LineItem usd = usage("x", M1, SettlementCycle.DAILY, "2024-09-05T00:00", "2024-09-05T23:00", "1")
                .listCost(Money.of("USD", "1"))
                .totalCost(Money.of("USD", "1"))
                .build();
        assertThat(issue(EMPTY, ORG, List.of(usd)).refusals())
                .containsExactly(new Refusal(
                        Refusal.Reason.CURRENCY_MISMATCH,
                        "the invoice of 300000000011 for 2024-09: charge x is in USD, the invoices in CNY"));
        InvoiceRegister once = issue(EMPTY, ORG, FIRST).state();
        InvoiceIdGenerator same = (a, m, k) -> InvoiceId.of("INV-1");
        assertThat(once.issueForMember(
                                ORG,
                                BillingCalendar.TENCENT,
                                HQ_ADMIN,
                                M1,
                                SEPTEMBER,
                                ISSUED,
                                List.of(charge("u9", "2024-09-09", "1")),
                                SettlementPolicy.TENCENT,
                                same)
                        .isRefusedFor(Refusal.Reason.ID_REUSED))
                .isTrue();
        assertThat(issue(EMPTY, ORG, List.of()).isRefusedFor(Refusal.Reason.NOTHING_TO_INVOICE))
                .isTrue();
    }

    @Test
    void entityInvoice_coversItsMembers_butNotAChargeOnAMembersInvoiceAlready() throws Exception {
        Outcome<InvoiceRegister> entity = EMPTY.issueForEntity(
                ORG, BillingCalendar.TENCENT, HQ_ADMIN, HQ, SEPTEMBER, ISSUED, FIRST, SettlementPolicy.HUAWEI, ids);
        Invoice invoice = entity.state().documents().get(0);
        assertThat(invoice.account()).isEqualTo(HQ_ADMIN);
        assertThat(invoice.entity()).contains(HQ);
        // 15.007 truncated (Huawei)
        assertThat(invoice.total()).isEqualTo(cny("15.00"));
        ObjectMapper json = BillingJson.mapper();
        assertThat(json.readValue(json.writeValueAsString(invoice), Invoice.class))
                .isEqualTo(invoice);
        InvoiceRegister member = issue(EMPTY, ORG, FIRST).state();
        assertThat(member.issueForEntity(
                                ORG,
                                BillingCalendar.TENCENT,
                                HQ_ADMIN,
                                HQ,
                                SEPTEMBER,
                                ISSUED,
                                FIRST,
                                SettlementPolicy.TENCENT,
                                ids)
                        .refusals())
                .extracting(Refusal::message)
                .containsExactly("the invoice of 300000000001 (entity hq) for 2024-09: charge u1 is on INVOICE INV-2 of"
                        + " 300000000011 for 2024-09 already");
    }

    @Test
    void invoice_json_writesAmountsAsStrings_andReadsBackEqual() throws Exception {
        InvoiceRegister twice = issue(
                        issue(EMPTY, ORG, FIRST).state(), ORG, List.of(charge("u1", "2024-09-02", "10.004")))
                .state();
        ObjectMapper json = BillingJson.mapper();
        for (Invoice d : twice.documents()) {
            String text = json.writeValueAsString(d);
            assertThat(json.readValue(text, Invoice.class)).isEqualTo(d);
        }
        String note = json.writeValueAsString(twice.documents().get(1));
        assertThat(note)
                .contains("\"refersTo\" : \"INV-1\"")
                .contains("\"amount\" : \"-5.003\"")
                // 10.004 settles to 10.00; 10.00 - 15.01 invoiced = -5.01
                .contains("\"amount\" : \"-5.01\"")
                .doesNotContain("\"entity\"");
        assertThat(twice.documents().get(1).refersTo()).isEqualTo(Optional.of(InvoiceId.of("INV-1")));
    }
}
