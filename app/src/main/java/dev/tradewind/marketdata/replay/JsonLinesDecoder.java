package dev.tradewind.marketdata.replay;

import dev.tradewind.engine.marketdata.InstrumentScale;
import dev.tradewind.engine.marketdata.MarketUpdate;
import dev.tradewind.engine.marketdata.QuoteUpdated;
import dev.tradewind.engine.marketdata.ReferencePriceUpdated;
import dev.tradewind.engine.marketdata.RejectReason;
import dev.tradewind.engine.marketdata.SymbolTable;
import dev.tradewind.engine.marketdata.TradeReported;
import dev.tradewind.engine.marketdata.feed.BadInputException;
import dev.tradewind.engine.marketdata.feed.LineDecoder;
import dev.tradewind.engine.marketdata.feed.UpdateFields;
import dev.tradewind.marketdata.JsonFields;
import java.util.Locale;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Replay JSON lines: one object per line with the field names of the replay CSV
 * ({@code CsvLineDecoder}); numbers may be JSON numbers or strings and are read exactly. Blank lines
 * and lines starting with {@code #} or {@code //} are skipped.
 *
 * <pre>
 * {"time":1732420000100,"type":"trade","symbol":"BTC-USD","price":"42000.51","quantity":"0.015","side":"buy","tradeId":981,"venue":"sample"}
 * {"time":"2024-11-24T03:46:40.125Z","type":"quote","symbol":"BTC-USD","bid":"42000.49","bidSize":"1.2","ask":"42000.51","askSize":"0.8"}
 * {"time":1732420000400,"type":"reference","symbol":"BTC-USD","price":42000.50}
 * </pre>
 */
public final class JsonLinesDecoder implements LineDecoder {
    private final SymbolTable symbols;
    private final String defaultVenue;

    public JsonLinesDecoder(SymbolTable symbols, String defaultVenue) {
        this.symbols = symbols;
        this.defaultVenue = defaultVenue;
    }

    @Override
    public MarketUpdate decode(String line) throws BadInputException {
        String trimmed = line.strip();
        if (trimmed.isEmpty() || trimmed.startsWith("#") || trimmed.startsWith("//")) {
            return null;
        }
        JsonNode node;
        try {
            node = JsonFields.MAPPER.readTree(trimmed);
        } catch (JacksonException e) {
            throw new BadInputException(RejectReason.MALFORMED, "not JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            throw new BadInputException(RejectReason.MALFORMED, "not a JSON object");
        }
        String type = JsonFields.text(node, "type");
        InstrumentScale scale = UpdateFields.instrument(symbols, JsonFields.text(node, "symbol"));
        long time = UpdateFields.epochMillis(JsonFields.text(node, "time"));
        String venue = JsonFields.text(node, "venue");
        if (venue == null || venue.isEmpty()) {
            venue = defaultVenue;
        }
        return switch (type == null ? "" : type.toLowerCase(Locale.ROOT)) {
            case "trade" -> new TradeReported(scale.symbol(),
                    UpdateFields.price(scale, JsonFields.text(node, "price"), "price"),
                    UpdateFields.quantity(scale, JsonFields.text(node, "quantity"), "quantity"),
                    UpdateFields.side(JsonFields.text(node, "side")), venue,
                    UpdateFields.optionalId(JsonFields.text(node, "tradeId"), "tradeId"),
                    UpdateFields.optionalId(JsonFields.text(node, "sequence"), "sequence"), time);
            case "quote" -> {
                long bid = UpdateFields.price(scale, JsonFields.text(node, "bid"), "bid");
                long ask = UpdateFields.price(scale, JsonFields.text(node, "ask"), "ask");
                UpdateFields.checkQuote(bid, ask);
                yield new QuoteUpdated(scale.symbol(), bid, UpdateFields.size(scale, JsonFields.text(node, "bidSize"), "bidSize"),
                        ask, UpdateFields.size(scale, JsonFields.text(node, "askSize"), "askSize"), venue,
                        UpdateFields.optionalId(JsonFields.text(node, "sequence"), "sequence"), time);
            }
            case "reference" -> new ReferencePriceUpdated(scale.symbol(),
                    UpdateFields.price(scale, JsonFields.text(node, "price"), "price"), venue, time);
            default -> throw new BadInputException(RejectReason.UNKNOWN_TYPE, "unknown type '" + type + "'");
        };
    }
}
