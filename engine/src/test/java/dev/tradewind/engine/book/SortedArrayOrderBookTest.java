package dev.tradewind.engine.book;

class SortedArrayOrderBookTest extends OrderBookContractTest {
    @Override
    protected OrderBook newBook(int instrumentId) {
        return new SortedArrayOrderBook(instrumentId);
    }
}
