package org.cloudbilling.reseller.confirmation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cloudbilling.reseller.Fixtures.CNY;
import static org.cloudbilling.reseller.Fixtures.DIST;
import static org.cloudbilling.reseller.Fixtures.R1;
import static org.cloudbilling.reseller.Fixtures.R2;
import static org.cloudbilling.reseller.Fixtures.channel;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.cloudbilling.core.id.OwnerUin;
import org.cloudbilling.core.money.Money;
import org.cloudbilling.core.time.BillingMonth;
import org.cloudbilling.reseller.bill.BillStatus;
import org.cloudbilling.reseller.bill.CustomerBill;
import org.cloudbilling.reseller.channel.Channel;
import org.cloudbilling.reseller.channel.PartnerUin;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Random sequences of confirmations, by random actors, of random bills, refunds included. */
class ConfirmationProperties {
    private static final List<PartnerUin> ACTORS = List.of(R1, R1, R1, R2, DIST);

    @Test
    @Tag("RES-7")
    @Tag("RES-6")
    void confirmations_neverCreateOrLoseCredit_andNeverOverConfirm() {
        AtomicInteger accepted = new AtomicInteger();
        qt().withExamples(300).forAll(longs().all()).checkAssert(seed -> {
            Random random = new Random(seed);
            Channel channel = channel();
            List<CustomerBill> bills = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                bills.add(new CustomerBill(
                        OwnerUin.of("1000" + i),
                        R1,
                        BillingMonth.of(2024, 1 + random.nextInt(3)),
                        BillStatus.FINAL,
                        Money.ofUnscaled(CNY, random.nextInt(2_000_000) - 200_000, 8)));
            }
            CreditState state = CreditState.opening(R1, Money.ofUnscaled(CNY, random.nextInt(100_000), 2));
            Money invariant = state.totalCredit();
            for (int step = 0; step < 20; step++) {
                PartnerUin actor = ACTORS.get(random.nextInt(ACTORS.size()));
                CustomerBill bill = bills.get(random.nextInt(bills.size()));
                Outcome<CreditState> o = switch (random.nextInt(3)) {
                    case 0 -> Confirmation.confirmWhole(state, channel, actor, bill);
                    case 1 ->
                        Confirmation.confirmPartial(
                                state,
                                channel,
                                actor,
                                bill,
                                Money.ofUnscaled(CNY, random.nextInt(1_000_000) - 10_000, 6));
                    default ->
                        Confirmation.confirmBatch(
                                state, channel, actor, bills.subList(0, 1 + random.nextInt(bills.size())));
                };
                if (!actor.equals(R1)) {
                    assertThat(o.isAccepted()).isFalse();
                }
                if (o.isAccepted()) {
                    CreditState next = o.state();
                    Money moved = state.pool().minus(next.pool());
                    assertThat(moved.isPositive()).isTrue();
                    state = next;
                    accepted.incrementAndGet();
                }
                assertThat(state.totalCredit()).isEqualTo(invariant);
                assertThat(state.pool().isNegative()).isFalse();
                for (CustomerBill b : bills) {
                    assertThat(state.confirmedOf(b).isGreaterThan(b.total().isNegative() ? Money.zero(CNY) : b.total()))
                            .isFalse();
                }
            }
        });
        assertThat(accepted.get()).as("accepted confirmations").isGreaterThan(100);
    }
}
