package org.cloudbilling.allocation;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.cloudbilling.core.bill.ActionType;
import org.cloudbilling.core.bill.LineItem;
import org.cloudbilling.core.bill.PayMode;
import org.cloudbilling.core.bill.TagBinding;
import org.cloudbilling.core.bill.TagBindings;
import org.cloudbilling.core.id.BusinessCode;
import org.cloudbilling.core.id.LineItemId;
import org.cloudbilling.core.id.OwnerUin;
import org.cloudbilling.core.id.PayerUin;
import org.cloudbilling.core.id.ResourceId;
import org.cloudbilling.core.id.Tag;
import org.cloudbilling.core.id.TagKey;
import org.cloudbilling.core.money.Money;
import org.cloudbilling.core.time.Interval;

/**
 * The worked example of docs/allocation.md: Acme, three departments, a tag rule, a resource re-tagged on
 * 17 September, a refund, two rules matching one cost, and a network cost shared in proportion. Public, for the tests
 * of modules that build on allocation (the DuckDB comparison of the examples).
 */
public final class WorkedExample {
    private WorkedExample() {}

    public static final TagKey TEAM = TagKey.of("team");

    public static final AllocationRuleSet RULES = AllocationRuleSet.of(
            List.of(
                    AllocationUnit.root("acme", "Acme"),
                    AllocationUnit.child("web", "Web", "acme"),
                    AllocationUnit.child("data", "Data", "acme"),
                    AllocationUnit.child("mobile", "Mobile", "acme")),
            List.of(
                    AllocationRule.of(
                            "r-web",
                            "web",
                            Condition.and(
                                    Condition.in(AllocationDimension.BUSINESS_CODE, "p_cvm"),
                                    Condition.tagIn(TEAM, "web"))),
                    AllocationRule.of(
                            "r-data",
                            "data",
                            Condition.or(
                                    Condition.tagIn(TEAM, "data"),
                                    Condition.in(AllocationDimension.BUSINESS_CODE, "p_emr"))),
                    AllocationRule.of("r-mobile", "mobile", Condition.in(AllocationDimension.OWNER_UIN, "200"))),
            List.of(SharingRule.proportional(
                    "s-network",
                    SharingSource.matching(Condition.in(AllocationDimension.BUSINESS_CODE, "p_vpc")),
                    List.of(UnitId.of("web"), UnitId.of("data"), UnitId.of("mobile")),
                    ZeroBaseFallback.EVEN)),
            Set.of(TEAM));

    /** ins-1 carries team=web until 00:00 on 17 September (UTC+8), then team=data. */
    public static final List<TagBinding> BINDINGS = List.of(
            TagBinding.of(ResourceId.of("ins-1"), Tag.of("team", "web"), at("2024-09-01T00:00"))
                    .endedAt(at("2024-09-17T00:00"), TagBinding.End.UNBOUND),
            TagBinding.of(ResourceId.of("ins-1"), Tag.of("team", "data"), at("2024-09-17T00:00")));

    /** {@link #BINDINGS} as a tag history. */
    static final TagBindings TAGS = TagBindings.of(BINDINGS);

    public static final List<LineItem> ITEMS = List.of(
            item("i1", "100", "p_cvm", "ins-1", "2024-09-05T10:00", "100.00", null),
            item("i2", "100", "p_cvm", "ins-1", "2024-09-20T10:00", "60.00", null),
            item("i3", "100", "p_emr", "emr-1", "2024-09-10T10:00", "240.00", null),
            item("i4", "200", "p_cvm", "ins-2", "2024-09-03T10:00", "200.00", null),
            item("i5", "300", "p_cdn", null, "2024-09-12T10:00", "15.00", null),
            item("i6", "100", "p_vpc", "vpc-1", "2024-09-30T10:00", "50.00", null),
            item("i7", "100", "p_cvm", "ins-1", "2024-09-25T10:00", "-10.00", null),
            item("i8", "200", "p_cvm", "ins-9", "2024-09-08T10:00", "30.00", "web"));

    /** An instant written in UTC+8 local time. */
    public static Instant at(String localUtc8) {
        return java.time.LocalDateTime.parse(localUtc8).toInstant(java.time.ZoneOffset.ofHours(8));
    }

    /**
     * An hour of {@code product} from {@code hour} (UTC+8) costing {@code total} CNY (a refund when negative), on
     * {@code resource} if not null, tagged team={@code billTeam} on the bill if not null.
     */
    public static LineItem item(
            String id, String owner, String product, String resource, String hour, String total, String billTeam) {
        LineItem.Builder b = LineItem.builder()
                .id(LineItemId.of(id))
                .ownerUin(OwnerUin.of(owner))
                .payerUin(PayerUin.of("100"))
                .businessCode(BusinessCode.of(product))
                .payMode(PayMode.POSTPAID)
                .actionType(total.startsWith("-") ? ActionType.REFUND : ActionType.USAGE)
                .feePeriod(Interval.of(at(hour), at(hour).plusSeconds(3600)))
                .listCost(Money.of("CNY", total))
                .totalCost(Money.of("CNY", total));
        if (resource != null) {
            b.resourceId(ResourceId.of(resource));
        }
        if (billTeam != null) {
            b.putTag(TEAM, billTeam);
        }
        return b.build();
    }
}
