package dev.tradewind.marketdata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tradewind.TradewindApplication;
import dev.tradewind.identity.TestApi;
import dev.tradewind.identity.TestApi.Response;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/** Closed candles are in PostgreSQL: after a restart on the same data dir, without any feed, /candles still serves them. */
class CandleRestartIT {

    @Test
    void closedCandlesSurviveARestart() {
        Path dataDir = Path.of("target/test-data/candle-restart-" + UUID.randomUUID());
        List<JsonNode> closed = new ArrayList<>();
        try (ConfigurableApplicationContext app = start(dataDir, "synthetic")) {
            TestApi api = api(app);
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                JsonNode candles = ok(api, "/api/v1/markets/BTC-USD/candles?interval=1s");
                assertThat(candles.size()).isGreaterThanOrEqualTo(6);
            });
            JsonNode candles = ok(api, "/api/v1/markets/BTC-USD/candles?interval=1s");
            closed.add(candles.get(0)); // seconds old: closed (1s candles close about 2 s after their end)
            closed.add(candles.get(1));
        }
        try (ConfigurableApplicationContext app = start(dataDir, "none")) {
            JsonNode candles = ok(api(app), "/api/v1/markets/BTC-USD/candles?interval=1s&from="
                    + closed.get(0).get("time").asString());
            assertThat(candles.size()).isGreaterThanOrEqualTo(2);
            assertThat(candles.get(0)).isEqualTo(closed.get(0));
            assertThat(candles.get(1)).isEqualTo(closed.get(1));
            // minute candles are persisted by default too, but none of them closed in this short run
            assertThat(ok(api(app), "/api/v1/markets/BTC-USD/candles?interval=1m").size()).isLessThanOrEqualTo(2);
        }
    }

    private static JsonNode ok(TestApi api, String path) {
        Response r = api.get(path, null);
        assertThat(r.status()).as(path + " " + r.body()).isEqualTo(200);
        return r.json();
    }

    private static TestApi api(ConfigurableApplicationContext app) {
        return new TestApi(((WebServerApplicationContext) app).getWebServer().getPort());
    }

    private static ConfigurableApplicationContext start(Path dataDir, String feed) {
        return new SpringApplicationBuilder(TradewindApplication.class).run(
                "--server.port=0",
                "--tradewind.data-dir=" + dataDir,
                "--tradewind.db.embedded-fsync=false",
                "--tradewind.demo=false",
                "--tradewind.marketdata.feed=" + feed,
                "--tradewind.marketdata.synthetic.updates-per-second=50",
                "--tradewind.marketdata.candles.persist-intervals=1s,1m",
                "--tradewind.marketdata.candles.flush-interval=100ms");
    }
}
