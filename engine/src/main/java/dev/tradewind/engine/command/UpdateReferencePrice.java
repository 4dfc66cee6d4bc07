package dev.tradewind.engine.command;

/** A reference price from a feed: anchors price bands and can trigger stop orders. */
public record UpdateReferencePrice(int instrumentId, long price) implements Command {
}
