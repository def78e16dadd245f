package org.cloudbilling.allocation;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableListMultimap;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The tree of cost allocation units (ALLOC-1): one root, unique ids, every parent present, no cycles.
 *
 * <pre>{@code
 * UnitTree tree = UnitTree.of(List.of(
 *         AllocationUnit.root("acme", "Acme"),
 *         AllocationUnit.child("web", "Web team", "acme"),
 *         AllocationUnit.child("data", "Data team", "acme")));
 * tree.subtree(UnitId.of("acme"));   // acme, web, data
 * }</pre>
 */
public final class UnitTree {
    private final UnitId root;
    private final ImmutableMap<UnitId, AllocationUnit> units;
    private final ImmutableListMultimap<UnitId, UnitId> children;

    private UnitTree(UnitId root, ImmutableMap<UnitId, AllocationUnit> units) {
        this.root = root;
        this.units = units;
        ImmutableListMultimap.Builder<UnitId, UnitId> c = ImmutableListMultimap.builder();
        for (AllocationUnit u : units.values()) {
            u.parent().ifPresent(p -> c.put(p, u.id()));
        }
        this.children = c.build();
    }

    /**
     * Checks and returns the tree of {@code units}.
     *
     * @param units the units, in any order, not null
     * @return the tree, never null
     * @throws RuleSetException naming every offending id: duplicates, missing parents, no root or several
     *     roots, cycles
     */
    public static UnitTree of(List<AllocationUnit> units) {
        List<RuleSetProblem> problems = problems(units, "units");
        if (!problems.isEmpty()) {
            throw new RuleSetException(problems);
        }
        Map<UnitId, AllocationUnit> byId = new LinkedHashMap<>();
        units.forEach(u -> byId.put(u.id(), u));
        UnitId root = units.stream()
                .filter(u -> u.parent().isEmpty())
                .findFirst()
                .orElseThrow()
                .id();
        return new UnitTree(root, ImmutableMap.copyOf(byId));
    }

    /** Returns every problem of {@code units} as a tree, each at its path under {@code path}. */
    static List<RuleSetProblem> problems(List<AllocationUnit> units, String path) {
        requireNonNull(units, "units");
        List<RuleSetProblem> problems = new ArrayList<>();
        Map<UnitId, AllocationUnit> byId = new HashMap<>();
        List<UnitId> roots = new ArrayList<>();
        for (int i = 0; i < units.size(); i++) {
            AllocationUnit u = units.get(i);
            if (byId.putIfAbsent(u.id(), u) != null) {
                problems.add(RuleSetProblem.at(path + "[" + i + "].id", "duplicate unit id " + u.id()));
            }
            if (u.parent().isEmpty()) {
                roots.add(u.id());
            }
        }
        if (units.isEmpty()) {
            problems.add(RuleSetProblem.at(path, "the unit tree is empty: it needs a root"));
        } else if (roots.isEmpty()) {
            problems.add(RuleSetProblem.at(path, "the unit tree has no root (a unit without parent)"));
        } else if (roots.size() > 1) {
            problems.add(RuleSetProblem.at(path, "the unit tree has " + roots.size() + " roots: " + roots));
        }
        for (int i = 0; i < units.size(); i++) {
            AllocationUnit u = units.get(i);
            if (u.parent().isPresent() && !byId.containsKey(u.parent().get())) {
                problems.add(RuleSetProblem.at(
                        path + "[" + i + "].parent",
                        "unit " + u.id() + " names unknown parent " + u.parent().get()));
            }
        }
        // Each unit is walked once: a walk stops at a unit already settled (on a path to the root, or in a
        // cycle found before), so checking is linear in the units however deep the tree is (ALLOC-13).
        Set<UnitId> inCycle = new TreeSet<>();
        Map<UnitId, Integer> walkOf = new HashMap<>(); // the walk that first reached each unit
        for (int start = 0; start < units.size(); start++) {
            List<UnitId> walk = new ArrayList<>();
            Map<UnitId, Integer> positionInWalk = new HashMap<>();
            UnitId current = units.get(start).id();
            while (current != null && byId.containsKey(current) && !walkOf.containsKey(current)) {
                walkOf.put(current, start);
                positionInWalk.put(current, walk.size());
                walk.add(current);
                current = byId.get(current).parent().orElse(null);
            }
            if (current != null && walkOf.containsKey(current) && walkOf.get(current) == start) {
                inCycle.addAll(walk.subList(positionInWalk.get(current), walk.size()));
            }
        }
        if (!inCycle.isEmpty()) {
            problems.add(RuleSetProblem.at(path, "units form a cycle through " + inCycle));
        }
        return problems;
    }

    /** Returns the root's id, never null. */
    public UnitId root() {
        return root;
    }

    /** Returns every unit by id, in the order given, never null. */
    public ImmutableMap<UnitId, AllocationUnit> units() {
        return units;
    }

    /** Returns whether the tree has a unit {@code id}. */
    public boolean contains(UnitId id) {
        return units.containsKey(id);
    }

    /**
     * Returns the unit {@code id}.
     *
     * @throws IllegalArgumentException if the tree has no such unit
     */
    public AllocationUnit unit(UnitId id) {
        AllocationUnit u = units.get(id);
        if (u == null) {
            throw new IllegalArgumentException("unknown allocation unit " + id);
        }
        return u;
    }

    /** Returns the direct children of {@code id}, in the order given, never null. */
    public ImmutableList<UnitId> children(UnitId id) {
        return children.get(id);
    }

    /** Returns {@code id} and every unit below it, parents before children, never null. */
    public ImmutableSet<UnitId> subtree(UnitId id) {
        unit(id);
        ImmutableSet.Builder<UnitId> out = ImmutableSet.builder();
        Deque<UnitId> todo = new ArrayDeque<>(List.of(id));
        while (!todo.isEmpty()) {
            UnitId next = todo.removeFirst();
            out.add(next);
            todo.addAll(children.get(next));
        }
        return out.build();
    }

    @Override
    public boolean equals(Object obj) {
        return obj instanceof UnitTree && ((UnitTree) obj).units.equals(units);
    }

    @Override
    public int hashCode() {
        return units.hashCode();
    }

    @Override
    public String toString() {
        return "UnitTree[root=" + root + ", " + units.size() + " units]";
    }
}
