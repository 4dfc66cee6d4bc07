package dev.tradewind.engine.risk;

/** Maker and taker fee rates of one tier, in basis points (0..10000). */
public record FeeTier(int tier, int makerBps, int takerBps) {
    public int reserveBps() {
        return Math.max(makerBps, takerBps);
    }
}
