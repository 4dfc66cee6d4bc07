/** Balances (total and reserved per asset), fee arithmetic, fee tiers and pre-trade limits. */
package dev.tradewind.engine.risk;
