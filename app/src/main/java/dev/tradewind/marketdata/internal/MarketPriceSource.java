package dev.tradewind.marketdata.internal;

import dev.tradewind.portfolio.PriceSource;
import java.math.BigDecimal;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The portfolio's prices: an asset is worth the last trade of its {@code ASSET-USD} market, or the
 * feed's reference price before that market has traded (the same figures as the market's ticker,
 * {@code last} then {@code referencePrice}). USD is exactly 1. An asset without a USD market, or whose
 * market has neither a trade nor a reference price yet, has no price (the portfolio shows it unvalued
 * rather than at a made-up value). While market data is not running, nothing but USD has a price.
 */
@Component
class MarketPriceSource implements PriceSource {
    private final MarketQueries queries;

    MarketPriceSource(MarketQueries queries) {
        this.queries = queries;
    }

    @Override
    public Optional<BigDecimal> price(String asset) {
        if (QUOTE_ASSET.equals(asset)) {
            return Optional.of(BigDecimal.ONE);
        }
        String symbol = asset + '-' + QUOTE_ASSET;
        if (queries.find(symbol).isEmpty()) {
            return Optional.empty();
        }
        TickerView ticker = queries.ticker(symbol);
        BigDecimal price = ticker.last() != null ? ticker.last() : ticker.referencePrice();
        return Optional.ofNullable(price).filter(p -> p.signum() > 0);
    }
}
