package dev.tradewind.trading;

import dev.tradewind.engine.event.EngineEvent;
import dev.tradewind.engine.event.TradeExecuted;
import dev.tradewind.engine.sequencer.EventBatch;
import dev.tradewind.engine.sequencer.EventConsumer;
import dev.tradewind.engine.sequencer.Subscription;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/** Facts about the engine's whole history, regenerated from its journal through a fresh subscription. */
public final class EngineHistory {
    private EngineHistory() {
    }

    /** Number of trades the engine executed up to the sequence it has published now. */
    public static long tradeCount(TradingEngine engine) throws InterruptedException {
        long until = engine.publishedSequence();
        AtomicLong trades = new AtomicLong();
        CountDownLatch done = new CountDownLatch(1);
        Subscription<EngineEvent> subscription = engine.attach("test-history-" + System.nanoTime(),
                new EventConsumer<>() {
                    @Override
                    public void onBatch(EventBatch<EngineEvent> batch) {
                        for (int i = 0; i < batch.size(); i++) {
                            if (batch.event(i) instanceof TradeExecuted && batch.sequence(i) <= until) {
                                trades.incrementAndGet();
                            }
                        }
                        if (batch.lastSequence() >= until) {
                            done.countDown();
                        }
                    }
                }, 0);
        try {
            if (until > 0 && !done.await(60, TimeUnit.SECONDS)) {
                throw new AssertionError("replay of the engine history did not reach " + until);
            }
            return trades.get();
        } finally {
            subscription.close();
        }
    }
}
