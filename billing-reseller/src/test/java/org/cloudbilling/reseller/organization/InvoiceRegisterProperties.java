package org.cloudbilling.reseller.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cloudbilling.reseller.Fixtures.CNY;
import static org.cloudbilling.reseller.Fixtures.t;
import static org.cloudbilling.reseller.Fixtures.usage;
import static org.cloudbilling.reseller.organization.OrgFixtures.HQ_ADMIN;
import static org.cloudbilling.reseller.organization.OrgFixtures.M1;
import static org.cloudbilling.reseller.organization.OrgFixtures.M2;
import static org.cloudbilling.reseller.organization.OrgFixtures.group;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.cloudbilling.core.bill.LineItem;
import org.cloudbilling.core.bill.SettlementCycle;
import org.cloudbilling.core.id.LineItemId;
import org.cloudbilling.core.id.OwnerUin;
import org.cloudbilling.core.money.Money;
import org.cloudbilling.core.money.SettlementPolicy;
import org.cloudbilling.core.time.BillingCalendar;
import org.cloudbilling.core.time.BillingMonth;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Random charges, restated and withdrawn between issues, against the invoice register's invariants (ORG-10). */
@Tag("ORG-10")
class InvoiceRegisterProperties {
    private static final Organization ORG =
            group(PaymentMode.SELF_PAY).grant(HQ_ADMIN, Permission.INVOICE).build();
    private static final List<BillingMonth> MONTHS = List.of(BillingMonth.of(2024, 8), BillingMonth.of(2024, 9));
    private static final List<OwnerUin> MEMBERS = List.of(M1, M2);
    private static final Instant ISSUED = t("2024-12-31T00:00");
    private static final List<SettlementPolicy> POLICIES =
            List.of(SettlementPolicy.TENCENT, SettlementPolicy.HUAWEI, SettlementPolicy.MINOR_UNIT_HALF_UP);

    private static LineItem charge(int n, OwnerUin owner, BillingMonth month, Money amount) {
        String day = month + "-0" + (1 + n % 9);
        return usage("c" + n, owner, SettlementCycle.DAILY, day + "T00:00", day + "T23:00", "0")
                .listCost(amount)
                .totalCost(amount)
                .build();
    }

    @Test
    void register_randomIssuesAndCorrections_eachChargeOnOneInvoice_monthAddsUpToSettledCharges_replayIsANoOp() {
        AtomicInteger notes = new AtomicInteger();
        qt().withExamples(150).forAll(longs().all()).checkAssert(seed -> {
            Random random = new Random(seed);
            SettlementPolicy policy = POLICIES.get(random.nextInt(POLICIES.size()));
            AtomicInteger sequence = new AtomicInteger();
            InvoiceIdGenerator ids = (a, m, k) -> InvoiceId.of("I" + sequence.incrementAndGet());
            Map<Integer, LineItem> charges = new HashMap<>();
            InvoiceRegister register = InvoiceRegister.empty(CNY);
            for (int round = 0; round < 6; round++) {
                // restate, add or withdraw some charges (owner and month of an id never change)
                for (int k = 0; k < 4; k++) {
                    int n = random.nextInt(12);
                    if (random.nextInt(5) == 0) {
                        charges.remove(n);
                    } else {
                        Money amount = Money.ofUnscaled(CNY, random.nextInt(2_000_000) - 300_000, 5);
                        charges.put(n, charge(n, MEMBERS.get(n % 2), MONTHS.get((n / 2) % 2), amount));
                    }
                }
                List<LineItem> items = new ArrayList<>(charges.values());
                for (OwnerUin member : MEMBERS) {
                    for (BillingMonth month : MONTHS) {
                        var o = register.issueForMember(
                                ORG, BillingCalendar.TENCENT, HQ_ADMIN, member, month, ISSUED, items, policy, ids);
                        if (!o.isAccepted()) {
                            continue;
                        }
                        InvoiceRegister next = o.state();
                        // replaying the same issue changes nothing
                        var replay = next.issueForMember(
                                ORG, BillingCalendar.TENCENT, HQ_ADMIN, member, month, ISSUED, items, policy, ids);
                        assertThat(replay.state()).isEqualTo(next);
                        register = next;
                        // the month's invoice and notes add up to the month's charges settled
                        Money settled = Money.total(
                                        CNY,
                                        items.stream()
                                                .filter(i -> i.ownerUin().equals(member)
                                                        && BillingCalendar.TENCENT
                                                                .monthOf(i.feePeriod()
                                                                        .start())
                                                                .equals(month))
                                                .map(LineItem::totalCost)
                                                .toList())
                                .settled(policy);
                        Money documented = Money.total(
                                CNY,
                                register.documentsOf(member, month).stream()
                                        .map(Invoice::total)
                                        .toList());
                        assertThat(documented).isEqualTo(settled);
                    }
                }
            }
            // no charge is on two invoices; every note refers to its month's invoice
            Set<LineItemId> invoiced = new HashSet<>();
            for (Invoice d : register.documents()) {
                if (d.kind() == Invoice.Kind.INVOICE) {
                    for (Invoice.Line l : d.lines()) {
                        assertThat(invoiced.add(l.charge()))
                                .as("%s on two invoices", l.charge())
                                .isTrue();
                    }
                } else {
                    notes.incrementAndGet();
                    Invoice first = register.documentsOf(d.account(), d.month()).get(0);
                    assertThat(d.refersTo()).contains(first.id());
                    assertThat(first.kind()).isEqualTo(Invoice.Kind.INVOICE);
                }
            }
            assertThat(register.documents().stream().map(Invoice::id).distinct().count())
                    .isEqualTo(register.documents().size());
        });
        assertThat(notes.get()).as("notes issued").isGreaterThan(100);
    }
}
