package dev.tradewind.marketdata.internal;

import dev.tradewind.engine.command.Command;
import dev.tradewind.engine.command.UpdateReferencePrice;
import dev.tradewind.engine.marketdata.UpdateKind;
import dev.tradewind.engine.marketdata.trigger.PriceTriggerListener;
import dev.tradewind.engine.result.Result;
import dev.tradewind.engine.sequencer.EngineErrorCode;
import dev.tradewind.engine.sequencer.EngineRejectedException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * The pipeline's {@link PriceTriggerListener}: sends reference prices to the engine as
 * {@code UpdateReferencePrice}, where they move the price band and trigger stop orders (stops watch
 * the engine's market price, the most recent of its last trade and this reference).
 *
 * <p>Coalesced per instrument so the journal is not flooded: a price is sent at once when it moved at
 * least {@code minMoveBps} since the last one sent, otherwise when {@code minInterval} has passed
 * ({@link #flushDue} sends what waits); at most one command per instrument is in flight, and the
 * latest price always gets there. Never blocks the pipeline thread: {@code submitAsync}, and a
 * command refused as {@code ENGINE_OVERLOADED} is dropped, counted and re-sent by a later flush.
 *
 * <p>Feed trades count as reference prices when {@code tradesAsReference} (venue feeds, which send no
 * reference ticks); the venue's own trades never do, since the engine already knows them.
 * Pipeline-thread methods: {@link #onPrice}, {@link #flushDue}, {@link #ownTrade}.
 */
final class ReferencePriceForwarder implements PriceTriggerListener {
    private final Function<Command, CompletableFuture<Result>> submit;
    private final int[] engineIds;
    private final long minIntervalNanos;
    private final int minMoveBps;
    private final boolean tradesAsReference;
    private final LongSupplier nanoClock;
    private final long[] sent;
    private final long[] sentAt;
    private final long[] pending;
    /** 1 while a command is in flight; 2 when it failed and the price must be sent again. */
    private final AtomicIntegerArray inFlight;
    private boolean ownTrade;

    final LongAdder submitted = new LongAdder();
    final LongAdder dropped = new LongAdder();
    final LongAdder refused = new LongAdder();

    ReferencePriceForwarder(Function<Command, CompletableFuture<Result>> submit, int[] engineIds, long minIntervalNanos,
                            int minMoveBps, boolean tradesAsReference, LongSupplier nanoClock) {
        this.submit = submit;
        this.engineIds = engineIds.clone();
        this.minIntervalNanos = minIntervalNanos;
        this.minMoveBps = minMoveBps;
        this.tradesAsReference = tradesAsReference;
        this.nanoClock = nanoClock;
        this.sent = new long[engineIds.length];
        this.sentAt = new long[engineIds.length];
        this.pending = new long[engineIds.length];
        this.inFlight = new AtomicIntegerArray(engineIds.length);
    }

    /** Marks the updates applied until the next call as the venue's own trades (not reference prices). */
    void ownTrade(boolean own) {
        this.ownTrade = own;
    }

    @Override
    public void onPrice(int instrument, long price, UpdateKind source, long eventTime) {
        if (source == UpdateKind.TRADE && (ownTrade || !tradesAsReference)) {
            return;
        }
        pending[instrument] = price;
        maybeSend(instrument, nanoClock.getAsLong());
    }

    /** Sends every waiting price that is due; call it about every {@code minInterval}. */
    void flushDue() {
        long now = nanoClock.getAsLong();
        for (int i = 0; i < pending.length; i++) {
            if (inFlight.compareAndSet(i, 2, 0) && pending[i] == 0) {
                pending[i] = sent[i]; // the last one sent was lost: send it again
                sent[i] = 0;
            }
            if (pending[i] != 0) {
                maybeSend(i, now);
            }
        }
    }

    private void maybeSend(int i, long now) {
        long price = pending[i];
        if (price == sent[i]) {
            pending[i] = 0;
            return;
        }
        if (inFlight.get(i) != 0) {
            return;
        }
        boolean due = sent[i] == 0 || now - sentAt[i] >= minIntervalNanos || movedEnough(sent[i], price);
        if (!due) {
            return;
        }
        pending[i] = 0;
        sent[i] = price;
        sentAt[i] = now;
        inFlight.set(i, 1);
        submitted.increment();
        CompletableFuture<Result> future;
        try {
            future = submit.apply(new UpdateReferencePrice(engineIds[i], price));
        } catch (RuntimeException e) {
            future = CompletableFuture.failedFuture(e);
        }
        future.whenComplete((result, error) -> {
            if (error != null) {
                Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
                dropped.increment();
                boolean retry = cause instanceof EngineRejectedException rejected
                        && rejected.code() == EngineErrorCode.ENGINE_OVERLOADED;
                inFlight.set(i, retry ? 2 : 0);
            } else {
                if (!result.accepted()) {
                    refused.increment();
                }
                inFlight.set(i, 0);
            }
        });
    }

    private boolean movedEnough(long from, long to) {
        long diff = Math.abs(to - from);
        // diff / from >= bps / 10_000, without overflow for realistic tick counts
        return Math.multiplyHigh(diff, 10_000L) == 0 && Math.multiplyHigh(from, minMoveBps) == 0
                ? diff * 10_000L >= from * minMoveBps
                : (double) diff * 10_000.0 >= (double) from * minMoveBps;
    }

    /** The last price handed to the engine for market-data instrument {@code i} (pipeline thread). */
    long lastSent(int i) {
        return sent[i];
    }
}
