package dev.tradewind.bench;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Entry point of {@code ./tradewind bench NAME [ARGS]}. */
public final class BenchMain {
    private static final List<Benchmark> BENCHMARKS = List.of(
            new dev.tradewind.bench.marketdata.MarketDataBenchmark());

    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        String name = args.length == 0 ? "list" : args[0];
        Optional<Benchmark> benchmark = BENCHMARKS.stream().filter(b -> b.name().equals(name)).findFirst();
        if (benchmark.isEmpty()) {
            if (!name.equals("list")) {
                System.err.println("Unknown benchmark '" + name + "'.");
            }
            System.out.println("Benchmarks:");
            BENCHMARKS.forEach(b -> System.out.printf("  %-12s %s%n", b.name(), b.description()));
            if (BENCHMARKS.isEmpty()) {
                System.out.println("  (none yet)");
            }
            System.exit(name.equals("list") ? 0 : 2);
        }
        benchmark.get().run(Arrays.copyOfRange(args, 1, args.length), new Metrics(System.out));
    }
}
