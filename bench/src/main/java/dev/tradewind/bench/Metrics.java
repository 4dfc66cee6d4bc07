package dev.tradewind.bench;

import java.io.PrintStream;
import java.util.Locale;

/** Prints figures in the contract form of API.md: {@code metric <name> <value> <unit>}. */
public final class Metrics {
    private final PrintStream out;

    public Metrics(PrintStream out) {
        this.out = out;
    }

    public void report(String name, double value, String unit) {
        String formatted = value == Math.rint(value) && Math.abs(value) < 1e15
                ? Long.toString((long) value)
                : String.format(Locale.ROOT, "%.3f", value);
        out.println("metric " + name + " " + formatted + " " + unit);
    }
}
