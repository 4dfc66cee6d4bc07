package dev.tradewind.engine.marketdata.text;

import dev.tradewind.engine.marketdata.InstrumentScale;
import dev.tradewind.engine.marketdata.MutableUpdate;
import dev.tradewind.engine.marketdata.RejectReason;
import dev.tradewind.engine.marketdata.SymbolTable;
import dev.tradewind.engine.marketdata.TakerSide;

/**
 * Zero-allocation parser of the compact market-data line format (ASCII, comma-separated, one update
 * per line, no spaces, no quoting; a trailing {@code '\r'} is ignored):
 *
 * <pre>
 * T,&lt;symbol&gt;,&lt;price&gt;,&lt;quantity&gt;,&lt;B|S&gt;,&lt;eventTimeMs&gt;[,&lt;tradeId&gt;]   trade (B/S = taker side)
 * Q,&lt;symbol&gt;,&lt;bid&gt;,&lt;bidSize&gt;,&lt;ask&gt;,&lt;askSize&gt;,&lt;eventTimeMs&gt;       quote (best bid/offer)
 * R,&lt;symbol&gt;,&lt;price&gt;,&lt;eventTimeMs&gt;                                 reference price
 * </pre>
 *
 * e.g. {@code T,BTC-USD,42000.50,0.015,B,1732420000123,981}. Decimals are {@code digits[.digits]}
 * (no sign, no exponent, at most 18 significant digits); trailing zeros are insignificant, so a
 * venue's {@code 0.01000000} is fine at two decimals, but any other digit beyond the instrument's
 * precision is rejected, never rounded.
 *
 * <p>Two stages, timed separately by the pipeline, each touching the bytes once:
 * {@link #parseLine} scans the line (fields, raw decimal mantissas and their decimal places, the
 * symbol's hash, side, time); {@link #normalize} resolves the symbol, converts the decimals exactly
 * into ticks/lots of the instrument and validates. One instance per thread.
 */
public final class FastLineParser {
    private static final long[] POW10 = new long[19];
    private static final long[] MAX_BEFORE_PAD = new long[19];

    static {
        POW10[0] = 1;
        MAX_BEFORE_PAD[0] = Long.MAX_VALUE;
        for (int i = 1; i < POW10.length; i++) {
            POW10[i] = POW10[i - 1] * 10;
            MAX_BEFORE_PAD[i] = Long.MAX_VALUE / POW10[i];
        }
    }

    /** The line parsed; {@link #error} is null when it is usable. */
    private byte type;
    private RejectReason error;
    private int symbolFrom;
    private int symbolTo;
    private long symbolPrefix;
    private final long[] mantissa = new long[4];
    private final int[] places = new int[4];
    private final int[] fieldFrom = new int[4];
    private final int[] fieldTo = new int[4];
    private TakerSide side;
    private long time;
    private long tradeId;
    private int lineStart;
    private int lineEnd;
    /** Set by {@link #decimal}/{@link #integer}: where the field ended. */
    private int pos;

    /**
     * Parses the line starting at {@code from} and ending at the next {@code '\n'} (or {@code limit}).
     *
     * @return the index just past the line (after its newline)
     */
    public int parseLine(byte[] buf, int from, int limit) {
        if (from + 72 <= buf.length) {
            int next = parseLineFast(buf, from, limit);
            if (next >= 0) {
                return next;
            }
        }
        return parseLineSequential(buf, from, limit);
    }

    /**
     * The common case: a well-formed line of at most 63 bytes with 8 readable bytes after it. All
     * separators are found first, eight bytes at a time, so the fields do not wait for one another;
     * anything unusual returns -1 and the sequential path parses the line (and names the error).
     */
    private int parseLineFast(byte[] buf, int from, int limit) {
        long commas = 0;
        int len = -1;
        for (int k = 0; k < 8; k++) {
            long w = (long) Swar.LONG_LE.get(buf, from + 8 * k);
            commas |= Swar.movemask(Swar.zeroBytes(w ^ 0x2C2C2C2C2C2C2C2CL)) << (8 * k);
            long nl = Swar.zeroBytes(w ^ 0x0A0A0A0A0A0A0A0AL);
            if (nl != 0) {
                len = 8 * k + (Long.numberOfTrailingZeros(nl) >>> 3);
                break;
            }
        }
        if (len < 3 || from + len > limit) {
            return -1; // a newline at limit is fine: callers may pass a line without its newline
        }
        int end = buf[from + len - 1] == '\r' ? len - 1 : len;
        commas &= (1L << end) - 1;
        byte t = buf[from];
        int count = Long.bitCount(commas);
        boolean shape = switch (t) {
            case 'T' -> count == 5 || count == 6;
            case 'Q' -> count == 6;
            case 'R' -> count == 3;
            default -> false;
        };
        if (!shape || (commas & 3) != 2) {
            return -1;
        }
        // field k spans (comma k-1, comma k); the last one ends at the line end
        long rest = commas & (commas - 1);
        int symbolStart = 2;
        int symbolEnd = Long.numberOfTrailingZeros(rest);
        rest &= rest - 1;
        int symbolLen = symbolEnd - symbolStart;
        if (symbolLen <= 0) {
            return -1;
        }
        long word = (long) Swar.LONG_LE.get(buf, from + symbolStart);
        symbolPrefix = symbolLen >= 8 ? word : word & ((1L << (8 * symbolLen)) - 1);
        int a = symbolEnd + 1;
        int decimals = t == 'Q' ? 4 : t == 'T' ? 2 : 1;
        for (int d = 0; d < decimals; d++) {
            int b = Long.numberOfTrailingZeros(rest);
            rest &= rest - 1;
            if (!fastDecimal(buf, from + a, from + b, d)) {
                return -1;
            }
            a = b + 1;
        }
        if (t == 'T') {
            int b = Long.numberOfTrailingZeros(rest);
            rest &= rest - 1;
            if (b - a != 1) {
                return -1;
            }
            byte sd = buf[from + a];
            if (sd == 'B') {
                side = TakerSide.BUY;
            } else if (sd == 'S') {
                side = TakerSide.SELL;
            } else {
                return -1;
            }
            a = b + 1;
        }
        int b = rest == 0 ? end : Long.numberOfTrailingZeros(rest);
        long tm = fastInteger(buf, from + a, from + b);
        if (tm < 0) {
            return -1;
        }
        tradeId = 0;
        if (rest != 0) {
            long id = fastInteger(buf, from + b + 1, from + end);
            if (id < 0) {
                return -1;
            }
            tradeId = id;
        }
        time = tm;
        type = t;
        symbolFrom = from + symbolStart;
        symbolTo = from + symbolEnd;
        lineStart = from;
        lineEnd = from + end;
        error = null;
        return from + len < limit ? from + len + 1 : limit;
    }

    /** {@code digits[.digits]} in {@code [a, b)} with at most 8 digits on each side, else false. */
    private boolean fastDecimal(byte[] buf, int a, int b, int slot) {
        int len = b - a;
        if (len <= 0) {
            return false;
        }
        long x = Swar.load(buf, a);
        int n = Swar.digitRun(x);
        if (n >= len) {
            mantissa[slot] = Swar.value(x, len);
            places[slot] = 0;
        } else {
            int fl = len - n - 1;
            if (n == 0 || fl <= 0 || fl > 8 || buf[a + n] != '.') {
                return false;
            }
            long y = Swar.load(buf, a + n + 1);
            if (Swar.digitRun(y) < fl) {
                return false;
            }
            mantissa[slot] = Swar.value(x, n) * POW10[fl] + Swar.value(y, fl);
            places[slot] = fl;
        }
        fieldFrom[slot] = a;
        fieldTo[slot] = b;
        return true;
    }

    /** 1..16 digits in {@code [a, b)}, else -1. */
    private static long fastInteger(byte[] buf, int a, int b) {
        int len = b - a;
        if (len <= 0 || len > 16) {
            return -1;
        }
        long x = Swar.load(buf, a);
        int n = Swar.digitRun(x);
        if (len <= 8) {
            return n >= len ? Swar.value(x, len) : -1;
        }
        long y = Swar.load(buf, a + 8);
        if (n < 8 || Swar.digitRun(y) < len - 8) {
            return -1;
        }
        return Swar.value(x, 8) * POW10[len - 8] + Swar.value(y, len - 8);
    }

    private int parseLineSequential(byte[] buf, int from, int limit) {
        lineStart = from;
        error = null;
        int i = from;
        if (limit - from < 2 || buf[from + 1] != ',') {
            return fail(buf, from, limit, RejectReason.MALFORMED);
        }
        type = buf[from];
        int decimals;
        switch (type) {
            case 'T' -> decimals = 2;
            case 'Q' -> decimals = 4;
            case 'R' -> decimals = 1;
            default -> {
                return fail(buf, from, limit, RejectReason.UNKNOWN_TYPE);
            }
        }
        i = from + 2;
        int start = i;
        byte c;
        while (i < limit && (c = buf[i]) != ',') {
            if (c == '\n') {
                return fail(buf, i, limit, RejectReason.MALFORMED);
            }
            i++;
        }
        if (i == start || i == limit) {
            return fail(buf, i, limit, RejectReason.MALFORMED);
        }
        symbolFrom = start;
        symbolTo = i;
        symbolPrefix = SymbolTable.prefix(buf, start, i);
        i++;
        for (int d = 0; d < decimals; d++) {
            RejectReason r = decimal(buf, i, limit, d);
            if (r != null) {
                return fail(buf, pos, limit, r);
            }
            if (pos == limit || buf[pos] != ',') {
                return fail(buf, pos, limit, RejectReason.MALFORMED);
            }
            i = pos + 1;
            if (type == 'T' && d == 1) {
                if (i + 1 >= limit || buf[i + 1] != ',') {
                    return fail(buf, i, limit, RejectReason.MALFORMED);
                }
                byte s = buf[i];
                if (s == 'B') {
                    side = TakerSide.BUY;
                } else if (s == 'S') {
                    side = TakerSide.SELL;
                } else {
                    return fail(buf, i, limit, RejectReason.MALFORMED);
                }
                i += 2;
            }
        }
        long t = integer(buf, i, limit);
        if (t < 0) {
            return fail(buf, pos, limit, RejectReason.BAD_TIMESTAMP);
        }
        time = t;
        i = pos;
        tradeId = 0;
        if (type == 'T' && i < limit && buf[i] == ',') {
            long id = integer(buf, i + 1, limit);
            if (id < 0) {
                return fail(buf, pos, limit, RejectReason.MALFORMED_NUMBER);
            }
            tradeId = id;
            i = pos;
        }
        if (i < limit && buf[i] == '\r') {
            i++;
        }
        if (i < limit && buf[i] != '\n') {
            return fail(buf, i, limit, RejectReason.MALFORMED);
        }
        lineEnd = i > from && buf[i - 1] == '\r' ? i - 1 : i;
        return i < limit ? i + 1 : limit;
    }

    /**
     * Scans {@code digits[.digits]} into {@code mantissa[slot]} (all digits, point removed) with
     * {@code places[slot]} decimal places; sets {@link #pos} to the first byte after it. No
     * per-digit overflow check: more than 18 digits are left to the exact slow path of
     * {@link #normalize}.
     */
    private RejectReason decimal(byte[] buf, int i, int limit, int slot) {
        int start = i;
        long m = digits(buf, i, limit);
        i = pos;
        int intDigits = i - start;
        if (intDigits == 0) {
            if (i < limit && buf[i] == '-') {
                return slot == 0 || (type == 'Q' && slot == 2) ? RejectReason.NON_POSITIVE_PRICE : RejectReason.NON_POSITIVE_QUANTITY;
            }
            return RejectReason.MALFORMED_NUMBER;
        }
        int frac = 0;
        if (i < limit && buf[i] == '.') {
            int fracStart = ++i;
            long f = digits(buf, i, limit);
            i = pos;
            frac = i - fracStart;
            if (frac == 0) {
                return RejectReason.MALFORMED_NUMBER;
            }
            m = intDigits + frac > 18 ? -1 : m * POW10[Math.min(frac, 18)] + f;
        }
        if (i < limit) {
            byte c = buf[i];
            if (c != ',' && c != '\n' && c != '\r') {
                return RejectReason.MALFORMED_NUMBER;
            }
        }
        mantissa[slot] = intDigits + frac > 18 ? -1 : m;
        places[slot] = frac;
        fieldFrom[slot] = start;
        fieldTo[slot] = i;
        return null;
    }

    /**
     * The value of the digits starting at {@code i} (wrapping silently past 18 digits: callers count
     * them); sets {@link #pos} to the first non-digit. Eight bytes per step where the array allows.
     */
    private long digits(byte[] buf, int i, int limit) {
        long m = 0;
        int n;
        do {
            if (i + 8 > buf.length) {
                int d;
                while (i < limit && (d = buf[i] - '0') >= 0 && d <= 9) {
                    m = m * 10 + d;
                    i++;
                }
                break;
            }
            long x = Swar.load(buf, i);
            n = Math.min(Swar.digitRun(x), limit - i);
            if (n <= 0) {
                break;
            }
            m = m * POW10[n] + Swar.value(x, n);
            i += n;
        } while (n == 8);
        pos = i;
        return m;
    }

    /** Scans unsigned digits; sets {@link #pos}; -1 when there are none, too many, or junk follows. */
    private long integer(byte[] buf, int i, int limit) {
        int start = i;
        long v = digits(buf, i, limit);
        i = pos;
        if (i == start || i - start > 18) {
            return -1;
        }
        if (i < limit) {
            byte c = buf[i];
            if (c != ',' && c != '\n' && c != '\r') {
                return -1;
            }
        }
        return v;
    }

    private int fail(byte[] buf, int at, int limit, RejectReason reason) {
        error = reason;
        int i = Math.max(at, lineStart);
        while (i < limit && buf[i] != '\n') {
            i++;
        }
        lineEnd = i > lineStart && buf[i - 1] == '\r' ? i - 1 : i;
        return i < limit ? i + 1 : limit;
    }

    /**
     * Converts the line found by {@link #parseLine} into {@code out}.
     *
     * @return null when {@code out} holds a valid update, else why the line is rejected
     */
    public RejectReason normalize(byte[] buf, SymbolTable symbols, MutableUpdate out) {
        if (error != null) {
            return error;
        }
        int id = symbols.id(buf, symbolFrom, symbolTo, symbolPrefix);
        if (id < 0) {
            return RejectReason.UNKNOWN_SYMBOL;
        }
        InstrumentScale s = symbols.scale(id);
        int ts = s.tickScale();
        long tu = s.tickUnits();
        if (type == 'Q') {
            long bid = scaled(buf, 0, ts, tu);
            long bidSize = scaled(buf, 1, s.lotScale(), s.lotUnits());
            long ask = scaled(buf, 2, ts, tu);
            long askSize = scaled(buf, 3, s.lotScale(), s.lotUnits());
            if (bid <= 0 || ask <= 0) {
                return bid == 0 || ask == 0 ? RejectReason.NON_POSITIVE_PRICE : RejectReason.ofDecimalError(Math.min(bid, ask), true);
            }
            if (bidSize < 0 || askSize < 0) {
                return RejectReason.ofDecimalError(Math.min(bidSize, askSize), false);
            }
            if (bid > ask) {
                return RejectReason.CROSSED_QUOTE;
            }
            out.quote(id, bid, bidSize, ask, askSize, time);
            return null;
        }
        long price = scaled(buf, 0, ts, tu);
        if (price <= 0) {
            return price == 0 ? RejectReason.NON_POSITIVE_PRICE : RejectReason.ofDecimalError(price, true);
        }
        if (type == 'R') {
            out.reference(id, price, time);
            return null;
        }
        long qty = scaled(buf, 1, s.lotScale(), s.lotUnits());
        if (qty <= 0) {
            return qty == 0 ? RejectReason.NON_POSITIVE_QUANTITY : RejectReason.ofDecimalError(qty, false);
        }
        out.trade(id, price, qty, side, time).ids(tradeId, 0);
        return null;
    }

    /** The decimal of {@code slot} in units of {@code step × 10^-scale}, or a negative {@link DecimalParser} code. */
    private long scaled(byte[] buf, int slot, int scale, long step) {
        long m = mantissa[slot];
        if (m < 0) {
            return DecimalParser.parse(buf, fieldFrom[slot], fieldTo[slot], scale, step);
        }
        int pad = scale - places[slot];
        if (pad < 0) {
            long p = POW10[-pad];
            if (m % p != 0) {
                return DecimalParser.OVER_PRECISION;
            }
            m /= p;
        } else if (pad > 0) {
            if (m > MAX_BEFORE_PAD[pad]) {
                return DecimalParser.OVERFLOW;
            }
            m *= POW10[pad];
        }
        if (step != 1) {
            if (m % step != 0) {
                return DecimalParser.OFF_GRID;
            }
            m /= step;
        }
        return m;
    }

    /** {@link #parseLine} then {@link #normalize}, for one line in {@code [from, to)}. */
    public RejectReason parse(byte[] line, int from, int to, SymbolTable symbols, MutableUpdate out) {
        parseLine(line, from, to);
        return normalize(line, symbols, out);
    }

    /** Start of the last parsed line. */
    public int lineStart() {
        return lineStart;
    }

    /** End of the last parsed line (before {@code "\r\n"}). */
    public int lineEnd() {
        return lineEnd;
    }

    /** Appends the line form of a valid update (without newline); for generators and tests. */
    public static void format(MutableUpdate u, SymbolTable symbols, StringBuilder out) {
        InstrumentScale s = symbols.scale(u.instrument());
        switch (u.kind()) {
            case TRADE -> {
                out.append("T,").append(s.symbol()).append(',');
                DecimalParser.appendFormatted(out, u.price() * s.tickUnits(), s.tickScale());
                out.append(',');
                DecimalParser.appendFormatted(out, u.quantity() * s.lotUnits(), s.lotScale());
                out.append(',').append(u.takerSide().code()).append(',').append(u.eventTime());
                if (u.tradeId() != 0) {
                    out.append(',').append(u.tradeId());
                }
            }
            case QUOTE -> {
                out.append("Q,").append(s.symbol()).append(',');
                DecimalParser.appendFormatted(out, u.bid() * s.tickUnits(), s.tickScale());
                out.append(',');
                DecimalParser.appendFormatted(out, u.bidSize() * s.lotUnits(), s.lotScale());
                out.append(',');
                DecimalParser.appendFormatted(out, u.ask() * s.tickUnits(), s.tickScale());
                out.append(',');
                DecimalParser.appendFormatted(out, u.askSize() * s.lotUnits(), s.lotScale());
                out.append(',').append(u.eventTime());
            }
            case REFERENCE -> {
                out.append("R,").append(s.symbol()).append(',');
                DecimalParser.appendFormatted(out, u.price() * s.tickUnits(), s.tickScale());
                out.append(',').append(u.eventTime());
            }
        }
    }
}
