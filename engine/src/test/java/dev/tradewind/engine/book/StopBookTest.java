package dev.tradewind.engine.book;

import dev.tradewind.engine.order.OrderType;
import dev.tradewind.engine.order.Side;
import dev.tradewind.engine.order.TimeInForce;
import dev.tradewind.engine.risk.Account;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StopBookTest {
    private final StopBook stops = new StopBook(0);
    private final Account account = new Account(1, 2);
    private long nextId = 1;

    private StopOrder stop(Side side, long stopPrice) {
        StopOrder order = new StopOrder(stopPrice);
        order.init(nextId++, account, side, OrderType.STOP_MARKET, TimeInForce.IOC, 0, 1, null, 0, 0);
        stops.add(order);
        return order;
    }

    @Test
    void buyStopsFireLowestFirstWhenThePriceRisesToThem() {
        StopOrder high = stop(Side.BUY, 110);
        StopOrder low = stop(Side.BUY, 105);
        StopOrder lowLater = stop(Side.BUY, 105);
        assertThat(low.isPendingTrigger()).isTrue();
        assertThat(stops.nextTriggered(104)).isNull();
        assertThat(stops.nextTriggered(0)).isNull();
        assertThat(stops.nextTriggered(105)).isSameAs(low);
        stops.remove(low);
        assertThat(stops.nextTriggered(200)).isSameAs(lowLater);
        stops.remove(lowLater);
        assertThat(stops.nextTriggered(109)).isNull();
        assertThat(stops.nextTriggered(110)).isSameAs(high);
    }

    @Test
    void sellStopsFireHighestFirstWhenThePriceFallsToThem() {
        StopOrder low = stop(Side.SELL, 90);
        StopOrder high = stop(Side.SELL, 95);
        assertThat(stops.nextTriggered(96)).isNull();
        assertThat(stops.nextTriggered(80)).isSameAs(high);
        stops.remove(high);
        assertThat(stops.nextTriggered(80)).isSameAs(low);
        assertThat(stops.size()).isEqualTo(1);
    }

    @Test
    void buysFireBeforeSellsWhenBothQualify() {
        StopOrder sell = stop(Side.SELL, 100);
        StopOrder buy = stop(Side.BUY, 100);
        assertThat(stops.nextTriggered(100)).isSameAs(buy);
        stops.remove(buy);
        assertThat(stops.nextTriggered(100)).isSameAs(sell);
    }
}
