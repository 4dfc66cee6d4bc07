package dev.tradewind.engine.sequencer;

import org.HdrHistogram.Histogram;

/**
 * A point-in-time copy of the sequencer's counters and histograms (cumulative since start).
 *
 * @param commands               commands applied (and journaled)
 * @param batches                group commits
 * @param queries                queries run
 * @param rejectedOverloaded     submits refused because the queue was full
 * @param rejectedUnencodable    commands the codec could not encode
 * @param lastSequence           last sequence applied
 * @param durableSequence        last sequence fsynced
 * @param fsyncs                 journal fsyncs
 * @param snapshots              snapshots written
 * @param snapshotFailures       snapshots that failed to write (logged; the journal still has everything)
 * @param consumerLags           times a consumer overflowed its buffer
 * @param queueDepth             commands waiting right now (approximate)
 * @param batchSize              commands per group commit
 * @param fsyncLatencyNanos      journal fsync latency, nanoseconds
 * @param snapshotPauseNanos     writer-thread pause to serialize a snapshot, nanoseconds
 */
public record SequencerMetrics(
        long commands,
        long batches,
        long queries,
        long rejectedOverloaded,
        long rejectedUnencodable,
        long lastSequence,
        long durableSequence,
        long fsyncs,
        long snapshots,
        long snapshotFailures,
        long consumerLags,
        int queueDepth,
        Histogram batchSize,
        Histogram fsyncLatencyNanos,
        Histogram snapshotPauseNanos) {

    @Override
    public String toString() {
        return "SequencerMetrics[commands=" + commands + ", batches=" + batches + ", meanBatch="
                + String.format("%.1f", batchSize.getMean()) + ", fsyncs=" + fsyncs + ", fsyncP50us="
                + fsyncLatencyNanos.getValueAtPercentile(50) / 1000 + ", fsyncP99us="
                + fsyncLatencyNanos.getValueAtPercentile(99) / 1000 + ", overloaded=" + rejectedOverloaded
                + ", snapshots=" + snapshots + ", lags=" + consumerLags + ", lastSequence=" + lastSequence + "]";
    }
}
