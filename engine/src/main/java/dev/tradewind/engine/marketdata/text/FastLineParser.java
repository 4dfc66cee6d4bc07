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
 * e.g. {@code T,BTC-USD,42000.50,0.015,B,1732420000123,981}. Decimals follow {@link DecimalParser}
 * (exact; padding zeros beyond the instrument's precision are fine, other digits are rejected).
 *
 * <p>Two stages, timed separately by the pipeline: {@link #split} finds the fields (parse),
 * {@link #normalize} resolves the symbol, converts to ticks/lots and validates. One instance per
 * thread.
 */
public final class FastLineParser {
    private static final int MAX_FIELDS = 8;

    private final int[] starts = new int[MAX_FIELDS];
    private final int[] ends = new int[MAX_FIELDS];
    private int fields;
    private int lineStart;
    private int lineEnd;

    /**
     * Splits bytes {@code [from, to)} (one line, no newline) into fields.
     *
     * @return false when the line has more fields than any record type or is empty
     */
    public boolean split(byte[] line, int from, int to) {
        int next = splitLine(line, from, to);
        return next >= 0 && fields > 0;
    }

    /**
     * Splits the line starting at {@code from} and ending at the next {@code '\n'} (or {@code limit})
     * in one pass, so bulk input is scanned once.
     *
     * @return the index just past the line (after its newline); {@link #fields()} is 0 when the line
     *         is empty or has too many fields
     */
    public int splitLine(byte[] buf, int from, int limit) {
        int n = 0;
        int start = from;
        int i = from;
        for (; i < limit; i++) {
            byte c = buf[i];
            if (c == ',') {
                if (n < MAX_FIELDS - 1) {
                    starts[n] = start;
                    ends[n] = i;
                }
                n++;
                start = i + 1;
            } else if (c == '\n') {
                break;
            }
        }
        int end = i > start && buf[i - 1] == '\r' ? i - 1 : i;
        lineStart = from;
        lineEnd = end;
        if (n >= MAX_FIELDS || end == from) {
            fields = 0;
        } else {
            starts[n] = start;
            ends[n] = end;
            fields = n + 1;
        }
        return i < limit ? i + 1 : limit;
    }

    /** Fields of the last split line, 0 when it was empty or had too many. */
    public int fields() {
        return fields;
    }

    /** Start of the last split line. */
    public int lineStart() {
        return lineStart;
    }

    /** End of the last split line (before {@code "\r\n"}). */
    public int lineEnd() {
        return lineEnd;
    }

    /**
     * Converts the fields found by {@link #split} into {@code out}.
     *
     * @return null when {@code out} holds a valid update, else why the line is rejected
     */
    public RejectReason normalize(byte[] line, SymbolTable symbols, MutableUpdate out) {
        if (fields < 4 || ends[0] - starts[0] != 1) {
            return RejectReason.MALFORMED;
        }
        byte type = line[starts[0]];
        int expected = switch (type) {
            case 'T' -> 6;
            case 'Q' -> 7;
            case 'R' -> 4;
            default -> -1;
        };
        if (expected < 0) {
            return RejectReason.UNKNOWN_TYPE;
        }
        if (fields != expected && !(type == 'T' && fields == 7)) {
            return RejectReason.MALFORMED;
        }
        int id = symbols.id(line, starts[1], ends[1]);
        if (id < 0) {
            return RejectReason.UNKNOWN_SYMBOL;
        }
        InstrumentScale scale = symbols.scale(id);
        if (type == 'T') {
            long price = DecimalParser.parse(line, starts[2], ends[2], scale.tickScale(), scale.tickUnits());
            if (price <= 0) {
                return price == 0 ? RejectReason.NON_POSITIVE_PRICE : RejectReason.ofDecimalError(price, true);
            }
            long qty = DecimalParser.parse(line, starts[3], ends[3], scale.lotScale(), scale.lotUnits());
            if (qty <= 0) {
                return qty == 0 ? RejectReason.NON_POSITIVE_QUANTITY : RejectReason.ofDecimalError(qty, false);
            }
            TakerSide side;
            if (ends[4] - starts[4] != 1) {
                return RejectReason.MALFORMED;
            }
            byte s = line[starts[4]];
            if (s == 'B') {
                side = TakerSide.BUY;
            } else if (s == 'S') {
                side = TakerSide.SELL;
            } else {
                return RejectReason.MALFORMED;
            }
            long time = DecimalParser.parseUnsignedLong(line, starts[5], ends[5]);
            if (time < 0) {
                return RejectReason.BAD_TIMESTAMP;
            }
            long tradeId = 0;
            if (fields == 7) {
                tradeId = DecimalParser.parseUnsignedLong(line, starts[6], ends[6]);
                if (tradeId < 0) {
                    return RejectReason.MALFORMED_NUMBER;
                }
            }
            out.trade(id, price, qty, side, time).ids(tradeId, 0);
            return null;
        }
        if (type == 'Q') {
            long bid = DecimalParser.parse(line, starts[2], ends[2], scale.tickScale(), scale.tickUnits());
            if (bid <= 0) {
                return bid == 0 ? RejectReason.NON_POSITIVE_PRICE : RejectReason.ofDecimalError(bid, true);
            }
            long bidSize = DecimalParser.parse(line, starts[3], ends[3], scale.lotScale(), scale.lotUnits());
            if (bidSize < 0) {
                return RejectReason.ofDecimalError(bidSize, false);
            }
            long ask = DecimalParser.parse(line, starts[4], ends[4], scale.tickScale(), scale.tickUnits());
            if (ask <= 0) {
                return ask == 0 ? RejectReason.NON_POSITIVE_PRICE : RejectReason.ofDecimalError(ask, true);
            }
            long askSize = DecimalParser.parse(line, starts[5], ends[5], scale.lotScale(), scale.lotUnits());
            if (askSize < 0) {
                return RejectReason.ofDecimalError(askSize, false);
            }
            if (bid > ask) {
                return RejectReason.CROSSED_QUOTE;
            }
            long time = DecimalParser.parseUnsignedLong(line, starts[6], ends[6]);
            if (time < 0) {
                return RejectReason.BAD_TIMESTAMP;
            }
            out.quote(id, bid, bidSize, ask, askSize, time);
            return null;
        }
        long price = DecimalParser.parse(line, starts[2], ends[2], scale.tickScale(), scale.tickUnits());
        if (price <= 0) {
            return price == 0 ? RejectReason.NON_POSITIVE_PRICE : RejectReason.ofDecimalError(price, true);
        }
        long time = DecimalParser.parseUnsignedLong(line, starts[3], ends[3]);
        if (time < 0) {
            return RejectReason.BAD_TIMESTAMP;
        }
        out.reference(id, price, time);
        return null;
    }

    /** {@link #split} then {@link #normalize}. */
    public RejectReason parse(byte[] line, int from, int to, SymbolTable symbols, MutableUpdate out) {
        return split(line, from, to) ? normalize(line, symbols, out) : RejectReason.MALFORMED;
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
