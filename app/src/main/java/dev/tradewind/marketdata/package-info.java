/**
 * Market-data adapters of the app: JSON-lines replay decoding and the Binance and Coinbase Exchange
 * WebSocket feeds, all delivering to the engine's {@code MarketDataSink} port. The pipeline,
 * candles, ticker, latency monitor and synthetic/replay feeds live in
 * {@code dev.tradewind.engine.marketdata} (plain Java).
 */
package dev.tradewind.marketdata;
