package dev.tradewind.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ChannelTest {
    @ParameterizedTest
    @ValueSource(strings = {"ticker:BTC-USD", "book:AAPL-USD", "trades:X-Y", "candles:BTC-USD:1s", "candles:BTC-USD:1m",
            "candles:ETH-USD:5m", "candles:ETH-USD:1h", "candles:ETH-USD:1d", "orders", "balances",
            "ticker:ABCDEFGHIJKL-123456789012"})
    void wellFormedNamesRoundTrip(String name) {
        assertThat(Channel.parse(name).name()).isEqualTo(name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "ticker", "ticker:", "ticker:btc-usd", "ticker:BTCUSD", "ticker:BTC-USD:1m",
            "ticker:-USD", "ticker:BTC-", "ticker:ABCDEFGHIJKLM-USD", "ticker:BTC-USD-X", "book:BTC_USD",
            "candles:BTC-USD", "candles:BTC-USD:2m", "candles:BTC-USD:1m:x", "orders:BTC-USD", "balances:", "news:BTC-USD",
            "Ticker:BTC-USD", " ticker:BTC-USD", "ticker:BTC-USD ", "ticker:BTC-ÜSD"})
    void malformedNamesAreRefused(String name) {
        assertThat(Channel.tryParse(name)).isEmpty();
        assertThatThrownBy(() -> Channel.parse(name)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ticker:SYM");
    }

    @Test
    void typesKnowWhetherTheyArePrivateAndConflated() {
        assertThat(Channel.parse("orders").type().isPrivate()).isTrue();
        assertThat(Channel.parse("balances").type().isConflated()).isTrue();
        assertThat(Channel.parse("trades:BTC-USD").type().isConflated()).isFalse();
        assertThat(Channel.parse("orders").type().isConflated()).isFalse();
        assertThat(Channel.candles("BTC-USD", "1m")).isEqualTo(Channel.parse("candles:BTC-USD:1m"));
        assertThatThrownBy(() -> Channel.ticker("btc")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Channel(ChannelType.ORDERS, "BTC-USD", null)).isInstanceOf(IllegalArgumentException.class);
    }
}
