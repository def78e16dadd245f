package org.cloudbilling.allocation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.cloudbilling.core.bill.TagBindings;
import org.cloudbilling.core.id.TagKey;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The anchors a rule index files conditions under, and first matches merged from several candidate lists. */
@Tag("ALLOC-2")
@Tag("ALLOC-3")
class RuleIndexTest {
    private static final Condition OWNER_1 = Condition.in(AllocationDimension.OWNER_UIN, "1");
    private static final Condition OWNER_123 = Condition.in(AllocationDimension.OWNER_UIN, "1", "2", "3");
    private static final Condition REGION_R = Condition.in(AllocationDimension.REGION_ID, "r");
    private static final Condition PROJECT_P = Condition.in(AllocationDimension.PROJECT_ID, "p");
    private static final Condition NOT_PRODUCT_X = Condition.notIn(AllocationDimension.BUSINESS_CODE, "x");

    private static ItemView item(String owner, String product) {
        return new ItemView(
                WorkedExample.item("i", owner, product, null, "2024-09-05T10:00", "1.00", null), TagBindings.empty());
    }

    @Test
    void anchor_ofInIsItself_ofNotInIsNone() {
        assertThat(RuleIndex.anchor(OWNER_1)).containsExactly((Condition.In) OWNER_1);
        assertThat(RuleIndex.anchor(NOT_PRODUCT_X)).isNull();
        assertThat(RuleIndex.anchor(Condition.tagNotIn(TagKey.of("team"), "web")))
                .isNull();
    }

    @Test
    void anchor_ofAnd_isItsAnchoredPartWithFewestValues_theFirstOnATie() {
        assertThat(RuleIndex.anchor(Condition.and(OWNER_123, NOT_PRODUCT_X, REGION_R)))
                .containsExactly((Condition.In) REGION_R);
        assertThat(RuleIndex.anchor(Condition.and(OWNER_1, REGION_R))).containsExactly((Condition.In) OWNER_1);
        assertThat(RuleIndex.anchor(Condition.and(REGION_R, OWNER_1))).containsExactly((Condition.In) REGION_R);
        assertThat(RuleIndex.anchor(Condition.and(OWNER_1, NOT_PRODUCT_X))).containsExactly((Condition.In) OWNER_1);
        assertThat(RuleIndex.anchor(Condition.and(NOT_PRODUCT_X))).isNull();
        // an 'or' of two single values (2 values) beats three owners (3 values)
        assertThat(RuleIndex.anchor(Condition.and(OWNER_123, Condition.or(REGION_R, PROJECT_P))))
                .containsExactly((Condition.In) REGION_R, (Condition.In) PROJECT_P);
    }

    @Test
    void anchor_ofOr_isTheUnionOfItsParts_orNoneWhenAPartHasNone() {
        assertThat(RuleIndex.anchor(Condition.or(OWNER_1, Condition.and(REGION_R, NOT_PRODUCT_X))))
                .containsExactly((Condition.In) OWNER_1, (Condition.In) REGION_R);
        assertThat(RuleIndex.anchor(Condition.or(OWNER_1, NOT_PRODUCT_X))).isNull();
    }

    @Test
    void firstMatch_mergesCandidateListsInPrecedenceOrder() {
        // 0 is filed under owner 1, 1 has no anchor, 2 is filed under product p
        RuleIndex index = new RuleIndex(List.of(
                Condition.and(OWNER_1, Condition.in(AllocationDimension.BUSINESS_CODE, "x")),
                Condition.notIn(AllocationDimension.OWNER_UIN, "1"),
                Condition.in(AllocationDimension.BUSINESS_CODE, "p")));
        assertThat(index.firstMatch(item("1", "p"))).isEqualTo(2);
        assertThat(index.allMatches(item("1", "p"))).containsExactly(2);
        assertThat(index.firstMatch(item("1", "x"))).isEqualTo(0);
        assertThat(index.firstMatch(item("2", "p"))).isEqualTo(1);
        assertThat(index.allMatches(item("2", "p"))).containsExactly(1, 2);
        assertThat(index.firstMatch(item("1", "q")))
                .as("two candidate lists, no match")
                .isEqualTo(-1);
        assertThat(index.allMatches(item("1", "q"))).isEmpty();
    }

    @Test
    void firstMatch_withoutAnyCandidate_isMinusOne() {
        RuleIndex index = new RuleIndex(List.of(OWNER_1, REGION_R));
        assertThat(index.firstMatch(item("7", "p"))).isEqualTo(-1);
        assertThat(new RuleIndex(List.of()).firstMatch(item("7", "p"))).isEqualTo(-1);
    }

    @Test
    void firstMatch_conditionFiledTwiceUnderOneValue_isFoundOnce() {
        RuleIndex index = new RuleIndex(List.of(
                Condition.or(OWNER_1, Condition.in(AllocationDimension.OWNER_UIN, "1", "2")),
                Condition.in(AllocationDimension.BUSINESS_CODE, "p")));
        assertThat(index.allMatches(item("1", "p"))).containsExactly(0, 1);
        assertThat(index.firstMatch(item("1", "p"))).isEqualTo(0);
    }
}
