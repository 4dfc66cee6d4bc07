package dev.tradewind.trading;

import dev.tradewind.engine.instrument.Asset;
import dev.tradewind.engine.instrument.Instrument;
import dev.tradewind.engine.instrument.InstrumentStatus;
import java.math.BigDecimal;

/**
 * A tradable instrument as PostgreSQL and the engine agree on it: the engine's rules (ids, tick and
 * lot sizes, minimum quantity in lots) with its assets and its current status.
 */
public record InstrumentInfo(Instrument instrument, Asset base, Asset quote, InstrumentStatus status) {

    public String symbol() {
        return instrument.symbol();
    }

    public int engineId() {
        return instrument.id();
    }

    public BigDecimal tickSize() {
        return instrument.tickSize().toBigDecimal();
    }

    public BigDecimal lotSize() {
        return instrument.lotSize().toBigDecimal();
    }

    /** The minimum order quantity in base units. */
    public BigDecimal minQuantity() {
        return plain(lotSize().multiply(BigDecimal.valueOf(instrument.minQuantity())));
    }

    private static BigDecimal plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    public InstrumentInfo withStatus(InstrumentStatus newStatus) {
        return new InstrumentInfo(instrument, base, quote, newStatus);
    }
}
