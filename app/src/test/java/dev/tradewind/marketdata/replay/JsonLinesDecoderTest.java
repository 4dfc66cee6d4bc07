package dev.tradewind.marketdata.replay;

import static dev.tradewind.marketdata.Fixtures.SYMBOLS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tradewind.engine.marketdata.MarketUpdate;
import dev.tradewind.engine.marketdata.QuoteUpdated;
import dev.tradewind.engine.marketdata.ReferencePriceUpdated;
import dev.tradewind.engine.marketdata.RejectReason;
import dev.tradewind.engine.marketdata.TakerSide;
import dev.tradewind.engine.marketdata.TradeReported;
import dev.tradewind.engine.marketdata.feed.BadInputException;
import dev.tradewind.engine.marketdata.feed.FileReplayFeed;
import dev.tradewind.marketdata.RecordingSink;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonLinesDecoderTest {
    private final JsonLinesDecoder decoder = new JsonLinesDecoder(SYMBOLS, "file");

    @Test
    void decodesTradesQuotesAndReferenceTicksExactly() throws Exception {
        assertThat(decoder.decode("{\"time\":1732420000100,\"type\":\"trade\",\"symbol\":\"BTC-USD\",\"price\":\"42000.51\","
                + "\"quantity\":0.015,\"side\":\"sell\",\"tradeId\":981}"))
                .isEqualTo(new TradeReported("BTC-USD", 4_200_051, 1_500_000, TakerSide.SELL, "file", 981, 0, 1_732_420_000_100L));
        assertThat(decoder.decode("{\"time\":\"2024-11-24T03:46:40.125Z\",\"type\":\"quote\",\"symbol\":\"ETH-USD\","
                + "\"bid\":\"3100.10\",\"bidSize\":\"2\",\"ask\":3100.2,\"askSize\":\"0\",\"venue\":\"x\",\"sequence\":\"77\"}"))
                .isEqualTo(new QuoteUpdated("ETH-USD", 310_010, 200_000_000, 310_020, 0, "x", 77, 1_732_420_000_125L));
        // a JSON number is read as a decimal, never through double: 0.1 + 0.2 stays exact
        assertThat(decoder.decode("{\"time\":1,\"type\":\"reference\",\"symbol\":\"AAPL-USD\",\"price\":0.30}"))
                .isEqualTo(new ReferencePriceUpdated("AAPL-USD", 30, "file", 1));
        assertThat(decoder.decode("  ")).isNull();
        assertThat(decoder.decode("# comment")).isNull();
    }

    @Test
    void rejectsBadLinesWithAReason() {
        assertReason("{\"time\":1,\"type\":\"trade\"", RejectReason.MALFORMED);
        assertReason("[1]", RejectReason.MALFORMED);
        assertReason("{\"time\":1,\"type\":\"trade\",\"symbol\":\"DOGE-USD\",\"price\":\"1\",\"quantity\":\"1\",\"side\":\"buy\"}",
                RejectReason.UNKNOWN_SYMBOL);
        assertReason("{\"time\":1,\"type\":\"trade\",\"symbol\":\"BTC-USD\",\"price\":-5,\"quantity\":\"1\",\"side\":\"buy\"}",
                RejectReason.NON_POSITIVE_PRICE);
        assertReason("{\"time\":1,\"type\":\"trade\",\"symbol\":\"BTC-USD\",\"price\":\"NaN\",\"quantity\":\"1\",\"side\":\"buy\"}",
                RejectReason.MALFORMED_NUMBER);
        assertReason("{\"time\":1,\"type\":\"trade\",\"symbol\":\"BTC-USD\",\"price\":1.001,\"quantity\":\"1\",\"side\":\"buy\"}",
                RejectReason.OVER_PRECISION);
        assertReason("{\"time\":1,\"type\":\"candle\",\"symbol\":\"BTC-USD\"}", RejectReason.UNKNOWN_TYPE);
        assertReason("{\"type\":\"reference\",\"symbol\":\"BTC-USD\",\"price\":1}", RejectReason.BAD_TIMESTAMP);
    }

    private void assertReason(String line, RejectReason reason) {
        assertThatThrownBy(() -> decoder.decode(line)).isInstanceOfSatisfying(BadInputException.class,
                e -> assertThat(e.reason()).isEqualTo(reason));
    }

    private static Path sample(String name) throws URISyntaxException {
        return Path.of(JsonLinesDecoderTest.class.getResource("/marketdata/" + name).toURI());
    }

    @Test
    void theShippedSamplesReplayCompletelyDeterministicallyAndAlike() throws Exception {
        List<MarketUpdate> csv = replay(sample("sample.csv"));
        List<MarketUpdate> jsonl = replay(sample("sample.jsonl"));
        assertThat(csv).hasSize(400);
        assertThat(replay(sample("sample.csv"))).isEqualTo(csv);
        assertThat(jsonl).isEqualTo(csv);
        assertThat(csv).extracting(MarketUpdate::symbol).containsOnly("BTC-USD", "ETH-USD", "AAPL-USD");
    }

    private static List<MarketUpdate> replay(Path file) {
        RecordingSink sink = new RecordingSink();
        FileReplayFeed feed = ReplayFormat.feed("sample", file, SYMBOLS, 0, false);
        assertThat(feed.replay(sink)).isEqualTo(sink.updates.size());
        assertThat(sink.rejected).as("rejections replaying %s: %s", file, sink.rejectDetails).isEmpty();
        return List.copyOf(sink.updates);
    }
}
