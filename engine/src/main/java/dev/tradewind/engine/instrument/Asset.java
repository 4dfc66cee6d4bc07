package dev.tradewind.engine.instrument;

/**
 * A currency or token the engine keeps balances in. Amounts of it are {@code long} counts of its
 * minor unit, {@code 10^-scale} (scale 2 makes 1 = 0.01).
 *
 * @param id    engine-assigned, dense from 0 in the order assets were added
 * @param code  e.g. {@code "USD"}, {@code "BTC"}
 * @param scale number of decimal places of the minor unit, 0..18
 */
public record Asset(int id, String code, int scale) {
    public static final int MAX_SCALE = 18;
}
