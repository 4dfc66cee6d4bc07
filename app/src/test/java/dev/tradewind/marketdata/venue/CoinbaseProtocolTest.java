package dev.tradewind.marketdata.venue;

import static dev.tradewind.marketdata.Fixtures.SYMBOLS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tradewind.engine.marketdata.QuoteUpdated;
import dev.tradewind.engine.marketdata.RejectReason;
import dev.tradewind.engine.marketdata.TakerSide;
import dev.tradewind.engine.marketdata.TradeReported;
import dev.tradewind.engine.marketdata.feed.FeedGap;
import dev.tradewind.marketdata.Fixtures;
import dev.tradewind.marketdata.RecordingSink;
import java.util.List;
import org.junit.jupiter.api.Test;

class CoinbaseProtocolTest {
    private final CoinbaseProtocol protocol = new CoinbaseProtocol(CoinbaseProtocol.DEFAULT_ENDPOINT, SYMBOLS,
            VenueSymbols.identity(List.of("BTC-USD", "ETH-USD")));
    private final RecordingSink sink = new RecordingSink();

    private static String match(long tradeId, long sequence) {
        return Fixtures.text("coinbase/match.json").replace("765432101", Long.toString(tradeId))
                .replace("97000000001", Long.toString(sequence));
    }

    @Test
    void subscribesToMatchesTickerAndHeartbeat() {
        assertThat(protocol.subscribeMessages()).containsExactly(
                "{\"type\":\"subscribe\",\"product_ids\":[\"BTC-USD\",\"ETH-USD\"],\"channels\":[\"matches\",\"ticker\",\"heartbeat\"]}");
    }

    @Test
    void decodesMatchesWithTheTakerSide() {
        protocol.onMessage(Fixtures.text("coinbase/match.json"), 0, sink);
        // side is the maker's: a resting sell was hit, so the taker bought
        assertThat(sink.updates).containsExactly(new TradeReported("BTC-USD", 9_812_345, 150_000, TakerSide.BUY, "coinbase",
                765_432_101L, 97_000_000_001L, 1_732_420_000_123L));
    }

    @Test
    void decodesTickersAsBestBidAndOffer() {
        protocol.onMessage(Fixtures.text("coinbase/ticker.json"), 0, sink);
        assertThat(sink.updates).containsExactly(new QuoteUpdated("BTC-USD", 9_812_344, 50_000_000, 9_812_345, 112_340_000,
                "coinbase", 97_000_000_002L, 1_732_420_000_124L));
    }

    @Test
    void aCapturedSessionDecodesCompletely() {
        Fixtures.lines("coinbase/session.jsonl").forEach(line -> protocol.onMessage(line, 0, sink));
        assertThat(sink.rejected).isEmpty();
        assertThat(sink.gaps).as("sequence skips on these channels are normal; trade ids are contiguous").isEmpty();
        assertThat(sink.updates).hasSize(7);
    }

    @Test
    void reportsTradeIdGapsAndDropsReplayedMessages() {
        protocol.onMessage(match(100, 1_000), 0, sink);
        protocol.onMessage(match(101, 1_007), 0, sink);
        protocol.onMessage(match(104, 1_020), 0, sink);
        protocol.onMessage(match(104, 1_020), 0, sink);
        protocol.onMessage(match(103, 1_015), 0, sink);
        assertThat(sink.gaps).containsExactly(new FeedGap("coinbase", "BTC-USD", "trade_id", 102, 104, 1_732_420_000_123L));
        assertThat(sink.updates).extracting(u -> ((TradeReported) u).tradeId()).containsExactly(100L, 101L, 104L);
        assertThat(sink.rejected).containsExactly(RejectReason.STALE_SEQUENCE, RejectReason.STALE_SEQUENCE);
    }

    @Test
    void badMessagesAreRejectedWithAReason() {
        protocol.onMessage("{\"type\":\"error\",\"message\":\"Failed to subscribe\",\"reason\":\"ZZZ-USD is not a valid product\"}", 0, sink);
        protocol.onMessage("not json", 0, sink);
        protocol.onMessage(Fixtures.text("coinbase/match.json").replace("BTC-USD", "SOL-USD"), 0, sink);
        protocol.onMessage(Fixtures.text("coinbase/match.json").replace("\"price\":\"98123.45\"", "\"price\":\"-98123.45\""), 0, sink);
        protocol.onMessage(Fixtures.text("coinbase/match.json").replace("\"time\":\"2024-11-24T03:46:40.123456Z\"", "\"time\":\"yesterday\""), 0, sink);
        protocol.onMessage(Fixtures.text("coinbase/ticker.json").replace("\"best_ask\":\"98123.45\"", "\"best_ask\":\"98123.40\""), 0, sink);
        protocol.onMessage("{\"type\":\"l2update\",\"product_id\":\"BTC-USD\"}", 0, sink);
        assertThat(sink.updates).isEmpty();
        assertThat(sink.rejected).containsExactly(RejectReason.UNKNOWN_TYPE, RejectReason.MALFORMED, RejectReason.UNKNOWN_SYMBOL,
                RejectReason.NON_POSITIVE_PRICE, RejectReason.BAD_TIMESTAMP, RejectReason.CROSSED_QUOTE, RejectReason.UNKNOWN_TYPE);
    }
}
