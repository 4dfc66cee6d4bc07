package dev.tradewind.engine.marketdata.feed;

/**
 * Messages were lost between two that arrived: the next expected id was {@code expected}, the one
 * that came is {@code received} (so {@code received - expected} were missed).
 *
 * @param kind what was counted: {@code trade_id} (Binance {@code t}, Coinbase {@code trade_id}) or {@code sequence}
 */
public record FeedGap(String venue, String symbol, String kind, long expected, long received, long epochMillis) {
    public long missed() {
        return received - expected;
    }
}
