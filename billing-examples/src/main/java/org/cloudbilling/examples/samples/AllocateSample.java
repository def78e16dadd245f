package org.cloudbilling.examples.samples;

import static org.cloudbilling.examples.samples.SampleItems.item;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Currency;
import java.util.List;
import java.util.Set;
import org.cloudbilling.allocation.Allocation;
import org.cloudbilling.allocation.AllocationBill;
import org.cloudbilling.allocation.AllocationDimension;
import org.cloudbilling.allocation.AllocationRule;
import org.cloudbilling.allocation.AllocationRuleSet;
import org.cloudbilling.allocation.AllocationType;
import org.cloudbilling.allocation.AllocationUnit;
import org.cloudbilling.allocation.Condition;
import org.cloudbilling.allocation.SharingRule;
import org.cloudbilling.allocation.SharingSource;
import org.cloudbilling.allocation.UnitId;
import org.cloudbilling.allocation.UnitScope;
import org.cloudbilling.core.bill.LineItem;
import org.cloudbilling.core.bill.TagBindings;
import org.cloudbilling.core.id.LineItemId;
import org.cloudbilling.core.id.TagKey;
import org.cloudbilling.core.time.BillingCalendar;

/**
 * Allocating with units, rules and a shared cost: three departments collect their costs by tag, product and
 * account; the network is shared evenly, and its leftover cent goes to the unit with the smallest id.
 */
public final class AllocateSample {
    private AllocateSample() {}

    /**
     * Prints the sample's output.
     *
     * @param args none
     */
    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        run(out);
        out.flush();
    }

    static void run(PrintWriter out) {
        List<AllocationUnit> units = List.of(
                AllocationUnit.root("acme", "Acme"),
                AllocationUnit.child("web", "Web", "acme"),
                AllocationUnit.child("data", "Data", "acme"),
                AllocationUnit.child("mobile", "Mobile", "acme"));
        TagKey team = TagKey.of("team");
        List<AllocationRule> collection = List.of( // the first matching rule wins
                AllocationRule.of("r-web", "web", Condition.tagIn(team, "web")),
                AllocationRule.of(
                        "r-data",
                        "data",
                        Condition.or(
                                Condition.in(AllocationDimension.BUSINESS_CODE, "p_emr"),
                                Condition.tagIn(team, "data"))),
                AllocationRule.of("r-mobile", "mobile", Condition.in(AllocationDimension.OWNER_UIN, "200")));
        SharingRule network = SharingRule.even(
                "s-network",
                SharingSource.matching(Condition.in(AllocationDimension.BUSINESS_CODE, "p_vpc")),
                List.of(UnitId.of("web"), UnitId.of("data"), UnitId.of("mobile")));
        AllocationRuleSet rules = AllocationRuleSet.of(units, collection, List.of(network), Set.of(team));

        List<LineItem> september = List.of(
                item("i1", "100", "p_cvm", "2024-09-05T02:00:00Z", "100.00", "web"),
                item("i2", "100", "p_cvm", "2024-09-06T02:00:00Z", "60.00", "data"),
                item("i3", "100", "p_emr", "2024-09-10T02:00:00Z", "240.00", null),
                item("i4", "300", "p_cdn", "2024-09-12T02:00:00Z", "15.00", null), // no rule: Unallocated
                item("i5", "100", "p_vpc", "2024-09-30T02:00:00Z", "10.00", null), // shared evenly
                item("i6", "200", "p_cvm", "2024-09-08T02:00:00Z", "100.00", null));

        AllocationBill bill = Allocation.allocate(rules, september, TagBindings.empty(), BillingCalendar.TENCENT);
        Currency cny = Currency.getInstance("CNY");
        for (String unit : List.of("web", "data", "mobile")) {
            out.println(unit + ": " + bill.summary().unitTotal(UnitId.of(unit), UnitScope.UNIT_ONLY, cny));
        }
        out.println("Unallocated: " + bill.summary().total(AllocationType.UNALLOCATED, cny));
        out.println(
                "acme with its subtree: " + bill.summary().unitTotal(UnitId.of("acme"), UnitScope.WITH_SUBTREE, cny));
        out.println("All rows: " + bill.summary().allocatedTotal(cny));
        out.println(bill.explain(LineItemId.of("i5")).text());
    }
}
