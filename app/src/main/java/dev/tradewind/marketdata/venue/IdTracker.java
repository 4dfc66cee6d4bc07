package dev.tradewind.marketdata.venue;

import java.util.HashMap;
import java.util.Map;

/**
 * The last id seen per symbol, for one kind of id (Binance trade id, Coinbase trade id or
 * sequence). Kept across reconnects on purpose: the first message after a reconnect tells how much
 * was missed while disconnected. Called under the feed's lock.
 */
final class IdTracker {
    /** What a new id means. */
    enum Verdict {
        /** The next one, or the first ever seen. */
        IN_ORDER,
        /** Ids were skipped: {@link #expected()} up to the new id minus one are lost. */
        GAP,
        /** Not above the last one: a duplicate or late message. */
        STALE
    }

    private final Map<String, Long> last = new HashMap<>();
    private long expected;

    Verdict check(String symbol, long id, boolean contiguous) {
        Long previous = last.get(symbol);
        if (previous != null && id <= previous) {
            return Verdict.STALE;
        }
        last.put(symbol, id);
        if (previous != null && contiguous && id > previous + 1) {
            expected = previous + 1;
            return Verdict.GAP;
        }
        return Verdict.IN_ORDER;
    }

    /** After {@link Verdict#GAP}: the first id that was missed. */
    long expected() {
        return expected;
    }
}
