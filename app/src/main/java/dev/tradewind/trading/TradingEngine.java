package dev.tradewind.trading;

import dev.tradewind.engine.command.Command;
import dev.tradewind.engine.command.CommandCodec;
import dev.tradewind.engine.core.MatchingEngine;
import dev.tradewind.engine.event.EngineEvent;
import dev.tradewind.engine.result.Result;
import dev.tradewind.engine.sequencer.EngineRejectedException;
import dev.tradewind.engine.sequencer.EventConsumer;
import dev.tradewind.engine.sequencer.Sequencer;
import dev.tradewind.engine.sequencer.SequencerConfig;
import dev.tradewind.engine.sequencer.Subscription;
import dev.tradewind.platform.config.PlatformProperties;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The matching engine of this process: a {@link Sequencer} around {@link MatchingEngine} with its
 * journal and snapshots in {@code <dataDir>/engine}. Started (recovering from the newest snapshot
 * plus the journal) before the web server accepts requests, and closed after the web server has
 * drained them, which applies everything queued, writes a final snapshot and lets event consumers
 * (the persister) drain.
 *
 * <p>Other modules submit commands and run queries here. The blocking methods wait at most
 * {@code tradewind.engine.command-timeout} and turn engine-level refusals into
 * {@link EngineUnavailableException} (503); an engine rejection of the command itself (e.g.
 * {@code INSUFFICIENT_FUNDS}) is a normal {@link Result} with a reject code. Futures complete on the
 * engine's writer thread: never chain slow work on them without an {@code *Async} stage.
 */
@Component
public class TradingEngine implements SmartLifecycle {
    /** Starts before, and stops after, the web server (which starts/stops at START_STOP_LIFECYCLE_PHASE). */
    public static final int PHASE = WebServerApplicationContext.START_STOP_LIFECYCLE_PHASE - 2048;

    private static final Logger log = LoggerFactory.getLogger(TradingEngine.class);

    private final EngineProperties properties;
    private final Path directory;
    private volatile Sequencer<Command, Result, EngineEvent, MatchingEngine> sequencer;
    private volatile boolean stopped;

    TradingEngine(EngineProperties properties, PlatformProperties platform, MeterRegistry meters) {
        this.properties = properties;
        this.directory = platform.dataDir().resolve("engine");
        Gauge.builder("tradewind.engine.sequence", this, e -> e.sequencer == null ? 0 : e.sequencer.publishedSequence())
                .description("Last engine sequence whose events were published").register(meters);
        Gauge.builder("tradewind.engine.queue.depth", this,
                        e -> e.sequencer == null ? 0 : e.sequencer.metrics().queueDepth())
                .description("Commands waiting for the engine").register(meters);
        Gauge.builder("tradewind.engine.rejected.overloaded", this,
                        e -> e.sequencer == null ? 0 : e.sequencer.metrics().rejectedOverloaded())
                .description("Commands refused because the engine queue was full").register(meters);
    }

    @Override
    public void start() {
        SequencerConfig config = SequencerConfig.defaults(directory)
                .withQueueCapacity(properties.queueCapacity())
                .withMaxBatchSize(properties.maxBatchSize())
                .withDurability(properties.durability(), properties.fsyncInterval())
                .withSnapshots(properties.snapshotEveryCommands(), properties.snapshotsToKeep())
                .withCloseTimeout(properties.closeTimeout());
        try {
            stopped = false;
            sequencer = Sequencer.start(config, new CommandCodec(), MatchingEngine::new);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the matching engine in " + directory
                    + ": check that the directory is writable and its journal intact", e);
        }
        log.info("Matching engine started in {} at sequence {}", directory, sequencer.recoveredSequence());
    }

    @Override
    public void stop() {
        Sequencer<Command, Result, EngineEvent, MatchingEngine> running = sequencer;
        if (running != null && !stopped) {
            stopped = true;
            running.close();
            log.info("Matching engine stopped at sequence {}", running.publishedSequence());
        }
    }

    @Override
    public boolean isRunning() {
        return sequencer != null && !stopped;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }

    /** Where the journal and snapshots live. */
    public Path directory() {
        return directory;
    }

    /** Queues a command; the future fails with {@link EngineRejectedException} for engine-level refusals. */
    public CompletableFuture<Result> submitAsync(Command command) {
        return running().submit(command);
    }

    /** Applies a command and waits for its result (journaled, and fsynced under PER_BATCH). */
    public Result execute(Command command) {
        return await(running().submit(command));
    }

    /** Runs a read-only function on the writer thread, after every command this thread submitted before. */
    public <T> T query(Function<? super MatchingEngine, ? extends T> query) {
        return await(running().query(query));
    }

    /** See {@link Sequencer#attach}: gap-free, duplicate-free delivery from {@code afterSequence} on. */
    public Subscription<EngineEvent> attach(String name, EventConsumer<EngineEvent> consumer, long afterSequence) {
        return running().attach(name, consumer, afterSequence, properties.consumerBuffer());
    }

    /** The sequence the engine had recovered to when it started. */
    public long recoveredSequence() {
        return running().recoveredSequence();
    }

    /** Last sequence whose events were published to consumers. */
    public long publishedSequence() {
        return running().publishedSequence();
    }

    private Sequencer<Command, Result, EngineEvent, MatchingEngine> running() {
        Sequencer<Command, Result, EngineEvent, MatchingEngine> running = sequencer;
        if (running == null) {
            throw new EngineUnavailableException("ENGINE_NOT_STARTED", "The matching engine is not running.", 5);
        }
        return running;
    }

    private <T> T await(CompletableFuture<T> future) {
        try {
            return future.get(properties.commandTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof EngineRejectedException rejected) {
                throw EngineUnavailableException.of(rejected.code());
            }
            throw new IllegalStateException("The matching engine failed a command: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw EngineUnavailableException.timeout();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw EngineUnavailableException.timeout();
        }
    }
}
