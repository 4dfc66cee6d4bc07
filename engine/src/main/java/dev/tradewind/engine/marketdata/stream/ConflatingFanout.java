package dev.tradewind.engine.marketdata.stream;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Latest-state fan-out for stream channels whose newest value supersedes the older ones (ticker,
 * book, current candle): every subscriber has one slot per channel holding the newest value it has
 * not received yet. {@link #publish} overwrites the slots and never blocks or waits for anyone; a
 * subscriber that is slow (or stalled) simply skips the values it had no time for and receives the
 * newest one when it catches up.
 *
 * <p>Delivery runs on the given {@link Executor}, one drain task at a time per subscriber (so each
 * subscriber sees its messages in order on one thread at a time). A delivery may block (a socket
 * write): use a virtual-thread-per-task executor so a stalled subscriber parks only its own virtual
 * thread. Publishing costs {@code O(subscribers of the channel)}: call it from a publisher thread
 * at a bounded rate, not from the pipeline thread per update.
 *
 * <p>Streams that must not lose messages (trades, orders) need a bounded queue per subscriber
 * instead; that is not this class.
 *
 * @param <K> channel key, e.g. {@code "ticker:BTC-USD"}
 * @param <V> immutable value
 */
public final class ConflatingFanout<K, V> {
    private static final System.Logger LOG = System.getLogger(ConflatingFanout.class.getName());

    /** Sends one value to one subscriber; may block; an exception closes that subscriber. */
    @FunctionalInterface
    public interface Delivery<K, V> {
        void deliver(K channel, V value) throws Exception;
    }

    private final ConcurrentHashMap<K, Channel<K, V>> channels = new ConcurrentHashMap<>();
    private final Executor executor;

    public ConflatingFanout(Executor executor) {
        this.executor = executor;
    }

    /** A new subscriber with no channels yet. */
    public Subscriber<K, V> subscriber(Delivery<K, V> delivery) {
        return new Subscriber<>(this, delivery);
    }

    /** Makes {@code value} the newest state of {@code channel} for every subscriber. Never blocks. */
    public void publish(K channel, V value) {
        Channel<K, V> ch = channels.computeIfAbsent(channel, Channel::new);
        ch.latest = value;
        for (Slot<K, V> slot : ch.slots) {
            if (slot.offer(value)) {
                slot.subscriber.schedule();
            }
        }
    }

    /** The newest value published on {@code channel}, or null. */
    public V latest(K channel) {
        Channel<K, V> ch = channels.get(channel);
        return ch == null ? null : ch.latest;
    }

    public int subscribers(K channel) {
        Channel<K, V> ch = channels.get(channel);
        return ch == null ? 0 : ch.slots.length;
    }

    private static final class Channel<K, V> {
        final K key;
        volatile V latest;
        @SuppressWarnings("unchecked")
        volatile Slot<K, V>[] slots = new Slot[0];

        Channel(K key) {
            this.key = key;
        }

        synchronized void add(Slot<K, V> slot) {
            Slot<K, V>[] next = Arrays.copyOf(slots, slots.length + 1);
            next[slots.length] = slot;
            slots = next;
        }

        synchronized void remove(Slot<K, V> slot) {
            slots = Arrays.stream(slots).filter(s -> s != slot).toArray(n -> Arrays.copyOf(slots, n));
        }
    }

    private static final class Slot<K, V> {
        private static final VarHandle VALUE;

        static {
            try {
                VALUE = MethodHandles.lookup().findVarHandle(Slot.class, "value", Object.class);
            } catch (ReflectiveOperationException e) {
                throw new ExceptionInInitializerError(e);
            }
        }

        final Subscriber<K, V> subscriber;
        final Channel<K, V> channel;
        @SuppressWarnings("unused") // through VALUE
        private volatile Object value;

        Slot(Subscriber<K, V> subscriber, Channel<K, V> channel) {
            this.subscriber = subscriber;
            this.channel = channel;
        }

        /** True when the slot was empty (the subscriber has new work). */
        boolean offer(V v) {
            Object previous = VALUE.getAndSet(this, v);
            if (previous != null) {
                subscriber.conflated.incrementAndGet();
                return false;
            }
            return true;
        }

        @SuppressWarnings("unchecked")
        V take() {
            return (V) VALUE.getAndSet(this, (Object) null);
        }

        boolean pending() {
            return value != null;
        }
    }

    /** One consumer (e.g. a WebSocket session) and its slots. */
    public static final class Subscriber<K, V> implements AutoCloseable {
        private static final VarHandle SCHEDULED;

        static {
            try {
                SCHEDULED = MethodHandles.lookup().findVarHandle(Subscriber.class, "scheduled", boolean.class);
            } catch (ReflectiveOperationException e) {
                throw new ExceptionInInitializerError(e);
            }
        }

        private final ConflatingFanout<K, V> fanout;
        private final Delivery<K, V> delivery;
        private final AtomicLong delivered = new AtomicLong();
        private final AtomicLong conflated = new AtomicLong();
        @SuppressWarnings("unchecked")
        private volatile Slot<K, V>[] slots = new Slot[0];
        @SuppressWarnings("unused") // through SCHEDULED
        private volatile boolean scheduled;
        private volatile boolean closed;

        private Subscriber(ConflatingFanout<K, V> fanout, Delivery<K, V> delivery) {
            this.fanout = fanout;
            this.delivery = delivery;
        }

        /** Adds a channel; its current value (if any) is delivered right away. */
        public synchronized Subscriber<K, V> subscribe(K channel) {
            if (closed) {
                throw new IllegalStateException("subscriber is closed");
            }
            for (Slot<K, V> s : slots) {
                if (s.channel.key.equals(channel)) {
                    return this;
                }
            }
            Channel<K, V> ch = fanout.channels.computeIfAbsent(channel, Channel::new);
            Slot<K, V> slot = new Slot<>(this, ch);
            Slot<K, V>[] next = Arrays.copyOf(slots, slots.length + 1);
            next[slots.length] = slot;
            slots = next;
            ch.add(slot);
            V current = ch.latest;
            if (current != null && slot.offer(current)) {
                schedule();
            }
            return this;
        }

        public synchronized void unsubscribe(K channel) {
            for (Slot<K, V> s : slots) {
                if (s.channel.key.equals(channel)) {
                    s.channel.remove(s);
                    slots = Arrays.stream(slots).filter(x -> x != s).toArray(n -> Arrays.copyOf(slots, n));
                    return;
                }
            }
        }

        void schedule() {
            if (!closed && SCHEDULED.compareAndSet(this, false, true)) {
                fanout.executor.execute(this::drain);
            }
        }

        private void drain() {
            do {
                for (Slot<K, V> slot : slots) {
                    V value = slot.take();
                    if (value == null || closed) {
                        continue;
                    }
                    try {
                        delivery.deliver(slot.channel.key, value);
                        delivered.incrementAndGet();
                    } catch (Exception e) {
                        if (!closed) { // a delivery interrupted by closing is not a failure
                            LOG.log(System.Logger.Level.WARNING, "Closing stream subscriber after a failed delivery on " + slot.channel.key, e);
                            close();
                        }
                        return;
                    }
                }
                SCHEDULED.setVolatile(this, false);
            } while (!closed && pending() && SCHEDULED.compareAndSet(this, false, true));
        }

        private boolean pending() {
            for (Slot<K, V> slot : slots) {
                if (slot.pending()) {
                    return true;
                }
            }
            return false;
        }

        /** Values delivered to this subscriber. */
        public long delivered() {
            return delivered.get();
        }

        /** Values replaced before this subscriber took them (what conflation saved it). */
        public long conflated() {
            return conflated.get();
        }

        @Override
        public synchronized void close() {
            closed = true;
            for (Slot<K, V> s : slots) {
                s.channel.remove(s);
            }
        }
    }
}
