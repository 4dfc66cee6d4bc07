package dev.tradewind.engine.sequencer;

import dev.tradewind.engine.journal.BufferDataOutput;
import dev.tradewind.engine.journal.DurabilityPolicy;
import dev.tradewind.engine.journal.JournalFiles;
import dev.tradewind.engine.journal.JournalWriter;
import dev.tradewind.engine.journal.SnapshotStore;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * The single writer: owns the state machine and the journal writer, and does everything that touches
 * them on one thread. Per batch: drain up to {@code maxBatchSize} commands, stamp one timestamp, and for
 * each command encode it into the journal batch (an unencodable one is rejected before it gets a
 * sequence) then apply it; write the batch to the OS; maybe snapshot.
 *
 * <p>Its results and events are released (futures completed, events published) only once the batch
 * is durable per policy, strictly in order. Under {@link DurabilityPolicy#PER_BATCH} the fsync runs on
 * the {@link JournalSyncer}'s thread: the batch waits in {@code inFlight} while the writer goes on
 * with the next ones (at most {@link #MAX_IN_FLIGHT} batches), and is released when the syncer reports
 * its fsync. Under {@link DurabilityPolicy#INTERVAL} and {@link DurabilityPolicy#NONE} a batch is
 * released as soon as it is written. Control tasks (attaching and detaching consumers) run only with
 * nothing in flight, so a new consumer's start sequence and the batches it is offered agree.
 *
 * <p>The journal I/O stays strictly serial under PER_BATCH: while an fsync runs, the records of the
 * batches applied meanwhile stay in the journal's buffer and are written together (one group commit)
 * once it completes. So at most one written-but-unforced group commit is ever on disk, and after an
 * OS crash a damaged tail can only be that last group: tail repair keeps telling a torn tail (truncate)
 * from damage to durable data (refuse to start), as without the pipeline.
 */
final class WriterLoop<C, R, E, M extends StateMachine<C, R, E>> implements Runnable {
    private static final System.Logger LOG = System.getLogger(WriterLoop.class.getName());
    private static final long MAX_PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    // ---- queue entries ----
    sealed interface Entry permits CommandEntry, BatchEntry, QueryEntry {
    }

    record CommandEntry(Object command, CompletableFuture<Object> future) implements Entry {
    }

    record BatchEntry(List<?> commands, CompletableFuture<List<Object>> future) implements Entry {
    }

    record QueryEntry(Function<Object, Object> query, CompletableFuture<Object> future) implements Entry {
    }

    /** Something to run on the writer thread between batches (attach/detach a subscription). */
    interface ControlTask {
        void run();

        void reject(EngineRejectedException reason);
    }

    private record Failure(Throwable error) {
    }

    /** A state machine threw from apply; the engine must stop. */
    private static final class ApplyFailed extends RuntimeException {
        ApplyFailed(long sequence, Throwable cause) {
            super("StateMachine.apply threw at sequence " + sequence + "; the engine halts: the state may be half "
                    + "mutated. Restart to recover from the journal, which does not contain this command.", cause);
        }
    }

    private final SequencerConfig config;
    private final M machine;
    private final JournalWriter<C> journal;
    private final SnapshotStore snapshots;
    private final EngineClock clock;
    private final CommandQueue queue;
    private final Queue<ControlTask> control = new ConcurrentLinkedQueue<>();
    private final ExecutorService snapshotExecutor;
    /** The snapshot file being written on the snapshot thread, if any. */
    private Future<?> snapshotWrite;

    private final List<Subscription<E>> subscribers = new ArrayList<>();
    private final EventBatchBuilder<E> events = new EventBatchBuilder<>();
    private final JournalSyncer syncer;
    private final boolean pipelined;
    /** The batch being drained and applied. */
    private PendingBatch current = new PendingBatch();
    /** Applied and written, waiting for their fsync, oldest first. */
    private final ArrayDeque<PendingBatch> inFlight = new ArrayDeque<>();
    private final ArrayDeque<PendingBatch> spare = new ArrayDeque<>();

    /**
     * Batches applied but not yet durable before the writer waits for the disk instead of draining more.
     * It also waits once the records waiting for the fsync in progress fill the current journal
     * segment, so a group commit stays about the size of the segment's room, as without the pipeline.
     */
    static final int MAX_IN_FLIGHT = 32;

    /** One drained batch: the queue entries, their outcomes once applied, and what releasing them needs. */
    static final class PendingBatch {
        Entry[] entries = new Entry[64];
        Object[] outcomes = new Object[64];
        int count;
        /** The journal must be durable up to here before anything of this batch is released. */
        long lastSequence;
        long applied;
        EventBatch<?> events;

        void add(Entry entry) {
            if (count == entries.length) {
                entries = Arrays.copyOf(entries, count * 2);
                outcomes = Arrays.copyOf(outcomes, count * 2);
            }
            entries[count++] = entry;
        }

        void clear() {
            Arrays.fill(entries, 0, count, null);
            Arrays.fill(outcomes, 0, count, null);
            count = 0;
            applied = 0;
            events = null;
        }
    }

    private long sequence;
    private long lastTimestamp;
    private long lastSnapshotSequence;
    private volatile long lastSnapshotWritten;
    private int lastSnapshotSize = 4096;

    private volatile boolean finished;
    private volatile boolean halted;
    private volatile Throwable haltCause;

    // metrics: written by the writer (or producers for the adders), read by anyone
    final AtomicLong commands = new AtomicLong();
    final AtomicLong batches = new AtomicLong();
    final AtomicLong queries = new AtomicLong();
    final LongAdder rejectedOverloaded = new LongAdder();
    final AtomicLong rejectedUnencodable = new AtomicLong();
    final AtomicLong snapshotsWritten = new AtomicLong();
    final AtomicLong snapshotFailures = new AtomicLong();
    final AtomicLong consumerLags = new AtomicLong();
    private volatile long publishedSequence;
    private final Recorder batchSizes = new Recorder(3);
    private final Recorder snapshotPauses = new Recorder(3);
    private final Histogram batchSizeTotal = new Histogram(3);
    private final Histogram snapshotPauseTotal = new Histogram(3);

    WriterLoop(SequencerConfig config, M machine, JournalWriter<C> journal, SnapshotStore snapshots, EngineClock clock,
               CommandQueue queue, long lastTimestamp, long lastSnapshotSequence) {
        this.config = config;
        this.machine = machine;
        this.journal = journal;
        this.snapshots = snapshots;
        this.clock = clock;
        this.queue = queue;
        this.sequence = machine.lastSequence();
        this.publishedSequence = sequence;
        this.lastTimestamp = lastTimestamp;
        this.lastSnapshotSequence = lastSnapshotSequence;
        this.lastSnapshotWritten = lastSnapshotSequence;
        this.snapshotExecutor = Executors.newSingleThreadExecutor(
                Thread.ofPlatform().name("tradewind-snapshot-writer").daemon(true).factory());
        this.pipelined = config.durability() == DurabilityPolicy.PER_BATCH;
        this.syncer = config.durability() == DurabilityPolicy.NONE ? null
                : new JournalSyncer(journal, config.durability(), queue::wakeConsumer);
    }

    @Override
    public void run() {
        try {
            if (syncer != null) {
                syncer.start();
            }
            while (!halted) {
                if (!control.isEmpty()) {
                    drainPipeline();
                    runControlTasks();
                }
                releaseDurable();
                writeIfDiskIdle();
                if (inFlight.size() >= MAX_IN_FLIGHT || (pipelined && journal.pendingOverflowsSegment())) {
                    awaitDurable();
                } else if (drain() > 0) {
                    processBatch();
                } else if (queue.isClosedAndDrained()) {
                    break;
                } else {
                    idle();
                }
            }
            if (!halted) {
                shutdownCleanly();
            }
        } catch (Throwable t) {
            halt(t);
        } finally {
            finish();
        }
    }

    private int drain() {
        PendingBatch batch = current;
        int commandCount = 0;
        Object item;
        while (commandCount < config.maxBatchSize() && (item = queue.poll()) != null) {
            Entry entry = (Entry) item;
            batch.add(entry);
            commandCount += entry instanceof BatchEntry b ? b.commands().size() : 1;
        }
        return batch.count;
    }

    private void idle() {
        for (int i = 0; i < config.idleSpins(); i++) {
            if (queue.hasPublished() || !control.isEmpty() || releasable() || writable()) {
                return;
            }
            Thread.onSpinWait();
        }
        // The syncer wakes us through the queue after each fsync, producers after each offer.
        queue.prepareToPark();
        if (queue.hasPublished() || !control.isEmpty() || queue.isClosed() || releasable() || writable()) {
            queue.cancelPark();
            return;
        }
        queue.park(MAX_PARK_NANOS);
    }

    /** Too much in flight: wait for the syncer (or a failure) rather than drain more. */
    private void awaitDurable() {
        queue.prepareToPark();
        if (releasable() || writable() || !control.isEmpty()) {
            queue.cancelPark();
            return;
        }
        queue.park(MAX_PARK_NANOS);
    }

    /** Whether the oldest in-flight batch is durable, or the syncer failed. */
    private boolean releasable() {
        PendingBatch oldest = inFlight.peekFirst();
        return oldest != null && (oldest.lastSequence <= journal.durableSequence() || syncer.failure() != null);
    }

    /** Releases, in order, every in-flight batch the journal has made durable. */
    private void releaseDurable() {
        if (inFlight.isEmpty()) {
            return;
        }
        long durable = journal.durableSequence();
        while (!inFlight.isEmpty() && inFlight.peekFirst().lastSequence <= durable) {
            release(inFlight.pollFirst());
        }
        if (!inFlight.isEmpty() && syncer.failure() != null) {
            throw new JournalSyncFailed(syncer.failure());
        }
    }

    /** Records wait in the journal's buffer while a written group is being forced (PER_BATCH). */
    private boolean writable() {
        return journal.pendingRecords() > 0 && journal.durableSequence() == journal.writtenSequence();
    }

    /**
     * Writes the records applied so far as one group commit, unless (PER_BATCH) the previous group is
     * still being forced: then they wait, and more join them, until it is durable.
     */
    private void writeIfDiskIdle() throws IOException {
        if (journal.pendingRecords() == 0 || (pipelined && journal.durableSequence() != journal.writtenSequence())) {
            return;
        }
        journal.write();
        if (syncer != null) {
            syncer.written();
        }
    }

    /**
     * Makes everything applied durable on this thread and releases it (before control tasks, at
     * shutdown, when halting on apply). The group being forced is waited for before the rest is written.
     */
    private void drainPipeline() throws IOException {
        if (inFlight.isEmpty() && journal.pendingRecords() == 0) {
            return;
        }
        journal.force();
        journal.write();
        journal.force();
        releaseDurable();
    }

    /** The syncer's fsync failed: the in-flight commands may or may not be durable. */
    private static final class JournalSyncFailed extends RuntimeException {
        JournalSyncFailed(Throwable cause) {
            super("journal fsync failed: " + cause, cause);
        }
    }

    private void processBatch() throws IOException {
        PendingBatch batch = current;
        Entry[] entries = batch.entries;
        Object[] outcomes = batch.outcomes;
        int entryCount = batch.count;
        long timestamp = nextTimestamp();
        long firstSequence = sequence + 1;
        int failedAt = -1;
        ApplyFailed applyFailure = null;
        try {
            for (int i = 0; i < entryCount; i++) {
                if (pipelined && i > 0) {
                    writeIfDiskIdle(); // the fsync finished meanwhile: keep the disk busy
                }
                int journalMark = journal.pendingRecords();
                int eventMark = events.size();
                long sequenceMark = sequence;
                try {
                    outcomes[i] = switch (entries[i]) {
                        case CommandEntry entry -> applyCommand(entry.command(), timestamp);
                        case BatchEntry entry -> applyBatch(entry.commands(), timestamp);
                        case QueryEntry entry -> runQuery(entry.query());
                    };
                } catch (ApplyFailed e) {
                    journal.discardPending(journalMark);
                    events.rollback(eventMark, sequenceMark);
                    sequence = sequenceMark;
                    failedAt = i;
                    applyFailure = e;
                    break;
                }
            }
            // Entries from failedAt on get no outcome: they fail when the engine halts below.
            batch.count = failedAt < 0 ? entryCount : failedAt;
            writeIfDiskIdle();
        } catch (IOException | RuntimeException e) {
            EngineRejectedException reason = new EngineRejectedException(EngineErrorCode.ENGINE_HALTED,
                    "journal write failed; commands of this batch may or may not be durable", e);
            for (int i = 0; i < entryCount; i++) {
                fail(entries[i], reason);
            }
            batch.clear();
            throw e;
        }
        long applied = sequence - firstSequence + 1;
        batch.applied = applied;
        batch.lastSequence = sequence;
        if (applied > 0) {
            batches.incrementAndGet();
            batchSizes.recordValue(applied);
            if (subscribers.isEmpty()) {
                events.clear();
            } else {
                batch.events = events.build();
            }
        }
        current = spare.isEmpty() ? new PendingBatch() : spare.poll();
        if (pipelined) {
            inFlight.addLast(batch);
        } else {
            release(batch);
        }
        if (applyFailure != null) {
            drainPipeline(); // the commands before the failing one are journaled: release them
            EngineRejectedException reason = new EngineRejectedException(EngineErrorCode.ENGINE_HALTED,
                    applyFailure.getMessage(), applyFailure.getCause());
            for (int i = failedAt; i < entryCount; i++) {
                fail(entries[i], reason);
            }
            Arrays.fill(entries, failedAt, entryCount, null);
            throw applyFailure;
        }
        if (config.snapshotEveryCommands() > 0 && config.durability() != DurabilityPolicy.NONE
                && sequence - lastSnapshotSequence >= config.snapshotEveryCommands()) {
            takeSnapshot(false);
        }
    }

    private long nextTimestamp() {
        long now = clock.epochNanos();
        if (now > lastTimestamp) {
            lastTimestamp = now;
        }
        return lastTimestamp;
    }

    private Object applyCommand(Object command, long timestamp) {
        @SuppressWarnings("unchecked")
        C typed = (C) command;
        try {
            journal.append(sequence + 1, timestamp, typed);
        } catch (IllegalArgumentException e) {
            rejectedUnencodable.incrementAndGet();
            return new Failure(new EngineRejectedException(EngineErrorCode.ENGINE_COMMAND_NOT_ENCODABLE, e.getMessage(), e));
        }
        return apply(typed, timestamp);
    }

    private Object applyBatch(List<?> commands, long timestamp) {
        int mark = journal.pendingRecords();
        long next = sequence;
        try {
            for (Object command : commands) {
                @SuppressWarnings("unchecked")
                C typed = (C) command;
                journal.append(++next, timestamp, typed);
            }
        } catch (IllegalArgumentException e) {
            journal.discardPending(mark);
            rejectedUnencodable.incrementAndGet();
            return new Failure(new EngineRejectedException(EngineErrorCode.ENGINE_COMMAND_NOT_ENCODABLE,
                    "batch not applied: " + e.getMessage(), e));
        }
        Object[] results = new Object[commands.size()];
        for (int j = 0; j < results.length; j++) {
            @SuppressWarnings("unchecked")
            C typed = (C) commands.get(j);
            results[j] = apply(typed, timestamp);
        }
        return Arrays.asList(results);
    }

    private R apply(C command, long timestamp) {
        long next = sequence + 1;
        events.begin(next);
        R result;
        try {
            result = machine.apply(next, timestamp, command, events);
        } catch (Throwable t) {
            throw new ApplyFailed(next, t);
        }
        sequence = next;
        return result;
    }

    private Object runQuery(Function<Object, Object> query) {
        queries.incrementAndGet();
        try {
            return query.apply(machine);
        } catch (Throwable t) {
            return new Failure(t);
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void complete(Entry entry, Object outcome) {
        CompletableFuture future = switch (entry) {
            case CommandEntry e -> e.future();
            case BatchEntry e -> e.future();
            case QueryEntry e -> e.future();
        };
        if (outcome instanceof Failure failure) {
            future.completeExceptionally(failure.error());
        } else {
            future.complete(outcome);
        }
    }

    private static void fail(Entry entry, Throwable reason) {
        complete(entry, new Failure(reason));
    }

    /** Completes the batch's futures and publishes its events (it is durable per policy), then recycles it. */
    private void release(PendingBatch batch) {
        if (batch.applied > 0) {
            publishedSequence = batch.lastSequence;
            commands.addAndGet(batch.applied);
        }
        for (int i = 0; i < batch.count; i++) {
            complete(batch.entries[i], batch.outcomes[i]);
        }
        if (batch.events != null) {
            @SuppressWarnings("unchecked")
            EventBatch<E> published = (EventBatch<E>) batch.events;
            publish(published);
        }
        batch.clear();
        if (spare.size() < MAX_IN_FLIGHT) {
            spare.push(batch);
        }
    }

    private void publish(EventBatch<E> batch) {
        for (int i = subscribers.size() - 1; i >= 0; i--) {
            Subscription<E> subscriber = subscribers.get(i);
            if (!subscriber.offer(batch)) {
                subscribers.remove(i);
                consumerLags.incrementAndGet();
                LOG.log(Level.WARNING, "Event consumer {0} is lagging (buffer full at sequence {1}); it will re-sync "
                        + "from the journal", subscriber.name(), batch.lastSequence());
            }
        }
    }

    // ---- snapshots ----

    private void takeSnapshot(boolean synchronous) {
        lastSnapshotSequence = sequence; // also on failure: retry after another interval, not every batch
        try {
            // Snapshots are never skipped: if the previous file is still being written, wait for it (only
            // when snapshots are due faster than the disk writes them).
            if (snapshotWrite != null) {
                try {
                    snapshotWrite.get();
                } catch (ExecutionException e) {
                    // writeSnapshot logs and counts its own failures
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                snapshotWrite = null;
            }
            // A snapshot must never get ahead of the durable journal: one or two fsyncs on this thread,
            // every snapshotEveryCommands commands.
            if (pipelined) {
                drainPipeline();
            } else if (config.durability() == DurabilityPolicy.INTERVAL) {
                journal.force();
            }
            BufferDataOutput out = new BufferDataOutput(lastSnapshotSize + lastSnapshotSize / 4);
            long start = System.nanoTime();
            machine.writeSnapshot(out);
            snapshotPauses.recordValue(System.nanoTime() - start);
            lastSnapshotSize = out.position();
            long snapshotSequence = sequence;
            long snapshotTimestamp = lastTimestamp;
            if (synchronous) {
                writeSnapshot(snapshotSequence, snapshotTimestamp, out);
            } else {
                snapshotWrite = snapshotExecutor.submit(() -> writeSnapshot(snapshotSequence, snapshotTimestamp, out));
            }
        } catch (IOException | RuntimeException e) {
            snapshotFailures.incrementAndGet();
            LOG.log(Level.ERROR, "Could not take a snapshot at sequence " + sequence + "; the journal still has "
                    + "everything, recovery will just replay more", e);
        }
    }

    private void writeSnapshot(long snapshotSequence, long timestamp, BufferDataOutput state) {
        try {
            if (journal.durableSequence() < snapshotSequence) {
                throw new IllegalStateException("snapshot " + snapshotSequence + " is ahead of the durable journal ("
                        + journal.durableSequence() + ")");
            }
            snapshots.write(snapshotSequence, timestamp, state.array(), state.position());
            lastSnapshotWritten = snapshotSequence;
            snapshotsWritten.incrementAndGet();
            long oldest = snapshots.oldestSequence();
            if (oldest > 0) {
                JournalFiles.deleteSegmentsUpTo(config.journalDirectory(), oldest);
            }
        } catch (IOException | RuntimeException e) {
            snapshotFailures.incrementAndGet();
            LOG.log(Level.ERROR, "Could not write snapshot " + snapshotSequence + "; the journal still has everything", e);
        }
    }

    // ---- lifecycle ----

    private void shutdownCleanly() throws IOException, InterruptedException {
        journal.force();
        journal.write();
        journal.force();
        releaseDurable();
        snapshotExecutor.shutdown();
        snapshotExecutor.awaitTermination(1, TimeUnit.HOURS);
        if (syncer != null) {
            syncer.stop();
        }
        if (sequence > lastSnapshotWritten && config.durability() != DurabilityPolicy.NONE) {
            takeSnapshot(true);
        }
        journal.close();
        LOG.log(Level.INFO, "Sequencer stopped cleanly at sequence {0}", sequence);
    }

    private void halt(Throwable cause) {
        haltCause = cause;
        halted = true;
        LOG.log(Level.ERROR, "Sequencer halted at sequence " + sequence + ": " + cause, cause);
        queue.close();
        EngineRejectedException reason = new EngineRejectedException(EngineErrorCode.ENGINE_HALTED,
                "the sequencer halted: " + cause, cause);
        for (int i = 0; i < current.count; i++) {
            fail(current.entries[i], reason);
        }
        current.clear();
        for (PendingBatch batch : inFlight) {
            for (int i = 0; i < batch.count; i++) {
                fail(batch.entries[i], reason);
            }
            batch.clear();
        }
        inFlight.clear();
        drainAndReject(reason);
        if (syncer != null) {
            try {
                syncer.stop();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        snapshotExecutor.shutdownNow();
        try {
            journal.close();
        } catch (IOException | RuntimeException e) {
            cause.addSuppressed(e);
        }
    }

    private void drainAndReject(EngineRejectedException reason) {
        // Producers that claimed a slot before the close publish it within nanoseconds.
        while (!queue.isClosedAndDrained()) {
            Object item = queue.poll();
            if (item == null) {
                Thread.onSpinWait();
            } else {
                fail((Entry) item, reason);
            }
        }
    }

    private void finish() {
        finished = true;
        EngineRejectedException closed = new EngineRejectedException(EngineErrorCode.ENGINE_CLOSED, "the sequencer has stopped");
        ControlTask task;
        while ((task = control.poll()) != null) {
            task.reject(closed);
        }
        for (Subscription<E> subscriber : subscribers) {
            subscriber.engineDone();
        }
        subscribers.clear();
    }

    private void runControlTasks() {
        ControlTask task;
        while ((task = control.poll()) != null) {
            task.run();
        }
    }

    // ---- called from other threads ----

    /** Queues a task for the writer thread; rejects it if the writer has finished. */
    void submitControl(ControlTask task) {
        if (finished) {
            task.reject(new EngineRejectedException(EngineErrorCode.ENGINE_CLOSED, "the sequencer has stopped"));
            return;
        }
        control.add(task);
        queue.wakeConsumer();
        if (finished && control.remove(task)) {
            task.reject(new EngineRejectedException(EngineErrorCode.ENGINE_CLOSED, "the sequencer has stopped"));
        }
    }

    /** Writer thread only (from a control task). */
    long addSubscriber(Subscription<E> subscription) {
        subscribers.add(subscription);
        return publishedSequence;
    }

    /** Writer thread only (from a control task). */
    void removeSubscriber(Subscription<E> subscription) {
        subscribers.remove(subscription);
    }

    boolean isHalted() {
        return halted;
    }

    Throwable haltCause() {
        return haltCause;
    }

    long publishedSequence() {
        return publishedSequence;
    }

    synchronized SequencerMetrics metrics() {
        batchSizeTotal.add(batchSizes.getIntervalHistogram());
        snapshotPauseTotal.add(snapshotPauses.getIntervalHistogram());
        return new SequencerMetrics(commands.get(), batches.get(), queries.get(), rejectedOverloaded.sum(),
                rejectedUnencodable.get(), publishedSequence, journal.durableSequence(), journal.forces(),
                snapshotsWritten.get(), snapshotFailures.get(), consumerLags.get(), queue.size(), batchSizeTotal.copy(),
                journal.fsyncLatency(), snapshotPauseTotal.copy());
    }
}
