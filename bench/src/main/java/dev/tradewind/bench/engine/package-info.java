/**
 * {@code ./tradewind bench engine}: throughput, open-loop latency and memory of the matching engine on
 * exchange-core's order flow.
 */
package dev.tradewind.bench.engine;
