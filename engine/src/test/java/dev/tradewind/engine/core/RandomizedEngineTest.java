package dev.tradewind.engine.core;

import dev.tradewind.engine.command.AdjustBalance;
import dev.tradewind.engine.command.Command;
import dev.tradewind.engine.command.ConfirmWithdrawal;
import dev.tradewind.engine.command.CreditDeposit;
import dev.tradewind.engine.command.HoldWithdrawal;
import dev.tradewind.engine.command.PlaceOrder;
import dev.tradewind.engine.event.EngineEvent;
import dev.tradewind.engine.event.TradeExecuted;
import dev.tradewind.engine.query.Balance;
import dev.tradewind.engine.query.MarketSnapshot;
import dev.tradewind.engine.result.BalanceResult;
import dev.tradewind.engine.result.OrderResult;
import dev.tradewind.engine.result.OrderSnapshot;
import dev.tradewind.engine.result.Result;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Runs the engine and {@link ReferenceExchange} side by side on seeded random command streams and
 * demands identical outcomes, trades and balances, checking the engine's invariants after every
 * batch. Reproduce a failure with {@code -Dtradewind.seed=<seed>}; {@code -Dtradewind.commands=N}
 * changes the length (default: 10^6 commands in total over the default seeds).
 */
class RandomizedEngineTest {
    private static final long[] DEFAULT_SEEDS = {0x5EED_0001L, 0x5EED_0002L, 0x5EED_0003L, 0x5EED_0004L};
    private static final int BATCH = 1_000;
    private static final int SNAPSHOT_EVERY = 50_000;

    @Test
    void engineMatchesTheReferenceMatcherAndKeepsItsInvariants() {
        String seedProperty = System.getProperty("tradewind.seed");
        long[] seeds = seedProperty != null ? new long[] {Long.decode(seedProperty)} : DEFAULT_SEEDS;
        long total = Long.getLong("tradewind.commands", 1_000_000L);
        for (long seed : seeds) {
            new Run(seed, (int) (total / seeds.length)).execute();
        }
    }

    private static final class Run {
        private final long seed;
        private final int commands;
        private final RandomCommands generator;
        private final ReferenceExchange reference = new ReferenceExchange();
        private MatchingEngine engine = new MatchingEngine();
        private final Map<String, long[]> holds = new HashMap<>(); // reference -> {asset, amount}
        private final long[] expectedSupply = new long[RandomCommands.ASSETS];
        private final List<EngineEvent> events = new ArrayList<>();
        private long sequence;
        private long tradeCount;
        private final Map<String, Integer> outcomes = new TreeMap<>();
        /** Balances rebuilt from BalanceChanged events alone: "account/asset" -> {total, reserved}. */
        private final Map<String, long[]> eventBalances = new HashMap<>();
        /** Open orders rebuilt from order events alone: id -> {quantity, filled}. */
        private final Map<Long, long[]> eventOrders = new HashMap<>();
        /** L2 books rebuilt from BookLevelChanged events alone: [instrument][side] price -> quantity. */
        private final List<List<TreeMap<Long, Long>>> levels = List.of(
                List.of(new TreeMap<>(), new TreeMap<>()), List.of(new TreeMap<>(), new TreeMap<>()));

        Run(long seed, int commands) {
            this.seed = seed;
            this.commands = commands;
            this.generator = new RandomCommands(seed);
        }

        void execute() {
            for (Command c : generator.setup()) {
                if (c instanceof dev.tradewind.engine.command.AddInstrument) {
                    // The reference takes its markets as plain multipliers (the engine derives them).
                    sequence++;
                    assertThat(engine.apply(sequence, sequence, c, e -> { }).accepted()).isTrue();
                    if (reference.markets.isEmpty()) {
                        reference.addMarket(1, 0, 100_000, 5, 1);
                    } else {
                        reference.addMarket(2, 1, 10_000, 10, 1);
                    }
                    continue;
                }
                step(c);
            }
            for (int i = 0; i < commands; i++) {
                step(generator.resolve(generator.next(), engine));
                if (i % BATCH == BATCH - 1) {
                    checkInvariants(i);
                }
                if (i % SNAPSHOT_EVERY == SNAPSHOT_EVERY - 1) {
                    continueFromSnapshot();
                }
            }
            checkInvariants(commands);
            System.out.printf("seed %d: %d commands, %d trades, outcomes %s%n", seed, commands, tradeCount, outcomes);
            assertThat(tradeCount).as("seed %d produced too few trades to mean anything", seed).isGreaterThan(commands / 20);
        }

        private void step(Command command) {
            sequence++;
            events.clear();
            Result result;
            try {
                result = engine.apply(sequence, sequence * 1_000, command, events::add);
            } catch (RuntimeException e) {
                throw new AssertionError(context("engine threw on " + command), e);
            }
            ReferenceExchange.Outcome expected = reference.apply(sequence, command);

            String code = result.rejectCode() == null ? null : result.rejectCode().name();
            if (!java.util.Objects.equals(code, expected.code())) {
                fail(context("result code of " + command + ": engine " + code + ", reference " + expected.code()));
            }
            List<ReferenceExchange.Trade> engineTrades = new ArrayList<>();
            for (EngineEvent e : events) {
                if (e instanceof TradeExecuted t) {
                    engineTrades.add(new ReferenceExchange.Trade(t.tradeId(), t.instrumentId(), t.price(), t.quantity(),
                            t.makerOrderId(), t.makerAccountId(), t.makerFee(), t.takerOrderId(), t.takerAccountId(), t.takerFee()));
                }
            }
            if (!engineTrades.equals(expected.trades())) {
                fail(context("trades of " + command + ":\n engine    " + engineTrades + "\n reference " + expected.trades()));
            }
            tradeCount += engineTrades.size();
            String kind = command.getClass().getSimpleName() + ":" + (code != null ? code
                    : expected.status() != null ? expected.status() : "OK");
            outcomes.merge(kind, 1, Integer::sum);
            for (EngineEvent e : events) {
                if (e.sequence() != sequence) {
                    fail(context("event " + e + " carries sequence " + e.sequence()));
                }
                followOrdersAndBalances(e);
                if (e instanceof dev.tradewind.engine.event.BookLevelChanged l) {
                    TreeMap<Long, Long> side = levels.get(l.instrumentId()).get(l.side().ordinal());
                    if (l.quantity() == 0) {
                        side.remove(l.price());
                    } else {
                        side.put(l.price(), l.quantity());
                    }
                }
                if (e instanceof dev.tradewind.engine.event.OrderExpired x) {
                    outcomes.merge("expired:" + x.reason(), 1, Integer::sum);
                } else if (e instanceof dev.tradewind.engine.event.StopTriggered) {
                    outcomes.merge("stopTriggered", 1, Integer::sum);
                }
            }
            if (result instanceof OrderResult r && r.accepted() && expected.status() != null) {
                if (!r.order().status().name().equals(expected.status()) || r.order().filledQuantity() != expected.filled()) {
                    fail(context("order state after " + command + ": engine " + r.order().status() + "/" + r.order().filledQuantity()
                            + ", reference " + expected.status() + "/" + expected.filled()));
                }
            }
            track(command, result);
        }

        /** What a persister would do: keep balances and open orders up to date from events only. */
        private void followOrdersAndBalances(EngineEvent e) {
            switch (e) {
                case dev.tradewind.engine.event.BalanceChanged b ->
                        eventBalances.put(b.accountId() + "/" + b.assetId(), new long[] {b.total(), b.reserved()});
                case dev.tradewind.engine.event.OrderAccepted a -> eventOrders.put(a.orderId(), new long[] {a.quantity(), 0});
                case TradeExecuted t -> {
                    for (long id : new long[] {t.makerOrderId(), t.takerOrderId()}) {
                        long[] o = eventOrders.get(id);
                        o[1] += t.quantity();
                        if (o[0] == o[1]) {
                            eventOrders.remove(id);
                        }
                    }
                    if (t.makerRemaining() != 0 && eventOrders.get(t.makerOrderId()) == null
                            || t.takerRemaining() != 0 && eventOrders.get(t.takerOrderId()) == null) {
                        fail(context("trade event remaining quantities disagree with the order events: " + t));
                    }
                }
                case dev.tradewind.engine.event.OrderReplaced r -> eventOrders.get(r.orderId())[0] = r.quantity();
                case dev.tradewind.engine.event.OrderCancelled c -> eventOrders.remove(c.orderId());
                case dev.tradewind.engine.event.OrderExpired x -> eventOrders.remove(x.orderId());
                default -> { }
            }
        }

        private void track(Command command, Result result) {
            if (!result.accepted()) {
                return;
            }
            if (command instanceof PlaceOrder && result instanceof OrderResult r) {
                generator.accepted(r.order().orderId());
            }
            if (result instanceof BalanceResult b && !b.replayed()) {
                switch (command) {
                    case CreditDeposit c -> expectedSupply[c.assetId()] += c.amount();
                    case AdjustBalance c -> expectedSupply[c.assetId()] += c.amount();
                    case HoldWithdrawal c -> {
                        holds.put(c.reference(), new long[] {c.assetId(), c.amount(), c.accountId()});
                        generator.held(c.reference());
                    }
                    case ConfirmWithdrawal c -> {
                        long[] hold = holds.remove(c.reference());
                        expectedSupply[(int) hold[0]] -= hold[1];
                    }
                    case dev.tradewind.engine.command.ReleaseWithdrawal c -> holds.remove(c.reference());
                    default -> { }
                }
            }
        }

        private void checkInvariants(int step) {
            long[] accounts = engine.accountIds();
            // Reserved must equal what open orders need plus held withdrawals, recomputed from scratch.
            Map<Long, long[]> needs = new HashMap<>();
            engine.forEachOpenOrder(o -> {
                int asset = assetReservedBy(o);
                needs.computeIfAbsent(o.accountId(), a -> new long[RandomCommands.ASSETS])[asset] += o.reserved();
            });
            for (long[] hold : holds.values()) {
                needs.computeIfAbsent(hold[2], a -> new long[RandomCommands.ASSETS])[(int) hold[0]] += hold[1];
            }
            long[] sums = new long[RandomCommands.ASSETS];
            for (long account : accounts) {
                for (int asset = 0; asset < RandomCommands.ASSETS; asset++) {
                    Balance b = engine.balance(account, asset);
                    sums[asset] += b.total();
                    if (b.reserved() < 0 || b.total() < b.reserved()) {
                        fail(context("negative balance at step " + step + ": account " + account + " " + b));
                    }
                    long need = needs.getOrDefault(account, new long[RandomCommands.ASSETS])[asset];
                    if (b.reserved() != need) {
                        fail(context("account " + account + " asset " + asset + " reserves " + b.reserved()
                                + " but its open orders and holds need " + need));
                    }
                    if (b.total() != reference.total(account, asset) || b.reserved() != reference.reservedOf(account, asset)) {
                        fail(context("balance of account " + account + " asset " + asset + ": engine " + b + ", reference "
                                + reference.total(account, asset) + "/" + reference.reservedOf(account, asset)));
                    }
                }
            }
            for (int asset = 0; asset < RandomCommands.ASSETS; asset++) {
                if (sums[asset] != expectedSupply[asset] || engine.supply(asset) != expectedSupply[asset]) {
                    fail(context("asset " + asset + " sums to " + sums[asset] + " (engine supply " + engine.supply(asset)
                            + ") but money commands put in " + expectedSupply[asset]));
                }
            }
            for (int instrument = 0; instrument < 2; instrument++) {
                MarketSnapshot m = engine.market(instrument).orElseThrow();
                if (m.bestBid() != 0 && m.bestAsk() != 0 && m.bestBid() >= m.bestAsk()) {
                    fail(context("crossed book at rest on instrument " + instrument + ": " + m));
                }
            }
            for (long account : accounts) {
                for (int asset = 0; asset < RandomCommands.ASSETS; asset++) {
                    long[] fromEvents = eventBalances.getOrDefault(account + "/" + asset, new long[2]);
                    Balance b = engine.balance(account, asset);
                    if (fromEvents[0] != b.total() || fromEvents[1] != b.reserved()) {
                        fail(context("BalanceChanged events say account " + account + " asset " + asset + " is "
                                + fromEvents[0] + "/" + fromEvents[1] + " but the engine has " + b));
                    }
                }
            }
            TreeMap<Long, Long> fromOrderEvents = new TreeMap<>();
            eventOrders.forEach((id, o) -> fromOrderEvents.put(id, o[0] - o[1]));
            TreeMap<Long, Long> openNow = new TreeMap<>();
            engine.forEachOpenOrder(o -> openNow.put(o.orderId(), o.remainingQuantity()));
            if (!fromOrderEvents.equals(openNow)) {
                fail(context("open orders rebuilt from events (" + fromOrderEvents.size() + ") differ from the engine's ("
                        + openNow.size() + ")"));
            }
            for (int instrument = 0; instrument < 2; instrument++) {
                var depth = engine.depth(instrument, Integer.MAX_VALUE).orElseThrow();
                TreeMap<Long, Long> bids = new TreeMap<>();
                depth.bids().forEach(l -> bids.put(l.price(), l.quantity()));
                TreeMap<Long, Long> asks = new TreeMap<>();
                depth.asks().forEach(l -> asks.put(l.price(), l.quantity()));
                if (!bids.equals(levels.get(instrument).get(0)) || !asks.equals(levels.get(instrument).get(1))) {
                    fail(context("L2 rebuilt from level updates differs from the depth snapshot of instrument " + instrument));
                }
            }
            TreeMap<Long, Long> engineOpen = new TreeMap<>();
            engine.forEachOpenOrder(o -> engineOpen.put(o.orderId(), o.remainingQuantity()));
            TreeMap<Long, Long> referenceOpen = new TreeMap<>();
            reference.open.forEach((id, o) -> referenceOpen.put(id, o.remaining()));
            if (!engineOpen.equals(referenceOpen)) {
                fail(context("open orders differ: engine " + engineOpen.size() + ", reference " + referenceOpen.size()));
            }
        }

        private static int assetReservedBy(OrderSnapshot o) {
            // BTC-USD: base BTC(1), quote USD(0); ETH-BTC: base ETH(2), quote BTC(1).
            boolean buy = o.side() == dev.tradewind.engine.order.Side.BUY;
            return o.instrumentId() == 0 ? (buy ? 0 : 1) : (buy ? 1 : 2);
        }

        private void continueFromSnapshot() {
            try {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                engine.writeSnapshot(new DataOutputStream(bytes));
                MatchingEngine restored = new MatchingEngine();
                restored.readSnapshot(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
                assertThat(restored.stateHash()).as(context("hash after snapshot round trip")).isEqualTo(engine.stateHash());
                engine = restored;
            } catch (IOException e) {
                throw new AssertionError(context("snapshot failed"), e);
            }
        }

        private String context(String message) {
            return message + " [seed " + seed + " (rerun with -Dtradewind.seed=" + seed + "), sequence " + sequence + "]";
        }
    }
}
