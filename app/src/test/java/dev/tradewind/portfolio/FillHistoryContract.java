package dev.tradewind.portfolio;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What every {@link FillHistory} must do. An adapter's test extends this and says how to make a
 * user trade (e.g. by crossing two orders), executing the given fills in the order given.
 */
public abstract class FillHistoryContract {

    protected abstract FillHistory source();

    /**
     * Makes {@code user} get {@code fill} (symbol, side, price, quantity, fee, fee asset); adapters that
     * stamp their own time may ignore {@link Fill#time()} but must keep the order of calls.
     */
    protected abstract void givenFill(UUID user, Fill fill);

    protected static Fill fill(Fill.Side side, String price, String quantity, String fee, Instant time) {
        return new Fill("BTC-USD", "BTC", "USD", side, new BigDecimal(price), new BigDecimal(quantity),
                new BigDecimal(fee), "USD", time);
    }

    @Test
    void fillsComeOldestFirstWithTheirDetails() {
        UUID user = UUID.randomUUID();
        Instant t0 = Instant.parse("2026-03-01T10:00:00Z");
        givenFill(user, fill(Fill.Side.BUY, "60000", "0.5", "30", t0));
        givenFill(user, fill(Fill.Side.SELL, "61000", "0.2", "12.2", t0.plusSeconds(5)));

        assertThat(source().fills(user)).hasSize(2).satisfies(fills -> {
            assertThat(fills.get(0).side()).isEqualTo(Fill.Side.BUY);
            assertThat(fills.get(0).symbol()).isEqualTo("BTC-USD");
            assertThat(fills.get(0).baseAsset()).isEqualTo("BTC");
            assertThat(fills.get(0).quoteAsset()).isEqualTo("USD");
            assertThat(fills.get(0).price()).isEqualByComparingTo("60000");
            assertThat(fills.get(0).quantity()).isEqualByComparingTo("0.5");
            assertThat(fills.get(0).fee()).isEqualByComparingTo("30");
            assertThat(fills.get(0).feeAsset()).isEqualTo("USD");
            assertThat(fills.get(1).side()).isEqualTo(Fill.Side.SELL);
            assertThat(fills.get(1).time()).isAfterOrEqualTo(fills.get(0).time());
        });
    }

    @Test
    void usersSeeOnlyTheirOwnFills() {
        UUID alice = UUID.randomUUID();
        UUID bob = UUID.randomUUID();
        givenFill(alice, fill(Fill.Side.BUY, "60000", "1", "0", Instant.parse("2026-03-01T10:00:00Z")));

        assertThat(source().fills(alice)).hasSize(1);
        assertThat(source().fills(bob)).isEmpty();
    }
}
