package dev.tradewind.trading;

import static dev.tradewind.trading.TradingApi.limit;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tradewind.identity.TestApi;
import dev.tradewind.identity.TestApi.Response;
import dev.tradewind.identity.TestApi.Session;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InstrumentAdminIT extends TradingIntegrationTest {

    @Test
    void adminAddsHaltsAndResumesAnInstrumentAudited() {
        String admin = api.admin().accessToken();
        Map<String, String> ethBtc = Map.of("symbol", "ETH-BTC", "baseAsset", "ETH", "quoteAsset", "BTC",
                "tickSize", "0.00001", "lotSize", "0.001", "minQuantity", "0.01");
        Response added = api.raw().post("/api/v1/admin/instruments", TestApi.json(ethBtc), admin);
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        assertThat(added.json().get("status").asString()).isEqualTo("TRADING");
        assertThat(added.json().get("minQuantity").asString()).isEqualTo("0.01");
        assertThat(api.raw().post("/api/v1/admin/instruments", TestApi.json(ethBtc), admin).status()).isEqualTo(409);

        Response inexpressible = api.raw().post("/api/v1/admin/instruments", TestApi.json(Map.of("symbol", "SOL-BTC",
                "baseAsset", "SOL", "quoteAsset", "BTC", "tickSize", "0.0000001", "lotSize", "0.001",
                "minQuantity", "0.001")), admin);
        assertThat(inexpressible.status()).as(inexpressible.body()).isEqualTo(422);
        assertThat(inexpressible.json().get("code").asString()).isEqualTo("INVALID_INSTRUMENT");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM instruments WHERE symbol = 'SOL-BTC'", Integer.class))
                .isZero();
        Response unknownAsset = api.raw().post("/api/v1/admin/instruments", TestApi.json(Map.of("symbol", "XRP-USD",
                "baseAsset", "XRP", "quoteAsset", "USD", "tickSize", "0.0001", "lotSize", "1", "minQuantity", "1")),
                admin);
        assertThat(unknownAsset.json().get("code").asString()).isEqualTo("UNKNOWN_ASSET");

        Session trader = api.fundedTrader("BTC", "1", "ETH", "10");
        assertThat(api.raw().post("/api/v1/admin/instruments/ETH-BTC/halt", "", trader.accessToken()).status())
                .isEqualTo(403);
        assertThat(api.get(null, "/api/v1/instruments").body()).contains("ETH-BTC");
        api.placed(trader, limit("ETH-BTC", "SELL", "1", "0.05000"));

        Response halted = api.raw().post("/api/v1/admin/instruments/ETH-BTC/halt", "", admin);
        assertThat(halted.status()).as(halted.body()).isEqualTo(200);
        assertThat(halted.json().get("status").asString()).isEqualTo("HALTED");
        Response refused = api.place(trader, limit("ETH-BTC", "SELL", "1", "0.05000"));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("code").asString()).isEqualTo("INSTRUMENT_HALTED");
        assertThat(api.raw().post("/api/v1/admin/instruments/ETH-BTC/resume", "", admin).json().get("status").asString())
                .isEqualTo("TRADING");
        api.placed(trader, limit("ETH-BTC", "SELL", "1", "0.05000"));
        assertThat(api.raw().post("/api/v1/admin/instruments/NOPE-USD/halt", "", admin).status()).isEqualTo(404);

        assertThat(jdbc.queryForObject("""
                SELECT count(*) FROM audit_log WHERE target = 'ETH-BTC'
                AND action IN ('INSTRUMENT_ADDED', 'INSTRUMENT_HALTED', 'INSTRUMENT_RESUMED')""", Integer.class))
                .isEqualTo(3);
    }
}
