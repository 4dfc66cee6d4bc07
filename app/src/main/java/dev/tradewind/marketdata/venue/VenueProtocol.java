package dev.tradewind.marketdata.venue;

import dev.tradewind.engine.marketdata.feed.MarketDataSink;
import java.net.URI;
import java.util.List;

/**
 * What differs between venues behind {@link WebSocketFeed}: where to connect, how to subscribe and
 * how to read a message. Calls are serialized by the feed.
 */
public interface VenueProtocol {
    /** Short venue name, e.g. {@code binance}. */
    String venue();

    URI endpoint();

    /** Text frames to send after each (re)connect, in order. */
    List<String> subscribeMessages();

    /**
     * Decodes one complete text message and delivers what it holds to {@code sink}: updates, gaps,
     * rejections (bad input is reported, never thrown).
     *
     * @param receivedAt epoch ms of arrival, for messages that carry no event time
     */
    void onMessage(String text, long receivedAt, MarketDataSink sink);
}
