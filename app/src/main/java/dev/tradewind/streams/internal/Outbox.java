package dev.tradewind.streams.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.ToIntFunction;
import org.jspecify.annotations.Nullable;

/**
 * One session's outbound queue: many publisher threads offer, one sender thread takes. Offering is
 * O(1) under a lock held for a few field updates, never across I/O, so a stalled client cannot slow a
 * publisher.
 *
 * <ul>
 *   <li>Conflated messages (a slot key given) occupy one queue slot per key: while queued, a newer
 *       message replaces the older in place, so a slow session gets the latest state, in the position
 *       of the first update it missed. They do not count against the limits (their number is bounded
 *       by the session's keys).</li>
 *   <li>Event and control messages queue in order. When more than {@code maxMessages} or
 *       {@code maxSize} (in {@code sizeOf} units) would be queued, the session is a slow consumer: the
 *       queue is dropped and replaced by {@code overflowNotice}, after which the sender closes.</li>
 *   <li>A channel is {@link #subscribe held} from subscribing until {@link #activate}: its messages wait
 *       behind the snapshot, which is then sent first.</li>
 *   <li>After {@link #unsubscribe} nothing more of that channel is accepted, and a queued slot no longer
 *       takes updates, so no message of it follows the unsubscribe acknowledgement.</li>
 * </ul>
 */
final class Outbox<M> {
    enum Offer { QUEUED, CONFLATED, HELD, NOT_SUBSCRIBED, OVERFLOW, CLOSED }

    /** How the sender ends the connection once the queue is sent. */
    record Closing(int code, String reason) {
    }

    /**
     * @param closing  non-null: close the connection with it after sending {@code messages}
     * @param finished the sender stops after this batch
     */
    record Batch<M>(List<M> messages, @Nullable Closing closing, boolean finished) {
    }

    private static final class Slot<M> {
        final String key;
        final String channel;
        M message;

        Slot(String key, String channel, M message) {
            this.key = key;
            this.channel = channel;
            this.message = message;
        }
    }

    private static final class Subscription<M> {
        boolean held = true;
        final List<M> heldEvents = new ArrayList<>();
        final Map<String, M> heldStates = new LinkedHashMap<>();
    }

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition nonEmpty = lock.newCondition();
    private final ArrayDeque<Object> queue = new ArrayDeque<>(); // M or Slot<M>
    private final Map<String, Slot<M>> slots = new HashMap<>();
    private final Map<String, Subscription<M>> subscriptions = new HashMap<>();
    private final int maxMessages;
    private final long maxSize;
    private final ToIntFunction<M> sizeOf;
    private final M overflowNotice;
    private final Closing overflowClosing;
    private int queuedMessages; // events and control, queued or held
    private long queuedSize;
    private @Nullable Closing closing;
    private boolean finished;

    Outbox(int maxMessages, long maxSize, ToIntFunction<M> sizeOf, M overflowNotice, Closing overflowClosing) {
        if (maxMessages < 1 || maxSize < 1) {
            throw new IllegalArgumentException("outbox limits must be positive: " + maxMessages + " messages, " + maxSize + " size");
        }
        this.maxMessages = maxMessages;
        this.maxSize = maxSize;
        this.sizeOf = sizeOf;
        this.overflowNotice = overflowNotice;
        this.overflowClosing = overflowClosing;
    }

    /**
     * A message of a subscribed channel.
     *
     * @param slotKey non-null for conflated messages: unique across channels (include the channel in it)
     */
    Offer offer(String channel, @Nullable String slotKey, M message) {
        lock.lock();
        try {
            if (closing != null || finished) {
                return Offer.CLOSED;
            }
            Subscription<M> subscription = subscriptions.get(channel);
            if (subscription == null) {
                return Offer.NOT_SUBSCRIBED;
            }
            if (subscription.held) {
                if (slotKey != null) {
                    return subscription.heldStates.put(slotKey, message) == null ? Offer.HELD : Offer.CONFLATED;
                }
                if (!admit(message)) {
                    return overflow();
                }
                subscription.heldEvents.add(message);
                return Offer.HELD;
            }
            if (slotKey != null) {
                Slot<M> slot = slots.get(slotKey);
                if (slot != null) {
                    slot.message = message;
                    return Offer.CONFLATED;
                }
                slot = new Slot<>(slotKey, channel, message);
                slots.put(slotKey, slot);
                enqueue(slot);
                return Offer.QUEUED;
            }
            if (!admit(message)) {
                return overflow();
            }
            enqueue(message);
            return Offer.QUEUED;
        } finally {
            lock.unlock();
        }
    }

    /** A reply to the client (ack, pong, error): queued in order, subject to the limits. */
    Offer control(M message) {
        lock.lock();
        try {
            if (closing != null || finished) {
                return Offer.CLOSED;
            }
            if (!admit(message)) {
                return overflow();
            }
            enqueue(message);
            return Offer.QUEUED;
        } finally {
            lock.unlock();
        }
    }

    /** Starts accepting {@code channel}'s messages, held until {@link #activate}. False if already subscribed or closing. */
    boolean subscribe(String channel) {
        lock.lock();
        try {
            if (closing != null || finished || subscriptions.containsKey(channel)) {
                return false;
            }
            subscriptions.put(channel, new Subscription<>());
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Queues {@code snapshot} (if any), then what was held for the channel, and stops holding it. */
    Offer activate(String channel, @Nullable M snapshot) {
        lock.lock();
        try {
            if (closing != null || finished) {
                return Offer.CLOSED;
            }
            Subscription<M> subscription = subscriptions.get(channel);
            if (subscription == null || !subscription.held) {
                return Offer.NOT_SUBSCRIBED;
            }
            subscription.held = false;
            if (snapshot != null) {
                if (!admit(snapshot)) {
                    return overflow();
                }
                queue.add(snapshot);
            }
            queue.addAll(subscription.heldEvents); // admitted when held
            subscription.heldEvents.clear();
            for (Map.Entry<String, M> state : subscription.heldStates.entrySet()) {
                Slot<M> slot = new Slot<>(state.getKey(), channel, state.getValue());
                slots.put(slot.key, slot);
                queue.add(slot);
            }
            subscription.heldStates.clear();
            nonEmpty.signal();
            return Offer.QUEUED;
        } finally {
            lock.unlock();
        }
    }

    /** Stops accepting {@code channel}'s messages; already queued ones are still sent, frozen. */
    boolean unsubscribe(String channel) {
        lock.lock();
        try {
            Subscription<M> subscription = subscriptions.remove(channel);
            if (subscription == null) {
                return false;
            }
            for (M held : subscription.heldEvents) {
                queuedMessages--;
                queuedSize -= sizeOf.applyAsInt(held);
            }
            Iterator<Slot<M>> queued = slots.values().iterator();
            while (queued.hasNext()) {
                if (queued.next().channel.equals(channel)) {
                    queued.remove(); // stays in the queue with the value it has now
                }
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Drops everything queued, queues {@code last} (if any) and has the sender close with {@code how}
     * after sending it. False if the outbox was already closing.
     */
    boolean close(@Nullable M last, Closing how) {
        lock.lock();
        try {
            if (closing != null || finished) {
                return false;
            }
            dropAll();
            if (last != null) {
                queue.add(last);
            }
            closing = how;
            nonEmpty.signal();
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** The connection is gone: drop everything and let the sender stop. */
    void terminate() {
        lock.lock();
        try {
            dropAll();
            finished = true;
            nonEmpty.signal();
        } finally {
            lock.unlock();
        }
    }

    /** Up to {@code max} messages, waiting until there is at least one or the outbox finishes. */
    Batch<M> take(int max) throws InterruptedException {
        lock.lock();
        try {
            while (queue.isEmpty() && closing == null && !finished) {
                nonEmpty.await();
            }
            if (finished) {
                return new Batch<>(List.of(), null, true);
            }
            List<M> messages = new ArrayList<>(Math.min(max, queue.size()));
            while (messages.size() < max && !queue.isEmpty()) {
                Object entry = queue.poll();
                if (entry instanceof Slot<?> queuedSlot) {
                    @SuppressWarnings("unchecked")
                    Slot<M> slot = (Slot<M>) queuedSlot;
                    slots.remove(slot.key, slot);
                    messages.add(slot.message);
                } else {
                    @SuppressWarnings("unchecked")
                    M message = (M) entry;
                    if (closing == null) { // once closing, the counters were reset and the last message is not counted
                        queuedMessages--;
                        queuedSize -= sizeOf.applyAsInt(message);
                    }
                    messages.add(message);
                }
            }
            if (closing != null && queue.isEmpty()) {
                finished = true;
                return new Batch<>(messages, closing, true);
            }
            return new Batch<>(messages, null, false);
        } finally {
            lock.unlock();
        }
    }

    /** Event and control messages waiting (queued or held); conflated slots not included. */
    int pendingMessages() {
        lock.lock();
        try {
            return queuedMessages;
        } finally {
            lock.unlock();
        }
    }

    boolean isClosing() {
        lock.lock();
        try {
            return closing != null || finished;
        } finally {
            lock.unlock();
        }
    }

    /** A message that would take the queue past a limit is refused, except into an empty queue. */
    private boolean admit(M message) {
        int size = sizeOf.applyAsInt(message);
        if (queuedMessages > 0 && (queuedMessages + 1 > maxMessages || queuedSize + size > maxSize)) {
            return false;
        }
        queuedMessages++;
        queuedSize += size;
        return true;
    }

    private void enqueue(Object entry) {
        queue.add(entry);
        nonEmpty.signal();
    }

    private Offer overflow() {
        dropAll();
        queue.add(overflowNotice);
        closing = overflowClosing;
        nonEmpty.signal();
        return Offer.OVERFLOW;
    }

    private void dropAll() {
        queue.clear();
        slots.clear();
        subscriptions.clear();
        queuedMessages = 0;
        queuedSize = 0;
    }
}
