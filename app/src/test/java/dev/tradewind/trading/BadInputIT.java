package dev.tradewind.trading;

import static dev.tradewind.trading.TradingApi.limit;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tradewind.engine.command.SetInstrumentStatus;
import dev.tradewind.engine.instrument.InstrumentStatus;
import dev.tradewind.identity.TestApi.Response;
import dev.tradewind.identity.TestApi.Session;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Bad orders are 400/422 problem+json with a stable code, and change nothing. */
class BadInputIT extends TradingIntegrationTest {
    @Autowired
    ReferenceData referenceData;

    @Test
    void badOrdersAreRefusedWithAStableCodeAndChangeNothing() {
        Session trader = api.fundedTrader("USD", "1000", "BTC", "0.5");
        Map<String, BigDecimal> before = api.balances(trader, "available");
        long sequenceBefore = engine.publishedSequence();

        expect(trader, with("symbol", "DOGE-USD"), 422, "UNKNOWN_INSTRUMENT");
        expect(trader, with("price", "40000.001"), 422, "PRICE_OFF_TICK");
        expect(trader, with("quantity", "0.000011"), 422, "QUANTITY_OFF_LOT");
        expect(trader, with("quantity", "0.00001"), 422, "QUANTITY_TOO_SMALL");
        expect(trader, with("quantity", "-1"), 422, "NOT_POSITIVE");
        expect(trader, with("quantity", "0"), 422, "NOT_POSITIVE");
        expect(trader, with("price", "-5.00"), 422, "NOT_POSITIVE");
        expect(trader, with("quantity", "99999999999999999999999999999"), 422, "NUMBER_TOO_LARGE");
        expect(trader, with("quantity", "1" + "0".repeat(80)), 422, "NUMBER_TOO_LARGE");
        expect(trader, with("quantity", "abc"), 400, "VALIDATION_FAILED");
        expect(trader, with("quantity", "1e3"), 400, "VALIDATION_FAILED");
        expect(trader, with("quantity", " 1"), 400, "VALIDATION_FAILED");
        expect(trader, with("side", "HOLD"), 400, "MALFORMED_REQUEST");
        expect(trader, with("type", "ICEBERG"), 400, "MALFORMED_REQUEST");
        expect(trader, without("type"), 400, "VALIDATION_FAILED");
        expect(trader, without("quantity"), 400, "VALIDATION_FAILED");
        expect(trader, without("symbol"), 400, "VALIDATION_FAILED");
        expectRaw(trader, "{\"symbol\":\"BTC-USD\",\"side\":\"BUY\",\"type\":\"LIMIT\",\"quantity\":0.5,\"price\":\"40000\"}",
                400, "MALFORMED_REQUEST");
        expectRaw(trader, "{\"symbol\":\"BTC-USD\",\"side\":\"BUY\",\"type\":\"LIMIT\",\"quantity\":\"0.5\",\"price\":40000}",
                400, "MALFORMED_REQUEST");
        expectRaw(trader, "{\"symbol\":[\"BTC-USD\"],\"side\":\"BUY\",\"type\":\"LIMIT\",\"quantity\":\"0.5\"}",
                400, "MALFORMED_REQUEST");
        expectRaw(trader, "{\"symbol\":\"BTC-USD\",", 400, "MALFORMED_REQUEST");
        expectRaw(trader, "[]", 400, "MALFORMED_REQUEST");
        expect(trader, with("clientOrderId", "has space"), 400, "VALIDATION_FAILED");
        expect(trader, with("clientOrderId", "x".repeat(65)), 400, "VALIDATION_FAILED");
        assertThat(engine.publishedSequence()).as("nothing reached the engine").isEqualTo(sequenceBefore);

        // refused by the engine: 422 with its code, nothing changed
        expect(trader, with("quantity", "1"), 422, "INSUFFICIENT_FUNDS");
        expect(trader, limit("BTC-USD", "SELL", "1", "40000.00"), 422, "INSUFFICIENT_FUNDS");
        Map<String, Object> marketWithPrice = TradingApi.market("BTC-USD", "BUY", "0.001");
        marketWithPrice.put("price", "40000.00");
        expect(trader, marketWithPrice, 422, "INVALID_PRICE");
        Map<String, Object> gtcMarket = TradingApi.market("BTC-USD", "BUY", "0.001");
        gtcMarket.put("timeInForce", "GTC");
        expect(trader, gtcMarket, 422, "INVALID_TIME_IN_FORCE");
        Map<String, Object> stopWithoutTrigger = limit("BTC-USD", "BUY", "0.001", "40000.00");
        stopWithoutTrigger.put("type", "STOP_LIMIT");
        expect(trader, stopWithoutTrigger, 422, "INVALID_STOP_PRICE");

        int aapl = referenceData.instrument("AAPL-USD").orElseThrow().engineId();
        engine.execute(new SetInstrumentStatus(aapl, InstrumentStatus.HALTED));
        try {
            expect(trader, limit("AAPL-USD", "BUY", "1", "100.00"), 422, "INSTRUMENT_HALTED");
        } finally {
            engine.execute(new SetInstrumentStatus(aapl, InstrumentStatus.TRADING));
        }

        assertThat(api.balances(trader, "available")).isEqualTo(before);
        assertThat(api.balances(trader, "reserved").values()).allMatch(v -> v.signum() == 0);
        assertThat(api.get(trader, "/api/v1/orders?status=all").json().size()).isZero();
        assertThat(api.get(trader, "/api/v1/fills").json().size()).isZero();
    }

    @Test
    void badAdjustmentsAndQueriesAreRefused() {
        Session trader = api.newTrader();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM trading_accounts WHERE user_id = ?", Integer.class,
                trader.userId())).as("an engine account is created at registration").isEqualTo(1);
        assertThat(api.adjust(trader.userId(), "XYZ", "1").json().get("code").asString()).isEqualTo("UNKNOWN_ASSET");
        assertThat(api.adjust(trader.userId(), "USD", "0").json().get("code").asString()).isEqualTo("ZERO_AMOUNT");
        assertThat(api.adjust(trader.userId(), "USD", "0.000000001").json().get("code").asString())
                .isEqualTo("AMOUNT_OFF_SCALE");
        assertThat(api.adjust(trader.userId(), "USD", "-1").json().get("code").asString()).isEqualTo("INSUFFICIENT_FUNDS");
        assertThat(api.adjust(java.util.UUID.randomUUID(), "USD", "1").json().get("code").asString())
                .isEqualTo("UNKNOWN_USER");
        assertThat(api.adjust(trader.userId(), "USD", "ten").status()).isEqualTo(400);
        Response forbidden = api.raw().post("/api/v1/admin/adjustments", dev.tradewind.identity.TestApi.json(Map.of(
                "userId", trader.userId().toString(), "asset", "USD", "amount", "1", "reason", "self-service")),
                trader.accessToken());
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(api.totals(trader).get("USD")).isEqualByComparingTo("0");
        assertThat(api.get(trader, "/api/v1/orders/abc").status()).isEqualTo(400);
        assertThat(api.get(trader, "/api/v1/orders?cursor=x").status()).isEqualTo(400);
        assertThat(api.get(trader, "/api/v1/ledger?cursor=x").status()).isEqualTo(400);
        assertThat(api.delete(trader, "/api/v1/orders/12345678").status()).isEqualTo(404);
    }

    private void expect(Session trader, Map<String, ?> order, int status, String code) {
        Response r = api.place(trader, order);
        assertProblem(r, status, code, order.toString());
    }

    private void expectRaw(Session trader, String json, int status, String code) {
        assertProblem(api.placeRaw(trader, json), status, code, json);
    }

    private static void assertProblem(Response r, int status, String code, String what) {
        assertThat(r.status()).as("%s -> %s", what, r.body()).isEqualTo(status);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.json().get("code").asString()).as(what).isEqualTo(code);
        assertThat(r.body()).doesNotContain("Exception").doesNotContain("at dev.");
    }

    private static Map<String, Object> with(String field, String value) {
        Map<String, Object> order = limit("BTC-USD", "BUY", "0.001", "40000.00");
        order.put(field, value);
        return order;
    }

    private static Map<String, Object> without(String field) {
        Map<String, Object> order = new LinkedHashMap<>(limit("BTC-USD", "BUY", "0.001", "40000.00"));
        order.remove(field);
        return order;
    }
}
