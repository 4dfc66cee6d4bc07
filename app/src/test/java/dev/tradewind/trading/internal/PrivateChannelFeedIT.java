package dev.tradewind.trading.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tradewind.engine.event.EngineEvent;
import dev.tradewind.engine.sequencer.Subscription;
import dev.tradewind.identity.TestApi.Session;
import dev.tradewind.streams.StreamPublisher;
import dev.tradewind.trading.TradingAccounts;
import dev.tradewind.trading.TradingApi;
import dev.tradewind.trading.TradingIntegrationTest;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The feed's re-sync: a new feed that re-sends everything (what happens after the old one lost its
 * place) publishes each user's open orders and balances as of one engine sequence, then continues from
 * exactly there, applying later fills on top of the orders it found open.
 */
class PrivateChannelFeedIT extends TradingIntegrationTest {
    @Autowired
    TradingAccounts accounts;

    /** What the feed publishes to the watched user (a stand-in for the WebSocket fan-out). */
    record Published(UUID user, String channel, Object data) {
    }

    static final class Recording implements StreamPublisher {
        final Set<UUID> listening;
        final List<Published> messages = new CopyOnWriteArrayList<>();

        Recording(Set<UUID> listening) {
            this.listening = listening;
        }

        @Override
        public void publish(String channel, Object data) {
            throw new AssertionError("the private feed publishes to users only");
        }

        @Override
        public void publish(String channel, String conflationKey, Object data) {
            throw new AssertionError("the private feed publishes to users only");
        }

        @Override
        public void publishToUser(UUID userId, String channel, Object data) {
            messages.add(new Published(userId, channel, data));
        }

        @Override
        public void publishToUser(UUID userId, String channel, String conflationKey, Object data) {
            assertThat(conflationKey).isEqualTo(((BalanceView) data).asset());
            messages.add(new Published(userId, channel, data));
        }

        @Override
        public boolean hasSubscribers(String channel) {
            return false;
        }

        @Override
        public boolean hasSubscribers(UUID userId, String channel) {
            return listening.contains(userId);
        }

        List<Object> of(UUID user, String channel) {
            return messages.stream().filter(m -> m.user().equals(user) && m.channel().equals(channel))
                    .map(Published::data).toList();
        }
    }

    @Test
    void aResyncResendsTheStateThenContinuesFromItsSequence() {
        Session a = api.fundedTrader("USD", "10000");
        Session b = api.fundedTrader("BTC", "1");
        long resting = api.placed(a, TradingApi.limit("BTC-USD", "BUY", "0.10000", "20000.00")).get("orderId").asLong();
        Recording recording = new Recording(Set.of(a.userId()));
        PrivateChannelFeed feed = new PrivateChannelFeed(engine, accounts, recording,
                new PrivateViews(new EngineCatalogCache(engine)), () -> {
                });

        long after = feed.prepare(true);

        assertThat(recording.of(a.userId(), "orders")).singleElement().isInstanceOfSatisfying(OrderUpdate.class, o -> {
            assertThat(o.orderId()).isEqualTo(resting);
            assertThat(o.event()).isEqualTo("SNAPSHOT");
            assertThat(o.sequence()).isEqualTo(after);
            assertThat(o.filledQuantity()).isEqualByComparingTo("0");
        });
        assertThat(recording.of(a.userId(), "balances")).map(BalanceView.class::cast)
                .filteredOn(v -> v.asset().equals("USD")).singleElement().satisfies(usd -> {
                    assertThat(usd.total()).isEqualByComparingTo("10000");
                    assertThat(usd.reserved()).isEqualByComparingTo("2004"); // 2000 + the 20 bps fee reserve
                });
        assertThat(recording.messages).as("a re-sync re-sends every user's state, "
                + "listening or not").anyMatch(m -> m.user().equals(b.userId()));

        recording.messages.clear();
        try (Subscription<EngineEvent> subscription = engine.attach("test-private-" + UUID.randomUUID(), feed, after)) {
            api.placed(b, TradingApi.limit("BTC-USD", "SELL", "0.10000", "20000.00"));
            await().atMost(Duration.ofSeconds(20)).until(() -> recording.of(a.userId(), "orders").size() == 1);
            OrderUpdate filled = (OrderUpdate) recording.of(a.userId(), "orders").getFirst();
            assertThat(filled.orderId()).isEqualTo(resting);
            assertThat(filled.event()).isEqualTo("TRADE");
            assertThat(filled.status().name()).isEqualTo("FILLED");
            assertThat(filled.filledQuantity()).isEqualByComparingTo("0.1");
            assertThat(filled.averageFillPrice()).isEqualByComparingTo("20000");
            assertThat(filled.sequence()).isGreaterThan(after);
            assertThat(filled.createdAt()).as("met mid-life: creation time unknown").isNull();
            assertThat(recording.messages).as("B does not listen: nothing built for B")
                    .noneMatch(m -> m.user().equals(b.userId()));
            assertThat(subscription.hasFailed()).isFalse();
        }
    }
}
