package dev.tradewind.identity;

/** Where a user stands in identity verification; every account starts NOT_STARTED. */
public enum KycStatus {
    NOT_STARTED, PENDING, VERIFIED, REJECTED
}
