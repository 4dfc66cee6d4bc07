package dev.tradewind.marketdata.venue;

/**
 * Counters of one venue feed, for metrics and health.
 *
 * @param connects        successful connections (the first one included)
 * @param reconnects      connection attempts after a drop, failure or staleness
 * @param staleReconnects reconnects because the connection went silent
 * @param messages        text messages received
 * @param gaps            gap events reported
 * @param decodeFailures  messages that made the protocol throw (a bug; logged)
 * @param connected       whether a connection is open now
 */
public record FeedStats(long connects, long reconnects, long staleReconnects, long messages, long gaps,
                        long decodeFailures, boolean connected) {
}
