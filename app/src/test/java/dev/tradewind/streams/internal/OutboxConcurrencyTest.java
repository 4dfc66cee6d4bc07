package dev.tradewind.streams.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

/**
 * Several publisher threads, a subscriber thread activating held channels with snapshots, and a slow,
 * irregular sender thread on one outbox. Seeded: rerun a failure with {@code -Dseed=N}.
 */
class OutboxConcurrencyTest {
    private static final int PUBLISHERS = 3;
    private static final int CHANNELS_PER_PUBLISHER = 4;
    private static final int ROUNDS = 12;

    /** @param slot null for events; seq -1 for snapshots */
    record Msg(String channel, String slot, long seq) {
        boolean snapshot() {
            return seq < 0;
        }
    }

    private static final Msg END = new Msg("end", null, 0);
    private static final Msg SLOW = new Msg("slow", null, 0);

    @Test
    void noEventIsLostOrReorderedAndStateOnlyMovesForward() throws Exception {
        long seed = Long.getLong("seed", System.nanoTime());
        System.out.println("OutboxConcurrencyTest seed=" + seed + " (rerun with -Dseed=" + seed + ")");
        Random seeds = new Random(seed);
        long conflated = 0;
        long overflowed = 0;
        for (int round = 0; round < ROUNDS; round++) {
            long roundSeed = seeds.nextLong();
            boolean overflowing = round % 3 == 2;
            try {
                long[] stats = run(roundSeed, overflowing);
                conflated += stats[0];
                overflowed += stats[1];
            } catch (AssertionError | Exception e) {
                throw new AssertionError("seed=" + seed + " round=" + round + " overflowing=" + overflowing, e);
            }
        }
        // the runs exercised what they check (a slow sender conflates; 9,000 offers overflow a 20-40 queue)
        assertThat(conflated).as("conflated offers over all rounds").isPositive();
        assertThat(overflowed).as("overflowing rounds that overflowed").isEqualTo(ROUNDS / 3);
    }

    /** @return conflated offers, overflows */
    private long[] run(long seed, boolean overflowing) throws Exception {
        Random random = new Random(seed);
        int maxMessages = overflowing ? 20 + random.nextInt(20) : 1_000_000;
        Outbox<Msg> outbox = new Outbox<>(maxMessages, Long.MAX_VALUE, m -> 1, SLOW, new Outbox.Closing(1008, "SLOW"));
        List<String> channels = new ArrayList<>();
        for (int p = 0; p < PUBLISHERS; p++) {
            for (int c = 0; c < CHANNELS_PER_PUBLISHER; c++) {
                String channel = (c % 2 == 0 ? "trades:" : "ticker:") + p + "-" + c;
                channels.add(channel);
                outbox.subscribe(channel); // held until the subscriber thread activates it
            }
        }
        Map<String, AtomicLong> conflatedOffers = new ConcurrentHashMap<>();
        Map<String, Long> lastPublished = new ConcurrentHashMap<>();
        AtomicLong overflows = new AtomicLong();
        ExecutorService threads = Executors.newFixedThreadPool(PUBLISHERS + 2);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> publishers = new ArrayList<>();
        for (int p = 0; p < PUBLISHERS; p++) {
            long publisherSeed = random.nextLong();
            List<String> own = channels.subList(p * CHANNELS_PER_PUBLISHER, (p + 1) * CHANNELS_PER_PUBLISHER);
            publishers.add(threads.submit(() -> {
                Random r = new Random(publisherSeed);
                Map<String, Long> next = new HashMap<>();
                start.await();
                for (int i = 0; i < 3_000; i++) {
                    String channel = own.get(r.nextInt(own.size()));
                    String slot = channel.startsWith("ticker:") ? channel + "\n" + r.nextInt(3) : null;
                    String counter = slot != null ? slot : channel;
                    long seq = next.merge(counter, 1L, Long::sum) - 1;
                    Outbox.Offer offer = outbox.offer(channel, slot, new Msg(channel, slot, seq));
                    if (offer == Outbox.Offer.CONFLATED) {
                        conflatedOffers.computeIfAbsent(counter, k -> new AtomicLong()).incrementAndGet();
                    } else if (offer == Outbox.Offer.OVERFLOW) {
                        overflows.incrementAndGet();
                    }
                    lastPublished.put(counter, seq);
                    if (r.nextInt(50) == 0) {
                        Thread.yield();
                    }
                }
                return null;
            }));
        }
        long activatorSeed = random.nextLong();
        Future<?> activator = threads.submit(() -> {
            Random r = new Random(activatorSeed);
            start.await();
            List<String> order = new ArrayList<>(channels);
            java.util.Collections.shuffle(order, r);
            for (String channel : order) {
                LockSupport.parkNanos(r.nextInt(200_000));
                outbox.activate(channel, new Msg(channel, null, -1));
            }
            return null;
        });
        long senderSeed = random.nextLong();
        Future<List<Msg>> sender = threads.submit(() -> {
            Random r = new Random(senderSeed);
            List<Msg> received = new ArrayList<>();
            start.await();
            while (true) {
                Outbox.Batch<Msg> batch = outbox.take(1 + r.nextInt(16));
                received.addAll(batch.messages());
                if (batch.finished() || (!batch.messages().isEmpty() && batch.messages().getLast() == END)) {
                    return received;
                }
                if (r.nextInt(4) == 0) {
                    LockSupport.parkNanos(r.nextInt(overflowing ? 500_000 : 50_000));
                }
            }
        });
        start.countDown();
        for (Future<?> publisher : publishers) {
            publisher.get(30, TimeUnit.SECONDS);
        }
        activator.get(30, TimeUnit.SECONDS);
        outbox.control(END);
        List<Msg> received = sender.get(30, TimeUnit.SECONDS);
        threads.shutdownNow();

        assertThat(overflows.get()).as("an overflow is reported once").isLessThanOrEqualTo(1);
        if (!overflowing) {
            assertThat(overflows.get()).isZero();
            assertThat(received.getLast()).isEqualTo(END);
        }
        boolean overflowed = overflows.get() == 1;
        if (overflowed) {
            assertThat(received.getLast()).isEqualTo(SLOW);
            assertThat(received).filteredOn(m -> m == SLOW).hasSize(1);
        }

        Map<String, List<Msg>> byChannel = new HashMap<>();
        for (Msg m : received) {
            if (m != END && m != SLOW) {
                byChannel.computeIfAbsent(m.channel(), k -> new ArrayList<>()).add(m);
            }
        }
        for (String channel : channels) {
            List<Msg> messages = byChannel.getOrDefault(channel, List.of());
            if (!overflowed) {
                assertThat(messages).as(channel).isNotEmpty();
            }
            if (!messages.isEmpty()) {
                assertThat(messages.getFirst().snapshot()).as("first message of " + channel + " is its snapshot").isTrue();
                assertThat(messages).filteredOn(Msg::snapshot).as(channel).hasSize(1);
            }
            Map<String, Long> lastSeen = new HashMap<>();
            Map<String, Long> delivered = new HashMap<>();
            for (Msg m : messages.subList(Math.min(1, messages.size()), messages.size())) {
                String counter = m.slot() != null ? m.slot() : channel;
                long previous = lastSeen.getOrDefault(counter, -1L);
                if (m.slot() == null) {
                    assertThat(m.seq()).as("events of %s arrive in order without gaps", channel).isEqualTo(previous + 1);
                } else {
                    assertThat(m.seq()).as("state of %s only moves forward", counter).isGreaterThan(previous);
                }
                lastSeen.put(counter, m.seq());
                delivered.merge(counter, 1L, Long::sum);
            }
            if (!overflowed) {
                for (Map.Entry<String, Long> last : lastPublished.entrySet()) {
                    if (last.getKey().startsWith(channel)) {
                        String counter = last.getKey();
                        assertThat(lastSeen.get(counter)).as("the latest of %s arrives", counter).isEqualTo(last.getValue());
                        if (channel.startsWith("ticker:")) {
                            long conflated = conflatedOffers.getOrDefault(counter, new AtomicLong()).get();
                            assertThat(delivered.get(counter) + conflated).as("every state of %s is sent or conflated", counter)
                                    .isEqualTo(last.getValue() + 1);
                        }
                    }
                }
            }
        }
        assertThat(outbox.pendingMessages()).isZero();
        return new long[] {conflatedOffers.values().stream().mapToLong(AtomicLong::get).sum(), overflows.get()};
    }
}
