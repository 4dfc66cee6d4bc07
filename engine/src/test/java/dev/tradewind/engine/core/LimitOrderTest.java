package dev.tradewind.engine.core;

import dev.tradewind.engine.event.BookLevelChanged;
import dev.tradewind.engine.event.OrderExpired;
import dev.tradewind.engine.event.TradeExecuted;
import dev.tradewind.engine.order.Liquidity;
import dev.tradewind.engine.order.OrderStatus;
import dev.tradewind.engine.order.Side;
import dev.tradewind.engine.order.TimeInForce;
import dev.tradewind.engine.result.OrderResult;
import dev.tradewind.engine.result.RejectCode;
import org.junit.jupiter.api.Test;

import static dev.tradewind.engine.core.TestMarket.SAT_PER_LOT;
import static org.assertj.core.api.Assertions.assertThat;

class LimitOrderTest {
    private final TestMarket t = TestMarket.create().fund(1, 1_000_000, 0).fund(2, 0, 1_000).fund(3, 1_000_000, 1_000);

    @Test
    void gtcRestsThenFillsAtMakerPriceInTimePriority() {
        OrderResult first = t.sell(2, 101, 5);
        OrderResult second = t.sell(3, 101, 5);
        OrderResult better = t.sell(2, 100, 2);
        assertThat(first.order().status()).isEqualTo(OrderStatus.NEW);
        assertThat(t.engine.market(0).orElseThrow().bestAsk()).isEqualTo(100);

        OrderResult taker = t.buy(1, 102, 8);

        assertThat(taker.order().status()).isEqualTo(OrderStatus.FILLED);
        assertThat(taker.fills()).extracting(f -> f.price() + "x" + f.quantity() + ":" + f.liquidity())
                .containsExactly("100x2:TAKER", "101x5:TAKER", "101x1:TAKER");
        assertThat(taker.order().filledValue()).isEqualTo(100 * 2 + 101 * 6);
        assertThat(t.status(first.order().orderId())).isNull();
        assertThat(t.status(second.order().orderId())).isEqualTo(OrderStatus.PARTIALLY_FILLED);
        assertThat(t.engine.order(second.order().orderId()).orElseThrow().filledQuantity()).isEqualTo(1);
        // Buyer paid exactly the notional (fees are 0); the unused reservation at 102 went back.
        assertThat(t.usd(1).total()).isEqualTo(1_000_000 - 806);
        assertThat(t.usd(1).reserved()).isZero();
        assertThat(t.btc(1).total()).isEqualTo(8 * SAT_PER_LOT);
        assertThat(t.btc(2).total()).isEqualTo(1_000 * SAT_PER_LOT - 7 * SAT_PER_LOT);
        assertThat(t.btc(3).reserved()).isEqualTo(4 * SAT_PER_LOT);
        assertThat(t.last(BookLevelChanged.class)).extracting(BookLevelChanged::price, BookLevelChanged::quantity)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(100L, 0L), org.assertj.core.groups.Tuple.tuple(101L, 4L));
    }

    @Test
    void gtcRemainderRestsAndReservesQuote() {
        t.sell(2, 100, 2);
        OrderResult taker = t.buy(1, 100, 5);
        assertThat(taker.order().status()).isEqualTo(OrderStatus.PARTIALLY_FILLED);
        assertThat(taker.order().reserved()).isEqualTo(300);
        assertThat(t.usd(1).reserved()).isEqualTo(300);
        assertThat(t.engine.market(0).orElseThrow().bestBid()).isEqualTo(100);
    }

    @Test
    void iocFillsWhatItCanAndExpiresTheRest() {
        t.sell(2, 100, 2);
        OrderResult ioc = t.limit(1, Side.BUY, 100, 5, TimeInForce.IOC);
        assertThat(ioc.order().status()).isEqualTo(OrderStatus.EXPIRED);
        assertThat(ioc.order().filledQuantity()).isEqualTo(2);
        assertThat(t.last(OrderExpired.class)).singleElement().satisfies(e -> assertThat(e.expiredQuantity()).isEqualTo(3));
        assertThat(t.usd(1).reserved()).isZero();
        assertThat(t.engine.market(0).orElseThrow().bestBid()).isZero();
    }

    @Test
    void iocWithNothingToTakeExpiresUnfilled() {
        OrderResult ioc = t.limit(1, Side.BUY, 100, 5, TimeInForce.IOC);
        assertThat(ioc.order().status()).isEqualTo(OrderStatus.EXPIRED);
        assertThat(ioc.fills()).isEmpty();
        assertThat(t.usd(1).reserved()).isZero();
    }

    @Test
    void fokFillsCompletelyOrNotAtAll() {
        t.sell(2, 100, 2);
        t.sell(3, 101, 2);
        long hash = t.engine.contentHash();
        OrderResult tooBig = t.limit(1, Side.BUY, 101, 5, TimeInForce.FOK);
        assertThat(tooBig.rejectCode()).isEqualTo(RejectCode.FOK_NOT_FILLABLE);
        assertThat(tooBig.order().status()).isEqualTo(OrderStatus.REJECTED);
        assertThat(t.engine.contentHash()).isEqualTo(hash);

        OrderResult limited = t.limit(1, Side.BUY, 100, 3, TimeInForce.FOK);
        assertThat(limited.rejectCode()).isEqualTo(RejectCode.FOK_NOT_FILLABLE);

        OrderResult fits = t.limit(1, Side.BUY, 101, 4, TimeInForce.FOK);
        assertThat(fits.order().status()).isEqualTo(OrderStatus.FILLED);
        assertThat(fits.fills()).hasSize(2);
    }

    @Test
    void postOnlyRestsAsMakerOrIsRejectedIfItWouldTake() {
        t.sell(2, 100, 2);
        OrderResult taking = t.limit(1, Side.BUY, 100, 1, TimeInForce.POST_ONLY);
        assertThat(taking.rejectCode()).isEqualTo(RejectCode.POST_ONLY_WOULD_TAKE);
        OrderResult resting = t.limit(1, Side.BUY, 99, 1, TimeInForce.POST_ONLY);
        assertThat(resting.order().status()).isEqualTo(OrderStatus.NEW);
        OrderResult taker = t.limit(3, Side.SELL, 99, 1, TimeInForce.IOC);
        assertThat(taker.fills()).singleElement().satisfies(f -> assertThat(f.liquidity()).isEqualTo(Liquidity.TAKER));
        assertThat(t.last(TradeExecuted.class)).singleElement()
                .satisfies(tr -> assertThat(tr.makerOrderId()).isEqualTo(resting.order().orderId()));
    }

    @Test
    void cancelReleasesTheReservationAndForgetsTheOrder() {
        OrderResult bid = t.buy(1, 100, 5);
        assertThat(t.usd(1).reserved()).isEqualTo(500);
        OrderResult cancelled = t.cancel(1, bid.order().orderId());
        assertThat(cancelled.order().status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(t.usd(1).reserved()).isZero();
        assertThat(t.cancel(1, bid.order().orderId()).rejectCode()).isEqualTo(RejectCode.ORDER_NOT_OPEN);
        assertThat(t.cancel(1, 999_999).rejectCode()).isEqualTo(RejectCode.UNKNOWN_ORDER);
    }

    @Test
    void anotherAccountsOrderIsUnknown() {
        OrderResult bid = t.buy(1, 100, 5);
        assertThat(t.cancel(3, bid.order().orderId()).rejectCode()).isEqualTo(RejectCode.UNKNOWN_ORDER);
        assertThat(t.replace(3, bid.order().orderId(), 99, 0).rejectCode()).isEqualTo(RejectCode.UNKNOWN_ORDER);
        assertThat(t.status(bid.order().orderId())).isEqualTo(OrderStatus.NEW);
    }
}
