package dev.tradewind.engine.sequencer;

import dev.tradewind.engine.journal.BufferDataInput;
import dev.tradewind.engine.journal.DurabilityPolicy;
import dev.tradewind.engine.journal.JournalReader;
import dev.tradewind.engine.journal.JournalWriter;
import dev.tradewind.engine.journal.Snapshot;
import dev.tradewind.engine.journal.SnapshotStore;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The single-writer sequencer: recovers the state machine from the newest valid snapshot plus the
 * journal, then owns it on one thread. Producers submit commands from any thread and get a future
 * completed once the command is applied and journaled (and fsynced under
 * {@link dev.tradewind.engine.journal.DurabilityPolicy#PER_BATCH}); consumers attach to the events.
 *
 * <pre>{@code
 * try (var engine = Sequencer.start(SequencerConfig.defaults(dir), codec, MyMachine::new)) {
 *     CompletableFuture<Result> r = engine.submit(command);          // never blocks
 *     long hash = engine.query(MyMachine::stateHash).join();          // consistent read on the writer thread
 *     var sub = engine.attach("persister", consumer, lastPersisted, 1024);
 * }
 * }</pre>
 *
 * <p>Futures are completed on the writer thread: attach only cheap callbacks (or use the
 * {@code *Async} variants) so the engine is not slowed. If {@link StateMachine#apply} throws, or a
 * journal write fails, the sequencer halts (every pending and later future fails with
 * {@link EngineErrorCode#ENGINE_HALTED}); restart it to recover from the files.
 */
public final class Sequencer<C, R, E, M extends StateMachine<C, R, E>> implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(Sequencer.class.getName());

    private final SequencerConfig config;
    private final CommandQueue queue;
    private final WriterLoop<C, R, E, M> writer;
    private final Thread writerThread;
    private final EventReplayer<C, R, E> replayer;
    private final long recoveredSequence;
    private final List<Subscription<E>> subscriptions = new CopyOnWriteArrayList<>();
    private final AtomicBoolean closing = new AtomicBoolean();

    private Sequencer(SequencerConfig config, CommandQueue queue, WriterLoop<C, R, E, M> writer,
                      EventReplayer<C, R, E> replayer, long recoveredSequence) {
        this.config = config;
        this.queue = queue;
        this.writer = writer;
        this.replayer = replayer;
        this.recoveredSequence = recoveredSequence;
        this.writerThread = Thread.ofPlatform().name("tradewind-sequencer").daemon(true).unstarted(writer);
        queue.consumerThread(writerThread);
    }

    /** Recovers and starts with the system clock. */
    public static <C, R, E, M extends StateMachine<C, R, E>> Sequencer<C, R, E, M> start(
            SequencerConfig config, Codec<C> codec, Supplier<M> machineFactory) throws IOException {
        return start(config, codec, machineFactory, EngineClock.system());
    }

    /**
     * Recovers the state (newest valid snapshot, falling back to older ones, then every later journal
     * record re-applied with its journaled timestamp; no events are published for them) and starts the
     * writer thread.
     *
     * @param machineFactory creates an empty state machine; also used by the {@link EventReplayer}
     * @throws dev.tradewind.engine.journal.JournalCorruptedException if the journal is damaged in a way
     *                                                                 that must not be truncated
     */
    public static <C, R, E, M extends StateMachine<C, R, E>> Sequencer<C, R, E, M> start(
            SequencerConfig config, Codec<C> codec, Supplier<M> machineFactory, EngineClock clock) throws IOException {
        Objects.requireNonNull(codec, "codec");
        Objects.requireNonNull(machineFactory, "machineFactory");
        Objects.requireNonNull(clock, "clock");
        long started = System.nanoTime();
        Files.createDirectories(config.directory());
        SnapshotStore snapshots = new SnapshotStore(config.snapshotDirectory(), config.snapshotsToKeep());
        M machine = machineFactory.get();
        boolean journaled = config.durability() != DurabilityPolicy.NONE;
        Optional<Snapshot> snapshot = journaled ? snapshots.recoverNewest() : Optional.empty();
        long snapshotSequence = 0;
        long snapshotTimestamp = 0;
        if (snapshot.isPresent()) {
            snapshotSequence = snapshot.get().sequence();
            snapshotTimestamp = snapshot.get().timestamp();
            machine.readSnapshot(new BufferDataInput(snapshot.get().state()));
            if (machine.lastSequence() != snapshotSequence) {
                throw new IllegalStateException("Snapshot " + snapshotSequence + " restored a state whose lastSequence() is "
                        + machine.lastSequence() + ": the state machine's snapshot format is inconsistent");
            }
        }
        JournalWriter<C> journal = JournalWriter.open(config.journalConfig(), codec);
        try {
            if (journal.lastSequence() < snapshotSequence) {
                throw new IllegalStateException("Snapshot " + snapshotSequence + " is ahead of the journal, which ends at "
                        + journal.lastSequence() + ": journal data was lost. Restore the journal, or move the snapshots "
                        + "away to start from the journal alone.");
            }
            if (journaled) {
                try (JournalReader<C> reader = JournalReader.open(config.journalDirectory(), codec, snapshotSequence)) {
                    Consumer<E> ignore = event -> { };
                    reader.replay(journal.lastSequence(), (sequence, timestamp, command) ->
                            machine.apply(sequence, timestamp, command, ignore));
                }
            }
            if (machine.lastSequence() != journal.lastSequence()) {
                throw new IllegalStateException("After replay the state is at sequence " + machine.lastSequence()
                        + " but the journal ends at " + journal.lastSequence());
            }
            long replayed = journal.lastSequence() - snapshotSequence;
            LOG.log(Level.INFO, "Recovered {0} at sequence {1} (snapshot {2} + {3} journal records) in {4} ms",
                    config.directory(), journal.lastSequence(), snapshotSequence, replayed,
                    (System.nanoTime() - started) / 1_000_000);
            CommandQueue queue = new CommandQueue(config.queueCapacity());
            WriterLoop<C, R, E, M> writer = new WriterLoop<>(config, machine, journal, snapshots, clock, queue,
                    Math.max(journal.lastTimestamp(), snapshotTimestamp), snapshotSequence);
            EventReplayer<C, R, E> replayer = new EventReplayer<>(config.directory(), codec, machineFactory);
            Sequencer<C, R, E, M> sequencer = new Sequencer<>(config, queue, writer, replayer, journal.lastSequence());
            sequencer.writerThread.start();
            return sequencer;
        } catch (IOException | RuntimeException e) {
            journal.close();
            throw e;
        }
    }

    /** The sequence the state was recovered to at start. */
    public long recoveredSequence() {
        return recoveredSequence;
    }

    /**
     * Queues a command. Never blocks: if the queue is full the future is already failed with
     * {@link EngineErrorCode#ENGINE_OVERLOADED}, if closing with {@link EngineErrorCode#ENGINE_CLOSED}.
     */
    public CompletableFuture<R> submit(C command) {
        Objects.requireNonNull(command, "command");
        CompletableFuture<Object> future = new CompletableFuture<>();
        offer(new WriterLoop.CommandEntry(command, future), future);
        @SuppressWarnings("unchecked")
        CompletableFuture<R> typed = (CompletableFuture<R>) (CompletableFuture<?>) future;
        return typed;
    }

    /**
     * Queues commands as one unit (one queue slot, one future, applied consecutively in one group
     * commit, never split): for load generators and bulk producers. At most {@code maxBatchSize}.
     */
    public CompletableFuture<List<R>> submitAll(List<? extends C> commands) {
        List<? extends C> copy = List.copyOf(commands);
        CompletableFuture<List<Object>> future = new CompletableFuture<>();
        if (copy.size() > config.maxBatchSize()) {
            future.completeExceptionally(new EngineRejectedException(EngineErrorCode.ENGINE_BATCH_TOO_LARGE,
                    copy.size() + " commands in one submit, over maxBatchSize " + config.maxBatchSize()));
        } else if (copy.isEmpty()) {
            future.complete(List.of());
        } else {
            offer(new WriterLoop.BatchEntry(copy, future), future);
        }
        @SuppressWarnings("unchecked")
        CompletableFuture<List<R>> typed = (CompletableFuture<List<R>>) (CompletableFuture<?>) future;
        return typed;
    }

    /**
     * Runs a read-only function on the writer thread, after every command submitted before it (by this
     * thread) and before any submitted after; completed with the batch, i.e. once the state it saw is
     * journaled. It must not mutate the state machine nor block.
     */
    public <T> CompletableFuture<T> query(Function<? super M, ? extends T> query) {
        Objects.requireNonNull(query, "query");
        CompletableFuture<Object> future = new CompletableFuture<>();
        @SuppressWarnings("unchecked")
        Function<Object, Object> untyped = (Function<Object, Object>) (Function<?, ?>) query;
        offer(new WriterLoop.QueryEntry(untyped, future), future);
        @SuppressWarnings("unchecked")
        CompletableFuture<T> typed = (CompletableFuture<T>) (CompletableFuture<?>) future;
        return typed;
    }

    private void offer(WriterLoop.Entry entry, CompletableFuture<?> future) {
        switch (queue.offer(entry)) {
            case ACCEPTED -> {
            }
            case FULL -> {
                writer.rejectedOverloaded.increment();
                future.completeExceptionally(new EngineRejectedException(EngineErrorCode.ENGINE_OVERLOADED,
                        "command queue full (" + config.queueCapacity() + " entries); retry later"));
            }
            case CLOSED -> future.completeExceptionally(writer.isHalted()
                    ? new EngineRejectedException(EngineErrorCode.ENGINE_HALTED, "the sequencer halted: " + writer.haltCause())
                    : new EngineRejectedException(EngineErrorCode.ENGINE_CLOSED, "the sequencer is closed"));
        }
    }

    /**
     * Attaches an event consumer with its own thread and a ring of {@code bufferCapacity} batches
     * (rounded up to a power of two). It first receives the events after {@code afterSequence}
     * regenerated from the journal (e.g. a persister's last persisted sequence), then live events;
     * {@link Subscription#LIVE} skips the history. The engine never waits for it; see {@link Subscription}.
     */
    public Subscription<E> attach(String name, EventConsumer<E> consumer, long afterSequence, int bufferCapacity) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(consumer, "consumer");
        if (afterSequence < Subscription.LIVE) {
            throw new IllegalArgumentException("afterSequence must be >= 0 or Subscription.LIVE, got " + afterSequence);
        }
        if (writer.isHalted()) {
            throw new EngineRejectedException(EngineErrorCode.ENGINE_HALTED, "the sequencer halted: " + writer.haltCause());
        }
        if (closing.get()) {
            throw new EngineRejectedException(EngineErrorCode.ENGINE_CLOSED, "the sequencer is closed");
        }
        Subscription<E> subscription = new Subscription<>(name, consumer, new Host(), afterSequence, bufferCapacity,
                config.closeTimeout());
        subscriptions.add(subscription);
        subscription.start();
        return subscription;
    }

    private final class Host implements Subscription.Host<E> {
        @Override
        public CompletableFuture<Long> register(Subscription<E> subscription) {
            CompletableFuture<Long> registered = new CompletableFuture<>();
            writer.submitControl(new WriterLoop.ControlTask() {
                @Override
                public void run() {
                    registered.complete(writer.addSubscriber(subscription));
                }

                @Override
                public void reject(EngineRejectedException reason) {
                    registered.completeExceptionally(reason);
                }
            });
            return registered;
        }

        @Override
        public void unregister(Subscription<E> subscription) {
            subscriptions.remove(subscription);
            writer.submitControl(new WriterLoop.ControlTask() {
                @Override
                public void run() {
                    writer.removeSubscriber(subscription);
                }

                @Override
                public void reject(EngineRejectedException reason) {
                    // the writer has stopped; nothing to detach from
                }
            });
        }

        @Override
        public void replay(long afterSequence, long toSequence, Consumer<EventBatch<E>> sink) throws IOException {
            replayer.replay(afterSequence, toSequence, sink);
        }
    }

    /** Regenerates past events from the snapshots and journal of this sequencer's directory. */
    public EventReplayer<C, R, E> replayer() {
        return replayer;
    }

    public SequencerMetrics metrics() {
        return writer.metrics();
    }

    /** Last sequence whose events were published (and whose results were released). */
    public long publishedSequence() {
        return writer.publishedSequence();
    }

    public boolean isHalted() {
        return writer.isHalted();
    }

    public SequencerConfig config() {
        return config;
    }

    /**
     * Stops accepting commands (new submits fail with {@link EngineErrorCode#ENGINE_CLOSED}), applies and
     * journals everything already queued, fsyncs, writes a final snapshot, then lets each consumer
     * drain its buffer (up to {@code closeTimeout} each). Idempotent; waits for the writer to stop.
     */
    @Override
    public void close() {
        if (Thread.currentThread() == writerThread) {
            throw new IllegalStateException("close() called on the writer thread (from a future callback?): it would "
                    + "wait for itself. Close from another thread.");
        }
        if (closing.compareAndSet(false, true)) {
            queue.close();
        }
        try {
            writerThread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        for (Subscription<E> subscription : subscriptions) {
            subscription.join();
        }
    }
}
