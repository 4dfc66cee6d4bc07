package dev.tradewind.trading.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradewind.engine.risk.FeeTier;
import dev.tradewind.identity.TestApi.Response;
import dev.tradewind.identity.TestApi.Session;
import dev.tradewind.trading.TradingAccounts;
import dev.tradewind.trading.TradingApi;
import dev.tradewind.trading.TradingIntegrationTest;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** A user's tier decides the fee rates the engine charges (defaults: BASIC 10/20, PRO 5/15, ENTERPRISE 2/10 bps). */
class TierFeesIT extends TradingIntegrationTest {
    @Autowired
    TierFees tierFees;
    @Autowired
    TradingAccounts accounts;

    @Test
    void theEngineHasTheConfiguredScheduleOfEveryTier() {
        assertThat(engine.<java.util.List<FeeTier>>query(m -> m.feeTiers())).contains(new FeeTier(0, 10, 20), new FeeTier(1, 5, 15),
                new FeeTier(2, 2, 10));
    }

    /*
     * PRO takes 0.1 BTC at 20000 from a BASIC maker: notional 2000 USD, PRO taker fee 15 bps = 3.00
     * (BASIC would pay 4.00); the BASIC maker pays 10 bps = 2.00. A PRO maker then pays 5 bps.
     */
    @Test
    void aProUserPaysTheProFees() {
        Session pro = api.fundedTrader("USD", "10000", "BTC", "1");
        Session basic = api.fundedTrader("USD", "10000", "BTC", "1");
        assertThat(engine.<Integer>query(m -> m.feeTier(accounts.accountOf(pro.userId())))).isZero();
        jdbc.update("UPDATE users SET tier = 'PRO' WHERE id = ?", pro.userId()); // what an admin's change writes
        assertThat(tierFees.synchronizeAll()).as("the start-up pass moves it").isGreaterThanOrEqualTo(1);
        assertThat(engine.<Integer>query(m -> m.feeTier(accounts.accountOf(pro.userId())))).isEqualTo(1);

        api.placed(basic, TradingApi.limit("BTC-USD", "SELL", "0.10000", "20000.00"));
        JsonNode taken = api.placed(pro, TradingApi.limit("BTC-USD", "BUY", "0.10000", "20000.00"));
        assertThat(taken.get("status").asString()).isEqualTo("FILLED");
        assertThat(lastFee(pro)).isEqualByComparingTo("3.00");
        assertThat(lastFee(basic)).isEqualByComparingTo("2.00");

        api.placed(pro, TradingApi.limit("BTC-USD", "SELL", "0.10000", "20000.00"));
        api.placed(basic, TradingApi.limit("BTC-USD", "BUY", "0.10000", "20000.00"));
        assertThat(lastFee(pro)).as("PRO maker, 5 bps").isEqualByComparingTo("1.00");
        assertThat(lastFee(basic)).as("BASIC taker, 20 bps").isEqualByComparingTo("4.00");

        jdbc.update("UPDATE users SET tier = 'BASIC' WHERE id = ?", pro.userId());
        tierFees.synchronize(pro.userId());
        assertThat(engine.<Integer>query(m -> m.feeTier(accounts.accountOf(pro.userId())))).isZero();
    }

    private BigDecimal lastFee(Session trader) {
        Response fills = api.get(trader, "/api/v1/fills?limit=1");
        assertThat(fills.status()).as(fills.body()).isEqualTo(200);
        return new BigDecimal(fills.json().get(0).get("fee").asString());
    }
}
