package dev.tradewind.marketdata;

import dev.tradewind.engine.marketdata.InstrumentScale;
import dev.tradewind.engine.marketdata.SymbolTable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Instruments and captured-format fixture files of the market-data tests. */
public final class Fixtures {
    public static final SymbolTable SYMBOLS = SymbolTable.of(
            InstrumentScale.of("BTC-USD", "0.01", "0.00000001"),
            InstrumentScale.of("ETH-USD", "0.01", "0.00000001"),
            InstrumentScale.of("AAPL-USD", "0.01", "0.001"));

    private Fixtures() {
    }

    public static Path path(String name) {
        try {
            return Path.of(Fixtures.class.getResource("/marketdata/" + name).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("missing fixture " + name, e);
        }
    }

    public static String text(String name) {
        try {
            return Files.readString(path(name)).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<String> lines(String name) {
        try {
            return Files.readAllLines(path(name)).stream().filter(l -> !l.isBlank()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
