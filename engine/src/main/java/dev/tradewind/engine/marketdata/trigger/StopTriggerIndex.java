package dev.tradewind.engine.marketdata.trigger;

import dev.tradewind.engine.marketdata.UpdateKind;
import java.util.Arrays;

/**
 * In-memory stop levels per instrument: a buy stop triggers when the price rises to or above its
 * level, a sell stop when it falls to or below. Two primitive binary heaps per instrument (lowest
 * buy level, highest sell level on top), so a price that crosses nothing costs two comparisons and a
 * trigger costs {@code O(log n)}; no allocation except when a heap grows.
 *
 * <p>Each stop fires once and is removed. Single-threaded (the pipeline thread), like the engine's
 * own stop book that will implement {@link PriceTriggerListener} in production.
 */
public final class StopTriggerIndex implements PriceTriggerListener {
    private final LevelHeap[] buys;
    private final LevelHeap[] sells;
    private final TriggerFiredListener listener;
    private long fired;

    public StopTriggerIndex(int instruments, TriggerFiredListener listener) {
        this.buys = new LevelHeap[instruments];
        this.sells = new LevelHeap[instruments];
        for (int i = 0; i < instruments; i++) {
            buys[i] = new LevelHeap(true);
            sells[i] = new LevelHeap(false);
        }
        this.listener = listener;
    }

    /** Registers a stop; {@code buy} stops trigger on prices ≥ {@code level}, sell stops on prices ≤ it. */
    public void add(int instrument, long stopId, boolean buy, long level) {
        (buy ? buys : sells)[instrument].push(level, stopId);
    }

    @Override
    public void onPrice(int instrument, long price, UpdateKind source, long eventTime) {
        LevelHeap b = buys[instrument];
        while (b.size > 0 && b.levels[0] <= price) {
            long level = b.levels[0];
            long id = b.ids[0];
            b.pop();
            fired++;
            listener.onTriggered(instrument, id, true, level, price, eventTime);
        }
        LevelHeap s = sells[instrument];
        while (s.size > 0 && s.levels[0] >= price) {
            long level = s.levels[0];
            long id = s.ids[0];
            s.pop();
            fired++;
            listener.onTriggered(instrument, id, false, level, price, eventTime);
        }
    }

    /** Stops waiting on one instrument. */
    public int pending(int instrument) {
        return buys[instrument].size + sells[instrument].size;
    }

    public long fired() {
        return fired;
    }

    /** A binary heap of (level, id); a min-heap for buy stops, a max-heap (levels negated) for sell stops. */
    private static final class LevelHeap {
        private final boolean min;
        long[] levels = new long[16];
        long[] ids = new long[16];
        int size;

        LevelHeap(boolean min) {
            this.min = min;
        }

        private boolean before(long a, long b) {
            return min ? a < b : a > b;
        }

        void push(long level, long id) {
            if (size == levels.length) {
                levels = Arrays.copyOf(levels, size * 2);
                ids = Arrays.copyOf(ids, size * 2);
            }
            int i = size++;
            while (i > 0) {
                int parent = (i - 1) >>> 1;
                if (!before(level, levels[parent])) {
                    break;
                }
                levels[i] = levels[parent];
                ids[i] = ids[parent];
                i = parent;
            }
            levels[i] = level;
            ids[i] = id;
        }

        void pop() {
            int last = --size;
            long level = levels[last];
            long id = ids[last];
            int i = 0;
            int half = last >>> 1;
            while (i < half) {
                int child = 2 * i + 1;
                int right = child + 1;
                if (right < last && before(levels[right], levels[child])) {
                    child = right;
                }
                if (!before(levels[child], level)) {
                    break;
                }
                levels[i] = levels[child];
                ids[i] = ids[child];
                i = child;
            }
            if (last > 0) {
                levels[i] = level;
                ids[i] = id;
            }
        }
    }
}
