package dev.tradewind.engine.perf;

import dev.tradewind.engine.event.EngineEvent;

import java.util.List;
import java.util.function.Consumer;

/**
 * The one event sink type used by the harnesses, so the engine's call into the sink stays
 * monomorphic as it would be behind the real sequencer (several sink classes in one JVM would make
 * that call megamorphic and measure the harness instead of the engine).
 */
final class EventCounter implements Consumer<EngineEvent> {
    private final List<EngineEvent> keep;
    long count;

    EventCounter(List<EngineEvent> keep) {
        this.keep = keep;
    }

    @Override
    public void accept(EngineEvent event) {
        count++;
        if (keep != null) {
            keep.add(event);
        }
    }
}
