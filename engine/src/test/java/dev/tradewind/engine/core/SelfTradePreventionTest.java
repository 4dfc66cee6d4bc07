package dev.tradewind.engine.core;

import dev.tradewind.engine.event.ExpiryReason;
import dev.tradewind.engine.event.OrderExpired;
import dev.tradewind.engine.order.OrderStatus;
import dev.tradewind.engine.order.Side;
import dev.tradewind.engine.order.TimeInForce;
import dev.tradewind.engine.result.OrderResult;
import dev.tradewind.engine.result.RejectCode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Policy: expire taker. The resting own order is never touched. */
class SelfTradePreventionTest {
    private final TestMarket t = TestMarket.create().fund(1, 100_000, 100).fund(2, 100_000, 100);

    @Test
    void aGtcTakerTradesUpToItsOwnOrderThenExpires() {
        t.sell(2, 100, 1);
        long own = t.sell(1, 100, 3).order().orderId();
        t.sell(2, 100, 4);
        OrderResult taker = t.buy(1, 101, 10);
        assertThat(taker.order().filledQuantity()).isEqualTo(1);
        assertThat(taker.order().status()).isEqualTo(OrderStatus.EXPIRED);
        assertThat(t.last(OrderExpired.class)).singleElement()
                .satisfies(e -> assertThat(e.reason()).isEqualTo(ExpiryReason.SELF_TRADE_PREVENTED));
        assertThat(t.engine.order(own).orElseThrow().filledQuantity()).isZero();
        assertThat(t.engine.market(0).orElseThrow().bestBid()).isZero();
        assertThat(t.usd(1).reserved()).isZero();
    }

    @Test
    void fokCountsOnlyLiquidityBeforeTheOwnOrder() {
        t.sell(2, 100, 1);
        t.sell(1, 100, 3);
        t.sell(2, 100, 4);
        assertThat(t.limit(1, Side.BUY, 100, 2, TimeInForce.FOK).rejectCode()).isEqualTo(RejectCode.FOK_NOT_FILLABLE);
        assertThat(t.limit(1, Side.BUY, 100, 1, TimeInForce.FOK).order().status()).isEqualTo(OrderStatus.FILLED);
    }

    @Test
    void aMarketOrderMeetingItsOwnOrderFirstExpiresUnfilled() {
        t.sell(1, 100, 3);
        OrderResult taker = t.market(1, Side.BUY, 1, TimeInForce.IOC);
        assertThat(taker.fills()).isEmpty();
        assertThat(taker.order().status()).isEqualTo(OrderStatus.EXPIRED);
    }

    @Test
    void postOnlyIsRejectedEvenAgainstItsOwnOrder() {
        t.sell(1, 100, 3);
        assertThat(t.limit(1, Side.BUY, 100, 1, TimeInForce.POST_ONLY).rejectCode()).isEqualTo(RejectCode.POST_ONLY_WOULD_TAKE);
    }
}
