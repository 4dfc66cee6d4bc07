package dev.tradewind.streams;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The current state of a channel, sent to a session as the first message after it subscribes
 * ({@code {"channel":…,"snapshot":true,"data":…}}). Channel owners implement it as a Spring bean: market
 * data for ticker, book, trades and candles; trading for orders (open orders) and balances. At most one
 * bean per channel type; a type without one subscribes without a snapshot.
 *
 * <p>Called on the subscribing session's own thread, never the publisher's, after the subscription is
 * registered: updates published meanwhile are held and follow the snapshot, so nothing falls between
 * them, but a message may repeat what the snapshot already holds (dedupe by sequence or id).
 * A thrown exception fails that channel's subscription with {@code SNAPSHOT_UNAVAILABLE}.
 */
public interface ChannelSnapshots {

    /** The channel types this owner answers for. */
    Set<ChannelType> channelTypes();

    /**
     * @param userId the authenticated user for private channels, null for public ones
     * @return the data of the snapshot message, or empty when there is no state to send
     */
    Optional<?> snapshot(Channel channel, @Nullable UUID userId);
}
