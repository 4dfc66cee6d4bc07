package dev.tradewind.engine.core;

import dev.tradewind.engine.command.PlaceOrder;
import dev.tradewind.engine.event.EngineEvent;
import dev.tradewind.engine.event.OrderCancelled;
import dev.tradewind.engine.event.OrderExpired;
import dev.tradewind.engine.event.TradeExecuted;
import dev.tradewind.engine.order.OrderType;
import dev.tradewind.engine.order.Side;
import dev.tradewind.engine.order.TimeInForce;
import dev.tradewind.engine.result.OrderResult;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static dev.tradewind.engine.core.TestMarket.BTC_USD;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every order type × time in force, on both sides, against the same book: the opposite side holds
 * 2 lots at the best price and 2 lots one level worse than the taker's limit; the taker wants 3.
 * Stops are placed untriggered and fired by a reference price update.
 */
class OrderTypeTimeInForceTest {

    @ParameterizedTest(name = "{0} {1} {2} -> {3} filled {4}")
    @CsvSource({
            // side, type,        tif,       outcome (status or reject code), filled
            "BUY,  LIMIT,       GTC,       PARTIALLY_FILLED,      2",
            "BUY,  LIMIT,       IOC,       EXPIRED,               2",
            "BUY,  LIMIT,       FOK,       FOK_NOT_FILLABLE,      0",
            "BUY,  LIMIT,       POST_ONLY, POST_ONLY_WOULD_TAKE,  0",
            "BUY,  MARKET,      GTC,       INVALID_TIME_IN_FORCE, 0",
            "BUY,  MARKET,      IOC,       FILLED,                3",
            "BUY,  MARKET,      FOK,       FILLED,                3",
            "BUY,  MARKET,      POST_ONLY, INVALID_TIME_IN_FORCE, 0",
            "BUY,  STOP_LIMIT,  GTC,       PARTIALLY_FILLED,      2",
            "BUY,  STOP_LIMIT,  IOC,       EXPIRED,               2",
            "BUY,  STOP_LIMIT,  FOK,       EXPIRED,               0",
            "BUY,  STOP_LIMIT,  POST_ONLY, INVALID_TIME_IN_FORCE, 0",
            "BUY,  STOP_MARKET, GTC,       INVALID_TIME_IN_FORCE, 0",
            "BUY,  STOP_MARKET, IOC,       FILLED,                3",
            "BUY,  STOP_MARKET, FOK,       FILLED,                3",
            "BUY,  STOP_MARKET, POST_ONLY, INVALID_TIME_IN_FORCE, 0",
            "SELL, LIMIT,       GTC,       PARTIALLY_FILLED,      2",
            "SELL, LIMIT,       IOC,       EXPIRED,               2",
            "SELL, LIMIT,       FOK,       FOK_NOT_FILLABLE,      0",
            "SELL, LIMIT,       POST_ONLY, POST_ONLY_WOULD_TAKE,  0",
            "SELL, MARKET,      GTC,       INVALID_TIME_IN_FORCE, 0",
            "SELL, MARKET,      IOC,       FILLED,                3",
            "SELL, MARKET,      FOK,       FILLED,                3",
            "SELL, MARKET,      POST_ONLY, INVALID_TIME_IN_FORCE, 0",
            "SELL, STOP_LIMIT,  GTC,       PARTIALLY_FILLED,      2",
            "SELL, STOP_LIMIT,  IOC,       EXPIRED,               2",
            "SELL, STOP_LIMIT,  FOK,       EXPIRED,               0",
            "SELL, STOP_LIMIT,  POST_ONLY, INVALID_TIME_IN_FORCE, 0",
            "SELL, STOP_MARKET, GTC,       INVALID_TIME_IN_FORCE, 0",
            "SELL, STOP_MARKET, IOC,       FILLED,                3",
            "SELL, STOP_MARKET, FOK,       FILLED,                3",
            "SELL, STOP_MARKET, POST_ONLY, INVALID_TIME_IN_FORCE, 0"})
    void outcome(Side side, OrderType type, TimeInForce tif, String outcome, long filled) {
        TestMarket t = TestMarket.create().fund(1, 1_000_000, 100).fund(2, 1_000_000, 100);
        boolean buy = side == Side.BUY;
        // Opposite liquidity: 2 lots at 100, 2 lots at 102 (asks) / 2 at 100, 2 at 98 (bids).
        t.limit(2, side.opposite(), 100, 2, TimeInForce.GTC);
        t.limit(2, side.opposite(), buy ? 102 : 98, 2, TimeInForce.GTC);
        long limit = buy ? 101 : 99;
        long stop = buy ? 105 : 95;
        long price = type.isPriced() ? limit : 0;
        long stopPrice = type.isStop() ? stop : 0;

        OrderResult placed = t.order(new PlaceOrder(1, BTC_USD, side, type, tif, price, stopPrice, 3, null));
        if (!placed.accepted()) {
            assertThat(placed.rejectCode().name()).isEqualTo(outcome);
            return;
        }
        long id = placed.order().orderId();
        if (type.isStop()) {
            assertThat(placed.order().status().name()).isEqualTo("PENDING_TRIGGER");
            t.reference(stop);
        }
        assertThat(finalStatus(t, id)).isEqualTo(outcome);
        assertThat(filled(t, id)).isEqualTo(filled);
        assertThat(t.usd(1).reserved() + t.btc(1).reserved()).as("only a resting remainder holds funds")
                .isEqualTo(outcome.equals("PARTIALLY_FILLED") ? (buy ? 101 : TestMarket.SAT_PER_LOT) : 0);
    }

    private static String finalStatus(TestMarket t, long id) {
        var open = t.engine.order(id);
        if (open.isPresent()) {
            return open.get().status().name();
        }
        for (EngineEvent e : t.events) {
            if (e instanceof OrderExpired x && x.orderId() == id) {
                return "EXPIRED";
            }
            if (e instanceof OrderCancelled c && c.orderId() == id) {
                return "CANCELLED";
            }
        }
        return "FILLED";
    }

    private static long filled(TestMarket t, long id) {
        return t.events.stream().filter(TradeExecuted.class::isInstance).map(TradeExecuted.class::cast)
                .filter(e -> e.takerOrderId() == id || e.makerOrderId() == id).mapToLong(TradeExecuted::quantity).sum();
    }
}
