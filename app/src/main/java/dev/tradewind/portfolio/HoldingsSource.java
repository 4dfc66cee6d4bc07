package dev.tradewind.portfolio;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;

/**
 * What each user holds. Port of the portfolio module, implemented by the module that keeps balances.
 * Every implementation passes {@code HoldingsSourceContract} (test sources).
 */
public interface HoldingsSource {

    /**
     * The user's holdings: asset code ({@code "BTC"}, {@code "USD"}) → total quantity (available plus
     * reserved for open orders), in units of the asset. Only assets with a non-zero quantity; empty
     * for an unknown user. Quantities are never negative.
     */
    Map<String, BigDecimal> holdings(UUID userId);

    /**
     * Every user who holds a non-zero quantity of any asset: the users the daily snapshot values.
     * Order does not matter.
     */
    Collection<UUID> holders();
}
