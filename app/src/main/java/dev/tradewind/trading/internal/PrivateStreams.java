package dev.tradewind.trading.internal;

import dev.tradewind.engine.event.EngineEvent;
import dev.tradewind.engine.sequencer.Subscription;
import dev.tradewind.streams.StreamPublisher;
import dev.tradewind.trading.TradingAccounts;
import dev.tradewind.trading.TradingEngine;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Attaches the {@link PrivateChannelFeed} to the engine once trading runs (live: the WebSocket channels
 * carry changes from now on; subscribers get the current state as their snapshot) and detaches it
 * before the engine stops. Its buffer is the engine's per-consumer buffer
 * ({@code tradewind.engine.consumer-buffer}): when it overflows, the subscription catches up from the
 * journal by itself. If the subscription fails for good, a new feed re-sends every user's orders and
 * balances and attaches again, retrying every {@value #RETRY_SECONDS} s until that works.
 */
@Component
class PrivateStreams implements SmartLifecycle {
    static final String CONSUMER = "private-channels";
    private static final long RETRY_SECONDS = 1;
    private static final Logger log = LoggerFactory.getLogger(PrivateStreams.class);

    private final TradingEngine engine;
    private final TradingAccounts accounts;
    private final StreamPublisher publisher;
    private final PrivateViews views;
    private volatile Subscription<EngineEvent> subscription;
    private volatile ScheduledExecutorService retries;

    PrivateStreams(TradingEngine engine, TradingAccounts accounts, StreamPublisher publisher) {
        this.engine = engine;
        this.accounts = accounts;
        this.publisher = publisher;
        this.views = new PrivateViews(new EngineCatalogCache(engine));
    }

    @Override
    public void start() {
        retries = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("tradewind-private-channels-retry").daemon(true).factory());
        attach(false);
    }

    private void attach(boolean resend) {
        PrivateChannelFeed feed = new PrivateChannelFeed(engine, accounts, publisher, views, this::reattachLater);
        long after = feed.prepare(resend);
        subscription = engine.attach(CONSUMER, feed, after);
    }

    /** Called on the failed subscription's thread, which ends right after. */
    private void reattachLater() {
        ScheduledExecutorService executor = retries;
        if (executor == null || !isRunning()) {
            return;
        }
        executor.schedule(() -> {
            if (!isRunning()) {
                return;
            }
            try {
                attach(true);
                log.info("Private channels re-attached to the engine");
            } catch (RuntimeException e) {
                log.error("Private channels could not re-attach to the engine; retrying", e);
                reattachLater();
            }
        }, RETRY_SECONDS, TimeUnit.SECONDS);
    }

    @Override
    public void stop() {
        ScheduledExecutorService executor = retries;
        retries = null;
        if (executor != null) {
            executor.shutdownNow();
        }
        Subscription<EngineEvent> running = subscription;
        subscription = null;
        if (running != null) {
            running.close();
        }
    }

    @Override
    public boolean isRunning() {
        return retries != null;
    }

    /** After {@code TradingStartup} (reference data synchronized), and stopped before it and the engine. */
    @Override
    public int getPhase() {
        return TradingEngine.PHASE + 1025;
    }
}
