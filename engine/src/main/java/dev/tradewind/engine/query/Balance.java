package dev.tradewind.engine.query;

/** One asset balance of an account, minor units. */
public record Balance(int assetId, long total, long reserved) {
    public long available() {
        return total - reserved;
    }
}
