package dev.tradewind.engine.core;

import dev.tradewind.engine.command.PlaceOrder;
import dev.tradewind.engine.command.SetInstrumentStatus;
import dev.tradewind.engine.event.ExpiryReason;
import dev.tradewind.engine.event.OrderExpired;
import dev.tradewind.engine.event.StopTriggered;
import dev.tradewind.engine.event.TradeExecuted;
import dev.tradewind.engine.instrument.InstrumentStatus;
import dev.tradewind.engine.order.OrderStatus;
import dev.tradewind.engine.order.Side;
import dev.tradewind.engine.order.TimeInForce;
import dev.tradewind.engine.result.OrderResult;
import dev.tradewind.engine.result.RejectCode;
import org.junit.jupiter.api.Test;

import static dev.tradewind.engine.core.TestMarket.BTC_USD;
import static dev.tradewind.engine.core.TestMarket.SAT_PER_LOT;
import static org.assertj.core.api.Assertions.assertThat;

class StopOrderTest {
    private final TestMarket t = TestMarket.create().fund(1, 1_000_000, 100).fund(2, 1_000_000, 100).fund(3, 1_000_000, 100);

    private OrderResult stopLimit(long account, Side side, long stop, long price, long quantity, TimeInForce tif) {
        return t.order(PlaceOrder.stopLimit(account, BTC_USD, side, tif, stop, price, quantity));
    }

    private OrderResult stopMarket(long account, Side side, long stop, long quantity, TimeInForce tif) {
        return t.order(PlaceOrder.stopMarket(account, BTC_USD, side, tif, stop, quantity));
    }

    @Test
    void stopLimitRestsUntriggeredWithItsReservation() {
        t.reference(100);
        OrderResult stop = stopLimit(1, Side.BUY, 110, 112, 5, TimeInForce.GTC);
        assertThat(stop.order().status()).isEqualTo(OrderStatus.PENDING_TRIGGER);
        assertThat(stop.order().reserved()).isEqualTo(560);
        assertThat(t.usd(1).reserved()).isEqualTo(560);
        assertThat(t.engine.market(BTC_USD).orElseThrow().bestBid()).isZero();
        assertThat(t.status(stop.order().orderId())).isEqualTo(OrderStatus.PENDING_TRIGGER);
    }

    @Test
    void referencePriceAtTheStopTriggersABuyStop() {
        t.reference(100);
        t.sell(2, 111, 2);
        OrderResult stop = stopLimit(1, Side.BUY, 110, 112, 5, TimeInForce.GTC);
        t.reference(109);
        assertThat(t.status(stop.order().orderId())).isEqualTo(OrderStatus.PENDING_TRIGGER);
        t.reference(110);
        assertThat(t.last(StopTriggered.class)).singleElement().satisfies(e -> {
            assertThat(e.orderId()).isEqualTo(stop.order().orderId());
            assertThat(e.marketPrice()).isEqualTo(110);
        });
        assertThat(t.last(TradeExecuted.class)).singleElement().satisfies(e -> assertThat(e.price()).isEqualTo(111));
        assertThat(t.status(stop.order().orderId())).isEqualTo(OrderStatus.PARTIALLY_FILLED);
        assertThat(t.engine.market(BTC_USD).orElseThrow().bestBid()).isEqualTo(112);
    }

    @Test
    void lastTradeTriggersASellStopAndTheCascadeRunsInOrder() {
        t.buy(3, 100, 1);
        t.buy(3, 95, 1);
        t.buy(3, 90, 1);
        OrderResult high = stopMarket(2, Side.SELL, 98, 1, TimeInForce.IOC);
        OrderResult low = stopMarket(1, Side.SELL, 94, 1, TimeInForce.IOC);
        assertThat(high.order().status()).isEqualTo(OrderStatus.PENDING_TRIGGER);

        OrderResult seller = t.limit(1, Side.SELL, 100, 1, TimeInForce.IOC);

        assertThat(seller.order().status()).isEqualTo(OrderStatus.FILLED);
        // Trade at 100 does not reach 98; nothing fires yet.
        assertThat(t.last(StopTriggered.class)).isEmpty();
        t.limit(1, Side.SELL, 95, 1, TimeInForce.IOC);
        // Trade at 95 fires the 98 stop, which sells at 90 and fires the 94 stop, which finds no bid.
        assertThat(t.last(StopTriggered.class)).extracting(StopTriggered::orderId)
                .containsExactly(high.order().orderId(), low.order().orderId());
        assertThat(t.last(TradeExecuted.class)).extracting(TradeExecuted::price).containsExactly(95L, 90L);
        assertThat(t.last(OrderExpired.class)).singleElement()
                .satisfies(e -> assertThat(e.orderId()).isEqualTo(low.order().orderId()));
        assertThat(t.btc(1).reserved()).isZero();
    }

    @Test
    void aStopAlreadyCrossedWhenPlacedFiresAtOnce() {
        t.reference(120);
        t.sell(2, 121, 1);
        OrderResult stop = stopMarket(1, Side.BUY, 110, 1, TimeInForce.IOC);
        assertThat(stop.order().status()).isEqualTo(OrderStatus.FILLED);
        assertThat(stop.fills()).singleElement().satisfies(f -> assertThat(f.price()).isEqualTo(121));
    }

    @Test
    void cancellingAPendingStopReleasesItsReservation() {
        OrderResult stop = stopLimit(1, Side.SELL, 90, 89, 5, TimeInForce.GTC);
        assertThat(t.btc(1).reserved()).isEqualTo(5 * SAT_PER_LOT);
        OrderResult cancelled = t.cancel(1, stop.order().orderId());
        assertThat(cancelled.order().status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(t.btc(1).reserved()).isZero();
        t.reference(80);
        assertThat(t.last(StopTriggered.class)).isEmpty();
    }

    @Test
    void pendingStopsCannotBeReplaced() {
        OrderResult stop = stopLimit(1, Side.SELL, 90, 89, 5, TimeInForce.GTC);
        assertThat(t.replace(1, stop.order().orderId(), 88, 0).rejectCode()).isEqualTo(RejectCode.ORDER_NOT_REPLACEABLE);
    }

    @Test
    void stopsWaitWhileTheInstrumentIsHaltedAndFireOnResume() {
        OrderResult stop = stopMarket(1, Side.BUY, 110, 1, TimeInForce.IOC);
        t.sell(2, 115, 1);
        t.ok(new SetInstrumentStatus(BTC_USD, InstrumentStatus.HALTED));
        t.reference(111);
        assertThat(t.status(stop.order().orderId())).isEqualTo(OrderStatus.PENDING_TRIGGER);
        t.ok(new SetInstrumentStatus(BTC_USD, InstrumentStatus.TRADING));
        assertThat(t.last(StopTriggered.class)).hasSize(1);
        assertThat(t.status(stop.order().orderId())).isNull();
        assertThat(t.btc(1).total()).isEqualTo(101 * SAT_PER_LOT);
    }

    @Test
    void aTriggeredFokStopThatCannotFillExpiresWithoutTrading() {
        t.sell(2, 111, 1);
        stopLimit(1, Side.BUY, 110, 112, 5, TimeInForce.FOK);
        t.reference(110);
        assertThat(t.last(OrderExpired.class)).singleElement()
                .satisfies(e -> assertThat(e.reason()).isEqualTo(ExpiryReason.FOK_NOT_FILLABLE));
        assertThat(t.last(TradeExecuted.class)).isEmpty();
        assertThat(t.usd(1).reserved()).isZero();
    }

    @Test
    void triggeredStopMarketBuyIsBoundedByQuoteAtTriggerTime() {
        t.fund(4, 250, 0);
        t.sell(2, 100, 5);
        OrderResult stop = stopMarket(4, Side.BUY, 100, 5, TimeInForce.IOC);
        assertThat(stop.order().reserved()).isZero();
        assertThat(stop.order().status()).isEqualTo(OrderStatus.PENDING_TRIGGER);
        t.reference(100);
        assertThat(t.last(TradeExecuted.class)).singleElement().satisfies(e -> assertThat(e.quantity()).isEqualTo(2));
        assertThat(t.last(OrderExpired.class)).singleElement()
                .satisfies(e -> assertThat(e.reason()).isEqualTo(ExpiryReason.FUNDS_EXHAUSTED));
        assertThat(t.usd(4).total()).isEqualTo(50);
    }

    @Test
    void stopTypesRefusePostOnlyAndNeedAStopPrice() {
        assertThat(stopLimit(1, Side.BUY, 110, 112, 1, TimeInForce.POST_ONLY).rejectCode())
                .isEqualTo(RejectCode.INVALID_TIME_IN_FORCE);
        assertThat(stopMarket(1, Side.BUY, 110, 1, TimeInForce.GTC).rejectCode()).isEqualTo(RejectCode.INVALID_TIME_IN_FORCE);
        assertThat(stopMarket(1, Side.BUY, 0, 1, TimeInForce.IOC).rejectCode()).isEqualTo(RejectCode.INVALID_STOP_PRICE);
        assertThat(t.order(new PlaceOrder(1, BTC_USD, Side.BUY, dev.tradewind.engine.order.OrderType.LIMIT, TimeInForce.GTC,
                100, 90, 1, null)).rejectCode()).isEqualTo(RejectCode.INVALID_STOP_PRICE);
    }
}
