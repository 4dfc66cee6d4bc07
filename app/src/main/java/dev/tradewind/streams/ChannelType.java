package dev.tradewind.streams;

/**
 * The kinds of WebSocket channel (API.md "Streaming"). Whether a channel is private (per user, needs
 * {@code op:auth}) and whether it is conflated is a property of its type, so publishers cannot get it
 * wrong message by message.
 *
 * <p>Conflated ("state") channels carry the full current state of what they describe: a slow session
 * only ever gets the latest value per conflation key. Event channels carry facts that must all
 * arrive, in order: they are queued per session, and a session that cannot keep up is disconnected
 * with {@code SLOW_CONSUMER}.
 */
public enum ChannelType {
    TICKER("ticker", false, true),
    BOOK("book", false, true),
    TRADES("trades", false, false),
    CANDLES("candles", false, true),
    ORDERS("orders", true, false),
    BALANCES("balances", true, true);

    private final String prefix;
    private final boolean privateChannel;
    private final boolean conflated;

    ChannelType(String prefix, boolean privateChannel, boolean conflated) {
        this.prefix = prefix;
        this.privateChannel = privateChannel;
        this.conflated = conflated;
    }

    /** The first segment of the channel name, also the {@code type} tag of the metrics. */
    public String prefix() {
        return prefix;
    }

    /** Per user: subscribing needs {@code op:auth}; publish with {@link StreamPublisher#publishToUser}. */
    public boolean isPrivate() {
        return privateChannel;
    }

    /** Latest value wins per (channel, conflation key) for a session that falls behind. */
    public boolean isConflated() {
        return conflated;
    }
}
