package dev.tradewind.engine.command;

/** Adds an asset; the engine assigns the next asset id. */
public record AddAsset(String code, int scale) implements Command {
}
