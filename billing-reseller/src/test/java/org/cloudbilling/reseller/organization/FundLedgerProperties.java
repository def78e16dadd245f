package org.cloudbilling.reseller.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cloudbilling.reseller.Fixtures.CNY;
import static org.cloudbilling.reseller.Fixtures.t;
import static org.cloudbilling.reseller.organization.OrgFixtures.HQ_ADMIN;
import static org.cloudbilling.reseller.organization.OrgFixtures.M1;
import static org.cloudbilling.reseller.organization.OrgFixtures.M2;
import static org.cloudbilling.reseller.organization.OrgFixtures.S1;
import static org.cloudbilling.reseller.organization.OrgFixtures.SUB_ADMIN;
import static org.cloudbilling.reseller.organization.OrgFixtures.group;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.cloudbilling.core.id.OwnerUin;
import org.cloudbilling.core.money.Money;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Random movements, in random time order, against the fund ledger's invariants (ORG-9). */
@Tag("ORG-9")
class FundLedgerProperties {
    private static final List<OwnerUin> ACCOUNTS = List.of(HQ_ADMIN, HQ_ADMIN, SUB_ADMIN, M1, M2, S1);
    private static final Instant START = t("2024-09-01T00:00");
    private static final Organization ORG = group(PaymentMode.UNIFIED)
            .grant(HQ_ADMIN, Permission.ALLOCATE_FUNDS)
            .build();

    private static FundMovement randomMovement(Random random, int n) {
        MovementId id = MovementId.of("m" + n);
        Instant at = START.plusSeconds(3600L * random.nextInt(240));
        Money amount = Money.ofUnscaled(CNY, random.nextInt(200_000) - 20_000, 2);
        OwnerUin a = ACCOUNTS.get(random.nextInt(ACCOUNTS.size()));
        OwnerUin b = ACCOUNTS.get(random.nextInt(ACCOUNTS.size()));
        return switch (random.nextInt(4)) {
            case 0 -> FundMovement.topUp(id, at, a, b, amount);
            case 1 -> FundMovement.allocation(id, at, a, b, amount);
            case 2 -> FundMovement.consumption(id, at, a, amount);
            default -> FundMovement.refund(id, at, a, amount);
        };
    }

    @Test
    void ledger_randomMovements_conserveFunds_andNeverGoBelowZeroAtAnyInstant() {
        AtomicInteger accepted = new AtomicInteger();
        qt().withExamples(200).forAll(longs().all()).checkAssert(seed -> {
            Random random = new Random(seed);
            FundLedger ledger = FundLedger.empty(CNY);
            Money fromOutside = Money.zero(CNY);
            Money consumed = Money.zero(CNY);
            for (int step = 0; step < 30; step++) {
                FundMovement m = randomMovement(random, step);
                var o = ledger.apply(ORG, m);
                if (!o.isAccepted()) {
                    assertThat(o.refusals()).isNotEmpty();
                    continue;
                }
                accepted.incrementAndGet();
                ledger = o.state();
                switch (m.kind()) {
                    case TOP_UP -> fromOutside = fromOutside.plus(m.amount());
                    case CONSUMPTION -> consumed = consumed.plus(m.amount());
                    case REFUND -> consumed = consumed.minus(m.amount());
                    case ALLOCATION -> {}
                }
            }
            Instant end = START.plusSeconds(3600L * 240);
            // fund conservation: balances + net consumption = money from outside
            assertThat(ledger.totalAt(end).plus(consumed)).isEqualTo(fromOutside);
            for (int h = 0; h <= 240; h += 7) {
                Instant at = START.plusSeconds(3600L * h);
                ledger.balancesAt(at)
                        .values()
                        .forEach(b -> assertThat(b.isNegative())
                                .as("a balance at %s", at)
                                .isFalse());
            }
        });
        assertThat(accepted.get()).as("accepted movements").isGreaterThan(1000);
    }

    @Test
    void ledger_replayingAnyMovement_changesNothing_andBalancesDoNotDependOnTheOrderApplied() {
        qt().withExamples(200).forAll(longs().all()).checkAssert(seed -> {
            Random random = new Random(seed);
            FundLedger ledger = FundLedger.empty(CNY);
            List<FundMovement> applied = new ArrayList<>();
            for (int step = 0; step < 25; step++) {
                var o = ledger.apply(ORG, randomMovement(random, step));
                if (o.isAccepted()) {
                    ledger = o.state();
                    applied.add(ledger.movements().get(ledger.movements().size() - 1));
                }
            }
            for (FundMovement m : applied) {
                assertThat(ledger.apply(ORG, m).state()).isEqualTo(ledger);
            }
            // balances at every instant come from the movements alone: any order of the same movements gives them
            List<FundMovement> shuffled = new ArrayList<>(applied);
            java.util.Collections.shuffle(shuffled, random);
            FundLedger rebuilt = new FundLedger(CNY, CreditPolicy.NEVER_BELOW_ZERO, shuffled);
            for (int h = 0; h <= 240; h += 11) {
                Instant at = START.plusSeconds(3600L * h);
                assertThat(rebuilt.balancesAt(at)).isEqualTo(ledger.balancesAt(at));
            }
        });
    }
}
