package org.cloudbilling.allocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.cloudbilling.core.bill.LineItem;
import org.cloudbilling.core.bill.TagBindings;
import org.cloudbilling.core.time.BillingCalendar;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Hostile sharing graphs and unit trees (issue 15, rows 1, 2 and 3). */
@Tag("ALLOC-13")
@Tag("bad-input")
class SharingGraphTest {

    /** Units a0..an and b0..bn under a root; a_i and b_i each share evenly to a_(i+1) and b_(i+1). */
    static AllocationRuleSet diamond(int levels) {
        List<AllocationUnit> units = new ArrayList<>(List.of(AllocationUnit.root("acme", "Acme")));
        List<SharingRule> sharing = new ArrayList<>();
        for (int i = 0; i <= levels; i++) {
            units.add(AllocationUnit.child("a" + i, "A" + i, "acme"));
            units.add(AllocationUnit.child("b" + i, "B" + i, "acme"));
        }
        for (int i = 0; i < levels; i++) {
            List<UnitId> next = List.of(UnitId.of("a" + (i + 1)), UnitId.of("b" + (i + 1)));
            sharing.add(SharingRule.even("sa" + i, SharingSource.collectedBy("a" + i), next));
            sharing.add(SharingRule.even("sb" + i, SharingSource.collectedBy("b" + i), next));
        }
        return AllocationRuleSet.of(
                units,
                List.of(AllocationRule.of("r-a0", "a0", Condition.in(AllocationDimension.OWNER_UIN, "1"))),
                sharing,
                Set.of());
    }

    /** Units u0..un in one chain (u_i the parent of u_(i+1)); u_i shares everything to u_(i+1). */
    static AllocationRuleSet chain(int rules) {
        List<AllocationUnit> units = new ArrayList<>(List.of(AllocationUnit.root("u0", "U0")));
        List<SharingRule> sharing = new ArrayList<>();
        for (int i = 1; i <= rules; i++) {
            units.add(AllocationUnit.child("u" + i, "U" + i, "u" + (i - 1)));
            sharing.add(SharingRule.even(
                    "s" + (i - 1), SharingSource.collectedBy("u" + (i - 1)), List.of(UnitId.of("u" + i))));
        }
        return AllocationRuleSet.of(
                units,
                List.of(AllocationRule.of("r-u0", "u0", Condition.in(AllocationDimension.OWNER_UIN, "1"))),
                sharing,
                Set.of());
    }

    private static LineItem item(String id, String amount) {
        return WorkedExample.item(id, "1", "p_cvm", null, "2024-09-05T10:00", amount, null);
    }

    private static List<String> rows(AllocationRuleSet rules, LineItem... items) {
        return Allocation.allocate(rules, List.of(items), TagBindings.empty(), BillingCalendar.TENCENT).rows().stream()
                .map(r -> r.unit().orElseThrow() + " " + r.type() + " "
                        + r.amount().amount().toPlainString() + " " + r.rule().orElseThrow())
                .toList();
    }

    @Test
    void diamondOf26Levels_mergesAtEachUnit_oneRowPerUnitAndRule() {
        // 100.00 enters a0; every level holds 50.00 in a_i and 50.00 in b_i, and the last level gets 25.00 from
        // each of the two rules of level 25: four rows, not 2^26
        assertThat(rows(diamond(26), item("i", "100.00")))
                .containsExactlyInAnyOrder(
                        "a26 SHARED 25.00 sa25", "b26 SHARED 25.00 sa25",
                        "a26 SHARED 25.00 sb25", "b26 SHARED 25.00 sb25");
    }

    @Test
    void diamondOf26Levels_smallAmount_endsEvenlyOnBothSides() {
        // per path, 0.01 / 2^26 rounded to the cent sent everything to a26 and nothing to b26; merged, every level
        // holds 0.005 in a_i and 0.005 in b_i, and each rule of level 25 passes 0.0025 to each of a26 and b26
        assertThat(rows(diamond(26), item("i", "0.01")))
                .containsExactlyInAnyOrder(
                        "a26 SHARED 0.0025 sa25", "b26 SHARED 0.0025 sa25",
                        "a26 SHARED 0.0025 sb25", "b26 SHARED 0.0025 sb25");
    }

    @Test
    void chainOf2000Rules_doesNotOverflowTheStack() {
        assertThat(rows(chain(2_000), item("i", "7.00"))).containsExactly("u2000 SHARED 7.00 s1999");
    }

    @Test
    void chainAsLongAsTheLimit_isAccepted_oneMoreRuleIsRefusedNamingIt() {
        assertThat(rows(chain(AllocationRuleSet.MAX_SHARING_DEPTH), item("i", "1.00")))
                .containsExactly("u10000 SHARED 1.00 s9999");
        assertThatThrownBy(() -> chain(AllocationRuleSet.MAX_SHARING_DEPTH + 1))
                .isInstanceOf(RuleSetException.class)
                .hasMessage("invalid rule set: $.sharingRules[0]: sharing rule s0 starts a chain of 10001 sharing"
                        + " rules; at most 10000 may follow one another");
    }

    @Test
    void sharingCycle_deepInALongChain_isStillRefused() {
        List<AllocationUnit> units = new ArrayList<>(List.of(AllocationUnit.root("u0", "U0")));
        List<SharingRule> sharing = new ArrayList<>();
        for (int i = 1; i <= 5_000; i++) {
            units.add(AllocationUnit.child("u" + i, "U" + i, "u0"));
            sharing.add(
                    SharingRule.even("s" + i, SharingSource.collectedBy("u" + (i - 1)), List.of(UnitId.of("u" + i))));
        }
        sharing.add(SharingRule.even("back", SharingSource.collectedBy("u5000"), List.of(UnitId.of("u4999"))));
        assertThatThrownBy(() -> AllocationRuleSet.of(units, List.of(), sharing, Set.of()))
                .isInstanceOf(RuleSetException.class)
                .hasMessageContaining("sharing rules pass costs around a cycle:")
                .hasMessageEndingWith("u4999, u5000, u4999]");
    }

    @Test
    void unitTreeThatIsAChainOf100000Units_isChecked() {
        List<AllocationUnit> units = new ArrayList<>(List.of(AllocationUnit.root("u0", "U0")));
        for (int i = 1; i < AllocationRuleSet.MAX_UNITS; i++) {
            units.add(AllocationUnit.child("u" + i, "U" + i, "u" + (i - 1)));
        }
        UnitTree tree = UnitTree.of(units);
        assertThat(tree.subtree(UnitId.of("u99998"))).containsExactly(UnitId.of("u99998"), UnitId.of("u99999"));
        // the same chain with its first link closed into a loop elsewhere: the cycle is found and named, and the
        // 99,997 units hanging below it are not reported as part of it
        List<AllocationUnit> looped = new ArrayList<>(units);
        looped.set(1, AllocationUnit.child("u1", "U1", "u2"));
        looped.set(0, AllocationUnit.root("other", "Other"));
        assertThatThrownBy(() -> UnitTree.of(looped))
                .isInstanceOf(RuleSetException.class)
                .hasMessage("invalid rule set: $.units: units form a cycle through [u1, u2]");
    }

    @Test
    void moreUnitsThanTheLimit_areRefusedNamingTheFirstOneTooMany() {
        List<AllocationUnit> units = new ArrayList<>(List.of(AllocationUnit.root("u0", "U0")));
        for (int i = 1; i <= AllocationRuleSet.MAX_UNITS; i++) {
            units.add(AllocationUnit.child("u" + i, "U" + i, "u0"));
        }
        assertThatThrownBy(() -> AllocationRuleSet.of(units, List.of(), List.of(), Set.of()))
                .isInstanceOf(RuleSetException.class)
                .hasMessage("invalid rule set: $.units[100000]: unit u100000 is one too many: a rule set has at most"
                        + " 100000 units, this one 100001");
    }

    @Test
    void moreRulesThanTheLimit_areRefusedNamingTheFirstOneTooMany() {
        List<AllocationUnit> units = List.of(AllocationUnit.root("u0", "U0"), AllocationUnit.child("u1", "U1", "u0"));
        List<AllocationRule> collection = new ArrayList<>();
        for (int i = 0; i < AllocationRuleSet.MAX_RULES; i++) {
            collection.add(AllocationRule.of("r" + i, "u1", Condition.in(AllocationDimension.OWNER_UIN, "1")));
        }
        List<SharingRule> sharing =
                List.of(SharingRule.even("s", SharingSource.collectedBy("u1"), List.of(UnitId.of("u0"))));
        assertThatThrownBy(() -> AllocationRuleSet.of(units, collection, sharing, Set.of()))
                .isInstanceOf(RuleSetException.class)
                .hasMessage("invalid rule set: $.sharingRules[0]: rule s is one too many: a rule set has at most 100000"
                        + " rules, this one 100001");
    }

    @Test
    void explain_namesEachRuleOfADiamondOnce() {
        Allocator allocator = Allocator.compile(diamond(26));
        Explanation e = allocator.explain(item("i", "1.00"), TagBindings.empty());
        // collected into a0: sa0, then sa_i and sb_i for i = 1..25 (b0 receives nothing, so sb0 is not on it)
        assertThat(e.sharingChain()).hasSize(51);
        assertThat(new HashSet<>(e.sharingChain())).hasSize(51);
    }
}
