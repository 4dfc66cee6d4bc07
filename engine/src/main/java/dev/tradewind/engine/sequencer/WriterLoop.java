package dev.tradewind.engine.sequencer;

import dev.tradewind.engine.journal.BufferDataOutput;
import dev.tradewind.engine.journal.DurabilityPolicy;
import dev.tradewind.engine.journal.JournalFiles;
import dev.tradewind.engine.journal.JournalWriter;
import dev.tradewind.engine.journal.SnapshotStore;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * The single writer: owns the state machine and the journal writer, and does everything that touches
 * them on one thread. Per batch: drain up to {@code maxBatchSize} commands, stamp one timestamp, and for
 * each command encode it into the journal batch (an unencodable one is rejected before it gets a
 * sequence) then apply it; write and (per policy) fsync the batch; complete the futures; publish the
 * events; maybe snapshot.
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
    private final AtomicBoolean snapshotInFlight = new AtomicBoolean();

    private final List<Subscription<E>> subscribers = new ArrayList<>();
    private final EventBatchBuilder<E> events = new EventBatchBuilder<>();
    private Entry[] entries = new Entry[64];
    private Object[] outcomes = new Object[64];
    private int entryCount;

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
    }

    @Override
    public void run() {
        try {
            while (!halted) {
                runControlTasks();
                if (drain() > 0) {
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
        entryCount = 0;
        int commandCount = 0;
        Object item;
        while (commandCount < config.maxBatchSize() && (item = queue.poll()) != null) {
            if (entryCount == entries.length) {
                entries = Arrays.copyOf(entries, entryCount * 2);
                outcomes = Arrays.copyOf(outcomes, entryCount * 2);
            }
            Entry entry = (Entry) item;
            entries[entryCount++] = entry;
            commandCount += entry instanceof BatchEntry batch ? batch.commands().size() : 1;
        }
        return entryCount;
    }

    private void idle() throws IOException {
        for (int i = 0; i < config.idleSpins(); i++) {
            if (queue.hasPublished() || !control.isEmpty()) {
                return;
            }
            Thread.onSpinWait();
        }
        long forceDue = journal.nanosUntilForceDue();
        if (forceDue == 0) {
            journal.forceIfDue();
            return;
        }
        queue.prepareToPark();
        if (queue.hasPublished() || !control.isEmpty() || queue.isClosed()) {
            queue.cancelPark();
            return;
        }
        queue.park(Math.min(forceDue, MAX_PARK_NANOS));
    }

    private void processBatch() throws IOException {
        long timestamp = nextTimestamp();
        long firstSequence = sequence + 1;
        int failedAt = -1;
        ApplyFailed applyFailure = null;
        for (int i = 0; i < entryCount; i++) {
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
        int completed = failedAt < 0 ? entryCount : failedAt;
        try {
            journal.commit();
        } catch (IOException | RuntimeException e) {
            EngineRejectedException reason = new EngineRejectedException(EngineErrorCode.ENGINE_HALTED,
                    "journal write failed; commands of this batch may or may not be durable", e);
            for (int i = 0; i < entryCount; i++) {
                fail(entries[i], reason);
            }
            entryCount = 0;
            throw e;
        }
        long applied = sequence - firstSequence + 1;
        if (applied > 0) {
            publishedSequence = sequence;
            commands.addAndGet(applied);
            batches.incrementAndGet();
            batchSizes.recordValue(applied);
        }
        for (int i = 0; i < completed; i++) {
            complete(entries[i], outcomes[i]);
            outcomes[i] = null;
        }
        if (applied > 0) {
            publish();
        }
        if (applyFailure != null) {
            EngineRejectedException reason = new EngineRejectedException(EngineErrorCode.ENGINE_HALTED,
                    applyFailure.getMessage(), applyFailure.getCause());
            for (int i = failedAt; i < entryCount; i++) {
                fail(entries[i], reason);
            }
            entryCount = 0;
            throw applyFailure;
        }
        Arrays.fill(entries, 0, entryCount, null);
        entryCount = 0;
        if (config.snapshotEveryCommands() > 0 && config.durability() != DurabilityPolicy.NONE
                && sequence - lastSnapshotSequence >= config.snapshotEveryCommands()
                && !snapshotInFlight.get()) {
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

    private void publish() {
        if (subscribers.isEmpty()) {
            events.clear();
            return;
        }
        EventBatch<E> batch = events.build();
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
            if (config.durability() == DurabilityPolicy.INTERVAL) {
                journal.force(); // a snapshot must never get ahead of the durable journal
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
                snapshotInFlight.set(true);
                snapshotExecutor.execute(() -> {
                    try {
                        writeSnapshot(snapshotSequence, snapshotTimestamp, out);
                    } finally {
                        snapshotInFlight.set(false);
                    }
                });
            }
        } catch (IOException | RuntimeException e) {
            snapshotFailures.incrementAndGet();
            LOG.log(Level.ERROR, "Could not take a snapshot at sequence " + sequence + "; the journal still has "
                    + "everything, recovery will just replay more", e);
        }
    }

    private void writeSnapshot(long snapshotSequence, long timestamp, BufferDataOutput state) {
        try {
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
        journal.commit();
        journal.force();
        snapshotExecutor.shutdown();
        snapshotExecutor.awaitTermination(1, TimeUnit.HOURS);
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
        for (int i = 0; i < entryCount; i++) {
            fail(entries[i], reason);
        }
        entryCount = 0;
        drainAndReject(reason);
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
