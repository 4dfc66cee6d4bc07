package dev.tradewind.ledger;

import dev.tradewind.engine.instrument.Asset;
import dev.tradewind.ledger.LedgerMismatchDetected.Difference;
import dev.tradewind.trading.PersistedSequence;
import dev.tradewind.trading.TradingEngine;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Compares the ledger in PostgreSQL with the engine, at one engine sequence: it reads every
 * account's totals from the engine together with the sequence they are at, waits until the persister
 * has committed that sequence, and sums the ledger postings up to it. Any difference is an ERROR
 * log, the gauge {@code tradewind_ledger_mismatches} (differences found by the last run), the counter
 * {@code tradewind_ledger_reconciliations_total{outcome="mismatch"}} and a {@link LedgerMismatchDetected}
 * event. Runs every {@code tradewind.ledger.reconcile-interval} and on demand ({@link #reconcile()}).
 */
@Component
public class Reconciler implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(Reconciler.class);
    private static final Duration PERSISTER_WAIT = Duration.ofSeconds(30);

    private final TradingEngine engine;
    private final PersistedSequence persisted;
    private final JdbcTemplate jdbc;
    private final ApplicationEventPublisher events;
    private final LedgerProperties properties;
    private final MeterRegistry meters;
    private final AtomicInteger lastMismatches = new AtomicInteger();
    private volatile ScheduledExecutorService scheduler;

    Reconciler(TradingEngine engine, PersistedSequence persisted, JdbcTemplate jdbc, ApplicationEventPublisher events,
               LedgerProperties properties, MeterRegistry meters) {
        this.engine = engine;
        this.persisted = persisted;
        this.jdbc = jdbc;
        this.events = events;
        this.properties = properties;
        this.meters = meters;
        Gauge.builder("tradewind.ledger.mismatches", lastMismatches, AtomicInteger::get)
                .description("Balances that differed between the ledger and the engine at the last reconciliation")
                .register(meters);
    }

    /**
     * @param sequence    the engine sequence compared at
     * @param balances    account/asset balances compared
     * @param differences empty when the ledger agrees with the engine
     * @param complete    false when the persister did not reach the sequence in time (nothing compared)
     */
    public record Report(long sequence, int balances, List<Difference> differences, boolean complete) {
        public boolean agrees() {
            return complete && differences.isEmpty();
        }
    }

    private record Key(long accountId, String asset) implements Comparable<Key> {
        @Override
        public int compareTo(Key o) {
            int c = Long.compare(accountId, o.accountId);
            return c != 0 ? c : asset.compareTo(o.asset);
        }
    }

    private record EngineTotals(long sequence, Map<Key, BigDecimal> totals) {
    }

    /** One comparison now; safe to call from any thread but the engine's. */
    public synchronized Report reconcile() {
        EngineTotals snapshot = engine.query(m -> {
            List<Asset> assets = m.assets();
            Map<Key, BigDecimal> totals = new HashMap<>();
            for (long account : m.accountIds()) {
                m.balances(account).forEach(b -> {
                    if (b.total() != 0) {
                        Asset asset = assets.get(b.assetId());
                        totals.put(new Key(account, asset.code()), BigDecimal.valueOf(b.total(), asset.scale()));
                    }
                });
            }
            return new EngineTotals(m.lastSequence(), totals);
        });
        if (!persisted.await(snapshot.sequence(), PERSISTER_WAIT)) {
            log.warn("Reconciliation skipped: the persister is at {} and did not reach engine sequence {} within {}",
                    persisted.current(), snapshot.sequence(), PERSISTER_WAIT);
            count("skipped");
            return new Report(snapshot.sequence(), 0, List.of(), false);
        }
        Map<Key, BigDecimal> ledger = new HashMap<>();
        jdbc.query("""
                        SELECT account_id, asset, sum(amount) FROM ledger_postings
                        WHERE sequence <= ? AND account_id >= 0
                        GROUP BY account_id, asset""",
                rs -> {
                    ledger.put(new Key(rs.getLong(1), rs.getString(2)), rs.getBigDecimal(3));
                }, snapshot.sequence());
        TreeSet<Key> keys = new TreeSet<>(snapshot.totals().keySet());
        keys.addAll(ledger.keySet());
        List<Difference> differences = new ArrayList<>();
        for (Key key : keys) {
            BigDecimal inLedger = Objects.requireNonNullElse(ledger.get(key), BigDecimal.ZERO);
            BigDecimal inEngine = Objects.requireNonNullElse(snapshot.totals().get(key), BigDecimal.ZERO);
            if (inLedger.compareTo(inEngine) != 0) {
                differences.add(new Difference(key.accountId(), key.asset(), inLedger, inEngine));
            }
        }
        lastMismatches.set(differences.size());
        Report report = new Report(snapshot.sequence(), keys.size(), List.copyOf(differences), true);
        if (differences.isEmpty()) {
            count("ok");
            log.debug("Ledger agrees with the engine at sequence {} ({} balances)", report.sequence(), report.balances());
        } else {
            count("mismatch");
            log.error("LEDGER MISMATCH at engine sequence {}: {} of {} balances differ between PostgreSQL and the engine: {}",
                    report.sequence(), differences.size(), keys.size(),
                    differences.subList(0, Math.min(20, differences.size())));
            events.publishEvent(new LedgerMismatchDetected(report.sequence(), report.differences()));
        }
        return report;
    }

    private void count(String outcome) {
        Counter.builder("tradewind.ledger.reconciliations").tag("outcome", outcome)
                .description("Reconciliations of the ledger with the engine, by outcome").register(meters).increment();
    }

    @Override
    public void start() {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("tradewind-reconciler").daemon(true).factory());
        long every = properties.reconcileInterval().toMillis();
        if (every > 0) {
            executor.scheduleWithFixedDelay(() -> {
                try {
                    reconcile();
                } catch (RuntimeException e) {
                    log.error("Reconciliation failed; retrying at the next interval", e);
                }
            }, every, every, TimeUnit.MILLISECONDS);
        }
        scheduler = executor;
    }

    @Override
    public void stop() {
        ScheduledExecutorService executor = scheduler;
        scheduler = null;
        if (executor != null) {
            executor.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return scheduler != null;
    }

    @Override
    public int getPhase() {
        return TradingEngine.PHASE + 1536;
    }
}
