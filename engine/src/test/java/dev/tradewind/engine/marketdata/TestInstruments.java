package dev.tradewind.engine.marketdata;

/** Instruments shared by the market-data tests. */
public final class TestInstruments {
    public static final InstrumentScale BTC = InstrumentScale.of("BTC-USD", "0.01", "0.00001");
    public static final InstrumentScale ETH = InstrumentScale.of("ETH-USD", "0.01", "0.0001");
    /** A tick of 0.05 (step 5 at scale 2) to test off-grid prices. */
    public static final InstrumentScale AAPL = InstrumentScale.of("AAPL-USD", "0.05", "1");

    public static final SymbolTable SYMBOLS = SymbolTable.of(BTC, ETH, AAPL);

    private TestInstruments() {
    }
}
