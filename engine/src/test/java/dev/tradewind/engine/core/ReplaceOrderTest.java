package dev.tradewind.engine.core;

import dev.tradewind.engine.event.OrderReplaced;
import dev.tradewind.engine.event.TradeExecuted;
import dev.tradewind.engine.order.OrderStatus;
import dev.tradewind.engine.order.Side;
import dev.tradewind.engine.order.TimeInForce;
import dev.tradewind.engine.result.OrderResult;
import dev.tradewind.engine.result.RejectCode;
import org.junit.jupiter.api.Test;

import static dev.tradewind.engine.core.TestMarket.SAT_PER_LOT;
import static org.assertj.core.api.Assertions.assertThat;

class ReplaceOrderTest {
    private final TestMarket t = TestMarket.create().fund(1, 10_000, 100).fund(2, 10_000, 100).fund(3, 10_000, 100);

    private long firstMakerHitBy(long price) {
        t.limit(3, Side.SELL, price, 1, TimeInForce.IOC);
        return t.last(TradeExecuted.class).getFirst().makerOrderId();
    }

    @Test
    void loweringTheQuantityKeepsTimePriority() {
        long first = t.buy(1, 100, 5).order().orderId();
        t.buy(2, 100, 5);
        OrderResult replaced = t.replace(1, first, 0, 3);
        assertThat(replaced.order().quantity()).isEqualTo(3);
        assertThat(t.last(OrderReplaced.class)).singleElement().satisfies(e -> assertThat(e.priorityKept()).isTrue());
        assertThat(t.usd(1).reserved()).isEqualTo(300);
        assertThat(firstMakerHitBy(100)).isEqualTo(first);
    }

    @Test
    void raisingTheQuantityLosesTimePriority() {
        long first = t.buy(1, 100, 5).order().orderId();
        long second = t.buy(2, 100, 5).order().orderId();
        t.replace(1, first, 0, 6);
        assertThat(t.last(OrderReplaced.class)).singleElement().satisfies(e -> assertThat(e.priorityKept()).isFalse());
        assertThat(t.usd(1).reserved()).isEqualTo(600);
        assertThat(firstMakerHitBy(100)).isEqualTo(second);
    }

    @Test
    void changingThePriceLosesTimePriorityEvenWhenMovingBack() {
        long first = t.buy(1, 100, 5).order().orderId();
        long second = t.buy(2, 100, 5).order().orderId();
        t.replace(1, first, 99, 0);
        assertThat(t.usd(1).reserved()).isEqualTo(495);
        t.replace(1, first, 100, 0);
        assertThat(firstMakerHitBy(100)).isEqualTo(second);
    }

    @Test
    void aReplacedPriceThatCrossesTradesImmediately() {
        t.sell(2, 101, 2);
        long bid = t.buy(1, 99, 5).order().orderId();
        OrderResult replaced = t.replace(1, bid, 101, 0);
        assertThat(replaced.fills()).singleElement().satisfies(f -> {
            assertThat(f.price()).isEqualTo(101);
            assertThat(f.quantity()).isEqualTo(2);
        });
        assertThat(replaced.order().status()).isEqualTo(OrderStatus.PARTIALLY_FILLED);
        assertThat(t.usd(1).reserved()).isEqualTo(303);
        assertThat(t.btc(1).total()).isEqualTo(102 * SAT_PER_LOT);
    }

    @Test
    void theNewQuantityIsTheTotalIncludingWhatIsFilled() {
        t.sell(2, 100, 2);
        long bid = t.buy(1, 100, 5).order().orderId();
        assertThat(t.replace(1, bid, 0, 2).rejectCode()).isEqualTo(RejectCode.INVALID_QUANTITY);
        OrderResult replaced = t.replace(1, bid, 0, 4);
        assertThat(replaced.order().remainingQuantity()).isEqualTo(2);
        assertThat(t.usd(1).reserved()).isEqualTo(200);
    }

    @Test
    void aReplaceThatNeedsMoreThanIsAvailableIsRejectedUnchanged() {
        long bid = t.buy(1, 100, 50).order().orderId();
        long ask = t.sell(2, 200, 60).order().orderId();
        long hash = t.engine.contentHash();
        assertThat(t.replace(1, bid, 0, 101).rejectCode()).isEqualTo(RejectCode.INSUFFICIENT_FUNDS);
        assertThat(t.replace(1, bid, 201, 0).rejectCode()).isEqualTo(RejectCode.INSUFFICIENT_FUNDS);
        assertThat(t.replace(2, ask, 0, 101).rejectCode()).isEqualTo(RejectCode.INSUFFICIENT_FUNDS);
        assertThat(t.lastEvents).isEmpty();
        assertThat(t.engine.contentHash()).isEqualTo(hash);
    }

    @Test
    void postOnlyOrdersStayMakers() {
        t.sell(2, 101, 2);
        long bid = t.limit(1, Side.BUY, 99, 5, TimeInForce.POST_ONLY).order().orderId();
        assertThat(t.replace(1, bid, 101, 0).rejectCode()).isEqualTo(RejectCode.POST_ONLY_WOULD_TAKE);
        assertThat(t.replace(1, bid, 100, 0).accepted()).isTrue();
    }

    @Test
    void replacingToTheSameValuesChangesNothing() {
        long bid = t.buy(1, 100, 5).order().orderId();
        t.buy(2, 100, 5);
        OrderResult same = t.replace(1, bid, 100, 5);
        assertThat(same.accepted()).isTrue();
        assertThat(firstMakerHitBy(100)).isEqualTo(bid);
    }
}
