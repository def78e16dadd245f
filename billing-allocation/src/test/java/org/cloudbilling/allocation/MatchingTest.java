package org.cloudbilling.allocation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.cloudbilling.core.bill.LineItem;
import org.cloudbilling.core.bill.TagBindings;
import org.cloudbilling.core.id.TagKey;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("ALLOC-2")
class MatchingTest {
    private static final TagKey TEAM = TagKey.of("team");

    private static boolean matches(Condition c, LineItem item) {
        return new RuleIndex(List.of(c)).firstMatch(new ItemView(item, TagBindings.empty())) == 0;
    }

    private static LineItem item(String owner, String product, String team) {
        return WorkedExample.item("i", owner, product, null, "2024-09-05T10:00", "1.00", team);
    }

    @Test
    void in_andNotIn_overOneDimension() {
        assertThat(matches(Condition.in(AllocationDimension.OWNER_UIN, "1", "2"), item("2", "p", null)))
                .isTrue();
        assertThat(matches(Condition.in(AllocationDimension.OWNER_UIN, "1", "2"), item("3", "p", null)))
                .isFalse();
        assertThat(matches(Condition.notIn(AllocationDimension.OWNER_UIN, "1"), item("3", "p", null)))
                .isTrue();
        assertThat(matches(Condition.notIn(AllocationDimension.OWNER_UIN, "3"), item("3", "p", null)))
                .isFalse();
    }

    @Test
    void absentValue_isInNoList_andNotInEvery() {
        LineItem untagged = item("1", "p", null);
        assertThat(matches(Condition.tagIn(TEAM, "web"), untagged)).isFalse();
        assertThat(matches(Condition.tagNotIn(TEAM, "web"), untagged)).isTrue();
        assertThat(matches(Condition.in(AllocationDimension.PROJECT_ID, "0"), untagged))
                .isFalse();
        assertThat(matches(Condition.notIn(AllocationDimension.PROJECT_ID, "0"), untagged))
                .isTrue();
    }

    @Test
    void andOr_nestThreeLevels() {
        // (product in [p_cvm] and (team in [web] or (owner not in [9] and team not in [data])))
        Condition c = Condition.and(
                Condition.in(AllocationDimension.BUSINESS_CODE, "p_cvm"),
                Condition.or(
                        Condition.tagIn(TEAM, "web"),
                        Condition.and(
                                Condition.notIn(AllocationDimension.OWNER_UIN, "9"),
                                Condition.tagNotIn(TEAM, "data"))));
        assertThat(matches(c, item("9", "p_cvm", "web"))).isTrue();
        assertThat(matches(c, item("1", "p_cvm", "ops"))).isTrue();
        assertThat(matches(c, item("9", "p_cvm", "ops"))).isFalse();
        assertThat(matches(c, item("1", "p_cvm", "data"))).isFalse();
        assertThat(matches(c, item("1", "p_cos", "web"))).isFalse();
        assertThat(c.describe())
                .isEqualTo("(businessCode in [p_cvm] and (tag:team in [web] or (ownerUin not in [9] and tag:team not"
                        + " in [data])))");
    }

    @Test
    void everyDimension_isTestable() {
        LineItem item = org.cloudbilling.core.testing.BillFixtures.CVM_HOUR;
        String[][] expected = {
            {"ownerUin", "100000000002"}, {"operatorUin", "100000000003"}, {"businessCode", "p_cvm"},
            {"productCode", "sp_cvm_s5"}, {"itemCode", "v_cvm_cpu"}, {"projectId", "0"},
            {"regionId", "ap-guangzhou"}, {"resourceId", "ins-8f3k2j1a"}, {"payMode", "POSTPAID"},
            {"instanceType", "S5.MEDIUM4"}, {"actionType", "USAGE"}
        };
        for (String[] e : expected) {
            AllocationDimension d = AllocationDimension.fromJsonName(e[0]).orElseThrow();
            assertThat(matches(Condition.in(d, e[1]), item)).as(e[0]).isTrue();
            assertThat(matches(Condition.in(d, e[1] + "x"), item)).as(e[0]).isFalse();
        }
        assertThat(matches(Condition.tagIn(TagKey.of(" org"), "Finance & Ops"), item))
                .isTrue();
        assertThat(Set.of(AllocationDimension.values())).hasSize(12);
    }
}
