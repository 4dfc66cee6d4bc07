package dev.tradewind.engine.marketdata.feed;

import static dev.tradewind.engine.marketdata.TestInstruments.SYMBOLS;

import dev.tradewind.engine.marketdata.SymbolTable;
import java.nio.file.Path;

class FileReplayFeedContractTest extends MarketDataFeedContract {
    @Override
    protected MarketDataFeed newFeed() throws Exception {
        Path csv = Path.of(getClass().getResource("/marketdata/replay-sample.csv").toURI());
        // looping at 10x real time: continuous delivery, so stopping is observable
        return new FileReplayFeed("csv", csv, () -> new CsvLineDecoder(SYMBOLS, "sample"), 10, true);
    }

    @Override
    protected SymbolTable symbols() {
        return SYMBOLS;
    }
}
