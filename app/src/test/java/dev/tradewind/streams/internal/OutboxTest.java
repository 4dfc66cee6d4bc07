package dev.tradewind.streams.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class OutboxTest {
    private static final Outbox.Closing SLOW = new Outbox.Closing(1008, "SLOW_CONSUMER");

    private static Outbox<String> outbox(int maxMessages, long maxSize) {
        return new Outbox<>(maxMessages, maxSize, String::length, "slow!", SLOW);
    }

    private static Outbox<String> subscribed(String... channels) {
        Outbox<String> outbox = outbox(100, 10_000);
        for (String channel : channels) {
            outbox.subscribe(channel);
            outbox.activate(channel, null);
        }
        return outbox;
    }

    @Test
    void eventsAndRepliesQueueInOrder() throws Exception {
        Outbox<String> outbox = subscribed("trades:A");
        assertThat(outbox.offer("trades:A", null, "t1")).isEqualTo(Outbox.Offer.QUEUED);
        assertThat(outbox.control("pong")).isEqualTo(Outbox.Offer.QUEUED);
        assertThat(outbox.offer("trades:A", null, "t2")).isEqualTo(Outbox.Offer.QUEUED);
        Outbox.Batch<String> batch = outbox.take(10);
        assertThat(batch.messages()).containsExactly("t1", "pong", "t2");
        assertThat(batch.finished()).isFalse();
        assertThat(outbox.pendingMessages()).isZero();
    }

    @Test
    void aConflatedMessageReplacesTheQueuedOneInItsPlace() throws Exception {
        Outbox<String> outbox = subscribed("ticker:A", "trades:A");
        assertThat(outbox.offer("ticker:A", "ticker:A", "a1")).isEqualTo(Outbox.Offer.QUEUED);
        assertThat(outbox.offer("trades:A", null, "t1")).isEqualTo(Outbox.Offer.QUEUED);
        assertThat(outbox.offer("ticker:A", "ticker:A", "a2")).isEqualTo(Outbox.Offer.CONFLATED);
        assertThat(outbox.offer("ticker:A", "ticker:A", "a3")).isEqualTo(Outbox.Offer.CONFLATED);
        assertThat(outbox.take(10).messages()).containsExactly("a3", "t1");

        assertThat(outbox.offer("ticker:A", "ticker:A", "a4")).as("a sent slot is not reused").isEqualTo(Outbox.Offer.QUEUED);
        assertThat(outbox.take(10).messages()).containsExactly("a4");
    }

    @Test
    void conflationKeysWithinAChannelAreIndependent() throws Exception {
        Outbox<String> outbox = subscribed("balances");
        outbox.offer("balances", "balances\nUSD", "usd1");
        outbox.offer("balances", "balances\nBTC", "btc1");
        outbox.offer("balances", "balances\nUSD", "usd2");
        assertThat(outbox.take(10).messages()).containsExactly("usd2", "btc1");
    }

    @Test
    void aChannelNotSubscribedIsRefused() {
        Outbox<String> outbox = subscribed("ticker:A");
        assertThat(outbox.offer("ticker:B", "ticker:B", "b")).isEqualTo(Outbox.Offer.NOT_SUBSCRIBED);
        assertThat(outbox.subscribe("ticker:A")).as("already subscribed").isFalse();
    }

    @Test
    void whileHeldMessagesWaitAndTheSnapshotGoesFirst() throws Exception {
        Outbox<String> outbox = subscribed("trades:A");
        assertThat(outbox.subscribe("trades:B")).isTrue();
        assertThat(outbox.subscribe("ticker:B")).isTrue();
        assertThat(outbox.offer("trades:B", null, "b1")).isEqualTo(Outbox.Offer.HELD);
        assertThat(outbox.offer("ticker:B", "ticker:B", "tb1")).isEqualTo(Outbox.Offer.HELD);
        assertThat(outbox.offer("ticker:B", "ticker:B", "tb2")).isEqualTo(Outbox.Offer.CONFLATED);
        assertThat(outbox.offer("trades:A", null, "a1")).isEqualTo(Outbox.Offer.QUEUED);
        assertThat(outbox.offer("trades:B", null, "b2")).isEqualTo(Outbox.Offer.HELD);
        assertThat(outbox.control("subscribed")).isEqualTo(Outbox.Offer.QUEUED);
        assertThat(outbox.pendingMessages()).as("held events count against the limits").isEqualTo(4);

        assertThat(outbox.activate("trades:B", "snapB")).isEqualTo(Outbox.Offer.QUEUED);
        assertThat(outbox.activate("ticker:B", "snapTB")).isEqualTo(Outbox.Offer.QUEUED);
        assertThat(outbox.offer("ticker:B", "ticker:B", "tb3")).as("the held state became a queued slot")
                .isEqualTo(Outbox.Offer.CONFLATED);
        assertThat(outbox.take(20).messages()).containsExactly("a1", "subscribed", "snapB", "b1", "b2", "snapTB", "tb3");
        assertThat(outbox.pendingMessages()).isZero();
    }

    @Test
    void afterUnsubscribingNothingOfTheChannelIsAcceptedAndItsQueuedSlotIsFrozen() throws Exception {
        Outbox<String> outbox = subscribed("ticker:A");
        outbox.offer("ticker:A", "ticker:A", "a1");
        assertThat(outbox.unsubscribe("ticker:A")).isTrue();
        outbox.control("unsubscribed");
        assertThat(outbox.offer("ticker:A", "ticker:A", "a2")).isEqualTo(Outbox.Offer.NOT_SUBSCRIBED);

        outbox.subscribe("ticker:A"); // and again: the old slot must not take the new channel's updates
        outbox.offer("ticker:A", "ticker:A", "a3");
        outbox.activate("ticker:A", "snap");
        outbox.offer("ticker:A", "ticker:A", "a4");
        assertThat(outbox.take(10).messages()).containsExactly("a1", "unsubscribed", "snap", "a4");
    }

    @Test
    void unsubscribingWhileHeldDiscardsTheHeldEvents() {
        Outbox<String> outbox = outbox(100, 10_000);
        outbox.subscribe("trades:A");
        outbox.offer("trades:A", null, "a1");
        outbox.offer("trades:A", null, "a2");
        assertThat(outbox.pendingMessages()).isEqualTo(2);
        outbox.unsubscribe("trades:A");
        assertThat(outbox.pendingMessages()).isZero();
        assertThat(outbox.activate("trades:A", "snap")).isEqualTo(Outbox.Offer.NOT_SUBSCRIBED);
    }

    @Test
    void tooManyQueuedEventsMakeASlowConsumer() throws Exception {
        Outbox<String> outbox = outbox(3, 10_000);
        outbox.subscribe("trades:A");
        outbox.activate("trades:A", null);
        outbox.subscribe("ticker:A");
        outbox.activate("ticker:A", null);
        for (int i = 0; i < 3; i++) {
            assertThat(outbox.offer("trades:A", null, "t" + i)).isEqualTo(Outbox.Offer.QUEUED);
        }
        for (int i = 0; i < 10; i++) {
            assertThat(outbox.offer("ticker:A", "ticker:A", "s" + i)).as("state does not count")
                    .isIn(Outbox.Offer.QUEUED, Outbox.Offer.CONFLATED);
        }
        assertThat(outbox.offer("trades:A", null, "t3")).isEqualTo(Outbox.Offer.OVERFLOW);
        assertThat(outbox.offer("trades:A", null, "t4")).as("reported once").isEqualTo(Outbox.Offer.CLOSED);
        assertThat(outbox.control("pong")).isEqualTo(Outbox.Offer.CLOSED);
        assertThat(outbox.isClosing()).isTrue();

        Outbox.Batch<String> batch = outbox.take(10);
        assertThat(batch.messages()).as("the backlog is dropped for the notice").containsExactly("slow!");
        assertThat(batch.closing()).isEqualTo(SLOW);
        assertThat(batch.finished()).isTrue();
        assertThat(outbox.take(10).finished()).isTrue();
    }

    @Test
    void tooLargeABacklogMakesASlowConsumerButOneLargeMessageIntoAnEmptyQueuePasses() throws Exception {
        Outbox<String> outbox = outbox(100, 10);
        outbox.subscribe("trades:A");
        outbox.activate("trades:A", null);
        assertThat(outbox.offer("trades:A", null, "x".repeat(50))).isEqualTo(Outbox.Offer.QUEUED);
        assertThat(outbox.take(10).messages()).hasSize(1);
        assertThat(outbox.offer("trades:A", null, "123456")).isEqualTo(Outbox.Offer.QUEUED);
        assertThat(outbox.offer("trades:A", null, "1234")).isEqualTo(Outbox.Offer.QUEUED);
        assertThat(outbox.offer("trades:A", null, "1")).isEqualTo(Outbox.Offer.OVERFLOW);
    }

    @Test
    void sentMessagesFreeRoom() throws Exception {
        Outbox<String> outbox = outbox(2, 10_000);
        outbox.subscribe("trades:A");
        outbox.activate("trades:A", null);
        for (int i = 0; i < 100; i++) {
            assertThat(outbox.offer("trades:A", null, "t" + i)).isEqualTo(Outbox.Offer.QUEUED);
            assertThat(outbox.take(1).messages()).containsExactly("t" + i);
        }
    }

    @Test
    void closeSendsTheLastWordThenCloses() throws Exception {
        Outbox<String> outbox = subscribed("trades:A");
        outbox.offer("trades:A", null, "t1");
        Outbox.Closing away = new Outbox.Closing(1001, "SERVER_STOPPING");
        assertThat(outbox.close("bye", away)).isTrue();
        assertThat(outbox.close("again", away)).isFalse();
        Outbox.Batch<String> batch = outbox.take(10);
        assertThat(batch.messages()).containsExactly("bye");
        assertThat(batch.closing()).isEqualTo(away);
    }

    @Test
    void takeWaitsForAMessageAndTerminateReleasesIt() throws Exception {
        Outbox<String> outbox = subscribed("trades:A");
        CompletableFuture<Outbox.Batch<String>> first = CompletableFuture.supplyAsync(() -> take(outbox));
        outbox.offer("trades:A", null, "t1");
        assertThat(first.get(10, TimeUnit.SECONDS).messages()).containsExactly("t1");

        CompletableFuture<Outbox.Batch<String>> second = CompletableFuture.supplyAsync(() -> take(outbox));
        outbox.terminate();
        Outbox.Batch<String> last = second.get(10, TimeUnit.SECONDS);
        assertThat(last.finished()).isTrue();
        assertThat(last.messages()).isEmpty();
        assertThat(outbox.offer("trades:A", null, "t2")).isEqualTo(Outbox.Offer.CLOSED);
    }

    private static Outbox.Batch<String> take(Outbox<String> outbox) {
        try {
            return outbox.take(10);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
