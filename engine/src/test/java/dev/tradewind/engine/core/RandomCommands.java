package dev.tradewind.engine.core;

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
import dev.tradewind.engine.instrument.Increment;
import dev.tradewind.engine.instrument.InstrumentStatus;
import dev.tradewind.engine.order.OrderType;
import dev.tradewind.engine.order.Side;
import dev.tradewind.engine.order.TimeInForce;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A seeded stream of commands that exercises every order type, time in force, cancel/replace,
 * self-trades (few accounts), stops, price bands, halts, fee tiers and idempotent money commands,
 * with a sprinkle of invalid input. Two markets with different unit multipliers:
 * BTC-USD (USD scale 4, tick 0.5, lot 0.001: 5 quote units per tick·lot, 10^5 sat per lot) and
 * ETH-BTC (tick 0.00001 BTC, lot 0.01 ETH: 10 sat per tick·lot, 10^4 ETH units per lot).
 */
final class RandomCommands {
    static final int ACCOUNTS = 24;
    static final int ASSETS = 3;

    private final SplittableRandom random;
    private final long[] mid = {2_000, 500};
    private final List<Long> orderIds = new ArrayList<>();
    private final List<String> references = new ArrayList<>();
    private final List<String> holdReferences = new ArrayList<>();
    private int nextReference;
    private int haltedFor = -1;
    private int haltedMarket;

    RandomCommands(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** Commands that set the scene: assets, instruments, tiers, funded accounts. */
    List<Command> setup() {
        List<Command> out = new ArrayList<>();
        out.add(new AddAsset("USD", 4));
        out.add(new AddAsset("BTC", 8));
        out.add(new AddAsset("ETH", 6));
        out.add(new AddInstrument("BTC-USD", 1, 0, new Increment(5, 1), new Increment(1, 3), 1));
        out.add(new AddInstrument("ETH-BTC", 2, 1, new Increment(1, 5), new Increment(1, 2), 1));
        out.add(new ConfigureFeeTier(1, 10, 20));
        out.add(new ConfigureFeeTier(2, 0, 50));
        out.add(new ConfigureFeeTier(3, 25, 10));
        for (long account = 1; account <= ACCOUNTS; account++) {
            out.add(new SetAccountFeeTier(account, random.nextInt(4)));
            // The last accounts are poor, so market buys run out of quote and orders bounce.
            boolean poor = account > ACCOUNTS - 5;
            out.add(credit(account, 0, poor ? random.nextLong(1, 150_000) : random.nextLong(1, 40_000_000)));
            out.add(credit(account, 1, random.nextLong(1, 60_000_000)));
            out.add(credit(account, 2, random.nextLong(1, 8_000_000)));
        }
        return out;
    }

    private CreditDeposit credit(long account, int asset, long amount) {
        String reference = "r" + (nextReference++);
        references.add(reference);
        return new CreditDeposit(reference, account, asset, amount);
    }

    /** Tells the generator which order ids exist, so cancels and replaces mostly hit real orders. */
    void accepted(long orderId) {
        if (orderIds.size() < 4_000) {
            orderIds.add(orderId);
        } else {
            orderIds.set(random.nextInt(orderIds.size()), orderId);
        }
    }

    void held(String reference) {
        holdReferences.add(reference);
    }

    Command next() {
        if (haltedFor > 0 && --haltedFor == 0) {
            return new SetInstrumentStatus(haltedMarket, InstrumentStatus.TRADING);
        }
        int roll = random.nextInt(1_000);
        if (roll < 430) {
            return place();
        }
        if (roll < 600) {
            return cancel();
        }
        if (roll < 870) {
            return replace();
        }
        if (roll < 900) {
            int market = random.nextInt(2);
            mid[market] = Math.max(50, mid[market] + random.nextInt(-8, 9));
            return new UpdateReferencePrice(market, random.nextInt(50) == 0 ? -1 : mid[market]);
        }
        if (roll < 960) {
            return money();
        }
        if (roll < 963 && haltedFor <= 0) {
            haltedMarket = random.nextInt(2);
            haltedFor = random.nextInt(5, 40);
            return new SetInstrumentStatus(haltedMarket, InstrumentStatus.HALTED);
        }
        if (roll < 975) {
            return new SetAccountFeeTier(account(), random.nextInt(6));
        }
        if (roll < 980) {
            return new ConfigureFeeTier(random.nextInt(1, 5), random.nextInt(-1, 60), random.nextInt(0, 80));
        }
        if (roll < 990) {
            int market = random.nextInt(2);
            return new ConfigureRiskLimits(market, random.nextBoolean() ? 0 : random.nextInt(50, 800),
                    random.nextBoolean() ? 0 : random.nextLong(15, 60),
                    random.nextBoolean() ? 0 : random.nextLong(100_000, 5_000_000));
        }
        return place();
    }

    private long account() {
        return random.nextLong(1, ACCOUNTS + 1);
    }

    private Command place() {
        int market = random.nextInt(2);
        long account = random.nextInt(300) == 0 ? random.nextLong(-1, 1) : account();
        Side side = random.nextBoolean() ? Side.BUY : Side.SELL;
        int typeRoll = random.nextInt(100);
        OrderType type = typeRoll < 78 ? OrderType.LIMIT : typeRoll < 88 ? OrderType.MARKET
                : typeRoll < 95 ? OrderType.STOP_LIMIT : OrderType.STOP_MARKET;
        TimeInForce tif;
        int tifRoll = random.nextInt(100);
        if (type == OrderType.MARKET || type == OrderType.STOP_MARKET) {
            tif = tifRoll < 75 ? TimeInForce.IOC : tifRoll < 97 ? TimeInForce.FOK : TimeInForce.GTC;
        } else {
            tif = tifRoll < 70 ? TimeInForce.GTC : tifRoll < 80 ? TimeInForce.IOC : tifRoll < 90 ? TimeInForce.FOK : TimeInForce.POST_ONLY;
        }
        long m = mid[market];
        // Buys a little below mid and sells a little above, with overlap, so books build and cross.
        long offset = random.nextInt(-6, 16);
        long price = side == Side.BUY ? m - offset : m + offset;
        long stopPrice = side == Side.BUY ? m + random.nextInt(-3, 12) : m - random.nextInt(-3, 12);
        long quantity = random.nextInt(40) == 0 ? random.nextLong(-1, 1) : random.nextLong(1, 25);
        if (random.nextInt(500) == 0) {
            quantity = Long.MAX_VALUE / random.nextLong(1, 1_000);
        }
        if (random.nextInt(500) == 0) {
            price = Long.MAX_VALUE / random.nextLong(1, 1_000);
        }
        long orderPrice = type.isPriced() ? price : 0;
        long orderStop = type.isStop() ? stopPrice : 0;
        if (random.nextInt(200) == 0) {
            orderPrice = random.nextLong(-1, 3);
        }
        if (random.nextInt(200) == 0) {
            orderStop = random.nextLong(-1, 3);
        }
        int instrument = random.nextInt(400) == 0 ? 7 : market;
        String clientOrderId = random.nextInt(10) == 0 ? "c" + random.nextInt(1_000) : null;
        return new PlaceOrder(account, instrument, side, type, tif, orderPrice, orderStop, quantity, clientOrderId);
    }

    private long someOrderId() {
        if (orderIds.isEmpty() || random.nextInt(30) == 0) {
            return random.nextLong(-1, 2_000_000);
        }
        return orderIds.get(random.nextInt(orderIds.size()));
    }

    private Command cancel() {
        return new CancelOrder(random.nextInt(40) == 0 ? account() : -1, someOrderId());
    }

    private Command replace() {
        long newPrice = random.nextInt(3) == 0 ? 0 : -1;
        long newQuantity = random.nextInt(3) == 0 ? 0 : random.nextLong(1, 30);
        if (random.nextInt(100) == 0) {
            newQuantity = -1;
        }
        return new ReplaceOrder(-1, someOrderId(), newPrice, newQuantity);
    }

    /** Mostly an order that is still open, sometimes a closed or invented one. */
    private long openOrderId(long candidate, MatchingEngine engine) {
        for (int attempt = 0; attempt < 20 && engine.order(candidate).isEmpty() && random.nextInt(10) != 0; attempt++) {
            orderIds.remove(candidate);
            candidate = someOrderId();
        }
        return candidate;
    }

    /** Resolves the placeholders (-1) of cancels and replaces once the caller knows the order. */
    Command resolve(Command command, MatchingEngine engine) {
        if (command instanceof CancelOrder c && c.accountId() == -1) {
            long id = openOrderId(c.orderId(), engine);
            return new CancelOrder(engine.order(id).map(o -> o.accountId()).orElse(account()), id);
        }
        if (command instanceof ReplaceOrder c && c.accountId() == -1) {
            c = new ReplaceOrder(-1, openOrderId(c.orderId(), engine), c.newPrice(), c.newQuantity());
            var order = engine.order(c.orderId());
            long account = order.map(o -> o.accountId()).orElse(account());
            long newPrice = c.newPrice();
            if (newPrice == -1) {
                long base = order.map(o -> o.price() > 0 ? o.price() : mid[o.instrumentId()]).orElse(mid[0]);
                newPrice = Math.max(1, base + random.nextInt(-10, 11));
            }
            return new ReplaceOrder(account, c.orderId(), newPrice, c.newQuantity());
        }
        return command;
    }

    private Command money() {
        int roll = random.nextInt(100);
        int asset = random.nextInt(ASSETS);
        if (roll < 25) {
            return credit(account(), asset, random.nextLong(1, 5_000_000));
        }
        if (roll < 35 && !references.isEmpty()) {
            // Repeat an old reference: a replay when the body matches, else a conflict.
            String reference = references.get(random.nextInt(references.size()));
            return new CreditDeposit(reference, account(), asset, random.nextLong(1, 3));
        }
        if (roll < 55) {
            String reference = "h" + (nextReference++);
            references.add(reference);
            return new HoldWithdrawal(reference, account(), asset, random.nextLong(1, 3_000_000));
        }
        if (roll < 75 && !holdReferences.isEmpty()) {
            String reference = holdReferences.get(random.nextInt(holdReferences.size()));
            return random.nextBoolean() ? new ConfirmWithdrawal(reference) : new ReleaseWithdrawal(reference);
        }
        if (roll < 90) {
            String reference = "a" + (nextReference++);
            references.add(reference);
            long amount = random.nextLong(-2_000_000, 2_000_000);
            return new AdjustBalance(reference, random.nextInt(20) == 0 ? 0 : account(), asset, amount);
        }
        if (roll < 95) {
            return new CreditDeposit(random.nextBoolean() ? "" : null, account(), asset, 5);
        }
        return new CreditDeposit("x" + (nextReference++), account(), random.nextInt(-1, 5), random.nextLong(-5, 5));
    }
}
