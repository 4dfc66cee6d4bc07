package dev.tradewind.engine.event;

import dev.tradewind.engine.instrument.InstrumentStatus;

public record InstrumentStatusChanged(long sequence, long timestamp, int instrumentId, InstrumentStatus status)
        implements EngineEvent {
}
