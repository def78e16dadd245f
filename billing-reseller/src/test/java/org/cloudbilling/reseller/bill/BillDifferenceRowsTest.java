package org.cloudbilling.reseller.bill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cloudbilling.reseller.Fixtures.ALICE;
import static org.cloudbilling.reseller.Fixtures.R1;
import static org.cloudbilling.reseller.Fixtures.channel;
import static org.cloudbilling.reseller.Fixtures.cny;
import static org.cloudbilling.reseller.Fixtures.daily;
import static org.cloudbilling.reseller.Fixtures.r1DiscountingAlice;
import static org.cloudbilling.reseller.Fixtures.t;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.cloudbilling.core.bill.ActionType;
import org.cloudbilling.core.id.LineItemId;
import org.cloudbilling.core.time.BillingCalendar;
import org.cloudbilling.core.time.BillingMonth;
import org.cloudbilling.reseller.bill.BillDifference.Cause;
import org.cloudbilling.reseller.bill.BillDifference.Measure;
import org.cloudbilling.reseller.channel.Attribution;
import org.cloudbilling.reseller.channel.AttributionContext;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Bill A and Bill B reconciled row by row (RES-4, RES-5, RES-8): which rows each cause lists, and bills whose rows
 * do not pair up. Alice has a customer discount of 0.9 from R1; every amount below is worked out by hand.
 */
@Tag("RES-5")
class BillDifferenceRowsTest {
    private static final ResellerMonth MONTH = ResellerBills.compute(
            Attribution.attribute(
                    List.of(
                            // A cost 80; B 100 x 0.9 = 90, less voucher 5 = 85
                            daily("c", ALICE, ActionType.USAGE, "2024-09-02", "100.00", "80.00"),
                            // refund: A -16; B -20 x 0.9 = -18
                            daily("r", ALICE, ActionType.REFUND, "2024-09-03", "-20.00", "-16.00"),
                            // upgrade, refund part: A -8; B -10 x 0.9 = -9
                            daily("u-", ALICE, ActionType.UPGRADE, "2024-09-04", "-10.00", "-8.00"),
                            // upgrade, purchase part: A original 30, cost 24; B original 30, 30 x 0.9 = 27
                            daily("u+", ALICE, ActionType.UPGRADE, "2024-09-04", "30.00", "24.00"),
                            // adjustment: A only, -2.40
                            daily("adj", ALICE, ActionType.ADJUSTMENT, "2024-09-05", "-3.00", "-2.40")),
                    AttributionContext.of(BillingCalendar.TENCENT, channel().bound(ALICE, R1, t("2024-08-01T00:00")))),
            r1DiscountingAlice().build(),
            BillingMonth.of(2024, 9),
            BillingCalendar.TENCENT,
            t("2024-10-06T00:00"),
            Map.of(LineItemId.of("c"), cny("5.00")));

    private static List<LineItemId> ids(String... ids) {
        return List.of(ids).stream().map(LineItemId::of).toList();
    }

    private static BillB withRows(List<BillBRow> rows) {
        BillB b = MONTH.billB();
        return new BillB(b.reseller(), b.month(), b.status(), b.currency(), rows);
    }

    private static BillBRow renamed(BillBRow row, String id) {
        return new BillBRow(
                LineItemId.of(id),
                row.customer(),
                row.action(),
                row.kind(),
                row.originalPrice(),
                row.reservedInstanceDeduction(),
                row.customerDiscount(),
                row.totalBeforeVoucher(),
                row.customerVoucher(),
                row.total(),
                row.resellerCost(),
                row.tags(),
                row.discount());
    }

    @Test
    @Tag("RES-4")
    @Tag("RES-8")
    void total_eachCauseListsTheRowsThatContributeToIt() {
        BillDifference r = MONTH.totalDifference();
        // A: 80 - 16 - 8 + 24 - 2.40 = 77.60; B: 85 - 18 - 9 + 27 = 85
        assertThat(r.totalA()).isEqualTo(cny("77.60"));
        assertThat(r.totalB()).isEqualTo(cny("85.00"));
        assertThat(r.parts())
                .containsExactly(
                        new BillDifference.Part(Cause.PRICE_DIFFERENCE, cny("-10.00"), ids("c")),
                        new BillDifference.Part(Cause.CUSTOMER_VOUCHER, cny("5.00"), ids("c")),
                        new BillDifference.Part(Cause.REFUND, cny("2.00"), ids("r")),
                        // (-8 - -9) + (24 - 27)
                        new BillDifference.Part(Cause.CONFIGURATION_CHANGE, cny("-2.00"), ids("u-", "u+")),
                        new BillDifference.Part(Cause.BILL_ADJUSTMENT, cny("-2.40"), ids("adj")));
        assertThat(r.difference()).isEqualTo(cny("-7.40"));
        assertThat(r.rowCountA()).isEqualTo(5);
        assertThat(r.rowCountB()).isEqualTo(4);
    }

    @Test
    @Tag("RES-4")
    void originalPrice_rowsWithoutDifferenceAreNotListed() {
        BillDifference r = MONTH.originalPriceDifference();
        // A: 100 - 16 - 8 + 30 - 2.40 = 103.60; B: 100 - 18 - 9 + 30 = 103
        assertThat(r.parts())
                .containsExactly(
                        new BillDifference.Part(Cause.REFUND, cny("2.00"), ids("r")),
                        new BillDifference.Part(Cause.CONFIGURATION_CHANGE, cny("1.00"), ids("u-")),
                        new BillDifference.Part(Cause.BILL_ADJUSTMENT, cny("-2.40"), ids("adj")));
        assertThat(r.amountOf(Cause.PRICE_DIFFERENCE)).isEqualTo(cny("0"));
        assertThat(r.amountOf(Cause.CUSTOMER_VOUCHER)).isEqualTo(cny("0"));
        assertThat(r.difference()).isEqualTo(cny("0.60"));
    }

    @Test
    void of_rowsThatDoNotPairUp_areRefusedNamingTheRow() {
        List<BillBRow> rows = MONTH.billB().rows();
        List<BillBRow> repeated = new ArrayList<>(rows);
        repeated.add(rows.get(1));
        assertThatThrownBy(() -> BillDifference.of(MONTH.billA(), withRows(repeated), Measure.TOTAL))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Bill B repeats line item r");
        List<BillBRow> withAdjustment = new ArrayList<>(rows);
        withAdjustment.add(renamed(rows.get(0), "adj"));
        assertThatThrownBy(() -> BillDifference.of(MONTH.billA(), withRows(withAdjustment), Measure.ORIGINAL_PRICE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Bill B shows adjustment adj");
        assertThatThrownBy(() -> BillDifference.of(MONTH.billA(), withRows(rows.subList(1, 4)), Measure.TOTAL))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("line item c is in Bill A but not in Bill B");
        List<BillBRow> extra = new ArrayList<>(rows);
        extra.add(renamed(rows.get(0), "not-in-a"));
        assertThatThrownBy(() -> BillDifference.of(MONTH.billA(), withRows(extra), Measure.TOTAL))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Bill B has rows that are not in Bill A");
    }
}
