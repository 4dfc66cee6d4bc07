package dev.tradewind.portfolio;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/**
 * What every {@link PriceSource} must do. An adapter's test extends this and says how to make an
 * asset's USD market trade, or only have a reference price.
 */
public abstract class PriceSourceContract {

    protected abstract PriceSource source();

    /** {@code asset}'s USD market last traded at {@code lastPrice}; its reference price is {@code referencePrice}. */
    protected abstract void givenTraded(String asset, BigDecimal lastPrice, BigDecimal referencePrice);

    /** {@code asset} has a reference price but its USD market has not traded. */
    protected abstract void givenReferenceOnly(String asset, BigDecimal referencePrice);

    /** An asset code no market or feed knows. */
    protected String unknownAsset() {
        return "NOPE";
    }

    @Test
    void usdIsWorthExactlyOne() {
        assertThat(source().price(PriceSource.QUOTE_ASSET)).hasValueSatisfying(
                price -> assertThat(price).isEqualByComparingTo(BigDecimal.ONE));
    }

    @Test
    void theLastTradePriceWins() {
        givenTraded("BTC", new BigDecimal("64000.5"), new BigDecimal("63000"));
        assertThat(source().price("BTC")).hasValueSatisfying(p -> assertThat(p).isEqualByComparingTo("64000.5"));
    }

    @Test
    void theReferencePriceStandsInBeforeTheFirstTrade() {
        givenReferenceOnly("ETH", new BigDecimal("3100.25"));
        assertThat(source().price("ETH")).hasValueSatisfying(p -> assertThat(p).isEqualByComparingTo("3100.25"));
    }

    @Test
    void unknownAssetsHaveNoPrice() {
        assertThat(source().price(unknownAsset())).isEmpty();
    }
}
