package dev.tradewind.trading.internal;

import dev.tradewind.engine.event.AssetAdded;
import dev.tradewind.engine.event.EngineEvent;
import dev.tradewind.engine.event.InstrumentAdded;
import dev.tradewind.engine.event.OrderAccepted;
import dev.tradewind.engine.event.OrderCancelled;
import dev.tradewind.engine.event.OrderExpired;
import dev.tradewind.engine.event.OrderRejected;
import dev.tradewind.engine.event.OrderReplaced;
import dev.tradewind.engine.event.StopTriggered;
import dev.tradewind.engine.event.TradeExecuted;
import dev.tradewind.engine.instrument.DecimalConverter;
import dev.tradewind.engine.instrument.Increment;
import dev.tradewind.engine.instrument.Instrument;
import dev.tradewind.engine.order.OrderStatus;
import dev.tradewind.engine.order.OrderType;
import dev.tradewind.engine.order.Side;
import dev.tradewind.engine.order.TimeInForce;
import dev.tradewind.engine.sequencer.EventBatch;
import dev.tradewind.engine.sequencer.EventConsumer;
import dev.tradewind.engine.sequencer.Subscription;
import dev.tradewind.trading.PersistedEventWriter;
import dev.tradewind.trading.RowBuffer;
import dev.tradewind.trading.TradingEngine;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes engine events to PostgreSQL, exactly once: it attaches to the engine after the sequence in
 * {@code engine_checkpoints} and stores each delivered batch in ONE transaction together with the
 * new checkpoint: orders (upsert of their current state), trades, fills, the months index, and what
 * every {@link PersistedEventWriter} (the ledger) writes. The engine's subscription delivers every
 * sequence once, in order, replaying from the journal after a restart or a lag; a transaction that
 * fails is rolled back whole, delivery stops, and the persister re-attaches from the checkpoint a
 * moment later. So after any crash each event is in PostgreSQL once: never lost, never doubled.
 *
 * <p>Rows carry the engine's timestamps (truncated to microseconds), never the wall clock, so a
 * replayed batch writes the same rows as the lost one would have. Open orders are kept in memory
 * (reloaded from PostgreSQL on every attach) because their later events need their creation time,
 * the partition key; changes are staged on copies and only applied after the commit. Rejected
 * orders are not stored: the engine's {@code OrderRejected} event lacks the order's side, type and
 * quantity (the client got a 422 with the code).
 */
@Component
public class EventPersister implements EventConsumer<EngineEvent> {
    static final String CONSUMER = "persister";
    private static final Logger log = LoggerFactory.getLogger(EventPersister.class);

    private final TradingEngine engine;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final Watermark watermark;
    private final List<PersistedEventWriter> writers;
    private final PartitionMaintenance partitions;
    private final EngineCatalogCache catalog;
    private final ScheduledExecutorService supervisor = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("tradewind-persister-supervisor").daemon(true).factory());
    private final Counter events;
    private final Counter batches;
    private final Counter failures;

    private final Map<Long, OrderState> open = new HashMap<>();
    private final TreeSet<YearMonth> partitionedMonths = new TreeSet<>();
    private volatile long persisted;
    private YearMonth lastMonth;
    private volatile boolean stopping;
    private volatile Subscription<EngineEvent> subscription;
    private final AtomicInteger consecutiveFailures = new AtomicInteger();

    EventPersister(TradingEngine engine, JdbcTemplate jdbc, PlatformTransactionManager transactions, Watermark watermark,
                   org.springframework.beans.factory.ObjectProvider<PersistedEventWriter> writers, PartitionMaintenance partitions, MeterRegistry meters) {
        this.engine = engine;
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactions);
        this.watermark = watermark;
        this.writers = writers.orderedStream().toList();
        this.partitions = partitions;
        this.catalog = new EngineCatalogCache(engine);
        this.events = Counter.builder("tradewind.persister.events").description("Engine events persisted")
                .register(meters);
        this.batches = Counter.builder("tradewind.persister.batches").description("Event batches committed")
                .register(meters);
        this.failures = Counter.builder("tradewind.persister.failures")
                .description("Event batches whose transaction failed (re-attached from the checkpoint)").register(meters);
        Gauge.builder("tradewind.persister.lag", this, p -> lag()).description("Engine sequences not yet in PostgreSQL")
                .register(meters);
    }

    private double lag() {
        try {
            return Math.max(0, engine.publishedSequence() - persisted);
        } catch (RuntimeException notRunning) {
            return 0;
        }
    }

    /**
     * Attaches at start. Fails fast when PostgreSQL is ahead of the engine's journal: they belong to
     * different histories, and continuing would corrupt both.
     */
    public synchronized void start() {
        stopping = false;
        long checkpoint = checkpoint();
        long engineSequence = engine.publishedSequence();
        if (checkpoint > engineSequence) {
            throw new IllegalStateException("PostgreSQL holds engine events up to sequence " + checkpoint
                    + " but the engine journal in " + engine.directory() + " ends at " + engineSequence
                    + ": the database and the engine data belong to different histories (a restored or replaced "
                    + "directory?). Restore the matching engine directory, or start both from empty.");
        }
        attach(checkpoint);
    }

    /** Stops re-attaching; the engine's close lets the current subscription drain. */
    public synchronized void stop() {
        stopping = true;
        supervisor.shutdownNow();
    }

    /** The last sequence committed to PostgreSQL. */
    public long persistedSequence() {
        return persisted;
    }

    private void attach(long checkpoint) {
        catalog.load();
        open.clear();
        loadOpenOrders();
        lastMonth = jdbc.query("SELECT max(month) FROM engine_months", rs -> {
            rs.next();
            LocalDate month = rs.getObject(1, LocalDate.class);
            return month == null ? null : YearMonth.from(month);
        });
        partitionedMonths.clear();
        persisted = checkpoint;
        watermark.reset(checkpoint);
        subscription = engine.attach(CONSUMER, this, checkpoint);
        log.info("Persister attached after sequence {} ({} open orders)", checkpoint, open.size());
    }

    private synchronized void reattach() {
        if (stopping) {
            return;
        }
        try {
            attach(checkpoint());
        } catch (RuntimeException e) {
            log.error("Persister could not re-attach; retrying", e);
            scheduleReattach();
        }
    }

    private void scheduleReattach() {
        if (stopping) {
            return;
        }
        long delay = Math.min(30_000, 500L << Math.min(6, consecutiveFailures.getAndIncrement()));
        try {
            supervisor.schedule(this::reattach, delay, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException stopped) {
            // stopping
        }
    }

    @Override
    public void onError(Throwable error) {
        if (stopping) {
            log.warn("Persister stopped during shutdown after sequence {}: {}", persisted, error.toString());
            return;
        }
        log.error("Persister stopped after sequence {}; re-attaching from the checkpoint", persisted, error);
        scheduleReattach();
    }

    @Override
    public void onLag(long lastDeliveredSequence) {
        log.warn("Persister fell behind the engine after sequence {}; catching up from the journal", lastDeliveredSequence);
    }

    private long checkpoint() {
        Long sequence = jdbc.queryForObject("SELECT sequence FROM engine_checkpoints WHERE consumer = ?", Long.class,
                CONSUMER);
        return sequence == null ? 0 : sequence;
    }

    // ------------------------------------------------------------------ one batch

    /** What one batch changes, staged off the live state until its transaction commits. */
    private final class Staged {
        final Map<Long, OrderState> orders = new LinkedHashMap<>();
        final RowBuffer trades = new RowBuffer("bigint", "text", "numeric", "numeric", "text", "bigint", "bigint",
                "numeric", "bigint", "bigint", "numeric", "text", "bigint", "bigint");
        final RowBuffer fills = new RowBuffer("bigint", "bigint", "bigint", "text", "text", "numeric", "numeric",
                "numeric", "text", "text", "bigint");
        final List<Object[]> months = new ArrayList<>();
        final TreeSet<YearMonth> touchedMonths = new TreeSet<>();
        YearMonth lastMonth = EventPersister.this.lastMonth;

        OrderState order(long orderId) {
            OrderState staged = orders.get(orderId);
            if (staged == null) {
                OrderState live = open.get(orderId);
                if (live == null) {
                    throw new IllegalStateException("event for order " + orderId + " which is not open in PostgreSQL");
                }
                staged = live.copy();
                orders.put(orderId, staged);
            }
            return staged;
        }
    }

    @Override
    public void onBatch(EventBatch<EngineEvent> batch) {
        if (batch.firstSequence() != persisted + 1) {
            throw new IllegalStateException("batch " + batch + " does not follow the persisted sequence " + persisted);
        }
        Staged staged = stage(batch);
        try {
            for (YearMonth month : staged.touchedMonths) {
                if (!partitionedMonths.contains(month)) {
                    partitions.ensure(month, 1); // outside the batch transaction: DDL, idempotent
                    partitionedMonths.add(month);
                }
            }
            long previous = persisted;
            tx.executeWithoutResult(status -> {
                writeOrders(staged.orders.values());
                insert("""
                        INSERT INTO trades (trade_id, symbol, price, quantity, taker_side, maker_order_id,
                            maker_account_id, maker_fee, taker_order_id, taker_account_id, taker_fee, fee_asset,
                            sequence, executed_at)
                        SELECT t.trade_id, t.symbol, t.price, t.quantity, t.taker_side, t.maker_order_id,
                            t.maker_account_id, t.maker_fee, t.taker_order_id, t.taker_account_id, t.taker_fee,
                            t.fee_asset, t.sequence, timestamptz 'epoch' + t.micros * interval '1 microsecond'
                        FROM unnest(?::bigint[], ?::text[], ?::numeric[], ?::numeric[], ?::text[], ?::bigint[],
                            ?::bigint[], ?::numeric[], ?::bigint[], ?::bigint[], ?::numeric[], ?::text[],
                            ?::bigint[], ?::bigint[])
                            AS t(trade_id, symbol, price, quantity, taker_side, maker_order_id, maker_account_id,
                                 maker_fee, taker_order_id, taker_account_id, taker_fee, fee_asset, sequence, micros)""",
                        staged.trades);
                insert("""
                        INSERT INTO fills (trade_id, order_id, account_id, symbol, side, price, quantity, fee,
                            fee_asset, liquidity, executed_at)
                        SELECT f.trade_id, f.order_id, f.account_id, f.symbol, f.side, f.price, f.quantity, f.fee,
                            f.fee_asset, f.liquidity, timestamptz 'epoch' + f.micros * interval '1 microsecond'
                        FROM unnest(?::bigint[], ?::bigint[], ?::bigint[], ?::text[], ?::text[], ?::numeric[],
                            ?::numeric[], ?::numeric[], ?::text[], ?::text[], ?::bigint[])
                            AS f(trade_id, order_id, account_id, symbol, side, price, quantity, fee, fee_asset,
                                 liquidity, micros)""",
                        staged.fills);
                for (Object[] month : staged.months) {
                    jdbc.update("INSERT INTO engine_months (month, first_sequence) VALUES (?, ?)", month);
                }
                for (PersistedEventWriter writer : writers) {
                    writer.write(batch, catalog);
                }
                int updated = jdbc.update("""
                                UPDATE engine_checkpoints SET sequence = ?, updated_at = now()
                                WHERE consumer = ? AND sequence = ?""",
                        batch.lastSequence(), CONSUMER, previous);
                if (updated != 1) {
                    throw new IllegalStateException("checkpoint of " + CONSUMER + " is no longer " + previous
                            + ": another persister is writing to this database");
                }
            });
        } catch (RuntimeException e) {
            failures.increment();
            throw e;
        }
        for (OrderState order : staged.orders.values()) {
            if (order.status.isOpen()) {
                open.put(order.orderId, order);
            } else {
                open.remove(order.orderId);
            }
        }
        lastMonth = staged.lastMonth;
        persisted = batch.lastSequence();
        watermark.advance(persisted);
        consecutiveFailures.set(0);
        batches.increment();
        events.increment(batch.size());
    }

    private Staged stage(EventBatch<EngineEvent> batch) {
        Staged staged = new Staged();
        for (int i = 0; i < batch.size(); i++) {
            EngineEvent event = batch.event(i);
            long micros = Math.floorDiv(event.timestamp(), 1000);
            YearMonth month = YearMonth.from(Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000)).atOffset(ZoneOffset.UTC));
            staged.touchedMonths.add(month);
            if (staged.lastMonth == null || month.isAfter(staged.lastMonth)) {
                staged.months.add(new Object[] {month.atDay(1), event.sequence()});
                staged.lastMonth = month;
            }
            switch (event) {
                case OrderAccepted e -> {
                    OrderState order = new OrderState(e.orderId(), e.accountId(), e.instrumentId(), e.clientOrderId(),
                            e.side(), e.type(), e.timeInForce(), micros);
                    order.price = e.price();
                    order.stopPrice = e.stopPrice();
                    order.quantity = e.quantity();
                    order.status = e.status();
                    touch(order, e.sequence(), micros);
                    staged.orders.put(order.orderId, order);
                }
                case TradeExecuted e -> {
                    Instrument instrument = catalog.instrument(e.instrumentId());
                    String quote = catalog.asset(instrument.quoteAssetId()).code();
                    BigDecimal price = new BigDecimal(DecimalConverter.formatPrice(instrument, e.price()));
                    BigDecimal quantity = new BigDecimal(DecimalConverter.formatQuantity(instrument, e.quantity()));
                    BigDecimal makerFee = fee(catalog, instrument, e.makerFee());
                    BigDecimal takerFee = fee(catalog, instrument, e.takerFee());
                    staged.trades.add(e.tradeId(), instrument.symbol(), price, quantity, e.takerSide().name(),
                            e.makerOrderId(), e.makerAccountId(), makerFee, e.takerOrderId(), e.takerAccountId(), takerFee,
                            quote, e.sequence(), micros);
                    staged.fills.add(e.tradeId(), e.makerOrderId(), e.makerAccountId(), instrument.symbol(),
                            e.takerSide().opposite().name(), price, quantity, makerFee, quote, "MAKER", micros);
                    staged.fills.add(e.tradeId(), e.takerOrderId(), e.takerAccountId(), instrument.symbol(),
                            e.takerSide().name(), price, quantity, takerFee, quote, "TAKER", micros);
                    fill(staged.order(e.makerOrderId()), e, e.makerRemaining(), micros);
                    fill(staged.order(e.takerOrderId()), e, e.takerRemaining(), micros);
                }
                case OrderCancelled e -> {
                    OrderState order = staged.order(e.orderId());
                    order.status = OrderStatus.CANCELLED;
                    touch(order, e.sequence(), micros);
                }
                case OrderExpired e -> {
                    OrderState order = staged.order(e.orderId());
                    order.status = OrderStatus.EXPIRED;
                    touch(order, e.sequence(), micros);
                }
                case OrderReplaced e -> {
                    OrderState order = staged.order(e.orderId());
                    order.price = e.price();
                    order.quantity = e.quantity();
                    touch(order, e.sequence(), micros);
                }
                case StopTriggered e -> {
                    OrderState order = staged.order(e.orderId());
                    if (order.status == OrderStatus.PENDING_TRIGGER) {
                        order.status = OrderStatus.NEW;
                    }
                    touch(order, e.sequence(), micros);
                }
                case AssetAdded e -> catalog.add(e.asset());
                case InstrumentAdded e -> catalog.add(e.instrument());
                case OrderRejected e -> {
                    // not stored: see the class comment
                }
                default -> {
                }
            }
        }
        return staged;
    }

    private static BigDecimal fee(EngineCatalogCache catalog, Instrument instrument, long minor) {
        return new BigDecimal(DecimalConverter.formatAmount(catalog.asset(instrument.quoteAssetId()), minor));
    }

    private static void fill(OrderState order, TradeExecuted trade, long remaining, long micros) {
        order.filledQuantity += trade.quantity();
        order.filledValue = Math.addExact(order.filledValue, Math.multiplyExact(trade.price(), trade.quantity()));
        order.status = remaining == 0 ? OrderStatus.FILLED : OrderStatus.PARTIALLY_FILLED;
        touch(order, trade.sequence(), micros);
    }

    private static void touch(OrderState order, long sequence, long micros) {
        order.lastSequence = sequence;
        order.updatedMicros = micros;
    }

    private void writeOrders(Iterable<OrderState> orders) {
        RowBuffer rows = new RowBuffer("bigint", "bigint", "text", "text", "text", "text", "text", "numeric", "numeric",
                "numeric", "numeric", "bigint", "numeric", "text", "bigint", "bigint", "bigint");
        for (OrderState o : orders) {
            Instrument instrument = catalog.instrument(o.instrumentId);
            rows.add(o.orderId, o.accountId, instrument.symbol(), o.clientOrderId, o.side.name(), o.type.name(),
                    o.timeInForce.name(), price(instrument, o.price), price(instrument, o.stopPrice),
                    quantity(instrument, o.quantity), quantity(instrument, o.filledQuantity), o.filledValue,
                    average(instrument, o), o.status.name(), o.createdMicros, o.updatedMicros, o.lastSequence);
        }
        insert("""
                INSERT INTO orders (order_id, account_id, symbol, client_order_id, side, type, time_in_force, price,
                    stop_price, quantity, filled_quantity, filled_value, average_fill_price, status, created_at,
                    updated_at, last_sequence)
                SELECT o.order_id, o.account_id, o.symbol, o.client_order_id, o.side, o.type, o.time_in_force, o.price,
                    o.stop_price, o.quantity, o.filled_quantity, o.filled_value, o.average_fill_price, o.status,
                    timestamptz 'epoch' + o.created_micros * interval '1 microsecond',
                    timestamptz 'epoch' + o.updated_micros * interval '1 microsecond', o.last_sequence
                FROM unnest(?::bigint[], ?::bigint[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                    ?::numeric[], ?::numeric[], ?::numeric[], ?::numeric[], ?::bigint[], ?::numeric[], ?::text[],
                    ?::bigint[], ?::bigint[], ?::bigint[])
                    AS o(order_id, account_id, symbol, client_order_id, side, type, time_in_force, price, stop_price,
                         quantity, filled_quantity, filled_value, average_fill_price, status, created_micros,
                         updated_micros, last_sequence)
                ON CONFLICT (order_id, created_at) DO UPDATE SET
                    price = EXCLUDED.price, stop_price = EXCLUDED.stop_price, quantity = EXCLUDED.quantity,
                    filled_quantity = EXCLUDED.filled_quantity, filled_value = EXCLUDED.filled_value,
                    average_fill_price = EXCLUDED.average_fill_price, status = EXCLUDED.status,
                    updated_at = EXCLUDED.updated_at, last_sequence = EXCLUDED.last_sequence""", rows);
    }

    private void insert(String sql, RowBuffer rows) {
        if (!rows.isEmpty()) {
            jdbc.update(sql, rows::bind);
        }
    }

    private static BigDecimal price(Instrument instrument, long ticks) {
        return ticks <= 0 ? null : new BigDecimal(DecimalConverter.formatPrice(instrument, ticks));
    }

    private static BigDecimal quantity(Instrument instrument, long lots) {
        return new BigDecimal(DecimalConverter.formatQuantity(instrument, lots));
    }

    private static BigDecimal average(Instrument instrument, OrderState order) {
        String average = DecimalConverter.formatAveragePrice(instrument, order.filledValue, order.filledQuantity);
        return average == null ? null : new BigDecimal(average);
    }

    // ------------------------------------------------------------------ reload

    private void loadOpenOrders() {
        Map<String, Instrument> bySymbol = new HashMap<>();
        jdbc.query("""
                SELECT order_id, account_id, symbol, client_order_id, side, type, time_in_force, price, stop_price,
                       quantity, filled_quantity, filled_value, status,
                       (extract(epoch FROM created_at) * 1000000)::bigint,
                       (extract(epoch FROM updated_at) * 1000000)::bigint, last_sequence
                FROM orders WHERE status IN ('PENDING_TRIGGER', 'NEW', 'PARTIALLY_FILLED')""", rs -> {
            String symbol = rs.getString(3);
            Instrument instrument = bySymbol.computeIfAbsent(symbol, this::instrumentBySymbol);
            OrderState order = new OrderState(rs.getLong(1), rs.getLong(2), instrument.id(), rs.getString(4),
                    Side.valueOf(rs.getString(5)), OrderType.valueOf(rs.getString(6)),
                    TimeInForce.valueOf(rs.getString(7)), rs.getLong(14));
            order.price = count(rs.getBigDecimal(8), instrument.tickSize());
            order.stopPrice = count(rs.getBigDecimal(9), instrument.tickSize());
            order.quantity = count(rs.getBigDecimal(10), instrument.lotSize());
            order.filledQuantity = count(rs.getBigDecimal(11), instrument.lotSize());
            order.filledValue = rs.getLong(12);
            order.status = OrderStatus.valueOf(rs.getString(13));
            order.updatedMicros = rs.getLong(15);
            order.lastSequence = rs.getLong(16);
            open.put(order.orderId, order);
        });
    }

    private Instrument instrumentBySymbol(String symbol) {
        for (int id = 0; ; id++) {
            Instrument instrument = catalog.instrument(id); // throws past the last one
            if (instrument.symbol().equals(symbol)) {
                return instrument;
            }
        }
    }

    /** {@code value} as a whole number of {@code step}s (0 for null). */
    static long count(BigDecimal value, Increment step) {
        if (value == null) {
            return 0;
        }
        BigDecimal[] division = value.divideAndRemainder(step.toBigDecimal());
        if (division[1].signum() != 0) {
            throw new IllegalStateException(value + " is not a whole number of " + step);
        }
        return division[0].longValueExact();
    }
}
