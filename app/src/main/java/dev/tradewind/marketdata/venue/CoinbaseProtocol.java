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
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Coinbase Exchange WebSocket feed ({@code wss://ws-feed.exchange.coinbase.com}), subscribed with
 * {@code {"type":"subscribe","product_ids":["BTC-USD"],"channels":["matches","ticker","heartbeat"]}}.
 * <ul>
 *   <li>{@code match} / {@code last_match} (the latter once per subscription):
 *       {@code trade_id, sequence, time, product_id, size, price, side}; {@code side} is the
 *       maker's, so the taker is the other side. {@code trade_id} is contiguous per product: a jump
 *       (a dropped message, or trades missed while reconnecting, seen from {@code last_match}) is
 *       reported as a {@link FeedGap} of kind {@code trade_id};
 *   <li>{@code ticker}: {@code best_bid, best_bid_size, best_ask, best_ask_size, sequence, time};
 *   <li>{@code heartbeat} (every second per product): keeps the connection from looking stale;
 *   <li>{@code subscriptions} (acknowledgement) and {@code error} (logged, counted).
 * </ul>
 * {@code sequence} is the product's sequence over all channels, so on these channels it skips by
 * design (only the {@code full} channel sees every number): it is used to drop duplicate and
 * out-of-order messages per channel, and gaps are detected on {@code trade_id}, which is exact.
 */
public final class CoinbaseProtocol implements VenueProtocol {
    public static final URI DEFAULT_ENDPOINT = URI.create("wss://ws-feed.exchange.coinbase.com");
    private static final System.Logger LOG = System.getLogger(CoinbaseProtocol.class.getName());

    private final URI endpoint;
    private final SymbolTable symbols;
    private final VenueSymbols venueSymbols;
    private final IdTracker tradeIds = new IdTracker();
    private final IdTracker matchSequences = new IdTracker();
    private final IdTracker tickerSequences = new IdTracker();

    public CoinbaseProtocol(URI endpoint, SymbolTable symbols, VenueSymbols venueSymbols) {
        this.endpoint = endpoint;
        this.symbols = symbols;
        this.venueSymbols = venueSymbols;
    }

    @Override
    public String venue() {
        return "coinbase";
    }

    @Override
    public URI endpoint() {
        return endpoint;
    }

    @Override
    public List<String> subscribeMessages() {
        ObjectNode request = JsonFields.MAPPER.createObjectNode();
        request.put("type", "subscribe");
        ArrayNode products = request.putArray("product_ids");
        venueSymbols.venueSymbols().forEach(products::add);
        ArrayNode channels = request.putArray("channels");
        channels.add("matches");
        channels.add("ticker");
        channels.add("heartbeat");
        return List.of(request.toString());
    }

    @Override
    public void onMessage(String text, long receivedAt, MarketDataSink sink) {
        try {
            decode(text, sink);
        } catch (BadInputException e) {
            sink.onRejected(e.reason(), venue(), e.getMessage() + " in " + BinanceProtocol.abbreviate(text));
        }
    }

    private void decode(String text, MarketDataSink sink) throws BadInputException {
        JsonNode root;
        try {
            root = JsonFields.MAPPER.readTree(text);
        } catch (JacksonException e) {
            throw new BadInputException(RejectReason.MALFORMED, "not JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new BadInputException(RejectReason.MALFORMED, "not a JSON object");
        }
        String type = JsonFields.text(root, "type");
        switch (type == null ? "" : type) {
            case "match", "last_match" -> match(root, sink);
            case "ticker" -> ticker(root, sink);
            case "heartbeat", "subscriptions" -> {
            }
            case "error" -> {
                LOG.log(System.Logger.Level.WARNING, "Coinbase reported an error: {0} {1}", JsonFields.text(root, "message"),
                        JsonFields.text(root, "reason"));
                throw new BadInputException(RejectReason.UNKNOWN_TYPE, "error message");
            }
            default -> throw new BadInputException(RejectReason.UNKNOWN_TYPE, "unknown type '" + type + "'");
        }
    }

    private InstrumentScale instrument(JsonNode root) throws BadInputException {
        String product = JsonFields.text(root, "product_id");
        String symbol = venueSymbols.internal(product);
        if (symbol == null) {
            throw new BadInputException(product == null ? RejectReason.MALFORMED : RejectReason.UNKNOWN_SYMBOL,
                    "product '" + product + "' is not configured");
        }
        return UpdateFields.instrument(symbols, symbol);
    }

    private void match(JsonNode root, MarketDataSink sink) throws BadInputException {
        InstrumentScale scale = instrument(root);
        long price = UpdateFields.price(scale, JsonFields.text(root, "price"), "price");
        long qty = UpdateFields.quantity(scale, JsonFields.text(root, "size"), "size");
        TakerSide makerSide = UpdateFields.side(JsonFields.text(root, "side"));
        long tradeId = BinanceProtocol.requiredId(root, "trade_id");
        long sequence = BinanceProtocol.requiredId(root, "sequence");
        long time = UpdateFields.epochMillis(JsonFields.text(root, "time"));
        if (matchSequences.check(scale.symbol(), sequence, false) == IdTracker.Verdict.STALE) {
            throw new BadInputException(RejectReason.STALE_SEQUENCE, "match sequence " + sequence + " is not newer");
        }
        switch (tradeIds.check(scale.symbol(), tradeId, true)) {
            case STALE -> throw new BadInputException(RejectReason.STALE_SEQUENCE, "trade id " + tradeId + " already seen");
            case GAP -> sink.onGap(new FeedGap(venue(), scale.symbol(), "trade_id", tradeIds.expected(), tradeId, time));
            case IN_ORDER -> {
            }
        }
        sink.onUpdate(new TradeReported(scale.symbol(), price, qty,
                makerSide == TakerSide.BUY ? TakerSide.SELL : TakerSide.BUY, venue(), tradeId, sequence, time));
    }

    private void ticker(JsonNode root, MarketDataSink sink) throws BadInputException {
        InstrumentScale scale = instrument(root);
        long bid = UpdateFields.price(scale, JsonFields.text(root, "best_bid"), "best_bid");
        long bidSize = UpdateFields.size(scale, JsonFields.text(root, "best_bid_size"), "best_bid_size");
        long ask = UpdateFields.price(scale, JsonFields.text(root, "best_ask"), "best_ask");
        long askSize = UpdateFields.size(scale, JsonFields.text(root, "best_ask_size"), "best_ask_size");
        UpdateFields.checkQuote(bid, ask);
        long sequence = BinanceProtocol.requiredId(root, "sequence");
        long time = UpdateFields.epochMillis(JsonFields.text(root, "time"));
        if (tickerSequences.check(scale.symbol(), sequence, false) == IdTracker.Verdict.STALE) {
            throw new BadInputException(RejectReason.STALE_SEQUENCE, "ticker sequence " + sequence + " is not newer");
        }
        sink.onUpdate(new QuoteUpdated(scale.symbol(), bid, bidSize, ask, askSize, venue(), sequence, time));
    }
}
