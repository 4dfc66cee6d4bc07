package dev.tradewind.bench;

/** One benchmark runnable as {@code ./tradewind bench NAME}. */
public interface Benchmark {
    String name();

    String description();

    /** Runs the benchmark, printing a human table and then one {@link Metrics} line per figure. */
    void run(String[] args, Metrics metrics) throws Exception;
}
