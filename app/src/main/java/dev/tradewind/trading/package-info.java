/**
 * Trading: the matching engine wired into the app, and the orders API.
 *
 * <h2>Runtime</h2>
 * {@link dev.tradewind.trading.TradingEngine} runs the engine's sequencer with its journal and
 * snapshots in {@code <tradewind.data-dir>/engine}; it starts before the web server and stops after
 * it has drained. At start, {@code TradingStartup} creates the monthly partitions ahead, makes the
 * engine hold every asset and instrument of PostgreSQL (recording the engine's ids), sets the fee
 * rates, attaches the persister and publishes {@link dev.tradewind.trading.TradingEngineStarted}.
 *
 * <h2>Persistence</h2>
 * {@code EventPersister} stores engine events in PostgreSQL in one transaction per event batch,
 * with its checkpoint ({@code engine_checkpoints}) in the same transaction: orders (current state),
 * trades, fills, and whatever each {@link dev.tradewind.trading.PersistedEventWriter} (the ledger)
 * writes. Exactly once after any crash: the engine's subscription replays from the journal after
 * the checkpoint, and a failed transaction leaves nothing behind.
 *
 * <h2>Read-your-writes</h2>
 * POST and DELETE /orders answer once the persister has committed the engine sequence of their
 * command, reading the order back from PostgreSQL, so a GET right after shows it (fallback after
 * {@code tradewind.trading.read-your-writes-timeout}: the engine's result). Balances are read from
 * the engine.
 *
 * <h2>For other modules</h2>
 * The portfolio's {@code HoldingsSource} ({@code EngineHoldings}: engine balances) and {@code FillHistory}
 * ({@code JdbcFillHistory}: persisted fills); the WebSocket channels {@code orders} and {@code balances}
 * ({@code PrivateStreams} attaches {@code PrivateChannelFeed} to the engine's events,
 * {@code PrivateChannelSnapshots} answers the subscribe snapshots; docs/websocket.md).
 *
 * <h2>Fees by tier</h2>
 * {@code TierFees} keeps each account's engine fee tier equal to its user's tier (BASIC 0, PRO 1,
 * ENTERPRISE 2; rates of 1 and 2 from {@link dev.tradewind.trading.TierFeeProperties}), at start and
 * at registration.
 *
 * <h2>Configuration</h2>
 * {@link dev.tradewind.trading.EngineProperties} ({@code tradewind.engine.*}: durability PER_BATCH,
 * fsync-interval 10ms, snapshot-every-commands 1000000, snapshots-to-keep 3, queue-capacity 65536,
 * max-batch-size 2048, command-timeout 10s, consumer-buffer 1024, close-timeout 30s) and
 * {@link dev.tradewind.trading.TradingProperties} ({@code tradewind.trading.*}: maker-fee-bps 10,
 * taker-fee-bps 20, read-your-writes-timeout 5s, default-page-size 100, max-page-size 500,
 * partitions-ahead 3, partition-check-interval 1d).
 */
package dev.tradewind.trading;
