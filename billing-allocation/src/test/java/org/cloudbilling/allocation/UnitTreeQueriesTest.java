package org.cloudbilling.allocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Queries of a unit tree, its equality, and a tree whose every unit has a parent. */
@Tag("ALLOC-1")
class UnitTreeQueriesTest {
    private static final List<AllocationUnit> UNITS = List.of(
            AllocationUnit.root("acme", "Acme"),
            AllocationUnit.child("web", "Web", "acme"),
            AllocationUnit.child("data", "Data", "acme"));

    @Test
    void of_everyUnitWithAParent_hasNoRootAndACycle() {
        assertThatThrownBy(() ->
                        UnitTree.of(List.of(AllocationUnit.child("a", "A", "b"), AllocationUnit.child("b", "B", "a"))))
                .isInstanceOf(RuleSetException.class)
                .satisfies(e -> assertThat(((RuleSetException) e).problems())
                        .extracting(Object::toString)
                        .containsExactly(
                                "$.units: the unit tree has no root (a unit without parent)",
                                "$.units: units form a cycle through [a, b]"));
    }

    @Test
    void containsAndUnit_knowOnlyTheTreesUnits() {
        UnitTree tree = UnitTree.of(UNITS);
        assertThat(tree.contains(UnitId.of("web"))).isTrue();
        assertThat(tree.contains(UnitId.of("ops"))).isFalse();
        assertThat(tree.unit(UnitId.of("data"))).isEqualTo(UNITS.get(2));
        assertThatThrownBy(() -> tree.unit(UnitId.of("ops")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown allocation unit ops");
        assertThatThrownBy(() -> tree.subtree(UnitId.of("ops")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown allocation unit ops");
    }

    @Test
    void equals_sameUnits_andToStringNamesTheRoot() {
        UnitTree tree = UnitTree.of(UNITS);
        assertThat(tree).isEqualTo(UnitTree.of(UNITS)).hasSameHashCodeAs(UnitTree.of(UNITS));
        assertThat(tree).isNotEqualTo(UnitTree.of(UNITS.subList(0, 2))).isNotEqualTo(UNITS);
        assertThat(tree).hasToString("UnitTree[root=acme, 3 units]");
    }
}
