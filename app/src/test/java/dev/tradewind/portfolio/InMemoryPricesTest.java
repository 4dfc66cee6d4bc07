package dev.tradewind.portfolio;

import java.math.BigDecimal;

/** The in-memory test adapter passes the contract (which also shows the contract holds together). */
class InMemoryPricesTest extends PriceSourceContract {
    private final InMemoryPrices prices = new InMemoryPrices();

    @Override
    protected PriceSource source() {
        return prices;
    }

    @Override
    protected void givenTraded(String asset, BigDecimal lastPrice, BigDecimal referencePrice) {
        prices.traded(asset, lastPrice, referencePrice);
    }

    @Override
    protected void givenReferenceOnly(String asset, BigDecimal referencePrice) {
        prices.referenceOnly(asset, referencePrice);
    }
}
