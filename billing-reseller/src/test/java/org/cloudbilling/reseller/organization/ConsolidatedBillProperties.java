package org.cloudbilling.reseller.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cloudbilling.reseller.Fixtures.CNY;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.cloudbilling.core.bill.LineItem;
import org.cloudbilling.core.id.OwnerUin;
import org.cloudbilling.core.money.Money;
import org.cloudbilling.core.testing.BillingGenerators;
import org.cloudbilling.core.time.BillingCalendar;
import org.cloudbilling.core.time.BillingMonth;
import org.cloudbilling.reseller.channel.Tenure;
import org.cloudbilling.reseller.view.OutOfScopeException;
import org.cloudbilling.reseller.view.Viewer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Random organizations over the generated owners (random entities, membership intervals and grants) and random
 * items. A failure prints its seed.
 */
class ConsolidatedBillProperties {
    private static final Instant FROM = Instant.parse("2022-12-01T00:00:00Z");
    private static final long SPAN_HOURS = 4L * 366 * 24;

    private static Organization randomOrganization(List<LineItem> items, Random random) {
        OwnerUin admin = OwnerUin.of("300000000001");
        Organization.Builder b = Organization.builder(
                        admin, random.nextBoolean() ? PaymentMode.UNIFIED : PaymentMode.SELF_PAY)
                .entity(new Entity(EntityId.of("e1"), admin, "E1"))
                .entity(new Entity(EntityId.of("e2"), OwnerUin.of("300000000002"), "E2"));
        for (OwnerUin owner :
                items.stream().map(LineItem::ownerUin).distinct().sorted().toList()) {
            if (random.nextInt(4) == 0) {
                continue;
            }
            long a = random.nextLong(SPAN_HOURS);
            long z = random.nextLong(SPAN_HOURS);
            Tenure tenure = a == z
                    ? Tenure.since(FROM.plusSeconds(a * 3600))
                    : Tenure.between(FROM.plusSeconds(Math.min(a, z) * 3600), FROM.plusSeconds(Math.max(a, z) * 3600));
            b.membership(new Membership(owner, EntityId.of(random.nextBoolean() ? "e1" : "e2"), tenure));
            if (random.nextBoolean()) {
                b.grant(owner, Permission.VIEW_BILLS);
            }
        }
        if (random.nextBoolean()) {
            b.grant(admin, Permission.CONSOLIDATED_BILLING, Permission.VIEW_BILLS);
        }
        if (random.nextBoolean()) {
            b.grant(OwnerUin.of("300000000002"), Permission.CONSOLIDATED_BILLING);
        }
        return b.build();
    }

    @Test
    @Tag("ORG-6")
    void consolidatedBill_equalsTheSumOfItsMembersBills() {
        qt().withExamples(150)
                .forAll(lists().of(BillingGenerators.lineItems(CNY)).ofSizeBetween(0, 50), longs().all())
                .checkAssert((items, seed) -> {
                    Organization org = randomOrganization(items, new Random(seed));
                    Set<BillingMonth> months = new TreeSet<>();
                    items.forEach(i -> months.add(
                            BillingCalendar.TENCENT.monthOf(i.feePeriod().start())));
                    for (BillingMonth month : months) {
                        ConsolidatedBill bill =
                                ConsolidatedBill.consolidate(org, BillingCalendar.TENCENT, month, CNY, items);
                        Money sumOfMembers = Money.zero(CNY);
                        List<ConsolidatedRow> rows = new ArrayList<>();
                        for (OwnerUin member : bill.totalsByMember().keySet()) {
                            List<LineItem> own = items.stream()
                                    .filter(i -> i.ownerUin().equals(member))
                                    .toList();
                            ConsolidatedBill alone =
                                    ConsolidatedBill.consolidate(org, BillingCalendar.TENCENT, month, CNY, own);
                            sumOfMembers = sumOfMembers.plus(alone.total());
                            assertThat(alone.total())
                                    .isEqualTo(bill.totalsByMember().get(member));
                            rows.addAll(alone.rows());
                        }
                        assertThat(bill.total()).isEqualTo(sumOfMembers);
                        assertThat(bill.rows()).containsExactlyInAnyOrderElementsOf(rows);
                        Money byEntity = bill.totalsByEntity().values().stream().reduce(Money.zero(CNY), Money::plus);
                        assertThat(byEntity).isEqualTo(bill.total());
                    }
                });
    }

    @Test
    @Tag("ORG-4")
    @Tag("ORG-6")
    void organizationViews_neverReturnARowOutsideTheViewersScope() {
        qt().withExamples(150)
                .forAll(lists().of(BillingGenerators.lineItems(CNY)).ofSizeBetween(0, 50), longs().all())
                .checkAssert((items, seed) -> {
                    Random random = new Random(seed);
                    Organization org = randomOrganization(items, random);
                    List<OwnerUin> accounts = new ArrayList<>(List.of(org.groupAdmin(), OwnerUin.of("300000000002")));
                    items.stream().map(LineItem::ownerUin).distinct().forEach(accounts::add);
                    for (BillingMonth month : items.stream()
                            .map(i -> BillingCalendar.TENCENT.monthOf(
                                    i.feePeriod().start()))
                            .distinct()
                            .toList()) {
                        ConsolidatedBill bill =
                                ConsolidatedBill.consolidate(org, BillingCalendar.TENCENT, month, CNY, items);
                        OwnerUin viewer = accounts.get(random.nextInt(accounts.size()));
                        OwnerUin member = accounts.get(random.nextInt(accounts.size()));
                        try {
                            ConsolidatedBill seen = OrganizationViews.consolidated(Viewer.account(viewer), org, bill);
                            assertThat(org.holds(viewer, Permission.CONSOLIDATED_BILLING))
                                    .isTrue();
                            seen.rows()
                                    .forEach(r -> assertThat(org.permits(
                                                    viewer,
                                                    Permission.CONSOLIDATED_BILLING,
                                                    r.owner(),
                                                    r.item().feePeriod().start()))
                                            .isTrue());
                        } catch (OutOfScopeException e) {
                            assertThat(org.isAdmin(viewer) && org.holds(viewer, Permission.CONSOLIDATED_BILLING))
                                    .isFalse();
                        }
                        try {
                            ConsolidatedBill seen =
                                    OrganizationViews.memberBill(Viewer.account(viewer), org, bill, member);
                            seen.rows().forEach(r -> {
                                assertThat(r.owner()).isEqualTo(member);
                                assertThat(org.permits(
                                                viewer,
                                                Permission.VIEW_BILLS,
                                                member,
                                                r.item().feePeriod().start()))
                                        .isTrue();
                            });
                            assertThat(viewer.equals(member) || org.holds(viewer, Permission.VIEW_BILLS))
                                    .isTrue();
                        } catch (OutOfScopeException e) {
                            assertThat(viewer).isNotEqualTo(member);
                        }
                    }
                });
    }
}
