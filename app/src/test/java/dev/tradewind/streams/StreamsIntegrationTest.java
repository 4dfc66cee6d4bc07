package dev.tradewind.streams;

import dev.tradewind.IntegrationTest;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/**
 * Base of the {@code /ws} integration tests: the whole app, plus channel owners that tests drive (a
 * snapshot store and a symbol directory), with limits small enough to reach in a test. All streams ITs
 * share this one context.
 */
@Import(TestChannelOwners.class)
@TestPropertySource(properties = {
        "tradewind.streams.max-sessions-per-ip=12",
        "tradewind.streams.max-subscriptions-per-session=20",
        "tradewind.streams.inbound-messages-per-second=20",
        "tradewind.streams.max-queued-messages=64",
        "tradewind.streams.max-queued-size=2MB",
        "tradewind.streams.send-timeout=4s"})
abstract class StreamsIntegrationTest extends IntegrationTest {
    static final String UNLISTED = TestChannelOwners.UNLISTED;
    static final String BROKEN = TestChannelOwners.BROKEN;

    @Autowired
    protected StreamPublisher publisher;

    @Autowired
    protected TestChannelOwners.TestSnapshots snapshots;

    @Autowired
    protected MeterRegistry meters;

    private final List<WsClient> clients = new ArrayList<>();
    private static final AtomicInteger SYMBOLS = new AtomicInteger();

    protected WsClient connect() {
        WsClient client = WsClient.connect(port);
        clients.add(client);
        return client;
    }

    /** A symbol no other test uses, so tests do not see each other's messages. */
    protected static String freshSymbol() {
        return "T" + SYMBOLS.incrementAndGet() + "-USD";
    }

    protected double counter(String name, String... tags) {
        var counter = meters.find(name).tags(tags).counter();
        return counter == null ? 0 : counter.count();
    }

    /** Closes this test's clients and waits until the server has let go of them, so limits start fresh. */
    @AfterEach
    void closeClients() {
        clients.forEach(WsClient::close);
        clients.clear();
        awaitOpenSessions(0);
    }

    protected void awaitOpenSessions(int expected) {
        await("open sessions = " + expected, () -> meters.get("tradewind.streams.sessions").gauge().value() == expected);
    }

    /** Polls a condition every 20 ms, failing after a generous 20 s. */
    protected static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
