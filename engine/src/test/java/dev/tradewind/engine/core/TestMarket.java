package dev.tradewind.engine.core;

import dev.tradewind.engine.command.AddAsset;
import dev.tradewind.engine.command.AddInstrument;
import dev.tradewind.engine.command.CancelOrder;
import dev.tradewind.engine.command.Command;
import dev.tradewind.engine.command.ConfigureFeeTier;
import dev.tradewind.engine.command.ConfigureRiskLimits;
import dev.tradewind.engine.command.CreditDeposit;
import dev.tradewind.engine.command.PlaceOrder;
import dev.tradewind.engine.command.ReplaceOrder;
import dev.tradewind.engine.command.SetAccountFeeTier;
import dev.tradewind.engine.command.UpdateReferencePrice;
import dev.tradewind.engine.event.EngineEvent;
import dev.tradewind.engine.event.TradeExecuted;
import dev.tradewind.engine.instrument.Increment;
import dev.tradewind.engine.order.OrderStatus;
import dev.tradewind.engine.order.Side;
import dev.tradewind.engine.order.TimeInForce;
import dev.tradewind.engine.query.Balance;
import dev.tradewind.engine.result.OrderResult;
import dev.tradewind.engine.result.Result;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One engine with USD (scale 2) and BTC (scale 8) and BTC-USD with tick 1.00 USD and lot 0.01 BTC,
 * so that one tick × one lot is exactly one cent: a notional in cents is simply price × quantity,
 * which keeps expected values in tests readable.
 */
final class TestMarket {
    static final int USD = 0;
    static final int BTC = 1;
    static final int BTC_USD = 0;
    /** Base minor units (satoshi) per lot. */
    static final long SAT_PER_LOT = 1_000_000;

    final MatchingEngine engine;
    final List<EngineEvent> events = new ArrayList<>();
    final List<EngineEvent> lastEvents = new ArrayList<>();
    long sequence;
    private int references;

    TestMarket() {
        this(new MatchingEngine());
    }

    TestMarket(MatchingEngine engine) {
        this.engine = engine;
        this.sequence = engine.lastSequence();
    }

    static TestMarket create() {
        TestMarket t = new TestMarket();
        t.ok(new AddAsset("USD", 2));
        t.ok(new AddAsset("BTC", 8));
        t.ok(new AddInstrument("BTC-USD", BTC, USD, new Increment(1, 0), new Increment(1, 2), 1));
        return t;
    }

    Result apply(Command command) {
        lastEvents.clear();
        Result result = engine.apply(++sequence, 1_000_000L * sequence, command, e -> {
            events.add(e);
            lastEvents.add(e);
        });
        assertThat(result.sequence()).isEqualTo(sequence);
        return result;
    }

    Result ok(Command command) {
        Result result = apply(command);
        assertThat(result.rejectCode()).as("%s", command).isNull();
        return result;
    }

    OrderResult order(Command command) {
        return (OrderResult) apply(command);
    }

    TestMarket fund(long account, long usdCents, long btcLots) {
        if (usdCents > 0) {
            ok(new CreditDeposit("fund-" + (++references), account, USD, usdCents));
        }
        if (btcLots > 0) {
            ok(new CreditDeposit("fund-" + (++references), account, BTC, btcLots * SAT_PER_LOT));
        }
        return this;
    }

    TestMarket fees(long account, int makerBps, int takerBps) {
        int tier = ++references + 100;
        ok(new ConfigureFeeTier(tier, makerBps, takerBps));
        ok(new SetAccountFeeTier(account, tier));
        return this;
    }

    TestMarket limits(int bandBps, long maxQuantity, long maxNotional) {
        ok(new ConfigureRiskLimits(BTC_USD, bandBps, maxQuantity, maxNotional));
        return this;
    }

    TestMarket reference(long price) {
        ok(new UpdateReferencePrice(BTC_USD, price));
        return this;
    }

    OrderResult limit(long account, Side side, long price, long quantity, TimeInForce tif) {
        return order(PlaceOrder.limit(account, BTC_USD, side, tif, price, quantity));
    }

    OrderResult buy(long account, long price, long quantity) {
        return limit(account, Side.BUY, price, quantity, TimeInForce.GTC);
    }

    OrderResult sell(long account, long price, long quantity) {
        return limit(account, Side.SELL, price, quantity, TimeInForce.GTC);
    }

    OrderResult market(long account, Side side, long quantity, TimeInForce tif) {
        return order(PlaceOrder.market(account, BTC_USD, side, tif, quantity));
    }

    OrderResult cancel(long account, long orderId) {
        return order(new CancelOrder(account, orderId));
    }

    OrderResult replace(long account, long orderId, long price, long quantity) {
        return order(new ReplaceOrder(account, orderId, price, quantity));
    }

    Balance usd(long account) {
        return engine.balance(account, USD);
    }

    Balance btc(long account) {
        return engine.balance(account, BTC);
    }

    OrderStatus status(long orderId) {
        return engine.order(orderId).map(o -> o.status()).orElse(null);
    }

    List<TradeExecuted> trades() {
        return events.stream().filter(TradeExecuted.class::isInstance).map(TradeExecuted.class::cast).toList();
    }

    @SuppressWarnings("unchecked")
    <T extends EngineEvent> List<T> last(Class<T> type) {
        return (List<T>) lastEvents.stream().filter(type::isInstance).toList();
    }

    byte[] snapshot() {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            engine.writeSnapshot(new DataOutputStream(bytes));
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static TestMarket restore(byte[] snapshot) {
        try {
            MatchingEngine engine = new MatchingEngine();
            engine.readSnapshot(new DataInputStream(new ByteArrayInputStream(snapshot)));
            return new TestMarket(engine);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
