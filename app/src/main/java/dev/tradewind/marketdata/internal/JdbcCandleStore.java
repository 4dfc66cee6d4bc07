package dev.tradewind.marketdata.internal;

import dev.tradewind.engine.marketdata.InstrumentScale;
import dev.tradewind.engine.marketdata.candle.Candle;
import dev.tradewind.engine.marketdata.candle.CandleInterval;
import dev.tradewind.marketdata.MarketDataProperties;
import dev.tradewind.trading.TradingEngine;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Closed candles to PostgreSQL ({@code candles}, V8): {@link #closed} is called on the pipeline
 * thread and only offers to a bounded queue (full: the candle is dropped and counted, the pipeline
 * never waits); one writer thread upserts them in batches of at most {@code batch-size}, at least
 * every {@code flush-interval}. A failed batch is logged and retried once with the next one. At stop
 * the queue is drained (this stops after the market-data runtime).
 */
@Component
class JdbcCandleStore implements CandleHistory, SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(JdbcCandleStore.class);
    private static final String UPSERT = """
            INSERT INTO candles (symbol, candle_interval, open_time, open, high, low, close, volume)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (symbol, candle_interval, open_time) DO UPDATE SET open = excluded.open, high = excluded.high,
                low = excluded.low, close = excluded.close, volume = excluded.volume""";
    private static final Instant MIN = Instant.parse("1970-01-01T00:00:00Z");
    private static final Instant MAX = Instant.parse("9999-12-31T00:00:00Z");

    private record Row(Object[] values) {
    }

    private final JdbcTemplate jdbc;
    private final JdbcClient client;
    private final MarketDataProperties.Candles settings;
    private final BlockingQueue<Row> queue;
    private final boolean[] persisted = new boolean[CandleInterval.values().length];
    private final Counter written;
    private final Counter dropped;
    private final Counter failed;
    private volatile Thread writer;
    private volatile boolean running;

    JdbcCandleStore(JdbcTemplate jdbc, JdbcClient client, MarketDataProperties properties, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.client = client;
        this.settings = properties.candles();
        this.queue = new ArrayBlockingQueue<>(settings.queueCapacity());
        for (String code : settings.persistIntervals()) {
            persisted[CandleInterval.ofCode(code).ordinal()] = settings.persist();
        }
        this.written = Counter.builder("tradewind.marketdata.candles.written").description("Closed candles stored")
                .register(meters);
        this.dropped = Counter.builder("tradewind.marketdata.candles.dropped")
                .description("Closed candles not stored because the write queue was full").register(meters);
        this.failed = Counter.builder("tradewind.marketdata.candles.failed")
                .description("Closed candles lost to failed writes").register(meters);
        Gauge.builder("tradewind.marketdata.candles.queued", queue, BlockingQueue::size)
                .description("Closed candles waiting to be stored").register(meters);
    }

    /** Pipeline thread: never blocks. */
    void closed(InstrumentScale scale, Candle candle) {
        if (!running || !persisted[candle.interval().ordinal()]) {
            return;
        }
        Row row = new Row(new Object[]{candle.symbol(), candle.interval().code(), Timestamp.from(Instant.ofEpochMilli(candle.openTime())),
                        scale.price(candle.open()), scale.price(candle.high()), scale.price(candle.low()),
                        scale.price(candle.close()), scale.quantity(candle.volume())});
        if (!queue.offer(row)) {
            dropped.increment();
        }
    }

    @Override
    public List<CandleView> candles(String symbol, CandleInterval interval, long from, long to, int limit) {
        Instant start = from <= MIN.toEpochMilli() ? MIN : Instant.ofEpochMilli(Math.min(from, MAX.toEpochMilli()));
        Instant end = to >= MAX.toEpochMilli() ? MAX : Instant.ofEpochMilli(Math.max(to, MIN.toEpochMilli()));
        List<CandleView> newestFirst = client.sql("""
                        SELECT open_time, open, high, low, close, volume FROM candles
                        WHERE symbol = ? AND candle_interval = ? AND open_time >= ? AND open_time < ?
                        ORDER BY open_time DESC LIMIT ?""")
                .params(symbol, interval.code(), Timestamp.from(start), Timestamp.from(end), limit)
                .query((rs, n) -> new CandleView(rs.getTimestamp(1).toInstant(), rs.getBigDecimal(2), rs.getBigDecimal(3),
                        rs.getBigDecimal(4), rs.getBigDecimal(5), rs.getBigDecimal(6)))
                .list();
        return newestFirst.reversed();
    }

    private void run() {
        List<Row> batch = new ArrayList<>(settings.batchSize());
        List<Row> retry = List.of();
        long flushMillis = settings.flushInterval().toMillis();
        while (running || !queue.isEmpty()) {
            try {
                Row first = queue.poll(flushMillis, TimeUnit.MILLISECONDS);
                if (first == null && retry.isEmpty()) {
                    continue;
                }
                batch.addAll(retry);
                if (first != null) {
                    batch.add(first);
                }
                queue.drainTo(batch, Math.max(0, settings.batchSize() - batch.size()));
                retry = write(batch, retry.isEmpty());
                batch.clear();
            } catch (InterruptedException e) {
                if (!running) {
                    queue.drainTo(batch);
                    write(batch, false);
                    return;
                }
            }
        }
    }

    /** @return rows to try again with the next batch */
    private List<Row> write(List<Row> batch, boolean mayRetry) {
        if (batch.isEmpty()) {
            return List.of();
        }
        try {
            jdbc.batchUpdate(UPSERT, batch.stream().map(Row::values).toList());
            written.increment(batch.size());
            return List.of();
        } catch (RuntimeException e) {
            if (mayRetry) {
                log.warn("Storing {} candles failed; retrying with the next batch", batch.size(), e);
                return List.copyOf(batch);
            }
            failed.increment(batch.size());
            log.error("Storing {} candles failed again; they are lost (the in-memory ones are still served)", batch.size(), e);
            return List.of();
        }
    }

    @Override
    public void start() {
        running = true;
        writer = Thread.ofPlatform().name("marketdata-candles").daemon(true).start(this::run);
    }

    @Override
    public void stop() {
        running = false;
        Thread t = writer;
        if (t != null) {
            try {
                t.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            writer = null;
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /**
     * Starts before trading announces the engine (when the market-data runtime is built) and stops
     * after the runtime, while PostgreSQL is still there, so every closed candle is written.
     */
    @Override
    public int getPhase() {
        return TradingEngine.PHASE + 512;
    }
}
