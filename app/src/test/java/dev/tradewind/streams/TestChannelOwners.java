package dev.tradewind.streams;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** Channel owners the streams ITs drive: a snapshot store and a symbol directory. */
@TestConfiguration(proxyBeanMethods = false)
class TestChannelOwners {
    /** Symbols with this prefix are not listed; others are. */
    static final String UNLISTED = "UNLISTED";
    /** The snapshot of this symbol's channels fails. */
    static final String BROKEN = "BROKEN-USD";

    @Bean
    TestSnapshots testSnapshots() {
        return new TestSnapshots();
    }

    @Bean
    SymbolDirectory testSymbols() {
        return symbol -> !symbol.startsWith(UNLISTED);
    }

    /** Snapshots that tests set; the ticker and book channel types (the private ones have their real owner, trading). */
    public static final class TestSnapshots implements ChannelSnapshots {
        private final ConcurrentHashMap<String, Object> state = new ConcurrentHashMap<>();

        /** @param data the snapshot, or a {@code Supplier} called when a session subscribes */
        void put(String channel, @Nullable UUID user, Object data) {
            state.put(key(channel, user), data);
        }

        @Override
        public Set<ChannelType> channelTypes() {
            return Set.of(ChannelType.TICKER, ChannelType.BOOK); // orders, balances: the trading module's
        }

        @Override
        public Optional<?> snapshot(Channel channel, @Nullable UUID userId) {
            if (BROKEN.equals(channel.symbol())) {
                throw new IllegalStateException("test: the book of " + BROKEN + " is unavailable");
            }
            assertThat(userId == null).as("a user exactly for private channels").isEqualTo(!channel.type().isPrivate());
            Object data = state.get(key(channel.name(), userId));
            return Optional.ofNullable(data instanceof Supplier<?> supplier ? supplier.get() : data);
        }

        private static String key(String channel, @Nullable UUID user) {
            return user == null ? channel : user + "/" + channel;
        }
    }
}
