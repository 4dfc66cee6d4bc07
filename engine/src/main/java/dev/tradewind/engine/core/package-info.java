/**
 * The {@link dev.tradewind.engine.core.MatchingEngine} state machine and the desks it delegates
 * to (orders, money, administration), plus snapshots and the state hash.
 */
package dev.tradewind.engine.core;
