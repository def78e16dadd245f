package org.cloudbilling.core.daily;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import org.cloudbilling.core.bill.ActionType;
import org.cloudbilling.core.bill.LineItem;
import org.cloudbilling.core.bill.PayMode;
import org.cloudbilling.core.id.BusinessCode;
import org.cloudbilling.core.id.LineItemId;
import org.cloudbilling.core.id.OwnerUin;
import org.cloudbilling.core.id.PayerUin;
import org.cloudbilling.core.money.Money;
import org.cloudbilling.core.time.BillingCalendar;
import org.cloudbilling.core.time.BillingMonth;
import org.cloudbilling.core.time.Interval;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The month ledger: batches once by id, restatements by id, refusals that name batch, item and reason. */
class MonthLedgerTest {
    private static final Currency CNY = Currency.getInstance("CNY");
    private static final BillingMonth SEPTEMBER = BillingMonth.of(2024, 9);
    private static final BillingCalendar CALENDAR = BillingCalendar.TENCENT;
    /** 10:00 on 3 September, UTC+8. */
    private static final Instant DAY_3 = Instant.parse("2024-09-03T02:00:00Z");
    /** The issue time of September: 00:00 on 5 October, UTC+8. */
    private static final Instant ISSUE = Instant.parse("2024-10-04T16:00:00Z");

    static LineItem charge(String id, String day, String amount) {
        Instant start = Instant.parse("2024-09-" + day + "T02:00:00Z");
        return LineItem.builder()
                .id(LineItemId.of(id))
                .ownerUin(OwnerUin.of("100"))
                .payerUin(PayerUin.of("100"))
                .businessCode(BusinessCode.of("p_cvm"))
                .payMode(PayMode.POSTPAID)
                .actionType(ActionType.USAGE)
                .feePeriod(Interval.of(start, start.plusSeconds(3600)))
                .listCost(Money.of("CNY", amount))
                .totalCost(Money.of("CNY", amount))
                .build();
    }

    private static ChargeBatch batch(
            String id, List<LineItem> added, List<LineItem> restated, List<LineItemId> withdrawn) {
        return new ChargeBatch(BatchId.of(id), BatchKind.DAILY, SEPTEMBER, CNY, added, restated, withdrawn);
    }

    private static final MonthLedger DAY_ONE = MonthLedger.open(SEPTEMBER, CNY, CALENDAR)
            .apply(
                    batch("d1", List.of(charge("a", "01", "10.00"), charge("b", "01", "5.00")), List.of(), List.of()),
                    DAY_3)
            .ledger();

    @Test
    @Tag("DAILY-2")
    void restatementReplaces_andWithdrawalRemoves_byId() {
        MonthLedger.Update u = DAY_ONE.apply(
                batch(
                        "d2",
                        List.of(charge("c", "02", "1.00")),
                        List.of(charge("a", "01", "12.00")),
                        List.of(LineItemId.of("b"))),
                DAY_3.plusSeconds(86_400));
        assertThat(u.ledger().charges()).containsExactly(charge("a", "01", "12.00"), charge("c", "02", "1.00"));
        assertThat(u.removed()).containsExactlyInAnyOrder(charge("a", "01", "10.00"), charge("b", "01", "5.00"));
        assertThat(u.added()).containsExactlyInAnyOrder(charge("a", "01", "12.00"), charge("c", "02", "1.00"));
    }

    @Test
    @Tag("DAILY-2")
    void aNewChargeDeliveredAgainUnchanged_isCountedOnce() {
        MonthLedger.Update u =
                DAY_ONE.apply(batch("d2", List.of(charge("a", "01", "10.00")), List.of(), List.of()), DAY_3);
        assertThat(u.changes()).isEmpty();
        assertThat(u.ledger().size()).isEqualTo(2);
    }

    private static BatchRefusedException refused(MonthLedger ledger, ChargeBatch batch, Instant at) {
        BatchRefusedException e = catchThrowableOfType(BatchRefusedException.class, () -> ledger.apply(batch, at));
        assertThat(e).as("refused").isNotNull();
        assertThat(e.batch()).isEqualTo(batch.id());
        return e;
    }

    @Test
    @Tag("DAILY-2")
    void badBatches_areRefused_namingBatchItemAndReason_andChangeNothing() {
        MonthLedger before = DAY_ONE;
        BatchRefusedException otherMonth = refused(
                before,
                new ChargeBatch(
                        BatchId.of("x1"),
                        BatchKind.DAILY,
                        BillingMonth.of(2024, 10),
                        CNY,
                        List.of(),
                        List.of(),
                        List.of()),
                DAY_3);
        assertThat(otherMonth).hasMessage("batch x1 refused: it is for 2024-10, this month is 2024-09");
        BatchRefusedException otherCurrency = refused(
                before,
                new ChargeBatch(
                        BatchId.of("x2"),
                        BatchKind.DAILY,
                        SEPTEMBER,
                        Currency.getInstance("USD"),
                        List.of(),
                        List.of(),
                        List.of()),
                DAY_3);
        assertThat(otherCurrency).hasMessage("batch x2 refused: it is in USD, this month in CNY");
        BatchRefusedException unknown =
                refused(before, batch("x3", List.of(), List.of(charge("zz", "02", "1.00")), List.of()), DAY_3);
        assertThat(unknown.item()).contains(LineItemId.of("zz"));
        assertThat(unknown).hasMessage("batch x3 refused: item zz: restates a charge that is not in the month");
        BatchRefusedException withdrawn =
                refused(before, batch("x4", List.of(), List.of(), List.of(LineItemId.of("zz"))), DAY_3);
        assertThat(withdrawn).hasMessage("batch x4 refused: item zz: withdraws a charge that is not in the month");
        BatchRefusedException reused =
                refused(before, batch("d1", List.of(charge("a", "01", "11.00")), List.of(), List.of()), DAY_3);
        assertThat(reused).hasMessageContaining("batch d1 refused: its id was applied before with other content");
        BatchRefusedException outOfMonth = refused(
                before,
                batch(
                        "x5",
                        List.of(LineItem.builder()
                                .from(charge("o", "30", "1.00"))
                                .feePeriod(Interval.of(ISSUE, ISSUE.plusSeconds(60)))
                                .build()),
                        List.of(),
                        List.of()),
                DAY_3);
        assertThat(outOfMonth).hasMessage("batch x5 refused: item o: its fee period starts in 2024-10, not in 2024-09");
        BatchRefusedException changedNew =
                refused(before, batch("x6", List.of(charge("a", "01", "9.00")), List.of(), List.of()), DAY_3);
        assertThat(changedNew)
                .hasMessage(
                        "batch x6 refused: item a: is already in the month with other content; deliver it as restated");
        assertThat(before).isEqualTo(DAY_ONE);
        assertThat(before.charges()).containsExactly(charge("a", "01", "10.00"), charge("b", "01", "5.00"));
        assertThat(before.revision()).isEqualTo(1);
        assertThat(before.hasApplied(BatchId.of("x3"))).isFalse();
    }

    @Test
    @Tag("DAILY-2")
    void anIdTwiceInOneBatch_isRefused() {
        BatchRefusedException e = catchThrowableOfType(
                BatchRefusedException.class,
                () -> batch("x", List.of(charge("a", "01", "1.00")), List.of(), List.of(LineItemId.of("a"))));
        assertThat(e).hasMessage("batch x refused: item a: appears twice in the batch");
    }

    @Test
    @Tag("DAILY-3")
    void eachBatchIsAVersion_provisionalBeforeTheIssueDay_thenOnlyAdjustments() {
        MonthLedger two = DAY_ONE.apply(batch("d2", List.of(charge("c", "02", "1.00")), List.of(), List.of()), DAY_3)
                .ledger();
        assertThat(two.revision()).isEqualTo(2);
        assertThat(two.versions())
                .extracting(MonthLedger.Version::status)
                .containsExactly(MonthStatus.PROVISIONAL, MonthStatus.PROVISIONAL);
        assertThat(two.status(ISSUE.minusSeconds(1))).isEqualTo(MonthStatus.PROVISIONAL);
        assertThat(two.status(ISSUE)).isEqualTo(MonthStatus.FINAL);
        BatchRefusedException late =
                refused(two, batch("d40", List.of(charge("late", "30", "1.00")), List.of(), List.of()), ISSUE);
        assertThat(late.reason()).contains("the month is final").contains("only an adjustment or a backtrack");
        ChargeBatch adjustment = new ChargeBatch(
                BatchId.of("adj-1"),
                BatchKind.ADJUSTMENT,
                SEPTEMBER,
                CNY,
                List.of(),
                List.of(charge("c", "02", "0.50")),
                List.of());
        MonthLedger adjusted = two.apply(adjustment, ISSUE.plusSeconds(3600)).ledger();
        MonthLedger.Version last = adjusted.versions().get(2);
        assertThat(last)
                .isEqualTo(new MonthLedger.Version(
                        3, BatchId.of("adj-1"), BatchKind.ADJUSTMENT, ISSUE.plusSeconds(3600), MonthStatus.FINAL, 3));
        assertThat(adjusted.charge(LineItemId.of("c")).map(LineItem::totalCost))
                .isEqualTo(Optional.of(Money.of("CNY", "0.50")));
    }
}
