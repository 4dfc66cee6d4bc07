package dev.tradewind.engine.collection;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Open-addressing {@code long -> V} map with linear probing and backward-shift deletion.
 *
 * <p>Exists because the engine indexes millions of resting orders by id: a {@code HashMap<Long, V>}
 * would box every key and allocate a node per entry (about 48 extra bytes per order). Here an entry
 * costs one {@code long} and one reference slot. A slot is empty when its value is {@code null}, so
 * every key (including 0 and negatives) is allowed and values must not be null. Not thread-safe;
 * iteration order depends on the insertion history, so callers that need a deterministic order
 * sort what they collect.
 */
public final class LongObjectMap<V> {

    private long[] keys;
    private Object[] values;
    private int mask;
    private int size;
    private int resizeAt;

    public LongObjectMap() {
        this(16);
    }

    public LongObjectMap(int expectedSize) {
        // Load factor 3/4, integer arithmetic only (no floating point anywhere in the engine).
        long needed = Math.max(4, (long) expectedSize * 4 / 3 + 1);
        int capacity = (int) Math.min(1 << 30, Long.highestOneBit(needed - 1) << 1);
        allocate(capacity);
    }

    private void allocate(int capacity) {
        keys = new long[capacity];
        values = new Object[capacity];
        mask = capacity - 1;
        resizeAt = capacity - (capacity >>> 2);
    }

    private static int slot(long key, int mask) {
        // fmix64 from MurmurHash3: sequential ids must not cluster into one probe run.
        long h = key;
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        return (int) h & mask;
    }

    public int size() {
        return size;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    @SuppressWarnings("unchecked")
    public V get(long key) {
        long[] k = keys;
        Object[] v = values;
        int m = mask;
        for (int i = slot(key, m); ; i = (i + 1) & m) {
            Object value = v[i];
            if (value == null) {
                return null;
            }
            if (k[i] == key) {
                return (V) value;
            }
        }
    }

    public boolean containsKey(long key) {
        return get(key) != null;
    }

    /** Associates {@code value} with {@code key}; returns the previous value or null. */
    @SuppressWarnings("unchecked")
    public V put(long key, V value) {
        if (value == null) {
            throw new IllegalArgumentException("LongObjectMap does not store null values (key " + key + ")");
        }
        int m = mask;
        for (int i = slot(key, m); ; i = (i + 1) & m) {
            Object existing = values[i];
            if (existing == null) {
                keys[i] = key;
                values[i] = value;
                if (++size > resizeAt) {
                    grow();
                }
                return null;
            }
            if (keys[i] == key) {
                values[i] = value;
                return (V) existing;
            }
        }
    }

    /** Removes the entry for {@code key}; returns its value or null. */
    @SuppressWarnings("unchecked")
    public V remove(long key) {
        int m = mask;
        for (int i = slot(key, m); ; i = (i + 1) & m) {
            Object existing = values[i];
            if (existing == null) {
                return null;
            }
            if (keys[i] == key) {
                shiftBack(i);
                size--;
                return (V) existing;
            }
        }
    }

    // Backward-shift deletion keeps probe chains intact without tombstones, so lookups never slow
    // down after many cancels.
    private void shiftBack(int hole) {
        int m = mask;
        int i = hole;
        while (true) {
            i = (i + 1) & m;
            Object value = values[i];
            if (value == null) {
                break;
            }
            int home = slot(keys[i], m);
            // Move the entry into the hole unless its home lies cyclically in (hole, i].
            boolean homeBetween = hole <= i ? (home > hole && home <= i) : (home > hole || home <= i);
            if (!homeBetween) {
                keys[hole] = keys[i];
                values[hole] = value;
                hole = i;
            }
        }
        values[hole] = null;
        keys[hole] = 0;
    }

    private void grow() {
        long[] oldKeys = keys;
        Object[] oldValues = values;
        allocate(oldKeys.length << 1);
        int m = mask;
        for (int j = 0; j < oldKeys.length; j++) {
            Object value = oldValues[j];
            if (value != null) {
                int i = slot(oldKeys[j], m);
                while (values[i] != null) {
                    i = (i + 1) & m;
                }
                keys[i] = oldKeys[j];
                values[i] = value;
            }
        }
    }

    public void clear() {
        java.util.Arrays.fill(values, null);
        java.util.Arrays.fill(keys, 0);
        size = 0;
    }

    @SuppressWarnings("unchecked")
    public void forEachValue(Consumer<? super V> action) {
        Object[] v = values;
        for (Object value : v) {
            if (value != null) {
                action.accept((V) value);
            }
        }
    }

    public void forEach(EntryConsumer<? super V> action) {
        Object[] v = values;
        for (int i = 0; i < v.length; i++) {
            if (v[i] != null) {
                @SuppressWarnings("unchecked") V value = (V) v[i];
                action.accept(keys[i], value);
            }
        }
    }

    public List<V> values() {
        List<V> out = new ArrayList<>(size);
        forEachValue(out::add);
        return out;
    }

    @FunctionalInterface
    public interface EntryConsumer<V> {
        void accept(long key, V value);
    }
}
