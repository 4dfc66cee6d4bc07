package dev.tradewind.engine.marketdata.feed;

import dev.tradewind.engine.marketdata.InstrumentScale;
import dev.tradewind.engine.marketdata.RejectReason;
import dev.tradewind.engine.marketdata.SymbolTable;
import dev.tradewind.engine.marketdata.TakerSide;
import dev.tradewind.engine.marketdata.text.DecimalParser;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * Field conversions shared by the feed decoders (CSV, JSON lines, venue JSON): exact decimals into
 * ticks/lots, timestamps, sides; each failure is a {@link BadInputException} with its reason.
 */
public final class UpdateFields {
    private UpdateFields() {
    }

    public static InstrumentScale instrument(SymbolTable symbols, String symbol) throws BadInputException {
        if (symbol == null || symbol.isEmpty()) {
            throw new BadInputException(RejectReason.MALFORMED, "missing symbol");
        }
        InstrumentScale scale = symbols.scale(symbol);
        if (scale == null) {
            throw new BadInputException(RejectReason.UNKNOWN_SYMBOL, "unknown symbol " + symbol);
        }
        return scale;
    }

    /** A positive price in ticks. */
    public static long price(InstrumentScale scale, String text, String field) throws BadInputException {
        long v = decimal(text, scale.tickScale(), scale.tickUnits(), field, true);
        if (v == 0) {
            throw new BadInputException(RejectReason.NON_POSITIVE_PRICE, field + " is zero");
        }
        return v;
    }

    /** A positive quantity in lots. */
    public static long quantity(InstrumentScale scale, String text, String field) throws BadInputException {
        long v = decimal(text, scale.lotScale(), scale.lotUnits(), field, false);
        if (v == 0) {
            throw new BadInputException(RejectReason.NON_POSITIVE_QUANTITY, field + " is zero");
        }
        return v;
    }

    /** A size ≥ 0 in lots (quote sizes may be zero). */
    public static long size(InstrumentScale scale, String text, String field) throws BadInputException {
        return decimal(text, scale.lotScale(), scale.lotUnits(), field, false);
    }

    private static long decimal(String text, int scale, long step, String field, boolean price) throws BadInputException {
        if (text == null) {
            throw new BadInputException(RejectReason.MALFORMED, "missing " + field);
        }
        long v = DecimalParser.parse(text, 0, text.length(), scale, step);
        if (v < 0) {
            throw new BadInputException(RejectReason.ofDecimalError(v, price),
                    field + " '" + text + "' is " + DecimalParser.describe(v));
        }
        return v;
    }

    /** Epoch milliseconds from digits ({@code 1732420000123}) or ISO-8601 ({@code 2024-11-24T03:46:40.123456Z}). */
    public static long epochMillis(String text) throws BadInputException {
        if (text == null || text.isEmpty()) {
            throw new BadInputException(RejectReason.BAD_TIMESTAMP, "missing time");
        }
        if (Character.isDigit(text.charAt(0)) && text.chars().allMatch(Character::isDigit)) {
            if (text.length() > 18) {
                throw new BadInputException(RejectReason.BAD_TIMESTAMP, "time '" + text + "' is too large");
            }
            return Long.parseLong(text);
        }
        try {
            return Instant.parse(text).toEpochMilli();
        } catch (DateTimeParseException | ArithmeticException e) {
            throw new BadInputException(RejectReason.BAD_TIMESTAMP, "time '" + text + "' is neither epoch ms nor ISO-8601");
        }
    }

    /** {@code buy/B/BUY} or {@code sell/S/SELL}. */
    public static TakerSide side(String text) throws BadInputException {
        if (text != null) {
            switch (text) {
                case "buy", "B", "BUY", "b" -> {
                    return TakerSide.BUY;
                }
                case "sell", "S", "SELL", "s" -> {
                    return TakerSide.SELL;
                }
                default -> {
                }
            }
        }
        throw new BadInputException(RejectReason.MALFORMED, "side '" + text + "' is not buy or sell");
    }

    /** A non-negative integer id, 0 when absent. */
    public static long optionalId(String text, String field) throws BadInputException {
        if (text == null || text.isEmpty()) {
            return 0;
        }
        if (text.length() > 18 || !text.chars().allMatch(Character::isDigit)) {
            throw new BadInputException(RejectReason.MALFORMED_NUMBER, field + " '" + text + "' is not a non-negative integer");
        }
        return Long.parseLong(text);
    }

    public static void checkQuote(long bid, long ask) throws BadInputException {
        if (bid > ask) {
            throw new BadInputException(RejectReason.CROSSED_QUOTE, "bid " + bid + " above ask " + ask);
        }
    }
}
