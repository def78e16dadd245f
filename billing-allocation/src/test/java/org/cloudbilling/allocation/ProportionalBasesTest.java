package org.cloudbilling.allocation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Currency;
import java.util.List;
import org.cloudbilling.core.bill.LineItem;
import org.cloudbilling.core.bill.TagBindings;
import org.cloudbilling.core.money.Money;
import org.cloudbilling.core.time.BillingCalendar;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The bases of a proportional split: collected cost only, from the first rules on too. */
@Tag("ALLOC-5")
class ProportionalBasesTest {
    private static final Currency CNY = Currency.getInstance("CNY");

    @Test
    void prepare_costOfTheFirstSharingRule_isNoBase_costOfTheFirstCollectionRuleIs() {
        AllocationRuleSet rules = WebAndDataMonth.rules();
        // n is owner 1's too, but the sharing rule takes it: it is no part of web's base
        List<LineItem> items = List.of(
                WebAndDataMonth.item("a", "1", "p_cvm", "30.00"),
                WebAndDataMonth.item("b", "2", "p_cvm", "10.00"),
                WebAndDataMonth.item("n", "1", "p_vpc", "8.00"));

        AllocationBill bill = Allocation.allocate(rules, items, TagBindings.empty(), BillingCalendar.TENCENT);

        assertThat(bill.run().collectedCost(CNY))
                .containsOnly(
                        java.util.Map.entry(UnitId.of("web"), Money.of("CNY", "30.00")),
                        java.util.Map.entry(UnitId.of("data"), Money.of("CNY", "10.00")));
        // 8.00 x 30/40 = 6.00 and 8.00 x 10/40 = 2.00
        assertThat(bill.rowsOf(org.cloudbilling.core.id.LineItemId.of("n")))
                .extracting(
                        r -> r.unit().orElseThrow() + " " + r.amount().amount().toPlainString())
                .containsExactly("data 2.00", "web 6.00");
    }
}
