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
    private final int[] ids;
    private final int mask;

    public SymbolTable(List<InstrumentScale> instruments) {
        this.scales = instruments.toArray(InstrumentScale[]::new);
        int capacity = Integer.highestOneBit(Math.max(4, scales.length * 4) - 1) << 1;
        this.keys = new byte[capacity][];
        this.ids = new int[capacity];
        this.mask = capacity - 1;
        for (int id = 0; id < scales.length; id++) {
            String symbol = scales[id].symbol();
            if (bySymbol.putIfAbsent(symbol, id) != null) {
                throw new IllegalArgumentException("duplicate symbol " + symbol);
            }
            byte[] key = symbol.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            int slot = hash(key, 0, key.length) & mask;
            while (keys[slot] != null) {
                slot = (slot + 1) & mask;
            }
            keys[slot] = key;
            ids[slot] = id;
        }
    }

    public static SymbolTable of(InstrumentScale... instruments) {
        return new SymbolTable(List.of(instruments));
    }

    private static int hash(byte[] b, int from, int to) {
        int h = 0;
        for (int i = from; i < to; i++) {
            h = 31 * h + b[i];
        }
        return h ^ (h >>> 16);
    }

    /** The id of the symbol in bytes {@code [from, to)}, or -1. */
    public int id(byte[] text, int from, int to) {
        int len = to - from;
        int slot = hash(text, from, to) & mask;
        byte[] key;
        while ((key = keys[slot]) != null) {
            if (key.length == len && matches(key, text, from)) {
                return ids[slot];
            }
            slot = (slot + 1) & mask;
        }
        return -1;
    }

    private static boolean matches(byte[] key, byte[] text, int from) {
        for (int i = 0; i < key.length; i++) {
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
