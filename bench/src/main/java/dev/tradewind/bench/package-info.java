/** Benchmarks run by {@code ./tradewind bench NAME}; each prints {@code metric <name> <value> <unit>} lines. */
package dev.tradewind.bench;
