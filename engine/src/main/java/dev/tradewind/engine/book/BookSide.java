package dev.tradewind.engine.book;

import java.util.Arrays;
import java.util.function.Consumer;

/**
 * Price levels of one side, sorted so that the best level is the last element of an array.
 *
 * <p>Why an array with the best level at the end: activity concentrates near the top of the book,
 * so taking the best level, adding a level near the top or removing an emptied best level touches
 * only the tail of the array (O(1) for the best, a short {@code arraycopy} otherwise), the best price
 * is read in O(1), and any level is found by binary search in O(log n) without boxing a price or
 * allocating a tree node. Levels are recycled through a small free list.
 */
final class BookSide {
    private static final int FREE_LEVELS_MAX = 1024;

    /** True when a higher price has priority (bids, sell stops). */
    final boolean highFirst;
    final int instrumentId;

    /** Sort keys ascending: price for high-first sides, -price otherwise, so the best is always last. */
    private long[] keys = new long[64];
    private Level[] levels = new Level[64];
    private int size;
    private final Level[] free = new Level[FREE_LEVELS_MAX];
    private int freeCount;
    private int orderCount;

    BookSide(boolean highFirst, int instrumentId) {
        this.highFirst = highFirst;
        this.instrumentId = instrumentId;
    }

    int levelCount() {
        return size;
    }

    int orderCount() {
        return orderCount;
    }

    Level best() {
        return size == 0 ? null : levels[size - 1];
    }

    /** The i-th level counted from the best (0 = best). */
    Level fromBest(int i) {
        return levels[size - 1 - i];
    }

    private long key(long price) {
        return highFirst ? price : -price;
    }

    private int search(long key) {
        long[] k = keys;
        int low = 0;
        int high = size - 1;
        // The top of the book is the common target: check it before bisecting.
        if (high >= 0 && k[high] == key) {
            return high;
        }
        while (low <= high) {
            int mid = (low + high) >>> 1;
            long v = k[mid];
            if (v < key) {
                low = mid + 1;
            } else if (v > key) {
                high = mid - 1;
            } else {
                return mid;
            }
        }
        return -(low + 1);
    }

    Level find(long price) {
        int i = search(key(price));
        return i >= 0 ? levels[i] : null;
    }

    /** Appends {@code order} at the tail of the level at {@code price}, creating the level if needed. */
    void append(Order order, long price) {
        long key = key(price);
        int i = search(key);
        Level level;
        if (i >= 0) {
            level = levels[i];
        } else {
            level = insertLevel(-(i + 1), key, price);
        }
        level.append(order);
        orderCount++;
    }

    /** Removes {@code order} from its level, dropping the level when it empties. */
    void unlink(Order order) {
        Level level = order.level;
        level.unlink(order);
        orderCount--;
        if (level.count == 0) {
            removeLevel(level);
        }
    }

    /** Called by matching after it unlinked filled orders itself. */
    void ordersRemoved(int count) {
        orderCount -= count;
    }

    void removeLevel(Level level) {
        int i = size - 1;
        if (levels[i] != level) {
            i = search(key(level.price));
        }
        int tail = size - 1 - i;
        if (tail > 0) {
            System.arraycopy(keys, i + 1, keys, i, tail);
            System.arraycopy(levels, i + 1, levels, i, tail);
        }
        size--;
        levels[size] = null;
        recycle(level);
    }

    private Level insertLevel(int at, long key, long price) {
        if (size == keys.length) {
            keys = Arrays.copyOf(keys, size * 2);
            levels = Arrays.copyOf(levels, size * 2);
        }
        int tail = size - at;
        if (tail > 0) {
            System.arraycopy(keys, at, keys, at + 1, tail);
            System.arraycopy(levels, at, levels, at + 1, tail);
        }
        Level level = freeCount > 0 ? free[--freeCount] : new Level();
        level.price = price;
        level.quantity = 0;
        level.count = 0;
        level.head = null;
        level.tail = null;
        level.side = this;
        keys[at] = key;
        levels[at] = level;
        size++;
        return level;
    }

    private void recycle(Level level) {
        level.head = null;
        level.tail = null;
        level.side = null;
        if (freeCount < FREE_LEVELS_MAX) {
            free[freeCount++] = level;
        }
    }

    /** Orders in priority order: best level first, oldest first within a level. */
    void forEachOrder(Consumer<? super Order> action) {
        for (int i = size - 1; i >= 0; i--) {
            for (Order o = levels[i].head; o != null; ) {
                Order next = o.next;
                action.accept(o);
                o = next;
            }
        }
    }
}
