package org.cloudbilling.core.recon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Optional;
import org.cloudbilling.core.time.BillingMonth;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The checks of a Period row (RECON-3) and what a change is. */
class PeriodRecordTest {
    private static Payments due(String amount) {
        BigDecimal a = new BigDecimal(amount);
        return new Payments(a, a, a, BigDecimal.ZERO, BigDecimal.ZERO);
    }

    private static PeriodRecord record(
            String orderNo,
            OrderType type,
            Optional<String> preOrder,
            Optional<BillingMode> mode,
            int quantity,
            Payments payments) {
        return new PeriodRecord(
                BillingMonth.of(2024, 9),
                "2024-09-10 00:00:00",
                orderNo,
                type,
                preOrder,
                "ECS",
                "cn-north-4",
                "Elastic Cloud Server",
                "s6.large.2",
                mode,
                quantity,
                BigDecimal.ONE,
                payments,
                "");
    }

    @Test
    void new_emptyOrderNo_isRefused() {
        assertThatThrownBy(() ->
                        record("", OrderType.PURCHASE, Optional.empty(), Optional.of(BillingMode.MONTHLY), 1, due("1")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("orderNo is empty");
    }

    @Test
    void new_negativePurchaseQuantity_isRefusedAndZeroIsAccepted() {
        assertThatThrownBy(() -> record(
                        "O-1", OrderType.PURCHASE, Optional.empty(), Optional.of(BillingMode.MONTHLY), -1, due("1")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("purchaseQuantity -1 is negative");
        assertThat(record("O-1", OrderType.PURCHASE, Optional.empty(), Optional.of(BillingMode.MONTHLY), 0, due("1"))
                        .purchaseQuantity())
                .isZero();
    }

    @Test
    @Tag("RECON-3")
    void new_purchaseWithPreOrderId_isRefused() {
        assertThatThrownBy(() -> record(
                        "O-1", OrderType.PURCHASE, Optional.of("O-0"), Optional.of(BillingMode.MONTHLY), 1, due("1")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("order O-1 is a Purchase with a Pre-OrderId (RECON-3)");
        assertThatThrownBy(() ->
                        record("O-2", OrderType.RENEWAL, Optional.of(""), Optional.of(BillingMode.YEARLY), 1, due("1")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("order O-2 is a Renewal with a Pre-OrderId (RECON-3)");
    }

    @Test
    @Tag("RECON-3")
    void new_changeWithoutBillingMode_isRefused() {
        assertThatThrownBy(() -> record("O-3", OrderType.CHANGE, Optional.empty(), Optional.empty(), 1, due("1")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("order O-3 is a Change without a billing mode");
    }

    @Test
    @Tag("RECON-3")
    void new_unsubscriptionWithEmptyPreOrderId_isRefused() {
        assertThatThrownBy(
                        () -> record("O-4", OrderType.UNSUBSCRIPTION, Optional.of(""), Optional.empty(), 1, due("-1")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("order O-4 is an unsubscription without its Pre-OrderId (RECON-3)");
        assertThat(record("O-4", OrderType.UNSUBSCRIPTION, Optional.of("O-0"), Optional.empty(), 1, due("-1"))
                        .preOrderId())
                .contains("O-0");
    }

    @Test
    @Tag("RECON-3")
    void change_byOrderTypeAndSignOfTheAmountDue_isUpgradeDowngradeOrNone() {
        Optional<BillingMode> monthly = Optional.of(BillingMode.MONTHLY);

        assertThat(record("O-5", OrderType.CHANGE, Optional.empty(), monthly, 1, due("0.01"))
                        .change())
                .contains(PeriodRecord.Change.UPGRADE);
        assertThat(record("O-5", OrderType.CHANGE, Optional.empty(), monthly, 1, due("-0.01"))
                        .change())
                .contains(PeriodRecord.Change.DOWNGRADE);
        assertThat(record("O-5", OrderType.CHANGE, Optional.empty(), monthly, 1, due("0.00"))
                        .change())
                .isEmpty();
        assertThat(record("O-6", OrderType.PURCHASE, Optional.empty(), monthly, 1, due("5"))
                        .change())
                .isEmpty();
        assertThat(record("O-7", OrderType.RENEWAL, Optional.empty(), monthly, 1, due("-5"))
                        .change())
                .isEmpty();
    }
}
