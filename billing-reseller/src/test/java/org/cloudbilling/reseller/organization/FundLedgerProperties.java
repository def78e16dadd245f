package org.cloudbilling.reseller.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cloudbilling.reseller.Fixtures.CNY;
import static org.cloudbilling.reseller.organization.OrgFixtures.HQ_ADMIN;
import static org.cloudbilling.reseller.organization.OrgFixtures.M1;
import static org.cloudbilling.reseller.organization.OrgFixtures.SUB_ADMIN;
import static org.cloudbilling.reseller.organization.OrgFixtures.group;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.cloudbilling.core.id.OwnerUin;
import org.cloudbilling.core.money.Money;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

class FundLedgerProperties {
    private static final List<OwnerUin> ACCOUNTS = List.of(HQ_ADMIN, HQ_ADMIN, SUB_ADMIN, M1);

    @Test
    @Tag("ORG-3")
    void ledger_randomTopUpsAndAllocations_neverGoesNegative_andAddsUpToTheTopUps() {
        Organization org = group(PaymentMode.UNIFIED)
                .grant(HQ_ADMIN, Permission.ALLOCATE_FUNDS)
                .build();
        AtomicInteger accepted = new AtomicInteger();
        qt().withExamples(300).forAll(longs().all()).checkAssert(seed -> {
            Random random = new Random(seed);
            FundLedger ledger = FundLedger.empty(CNY);
            Money toppedUp = Money.zero(CNY);
            for (int step = 0; step < 30; step++) {
                Money amount = Money.ofUnscaled(CNY, random.nextInt(200_000) - 20_000, 2);
                if (random.nextInt(4) == 0 && amount.isPositive()) {
                    ledger = ledger.toppedUp(HQ_ADMIN, amount);
                    toppedUp = toppedUp.plus(amount);
                } else {
                    var o = ledger.allocate(
                            org,
                            ACCOUNTS.get(random.nextInt(ACCOUNTS.size())),
                            ACCOUNTS.get(random.nextInt(ACCOUNTS.size())),
                            amount);
                    if (o.isAccepted()) {
                        ledger = o.state();
                        accepted.incrementAndGet();
                    }
                }
                assertThat(ledger.total()).isEqualTo(toppedUp);
                ledger.balances()
                        .values()
                        .forEach(b -> assertThat(b.isNegative()).isFalse());
            }
        });
        assertThat(accepted.get()).as("accepted allocations").isGreaterThan(100);
    }
}
