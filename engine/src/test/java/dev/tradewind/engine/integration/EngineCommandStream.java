package dev.tradewind.engine.integration;

import dev.tradewind.engine.command.AddAsset;
import dev.tradewind.engine.command.AddInstrument;
import dev.tradewind.engine.command.AdjustBalance;
import dev.tradewind.engine.command.CancelOrder;
import dev.tradewind.engine.command.Command;
import dev.tradewind.engine.command.ConfigureFeeTier;
import dev.tradewind.engine.command.ConfigureRiskLimits;
import dev.tradewind.engine.command.ConfirmWithdrawal;
import dev.tradewind.engine.command.CreditDeposit;
import dev.tradewind.engine.command.HoldWithdrawal;
import dev.tradewind.engine.command.PlaceOrder;
import dev.tradewind.engine.command.ReleaseWithdrawal;
import dev.tradewind.engine.command.ReplaceOrder;
import dev.tradewind.engine.command.SetAccountFeeTier;
import dev.tradewind.engine.command.SetInstrumentStatus;
import dev.tradewind.engine.command.UpdateReferencePrice;
import dev.tradewind.engine.core.MatchingEngine;
import dev.tradewind.engine.event.EngineEvent;
import dev.tradewind.engine.instrument.Increment;
import dev.tradewind.engine.instrument.InstrumentStatus;
import dev.tradewind.engine.order.OrderType;
import dev.tradewind.engine.order.Side;
import dev.tradewind.engine.order.TimeInForce;
import dev.tradewind.engine.result.OrderSnapshot;
import dev.tradewind.engine.result.Result;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * A seeded, realistic command stream for the real engine: assets, instruments, fee tiers, risk
 * limits and deposits first, then limit/market/stop orders in every time in force, cancels and
 * replaces of orders that are really open, reference-price updates, halts, fee-tier changes and
 * idempotent money commands (repeated references included), with a little invalid input.
 *
 * <p>The stream depends only on the seed: it drives a shadow engine of its own (sequence {@code i},
 * constant timestamp {@link #TIMESTAMP}) to pick open orders, so a producer can submit command
 * {@code i} without waiting for the result of {@code i - 1}, and {@link #stateHashAfter} reproduces the
 * state of any prefix for comparison with a recovered engine.
 */
final class EngineCommandStream {
    /** Every command of the stream is applied at this timestamp (the sequencer's clock in the tests). */
    static final long TIMESTAMP = 1_700_000_000_000_000_000L;
    private static final int ACCOUNTS = 16;
    private static final int ASSETS = 3;

    private final SplittableRandom random;
    private final MatchingEngine shadow = new MatchingEngine();
    private final Consumer<EngineEvent> discard = event -> { };
    private final List<Command> setup = new ArrayList<>();
    private final List<Long> orderIds = new ArrayList<>();
    private final List<String> references = new ArrayList<>();
    private final List<String> holds = new ArrayList<>();
    private final long[] mid = {20_000, 500};
    private long sequence;
    private int nextReference;
    private int haltedFor;
    private int haltedInstrument;

    EngineCommandStream(long seed) {
        this.random = new SplittableRandom(seed);
        setup.add(new AddAsset("USD", 4));
        setup.add(new AddAsset("BTC", 8));
        setup.add(new AddAsset("ETH", 6));
        // BTC-USD: tick 0.5 USD, lot 0.001 BTC. ETH-BTC: tick 0.00001 BTC, lot 0.01 ETH.
        setup.add(new AddInstrument("BTC-USD", 1, 0, new Increment(5, 1), new Increment(1, 3), 1));
        setup.add(new AddInstrument("ETH-BTC", 2, 1, new Increment(1, 5), new Increment(1, 2), 1));
        setup.add(new ConfigureFeeTier(1, 10, 20));
        setup.add(new ConfigureFeeTier(2, 0, 40));
        setup.add(new ConfigureRiskLimits(0, 2_000, 500, 0));
        setup.add(new UpdateReferencePrice(0, mid[0]));
        setup.add(new UpdateReferencePrice(1, mid[1]));
        for (long account = 1; account <= ACCOUNTS; account++) {
            setup.add(new SetAccountFeeTier(account, random.nextInt(3)));
            setup.add(credit(account, 0, account > ACCOUNTS - 3 ? random.nextLong(1, 300_000) : random.nextLong(1, 400_000_000)));
            setup.add(credit(account, 1, random.nextLong(1, 60_000_000)));
            setup.add(credit(account, 2, random.nextLong(1, 80_000_000)));
        }
    }

    /** State hash of the engine after the first {@code commands} commands of the seed's stream. */
    static long stateHashAfter(long seed, long commands) {
        EngineCommandStream stream = new EngineCommandStream(seed);
        for (long i = 0; i < commands; i++) {
            stream.next();
        }
        return stream.shadow.stateHash();
    }

    /** The next command; it is applied to the shadow engine before it is returned. */
    Command next() {
        Command command = sequence < setup.size() ? setup.get((int) sequence) : generate();
        sequence++;
        Result result = shadow.apply(sequence, TIMESTAMP, command, discard);
        if (command instanceof PlaceOrder && result.accepted() && orderIds.size() < 2_000) {
            orderIds.add(sequence); // an order's id is the sequence of its PlaceOrder
        }
        if (command instanceof HoldWithdrawal h && result.accepted()) {
            holds.add(h.reference());
        }
        return command;
    }

    /** Commands generated so far (the sequence of the last one). */
    long generated() {
        return sequence;
    }

    /** State hash of the shadow engine after every command generated so far. */
    long stateHash() {
        return shadow.stateHash();
    }

    private Command generate() {
        if (haltedFor > 0 && --haltedFor == 0) {
            return new SetInstrumentStatus(haltedInstrument, InstrumentStatus.TRADING);
        }
        int roll = random.nextInt(1_000);
        if (roll < 420) {
            return place();
        }
        if (roll < 570) {
            return cancel();
        }
        if (roll < 800) {
            return replace();
        }
        if (roll < 880) {
            int instrument = random.nextInt(2);
            mid[instrument] = Math.max(60, mid[instrument] + random.nextInt(-6, 7));
            return new UpdateReferencePrice(instrument, mid[instrument]);
        }
        if (roll < 975) {
            return money();
        }
        if (roll < 980 && haltedFor == 0) {
            haltedInstrument = random.nextInt(2);
            haltedFor = random.nextInt(3, 30);
            return new SetInstrumentStatus(haltedInstrument, InstrumentStatus.HALTED);
        }
        if (roll < 990) {
            return new SetAccountFeeTier(account(), random.nextInt(4)); // tier 3 does not exist: rejected
        }
        if (roll < 995) {
            return new ConfigureFeeTier(random.nextInt(1, 3), random.nextInt(0, 30), random.nextInt(0, 60));
        }
        return new ConfigureRiskLimits(random.nextInt(2), random.nextBoolean() ? 0 : random.nextInt(300, 3_000),
                random.nextBoolean() ? 0 : random.nextLong(50, 1_000), 0);
    }

    private long account() {
        return random.nextLong(1, ACCOUNTS + 1);
    }

    private Command place() {
        int instrument = random.nextInt(2);
        Side side = random.nextBoolean() ? Side.BUY : Side.SELL;
        int typeRoll = random.nextInt(100);
        OrderType type = typeRoll < 72 ? OrderType.LIMIT : typeRoll < 84 ? OrderType.MARKET
                : typeRoll < 93 ? OrderType.STOP_LIMIT : OrderType.STOP_MARKET;
        int tifRoll = random.nextInt(100);
        TimeInForce tif;
        if (type == OrderType.MARKET || type == OrderType.STOP_MARKET) {
            tif = tifRoll < 75 ? TimeInForce.IOC : TimeInForce.FOK;
        } else {
            tif = tifRoll < 70 ? TimeInForce.GTC : tifRoll < 80 ? TimeInForce.IOC : tifRoll < 90 ? TimeInForce.FOK
                    : TimeInForce.POST_ONLY;
        }
        long m = mid[instrument];
        long offset = random.nextInt(-5, 25); // mostly passive, sometimes through the spread
        long price = type.isPriced() ? Math.max(1, side == Side.BUY ? m - offset : m + offset) : 0;
        long stop = type.isStop() ? Math.max(1, side == Side.BUY ? m + random.nextInt(-2, 10) : m - random.nextInt(-2, 10)) : 0;
        long quantity = random.nextInt(50) == 0 ? 0 : random.nextLong(1, 30); // 0: invalid, rejected
        String clientOrderId = random.nextInt(8) == 0 ? "c" + random.nextInt(10_000) : null;
        return new PlaceOrder(account(), instrument, side, type, tif, price, stop, quantity, clientOrderId);
    }

    /** An open order of the shadow engine, mostly; sometimes a closed or unknown one. */
    private Optional<OrderSnapshot> someOpenOrder() {
        for (int attempt = 0; attempt < 10 && !orderIds.isEmpty(); attempt++) {
            int index = random.nextInt(orderIds.size());
            Optional<OrderSnapshot> order = shadow.order(orderIds.get(index));
            if (order.isPresent() && order.get().status().isOpen()) {
                return order;
            }
            orderIds.set(index, orderIds.getLast());
            orderIds.removeLast();
        }
        return Optional.empty();
    }

    private Command cancel() {
        Optional<OrderSnapshot> order = random.nextInt(25) == 0 ? Optional.empty() : someOpenOrder();
        return order.<Command>map(o -> new CancelOrder(o.accountId(), o.orderId()))
                .orElseGet(() -> new CancelOrder(account(), random.nextLong(1, sequence + 10)));
    }

    private Command replace() {
        Optional<OrderSnapshot> found = random.nextInt(25) == 0 ? Optional.empty() : someOpenOrder();
        if (found.isEmpty()) {
            return new ReplaceOrder(account(), random.nextLong(1, sequence + 10), mid[0], 0);
        }
        OrderSnapshot o = found.get();
        int kind = random.nextInt(3);
        long remaining = o.quantity() - o.filledQuantity();
        if (kind == 0 && remaining > 1) { // quantity down: keeps priority
            return new ReplaceOrder(o.accountId(), o.orderId(), 0, o.quantity() - random.nextLong(1, remaining));
        }
        if (kind == 1) { // quantity up: loses priority
            return new ReplaceOrder(o.accountId(), o.orderId(), 0, o.quantity() + random.nextLong(1, 10));
        }
        long base = o.price() > 0 ? o.price() : mid[o.instrumentId()];
        return new ReplaceOrder(o.accountId(), o.orderId(), Math.max(1, base + random.nextInt(-8, 9)), 0);
    }

    private CreditDeposit credit(long account, int asset, long amount) {
        String reference = "d" + nextReference++;
        references.add(reference);
        return new CreditDeposit(reference, account, asset, amount);
    }

    private Command money() {
        int roll = random.nextInt(100);
        int asset = random.nextInt(ASSETS);
        if (roll < 30) {
            return credit(account(), asset, random.nextLong(1, 5_000_000));
        }
        if (roll < 40) { // a repeated reference: replayed when identical, else a conflict
            return new CreditDeposit(references.get(random.nextInt(references.size())), account(), asset, random.nextLong(1, 3));
        }
        if (roll < 60) {
            String reference = "h" + nextReference++;
            references.add(reference);
            return new HoldWithdrawal(reference, account(), asset, random.nextLong(1, 2_000_000));
        }
        if (roll < 80 && !holds.isEmpty()) {
            String reference = holds.get(random.nextInt(holds.size()));
            return random.nextBoolean() ? new ConfirmWithdrawal(reference) : new ReleaseWithdrawal(reference);
        }
        String reference = "a" + nextReference++;
        references.add(reference);
        return new AdjustBalance(reference, account(), asset, random.nextLong(-500_000, 2_000_000));
    }
}
