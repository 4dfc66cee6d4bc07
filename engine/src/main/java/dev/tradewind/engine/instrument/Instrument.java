package dev.tradewind.engine.instrument;

/**
 * The immutable trading rules of one spot pair. Prices are {@code long} counts of
 * {@link #tickSize()} (quote per one base unit), quantities {@code long} counts of
 * {@link #lotSize()} (base units).
 *
 * <p>Asset-scale rule, checked by {@link InstrumentRules#define} when the instrument is added: the
 * lot size is a whole number of base minor units, and tick size × lot size is a whole number of
 * quote minor units. Hence, for every price {@code p} (ticks) and quantity {@code q} (lots), the
 * base amount is exactly {@code q × basePerLot} and the notional is exactly
 * {@code p × q × quotePerTickLot} minor units: no rounding can ever happen in settlement.
 *
 * @param id              engine-assigned, dense from 0
 * @param minQuantity     smallest accepted order quantity, in lots (≥ 1)
 * @param basePerLot      base minor units in one lot
 * @param quotePerTickLot quote minor units in one tick × one lot
 */
public record Instrument(
        int id,
        String symbol,
        int baseAssetId,
        int quoteAssetId,
        Increment tickSize,
        Increment lotSize,
        long minQuantity,
        long basePerLot,
        long quotePerTickLot) {

    /** Base minor units in {@code lots}; exact because quantities were bounded by the notional check. */
    public long baseAmount(long lots) {
        return Math.multiplyExact(lots, basePerLot);
    }

    /** Quote minor units of {@code lots} at {@code priceTicks}; throws on overflow, never wraps. */
    public long notional(long priceTicks, long lots) {
        return Math.multiplyExact(Math.multiplyExact(priceTicks, lots), quotePerTickLot);
    }
}
