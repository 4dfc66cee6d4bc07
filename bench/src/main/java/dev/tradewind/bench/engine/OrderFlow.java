package dev.tradewind.bench.engine;

import dev.tradewind.engine.command.AddAsset;
import dev.tradewind.engine.command.AddInstrument;
import dev.tradewind.engine.command.CancelOrder;
import dev.tradewind.engine.command.Command;
import dev.tradewind.engine.command.ConfigureFeeTier;
import dev.tradewind.engine.command.ConfigureRiskLimits;
import dev.tradewind.engine.command.CreditDeposit;
import dev.tradewind.engine.command.PlaceOrder;
import dev.tradewind.engine.command.ReplaceOrder;
import dev.tradewind.engine.command.UpdateReferencePrice;
import dev.tradewind.engine.core.MatchingEngine;
import dev.tradewind.engine.event.EngineEvent;
import dev.tradewind.engine.event.OrderCancelled;
import dev.tradewind.engine.event.OrderExpired;
import dev.tradewind.engine.event.TradeExecuted;
import dev.tradewind.engine.instrument.Increment;
import dev.tradewind.engine.order.Side;
import dev.tradewind.engine.order.TimeInForce;
import dev.tradewind.engine.query.MarketSnapshot;
import dev.tradewind.engine.result.OrderResult;
import dev.tradewind.engine.result.OrderSnapshot;
import dev.tradewind.engine.result.Result;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * exchange-core's benchmark order flow, pre-generated in memory: GTC 13 %, IOC 2 %, cancel 7 %,
 * move 71 %, reduce 7 % over {@code symbols} instruments and {@code accounts} funded accounts.
 *
 * <p>As in exchange-core's test generator, the commands are produced while a generator engine runs
 * them, so every cancel, move and reduce targets an order that is really open at that point (few
 * rejections), and the list can then be replayed on fresh engines with identical results. Per
 * instrument: a fair price random-walks; passive orders rest at a random distance behind it; a move
 * is a {@link ReplaceOrder} to a new price around the fair price (cancel + re-place, loses priority);
 * a reduce is a {@link ReplaceOrder} that cuts the quantity (keeps priority). The book depth is held
 * near {@code ordersPerSymbol} without changing the mix: the fuller the book, the more often a GTC or
 * a move crosses the spread and takes liquidity. Fees (2/5 bps), price bands (±10 % of a reference
 * price), size and notional limits are on, so every risk check runs.
 */
final class OrderFlow {
    static final int GTC = 0;
    static final int IOC = 1;
    static final int CANCEL = 2;
    static final int MOVE = 3;
    static final int REDUCE = 4;
    static final String[] KIND_NAMES = {"GTC", "IOC", "cancel", "move", "reduce"};

    private static final long START_PRICE = 1_000_000; // 10,000.00 quote units at tick 0.01
    private static final int PASSIVE_RANGE = 400;      // ticks behind the fair price a passive order may rest
    private static final int MAX_QUANTITY = 100;       // lots

    /** @param ordersPerSymbol resting orders per instrument the flow hovers around */
    record Spec(String name, int symbols, int accounts, int ordersPerSymbol, int commands, long seed) {
    }

    final Spec spec;
    /** Assets, instruments, limits, fee tier, reference prices, deposits: applied untimed before a run. */
    final Command[] setup;
    /** The timed commands. */
    final Command[] commands;
    final long[] kindCounts = new long[5];
    /** Reduces that found no order with more than one lot left and cancelled instead (counted as cancel). */
    long reduceFallbacks;
    long rejected;
    long trades;
    long events;
    int finalOpenOrders;
    /** State hash of the generator engine at the end: every replay must reach it. */
    long finalStateHash;
    double generationSeconds;

    private OrderFlow(Spec spec, Command[] setup, Command[] commands) {
        this.spec = spec;
        this.setup = setup;
        this.commands = commands;
    }

    static OrderFlow generate(Spec spec) {
        long start = System.nanoTime();
        Generator generator = new Generator(spec);
        OrderFlow flow = generator.run();
        flow.generationSeconds = (System.nanoTime() - start) / 1e9;
        return flow;
    }

    double rejectionRate() {
        return rejected / (double) commands.length;
    }

    String mixDescription() {
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < kindCounts.length; k++) {
            sb.append(k == 0 ? "" : ", ").append(KIND_NAMES[k]).append(' ')
                    .append(String.format(Locale.ROOT, "%.1f %%", 100.0 * kindCounts[k] / commands.length));
        }
        return sb.toString();
    }

    static List<Command> setupCommands(int symbols, int accounts) {
        List<Command> out = new ArrayList<>();
        out.add(new AddAsset("USD", 6));
        for (int s = 0; s < symbols; s++) {
            out.add(new AddAsset(String.format(Locale.ROOT, "B%03d", s), 8));
        }
        out.add(new ConfigureFeeTier(0, 2, 5));
        for (int s = 0; s < symbols; s++) {
            // tick 0.01 USD x lot 0.0001 base = 0.000001 USD: one minor unit of a scale-6 USD per tick-lot.
            out.add(new AddInstrument(String.format(Locale.ROOT, "B%03d-USD", s), 1 + s, 0, new Increment(1, 2),
                    new Increment(1, 4), 1));
            out.add(new ConfigureRiskLimits(s, 1_000, 1_000_000, 1_000_000_000_000L));
            out.add(new UpdateReferencePrice(s, START_PRICE));
        }
        // Balances large enough that nothing is refused for funds: the flow measures matching, not rejections.
        long quote = 1_000_000_000_000_000_000L / accounts; // keeps each asset's supply within a long
        long base = 1_000_000_000_000_000_000L / accounts;
        for (long account = 1; account <= accounts; account++) {
            out.add(new CreditDeposit("q" + account, account, 0, quote));
            for (int s = 0; s < symbols; s++) {
                out.add(new CreditDeposit("b" + s + "-" + account, account, 1 + s, base));
            }
        }
        return out;
    }

    /** Applies {@code commands} to {@code engine} after sequence {@code sequence}; returns the last sequence. */
    static long apply(MatchingEngine engine, Command[] commands, long sequence, Consumer<? super EngineEvent> sink) {
        for (Command command : commands) {
            sequence++;
            engine.apply(sequence, sequence, command, sink);
        }
        return sequence;
    }

    // ------------------------------------------------------------------ generator

    private static final class Generator implements Consumer<EngineEvent> {
        private final Spec spec;
        private final SplittableRandom random;
        private final MatchingEngine engine = new MatchingEngine();
        private final Book[] books;
        private final Map<Long, Open> open = new HashMap<>();
        private final List<EngineEvent> pending = new ArrayList<>();
        private long sequence;
        private long eventCount;
        private long tradeCount;

        Generator(Spec spec) {
            this.spec = spec;
            this.random = new SplittableRandom(spec.seed());
            this.books = new Book[spec.symbols()];
            for (int s = 0; s < books.length; s++) {
                books[s] = new Book(spec.ordersPerSymbol());
            }
        }

        @Override
        public void accept(EngineEvent event) {
            eventCount++;
            if (event instanceof TradeExecuted || event instanceof OrderCancelled || event instanceof OrderExpired) {
                pending.add(event);
            }
        }

        OrderFlow run() {
            Command[] setup = setupCommands(spec.symbols(), spec.accounts()).toArray(Command[]::new);
            for (Command command : setup) {
                Result result = engine.apply(++sequence, sequence, command, this);
                if (!result.accepted()) {
                    throw new IllegalStateException("setup command " + command + " rejected: " + result.rejectCode());
                }
            }
            // Build the books first (untimed, appended to the setup), then the timed flow.
            List<Command> warm = new ArrayList<>();
            for (int s = 0; s < books.length; s++) {
                while (books[s].size() < spec.ordersPerSymbol()) {
                    Command c = passive(s, randomSide());
                    step(c, null);
                    warm.add(c);
                }
            }
            Command[] commands = new Command[spec.commands()];
            long[] kinds = new long[5];
            long[] rejectedHolder = new long[1];
            long fallbacks = 0;
            eventCount = 0;
            tradeCount = 0;
            for (int i = 0; i < commands.length; i++) {
                int s = books.length == 1 ? 0 : random.nextInt(books.length);
                Book book = books[s];
                book.fair += random.nextInt(10) == 0 ? random.nextInt(-1, 2) : 0;
                int roll = random.nextInt(100);
                int kind;
                Command c;
                if (book.size() == 0 || roll < 13) {
                    kind = GTC;
                    c = random.nextDouble() < crossProbability(book) ? aggressive(s, randomSide(), TimeInForce.GTC)
                            : passive(s, randomSide());
                } else if (roll < 15) {
                    kind = IOC;
                    c = aggressive(s, randomSide(), TimeInForce.IOC);
                } else if (roll < 22) {
                    kind = CANCEL;
                    Open o = book.random(random);
                    c = new CancelOrder(o.account, o.id);
                } else if (roll < 93) {
                    kind = MOVE;
                    c = move(s, book.random(random));
                } else {
                    kind = REDUCE;
                    c = reduce(book);
                    if (c instanceof CancelOrder) {
                        fallbacks++;
                        kind = CANCEL;
                    }
                }
                kinds[kind]++;
                commands[i] = c;
                step(c, rejectedHolder);
            }
            Command[] allSetup = Arrays.copyOf(setup, setup.length + warm.size());
            for (int i = 0; i < warm.size(); i++) {
                allSetup[setup.length + i] = warm.get(i);
            }
            OrderFlow flow = new OrderFlow(spec, allSetup, commands);
            System.arraycopy(kinds, 0, flow.kindCounts, 0, kinds.length);
            flow.reduceFallbacks = fallbacks;
            flow.rejected = rejectedHolder[0];
            flow.trades = tradeCount;
            flow.events = eventCount;
            flow.finalOpenOrders = engine.openOrderCount();
            flow.finalStateHash = engine.stateHash();
            return flow;
        }

        private Side randomSide() {
            return random.nextBoolean() ? Side.BUY : Side.SELL;
        }

        private long randomAccount() {
            return random.nextLong(1, spec.accounts() + 1);
        }

        private long randomQuantity() {
            return random.nextLong(1, MAX_QUANTITY + 1);
        }

        /** 1 % with the target depth, more the fuller the book: that is what keeps the depth steady. */
        private double crossProbability(Book book) {
            double excess = book.size() / (double) spec.ordersPerSymbol() - 1;
            return Math.clamp(0.01 + 2 * excess, 0.0, 0.9);
        }

        /** A price behind the fair price on the order's own side, denser near the top of the book. */
        private long passivePrice(Book book, Side side) {
            double u = random.nextDouble();
            long offset = 1 + (long) (PASSIVE_RANGE * u * u);
            return side == Side.BUY ? book.fair - offset : book.fair + offset;
        }

        /** A price through the best opposite price (a few ticks deep), or the fair price on an empty side. */
        private long aggressivePrice(int s, Side side) {
            MarketSnapshot market = engine.market(s).orElseThrow();
            long depth = random.nextInt(0, 4);
            if (side == Side.BUY) {
                return market.bestAsk() > 0 ? market.bestAsk() + depth : books[s].fair;
            }
            return market.bestBid() > 0 ? Math.max(1, market.bestBid() - depth) : books[s].fair;
        }

        private PlaceOrder passive(int s, Side side) {
            return PlaceOrder.limit(randomAccount(), s, side, TimeInForce.GTC, passivePrice(books[s], side), randomQuantity());
        }

        private PlaceOrder aggressive(int s, Side side, TimeInForce tif) {
            return PlaceOrder.limit(randomAccount(), s, side, tif, aggressivePrice(s, side), randomQuantity());
        }

        private ReplaceOrder move(int s, Open o) {
            long price = random.nextDouble() < crossProbability(books[s]) ? aggressivePrice(s, o.side)
                    : passivePrice(books[s], o.side);
            if (price == o.price) {
                price += o.side == Side.BUY ? -1 : 1;
            }
            return new ReplaceOrder(o.account, o.id, price, 0);
        }

        private Command reduce(Book book) {
            for (int attempt = 0; attempt < 4; attempt++) {
                Open o = book.random(random);
                long remaining = o.quantity - o.filled;
                if (remaining > 1) {
                    return new ReplaceOrder(o.account, o.id, 0, o.quantity - random.nextLong(1, remaining));
                }
            }
            Open o = book.random(random);
            return new CancelOrder(o.account, o.id);
        }

        private void step(Command command, long[] rejected) {
            pending.clear();
            Result result = engine.apply(++sequence, sequence, command, this);
            if (!result.accepted() && rejected != null) {
                rejected[0]++;
            }
            for (EngineEvent event : pending) {
                switch (event) {
                    case TradeExecuted t -> {
                        tradeCount++;
                        Open maker = open.get(t.makerOrderId());
                        if (maker != null) {
                            if (t.makerRemaining() == 0) {
                                remove(maker);
                            } else {
                                maker.filled = maker.quantity - t.makerRemaining();
                            }
                        }
                    }
                    case OrderCancelled c -> remove(open.get(c.orderId()));
                    case OrderExpired x -> remove(open.get(x.orderId()));
                    default -> { }
                }
            }
            if (result instanceof OrderResult r && r.order() != null) {
                OrderSnapshot order = r.order();
                Open known = open.get(order.orderId());
                if (order.status().isOpen()) {
                    if (known == null) {
                        known = new Open(order.orderId(), order.accountId(), order.instrumentId(), order.side());
                        open.put(known.id, known);
                        books[known.symbol].add(known);
                    }
                    known.price = order.price();
                    known.quantity = order.quantity();
                    known.filled = order.filledQuantity();
                } else if (known != null) {
                    remove(known);
                }
            }
        }

        private void remove(Open o) {
            if (o != null && open.remove(o.id) != null) {
                books[o.symbol].remove(o);
            }
        }
    }

    private static final class Open {
        final long id;
        final long account;
        final int symbol;
        final Side side;
        long price;
        long quantity;
        long filled;
        int index;

        Open(long id, long account, int symbol, Side side) {
            this.id = id;
            this.account = account;
            this.symbol = symbol;
            this.side = side;
        }
    }

    /** One instrument's open orders (O(1) random pick and removal) and its fair price. */
    private static final class Book {
        private final ArrayList<Open> list;
        long fair = START_PRICE;

        Book(int capacity) {
            list = new ArrayList<>(capacity * 2);
        }

        int size() {
            return list.size();
        }

        void add(Open o) {
            o.index = list.size();
            list.add(o);
        }

        Open random(SplittableRandom random) {
            return list.get(random.nextInt(list.size()));
        }

        void remove(Open o) {
            Open last = list.removeLast();
            if (last != o) {
                last.index = o.index;
                list.set(o.index, last);
            }
        }
    }
}
