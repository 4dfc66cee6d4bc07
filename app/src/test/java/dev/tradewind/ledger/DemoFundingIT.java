package dev.tradewind.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradewind.identity.DemoUserProvisioned;
import dev.tradewind.identity.TestApi.Session;
import dev.tradewind.trading.TradingIntegrationTest;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;

class DemoFundingIT extends TradingIntegrationTest {
    @Autowired
    ApplicationEventPublisher events;

    @Test
    void theDemoUserIsFundedOnceThoughTheEventFiresAtEveryStart() {
        Session demo = api.newTrader();
        events.publishEvent(new DemoUserProvisioned(demo.userId()));
        events.publishEvent(new DemoUserProvisioned(demo.userId()));
        awaitPersisted();
        Map<String, BigDecimal> totals = api.totals(demo);
        assertThat(totals.get("USD")).isEqualByComparingTo("100000");
        assertThat(totals.get("BTC")).isEqualByComparingTo("2");
        assertThat(totals.get("ETH")).isEqualByComparingTo("20");
        assertThat(totals.get("SOL")).isEqualByComparingTo("500");
        assertThat(totals.get("AAPL")).isEqualByComparingTo("200");
        assertThat(api.get(demo, "/api/v1/ledger").json().size()).isEqualTo(5);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM ledger_adjustments WHERE user_id = ? AND kind = 'DEMO_FUNDING' "
                + "AND status = 'APPLIED'", Integer.class, demo.userId())).isEqualTo(5);
    }
}
