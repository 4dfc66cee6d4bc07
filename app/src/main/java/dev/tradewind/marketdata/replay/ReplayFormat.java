package dev.tradewind.marketdata.replay;

import dev.tradewind.engine.marketdata.SymbolTable;
import dev.tradewind.engine.marketdata.feed.CsvLineDecoder;
import dev.tradewind.engine.marketdata.feed.FastLineDecoder;
import dev.tradewind.engine.marketdata.feed.FileReplayFeed;
import dev.tradewind.engine.marketdata.feed.LineDecoder;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Supplier;

/** Replay file formats, chosen by file extension: {@code .csv}, {@code .jsonl}/{@code .ndjson}, {@code .txt}/{@code .md} (fast lines). */
public enum ReplayFormat {
    CSV,
    JSON_LINES,
    FAST_LINES;

    public static ReplayFormat of(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".csv")) {
            return CSV;
        }
        if (name.endsWith(".jsonl") || name.endsWith(".ndjson")) {
            return JSON_LINES;
        }
        if (name.endsWith(".txt") || name.endsWith(".md")) {
            return FAST_LINES;
        }
        throw new IllegalArgumentException("cannot tell the replay format of " + file
                + ": name it .csv, .jsonl/.ndjson or .txt (fast line format)");
    }

    public Supplier<LineDecoder> decoders(SymbolTable symbols, String venue) {
        return switch (this) {
            case CSV -> () -> new CsvLineDecoder(symbols, venue);
            case JSON_LINES -> () -> new JsonLinesDecoder(symbols, venue);
            case FAST_LINES -> () -> new FastLineDecoder(symbols, venue);
        };
    }

    /** A replay feed of {@code file} in the format its name says. */
    public static FileReplayFeed feed(String name, Path file, SymbolTable symbols, double speed, boolean loop) {
        return new FileReplayFeed(name, file, of(file).decoders(symbols, name), speed, loop);
    }
}
