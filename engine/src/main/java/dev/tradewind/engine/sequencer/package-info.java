/**
 * The single-writer shell around the engine's {@link dev.tradewind.engine.sequencer.StateMachine}.
 *
 * <p>{@link dev.tradewind.engine.sequencer.Sequencer} recovers the state (newest valid snapshot plus
 * journal replay), then one writer thread drains a bounded queue in batches, stamps sequences and a
 * timestamp, applies and writes each batch to the journal while a {@code JournalSyncer} thread fsyncs
 * the batches written before (group commit, pipelined), and once a batch is durable completes the
 * producers' futures, in order, and fans the events out to
 * {@link dev.tradewind.engine.sequencer.Subscription}s, each with its own bounded ring and thread. A
 * consumer that falls behind is told and re-synced by the
 * {@link dev.tradewind.engine.sequencer.EventReplayer}, which regenerates past events from snapshots and
 * the journal. The state machine and the codec are supplied by the matching engine.
 */
package dev.tradewind.engine.sequencer;
