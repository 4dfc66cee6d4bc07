package dev.tradewind.trading;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradewind.engine.core.MatchingEngine;
import dev.tradewind.engine.instrument.Instrument;
import dev.tradewind.identity.TestApi.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class InstrumentsIT extends TradingIntegrationTest {

    @Test
    void listsTheSeededInstrumentsPubliclyWithDecimalStrings() {
        Response r = api.get(null, "/api/v1/instruments");
        assertThat(r.status()).isEqualTo(200);
        JsonNode btc = null;
        for (JsonNode i : r.json()) {
            if (i.get("symbol").asString().equals("BTC-USD")) {
                btc = i;
            }
        }
        assertThat(r.json().size()).isGreaterThanOrEqualTo(4);
        assertThat(btc).isNotNull();
        assertThat(btc.get("baseAsset").asString()).isEqualTo("BTC");
        assertThat(btc.get("quoteAsset").asString()).isEqualTo("USD");
        assertThat(btc.get("tickSize").isString()).isTrue();
        assertThat(btc.get("tickSize").asString()).isEqualTo("0.01");
        assertThat(btc.get("lotSize").asString()).isEqualTo("0.00001");
        assertThat(btc.get("minQuantity").asString()).isEqualTo("0.0001");
        assertThat(btc.get("status").asString()).isIn("TRADING", "HALTED");
    }

    @Test
    void theEngineHasEveryInstrumentOfPostgresqlUnderTheRecordedIds() {
        List<Map<String, Object>> rows = jdbc.queryForList("SELECT symbol, engine_id FROM instruments");
        List<Instrument> inEngine = engine.query(MatchingEngine::instruments);
        for (Map<String, Object> row : rows) {
            assertThat(row.get("engine_id")).as("engine id of %s", row.get("symbol")).isNotNull();
            Instrument instrument = inEngine.get((Integer) row.get("engine_id"));
            assertThat(instrument.symbol()).isEqualTo(row.get("symbol"));
        }
        assertThat(jdbc.queryForObject("SELECT count(*) FROM assets WHERE engine_id IS NULL", Integer.class)).isZero();
    }
}
