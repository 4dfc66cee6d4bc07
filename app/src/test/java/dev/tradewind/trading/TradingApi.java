package dev.tradewind.trading;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradewind.identity.TestApi;
import dev.tradewind.identity.TestApi.Response;
import dev.tradewind.identity.TestApi.Session;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/** Trading calls for ITs on top of {@link TestApi}. */
public final class TradingApi {
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private final TestApi api;
    private final String base;
    private final String adminEmail;
    private final String adminPassword;
    private volatile Session admin;

    public TradingApi(TestApi api, String adminEmail, String adminPassword) {
        this.api = api;
        this.base = baseOf(api);
        this.adminEmail = adminEmail;
        this.adminPassword = adminPassword;
    }

    private static String baseOf(TestApi api) {
        try {
            var field = TestApi.class.getDeclaredField("base");
            field.setAccessible(true);
            return (String) field.get(api);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    public TestApi raw() {
        return api;
    }

    public Session admin() {
        if (admin == null) {
            admin = api.signIn(adminEmail, adminPassword);
        }
        return admin;
    }

    public Session newTrader() {
        return api.newTrader();
    }

    /** A new trader funded with the given amounts, e.g. {@code "USD", "100000", "BTC", "2"}. */
    public Session fundedTrader(String... assetAmounts) {
        Session trader = newTrader();
        for (int i = 0; i < assetAmounts.length; i += 2) {
            Response r = adjust(trader.userId(), assetAmounts[i], assetAmounts[i + 1]);
            assertThat(r.status()).as(r.body()).isEqualTo(201);
        }
        return trader;
    }

    public Response adjust(UUID userId, String asset, String amount) {
        return api.post("/api/v1/admin/adjustments", TestApi.json(Map.of("userId", userId.toString(), "asset", asset,
                "amount", amount, "reason", "test funding")), admin().accessToken());
    }

    public Response place(Session trader, Map<String, ?> order) {
        return api.post("/api/v1/orders", TestApi.json(order), trader.accessToken());
    }

    public Response placeRaw(Session trader, String json) {
        return api.post("/api/v1/orders", json, trader.accessToken());
    }

    public static Map<String, Object> limit(String symbol, String side, String quantity, String price) {
        Map<String, Object> order = new LinkedHashMap<>();
        order.put("symbol", symbol);
        order.put("side", side);
        order.put("type", "LIMIT");
        order.put("timeInForce", "GTC");
        order.put("quantity", quantity);
        order.put("price", price);
        return order;
    }

    public static Map<String, Object> market(String symbol, String side, String quantity) {
        Map<String, Object> order = new LinkedHashMap<>();
        order.put("symbol", symbol);
        order.put("side", side);
        order.put("type", "MARKET");
        order.put("timeInForce", "IOC");
        order.put("quantity", quantity);
        return order;
    }

    /** Places an order that must be accepted; returns the Order. */
    public JsonNode placed(Session trader, Map<String, ?> order) {
        Response r = place(trader, order);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }

    public Response get(Session trader, String path) {
        return api.get(path, trader == null ? null : trader.accessToken());
    }

    public Response delete(Session trader, String path) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Bearer " + trader.accessToken()).DELETE().build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body(), response);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Asset code to total balance. */
    public Map<String, BigDecimal> totals(Session trader) {
        return balances(trader, "total");
    }

    public Map<String, BigDecimal> balances(Session trader, String field) {
        Response r = get(trader, "/api/v1/balances");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        Map<String, BigDecimal> out = new LinkedHashMap<>();
        for (JsonNode b : r.json()) {
            out.put(b.get("asset").asString(), new BigDecimal(b.get(field).asString()));
        }
        return out;
    }
}
