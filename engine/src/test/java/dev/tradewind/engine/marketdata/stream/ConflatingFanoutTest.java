package dev.tradewind.engine.marketdata.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

class ConflatingFanoutTest {
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final ConflatingFanout<String, Long> fanout = new ConflatingFanout<>(executor);

    @AfterEach
    void shutdown() {
        executor.shutdownNow();
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what);
            }
            Thread.sleep(1);
        }
    }

    @Test
    void aStalledSubscriberNeverBlocksTheProducerAndThenGetsOnlyTheLatest() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch stuck = new CountDownLatch(1);
        List<Long> stalledGot = new CopyOnWriteArrayList<>();
        var stalled = fanout.subscriber((channel, value) -> {
            stalledGot.add(value);
            stuck.countDown();
            release.await();
        }).subscribe("ticker:BTC-USD");
        List<Long> fastGot = new CopyOnWriteArrayList<>();
        var fast = fanout.subscriber((channel, value) -> fastGot.add(value)).subscribe("ticker:BTC-USD");

        fanout.publish("ticker:BTC-USD", 1L);
        assertThat(stuck.await(10, TimeUnit.SECONDS)).isTrue();
        Assertions.assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            for (long v = 2; v <= 200_000; v++) {
                fanout.publish("ticker:BTC-USD", v);
            }
        }, "the producer must never wait for a stalled subscriber");

        await(() -> !fastGot.isEmpty() && fastGot.getLast() == 200_000L, "the fast subscriber has the latest value");
        for (int i = 1; i < fastGot.size(); i++) {
            assertThat(fastGot.get(i)).isGreaterThan(fastGot.get(i - 1));
        }
        assertThat(stalledGot).containsExactly(1L);

        release.countDown();
        await(() -> stalledGot.size() == 2, "the stalled subscriber caught up");
        Thread.sleep(50);
        assertThat(stalledGot).as("only the newest state after the stall").containsExactly(1L, 200_000L);
        assertThat(stalled.conflated()).isEqualTo(200_000 - 2);
        assertThat(stalled.delivered()).isEqualTo(2);
        assertThat(fast.delivered() + fast.conflated()).isEqualTo(200_000);
    }

    @Test
    void lateSubscribersGetTheCurrentStateAndChannelsAreSeparate() throws Exception {
        fanout.publish("ticker:ETH-USD", 7L);
        fanout.publish("ticker:BTC-USD", 9L);
        List<String> got = new CopyOnWriteArrayList<>();
        fanout.subscriber((channel, value) -> got.add(channel + "=" + value)).subscribe("ticker:ETH-USD");
        await(() -> got.size() == 1, "the current state arrived");
        fanout.publish("ticker:BTC-USD", 10L);
        fanout.publish("ticker:ETH-USD", 8L);
        await(() -> got.size() == 2, "the next update arrived");
        Thread.sleep(20);
        assertThat(got).containsExactly("ticker:ETH-USD=7", "ticker:ETH-USD=8");
        assertThat(fanout.latest("ticker:BTC-USD")).isEqualTo(10L);
    }

    @Test
    void aFailingDeliveryClosesOnlyThatSubscriber() throws Exception {
        List<Long> good = new CopyOnWriteArrayList<>();
        var bad = fanout.subscriber((channel, value) -> {
            throw new java.io.IOException("broken pipe");
        }).subscribe("book:BTC-USD");
        fanout.subscriber((channel, value) -> good.add(value)).subscribe("book:BTC-USD");
        fanout.publish("book:BTC-USD", 1L);
        await(() -> fanout.subscribers("book:BTC-USD") == 1, "the failing subscriber is gone");
        fanout.publish("book:BTC-USD", 2L);
        await(() -> good.contains(2L), "the other subscriber goes on");
        assertThat(bad.delivered()).isZero();
    }

    @Test
    void thousandSubscribersAtTenUpdatesPerSecondAreNeverStarved() throws Exception {
        int subscribers = 1_000;
        long[][] last = new long[subscribers][1];
        var subs = new java.util.ArrayList<ConflatingFanout.Subscriber<String, Long>>();
        for (int i = 0; i < subscribers; i++) {
            long[] slot = last[i];
            subs.add(fanout.subscriber((channel, value) -> slot[0] = value).subscribe("ticker:" + (i % 10)));
        }
        for (long round = 1; round <= 5; round++) {
            for (int c = 0; c < 10; c++) {
                fanout.publish("ticker:" + c, round);
            }
            Thread.sleep(20);
        }
        await(() -> subs.stream().allMatch(s -> s.delivered() >= 1) && java.util.Arrays.stream(last).allMatch(l -> l[0] == 5),
                "every subscriber has the last round");
    }
}
