/** Read-only views returned by the engine's query methods (balances, depth, BBO). */
package dev.tradewind.engine.query;
