package dev.tradewind.engine.marketdata;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The instruments market data knows, with dense ids {@code 0..size-1} in the order given.
 * Immutable; lookups by symbol bytes do not allocate (open addressing over the ASCII bytes).
 */
public final class SymbolTable {
    private final InstrumentScale[] scales;
    private final Map<String, Integer> bySymbol = new HashMap<>();
    private final byte[][] keys;
    private final long[] prefixes;
    private final int[] ids;
    private final int mask;

    public SymbolTable(List<InstrumentScale> instruments) {
        this.scales = instruments.toArray(InstrumentScale[]::new);
        int capacity = Integer.highestOneBit(Math.max(4, scales.length * 4) - 1) << 1;
        this.keys = new byte[capacity][];
        this.prefixes = new long[capacity];
        this.ids = new int[capacity];
        this.mask = capacity - 1;
        for (int id = 0; id < scales.length; id++) {
            String symbol = scales[id].symbol();
            if (bySymbol.putIfAbsent(symbol, id) != null) {
                throw new IllegalArgumentException("duplicate symbol " + symbol);
            }
            byte[] key = symbol.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            long prefix = prefix(key, 0, key.length);
            int slot = hash(prefix, key.length) & mask;
            while (keys[slot] != null) {
                slot = (slot + 1) & mask;
            }
            keys[slot] = key;
            prefixes[slot] = prefix;
            ids[slot] = id;
        }
    }

    public static SymbolTable of(InstrumentScale... instruments) {
        return new SymbolTable(List.of(instruments));
    }

    /**
     * The first (up to) 8 bytes of a symbol as a little-endian long, zero-padded: parsers read it
     * with one load, and for symbols of 8 bytes or fewer it is the whole key.
     */
    public static long prefix(byte[] text, int from, int to) {
        long w = 0;
        int n = Math.min(8, to - from);
        for (int i = 0; i < n; i++) {
            w |= (text[from + i] & 0xFFL) << (8 * i);
        }
        return w;
    }

    private static int hash(long prefix, int length) {
        long h = (prefix ^ length) * 0x9E3779B97F4A7C15L;
        return (int) (h >>> 32);
    }

    /** The id of the symbol in bytes {@code [from, to)}, or -1. */
    public int id(byte[] text, int from, int to) {
        return id(text, from, to, prefix(text, from, to));
    }

    /** The id of the symbol in bytes {@code [from, to)} whose {@link #prefix} the caller already has, or -1. */
    public int id(byte[] text, int from, int to, long prefix) {
        int len = to - from;
        int slot = hash(prefix, len) & mask;
        byte[] key;
        while ((key = keys[slot]) != null) {
            if (prefixes[slot] == prefix && key.length == len && (len <= 8 || matches(key, text, from))) {
                return ids[slot];
            }
            slot = (slot + 1) & mask;
        }
        return -1;
    }

    private static boolean matches(byte[] key, byte[] text, int from) {
        for (int i = 8; i < key.length; i++) {
            if (key[i] != text[from + i]) {
                return false;
            }
        }
        return true;
    }

    /** The id of {@code symbol}, or -1. */
    public int id(String symbol) {
        Integer id = bySymbol.get(symbol);
        return id == null ? -1 : id;
    }

    public InstrumentScale scale(int id) {
        return scales[id];
    }

    /** The scale of {@code symbol}, or null. */
    public InstrumentScale scale(String symbol) {
        int id = id(symbol);
        return id < 0 ? null : scales[id];
    }

    public int size() {
        return scales.length;
    }

    public List<InstrumentScale> instruments() {
        return List.of(scales);
    }

    /** A copy with {@code more} appended (ids of existing instruments are kept). */
    public SymbolTable with(InstrumentScale... more) {
        List<InstrumentScale> all = new ArrayList<>(List.of(scales));
        all.addAll(List.of(more));
        return new SymbolTable(all);
    }
}
