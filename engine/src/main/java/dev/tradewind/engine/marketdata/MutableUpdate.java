package dev.tradewind.engine.marketdata;

/**
 * The reusable, allocation-free form of a {@link MarketUpdate} for the hot loop: one instance per
 * thread is filled by a parser and read by the pipeline. Never share it between threads and never
 * keep a reference after the call that handed it to you returns.
 *
 * <p>Fields irrelevant to the current {@link #kind()} are left as they were; read only the ones of
 * that kind.
 */
public final class MutableUpdate {
    private UpdateKind kind;
    private int instrument = -1;
    private long price;
    private long quantity;
    private TakerSide takerSide;
    private long bid;
    private long bidSize;
    private long ask;
    private long askSize;
    private long tradeId;
    private long sequence;
    private long eventTime;
    private String venue = "";

    public MutableUpdate trade(int instrument, long price, long quantity, TakerSide takerSide, long eventTime) {
        this.kind = UpdateKind.TRADE;
        this.instrument = instrument;
        this.price = price;
        this.quantity = quantity;
        this.takerSide = takerSide;
        this.eventTime = eventTime;
        this.tradeId = 0;
        this.sequence = 0;
        return this;
    }

    public MutableUpdate quote(int instrument, long bid, long bidSize, long ask, long askSize, long eventTime) {
        this.kind = UpdateKind.QUOTE;
        this.instrument = instrument;
        this.bid = bid;
        this.bidSize = bidSize;
        this.ask = ask;
        this.askSize = askSize;
        this.eventTime = eventTime;
        this.sequence = 0;
        return this;
    }

    public MutableUpdate reference(int instrument, long price, long eventTime) {
        this.kind = UpdateKind.REFERENCE;
        this.instrument = instrument;
        this.price = price;
        this.eventTime = eventTime;
        return this;
    }

    public MutableUpdate ids(long tradeId, long sequence) {
        this.tradeId = tradeId;
        this.sequence = sequence;
        return this;
    }

    public MutableUpdate venue(String venue) {
        this.venue = venue;
        return this;
    }

    /** Fills this from a record, resolving its symbol; returns false (and leaves this unusable) for an unknown symbol. */
    public boolean from(MarketUpdate update, SymbolTable symbols) {
        int id = symbols.id(update.symbol());
        if (id < 0) {
            return false;
        }
        switch (update) {
            case TradeReported t -> trade(id, t.price(), t.quantity(), t.takerSide(), t.eventTime()).ids(t.tradeId(), t.sequence()).venue(t.venue());
            case QuoteUpdated q -> quote(id, q.bid(), q.bidSize(), q.ask(), q.askSize(), q.eventTime()).ids(0, q.sequence()).venue(q.venue());
            case ReferencePriceUpdated r -> reference(id, r.price(), r.eventTime()).venue(r.source());
        }
        return true;
    }

    /** An immutable copy (allocates; for the general path and tests). */
    public MarketUpdate toRecord(SymbolTable symbols) {
        String symbol = symbols.scale(instrument).symbol();
        return switch (kind) {
            case TRADE -> new TradeReported(symbol, price, quantity, takerSide, venue, tradeId, sequence, eventTime);
            case QUOTE -> new QuoteUpdated(symbol, bid, bidSize, ask, askSize, venue, sequence, eventTime);
            case REFERENCE -> new ReferencePriceUpdated(symbol, price, venue, eventTime);
        };
    }

    public UpdateKind kind() {
        return kind;
    }

    public int instrument() {
        return instrument;
    }

    /** Trade or reference price, ticks. */
    public long price() {
        return price;
    }

    /** Trade quantity, lots. */
    public long quantity() {
        return quantity;
    }

    public TakerSide takerSide() {
        return takerSide;
    }

    public long bid() {
        return bid;
    }

    public long bidSize() {
        return bidSize;
    }

    public long ask() {
        return ask;
    }

    public long askSize() {
        return askSize;
    }

    public long tradeId() {
        return tradeId;
    }

    public long sequence() {
        return sequence;
    }

    /** Epoch milliseconds. */
    public long eventTime() {
        return eventTime;
    }

    public String venue() {
        return venue;
    }

    @Override
    public String toString() {
        return switch (kind) {
            case TRADE -> "TRADE #" + instrument + " " + price + " x " + quantity + " " + takerSide + " @" + eventTime;
            case QUOTE -> "QUOTE #" + instrument + " " + bid + "x" + bidSize + " / " + ask + "x" + askSize + " @" + eventTime;
            case REFERENCE -> "REFERENCE #" + instrument + " " + price + " @" + eventTime;
            case null -> "EMPTY";
        };
    }
}
