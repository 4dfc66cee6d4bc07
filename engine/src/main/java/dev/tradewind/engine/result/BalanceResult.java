package dev.tradewind.engine.result;

/**
 * Answer to a money command: the balance after it. {@code replayed} is true when the reference had
 * already been applied; the balance is then the one reported the first time and nothing changed.
 */
public record BalanceResult(long sequence, RejectCode rejectCode, long accountId, int assetId, long total, long reserved,
                            boolean replayed) implements Result {
}
