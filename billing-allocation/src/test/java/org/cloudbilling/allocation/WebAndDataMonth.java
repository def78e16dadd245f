package org.cloudbilling.allocation;

import java.util.List;
import java.util.Set;
import org.cloudbilling.core.bill.LineItem;

/**
 * The month the proportional-bases tests share (ALLOC-5): units web and data under acme, owner 1's items collected
 * by web and owner 2's by data, and every {@code p_vpc} item shared by rule {@code s-net} in proportion to web's
 * and data's collected cost (evenly when neither has any). Items are charged on 2024-09-05 in CNY.
 */
final class WebAndDataMonth {
    private WebAndDataMonth() {}

    /** The rule set: collection rules {@code r-web} (owner 1), {@code r-data} (owner 2), sharing rule {@code s-net}. */
    static AllocationRuleSet rules() {
        return AllocationRuleSet.of(
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
    }

    /** An item of the month: its id, owner, product (business code) and total cost in CNY. */
    static LineItem item(String id, String owner, String product, String amount) {
        return WorkedExample.item(id, owner, product, null, "2024-09-05T10:00", amount, null);
    }
}
