package dev.tradewind.engine.core;

import dev.tradewind.engine.event.ExpiryReason;
import dev.tradewind.engine.event.OrderExpired;
import dev.tradewind.engine.order.OrderStatus;
import dev.tradewind.engine.order.Side;
import dev.tradewind.engine.order.TimeInForce;
import dev.tradewind.engine.result.OrderResult;
import dev.tradewind.engine.result.RejectCode;
import org.junit.jupiter.api.Test;

import static dev.tradewind.engine.core.TestMarket.SAT_PER_LOT;
import static org.assertj.core.api.Assertions.assertThat;

class MarketOrderTest {
    private final TestMarket t = TestMarket.create().fund(2, 0, 1_000).fund(3, 1_000_000, 1_000);

    @Test
    void marketBuySweepsLevelsAndExpiresWhatTheBookCannotFill() {
        t.fund(1, 1_000_000, 0);
        t.sell(2, 100, 2);
        t.sell(3, 105, 3);
        OrderResult buy = t.market(1, Side.BUY, 10, TimeInForce.IOC);
        assertThat(buy.order().status()).isEqualTo(OrderStatus.EXPIRED);
        assertThat(buy.order().filledQuantity()).isEqualTo(5);
        assertThat(buy.order().filledValue()).isEqualTo(2 * 100 + 3 * 105);
        assertThat(t.last(OrderExpired.class)).singleElement()
                .satisfies(e -> assertThat(e.reason()).isEqualTo(ExpiryReason.UNFILLED_REMAINDER));
        assertThat(t.usd(1).total()).isEqualTo(1_000_000 - 515);
        assertThat(t.usd(1).reserved()).isZero();
    }

    @Test
    void marketBuyIsBoundedByAvailableQuote() {
        t.fund(1, 450, 0);
        t.sell(2, 100, 2);
        t.sell(3, 120, 5);
        OrderResult buy = t.market(1, Side.BUY, 7, TimeInForce.IOC);
        // 2 lots at 100 = 200 cents, then 250 cents left buys 2 lots at 120.
        assertThat(buy.order().filledQuantity()).isEqualTo(4);
        assertThat(buy.order().status()).isEqualTo(OrderStatus.EXPIRED);
        assertThat(t.last(OrderExpired.class)).singleElement()
                .satisfies(e -> assertThat(e.reason()).isEqualTo(ExpiryReason.FUNDS_EXHAUSTED));
        assertThat(t.usd(1).total()).isEqualTo(10);
        assertThat(t.btc(1).total()).isEqualTo(4 * SAT_PER_LOT);
    }

    @Test
    void marketBuyBoundIncludesTheTakerFee() {
        t.fund(1, 1_000, 0).fees(1, 0, 1_000); // 10 % taker fee
        t.sell(2, 100, 20);
        OrderResult buy = t.market(1, Side.BUY, 20, TimeInForce.IOC);
        // Each lot costs 100 + 10: 9 lots = 990 cents fit in 1000, 10 would not.
        assertThat(buy.order().filledQuantity()).isEqualTo(9);
        assertThat(t.usd(1).total()).isEqualTo(10);
        assertThat(t.usd(MatchingEngine.FEE_ACCOUNT_ID).total()).isEqualTo(90);
    }

    @Test
    void marketBuyThatCannotAffordOneLotIsRejected() {
        t.fund(1, 99, 0);
        t.sell(2, 100, 2);
        long hash = t.engine.contentHash();
        OrderResult buy = t.market(1, Side.BUY, 1, TimeInForce.IOC);
        assertThat(buy.rejectCode()).isEqualTo(RejectCode.INSUFFICIENT_FUNDS);
        assertThat(t.engine.contentHash()).isEqualTo(hash);
    }

    @Test
    void marketOrderOnAnEmptyBookExpiresUnfilled() {
        t.fund(1, 1_000, 0);
        OrderResult buy = t.market(1, Side.BUY, 1, TimeInForce.IOC);
        assertThat(buy.order().status()).isEqualTo(OrderStatus.EXPIRED);
        assertThat(buy.fills()).isEmpty();
    }

    @Test
    void marketSellReservesBaseAndReleasesTheRemainder() {
        t.buy(3, 100, 3);
        OrderResult sell = t.market(2, Side.SELL, 5, TimeInForce.IOC);
        assertThat(sell.order().filledQuantity()).isEqualTo(3);
        assertThat(t.btc(2).total()).isEqualTo(997 * SAT_PER_LOT);
        assertThat(t.btc(2).reserved()).isZero();
        assertThat(t.usd(2).total()).isEqualTo(300);
    }

    @Test
    void marketSellNeedsTheBase() {
        t.fund(1, 1_000, 0);
        assertThat(t.market(1, Side.SELL, 1, TimeInForce.IOC).rejectCode()).isEqualTo(RejectCode.INSUFFICIENT_FUNDS);
    }

    @Test
    void marketFokFillsCompletelyOrIsRejected() {
        t.fund(1, 1_000_000, 0);
        t.sell(2, 100, 2);
        t.sell(3, 101, 2);
        assertThat(t.market(1, Side.BUY, 5, TimeInForce.FOK).rejectCode()).isEqualTo(RejectCode.FOK_NOT_FILLABLE);
        OrderResult all = t.market(1, Side.BUY, 4, TimeInForce.FOK);
        assertThat(all.order().status()).isEqualTo(OrderStatus.FILLED);
    }

    @Test
    void marketFokAlsoCountsTheQuoteBound() {
        t.fund(1, 300, 0);
        t.sell(2, 100, 5);
        assertThat(t.market(1, Side.BUY, 4, TimeInForce.FOK).rejectCode()).isEqualTo(RejectCode.FOK_NOT_FILLABLE);
        assertThat(t.market(1, Side.BUY, 3, TimeInForce.FOK).order().status()).isEqualTo(OrderStatus.FILLED);
    }

    @Test
    void marketOrdersStopAtThePriceBand() {
        t.fund(1, 1_000_000, 0).reference(100).limits(500, 0, 0); // ±5 %
        t.sell(2, 104, 1);
        t.sell(2, 105, 1);
        t.ok(new dev.tradewind.engine.command.UpdateReferencePrice(TestMarket.BTC_USD, 95));
        // The band is now 91..99 (5 % of 95 = 4.75, floored to 4 ticks), so nothing is reachable.
        OrderResult buy = t.market(1, Side.BUY, 2, TimeInForce.IOC);
        assertThat(buy.order().filledQuantity()).isZero();
        t.reference(100);
        assertThat(t.market(1, Side.BUY, 2, TimeInForce.IOC).order().filledQuantity()).isEqualTo(2);
    }

    @Test
    void marketOrdersOnlyTakeIocOrFok() {
        t.fund(1, 1_000, 0);
        assertThat(t.market(1, Side.BUY, 1, TimeInForce.GTC).rejectCode()).isEqualTo(RejectCode.INVALID_TIME_IN_FORCE);
        assertThat(t.market(1, Side.BUY, 1, TimeInForce.POST_ONLY).rejectCode()).isEqualTo(RejectCode.INVALID_TIME_IN_FORCE);
    }
}
