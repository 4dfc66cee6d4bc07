package dev.tradewind.engine.marketdata.text;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * SIMD-within-a-register helpers for ASCII digits: eight bytes are tested and converted with a few
 * 64-bit operations instead of a chain of {@code m * 10 + d}, whose latency dominates a per-byte loop.
 */
final class Swar {
    static final VarHandle LONG_LE = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ZEROS = 0x3030303030303030L;
    private static final long HIGH_BITS = 0x8080808080808080L;

    private Swar() {
    }

    /** High bit set in exactly the zero bytes of {@code v} (no carries between bytes). */
    static long zeroBytes(long v) {
        return ~(((v & 0x7F7F7F7F7F7F7F7FL) + 0x7F7F7F7F7F7F7F7FL) | v | 0x7F7F7F7F7F7F7F7FL);
    }

    /** Gathers the high bit of each byte of {@code highBits} into bits 0..7 (byte k → bit k). */
    static long movemask(long highBits) {
        return ((highBits >>> 7) * 0x0102040810204080L) >>> 56;
    }

    /** The 8 bytes at {@code i}, first byte lowest, minus {@code '0'} in every byte. */
    static long load(byte[] buf, int i) {
        return (long) LONG_LE.get(buf, i) - ZEROS;
    }

    /**
     * How many of the 8 bytes of {@code x} (from {@link #load}), counted from the first, are digits.
     * A byte below {@code '0'} borrows from the following ones only, so the first non-digit is exact.
     */
    static int digitRun(long x) {
        long notDigit = ((x + 0x7676767676767676L) | x) & HIGH_BITS;
        return notDigit == 0 ? 8 : Long.numberOfTrailingZeros(notDigit) >>> 3;
    }

    /** The value of the first {@code n} (1..8) digits of {@code x} (from {@link #load}). */
    static long value(long x, int n) {
        long v = x << ((8 - n) << 3);
        v = v * 10 + (v >>> 8);
        return (((v & 0x000000FF000000FFL) * (100 + (1000000L << 32)))
                + (((v >>> 16) & 0x000000FF000000FFL) * (1 + (10000L << 32)))) >>> 32;
    }
}
