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

class BinanceProtocolTest {
    private final BinanceProtocol protocol = new BinanceProtocol(BinanceProtocol.DEFAULT_ENDPOINT, SYMBOLS,
            VenueSymbols.binance(List.of("BTC-USD", "ETH-USD")));
    private final RecordingSink sink = new RecordingSink();

    private static String trade(long id, String price, boolean buyerIsMaker) {
        return "{\"stream\":\"btcusdt@trade\",\"data\":{\"e\":\"trade\",\"E\":1732420000125,\"s\":\"BTCUSDT\",\"t\":" + id
                + ",\"p\":\"" + price + "\",\"q\":\"0.00150000\",\"T\":1732420000124,\"m\":" + buyerIsMaker + ",\"M\":true}}";
    }

    @Test
    void subscribesToTradeAndBookTickerStreams() {
        assertThat(protocol.subscribeMessages()).containsExactly(
                "{\"method\":\"SUBSCRIBE\",\"params\":[\"btcusdt@trade\",\"btcusdt@bookTicker\",\"ethusdt@trade\",\"ethusdt@bookTicker\"],\"id\":1}");
        assertThat(protocol.endpoint()).hasToString("wss://stream.binance.com:9443/stream");
    }

    @Test
    void decodesTradesExactly() {
        protocol.onMessage(Fixtures.text("binance/trade.json"), 1, sink);
        assertThat(sink.updates).containsExactly(new TradeReported("BTC-USD", 9_812_345, 150_000, TakerSide.SELL, "binance",
                3_300_000_001L, 0, 1_732_420_000_124L));
        assertThat(sink.rejected).isEmpty();
    }

    @Test
    void decodesBookTickersWithTheReceiveTime() {
        protocol.onMessage(Fixtures.text("binance/bookTicker.json"), 1_732_420_000_999L, sink);
        assertThat(sink.updates).containsExactly(new QuoteUpdated("BTC-USD", 9_812_344, 120_000_000, 9_812_345, 80_300_000,
                "binance", 52_000_000_001L, 1_732_420_000_999L));
    }

    @Test
    void aCapturedSessionDecodesCompletely() {
        Fixtures.lines("binance/session.jsonl").forEach(line -> protocol.onMessage(line, 5, sink));
        assertThat(sink.rejected).isEmpty();
        assertThat(sink.gaps).isEmpty();
        assertThat(sink.updates).hasSize(9);
        assertThat(sink.updates.get(1)).isInstanceOfSatisfying(TradeReported.class,
                t -> assertThat(t.takerSide()).as("m=false: the buyer took").isEqualTo(TakerSide.BUY));
        assertThat(sink.updates.get(2)).isInstanceOfSatisfying(TradeReported.class, t -> {
            assertThat(t.symbol()).isEqualTo("ETH-USD");
            assertThat(t.price()).isEqualTo(335_120);
            assertThat(t.quantity()).isEqualTo(25_000_000);
        });
    }

    @Test
    void reportsTradeIdGapsAndSkipsDuplicates() {
        protocol.onMessage(trade(10, "1.00", true), 0, sink);
        protocol.onMessage(trade(11, "1.00", true), 0, sink);
        protocol.onMessage(trade(14, "1.00", true), 0, sink);
        protocol.onMessage(trade(14, "1.00", true), 0, sink);
        assertThat(sink.gaps).containsExactly(new FeedGap("binance", "BTC-USD", "trade_id", 12, 14, 1_732_420_000_124L));
        assertThat(sink.updates).hasSize(3);
        assertThat(sink.rejected).containsExactly(RejectReason.STALE_SEQUENCE);
    }

    @Test
    void olderBookTickersAreStale() {
        protocol.onMessage(Fixtures.text("binance/bookTicker.json").replace("52000000001", "52000000009"), 0, sink);
        protocol.onMessage(Fixtures.text("binance/bookTicker.json"), 0, sink);
        assertThat(sink.updates).hasSize(1);
        assertThat(sink.rejected).containsExactly(RejectReason.STALE_SEQUENCE);
    }

    @Test
    void badMessagesAreRejectedWithAReason() {
        protocol.onMessage(Fixtures.text("binance/subscribed.json"), 0, sink);
        protocol.onMessage("{\"stream\":\"btcusdt@trade\",\"data\":{\"e\":\"trade\"", 0, sink);
        protocol.onMessage(trade(1, "1.00", true).replace("BTCUSDT", "XRPUSDT"), 0, sink);
        protocol.onMessage(trade(2, "-1.00", true), 0, sink);
        protocol.onMessage(trade(3, "NaN", true), 0, sink);
        protocol.onMessage(trade(4, "98123.451", true), 0, sink);
        protocol.onMessage(trade(5, "0.00000000", true), 0, sink);
        protocol.onMessage("{\"stream\":\"btcusdt@kline_1m\",\"data\":{\"e\":\"kline\",\"s\":\"BTCUSDT\"}}", 0, sink);
        protocol.onMessage("[1,2,3]", 0, sink);
        assertThat(sink.updates).isEmpty();
        assertThat(sink.rejected).containsExactly(RejectReason.MALFORMED, RejectReason.UNKNOWN_SYMBOL,
                RejectReason.NON_POSITIVE_PRICE, RejectReason.MALFORMED_NUMBER, RejectReason.OVER_PRECISION,
                RejectReason.NON_POSITIVE_PRICE, RejectReason.UNKNOWN_TYPE, RejectReason.MALFORMED);
        assertThat(sink.rejectDetails.get(1)).contains("XRPUSDT");
    }

    @Test
    void mapsSymbolsBothWays() {
        VenueSymbols symbols = VenueSymbols.binance(List.of("BTC-USD", "ETH-BTC"));
        assertThat(symbols.venue("BTC-USD")).isEqualTo("BTCUSDT");
        assertThat(symbols.venue("ETH-BTC")).isEqualTo("ETHBTC");
        assertThat(symbols.internal("btcusdt")).isEqualTo("BTC-USD");
        assertThat(symbols.internal("DOGEUSDT")).isNull();
    }
}
