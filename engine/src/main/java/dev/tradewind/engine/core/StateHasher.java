package dev.tradewind.engine.core;

/**
 * A streaming 64-bit hash of values fed in a fixed order. Not cryptographic: it only has to make
 * different engine states collide with negligible probability, identically on every JVM.
 */
final class StateHasher {
    private long h = 0x6A09E667F3BCC908L;

    StateHasher add(long value) {
        h = Long.rotateLeft(h ^ (value * 0x9E3779B97F4A7C15L), 29) * 0xC2B2AE3D27D4EB4FL + 0x165667B19E3779F9L;
        return this;
    }

    StateHasher add(boolean value) {
        return add(value ? 1 : 0);
    }

    StateHasher add(String value) {
        if (value == null) {
            return add(-1);
        }
        add(value.length());
        for (int i = 0; i < value.length(); i++) {
            add(value.charAt(i));
        }
        return this;
    }

    long value() {
        long x = h;
        x ^= x >>> 33;
        x *= 0xff51afd7ed558ccdL;
        x ^= x >>> 33;
        x *= 0xc4ceb9fe1a85ec53L;
        x ^= x >>> 33;
        return x;
    }
}
