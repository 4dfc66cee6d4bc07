package dev.tradewind.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Stalled clients (the JDK client stops reading, so the server's socket fills up): conflation on state
 * channels, overflow on event channels, the send timeout, and that nobody else notices. Publishing is
 * paced on a fast client so it only ever sees its own messages; big payloads fill the socket buffers in
 * a few megabytes.
 */
class SlowConsumerIT extends StreamsIntegrationTest {
    private static final String PAD = "x".repeat(64 * 1024);
    private static final int MAX_PUBLISHES = 2_000; // ~128 MB: far more than any socket buffers

    @Test
    void aStalledSessionGetsOnlyTheLatestStateWhileOthersGetEverything() {
        String ticker = "ticker:" + freshSymbol();
        WsClient fast = connect();
        WsClient slow = connect();
        fast.subscribe(ticker);
        slow.subscribe(ticker);
        slow.pause();

        int published = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            int seq = publishUntilConflating(fast, ticker, null, 0);
            double conflatedBefore = counter("tradewind.streams.messages.conflated");
            for (int more = 0; more < 20; more++) {
                publishAndAwait(fast, ticker, null, seq++);
            }
            assertThat(counter("tradewind.streams.messages.conflated") - conflatedBefore)
                    .as("every further state replaced the stalled session's queued one").isEqualTo(20);
            return seq;
        }, "publishing blocked on a stalled subscriber");
        assertThat(fast.drain()).isEmpty();

        slow.resume();
        List<Integer> received = new ArrayList<>();
        while (received.isEmpty() || received.getLast() != published - 1) {
            received.add(slow.next().get("data").get("seq").asInt());
        }
        assertThat(received).as("state only moves forward").isSorted().doesNotHaveDuplicates();
        assertThat(received.size()).as("the stalled session skipped states").isLessThan(published - 20);
        assertThat(slow.drain()).as("and is still connected").isEmpty();
    }

    @Test
    void conflationKeepsTheLatestStatePerKey() {
        String candles = "candles:" + freshSymbol() + ":1m";
        WsClient fast = connect();
        WsClient slow = connect();
        fast.subscribe(candles);
        slow.subscribe(candles);
        slow.pause();
        int seq = publishUntilConflating(fast, candles, "filler", 0);
        for (int i = 0; i < 5; i++) {
            publishAndAwait(fast, candles, "00:00", seq++);
            publishAndAwait(fast, candles, "00:01", seq++);
        }
        int last = seq - 1;
        slow.resume();
        List<String> received = new ArrayList<>();
        while (received.isEmpty() || !received.getLast().equals("00:01=" + last)) {
            JsonNode data = slow.next().get("data");
            received.add(data.get("key").asString() + "=" + data.get("seq").asInt());
        }
        assertThat(received.stream().filter(r -> !r.startsWith("filler"))).containsExactly("00:00=" + (last - 1),
                "00:01=" + last);
    }

    @Test
    void anEventBacklogOverflowClosesTheSlowSessionOnly() {
        String trades = "trades:" + freshSymbol();
        WsClient fast = connect();
        WsClient slow = connect();
        fast.subscribe(trades);
        slow.subscribe(trades);
        slow.pause();

        double overflowsBefore = counter("tradewind.streams.slow.consumers", "reason", "queue_overflow");
        int published = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            int seq = 0;
            while (counter("tradewind.streams.slow.consumers", "reason", "queue_overflow") == overflowsBefore) {
                assertThat(seq).as("the slow session never overflowed").isLessThan(MAX_PUBLISHES);
                publishAndAwait(fast, trades, null, seq++);
            }
            for (int more = 0; more < 5; more++) {
                publishAndAwait(fast, trades, null, seq++);
            }
            return seq;
        }, "publishing blocked on a stalled subscriber");
        assertThat(fast.drain()).as("the fast session is unaffected and open").isEmpty();

        slow.resume();
        WsClient.Closed[] closed = new WsClient.Closed[1];
        List<JsonNode> messages = slow.untilClosed(closed);
        JsonNode notice = messages.getLast();
        assertThat(notice.get("op").asString()).isEqualTo("error");
        assertThat(notice.get("code").asString()).isEqualTo(StreamErrorCodes.SLOW_CONSUMER);
        List<Integer> delivered = messages.subList(0, messages.size() - 1).stream()
                .map(m -> m.get("data").get("seq").asInt()).toList();
        assertThat(delivered).as("what arrived is the start, in order, without gaps")
                .containsExactlyElementsOf(IntStream.range(0, delivered.size()).boxed().toList());
        assertThat(delivered.size()).isLessThan(published);
        assertThat(closed[0]).isEqualTo(new WsClient.Closed(1008, StreamErrorCodes.SLOW_CONSUMER));
        publishAndAwait(fast, trades, null, published);
    }

    @Test
    void aWriteThatMakesNoProgressClosesTheSession() {
        String ticker = "ticker:" + freshSymbol();
        WsClient fast = connect();
        WsClient stalled = connect();
        fast.subscribe(ticker);
        stalled.subscribe(ticker);
        stalled.pause();
        double timeoutsBefore = counter("tradewind.streams.slow.consumers", "reason", "send_timeout");
        int seq = publishUntilConflating(fast, ticker, null, 0);
        // the send timeout is 4 s in these tests
        await("the stalled write to time out",
                () -> counter("tradewind.streams.slow.consumers", "reason", "send_timeout") > timeoutsBefore);
        awaitOpenSessions(1);
        publishAndAwait(fast, ticker, null, seq);
        stalled.resume();
        stalled.untilClosed(new WsClient.Closed[1]);
    }

    /**
     * Publishes (paced) until the stalled session conflates every new state: its sender is blocked on a
     * full socket. Single conflations come earlier, while a big message is still being written.
     *
     * @return the next seq
     */
    private int publishUntilConflating(WsClient fast, String channel, String key, int seq) {
        int inARow = 0;
        int first = seq;
        long start = System.nanoTime();
        while (inARow < 10) {
            assertThat(seq).as("the slow session never stalled").isLessThan(MAX_PUBLISHES);
            double before = counter("tradewind.streams.messages.conflated");
            publishAndAwait(fast, channel, key, seq++);
            inARow = counter("tradewind.streams.messages.conflated") > before ? inARow + 1 : 0;
        }
        System.out.printf("%s stalled after %d publishes of 64 KiB in %d ms%n", channel, seq - first,
                (System.nanoTime() - start) / 1_000_000);
        return seq;
    }

    /** Publishes {seq, key, pad} and waits until the fast client has it, so the fast client never lags. */
    private void publishAndAwait(WsClient fast, String channel, String key, int seq) {
        Map<String, Object> data = Map.of("seq", seq, "key", key == null ? "" : key, "pad", PAD);
        if (key == null) {
            publisher.publish(channel, data);
        } else {
            publisher.publish(channel, key, data);
        }
        JsonNode received = fast.next();
        assertThat(received.get("channel").asString()).isEqualTo(channel);
        assertThat(received.get("data").get("seq").asInt()).isEqualTo(seq);
    }
}
