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
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.cloudbilling.core.id.OwnerUin;
import org.cloudbilling.core.money.Money;
import org.cloudbilling.core.time.BillingMonth;
import org.cloudbilling.reseller.bill.BillStatus;
import org.cloudbilling.reseller.bill.CustomerBill;
import org.cloudbilling.reseller.bill.CustomerMonth;
import org.cloudbilling.reseller.channel.Channel;
import org.cloudbilling.reseller.channel.PartnerUin;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Random sequences of bill revisions (provisional, issued, restated up and down, refund months, totals at scale 2
 * and 8) and confirmations (whole, partial, batch, by the reseller, another reseller or the distributor), checked
 * against a model kept by the test from the rules alone (RES-7, RES-9, RES-12).
 */
class ConfirmationRevisionProperties {
    private static final List<PartnerUin> ACTORS = List.of(R1, R1, R1, R1, R2, DIST);
    private static final Money ZERO = Money.zero(CNY);

    /** The test's own record of one customer-month. */
    private static final class Model {
        CustomerBill latest;
        Money confirmed = ZERO;
        Money confirmedAtLatestRevision = ZERO;

        Money latestConfirmable() {
            return latest.total().isNegative() ? ZERO : latest.total();
        }
    }

    @Test
    @Tag("RES-12")
    @Tag("RES-7")
    @Tag("RES-9")
    void revisionsAndConfirmations_neverReturnMoreThanTheLatestTotal_andKeepPoolPlusCredit() {
        AtomicInteger accepted = new AtomicInteger();
        Map<Refusal.Reason, AtomicInteger> refusals = new EnumMap<>(Refusal.Reason.class);
        qt().withExamples(300).forAll(longs().all()).checkAssert(seed -> {
            Random random = new Random(seed);
            Channel channel = channel();
            Map<CustomerMonth, Model> models = new HashMap<>();
            List<CustomerMonth> months = new ArrayList<>();
            for (int c = 0; c < 3; c++) {
                for (int m = 1; m <= 2; m++) {
                    CustomerMonth cm = new CustomerMonth(OwnerUin.of("1000" + c), R1, BillingMonth.of(2024, m));
                    Model model = new Model();
                    model.latest = new CustomerBill(
                            cm.customer(),
                            R1,
                            cm.month(),
                            random.nextBoolean() ? BillStatus.PROVISIONAL : BillStatus.FINAL,
                            randomTotal(random, ZERO));
                    models.put(cm, model);
                    months.add(cm);
                }
            }
            CreditState state = CreditState.opening(R1, Money.ofUnscaled(CNY, 50_000 + random.nextInt(250_000), 2));
            Money invariant = state.totalCredit();
            for (int step = 0; step < 40; step++) {
                CustomerMonth cm = months.get(random.nextInt(months.size()));
                Model model = models.get(cm);
                int action = random.nextInt(5);
                if (action == 0) {
                    // a revision: the month is issued (or stays issued) or computed again while provisional
                    BillStatus status = model.latest.status() == BillStatus.FINAL || random.nextInt(4) > 0
                            ? BillStatus.FINAL
                            : BillStatus.PROVISIONAL;
                    model.latest = new CustomerBill(
                            cm.customer(), R1, cm.month(), status, randomTotal(random, model.confirmed));
                    model.confirmedAtLatestRevision = model.confirmed;
                    continue;
                }
                PartnerUin actor = ACTORS.get(random.nextInt(ACTORS.size()));
                List<CustomerMonth> touched = new ArrayList<>();
                Outcome<CreditState> o;
                Money expectedMove;
                if (action == 1 || action == 2) {
                    touched.add(cm);
                    Money left = model.latestConfirmable().minus(model.confirmed);
                    if (action == 1) {
                        expectedMove = left;
                        o = Confirmation.confirmWhole(state, channel, actor, model.latest);
                    } else {
                        expectedMove = random.nextInt(4) == 0
                                ? left
                                : Money.ofUnscaled(CNY, random.nextInt(60_000) - 2_000, 2);
                        o = Confirmation.confirmPartial(state, channel, actor, model.latest, expectedMove);
                    }
                } else {
                    List<CustomerBill> batch = new ArrayList<>();
                    expectedMove = ZERO;
                    for (CustomerMonth each : months) {
                        if (random.nextInt(4) == 0) {
                            touched.add(each);
                            batch.add(models.get(each).latest);
                            Model m = models.get(each);
                            expectedMove =
                                    expectedMove.plus(m.latestConfirmable().minus(m.confirmed));
                        }
                    }
                    o = Confirmation.confirmBatch(state, channel, actor, batch);
                }
                if (!actor.equals(R1) && !touched.isEmpty()) {
                    assertThat(o.isAccepted()).as("confirmed by %s", actor).isFalse();
                }
                if (o.isAccepted()) {
                    CreditState next = o.state();
                    // the pool goes down by what the model says is confirmed, and every bill touched was issued
                    // and had that much left of its latest total
                    assertThat(state.pool().minus(next.pool())).isEqualTo(expectedMove);
                    for (CustomerMonth each : touched) {
                        Model m = models.get(each);
                        assertThat(m.latest.status()).isEqualTo(BillStatus.FINAL);
                        assertThat(m.confirmed.isLessThan(m.latestConfirmable()))
                                .as("%s had something left", each)
                                .isTrue();
                        m.confirmed = touched.size() == 1 && action == 2
                                ? m.confirmed.plus(expectedMove)
                                : m.latestConfirmable();
                    }
                    state = next;
                    if (expectedMove.isPositive()) {
                        accepted.incrementAndGet();
                    }
                } else if (actor.equals(R1) && touched.size() == 1) {
                    // the reason follows from the model: provisional, over-confirmed, then confirmed in full
                    Model only = models.get(touched.get(0));
                    Refusal.Reason reason = o.refusals().get(0).reason();
                    refusals.computeIfAbsent(reason, r -> new AtomicInteger()).incrementAndGet();
                    if (only.latest.status() == BillStatus.PROVISIONAL) {
                        assertThat(reason).isEqualTo(Refusal.Reason.NOT_ISSUED);
                    } else if (only.confirmed.isGreaterThan(only.latestConfirmable())) {
                        assertThat(reason).isEqualTo(Refusal.Reason.OVER_CONFIRMED);
                        String message = o.refusals().get(0).message();
                        String named = message.substring(
                                message.indexOf("over-confirmed by ") + "over-confirmed by ".length(),
                                message.indexOf(':'));
                        assertThat(Money.parse(named)).isEqualTo(only.confirmed.minus(only.latestConfirmable()));
                    } else if (only.confirmed.isPositive() && only.confirmed.equals(only.latestConfirmable())) {
                        assertThat(reason).isEqualTo(Refusal.Reason.ALREADY_CONFIRMED);
                    }
                }
                assertThat(state.totalCredit()).isEqualTo(invariant);
                assertThat(state.pool().isNegative()).isFalse();
                Map<OwnerUin, Money> creditByCustomer = new HashMap<>();
                for (CustomerMonth each : months) {
                    Model m = models.get(each);
                    assertThat(state.confirmedOf(each)).as("%s", each).isEqualTo(m.confirmed);
                    Money ceiling = m.latestConfirmable().isLessThan(m.confirmedAtLatestRevision)
                            ? m.confirmedAtLatestRevision
                            : m.latestConfirmable();
                    assertThat(state.confirmedOf(each).isGreaterThan(ceiling))
                            .as("%s confirmed %s, latest total %s", each, state.confirmedOf(each), m.latest.total())
                            .isFalse();
                    Money over = m.confirmed.minus(m.latestConfirmable());
                    assertThat(state.overConfirmedOf(m.latest)).isEqualTo(over.isPositive() ? over : ZERO);
                    creditByCustomer.merge(each.customer(), m.confirmed, Money::plus);
                }
                for (Map.Entry<OwnerUin, Money> e : creditByCustomer.entrySet()) {
                    assertThat(state.creditOf(e.getKey())).isEqualTo(e.getValue());
                }
            }
        });
        assertThat(accepted.get()).as("accepted confirmations").isGreaterThan(500);
        for (Refusal.Reason reason : List.of(
                Refusal.Reason.NOT_ISSUED,
                Refusal.Reason.OVER_CONFIRMED,
                Refusal.Reason.ALREADY_CONFIRMED,
                Refusal.Reason.EXCEEDS_UNCONFIRMED)) {
            assertThat(refusals.getOrDefault(reason, new AtomicInteger()).get())
                    .as("refusals for %s", reason)
                    .isGreaterThan(10);
        }
    }

    /**
     * A total from -50.00 to 450.00, at scale 2 or 8, and now and then exactly, or just below, what is confirmed.
     */
    private static Money randomTotal(Random random, Money confirmed) {
        return switch (random.nextInt(6)) {
            case 0 -> confirmed;
            case 1 -> confirmed.minus(Money.ofUnscaled(CNY, 1 + random.nextInt(5_000), 2));
            case 2 -> Money.ofUnscaled(CNY, (random.nextInt(50_000) - 5_000) * 1_000_000L, 8);
            default -> Money.ofUnscaled(CNY, random.nextInt(50_000) - 5_000, 2);
        };
    }
}
