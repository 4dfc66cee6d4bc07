package dev.tradewind.engine.marketdata;

/** What a market-data update carries. */
public enum UpdateKind {
    /** A trade printed on a venue (external or Tradewind's own matching engine). */
    TRADE,
    /** Best bid and offer (book ticker). */
    QUOTE,
    /** A reference (index/mark) price from a feed. */
    REFERENCE
}
