package dev.tradewind.engine.core;

import dev.tradewind.engine.command.AddAsset;
import dev.tradewind.engine.command.AddInstrument;
import dev.tradewind.engine.command.SetInstrumentStatus;
import dev.tradewind.engine.event.BookLevelChanged;
import dev.tradewind.engine.instrument.Increment;
import dev.tradewind.engine.instrument.Instrument;
import dev.tradewind.engine.instrument.InstrumentStatus;
import dev.tradewind.engine.order.OrderStatus;
import dev.tradewind.engine.order.Side;
import dev.tradewind.engine.query.BookDepth;
import dev.tradewind.engine.query.MarketSnapshot;
import dev.tradewind.engine.query.PriceLevel;
import dev.tradewind.engine.result.AdminResult;
import dev.tradewind.engine.result.OrderSnapshot;
import dev.tradewind.engine.result.RejectCode;
import org.junit.jupiter.api.Test;

import static dev.tradewind.engine.core.TestMarket.BTC_USD;
import static dev.tradewind.engine.core.TestMarket.USD;
import static org.assertj.core.api.Assertions.assertThat;

class AdminAndQueryTest {
    private final TestMarket t = TestMarket.create().fund(1, 100_000, 100).fund(2, 100_000, 100);

    @Test
    void instrumentsGetDenseIdsAndDerivedMultipliers() {
        Instrument btc = t.engine.instrument("BTC-USD").orElseThrow();
        assertThat(btc.id()).isEqualTo(BTC_USD);
        assertThat(btc.quotePerTickLot()).isEqualTo(1);
        assertThat(btc.basePerLot()).isEqualTo(1_000_000);
        AdminResult eth = (AdminResult) t.ok(new AddAsset("ETH", 18));
        assertThat(eth.assignedId()).isEqualTo(2);
        AdminResult pair = (AdminResult) t.ok(new AddInstrument("ETH-USD", 2, USD, new Increment(5, 2), new Increment(2, 1), 10));
        assertThat(pair.assignedId()).isEqualTo(1);
        Instrument ethUsd = t.engine.instrument(1).orElseThrow();
        // tick 0.05 USD × lot 0.2 ETH = 0.01 USD = 1 cent; a lot is 2×10^17 wei.
        assertThat(ethUsd.quotePerTickLot()).isEqualTo(1);
        assertThat(ethUsd.basePerLot()).isEqualTo(200_000_000_000_000_000L);
        assertThat(t.engine.instruments()).extracting(Instrument::symbol).containsExactly("BTC-USD", "ETH-USD");
        assertThat(t.engine.asset("ETH").orElseThrow().scale()).isEqualTo(18);
    }

    @Test
    void theAssetScaleRuleRefusesIncrementsThatCouldNotSettleExactly() {
        t.ok(new AddAsset("ETH", 8));
        // tick 0.01 USD × lot 0.001 ETH = 0.00001 USD: smaller than a cent.
        assertThat(t.apply(new AddInstrument("ETH-USD", 2, USD, new Increment(1, 2), new Increment(1, 3), 1)).rejectCode())
                .isEqualTo(RejectCode.INVALID_INSTRUMENT);
        // lot 0.000000001 ETH is below ETH's minor unit (scale 8).
        assertThat(t.apply(new AddInstrument("ETH-USD", 2, USD, new Increment(1, 0), new Increment(1, 9), 1)).rejectCode())
                .isEqualTo(RejectCode.INVALID_INSTRUMENT);
        assertThat(t.apply(new AddInstrument("ETH-ETH", 2, 2, new Increment(1, 0), new Increment(1, 2), 1)).rejectCode())
                .isEqualTo(RejectCode.INVALID_INSTRUMENT);
        assertThat(t.apply(new AddInstrument("ETH-USD", 2, USD, new Increment(1, 0), new Increment(1, 2), 0)).rejectCode())
                .isEqualTo(RejectCode.INVALID_INSTRUMENT);
        assertThat(t.apply(new AddInstrument("ETH-USD", 2, 7, new Increment(1, 0), new Increment(1, 2), 1)).rejectCode())
                .isEqualTo(RejectCode.UNKNOWN_ASSET);
        assertThat(t.apply(new AddInstrument("ETH-USD", 2, USD, new Increment(1, 0), new Increment(1, 2), 1)).accepted()).isTrue();
    }

    @Test
    void haltingStopsNewOrdersButNotCancels() {
        long bid = t.buy(1, 100, 1).order().orderId();
        t.ok(new SetInstrumentStatus(BTC_USD, InstrumentStatus.HALTED));
        assertThat(t.buy(1, 100, 1).rejectCode()).isEqualTo(RejectCode.INSTRUMENT_HALTED);
        assertThat(t.replace(1, bid, 99, 0).rejectCode()).isEqualTo(RejectCode.INSTRUMENT_HALTED);
        assertThat(t.cancel(1, bid).accepted()).isTrue();
        assertThat(t.engine.market(BTC_USD).orElseThrow().status()).isEqualTo(InstrumentStatus.HALTED);
        t.ok(new SetInstrumentStatus(BTC_USD, InstrumentStatus.TRADING));
        assertThat(t.buy(1, 100, 1).accepted()).isTrue();
    }

    @Test
    void priceBandsAndSizeLimitsApplyToLimitOrders() {
        t.reference(1_000).limits(200, 50, 50_000); // ±2 % = 980..1020, ≤ 50 lots, ≤ 500 USD
        assertThat(t.buy(1, 979, 1).rejectCode()).isEqualTo(RejectCode.PRICE_OUT_OF_BAND);
        assertThat(t.sell(2, 1_021, 1).rejectCode()).isEqualTo(RejectCode.PRICE_OUT_OF_BAND);
        assertThat(t.buy(1, 980, 1).accepted()).isTrue();
        assertThat(t.sell(2, 1_020, 51).rejectCode()).isEqualTo(RejectCode.QUANTITY_TOO_LARGE);
        assertThat(t.sell(2, 1_020, 50).rejectCode()).isEqualTo(RejectCode.NOTIONAL_TOO_LARGE);
        assertThat(t.sell(2, 1_000, 60).rejectCode()).isEqualTo(RejectCode.QUANTITY_TOO_LARGE);
        assertThat(t.sell(2, 1_000, 50).accepted()).isTrue();
    }

    @Test
    void depthAndMarketSnapshotsReflectTheBook() {
        t.buy(1, 99, 2);
        t.buy(2, 99, 3);
        t.buy(1, 98, 1);
        t.sell(2, 101, 4);
        t.sell(2, 102, 5);
        t.limit(1, Side.BUY, 101, 1, dev.tradewind.engine.order.TimeInForce.IOC);
        BookDepth depth = t.engine.depth(BTC_USD, 10).orElseThrow();
        assertThat(depth.bids()).containsExactly(new PriceLevel(99, 5), new PriceLevel(98, 1));
        assertThat(depth.asks()).containsExactly(new PriceLevel(101, 3), new PriceLevel(102, 5));
        assertThat(depth.sequence()).isEqualTo(t.engine.lastSequence());
        assertThat(t.engine.depth(BTC_USD, 1).orElseThrow().bids()).hasSize(1);
        MarketSnapshot market = t.engine.market(BTC_USD).orElseThrow();
        assertThat(market.bestBid()).isEqualTo(99);
        assertThat(market.bestBidQuantity()).isEqualTo(5);
        assertThat(market.bestAsk()).isEqualTo(101);
        assertThat(market.lastTradePrice()).isEqualTo(101);
        assertThat(t.engine.depth(7, 5)).isEmpty();
    }

    @Test
    void levelUpdatesCarryTheEngineSequence() {
        t.buy(1, 99, 2);
        assertThat(t.last(BookLevelChanged.class)).singleElement().satisfies(e -> {
            assertThat(e.sequence()).isEqualTo(t.engine.lastSequence());
            assertThat(e.timestamp()).isEqualTo(1_000_000L * t.engine.lastSequence());
            assertThat(e.quantity()).isEqualTo(2);
        });
    }

    @Test
    void openOrdersAndBalancesAreQueryable() {
        long first = t.buy(1, 99, 2).order().orderId();
        long second = t.order(t.buy(1, 98, 1).order() == null ? null
                : dev.tradewind.engine.command.PlaceOrder.limit(1, BTC_USD, Side.SELL, dev.tradewind.engine.order.TimeInForce.GTC, 120, 3)
                .withClientOrderId("mine-1")).order().orderId();
        assertThat(t.engine.openOrders(1)).extracting(OrderSnapshot::orderId).containsExactly(first, first + 1, second);
        OrderSnapshot sell = t.engine.order(second).orElseThrow();
        assertThat(sell.clientOrderId()).isEqualTo("mine-1");
        assertThat(sell.status()).isEqualTo(OrderStatus.NEW);
        assertThat(sell.reserved()).isEqualTo(3 * TestMarket.SAT_PER_LOT);
        assertThat(t.engine.balances(1)).hasSize(2);
        assertThat(t.engine.balances(999)).isEmpty();
        assertThat(t.engine.accountIds()).containsExactly(0, 1, 2);
        assertThat(t.engine.openOrderCount()).isEqualTo(3);
    }
}
