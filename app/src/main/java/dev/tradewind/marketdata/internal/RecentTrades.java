package dev.tradewind.marketdata.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The newest trades of each symbol, at most {@code capacity} per symbol, newest first on read.
 * Appended by the engine tap's thread, read by request threads; duplicates (by trade id, e.g. a
 * trade seen both in PostgreSQL at start and live) are ignored.
 */
final class RecentTrades {
    private final int capacity;
    private final ConcurrentHashMap<String, Ring> bySymbol = new ConcurrentHashMap<>();

    RecentTrades(int capacity) {
        this.capacity = capacity;
    }

    void add(String symbol, TradeView trade) {
        Ring ring = bySymbol.computeIfAbsent(symbol, s -> new Ring());
        synchronized (ring) {
            if (trade.tradeId() <= ring.highestId && ring.contains(trade.tradeId())) {
                return;
            }
            ring.trades.addLast(trade);
            ring.highestId = Math.max(ring.highestId, trade.tradeId());
            while (ring.trades.size() > capacity) {
                ring.trades.removeFirst();
            }
        }
    }

    /** At most {@code limit} trades, newest first. */
    List<TradeView> newest(String symbol, int limit) {
        Ring ring = bySymbol.get(symbol);
        if (ring == null) {
            return List.of();
        }
        synchronized (ring) {
            List<TradeView> out = new ArrayList<>(Math.min(limit, ring.trades.size()));
            Iterator<TradeView> it = ring.trades.descendingIterator();
            while (it.hasNext() && out.size() < limit) {
                out.add(it.next());
            }
            return out;
        }
    }

    int capacity() {
        return capacity;
    }

    private static final class Ring {
        final ArrayDeque<TradeView> trades = new ArrayDeque<>();
        long highestId = Long.MIN_VALUE;

        boolean contains(long tradeId) {
            for (TradeView t : trades) {
                if (t.tradeId() == tradeId) {
                    return true;
                }
            }
            return false;
        }
    }
}
