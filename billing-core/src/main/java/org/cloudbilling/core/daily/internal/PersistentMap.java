package org.cloudbilling.core.daily.internal;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * An immutable hash map whose {@link #put} and {@link #remove} return a new map sharing all but one path with
 * this one (a hash array mapped trie): a change costs O(log32 n) time and memory whatever the size, so a month
 * value can take a day's batch without copying the month. Keys and values are not null; keys need {@code equals}
 * and {@code hashCode}. Iteration order is unspecified: sort where order matters.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public final class PersistentMap<K, V> {
    private static final PersistentMap<?, ?> EMPTY = new PersistentMap<>(null, 0);

    /** The root: null when empty, else a {@link Leaf}, {@link Branch} or {@link Collision}. */
    private final Object root;

    private final int size;

    private PersistentMap(Object root, int size) {
        this.root = root;
        this.size = size;
    }

    /** Returns the empty map. */
    @SuppressWarnings("unchecked")
    public static <K, V> PersistentMap<K, V> empty() {
        return (PersistentMap<K, V>) EMPTY;
    }

    /** Returns the number of keys. */
    public int size() {
        return size;
    }

    /** Returns whether the map has no key. */
    public boolean isEmpty() {
        return size == 0;
    }

    /** Returns the value of {@code key}, or null when absent. */
    @SuppressWarnings("unchecked")
    public V get(Object key) {
        int hash = hash(requireNonNull(key, "key"));
        Object node = root;
        int shift = 0;
        while (node != null) {
            if (node instanceof Leaf leaf) {
                return leaf.hash == hash && leaf.key.equals(key) ? (V) leaf.value : null;
            }
            if (node instanceof Collision c) {
                if (c.hash != hash) {
                    return null;
                }
                for (Leaf l : c.leaves) {
                    if (l.key.equals(key)) {
                        return (V) l.value;
                    }
                }
                return null;
            }
            Branch b = (Branch) node;
            int bit = 1 << ((hash >>> shift) & 31);
            if ((b.bitmap & bit) == 0) {
                return null;
            }
            node = b.slots[Integer.bitCount(b.bitmap & (bit - 1))];
            shift += 5;
        }
        return null;
    }

    /** Returns whether {@code key} has a value. */
    public boolean containsKey(Object key) {
        return get(key) != null;
    }

    /** Returns this map with {@code key} mapped to {@code value}; this map if it already was. */
    public PersistentMap<K, V> put(K key, V value) {
        requireNonNull(value, "value");
        Leaf leaf = new Leaf(hash(requireNonNull(key, "key")), key, value);
        int[] added = {0};
        Object next = put(root, 0, leaf, added);
        return next == root ? this : new PersistentMap<>(next, size + added[0]);
    }

    /** Returns this map without {@code key}; this map if it had none. */
    public PersistentMap<K, V> remove(Object key) {
        int hash = hash(requireNonNull(key, "key"));
        if (root == null) {
            return this;
        }
        Object next = remove(root, 0, hash, key);
        if (next == root) {
            return this;
        }
        return next == null ? empty() : new PersistentMap<>(next, size - 1);
    }

    /** Passes every key and value to {@code action}, in unspecified order. */
    @SuppressWarnings("unchecked")
    public void forEach(BiConsumer<? super K, ? super V> action) {
        if (root != null) {
            each(root, (BiConsumer<Object, Object>) action);
        }
    }

    /** Returns the entries as a new list, in unspecified order. */
    public List<Map.Entry<K, V>> entries() {
        List<Map.Entry<K, V>> out = new ArrayList<>(size);
        forEach((k, v) -> out.add(Map.entry(k, v)));
        return out;
    }

    /** Returns the values as a new list, in unspecified order. */
    public List<V> values() {
        List<V> out = new ArrayList<>(size);
        forEach((k, v) -> out.add(v));
        return out;
    }

    private static void each(Object node, BiConsumer<Object, Object> action) {
        if (node instanceof Leaf l) {
            action.accept(l.key, l.value);
        } else if (node instanceof Collision c) {
            for (Leaf l : c.leaves) {
                action.accept(l.key, l.value);
            }
        } else {
            for (Object child : ((Branch) node).slots) {
                each(child, action);
            }
        }
    }

    private static int hash(Object key) {
        int h = key.hashCode();
        return h ^ (h >>> 16);
    }

    private static Object put(Object node, int shift, Leaf leaf, int[] added) {
        if (node == null) {
            added[0] = 1;
            return leaf;
        }
        if (node instanceof Leaf l) {
            if (l.hash == leaf.hash && l.key.equals(leaf.key)) {
                return l.value.equals(leaf.value) ? l : leaf;
            }
            added[0] = 1;
            return join(l, l.hash, leaf, shift);
        }
        if (node instanceof Collision c) {
            if (c.hash != leaf.hash) {
                added[0] = 1;
                return join(c, c.hash, leaf, shift);
            }
            for (int i = 0; i < c.leaves.length; i++) {
                if (c.leaves[i].key.equals(leaf.key)) {
                    if (c.leaves[i].value.equals(leaf.value)) {
                        return c;
                    }
                    Leaf[] copy = c.leaves.clone();
                    copy[i] = leaf;
                    return new Collision(c.hash, copy);
                }
            }
            Leaf[] copy = java.util.Arrays.copyOf(c.leaves, c.leaves.length + 1);
            copy[c.leaves.length] = leaf;
            added[0] = 1;
            return new Collision(c.hash, copy);
        }
        Branch b = (Branch) node;
        int bit = 1 << ((leaf.hash >>> shift) & 31);
        int index = Integer.bitCount(b.bitmap & (bit - 1));
        if ((b.bitmap & bit) == 0) {
            Object[] slots = new Object[b.slots.length + 1];
            System.arraycopy(b.slots, 0, slots, 0, index);
            slots[index] = leaf;
            System.arraycopy(b.slots, index, slots, index + 1, b.slots.length - index);
            added[0] = 1;
            return new Branch(b.bitmap | bit, slots);
        }
        Object child = b.slots[index];
        Object next = put(child, shift + 5, leaf, added);
        if (next == child) {
            return b;
        }
        Object[] slots = b.slots.clone();
        slots[index] = next;
        return new Branch(b.bitmap, slots);
    }

    /** Returns a node holding {@code existing} (a leaf or collision of {@code hash}) and {@code leaf}. */
    private static Object join(Object existing, int hash, Leaf leaf, int shift) {
        if (hash == leaf.hash) {
            return new Collision(hash, new Leaf[] {(Leaf) existing, leaf});
        }
        int a = (hash >>> shift) & 31;
        int b = (leaf.hash >>> shift) & 31;
        if (a == b) {
            return new Branch(1 << a, new Object[] {join(existing, hash, leaf, shift + 5)});
        }
        return a < b
                ? new Branch((1 << a) | (1 << b), new Object[] {existing, leaf})
                : new Branch((1 << a) | (1 << b), new Object[] {leaf, existing});
    }

    private static Object remove(Object node, int shift, int hash, Object key) {
        if (node instanceof Leaf l) {
            return l.hash == hash && l.key.equals(key) ? null : l;
        }
        if (node instanceof Collision c) {
            if (c.hash != hash) {
                return c;
            }
            for (int i = 0; i < c.leaves.length; i++) {
                if (c.leaves[i].key.equals(key)) {
                    if (c.leaves.length == 2) {
                        return c.leaves[1 - i];
                    }
                    Leaf[] copy = new Leaf[c.leaves.length - 1];
                    System.arraycopy(c.leaves, 0, copy, 0, i);
                    System.arraycopy(c.leaves, i + 1, copy, i, copy.length - i);
                    return new Collision(hash, copy);
                }
            }
            return c;
        }
        Branch b = (Branch) node;
        int bit = 1 << ((hash >>> shift) & 31);
        if ((b.bitmap & bit) == 0) {
            return b;
        }
        int index = Integer.bitCount(b.bitmap & (bit - 1));
        Object child = b.slots[index];
        Object next = remove(child, shift + 5, hash, key);
        if (next == child) {
            return b;
        }
        if (next == null) {
            if (b.slots.length == 1) {
                return null;
            }
            Object[] slots = new Object[b.slots.length - 1];
            System.arraycopy(b.slots, 0, slots, 0, index);
            System.arraycopy(b.slots, index + 1, slots, index, slots.length - index);
            if (slots.length == 1 && !(slots[0] instanceof Branch)) {
                return slots[0]; // a lone leaf or collision moves up: lookups stay correct by hash
            }
            return new Branch(b.bitmap & ~bit, slots);
        }
        if (b.slots.length == 1 && !(next instanceof Branch)) {
            return next;
        }
        Object[] slots = b.slots.clone();
        slots[index] = next;
        return new Branch(b.bitmap, slots);
    }

    @Override
    public boolean equals(Object obj) {
        if (!(obj instanceof PersistentMap<?, ?> other) || other.size != size) {
            return false;
        }
        boolean[] same = {true};
        forEach((k, v) -> same[0] &= v.equals(other.get(k)));
        return same[0];
    }

    @Override
    public int hashCode() {
        int[] h = {0};
        forEach((k, v) -> h[0] += k.hashCode() ^ v.hashCode());
        return h[0];
    }

    @Override
    public String toString() {
        return "PersistentMap[" + size + " keys]";
    }

    private record Leaf(int hash, Object key, Object value) {}

    private record Collision(int hash, Leaf[] leaves) {}

    private record Branch(int bitmap, Object[] slots) {}
}
