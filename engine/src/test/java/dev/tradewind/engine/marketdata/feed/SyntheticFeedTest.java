package dev.tradewind.engine.marketdata.feed;

import static dev.tradewind.engine.marketdata.TestInstruments.SYMBOLS;

import dev.tradewind.engine.marketdata.SymbolTable;
import java.util.List;

class SyntheticFeedTest extends MarketDataFeedContract {
    @Override
    protected MarketDataFeed newFeed() {
        return new SyntheticFeed(SYMBOLS, List.of(GbmParameters.demo("BTC-USD", 42_000, 200, 10),
                GbmParameters.demo("AAPL-USD", 187, 100, 10)), 1, System::currentTimeMillis);
    }

    @Override
    protected SymbolTable symbols() {
        return SYMBOLS;
    }
}
