package dev.tradewind.engine.perf;

import dev.tradewind.engine.command.AddAsset;
import dev.tradewind.engine.command.AddInstrument;
import dev.tradewind.engine.command.CancelOrder;
import dev.tradewind.engine.command.Command;
import dev.tradewind.engine.command.CreditDeposit;
import dev.tradewind.engine.command.PlaceOrder;
import dev.tradewind.engine.command.ReplaceOrder;
import dev.tradewind.engine.core.MatchingEngine;
import dev.tradewind.engine.event.EngineEvent;
import dev.tradewind.engine.event.OrderCancelled;
import dev.tradewind.engine.event.OrderExpired;
import dev.tradewind.engine.event.TradeExecuted;
import dev.tradewind.engine.instrument.Increment;
import dev.tradewind.engine.order.Side;
import dev.tradewind.engine.order.TimeInForce;
import dev.tradewind.engine.result.OrderResult;
import dev.tradewind.engine.result.Result;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * Generates exchange-core's benchmark order flow (GTC 13 %, IOC 2 %, cancel 7 %, move 71 %,
 * reduce 7 %) on one symbol: the commands are produced while a generator engine runs them, so every
 * cancel, move and reduce targets an order that is really open at that point; the recorded list
 * can then be replayed on fresh engines for timing.
 */
public final class ExchangeCoreMix {
    public static final int SYMBOL = 0;

    private ExchangeCoreMix() {
    }

    /** Setup commands: USD (scale 6), BTC (scale 8), BTC-USD (tick 0.01, lot 0.0001), funded accounts. */
    public static List<Command> setup(int accounts) {
        List<Command> out = new ArrayList<>();
        out.add(new AddAsset("USD", 6));
        out.add(new AddAsset("BTC", 8));
        // tick 0.01 USD × lot 0.0001 BTC = 0.000001 USD = one minor unit of a scale-6 USD.
        out.add(new AddInstrument("BTC-USD", 1, 0, new Increment(1, 2), new Increment(1, 4), 1));
        for (long account = 1; account <= accounts; account++) {
            out.add(new CreditDeposit("u" + account, account, 0, 4_000_000_000_000_000L / accounts));
            out.add(new CreditDeposit("b" + account, account, 1, 2_000_000_000_000_000L / accounts));
        }
        return out;
    }

    /** Applies {@code commands} to a fresh engine with events discarded. */
    public static MatchingEngine replay(List<Command> commands, Consumer<? super EngineEvent> sink) {
        MatchingEngine engine = new MatchingEngine();
        long sequence = 0;
        for (Command command : commands) {
            engine.apply(++sequence, sequence, command, sink);
        }
        return engine;
    }

    /**
     * @param targetOrders resting orders the flow hovers around
     */
    public static List<Command> generate(long seed, int accounts, int targetOrders, int count) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Command> commands = new ArrayList<>(setup(accounts));
        List<EngineEvent> events = new ArrayList<>();
        EventCounter sink = new EventCounter(events);
        MatchingEngine engine = replay(commands, sink);
        OpenOrders open = new OpenOrders(targetOrders * 2);
        long sequence = engine.lastSequence();
        long mid = 1_000_000; // 10,000.00 USD
        int warmup = targetOrders; // build the book first
        for (int i = 0; i < count + warmup; i++) {
            Command command;
            int roll = random.nextInt(100);
            boolean grow = open.size() < targetOrders;
            if (i < warmup || open.size() == 0 || (grow && roll < 20)) {
                command = gtc(random, accounts, mid);
            } else if (roll < 13) {
                command = gtc(random, accounts, mid);
            } else if (roll < 15) {
                command = ioc(random, accounts, mid);
            } else if (roll < 22) {
                Open o = open.random(random);
                command = new CancelOrder(o.account, o.id);
            } else if (roll < 93) {
                Open o = open.random(random);
                long price = Math.max(1, o.price + random.nextInt(-20, 21));
                command = new ReplaceOrder(o.account, o.id, price, 0);
                o.price = price;
            } else {
                Open o = open.random(random);
                command = o.quantity > 1 ? new ReplaceOrder(o.account, o.id, 0, o.quantity - random.nextLong(1, o.quantity))
                        : new CancelOrder(o.account, o.id);
            }
            events.clear();
            Result result = engine.apply(++sequence, sequence, command, sink);
            commands.add(command);
            track(open, command, result, events);
            mid += random.nextInt(-2, 3);
        }
        return commands;
    }

    private static Command gtc(SplittableRandom random, int accounts, long mid) {
        Side side = random.nextBoolean() ? Side.BUY : Side.SELL;
        long offset = random.nextInt(-5, 200);
        long price = side == Side.BUY ? mid - offset : mid + offset;
        return PlaceOrder.limit(random.nextLong(1, accounts + 1), SYMBOL, side, TimeInForce.GTC, price, random.nextLong(1, 100));
    }

    private static Command ioc(SplittableRandom random, int accounts, long mid) {
        Side side = random.nextBoolean() ? Side.BUY : Side.SELL;
        long price = side == Side.BUY ? mid + random.nextInt(0, 50) : mid - random.nextInt(0, 50);
        return PlaceOrder.limit(random.nextLong(1, accounts + 1), SYMBOL, side, TimeInForce.IOC, price, random.nextLong(1, 100));
    }

    private static void track(OpenOrders open, Command command, Result result, List<EngineEvent> events) {
        if (command instanceof PlaceOrder p && result instanceof OrderResult r && r.accepted() && r.order().status().isOpen()) {
            open.add(new Open(r.order().orderId(), p.accountId(), r.order().price(), r.order().remainingQuantity()));
        }
        if (command instanceof ReplaceOrder && result instanceof OrderResult r && r.accepted()) {
            Open o = open.get(r.order().orderId());
            if (o != null) {
                o.quantity = r.order().quantity() - r.order().filledQuantity();
                o.price = r.order().price();
            }
        }
        for (EngineEvent e : events) {
            switch (e) {
                case TradeExecuted t -> {
                    if (t.makerRemaining() == 0) {
                        open.remove(t.makerOrderId());
                    } else {
                        Open o = open.get(t.makerOrderId());
                        if (o != null) {
                            o.quantity = t.makerRemaining();
                        }
                    }
                    if (t.takerRemaining() == 0) {
                        open.remove(t.takerOrderId());
                    }
                }
                case OrderCancelled c -> open.remove(c.orderId());
                case OrderExpired x -> open.remove(x.orderId());
                default -> { }
            }
        }
    }

    static final class Open {
        final long id;
        final long account;
        long price;
        long quantity;
        int index;

        Open(long id, long account, long price, long quantity) {
            this.id = id;
            this.account = account;
            this.price = price;
            this.quantity = quantity;
        }
    }

    /** Open orders with O(1) random pick and removal. */
    static final class OpenOrders {
        private final java.util.HashMap<Long, Open> byId = new java.util.HashMap<>();
        private final ArrayList<Open> list = new ArrayList<>();

        OpenOrders(int capacity) {
            list.ensureCapacity(capacity);
        }

        int size() {
            return list.size();
        }

        void add(Open o) {
            o.index = list.size();
            list.add(o);
            byId.put(o.id, o);
        }

        Open get(long id) {
            return byId.get(id);
        }

        Open random(SplittableRandom random) {
            return list.get(random.nextInt(list.size()));
        }

        void remove(long id) {
            Open o = byId.remove(id);
            if (o != null) {
                Open last = list.removeLast();
                if (last != o) {
                    last.index = o.index;
                    list.set(o.index, last);
                }
            }
        }
    }
}
