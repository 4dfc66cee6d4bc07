package dev.tradewind.trading;

import dev.tradewind.engine.journal.DurabilityPolicy;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The matching engine's runtime ({@code tradewind.engine.*}, e.g. {@code TRADEWIND_ENGINE_DURABILITY}).
 * Its files (journal, snapshots) live in {@code <tradewind.data-dir>/engine}.
 *
 * @param durability            {@code PER_BATCH} (default): one fsync per group commit before any result
 *                              is released, nothing acknowledged is lost even on power loss;
 *                              {@code INTERVAL}: fsync at most every {@code fsyncInterval}, survives a process
 *                              crash but an OS crash may lose the last interval
 * @param fsyncInterval         bound on unforced data under {@code INTERVAL} (default 10ms)
 * @param snapshotEveryCommands a snapshot after this many commands (default 1,000,000; 0 = only at stop);
 *                              recovery replays the journal after the newest snapshot
 * @param snapshotsToKeep       snapshots kept (default 3); older journal segments are deleted, so a
 *                              consumer can re-sync only from after the oldest one
 * @param queueCapacity         command queue slots, a power of two (default 65,536); a full queue answers
 *                              503 SERVICE_UNAVAILABLE with Retry-After
 * @param maxBatchSize          commands per group commit at most (default 2,048)
 * @param commandTimeout        how long a request waits for the engine's answer (default 10s) before 503
 * @param consumerBuffer        event batches buffered per consumer before it lags and re-syncs (default 1,024)
 * @param closeTimeout          at stop, how long each consumer may take to drain (default 30s)
 */
@ConfigurationProperties("tradewind.engine")
public record EngineProperties(
        @DefaultValue("PER_BATCH") DurabilityPolicy durability,
        @DefaultValue("10ms") Duration fsyncInterval,
        @DefaultValue("1000000") long snapshotEveryCommands,
        @DefaultValue("3") int snapshotsToKeep,
        @DefaultValue("65536") int queueCapacity,
        @DefaultValue("2048") int maxBatchSize,
        @DefaultValue("10s") Duration commandTimeout,
        @DefaultValue("1024") int consumerBuffer,
        @DefaultValue("30s") Duration closeTimeout) {

    public EngineProperties {
        if (queueCapacity < 2 || Integer.bitCount(queueCapacity) != 1) {
            throw new IllegalArgumentException("tradewind.engine.queue-capacity must be a power of two >= 2, was "
                    + queueCapacity);
        }
        if (maxBatchSize < 1 || snapshotsToKeep < 1 || snapshotEveryCommands < 0 || consumerBuffer < 1) {
            throw new IllegalArgumentException("tradewind.engine: max-batch-size, snapshots-to-keep and consumer-buffer "
                    + "must be >= 1 and snapshot-every-commands >= 0");
        }
        if (commandTimeout.isNegative() || commandTimeout.isZero()) {
            throw new IllegalArgumentException("tradewind.engine.command-timeout must be positive, was " + commandTimeout);
        }
    }
}
