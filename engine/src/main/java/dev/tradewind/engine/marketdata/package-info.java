/**
 * Market data (DESIGN.md "The engine" → market data): normalized updates, the single-threaded
 * {@link dev.tradewind.engine.marketdata.MarketDataPipeline} (parse → normalize → apply → candles →
 * ticker → triggers → sinks), candles, the 24 h ticker, the latency monitor, feeds and the
 * conflating stream fan-out. Plain Java: JDK and HdrHistogram only.
 *
 * <h2>Numbers and time</h2>
 * Prices are {@code long} ticks and quantities {@code long} lots of the instrument's
 * {@link dev.tradewind.engine.marketdata.InstrumentScale} (the thin mapping of the engine's tick and
 * lot increments); decimals from feeds are converted exactly, over-precision is rejected, never
 * rounded. Event times are epoch milliseconds (UTC).
 *
 * <h2>Ports</h2>
 * <ul>
 *   <li>{@link dev.tradewind.engine.marketdata.trigger.PriceTriggerListener}: reference/trade prices
 *       to stop triggers (the engine implements it);
 *   <li>{@link dev.tradewind.engine.marketdata.candle.CandleListener}: open-candle updates (streams)
 *       and closed candles (persistence);
 *   <li>{@link dev.tradewind.engine.marketdata.MarketDataListener}: every applied update (streams, tape);
 *   <li>{@link dev.tradewind.engine.marketdata.latency.LatencyAlertListener} and
 *       {@link dev.tradewind.engine.marketdata.latency.LatencySnapshot}: alerts and export;
 *   <li>{@link dev.tradewind.engine.marketdata.feed.MarketDataFeed} /
 *       {@link dev.tradewind.engine.marketdata.feed.MarketDataSink}: every feed.
 * </ul>
 *
 * <h2>Text formats</h2>
 * The compact line format is documented on {@link dev.tradewind.engine.marketdata.text.FastLineParser},
 * the replay CSV on {@link dev.tradewind.engine.marketdata.feed.CsvLineDecoder}; JSON lines (same
 * field names) are decoded in the app.
 */
package dev.tradewind.engine.marketdata;
