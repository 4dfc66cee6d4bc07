package dev.tradewind.marketdata.venue;

import dev.tradewind.engine.marketdata.InstrumentScale;
import dev.tradewind.engine.marketdata.QuoteUpdated;
import dev.tradewind.engine.marketdata.RejectReason;
import dev.tradewind.engine.marketdata.SymbolTable;
import dev.tradewind.engine.marketdata.TakerSide;
import dev.tradewind.engine.marketdata.TradeReported;
import dev.tradewind.engine.marketdata.feed.BadInputException;
import dev.tradewind.engine.marketdata.feed.FeedGap;
import dev.tradewind.engine.marketdata.feed.MarketDataSink;
import dev.tradewind.engine.marketdata.feed.UpdateFields;
import dev.tradewind.marketdata.JsonFields;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Binance spot market streams {@code <symbol>@trade} and {@code <symbol>@bookTicker} on the combined
 * endpoint ({@code wss://stream.binance.com:9443/stream}), subscribed with
 * {@code {"method":"SUBSCRIBE","params":["btcusdt@trade","btcusdt@bookTicker"],"id":1}}; every data
 * message arrives in the envelope {@code {"stream":"btcusdt@trade","data":{...}}}.
 * <ul>
 *   <li>trade: {@code {"e":"trade","E":..,"s":"BTCUSDT","t":12345,"p":"0.001","q":"100","T":..,"m":true}};
 *       {@code m} = buyer is the maker, so the taker sold; {@code t} is contiguous per symbol and
 *       a jump is reported as a {@link FeedGap} of kind {@code trade_id};
 *   <li>bookTicker: {@code {"u":400900217,"s":"BNBUSDT","b":"25.35190000","B":"31.21","a":"25.36520000","A":"40.66"}};
 *       {@code u} only grows: an older one is a stale message and skipped. Spot book tickers carry
 *       no time: the receive time is used.
 * </ul>
 * The connection is closed by Binance after 24 h; the feed reconnects. Binance pings every few
 * minutes; the JDK client answers pongs by itself.
 */
public final class BinanceProtocol implements VenueProtocol {
    public static final URI DEFAULT_ENDPOINT = URI.create("wss://stream.binance.com:9443/stream");
    private static final System.Logger LOG = System.getLogger(BinanceProtocol.class.getName());

    private final URI endpoint;
    private final SymbolTable symbols;
    private final VenueSymbols venueSymbols;
    private final IdTracker tradeIds = new IdTracker();
    private final IdTracker bookUpdates = new IdTracker();

    public BinanceProtocol(URI endpoint, SymbolTable symbols, VenueSymbols venueSymbols) {
        this.endpoint = endpoint;
        this.symbols = symbols;
        this.venueSymbols = venueSymbols;
    }

    @Override
    public String venue() {
        return "binance";
    }

    @Override
    public URI endpoint() {
        return endpoint;
    }

    @Override
    public List<String> subscribeMessages() {
        ObjectNode request = JsonFields.MAPPER.createObjectNode();
        request.put("method", "SUBSCRIBE");
        ArrayNode params = request.putArray("params");
        for (String s : venueSymbols.venueSymbols()) {
            String stream = s.toLowerCase(Locale.ROOT);
            params.add(stream + "@trade");
            params.add(stream + "@bookTicker");
        }
        request.put("id", 1);
        return List.of(request.toString());
    }

    @Override
    public void onMessage(String text, long receivedAt, MarketDataSink sink) {
        try {
            decode(text, receivedAt, sink);
        } catch (BadInputException e) {
            sink.onRejected(e.reason(), venue(), e.getMessage() + " in " + abbreviate(text));
        }
    }

    private void decode(String text, long receivedAt, MarketDataSink sink) throws BadInputException {
        JsonNode root;
        try {
            root = JsonFields.MAPPER.readTree(text);
        } catch (JacksonException e) {
            throw new BadInputException(RejectReason.MALFORMED, "not JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new BadInputException(RejectReason.MALFORMED, "not a JSON object");
        }
        if (root.has("id") && (root.has("result") || root.has("error"))) {
            if (root.has("error")) {
                LOG.log(System.Logger.Level.WARNING, "Binance refused a request: {0}", root.get("error").toString());
                throw new BadInputException(RejectReason.UNKNOWN_TYPE, "request error");
            }
            return; // subscription acknowledged
        }
        JsonNode data = root.has("data") ? root.get("data") : root;
        String event = JsonFields.text(data, "e");
        if ("trade".equals(event)) {
            trade(data, sink);
        } else if ("bookTicker".equals(event) || (event == null && data.has("u") && data.has("b"))) {
            bookTicker(data, receivedAt, sink);
        } else {
            throw new BadInputException(RejectReason.UNKNOWN_TYPE, "unknown event '" + event + "'");
        }
    }

    private InstrumentScale instrument(JsonNode data) throws BadInputException {
        String venueSymbol = JsonFields.text(data, "s");
        String symbol = venueSymbols.internal(venueSymbol);
        if (symbol == null) {
            throw new BadInputException(venueSymbol == null ? RejectReason.MALFORMED : RejectReason.UNKNOWN_SYMBOL,
                    "symbol '" + venueSymbol + "' is not configured");
        }
        return UpdateFields.instrument(symbols, symbol);
    }

    private void trade(JsonNode data, MarketDataSink sink) throws BadInputException {
        InstrumentScale scale = instrument(data);
        long price = UpdateFields.price(scale, JsonFields.text(data, "p"), "p");
        long qty = UpdateFields.quantity(scale, JsonFields.text(data, "q"), "q");
        JsonNode maker = data.get("m");
        if (maker == null || !maker.isBoolean()) {
            throw new BadInputException(RejectReason.MALFORMED, "missing m (buyer is maker)");
        }
        long tradeId = requiredId(data, "t");
        String time = JsonFields.text(data, "T") != null ? JsonFields.text(data, "T") : JsonFields.text(data, "E");
        long eventTime = UpdateFields.epochMillis(time);
        switch (tradeIds.check(scale.symbol(), tradeId, true)) {
            case STALE -> throw new BadInputException(RejectReason.STALE_SEQUENCE, "trade id " + tradeId + " already seen");
            case GAP -> sink.onGap(new FeedGap(venue(), scale.symbol(), "trade_id", tradeIds.expected(), tradeId, eventTime));
            case IN_ORDER -> {
            }
        }
        sink.onUpdate(new TradeReported(scale.symbol(), price, qty, maker.booleanValue() ? TakerSide.SELL : TakerSide.BUY,
                venue(), tradeId, 0, eventTime));
    }

    private void bookTicker(JsonNode data, long receivedAt, MarketDataSink sink) throws BadInputException {
        InstrumentScale scale = instrument(data);
        long bid = UpdateFields.price(scale, JsonFields.text(data, "b"), "b");
        long bidSize = UpdateFields.size(scale, JsonFields.text(data, "B"), "B");
        long ask = UpdateFields.price(scale, JsonFields.text(data, "a"), "a");
        long askSize = UpdateFields.size(scale, JsonFields.text(data, "A"), "A");
        UpdateFields.checkQuote(bid, ask);
        long updateId = requiredId(data, "u");
        if (bookUpdates.check(scale.symbol(), updateId, false) == IdTracker.Verdict.STALE) {
            throw new BadInputException(RejectReason.STALE_SEQUENCE, "book update " + updateId + " is not newer");
        }
        String time = JsonFields.text(data, "E");
        long eventTime = time != null ? UpdateFields.epochMillis(time) : receivedAt;
        sink.onUpdate(new QuoteUpdated(scale.symbol(), bid, bidSize, ask, askSize, venue(), updateId, eventTime));
    }

    static long requiredId(JsonNode data, String field) throws BadInputException {
        String text = JsonFields.text(data, field);
        if (text == null) {
            throw new BadInputException(RejectReason.MALFORMED, "missing " + field);
        }
        return UpdateFields.optionalId(text, field);
    }

    static String abbreviate(String text) {
        return text.length() > 200 ? text.substring(0, 200) + "…" : text;
    }
}
