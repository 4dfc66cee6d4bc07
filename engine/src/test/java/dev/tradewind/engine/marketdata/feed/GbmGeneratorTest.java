package dev.tradewind.engine.marketdata.feed;

import static dev.tradewind.engine.marketdata.TestInstruments.SYMBOLS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tradewind.engine.marketdata.MarketUpdate;
import dev.tradewind.engine.marketdata.MutableUpdate;
import dev.tradewind.engine.marketdata.QuoteUpdated;
import dev.tradewind.engine.marketdata.ReferencePriceUpdated;
import dev.tradewind.engine.marketdata.TradeReported;
import dev.tradewind.engine.marketdata.UpdateKind;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GbmGeneratorTest {
    private static final List<GbmParameters> PARAMS = List.of(
            new GbmParameters("BTC-USD", 42_000.0, 0.05, 0.8, 50, 1, 0.3, 0.1, 500),
            // a tiny, very volatile price: must stay positive and on the 0.05 grid
            new GbmParameters("AAPL-USD", 0.20, -2.0, 200.0, 20, 2, 0.5, 0.2, 10));

    private static List<MarketUpdate> generate(long seed, int n) {
        GbmGenerator generator = new GbmGenerator(SYMBOLS, PARAMS, seed, 1_732_420_000_000L);
        MutableUpdate scratch = new MutableUpdate();
        List<MarketUpdate> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(generator.next(SYMBOLS, scratch));
        }
        return out;
    }

    @Test
    void sameSeedSameSequence() {
        assertThat(generate(7, 5_000)).isEqualTo(generate(7, 5_000));
        assertThat(generate(7, 500)).isNotEqualTo(generate(8, 500));
    }

    @Test
    void pricesStayPositiveOnTheGridAndTimesIncrease() {
        List<MarketUpdate> updates = generate(11, 50_000);
        Map<UpdateKind, Integer> kinds = new EnumMap<>(UpdateKind.class);
        long lastTime = Long.MIN_VALUE;
        for (MarketUpdate u : updates) {
            kinds.merge(u.kind(), 1, Integer::sum);
            assertThat(u.eventTime()).isGreaterThanOrEqualTo(lastTime);
            lastTime = u.eventTime();
            // records validate positivity (and bid <= ask) in their constructors; ticks are whole by type
            switch (u) {
                case TradeReported t -> assertThat(t.price()).isPositive();
                case QuoteUpdated q -> assertThat(q.ask() - q.bid()).isEqualTo(q.symbol().equals("BTC-USD") ? 2 : 4);
                case ReferencePriceUpdated r -> assertThat(r.price()).isPositive();
            }
        }
        assertThat(kinds).containsOnlyKeys(UpdateKind.TRADE, UpdateKind.QUOTE, UpdateKind.REFERENCE);
        // 70 events/s over 50,000 events: about 714 s of virtual time
        assertThat(lastTime - updates.getFirst().eventTime()).isBetween(700_000L, 730_000L);
        long aaplAtFloor = updates.stream().filter(u -> u instanceof QuoteUpdated q && q.symbol().equals("AAPL-USD") && q.bid() == 1).count();
        assertThat(aaplAtFloor).as("the volatile path hits the one-tick floor and stays positive").isPositive();
    }

    @Test
    void startsAtTheInitialPriceOnTheGrid() {
        ReferencePriceUpdated first = generate(3, 2_000).stream()
                .filter(u -> u instanceof ReferencePriceUpdated r && r.symbol().equals("BTC-USD"))
                .map(ReferencePriceUpdated.class::cast).findFirst().orElseThrow();
        assertThat(first.price()).isBetween(4_190_000L, 4_210_000L);
    }
}
