package dev.tradewind.engine.core;

import dev.tradewind.engine.command.ConfigureFeeTier;
import dev.tradewind.engine.event.TradeExecuted;
import dev.tradewind.engine.order.Liquidity;
import dev.tradewind.engine.order.Side;
import dev.tradewind.engine.order.TimeInForce;
import dev.tradewind.engine.result.OrderResult;
import dev.tradewind.engine.result.RejectCode;
import dev.tradewind.engine.risk.Fees;
import org.junit.jupiter.api.Test;

import static dev.tradewind.engine.core.TestMarket.SAT_PER_LOT;
import static org.assertj.core.api.Assertions.assertThat;

class FeeTest {
    private static final long FEES = MatchingEngine.FEE_ACCOUNT_ID;
    private final TestMarket t = TestMarket.create().fund(1, 1_000_000, 0).fund(2, 0, 1_000);

    @Test
    void makerAndTakerPayTheirTierRatesInQuoteAndTheFeeAccountCollects() {
        t.fees(1, 10, 20).fees(2, 5, 30);
        t.sell(2, 1_000, 100);  // maker: 5 bps
        OrderResult taker = t.buy(1, 1_000, 100); // taker: 20 bps; notional 100000 cents
        assertThat(taker.fills()).singleElement().satisfies(f -> {
            assertThat(f.fee()).isEqualTo(200);
            assertThat(f.liquidity()).isEqualTo(Liquidity.TAKER);
        });
        assertThat(t.last(TradeExecuted.class)).singleElement().satisfies(e -> {
            assertThat(e.takerFee()).isEqualTo(200);
            assertThat(e.makerFee()).isEqualTo(50);
        });
        assertThat(t.usd(1).total()).isEqualTo(1_000_000 - 100_000 - 200);
        assertThat(t.usd(2).total()).isEqualTo(100_000 - 50);
        assertThat(t.usd(FEES).total()).isEqualTo(250);
        assertThat(t.usd(1).total() + t.usd(2).total() + t.usd(FEES).total()).isEqualTo(1_000_000);
        assertThat(t.btc(1).total() + t.btc(2).total()).isEqualTo(1_000 * SAT_PER_LOT);
    }

    @Test
    void feesRoundDownSoSubUnitFeesAreFree() {
        t.fees(1, 0, 10);
        t.sell(2, 99, 1); // notional 99 cents × 10 bps = 0.099 cents
        assertThat(t.buy(1, 99, 1).fills().getFirst().fee()).isZero();
        assertThat(Fees.fee(19_999, 5)).isEqualTo(9);
        assertThat(Fees.fee(Long.MAX_VALUE, 10_000)).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void aBuyReservesItsNotionalPlusTheHigherOfItsFeeRates() {
        t.fees(1, 50, 20);
        OrderResult bid = t.buy(1, 1_000, 10); // 10000 + 50 bps
        assertThat(bid.order().reserved()).isEqualTo(10_050);
        assertThat(t.usd(1).reserved()).isEqualTo(10_050);
    }

    @Test
    void ordersKeepTheRatesOfWhenTheyWerePlaced() {
        t.fees(2, 0, 0);
        t.sell(2, 1_000, 10);
        t.ok(new ConfigureFeeTier(7, 100, 100));
        t.ok(new dev.tradewind.engine.command.SetAccountFeeTier(2, 7));
        t.buy(1, 1_000, 10);
        assertThat(t.last(TradeExecuted.class).getFirst().makerFee()).isZero();
    }

    @Test
    void aFullFeeReservationCoversEveryPartialFill() {
        t.fees(1, 30, 30);
        long bid = t.buy(1, 997, 37).order().orderId();
        long reservedAtStart = t.usd(1).reserved();
        long paid = 0;
        for (int i = 0; i < 37; i++) {
            t.limit(2, Side.SELL, 997, 1, TimeInForce.IOC);
            paid += 997 + t.last(TradeExecuted.class).getFirst().makerFee();
        }
        assertThat(t.status(bid)).isNull();
        assertThat(t.usd(1).reserved()).isZero();
        assertThat(paid).isLessThanOrEqualTo(reservedAtStart);
        assertThat(t.usd(1).total()).isEqualTo(1_000_000 - paid);
    }

    @Test
    void feeRatesAreBounded() {
        assertThat(t.apply(new ConfigureFeeTier(1, 10_001, 0)).rejectCode()).isEqualTo(RejectCode.INVALID_FEE);
        assertThat(t.apply(new ConfigureFeeTier(1, 0, -1)).rejectCode()).isEqualTo(RejectCode.INVALID_FEE);
        assertThat(t.apply(new ConfigureFeeTier(-1, 0, 0)).rejectCode()).isEqualTo(RejectCode.INVALID_FEE);
        assertThat(t.apply(new dev.tradewind.engine.command.SetAccountFeeTier(1, 42)).rejectCode()).isEqualTo(RejectCode.UNKNOWN_FEE_TIER);
    }
}
