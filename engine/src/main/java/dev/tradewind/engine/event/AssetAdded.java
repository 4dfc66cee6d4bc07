package dev.tradewind.engine.event;

import dev.tradewind.engine.instrument.Asset;

public record AssetAdded(long sequence, long timestamp, Asset asset) implements EngineEvent {
}
