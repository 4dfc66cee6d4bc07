package dev.tradewind.engine.marketdata.feed;

import dev.tradewind.engine.marketdata.InstrumentScale;
import dev.tradewind.engine.marketdata.MarketUpdate;
import dev.tradewind.engine.marketdata.QuoteUpdated;
import dev.tradewind.engine.marketdata.ReferencePriceUpdated;
import dev.tradewind.engine.marketdata.RejectReason;
import dev.tradewind.engine.marketdata.SymbolTable;
import dev.tradewind.engine.marketdata.TradeReported;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Replay CSV: a header names the columns (any order; unknown ones ignored), then one update per
 * line. Lines starting with {@code #} and blank lines are skipped. No quoting (no field contains a
 * comma).
 *
 * <pre>
 * time,type,symbol,price,quantity,side,bid,bidSize,ask,askSize,tradeId,sequence,venue
 * 1732420000123,trade,BTC-USD,42000.50,0.015,buy,,,,,981,,sample
 * 1732420000125,quote,BTC-USD,,,,42000.49,1.2,42000.51,0.8,,,sample
 * 1732420000200,reference,BTC-USD,42000.50,,,,,,,,,index
 * </pre>
 *
 * {@code time} is epoch ms or ISO-8601; {@code type} is {@code trade|quote|reference} (or
 * {@code T|Q|R}); {@code side} is the taker side {@code buy|sell}; decimals are exact (see
 * {@code DecimalParser}). {@code venue} defaults to the feed's name.
 */
public final class CsvLineDecoder implements LineDecoder {
    private final SymbolTable symbols;
    private final String defaultVenue;
    private Map<String, Integer> columns;

    public CsvLineDecoder(SymbolTable symbols, String defaultVenue) {
        this.symbols = symbols;
        this.defaultVenue = defaultVenue;
    }

    @Override
    public MarketUpdate decode(String line) throws BadInputException {
        String trimmed = line.strip();
        if (trimmed.isEmpty() || trimmed.startsWith("#")) {
            return null;
        }
        String[] f = trimmed.split(",", -1);
        if (columns == null) {
            Map<String, Integer> header = new HashMap<>();
            for (int i = 0; i < f.length; i++) {
                header.put(f[i].strip().toLowerCase(Locale.ROOT), i);
            }
            if (!header.containsKey("time") || !header.containsKey("type") || !header.containsKey("symbol")) {
                throw new BadInputException(RejectReason.MALFORMED,
                        "the first line must be a header with at least time,type,symbol; got: " + trimmed);
            }
            columns = header;
            return null;
        }
        String type = field(f, "type");
        InstrumentScale scale = UpdateFields.instrument(symbols, field(f, "symbol"));
        long time = UpdateFields.epochMillis(field(f, "time"));
        String venue = field(f, "venue");
        if (venue == null || venue.isEmpty()) {
            venue = defaultVenue;
        }
        return switch (type == null ? "" : type.toLowerCase(Locale.ROOT)) {
            case "trade", "t" -> new TradeReported(scale.symbol(),
                    UpdateFields.price(scale, field(f, "price"), "price"),
                    UpdateFields.quantity(scale, field(f, "quantity"), "quantity"),
                    UpdateFields.side(field(f, "side")), venue,
                    UpdateFields.optionalId(field(f, "tradeid"), "tradeId"),
                    UpdateFields.optionalId(field(f, "sequence"), "sequence"), time);
            case "quote", "q" -> {
                long bid = UpdateFields.price(scale, field(f, "bid"), "bid");
                long ask = UpdateFields.price(scale, field(f, "ask"), "ask");
                UpdateFields.checkQuote(bid, ask);
                yield new QuoteUpdated(scale.symbol(), bid, UpdateFields.size(scale, field(f, "bidsize"), "bidSize"),
                        ask, UpdateFields.size(scale, field(f, "asksize"), "askSize"), venue,
                        UpdateFields.optionalId(field(f, "sequence"), "sequence"), time);
            }
            case "reference", "r" -> new ReferencePriceUpdated(scale.symbol(),
                    UpdateFields.price(scale, field(f, "price"), "price"), venue, time);
            default -> throw new BadInputException(RejectReason.UNKNOWN_TYPE, "unknown type '" + type + "'");
        };
    }

    private String field(String[] f, String name) {
        Integer i = columns.get(name);
        if (i == null || i >= f.length) {
            return null;
        }
        String v = f[i].strip();
        return v.isEmpty() ? null : v;
    }
}
