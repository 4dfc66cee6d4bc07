package dev.tradewind.trading.internal;

import dev.tradewind.engine.result.RejectCode;

/** Human text for the engine's stable reject codes (the code itself is what clients switch on). */
final class RejectMessages {
    private RejectMessages() {
    }

    static String of(RejectCode code) {
        return switch (code) {
            case UNKNOWN_INSTRUMENT -> "No such instrument.";
            case INSTRUMENT_HALTED -> "Trading in this instrument is halted.";
            case INVALID_ORDER -> "Side, type and time in force are required.";
            case INVALID_PRICE -> "A limit price is required for LIMIT and STOP_LIMIT orders and not allowed otherwise.";
            case INVALID_STOP_PRICE -> "A stop price is required for stop orders and not allowed otherwise.";
            case INVALID_QUANTITY -> "The quantity must be positive.";
            case INVALID_TIME_IN_FORCE -> "This time in force does not apply to this order type "
                    + "(MARKET and STOP_MARKET orders are IOC or FOK; STOP_LIMIT cannot be POST_ONLY).";
            case QUANTITY_TOO_SMALL -> "The quantity is below the instrument's minimum.";
            case QUANTITY_TOO_LARGE -> "The quantity is above the instrument's maximum.";
            case NOTIONAL_TOO_LARGE -> "The order's value is above the instrument's maximum.";
            case PRICE_OUT_OF_BAND -> "The price is too far from the reference price.";
            case INSUFFICIENT_FUNDS -> "Not enough available balance for this order.";
            case POST_ONLY_WOULD_TAKE -> "A POST_ONLY order would have traded on entry.";
            case FOK_NOT_FILLABLE -> "A FOK order could not be filled completely at once.";
            case UNKNOWN_ORDER, ORDER_NOT_OPEN -> "The order is not open.";
            case ORDER_NOT_REPLACEABLE -> "Pending stop orders cannot be replaced.";
            default -> "The engine refused the request: " + code + ".";
        };
    }
}
