package dev.tradewind.marketdata.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradewind.engine.command.Command;
import dev.tradewind.engine.command.UpdateReferencePrice;
import dev.tradewind.engine.marketdata.UpdateKind;
import dev.tradewind.engine.result.AdminResult;
import dev.tradewind.engine.result.Result;
import dev.tradewind.engine.sequencer.EngineErrorCode;
import dev.tradewind.engine.sequencer.EngineRejectedException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class ReferencePriceForwarderTest {
    private static final long MS = 1_000_000L;

    private final List<UpdateReferencePrice> sent = new ArrayList<>();
    private final List<CompletableFuture<Result>> futures = new ArrayList<>();
    private long now = 1_000 * MS;

    private ReferencePriceForwarder forwarder(boolean tradesAsReference) {
        return new ReferencePriceForwarder(this::submit, new int[]{7, 9}, 250 * MS, 10, tradesAsReference, () -> now);
    }

    private CompletableFuture<Result> submit(Command command) {
        sent.add((UpdateReferencePrice) command);
        CompletableFuture<Result> future = new CompletableFuture<>();
        futures.add(future);
        return future;
    }

    private void completeAll() {
        futures.forEach(f -> f.complete(accepted()));
        futures.clear();
    }

    private static Result accepted() {
        return new AdminResult(1, null, 0);
    }

    @Test
    void sendsTheFirstPriceAtOnceWithTheEngineId() {
        ReferencePriceForwarder f = forwarder(false);
        f.onPrice(1, 100_000, UpdateKind.REFERENCE, 0);
        assertThat(sent).containsExactly(new UpdateReferencePrice(9, 100_000));
    }

    @Test
    void coalescesSmallMovesUntilTheIntervalAndAlwaysDeliversTheLatest() {
        ReferencePriceForwarder f = forwarder(false);
        f.onPrice(0, 100_000, UpdateKind.REFERENCE, 0);
        completeAll();
        for (long p = 100_001; p <= 100_050; p++) { // 5 bps in all: below the 10 bps threshold
            now += MS;
            f.onPrice(0, p, UpdateKind.REFERENCE, 0);
        }
        assertThat(sent).hasSize(1);
        f.flushDue();
        assertThat(sent).hasSize(1); // 50 ms later: not due yet
        now += 250 * MS;
        f.flushDue();
        assertThat(sent).containsExactly(new UpdateReferencePrice(7, 100_000), new UpdateReferencePrice(7, 100_050));
        completeAll();
        now += 1_000 * MS;
        f.flushDue();
        assertThat(sent).hasSize(2); // nothing new waits
    }

    @Test
    void aLargeMoveGoesAtOnceButNeverTwoInFlight() {
        ReferencePriceForwarder f = forwarder(false);
        f.onPrice(0, 100_000, UpdateKind.REFERENCE, 0);
        f.onPrice(0, 101_000, UpdateKind.REFERENCE, 0); // 100 bps, but the first is still in flight
        f.onPrice(0, 102_000, UpdateKind.REFERENCE, 0);
        assertThat(sent).hasSize(1);
        completeAll();
        f.onPrice(0, 103_000, UpdateKind.REFERENCE, 0);
        assertThat(sent).extracting(UpdateReferencePrice::price).containsExactly(100_000L, 103_000L);
    }

    @Test
    void ownTradesNeverAndFeedTradesOnlyForVenueFeedsAreReferencePrices() {
        ReferencePriceForwarder synthetic = forwarder(false);
        synthetic.onPrice(0, 100_000, UpdateKind.TRADE, 0);
        assertThat(sent).isEmpty();

        ReferencePriceForwarder venue = forwarder(true);
        venue.ownTrade(true);
        venue.onPrice(0, 100_000, UpdateKind.TRADE, 0);
        assertThat(sent).isEmpty();
        venue.ownTrade(false);
        venue.onPrice(0, 100_000, UpdateKind.TRADE, 0);
        assertThat(sent).containsExactly(new UpdateReferencePrice(7, 100_000));
    }

    @Test
    void anOverloadedEngineDropsAndCountsAndTheFlushSendsItAgain() {
        ReferencePriceForwarder f = forwarder(false);
        f.onPrice(0, 100_000, UpdateKind.REFERENCE, 0);
        futures.getFirst().completeExceptionally(new EngineRejectedException(EngineErrorCode.ENGINE_OVERLOADED, "full"));
        futures.clear();
        assertThat(f.dropped.sum()).isEqualTo(1);
        f.flushDue();
        assertThat(sent).extracting(UpdateReferencePrice::price).containsExactly(100_000L, 100_000L);
    }

    @Test
    void aThrowingSubmitNeverReachesThePipelineThread() {
        ReferencePriceForwarder f = new ReferencePriceForwarder(c -> {
            throw new IllegalStateException("engine not started");
        }, new int[]{0}, 250 * MS, 10, false, () -> now);
        f.onPrice(0, 100_000, UpdateKind.REFERENCE, 0);
        assertThat(f.dropped.sum()).isEqualTo(1);
    }
}
