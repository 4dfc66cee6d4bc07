package dev.tradewind.engine.marketdata.feed;

import dev.tradewind.engine.marketdata.MarketUpdate;
import dev.tradewind.engine.marketdata.MutableUpdate;
import dev.tradewind.engine.marketdata.RejectReason;
import dev.tradewind.engine.marketdata.SymbolTable;
import dev.tradewind.engine.marketdata.text.FastLineParser;
import java.nio.charset.StandardCharsets;

/** Replay of the compact line format of {@link FastLineParser}; lines starting with {@code #} are comments. */
public final class FastLineDecoder implements LineDecoder {
    private final SymbolTable symbols;
    private final String venue;
    private final FastLineParser parser = new FastLineParser();
    private final MutableUpdate update = new MutableUpdate();

    public FastLineDecoder(SymbolTable symbols, String venue) {
        this.symbols = symbols;
        this.venue = venue;
    }

    @Override
    public MarketUpdate decode(String line) throws BadInputException {
        if (line.isBlank() || line.startsWith("#")) {
            return null;
        }
        byte[] bytes = line.getBytes(StandardCharsets.US_ASCII);
        RejectReason reason = parser.parse(bytes, 0, bytes.length, symbols, update);
        if (reason != null) {
            throw new BadInputException(reason, line);
        }
        return update.venue(venue).toRecord(symbols);
    }
}
