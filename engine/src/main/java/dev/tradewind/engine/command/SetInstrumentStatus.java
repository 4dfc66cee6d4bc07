package dev.tradewind.engine.command;

import dev.tradewind.engine.instrument.InstrumentStatus;

/** Halts or resumes trading. Resuming lets stops that the market price crossed meanwhile fire. */
public record SetInstrumentStatus(int instrumentId, InstrumentStatus status) implements Command {
}
