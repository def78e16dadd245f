package org.cloudbilling.allocation;

import java.util.Comparator;
import java.util.function.Consumer;
import org.cloudbilling.core.id.LineItemId;
import org.cloudbilling.core.money.Money;

/**
 * The items that reach one sharing rule in one currency, in the order that picks the rule's designated item (the
 * largest absolute input, then the smallest id; ALLOC-12): a persistent treap, so that a month's pools are shared
 * between versions and an item goes in or out in logarithmic time. Immutable.
 */
final class PoolMembers {
    /**
     * One item's entry in a pool.
     *
     * @param id the item's id
     * @param amount the item's total cost, what its flow starts with
     * @param entry the index of the sharing rule it enters the sharing graph by
     * @param input its absolute input to the pool's rule, without rounding corrections
     */
    record Member(LineItemId id, Money amount, int entry, Money input) {}

    /** The designated item comes first: the largest input, then the smallest id. */
    static final Comparator<Member> ORDER = (a, b) -> {
        int byInput = b.input().compareTo(a.input());
        return byInput != 0 ? byInput : a.id().compareTo(b.id());
    };

    static final PoolMembers EMPTY = new PoolMembers(null);

    private static final class Node {
        final Member member;
        final int priority;
        final Node left;
        final Node right;
        final int size;

        Node(Member member, int priority, Node left, Node right) {
            this.member = member;
            this.priority = priority;
            this.left = left;
            this.right = right;
            this.size = 1 + size(left) + size(right);
        }

        Node with(Node newLeft, Node newRight) {
            return new Node(member, priority, newLeft, newRight);
        }
    }

    private final Node root;

    private PoolMembers(Node root) {
        this.root = root;
    }

    private static int size(Node n) {
        return n == null ? 0 : n.size;
    }

    int size() {
        return size(root);
    }

    boolean isEmpty() {
        return root == null;
    }

    /** Returns the designated item: the first by {@link #ORDER}; null when empty. */
    Member first() {
        Node n = root;
        if (n == null) {
            return null;
        }
        while (n.left != null) {
            n = n.left;
        }
        return n.member;
    }

    PoolMembers with(Member m) {
        return new PoolMembers(insert(root, m, (int) TieBreak.mix(m.id().value().hashCode())));
    }

    /** Returns the members without {@code m} (equal by {@link #ORDER}); refuses a member that is not here. */
    PoolMembers without(Member m) {
        return new PoolMembers(delete(root, m));
    }

    void forEach(Consumer<Member> action) {
        walk(root, action);
    }

    private static void walk(Node n, Consumer<Member> action) {
        while (n != null) {
            walk(n.left, action);
            action.accept(n.member);
            n = n.right;
        }
    }

    private static Node insert(Node n, Member m, int priority) {
        if (n == null) {
            return new Node(m, priority, null, null);
        }
        if (priority > n.priority) {
            Node[] parts = split(n, m);
            return new Node(m, priority, parts[0], parts[1]);
        }
        int c = ORDER.compare(m, n.member);
        if (c == 0) {
            throw new IllegalStateException("bug: item " + m.id() + " is already in the pool");
        }
        return c < 0 ? n.with(insert(n.left, m, priority), n.right) : n.with(n.left, insert(n.right, m, priority));
    }

    /** Splits {@code n} into the members before {@code m} and those after it ({@code m} is not in {@code n}). */
    private static Node[] split(Node n, Member m) {
        if (n == null) {
            return new Node[2];
        }
        int c = ORDER.compare(n.member, m);
        if (c == 0) {
            throw new IllegalStateException("bug: item " + m.id() + " is already in the pool");
        }
        if (c < 0) {
            Node[] parts = split(n.right, m);
            return new Node[] {n.with(n.left, parts[0]), parts[1]};
        }
        Node[] parts = split(n.left, m);
        return new Node[] {parts[0], n.with(parts[1], n.right)};
    }

    private static Node delete(Node n, Member m) {
        if (n == null) {
            throw new IllegalStateException("bug: item " + m.id() + " is not in the pool");
        }
        int c = ORDER.compare(m, n.member);
        if (c < 0) {
            return n.with(delete(n.left, m), n.right);
        }
        if (c > 0) {
            return n.with(n.left, delete(n.right, m));
        }
        return merge(n.left, n.right);
    }

    /** Merges two treaps, every member of {@code a} before every member of {@code b}. */
    private static Node merge(Node a, Node b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        if (a.priority > b.priority) {
            return a.with(a.left, merge(a.right, b));
        }
        return b.with(merge(a, b.left), b.right);
    }
}
