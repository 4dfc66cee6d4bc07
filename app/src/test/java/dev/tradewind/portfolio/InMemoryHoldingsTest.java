package dev.tradewind.portfolio;

import java.math.BigDecimal;
import java.util.UUID;

/** The in-memory test adapter passes the contract (which also shows the contract holds together). */
class InMemoryHoldingsTest extends HoldingsSourceContract {
    private final InMemoryHoldings holdings = new InMemoryHoldings();

    @Override
    protected HoldingsSource source() {
        return holdings;
    }

    @Override
    protected void givenBalance(UUID user, String asset, BigDecimal available, BigDecimal reserved) {
        holdings.set(user, asset, available, reserved);
    }
}
