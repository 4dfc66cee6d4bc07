package dev.tradewind.engine.core;

import dev.tradewind.engine.book.Order;
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
import dev.tradewind.engine.event.EngineEvent;
import dev.tradewind.engine.instrument.Asset;
import dev.tradewind.engine.instrument.Instrument;
import dev.tradewind.engine.order.Side;
import dev.tradewind.engine.query.Balance;
import dev.tradewind.engine.query.BookDepth;
import dev.tradewind.engine.query.MarketSnapshot;
import dev.tradewind.engine.query.PriceLevel;
import dev.tradewind.engine.result.OrderSnapshot;
import dev.tradewind.engine.result.Result;
import dev.tradewind.engine.risk.Account;
import dev.tradewind.engine.risk.FeeTier;
import dev.tradewind.engine.risk.RiskLimits;
import dev.tradewind.engine.sequencer.StateMachine;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The deterministic trading state machine: instruments, balances, books, matching, stops.
 *
 * <p>Driven by the sequencer from one thread ({@link #apply}); the query methods read the same
 * state and must be called from that thread too. Amounts are engine units: prices in ticks,
 * quantities in lots, money in asset minor units ({@link dev.tradewind.engine.instrument.DecimalConverter}
 * converts at the edge). Order ids are the sequence of the PlaceOrder command. Account 0 is the fee
 * account. Policies (self-trade prevention, stop triggering, fees, reservations) are documented on
 * {@link dev.tradewind.engine.book.OrderBook}, {@code OrderDesk} and {@link dev.tradewind.engine.risk.Fees}.
 */
public final class MatchingEngine implements StateMachine<Command, Result, EngineEvent> {
    /** Receives trading fees (in the quote asset of each trade). */
    public static final long FEE_ACCOUNT_ID = EngineState.FEE_ACCOUNT_ID;

    private final EngineState state;
    private final EventEmitter events = new EventEmitter();
    private final OrderDesk orders;
    private final MoneyDesk money;
    private final AdminDesk admin;

    public MatchingEngine() {
        this(EngineConfig.DEFAULT);
    }

    public MatchingEngine(EngineConfig config) {
        this.state = new EngineState(config);
        this.orders = new OrderDesk(state, events);
        this.money = new MoneyDesk(state, events);
        this.admin = new AdminDesk(state, events, orders);
    }

    @Override
    public Result apply(long sequence, long timestamp, Command command, Consumer<? super EngineEvent> sink) {
        if (sequence <= state.lastSequence) {
            throw new IllegalArgumentException("sequence " + sequence + " is not after the last applied " + state.lastSequence
                    + ": the sequencer must apply each command once, in order");
        }
        events.begin(sequence, timestamp, sink);
        // The three order commands are nearly all the traffic: plain type checks against final record
        // classes are cheaper than the switch bootstrap; the switch keeps the rest exhaustive.
        Result result;
        if (command instanceof ReplaceOrder c) {
            result = orders.replace(c);
        } else if (command instanceof PlaceOrder c) {
            result = orders.place(c);
        } else if (command instanceof CancelOrder c) {
            result = orders.cancel(c);
        } else {
            result = applyOther(command);
        }
        state.lastSequence = sequence;
        events.end();
        return result;
    }

    private Result applyOther(Command command) {
        return switch (command) {
            case ReplaceOrder c -> orders.replace(c);
            case PlaceOrder c -> orders.place(c);
            case CancelOrder c -> orders.cancel(c);
            case CreditDeposit c -> money.credit(c);
            case HoldWithdrawal c -> money.hold(c);
            case ConfirmWithdrawal c -> money.confirm(c);
            case ReleaseWithdrawal c -> money.release(c);
            case AdjustBalance c -> money.adjust(c);
            case UpdateReferencePrice c -> admin.updateReferencePrice(c);
            case AddAsset c -> admin.addAsset(c);
            case AddInstrument c -> admin.addInstrument(c);
            case SetInstrumentStatus c -> admin.setStatus(c);
            case ConfigureFeeTier c -> admin.configureFeeTier(c);
            case SetAccountFeeTier c -> admin.setAccountFeeTier(c);
            case ConfigureRiskLimits c -> admin.configureRiskLimits(c);
        };
    }

    @Override
    public void writeSnapshot(DataOutput out) throws IOException {
        SnapshotFormat.write(state, out);
    }

    /** On an IOException the engine is left half-restored: discard it (or read another snapshot into it). */
    @Override
    public void readSnapshot(DataInput in) throws IOException {
        SnapshotFormat.read(state, in);
    }

    @Override
    public long stateHash() {
        return StateDigest.of(state);
    }

    /**
     * The state hash without the sequence: unchanged by a rejected command (every rejection happens
     * before any state change), so tests and audits can prove it.
     */
    public long contentHash() {
        return StateDigest.content(state);
    }

    @Override
    public long lastSequence() {
        return state.lastSequence;
    }

    // ------------------------------------------------------------------ reference data

    public List<Asset> assets() {
        return List.copyOf(state.assets);
    }

    public Optional<Asset> asset(String code) {
        return Optional.ofNullable(state.assetsByCode.get(code));
    }

    public List<Instrument> instruments() {
        return state.markets.stream().map(m -> m.instrument).toList();
    }

    public Optional<Instrument> instrument(String symbol) {
        Market m = state.marketsBySymbol.get(symbol);
        return m == null ? Optional.empty() : Optional.of(m.instrument);
    }

    public Optional<Instrument> instrument(int instrumentId) {
        Market m = state.market(instrumentId);
        return m == null ? Optional.empty() : Optional.of(m.instrument);
    }

    public Optional<RiskLimits> riskLimits(int instrumentId) {
        Market m = state.market(instrumentId);
        return m == null ? Optional.empty() : Optional.of(m.limits);
    }

    public List<FeeTier> feeTiers() {
        return List.copyOf(state.feeTiers.values());
    }

    /** The account's fee tier (0 for unknown accounts). */
    public int feeTier(long accountId) {
        Account account = state.account(accountId);
        return account == null ? 0 : account.feeTier();
    }

    // ------------------------------------------------------------------ balances

    /** Every asset's balance of the account (zeros included); empty if the engine never saw the account. */
    public List<Balance> balances(long accountId) {
        Account account = state.account(accountId);
        if (account == null) {
            return List.of();
        }
        List<Balance> out = new ArrayList<>(state.assets.size());
        for (int asset = 0; asset < state.assets.size(); asset++) {
            out.add(new Balance(asset, account.total(asset), account.reserved(asset)));
        }
        return out;
    }

    public Balance balance(long accountId, int assetId) {
        Account account = state.account(accountId);
        return account == null ? new Balance(assetId, 0, 0) : new Balance(assetId, account.total(assetId), account.reserved(assetId));
    }

    /** Ids of every account the engine knows, ascending (reconciliation). */
    public long[] accountIds() {
        long[] ids = new long[state.accounts.size()];
        int[] n = {0};
        state.accounts.forEach((id, account) -> ids[n[0]++] = id);
        java.util.Arrays.sort(ids);
        return ids;
    }

    /** Σ of an asset's totals over all accounts; only money commands change it. */
    public long supply(int assetId) {
        return state.supply(assetId);
    }

    // ------------------------------------------------------------------ orders

    /** An open (resting or pending-trigger) order; closed orders are not kept. */
    public Optional<OrderSnapshot> order(long orderId) {
        Order order = state.orders.get(orderId);
        return order == null ? Optional.empty() : Optional.of(snapshot(order));
    }

    /** The account's open orders, oldest first. Scans all open orders: meant for occasional use. */
    public List<OrderSnapshot> openOrders(long accountId) {
        List<OrderSnapshot> out = new ArrayList<>();
        state.orders.forEachValue(o -> {
            if (o.account().id() == accountId) {
                out.add(snapshot(o));
            }
        });
        out.sort(Comparator.comparingLong(OrderSnapshot::orderId));
        return out;
    }

    /** Every open order, in no particular order. */
    public void forEachOpenOrder(Consumer<? super OrderSnapshot> action) {
        state.orders.forEachValue(o -> action.accept(snapshot(o)));
    }

    public int openOrderCount() {
        return state.orders.size();
    }

    private OrderSnapshot snapshot(Order order) {
        return OrderDesk.snapshot(state.market(order.instrumentId()), order, OrderDesk.liveStatus(order), null);
    }

    // ------------------------------------------------------------------ market data

    /** Top {@code levels} price levels per side, best first, as of {@link #lastSequence()}. */
    public Optional<BookDepth> depth(int instrumentId, int levels) {
        Market m = state.market(instrumentId);
        if (m == null) {
            return Optional.empty();
        }
        return Optional.of(new BookDepth(instrumentId, state.lastSequence, side(m, Side.BUY, levels), side(m, Side.SELL, levels)));
    }

    private static List<PriceLevel> side(Market m, Side side, int levels) {
        int n = Math.max(0, Math.min(levels, m.book.levelCount(side)));
        long[] prices = new long[n];
        long[] quantities = new long[n];
        n = m.book.depth(side, n, prices, quantities);
        List<PriceLevel> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(new PriceLevel(prices[i], quantities[i]));
        }
        return out;
    }

    /** BBO, last trade, reference and market price. */
    public Optional<MarketSnapshot> market(int instrumentId) {
        Market m = state.market(instrumentId);
        if (m == null) {
            return Optional.empty();
        }
        return Optional.of(new MarketSnapshot(instrumentId, m.status, m.book.bestBid(), m.book.bestBidQuantity(),
                m.book.bestAsk(), m.book.bestAskQuantity(), m.lastTradePrice, m.referencePrice, m.marketPrice,
                state.lastSequence));
    }
}
