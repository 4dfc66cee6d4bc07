package dev.tradewind.portfolio;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * Current prices in the valuation currency, {@value #QUOTE_ASSET}. Port of the portfolio module,
 * implemented by the module that knows the markets. Every implementation passes
 * {@code PriceSourceContract} (test sources).
 */
public interface PriceSource {
    /** The asset every value is expressed in. */
    String QUOTE_ASSET = "USD";

    /**
     * The price of one unit of {@code asset} in USD: the last trade price of its USD market, or its
     * reference price (feed) when it has not traded yet. {@code "USD"} is exactly 1. Empty when the
     * asset has no USD price at all. Never zero or negative.
     */
    Optional<BigDecimal> price(String asset);
}
