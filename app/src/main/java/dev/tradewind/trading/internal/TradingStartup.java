package dev.tradewind.trading.internal;

import dev.tradewind.engine.command.ConfigureFeeTier;
import dev.tradewind.engine.result.Result;
import dev.tradewind.engine.risk.FeeTier;
import dev.tradewind.trading.TradingEngine;
import dev.tradewind.trading.TradingEngineStarted;
import dev.tradewind.trading.TradingProperties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Brings trading up once the engine runs, before the web server opens: partitions, reference data
 * and fees made consistent with PostgreSQL, the persister attached (catching up from its
 * checkpoint), then {@link TradingEngineStarted}. Stops before the engine, whose close lets the
 * persister drain the last events.
 */
@Component
class TradingStartup implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(TradingStartup.class);

    private final TradingEngine engine;
    private final JdbcReferenceData referenceData;
    private final EventPersister persister;
    private final PartitionMaintenance partitions;
    private final TradingProperties properties;
    private final ApplicationEventPublisher events;
    private volatile ScheduledExecutorService scheduler;

    TradingStartup(TradingEngine engine, JdbcReferenceData referenceData, EventPersister persister,
                   PartitionMaintenance partitions, TradingProperties properties, ApplicationEventPublisher events) {
        this.engine = engine;
        this.referenceData = referenceData;
        this.persister = persister;
        this.partitions = partitions;
        this.properties = properties;
        this.events = events;
    }

    @Override
    public void start() {
        partitions.check();
        referenceData.synchronize(engine);
        configureFees();
        persister.start();
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("tradewind-partitions").daemon(true).factory());
        long every = properties.partitionCheckInterval().toMillis();
        executor.scheduleWithFixedDelay(() -> {
            try {
                partitions.check();
            } catch (RuntimeException e) {
                log.error("Monthly partition check failed; retrying at the next interval", e);
            }
        }, every, every, TimeUnit.MILLISECONDS);
        scheduler = executor;
        events.publishEvent(new TradingEngineStarted(engine.publishedSequence()));
    }

    private void configureFees() {
        FeeTier tier = engine.query(m -> m.feeTiers().stream().filter(t -> t.tier() == 0).findFirst().orElse(null));
        if (tier == null || tier.makerBps() != properties.makerFeeBps() || tier.takerBps() != properties.takerFeeBps()) {
            Result result = engine.execute(new ConfigureFeeTier(0, properties.makerFeeBps(), properties.takerFeeBps()));
            if (!result.accepted()) {
                throw new IllegalStateException("The engine refused fee rates " + properties + ": " + result.rejectCode());
            }
            log.info("Fees set to maker {} bps, taker {} bps", properties.makerFeeBps(), properties.takerFeeBps());
        }
    }

    @Override
    public void stop() {
        ScheduledExecutorService executor = scheduler;
        scheduler = null;
        if (executor != null) {
            executor.shutdownNow();
        }
        persister.stop();
    }

    @Override
    public boolean isRunning() {
        return scheduler != null;
    }

    @Override
    public int getPhase() {
        return TradingEngine.PHASE + 1024;
    }

}
