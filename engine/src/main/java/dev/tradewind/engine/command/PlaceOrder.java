package dev.tradewind.engine.command;

import dev.tradewind.engine.order.OrderType;
import dev.tradewind.engine.order.Side;
import dev.tradewind.engine.order.TimeInForce;

/**
 * Places an order. The engine assigns its id: the sequence of this command.
 *
 * @param price         limit price in ticks (LIMIT, STOP_LIMIT); 0 for MARKET and STOP_MARKET
 * @param stopPrice     trigger price in ticks (STOP_LIMIT, STOP_MARKET); 0 otherwise
 * @param quantity      lots
 * @param clientOrderId echoed back, may be null
 */
public record PlaceOrder(long accountId, int instrumentId, Side side, OrderType type, TimeInForce timeInForce,
                         long price, long stopPrice, long quantity, String clientOrderId) implements Command {

    public static PlaceOrder limit(long accountId, int instrumentId, Side side, TimeInForce timeInForce, long price, long quantity) {
        return new PlaceOrder(accountId, instrumentId, side, OrderType.LIMIT, timeInForce, price, 0, quantity, null);
    }

    public static PlaceOrder market(long accountId, int instrumentId, Side side, TimeInForce timeInForce, long quantity) {
        return new PlaceOrder(accountId, instrumentId, side, OrderType.MARKET, timeInForce, 0, 0, quantity, null);
    }

    public static PlaceOrder stopLimit(long accountId, int instrumentId, Side side, TimeInForce timeInForce,
                                       long stopPrice, long price, long quantity) {
        return new PlaceOrder(accountId, instrumentId, side, OrderType.STOP_LIMIT, timeInForce, price, stopPrice, quantity, null);
    }

    public static PlaceOrder stopMarket(long accountId, int instrumentId, Side side, TimeInForce timeInForce,
                                        long stopPrice, long quantity) {
        return new PlaceOrder(accountId, instrumentId, side, OrderType.STOP_MARKET, timeInForce, 0, stopPrice, quantity, null);
    }

    public PlaceOrder withClientOrderId(String id) {
        return new PlaceOrder(accountId, instrumentId, side, type, timeInForce, price, stopPrice, quantity, id);
    }
}
