package org.cloudbilling.allocation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Currency;
import java.util.List;
import java.util.Set;
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

    private static LineItem item(String id, String owner, String product, String amount) {
        return WorkedExample.item(id, owner, product, null, "2024-09-05T10:00", amount, null);
    }

    @Test
    void prepare_costOfTheFirstSharingRule_isNoBase_costOfTheFirstCollectionRuleIs() {
        AllocationRuleSet rules = AllocationRuleSet.of(
                List.of(
                        AllocationUnit.root("acme", "Acme"),
                        AllocationUnit.child("web", "Web", "acme"),
                        AllocationUnit.child("data", "Data", "acme")),
                List.of(
                        AllocationRule.of("r-web", "web", Condition.in(AllocationDimension.OWNER_UIN, "1")),
                        AllocationRule.of("r-data", "data", Condition.in(AllocationDimension.OWNER_UIN, "2"))),
                List.of(SharingRule.proportional(
                        "s-net",
                        SharingSource.matching(Condition.in(AllocationDimension.BUSINESS_CODE, "p_vpc")),
                        List.of(UnitId.of("web"), UnitId.of("data")),
                        ZeroBaseFallback.EVEN)),
                Set.of());
        // n is owner 1's too, but the sharing rule takes it: it is no part of web's base
        List<LineItem> items = List.of(
                item("a", "1", "p_cvm", "30.00"), item("b", "2", "p_cvm", "10.00"), item("n", "1", "p_vpc", "8.00"));

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
