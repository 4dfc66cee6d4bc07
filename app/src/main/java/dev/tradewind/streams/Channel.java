package dev.tradewind.streams;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A parsed, syntactically valid channel name: {@code ticker:SYM}, {@code book:SYM}, {@code trades:SYM},
 * {@code candles:SYM:INTERVAL}, {@code orders}, {@code balances}. A symbol is {@code BASE-QUOTE}, each
 * 1–12 upper-case letters or digits ({@code BTC-USD}); whether it is listed is the
 * {@link SymbolDirectory}'s call.
 *
 * @param symbol   null for private channels
 * @param interval one of {@link #CANDLE_INTERVALS} for candles, null otherwise
 */
public record Channel(ChannelType type, @Nullable String symbol, @Nullable String interval) {
    /** Candle intervals, as in {@code GET /api/v1/markets/{symbol}/candles?interval=}. */
    public static final List<String> CANDLE_INTERVALS = List.of("1s", "1m", "5m", "1h", "1d");
    public static final Channel ORDERS = new Channel(ChannelType.ORDERS, null, null);
    public static final Channel BALANCES = new Channel(ChannelType.BALANCES, null, null);
    private static final int MAX_SYMBOL_PART = 12;

    public Channel {
        Objects.requireNonNull(type, "type");
        if (type.isPrivate() && (symbol != null || interval != null)) {
            throw new IllegalArgumentException(type.prefix() + " is a per-user channel without symbol or interval");
        }
        if (!type.isPrivate() && (symbol == null || !isWellFormedSymbol(symbol))) {
            throw new IllegalArgumentException("a " + type.prefix() + " channel needs a symbol like BTC-USD, got " + symbol);
        }
        if ((type == ChannelType.CANDLES) != (interval != null)
                || (interval != null && !CANDLE_INTERVALS.contains(interval))) {
            throw new IllegalArgumentException("candle channels and only they take an interval, one of "
                    + CANDLE_INTERVALS + "; got " + type.prefix() + " with " + interval);
        }
    }

    public static Channel ticker(String symbol) {
        return new Channel(ChannelType.TICKER, symbol, null);
    }

    public static Channel book(String symbol) {
        return new Channel(ChannelType.BOOK, symbol, null);
    }

    public static Channel trades(String symbol) {
        return new Channel(ChannelType.TRADES, symbol, null);
    }

    public static Channel candles(String symbol, String interval) {
        return new Channel(ChannelType.CANDLES, symbol, interval);
    }

    /** The wire name, e.g. {@code candles:BTC-USD:1m}. */
    public String name() {
        return switch (type) {
            case ORDERS, BALANCES -> type.prefix();
            case CANDLES -> type.prefix() + ':' + symbol + ':' + interval;
            default -> type.prefix() + ':' + symbol;
        };
    }

    /** @throws IllegalArgumentException naming what is wrong with the name */
    public static Channel parse(String name) {
        return tryParse(name).orElseThrow(() -> new IllegalArgumentException("not a channel name: \"" + name
                + "\"; expected ticker:SYM, book:SYM, trades:SYM, candles:SYM:INTERVAL (" + String.join(" ", CANDLE_INTERVALS)
                + "), orders or balances, SYM like BTC-USD"));
    }

    public static Optional<Channel> tryParse(@Nullable String name) {
        if (name == null) {
            return Optional.empty();
        }
        int first = name.indexOf(':');
        String prefix = first < 0 ? name : name.substring(0, first);
        ChannelType type = typeOf(prefix);
        if (type == null) {
            return Optional.empty();
        }
        if (type.isPrivate()) {
            return first < 0 ? Optional.of(type == ChannelType.ORDERS ? ORDERS : BALANCES) : Optional.empty();
        }
        if (first < 0) {
            return Optional.empty();
        }
        int second = name.indexOf(':', first + 1);
        String symbol = second < 0 ? name.substring(first + 1) : name.substring(first + 1, second);
        String interval = second < 0 ? null : name.substring(second + 1);
        if (!isWellFormedSymbol(symbol) || (type == ChannelType.CANDLES) != (interval != null)
                || (interval != null && !CANDLE_INTERVALS.contains(interval))) {
            return Optional.empty();
        }
        return Optional.of(new Channel(type, symbol, interval));
    }

    /** {@code ^[A-Z0-9]{1,12}-[A-Z0-9]{1,12}$}, without a regex: publishers call this per message. */
    public static boolean isWellFormedSymbol(@Nullable String symbol) {
        if (symbol == null) {
            return false;
        }
        int dash = symbol.indexOf('-');
        int length = symbol.length();
        if (dash < 1 || dash > MAX_SYMBOL_PART || length - dash - 1 < 1 || length - dash - 1 > MAX_SYMBOL_PART) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            char c = symbol.charAt(i);
            if (i != dash && !((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) {
                return false;
            }
        }
        return true;
    }

    private static @Nullable ChannelType typeOf(String prefix) {
        for (ChannelType type : ChannelType.values()) {
            if (type.prefix().equals(prefix)) {
                return type;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return name();
    }
}
