package dev.tradewind.engine.marketdata;

import dev.tradewind.engine.marketdata.text.DecimalParser;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * How market data expresses one instrument's numbers as {@code long}s: prices are counts of
 * {@code tickUnits × 10^-tickScale}, quantities counts of {@code lotUnits × 10^-lotScale}.
 *
 * <p>It mirrors the engine instrument's tick and lot increments (units and scale) so the wiring
 * can build it from the engine's own instrument model; market data needs nothing else.
 *
 * @param symbol    Tradewind symbol, e.g. {@code BTC-USD}
 * @param tickUnits tick size = {@code tickUnits × 10^-tickScale}, positive
 * @param tickScale 0..18
 * @param lotUnits  lot size = {@code lotUnits × 10^-lotScale}, positive
 * @param lotScale  0..18
 */
public record InstrumentScale(String symbol, long tickUnits, int tickScale, long lotUnits, int lotScale) {
    public static final int MAX_SCALE = 18;

    public InstrumentScale {
        Objects.requireNonNull(symbol, "symbol");
        if (symbol.isEmpty() || symbol.length() > 32 || !symbol.chars().allMatch(c -> c > ' ' && c < 127 && c != ',')) {
            throw new IllegalArgumentException("symbol must be 1..32 printable ASCII characters without ',' or spaces, got '" + symbol + "'");
        }
        if (tickUnits <= 0 || lotUnits <= 0 || tickScale < 0 || tickScale > MAX_SCALE || lotScale < 0 || lotScale > MAX_SCALE) {
            throw new IllegalArgumentException("tick and lot need units > 0 and scale 0.." + MAX_SCALE + " for " + symbol);
        }
    }

    /** From decimal strings, e.g. {@code of("BTC-USD", "0.01", "0.00001")}. */
    public static InstrumentScale of(String symbol, String tickSize, String lotSize) {
        BigDecimal tick = increment(tickSize, "tick size of " + symbol);
        BigDecimal lot = increment(lotSize, "lot size of " + symbol);
        return new InstrumentScale(symbol, tick.unscaledValue().longValueExact(), tick.scale(),
                lot.unscaledValue().longValueExact(), lot.scale());
    }

    private static BigDecimal increment(String text, String what) {
        BigDecimal value = new BigDecimal(text).stripTrailingZeros();
        if (value.scale() < 0) {
            value = value.setScale(0);
        }
        if (value.signum() <= 0) {
            throw new IllegalArgumentException(what + " must be positive, got " + text);
        }
        return value;
    }

    public BigDecimal tickSize() {
        return BigDecimal.valueOf(tickUnits, tickScale);
    }

    public BigDecimal lotSize() {
        return BigDecimal.valueOf(lotUnits, lotScale);
    }

    /**
     * Parses a decimal price into ticks exactly; see {@link DecimalParser} for the negative error
     * codes (over-precision, off-grid, malformed, negative, overflow) it returns instead of rounding.
     */
    public long parsePrice(CharSequence text) {
        return DecimalParser.parse(text, 0, text.length(), tickScale, tickUnits);
    }

    /** Parses a decimal quantity into lots exactly, or returns a negative {@link DecimalParser} error code. */
    public long parseQuantity(CharSequence text) {
        return DecimalParser.parse(text, 0, text.length(), lotScale, lotUnits);
    }

    /** The decimal price of {@code ticks} (edge use only). */
    public BigDecimal price(long ticks) {
        return BigDecimal.valueOf(Math.multiplyExact(ticks, tickUnits), tickScale);
    }

    /** The decimal quantity of {@code lots} (edge use only). */
    public BigDecimal quantity(long lots) {
        return BigDecimal.valueOf(Math.multiplyExact(lots, lotUnits), lotScale);
    }

    /** Ticks of a decimal price, exactly; throws if it is not on the tick grid. */
    public long ticks(BigDecimal price) {
        return price.divide(tickSize()).longValueExact();
    }

    /** Lots of a decimal quantity, exactly; throws if it is not on the lot grid. */
    public long lots(BigDecimal quantity) {
        return quantity.divide(lotSize()).longValueExact();
    }
}
