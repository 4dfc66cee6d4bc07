package dev.tradewind.engine.core;

/**
 * What a successful money command did, kept by reference so a repeat is answered with the original
 * outcome and changes nothing. Holds additionally track whether they were confirmed or released.
 */
final class MoneyRecord {
    static final byte CREDIT = 0;
    static final byte HOLD = 1;
    static final byte ADJUST = 2;

    static final byte HELD = 0;
    static final byte CONFIRMED = 1;
    static final byte RELEASED = 2;

    final String reference;
    final byte kind;
    final long accountId;
    final int assetId;
    final long amount;
    final long totalAfter;
    final long reservedAfter;
    byte holdState = HELD;
    long settledTotal;
    long settledReserved;

    MoneyRecord(String reference, byte kind, long accountId, int assetId, long amount, long totalAfter, long reservedAfter) {
        this.reference = reference;
        this.kind = kind;
        this.accountId = accountId;
        this.assetId = assetId;
        this.amount = amount;
        this.totalAfter = totalAfter;
        this.reservedAfter = reservedAfter;
    }

    boolean sameRequest(byte kind, long accountId, int assetId, long amount) {
        return this.kind == kind && this.accountId == accountId && this.assetId == assetId && this.amount == amount;
    }
}
