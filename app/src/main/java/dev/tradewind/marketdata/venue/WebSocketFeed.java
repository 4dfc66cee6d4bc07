package dev.tradewind.marketdata.venue;

import dev.tradewind.engine.marketdata.MarketUpdate;
import dev.tradewind.engine.marketdata.RejectReason;
import dev.tradewind.engine.marketdata.feed.FeedGap;
import dev.tradewind.engine.marketdata.feed.FeedStatusChanged;
import dev.tradewind.engine.marketdata.feed.FeedStatusChanged.FeedStatus;
import dev.tradewind.engine.marketdata.feed.MarketDataFeed;
import dev.tradewind.engine.marketdata.feed.MarketDataSink;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.random.RandomGenerator;

/**
 * A venue WebSocket feed ({@code java.net.http} client) that keeps itself connected:
 * <ul>
 *   <li>subscribes with the {@link VenueProtocol}'s messages after every connect;
 *   <li>reconnects after a close, an error or a failed connect with {@link ReconnectBackoff}
 *       (exponential, jittered, capped; reset once a connection delivers data);
 *   <li>treats an open connection without any message for {@code staleAfter} as dead (a silent
 *       half-open TCP connection never errors by itself): reports {@code STALE}, aborts, reconnects;
 *   <li>pings every {@code pingInterval} so idle proxies keep the connection (pongs are not taken
 *       as liveness: only data is);
 *   <li>passes gaps the protocol detects on (and counts them).
 * </ul>
 * Callbacks of an old connection are ignored once a newer one was started (generation counter).
 */
public final class WebSocketFeed implements MarketDataFeed {
    private static final System.Logger LOG = System.getLogger(WebSocketFeed.class.getName());

    private final VenueProtocol protocol;
    private final WebSocketFeedSettings settings;
    private final HttpClient client;
    private final LongSupplier wallClock;
    private final ReconnectBackoff backoff;
    private final AtomicLong connects = new AtomicLong();
    private final AtomicLong reconnects = new AtomicLong();
    private final AtomicLong staleReconnects = new AtomicLong();
    private final AtomicLong messages = new AtomicLong();
    private final AtomicLong gaps = new AtomicLong();
    private final AtomicLong decodeFailures = new AtomicLong();

    private ScheduledExecutorService scheduler;
    private volatile MarketDataSink sink;
    private volatile boolean stopped;
    /** Guarded by this. */
    private long generation;
    private WebSocket current;
    private boolean reconnectPending;
    private volatile long lastMessageNanos;
    private volatile boolean dataSinceConnect;

    public WebSocketFeed(VenueProtocol protocol, WebSocketFeedSettings settings, HttpClient client,
                         LongSupplier wallClock, RandomGenerator jitter) {
        this.protocol = protocol;
        this.settings = settings;
        this.client = client;
        this.wallClock = wallClock;
        this.backoff = new ReconnectBackoff(settings.initialBackoff(), settings.maxBackoff(), jitter);
    }

    /** A feed with a fresh HTTP client, the system clock and random jitter. */
    public static WebSocketFeed of(VenueProtocol protocol, WebSocketFeedSettings settings) {
        return new WebSocketFeed(protocol, settings, HttpClient.newHttpClient(), System::currentTimeMillis,
                RandomGenerator.getDefault());
    }

    @Override
    public String name() {
        return protocol.venue();
    }

    @Override
    public synchronized void start(MarketDataSink target) {
        if (scheduler != null) {
            throw new IllegalStateException(name() + " feed already started");
        }
        this.sink = new CountingSink(target);
        this.scheduler = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("marketdata-" + name()).daemon().factory());
        long checkMillis = Math.max(10, Math.min(settings.staleAfter().toMillis(), settings.pingInterval().toMillis()) / 4);
        scheduler.scheduleAtFixedRate(this::watchdog, checkMillis, checkMillis, TimeUnit.MILLISECONDS);
        scheduler.execute(this::connect);
    }

    private void connect() {
        long gen;
        synchronized (this) {
            if (stopped) {
                return;
            }
            reconnectPending = false;
            gen = ++generation;
        }
        status(FeedStatus.CONNECTING, protocol.endpoint().toString());
        client.newWebSocketBuilder()
                .connectTimeout(settings.connectTimeout())
                .buildAsync(protocol.endpoint(), new Listener(gen))
                .whenComplete((ws, error) -> {
                    if (error != null) {
                        onDisconnected(gen, "connect failed: " + rootMessage(error));
                    } else {
                        onOpen(gen, ws);
                    }
                });
    }

    private void onOpen(long gen, WebSocket ws) {
        synchronized (this) {
            if (gen != generation || stopped) {
                ws.abort();
                return;
            }
            current = ws;
            lastMessageNanos = System.nanoTime();
            dataSinceConnect = false;
        }
        connects.incrementAndGet();
        status(FeedStatus.CONNECTED, protocol.endpoint().toString());
        CompletableFuture<WebSocket> chain = CompletableFuture.completedFuture(ws);
        for (String message : protocol.subscribeMessages()) {
            chain = chain.thenCompose(w -> w.sendText(message, true));
        }
        chain.whenComplete((w, error) -> {
            if (error != null) {
                onDisconnected(gen, "subscribe failed: " + rootMessage(error));
            }
        });
    }

    private void onDisconnected(long gen, String why) {
        WebSocket ws;
        synchronized (this) {
            if (gen != generation || stopped || reconnectPending) {
                return;
            }
            ws = current;
            current = null;
            reconnectPending = true;
            generation++; // late callbacks of this connection are ignored from now on
        }
        if (ws != null) {
            ws.abort();
        }
        status(FeedStatus.DISCONNECTED, why);
        long delay = backoff.nextDelayMillis();
        reconnects.incrementAndGet();
        LOG.log(System.Logger.Level.INFO, "{0} feed {1}; reconnecting in {2} ms (attempt {3})", name(), why,
                String.valueOf(delay), String.valueOf(backoff.attempts()));
        try {
            scheduler.schedule(this::connect, delay, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            if (!stopped) {
                throw e;
            }
        }
    }

    private void watchdog() {
        WebSocket ws;
        long gen;
        synchronized (this) {
            ws = current;
            gen = generation;
        }
        if (ws == null || stopped) {
            return;
        }
        long silentNanos = System.nanoTime() - lastMessageNanos;
        if (silentNanos > settings.staleAfter().toNanos()) {
            staleReconnects.incrementAndGet();
            String why = "no message for " + TimeUnit.NANOSECONDS.toMillis(silentNanos) + " ms";
            status(FeedStatus.STALE, why);
            onDisconnected(gen, why);
        } else if (silentNanos > settings.pingInterval().toNanos()) {
            ws.sendPing(ByteBuffer.allocate(0));
        }
    }

    private final class Listener implements WebSocket.Listener {
        private final long gen;
        private final StringBuilder text = new StringBuilder();

        Listener(long gen) {
            this.gen = gen;
        }

        @Override
        public void onOpen(WebSocket webSocket) {
            webSocket.request(1);
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                String message = text.toString();
                text.setLength(0);
                handle(gen, message);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            onDisconnected(gen, "closed by the server (" + statusCode + (reason.isEmpty() ? "" : " " + reason) + ")");
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            onDisconnected(gen, "error: " + rootMessage(error));
        }
    }

    private void handle(long gen, String message) {
        // the protocol lock also orders deliveries against stop(): nothing is delivered after it returns
        synchronized (protocol) {
            synchronized (this) {
                if (gen != generation || stopped) {
                    return;
                }
            }
            lastMessageNanos = System.nanoTime();
            messages.incrementAndGet();
            if (!dataSinceConnect) {
                dataSinceConnect = true;
                backoff.reset();
            }
            try {
                protocol.onMessage(message, wallClock.getAsLong(), sink);
            } catch (RuntimeException e) {
                decodeFailures.incrementAndGet();
                LOG.log(System.Logger.Level.ERROR, "Decoding a " + name() + " message failed; it is skipped: "
                        + (message.length() > 300 ? message.substring(0, 300) + "…" : message), e);
            }
        }
    }

    private void status(FeedStatus status, String detail) {
        sink.onStatus(new FeedStatusChanged(name(), status, detail, wallClock.getAsLong()));
    }

    private static String rootMessage(Throwable error) {
        Throwable t = error;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
    }

    public FeedStats stats() {
        boolean connected;
        synchronized (this) {
            connected = current != null;
        }
        return new FeedStats(connects.get(), reconnects.get(), staleReconnects.get(), messages.get(), gaps.get(),
                decodeFailures.get(), connected);
    }

    @Override
    public void stop() {
        WebSocket ws;
        ScheduledExecutorService s;
        synchronized (this) {
            if (stopped) {
                return;
            }
            stopped = true;
            generation++;
            ws = current;
            current = null;
            s = scheduler;
        }
        if (ws != null) {
            ws.sendClose(WebSocket.NORMAL_CLOSURE, "bye").orTimeout(1, TimeUnit.SECONDS)
                    .whenComplete((w, e) -> ws.abort());
        }
        synchronized (protocol) {
            // waits for a delivery in progress; later ones see stopped
        }
        if (s != null) {
            s.shutdownNow();
            status(FeedStatus.STOPPED, "");
        }
    }

    /** Counts gaps on their way to the real sink. */
    private final class CountingSink implements MarketDataSink {
        private final MarketDataSink target;

        CountingSink(MarketDataSink target) {
            this.target = target;
        }

        @Override
        public void onUpdate(MarketUpdate update) {
            target.onUpdate(update);
        }

        @Override
        public void onRejected(RejectReason reason, String source, Object detail) {
            target.onRejected(reason, source, detail);
        }

        @Override
        public void onGap(FeedGap gap) {
            gaps.incrementAndGet();
            target.onGap(gap);
        }

        @Override
        public void onStatus(FeedStatusChanged status) {
            target.onStatus(status);
        }
    }
}
