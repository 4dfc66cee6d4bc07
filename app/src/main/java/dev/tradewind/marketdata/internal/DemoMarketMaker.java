package dev.tradewind.marketdata.internal;

import dev.tradewind.engine.command.CancelOrder;
import dev.tradewind.engine.command.Command;
import dev.tradewind.engine.command.PlaceOrder;
import dev.tradewind.engine.instrument.Instrument;
import dev.tradewind.engine.order.Side;
import dev.tradewind.engine.order.TimeInForce;
import dev.tradewind.engine.query.MarketSnapshot;
import dev.tradewind.engine.result.OrderSnapshot;
import dev.tradewind.engine.result.RejectCode;
import dev.tradewind.engine.result.Result;
import dev.tradewind.identity.DemoUserProvisioned;
import dev.tradewind.identity.User;
import dev.tradewind.identity.UserDirectory;
import dev.tradewind.marketdata.MarketDataProperties;
import dev.tradewind.trading.TradingAccounts;
import dev.tradewind.trading.TradingEngine;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Demo liquidity ({@code tradewind.demo=true}): a market maker with its own user and engine account
 * quotes {@code levels} price levels on each side of every instrument around the engine's reference
 * price, real orders through the engine, so a person can trade right after {@code ./tradewind up}.
 *
 * <ul>
 *   <li>Its user {@code market-maker@tradewind.local} is registered through the public registration
 *       endpoint on this server (identity publishes no port to create system users) with a random
 *       password nobody keeps; it is funded PostgreSQL-first by the ledger's demo funding, asked for
 *       with {@link DemoUserProvisioned} (idempotent per user and asset, so once ever).
 *   <li>Bids at {@code reference × (1 − (spread + k·step) bps)} rounded down to the tick, asks rounded up
 *       above it: its own bids and asks never cross, so it never trades with itself. Sizes are
 *       {@code level-notional} worth on the lot grid (at least the instrument's minimum).
 *   <li>Every {@code interval} it checks each instrument and replaces all its quotes there (cancel, then
 *       place) when the reference moved {@code requote-bps} since they were placed or some were filled
 *       (replenishing); quotes the engine refuses (e.g. funds used up) are counted and logged once.
 *   <li>At start it cancels what a previous run left; at stop it cancels its open orders.
 * </ul>
 */
@Component
@ConditionalOnProperty(name = "tradewind.demo", havingValue = "true", matchIfMissing = true)
class DemoMarketMaker implements SmartLifecycle {
    static final String DISPLAY_NAME = "Demo Market Maker";
    private static final Logger log = LoggerFactory.getLogger(DemoMarketMaker.class);
    private static final Duration COMMAND_WAIT = Duration.ofSeconds(10);

    private final TradingEngine engine;
    private final MarketDataRuntime runtime;
    private final UserDirectory users;
    private final TradingAccounts accounts;
    private final ApplicationEventPublisher events;
    private final JsonMapper json;
    private final MarketDataProperties.MarketMaker settings;
    /** Engine instrument id → reference price the current quotes were placed around. */
    private final Map<Integer, Long> anchors = new HashMap<>();
    private final Set<RejectCode> refusalsLogged = EnumSet.noneOf(RejectCode.class);
    private volatile Thread thread;
    private volatile boolean running;
    private volatile long accountId = -1;
    private volatile long requotes;

    DemoMarketMaker(TradingEngine engine, MarketDataRuntime runtime, UserDirectory users, TradingAccounts accounts,
                    ApplicationEventPublisher events, JsonMapper json, MarketDataProperties properties) {
        this.engine = engine;
        this.runtime = runtime;
        this.users = users;
        this.accounts = accounts;
        this.events = events;
        this.json = json;
        this.settings = properties.marketMaker();
    }

    @EventListener
    void onReady(ApplicationReadyEvent ready) {
        if (!settings.enabled() || !(ready.getApplicationContext() instanceof WebServerApplicationContext web)
                || web.getWebServer() == null) {
            return;
        }
        int port = web.getWebServer().getPort();
        synchronized (this) {
            if (thread != null) {
                return;
            }
            running = true;
            thread = Thread.ofPlatform().name("demo-market-maker").daemon(true).start(() -> run(port));
        }
    }

    private void run(int port) {
        try {
            UUID userId = ensureUser(port);
            events.publishEvent(new DemoUserProvisioned(userId)); // the ledger funds it, once per asset
            accountId = accounts.accountOf(userId);
            cancelAll();
            log.info("Demo market maker quoting {} levels a side as {} (engine account {})", settings.levels(),
                    settings.email(), accountId);
        } catch (RuntimeException e) {
            log.error("The demo market maker could not start; the demo market has no liquidity", e);
            return;
        }
        long every = settings.interval().toMillis();
        while (running) {
            try {
                quoteOnce();
            } catch (RuntimeException e) {
                if (running) {
                    log.warn("Demo market maker: quoting failed; retrying in {} ms", every, e);
                }
            }
            try {
                TimeUnit.MILLISECONDS.sleep(every);
            } catch (InterruptedException e) {
                break;
            }
        }
    }

    private UUID ensureUser(int port) {
        Optional<User> existing = users.findByEmail(settings.email());
        if (existing.isPresent()) {
            return existing.get().id();
        }
        String body = json.writeValueAsString(Map.of("email", settings.email(), "password", randomPassword(),
                "displayName", DISPLAY_NAME));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/auth/register"))
                .timeout(COMMAND_WAIT).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 201 && response.statusCode() != 409) {
                throw new IllegalStateException("registering the market maker answered " + response.statusCode() + ": "
                        + response.body());
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot register the market maker on this server's port " + port, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while registering the market maker", e);
        }
        return users.findByEmail(settings.email()).orElseThrow(() -> new IllegalStateException(
                "the market maker " + settings.email() + " was registered but cannot be found")).id();
    }

    private static String randomPassword() {
        SecureRandom random = new SecureRandom();
        String alphabet = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        StringBuilder out = new StringBuilder("Mm9-");
        for (int i = 0; i < 28; i++) {
            out.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return out.toString();
    }

    /** One pass over every instrument: re-quote where the reference moved or quotes were filled. */
    void quoteOnce() {
        LiveMarket live = runtime.live().orElse(null);
        if (live == null || accountId < 0) {
            return;
        }
        long account = accountId;
        record State(Map<Integer, List<OrderSnapshot>> open, Map<Integer, MarketSnapshot> markets) {
        }
        List<Instrument> instruments = live.instruments();
        State state = engine.query(m -> new State(
                m.openOrders(account).stream().collect(Collectors.groupingBy(OrderSnapshot::instrumentId)),
                instruments.stream().map(i -> m.market(i.id()).orElse(null)).filter(s -> s != null)
                        .collect(Collectors.toMap(MarketSnapshot::instrumentId, s -> s))));
        for (Instrument instrument : instruments) {
            MarketSnapshot market = state.markets().get(instrument.id());
            if (market == null || !running) {
                continue;
            }
            long reference = market.referencePrice() > 0 ? market.referencePrice() : market.lastTradePrice();
            List<OrderSnapshot> open = state.open().getOrDefault(instrument.id(), List.of());
            Long anchor = anchors.get(instrument.id());
            boolean moved = anchor == null || Math.abs(reference - anchor) * 10_000.0 >= (double) anchor * settings.requoteBps();
            boolean filled = open.size() < 2 * settings.levels() || open.stream().anyMatch(o -> o.filledQuantity() > 0);
            if (reference <= 0 || market.status() != dev.tradewind.engine.instrument.InstrumentStatus.TRADING
                    || (!moved && !filled)) {
                continue;
            }
            requote(instrument, reference, open);
        }
    }

    private void requote(Instrument instrument, long reference, List<OrderSnapshot> open) {
        List<CompletableFuture<Result>> cancels = new ArrayList<>();
        for (OrderSnapshot order : open) {
            cancels.add(engine.submitAsync(new CancelOrder(accountId, order.orderId())));
        }
        awaitAll(cancels);
        List<Command> places = quotes(instrument, reference);
        List<CompletableFuture<Result>> placed = new ArrayList<>();
        for (Command command : places) {
            placed.add(engine.submitAsync(command));
        }
        for (Result result : awaitAll(placed)) {
            if (!result.accepted() && refusalsLogged.add(result.rejectCode())) {
                log.warn("Demo market maker: the engine refused a quote on {} with {} (logged once per code)",
                        instrument.symbol(), result.rejectCode());
            }
        }
        anchors.put(instrument.id(), reference);
        requotes++;
    }

    /** The quotes around {@code reference}: best levels first, alternating bid and ask. */
    List<Command> quotes(Instrument instrument, long reference) {
        BigDecimal tick = instrument.tickSize().toBigDecimal();
        BigDecimal lot = instrument.lotSize().toBigDecimal();
        List<Command> out = new ArrayList<>();
        for (int k = 0; k < settings.levels(); k++) {
            long bps = settings.spreadBps() + (long) k * settings.stepBps();
            long bid = Math.floorDiv(reference * (10_000 - bps), 10_000);
            long ask = -Math.floorDiv(-reference * (10_000 + bps), 10_000);
            if (bid >= reference) {
                bid = reference - 1 - k;
            }
            if (ask <= reference) {
                ask = reference + 1 + k;
            }
            if (bid > 0) {
                out.add(PlaceOrder.limit(accountId, instrument.id(), Side.BUY, TimeInForce.GTC, bid, lots(instrument, tick, lot, bid))
                        .withClientOrderId("mm-" + k + "-b"));
            }
            out.add(PlaceOrder.limit(accountId, instrument.id(), Side.SELL, TimeInForce.GTC, ask, lots(instrument, tick, lot, ask))
                    .withClientOrderId("mm-" + k + "-a"));
        }
        return out;
    }

    private long lots(Instrument instrument, BigDecimal tick, BigDecimal lot, long priceTicks) {
        BigDecimal lotValue = tick.multiply(BigDecimal.valueOf(priceTicks)).multiply(lot);
        long lots = settings.levelNotional().divide(lotValue, 0, RoundingMode.DOWN).longValue();
        return Math.max(Math.max(1, instrument.minQuantity()), lots);
    }

    private List<Result> awaitAll(List<CompletableFuture<Result>> futures) {
        List<Result> results = new ArrayList<>(futures.size());
        for (CompletableFuture<Result> future : futures) {
            try {
                results.add(future.get(COMMAND_WAIT.toMillis(), TimeUnit.MILLISECONDS));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running = false;
                return results;
            } catch (Exception e) {
                throw new IllegalStateException("the engine did not answer the market maker: " + e.getMessage(), e);
            }
        }
        return results;
    }

    private void cancelAll() {
        long account = accountId;
        if (account < 0) {
            return;
        }
        List<OrderSnapshot> open = engine.query(m -> m.openOrders(account));
        List<CompletableFuture<Result>> cancels = new ArrayList<>();
        for (OrderSnapshot order : open) {
            cancels.add(engine.submitAsync(new CancelOrder(account, order.orderId())));
        }
        awaitAll(cancels);
        anchors.clear();
    }

    long requotes() {
        return requotes;
    }

    long account() {
        return accountId;
    }

    @Override
    public void start() {
        // starts quoting on ApplicationReadyEvent, once the web server (its registration) is up
    }

    @Override
    public void stop() {
        Thread t;
        synchronized (this) {
            running = false;
            t = thread;
            thread = null;
        }
        if (t == null) {
            return;
        }
        t.interrupt();
        try {
            t.join(COMMAND_WAIT.toMillis());
            cancelAll();
            log.info("Demo market maker stopped; its quotes are cancelled");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.warn("Demo market maker: cancelling its quotes at stop failed; they are cancelled at the next start", e);
        }
    }

    @Override
    public boolean isRunning() {
        return thread != null;
    }

    /** Stops before market data and the engine. */
    @Override
    public int getPhase() {
        return MarketDataRuntime.PHASE + 256;
    }
}
