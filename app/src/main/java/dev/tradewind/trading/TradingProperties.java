package dev.tradewind.trading;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Trading over HTTP ({@code tradewind.trading.*}).
 *
 * @param makerFeeBps          maker fee of every account, basis points (default 10 = 0.10 %), charged in the
 *                             quote asset; applied to the engine's fee tier 0 at start when it differs
 * @param takerFeeBps          taker fee, basis points (default 20 = 0.20 %)
 * @param readYourWritesTimeout how long POST/DELETE /orders wait for the persister to store the engine's
 *                             answer (default 5s), so that a GET right after sees it; past that the
 *                             answer is built from the engine's result alone
 * @param defaultPageSize      list endpoints' page size when {@code limit} is absent (default 100)
 * @param maxPageSize          largest {@code limit} accepted (default 500)
 * @param partitionsAhead      monthly partitions of orders/trades/fills kept ready ahead of the current
 *                             month (default 3), checked at start and every {@code partitionCheckInterval}
 * @param partitionCheckInterval default 1 day
 */
@ConfigurationProperties("tradewind.trading")
public record TradingProperties(
        @DefaultValue("10") int makerFeeBps,
        @DefaultValue("20") int takerFeeBps,
        @DefaultValue("5s") Duration readYourWritesTimeout,
        @DefaultValue("100") int defaultPageSize,
        @DefaultValue("500") int maxPageSize,
        @DefaultValue("3") int partitionsAhead,
        @DefaultValue("1d") Duration partitionCheckInterval) {

    public TradingProperties {
        if (makerFeeBps < 0 || makerFeeBps > 10_000 || takerFeeBps < 0 || takerFeeBps > 10_000) {
            throw new IllegalArgumentException("tradewind.trading fee rates must be 0..10000 basis points");
        }
        if (defaultPageSize < 1 || maxPageSize < defaultPageSize) {
            throw new IllegalArgumentException("tradewind.trading: need 1 <= default-page-size <= max-page-size");
        }
        if (partitionsAhead < 1) {
            throw new IllegalArgumentException("tradewind.trading.partitions-ahead must be >= 1");
        }
    }
}
