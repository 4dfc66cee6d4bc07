package dev.tradewind.portfolio.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradewind.IntegrationTest;
import dev.tradewind.identity.TestApi;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The app as it is until the trading module implements the ports: clear 503s, an idle job. */
class PortfolioUnavailableIT extends IntegrationTest {
    @Autowired
    DailySnapshotJob job;

    @Test
    void endpointsAnswer503AndTheJobDoesNothing() {
        TestApi api = new TestApi(port);
        TestApi.Session trader = api.newTrader();

        for (String path : new String[] {"/api/v1/portfolio", "/api/v1/portfolio/history?days=30"}) {
            TestApi.Response response = api.get(path, trader.accessToken());
            assertThat(response.status()).as(path).isEqualTo(503);
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.json().get("code").asString()).isEqualTo("SERVICE_UNAVAILABLE");
            assertThat(response.json().get("detail").asString()).contains("trading module");
        }
        assertThat(job.snapshot(LocalDate.now())).isNull();
    }
}
