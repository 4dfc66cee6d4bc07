/**
 * Order books: resting orders in price-time priority, matching, stops waiting for their trigger.
 * Knows nothing of balances, fees, events or threads (DESIGN.md "Style" 1). Self-trade prevention
 * policy: expire taker (see {@link dev.tradewind.engine.book.OrderBook}).
 */
package dev.tradewind.engine.book;
