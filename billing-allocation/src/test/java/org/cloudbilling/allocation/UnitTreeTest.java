package org.cloudbilling.allocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("ALLOC-1")
class UnitTreeTest {

    @Test
    void validTree_answersSubtreesAndChildren() {
        UnitTree tree = UnitTree.of(List.of(
                AllocationUnit.child("web", "Web", "eng"),
                AllocationUnit.root("acme", "Acme"),
                AllocationUnit.child("eng", "Engineering", "acme"),
                AllocationUnit.child("ops", "Ops", "acme")));
        assertThat(tree.root()).isEqualTo(UnitId.of("acme"));
        assertThat(tree.subtree(UnitId.of("eng"))).containsExactly(UnitId.of("eng"), UnitId.of("web"));
        assertThat(tree.subtree(UnitId.of("acme"))).hasSize(4);
        assertThat(tree.children(UnitId.of("acme"))).containsExactly(UnitId.of("eng"), UnitId.of("ops"));
    }

    @Test
    void duplicateIds_areRefusedWithTheirPath() {
        assertThatThrownBy(() -> UnitTree.of(List.of(
                        AllocationUnit.root("acme", "Acme"),
                        AllocationUnit.child("web", "Web", "acme"),
                        AllocationUnit.child("web", "Web again", "acme"))))
                .isInstanceOf(RuleSetException.class)
                .hasMessage("invalid rule set: $.units[2].id: duplicate unit id web");
    }

    @Test
    void unknownParent_andTwoRoots_areEachReported() {
        assertThatThrownBy(() -> UnitTree.of(List.of(
                        AllocationUnit.root("acme", "Acme"),
                        AllocationUnit.root("other", "Other"),
                        AllocationUnit.child("web", "Web", "nowhere"))))
                .isInstanceOf(RuleSetException.class)
                .satisfies(e -> assertThat(((RuleSetException) e).problems())
                        .extracting(Object::toString)
                        .containsExactly(
                                "$.units: the unit tree has 2 roots: [acme, other]",
                                "$.units[2].parent: unit web names unknown parent nowhere"));
    }

    @Test
    void cycle_isRefusedNamingItsUnits() {
        assertThatThrownBy(() -> UnitTree.of(List.of(
                        AllocationUnit.root("acme", "Acme"),
                        AllocationUnit.child("a", "A", "b"),
                        AllocationUnit.child("b", "B", "c"),
                        AllocationUnit.child("c", "C", "a"))))
                .hasMessage("invalid rule set: $.units: units form a cycle through [a, b, c]");
        assertThatThrownBy(() -> UnitTree.of(
                        List.of(AllocationUnit.root("acme", "Acme"), AllocationUnit.child("self", "Self", "self"))))
                .hasMessage("invalid rule set: $.units: units form a cycle through [self]");
    }

    @Test
    void emptyTree_isRefused() {
        assertThatThrownBy(() -> UnitTree.of(List.of()))
                .hasMessage("invalid rule set: $.units: the unit tree is empty: it needs a root");
    }
}
