package dev.tradewind.engine.core;

import dev.tradewind.engine.command.AddAsset;
import dev.tradewind.engine.command.AddInstrument;
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
import dev.tradewind.engine.event.OrderRejected;
import dev.tradewind.engine.instrument.Increment;
import dev.tradewind.engine.instrument.InstrumentStatus;
import dev.tradewind.engine.order.OrderType;
import dev.tradewind.engine.order.Side;
import dev.tradewind.engine.order.TimeInForce;
import dev.tradewind.engine.result.RejectCode;
import dev.tradewind.engine.result.Result;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.util.EnumMap;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import static dev.tradewind.engine.core.TestMarket.BTC;
import static dev.tradewind.engine.core.TestMarket.BTC_USD;
import static dev.tradewind.engine.core.TestMarket.USD;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every rejection code, each produced on a busy engine, must leave the content hash untouched and
 * emit nothing but an OrderRejected (for orders).
 */
class RejectionTest {
    /** A command that must be rejected with the code, built after the shared setup ran. */
    private static final Map<RejectCode, Function<TestMarket, Command>> CASES = new EnumMap<>(RejectCode.class);

    private static PlaceOrder limit(long account, Side side, TimeInForce tif, long price, long quantity) {
        return PlaceOrder.limit(account, BTC_USD, side, tif, price, quantity);
    }

    static {
        CASES.put(RejectCode.UNKNOWN_INSTRUMENT, t -> PlaceOrder.limit(1, 9, Side.BUY, TimeInForce.GTC, 100, 1));
        CASES.put(RejectCode.INSTRUMENT_HALTED, t -> PlaceOrder.limit(1, 1, Side.BUY, TimeInForce.GTC, 100, 5));
        CASES.put(RejectCode.INVALID_ACCOUNT, t -> limit(0, Side.BUY, TimeInForce.GTC, 100, 1));
        CASES.put(RejectCode.INVALID_ORDER, t -> new PlaceOrder(1, BTC_USD, null, OrderType.LIMIT, TimeInForce.GTC, 100, 0, 1, null));
        CASES.put(RejectCode.INVALID_PRICE, t -> limit(1, Side.BUY, TimeInForce.GTC, 0, 1));
        CASES.put(RejectCode.INVALID_STOP_PRICE, t -> PlaceOrder.stopMarket(1, BTC_USD, Side.SELL, TimeInForce.IOC, -5, 1));
        CASES.put(RejectCode.INVALID_QUANTITY, t -> limit(1, Side.BUY, TimeInForce.GTC, 100, 0));
        CASES.put(RejectCode.INVALID_TIME_IN_FORCE, t -> PlaceOrder.market(1, BTC_USD, Side.BUY, TimeInForce.GTC, 1));
        CASES.put(RejectCode.QUANTITY_TOO_SMALL, t -> PlaceOrder.limit(1, 2, Side.BUY, TimeInForce.GTC, 100, 4));
        CASES.put(RejectCode.QUANTITY_TOO_LARGE, t -> limit(1, Side.BUY, TimeInForce.GTC, 100, 1_001));
        CASES.put(RejectCode.NOTIONAL_TOO_LARGE, t -> limit(1, Side.BUY, TimeInForce.GTC, 105, 1_000));
        CASES.put(RejectCode.PRICE_OUT_OF_BAND, t -> limit(1, Side.BUY, TimeInForce.GTC, 200, 1));
        CASES.put(RejectCode.INSUFFICIENT_FUNDS, t -> limit(1, Side.BUY, TimeInForce.GTC, 100, 999));
        CASES.put(RejectCode.POST_ONLY_WOULD_TAKE, t -> limit(1, Side.BUY, TimeInForce.POST_ONLY, 101, 1));
        CASES.put(RejectCode.FOK_NOT_FILLABLE, t -> limit(1, Side.BUY, TimeInForce.FOK, 101, 50));
        CASES.put(RejectCode.UNKNOWN_ORDER, t -> new CancelOrder(1, 1_000_000));
        CASES.put(RejectCode.ORDER_NOT_OPEN, t -> new CancelOrder(1, 1));
        CASES.put(RejectCode.ORDER_NOT_REPLACEABLE, t -> new ReplaceOrder(1, t.engine.openOrders(1).stream()
                .filter(o -> o.type() == OrderType.STOP_LIMIT).findFirst().orElseThrow().orderId(), 0, 2));
        CASES.put(RejectCode.UNKNOWN_ASSET, t -> new CreditDeposit("new", 1, 9, 5));
        CASES.put(RejectCode.INVALID_AMOUNT, t -> new CreditDeposit("new", 1, USD, 0));
        CASES.put(RejectCode.INVALID_REFERENCE, t -> new CreditDeposit("", 1, USD, 5));
        CASES.put(RejectCode.DUPLICATE_REFERENCE, t -> new CreditDeposit("dep-1", 1, USD, 6));
        CASES.put(RejectCode.UNKNOWN_REFERENCE, t -> new ConfirmWithdrawal("dep-1"));
        CASES.put(RejectCode.WITHDRAWAL_NOT_HELD, t -> new ReleaseWithdrawal("wd-1"));
        CASES.put(RejectCode.BALANCE_OVERFLOW, t -> new CreditDeposit("huge", 2, BTC, Long.MAX_VALUE - 5));
        CASES.put(RejectCode.DUPLICATE_ASSET, t -> new AddAsset("USD", 2));
        CASES.put(RejectCode.INVALID_ASSET, t -> new AddAsset("XAU", 19));
        CASES.put(RejectCode.DUPLICATE_SYMBOL, t -> new AddInstrument("BTC-USD", BTC, USD, new Increment(1, 0), new Increment(1, 2), 1));
        CASES.put(RejectCode.INVALID_INSTRUMENT,
                t -> new AddInstrument("BTC-USDX", BTC, USD, new Increment(1, 3), new Increment(1, 3), 1));
        CASES.put(RejectCode.INVALID_FEE, t -> new ConfigureFeeTier(1, 0, 20_000));
        CASES.put(RejectCode.UNKNOWN_FEE_TIER, t -> new SetAccountFeeTier(1, 99));
        CASES.put(RejectCode.INVALID_RISK_LIMITS, t -> new ConfigureRiskLimits(BTC_USD, 10_001, 0, 0));
    }

    /** A busy engine: resting orders both sides, a pending stop, a confirmed withdrawal, a halted market. */
    private static TestMarket busyMarket() {
        TestMarket t = TestMarket.create();
        t.ok(new CreditDeposit("dep-1", 1, USD, 100_000));
        t.fund(1, 0, 10).fund(2, 1_000_000, 1_000);
        t.limit(2, Side.SELL, 100, 1, TimeInForce.GTC);           // order 1 (after 3 setup + 3 credits: id 7)
        t.buy(1, 100, 1);                                          // fills it
        t.sell(2, 101, 5);
        t.buy(2, 99, 5);
        t.order(PlaceOrder.stopLimit(1, BTC_USD, Side.BUY, TimeInForce.GTC, 150, 150, 1));
        t.ok(new HoldWithdrawal("wd-1", 1, USD, 100));
        t.ok(new ConfirmWithdrawal("wd-1"));
        t.ok(new ConfigureRiskLimits(BTC_USD, 1_000, 1_000, 100_000));
        t.reference(100);
        t.ok(new AddAsset("ETH", 8));
        t.ok(new AddInstrument("ETH-USD", 2, USD, new Increment(1, 0), new Increment(1, 2), 5));
        t.ok(new SetInstrumentStatus(1, InstrumentStatus.HALTED));
        t.ok(new AddInstrument("ETH-BTC", 2, BTC, new Increment(1, 5), new Increment(1, 2), 5));
        return t;
    }

    @Test
    void everyRejectCodeIsCovered() {
        assertThat(CASES.keySet()).containsExactlyInAnyOrder(RejectCode.values());
    }

    @Test
    void aFilledOrderIsNotOpen() {
        TestMarket t = busyMarket();
        long filled = t.events.stream().filter(dev.tradewind.engine.event.TradeExecuted.class::isInstance)
                .map(e -> ((dev.tradewind.engine.event.TradeExecuted) e).makerOrderId()).findFirst().orElseThrow();
        assertThat(t.cancel(2, filled).rejectCode()).isEqualTo(RejectCode.ORDER_NOT_OPEN);
    }

    @TestFactory
    Stream<DynamicTest> everyRejectionLeavesTheStateUnchanged() {
        return CASES.entrySet().stream().map(e -> DynamicTest.dynamicTest(e.getKey().name(), () -> {
            TestMarket t = busyMarket();
            Command command = e.getValue().apply(t);
            long hash = t.engine.contentHash();
            byte[] before = t.snapshot();
            Result result = t.apply(command);
            assertThat(result.rejectCode()).as("%s", command).isEqualTo(e.getKey());
            assertThat(t.engine.contentHash()).isEqualTo(hash);
            if (command instanceof PlaceOrder) {
                assertThat(t.lastEvents).singleElement().isInstanceOfSatisfying(OrderRejected.class,
                        r -> assertThat(r.code()).isEqualTo(e.getKey()));
            } else {
                assertThat(t.lastEvents).isEmpty();
            }
            // Beyond the hash: the snapshot (which includes the sequence) differs only by the sequence.
            TestMarket restored = TestMarket.restore(before);
            assertThat(restored.engine.contentHash()).isEqualTo(hash);
        }));
    }
}
