package dev.tradewind.engine.core;

import dev.tradewind.engine.event.BalanceChanged;
import dev.tradewind.engine.event.EngineEvent;
import dev.tradewind.engine.risk.Account;

import java.util.function.Consumer;

/** Stamps events with the current command's sequence and timestamp and hands them to the sink. */
final class EventEmitter {
    long sequence;
    long timestamp;
    private static final Consumer<EngineEvent> NOWHERE = event -> { };
    private Consumer<? super EngineEvent> sink = NOWHERE;

    void begin(long sequence, long timestamp, Consumer<? super EngineEvent> sink) {
        this.sequence = sequence;
        this.timestamp = timestamp;
        this.sink = sink;
    }

    /** Drops the caller's sink so the engine does not keep it (and what it holds) reachable. */
    void end() {
        sink = NOWHERE;
    }

    void emit(EngineEvent event) {
        sink.accept(event);
    }

    void balance(Account account, int asset) {
        sink.accept(new BalanceChanged(sequence, timestamp, account.id(), asset, account.total(asset), account.reserved(asset)));
    }
}
