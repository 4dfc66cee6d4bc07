package dev.tradewind.engine.event;

import dev.tradewind.engine.instrument.Instrument;

public record InstrumentAdded(long sequence, long timestamp, Instrument instrument) implements EngineEvent {
}
