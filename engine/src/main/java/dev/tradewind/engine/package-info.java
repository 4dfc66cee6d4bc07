/** The matching engine: plain Java, deterministic, single writer (DESIGN.md "The engine"). */
package dev.tradewind.engine;
