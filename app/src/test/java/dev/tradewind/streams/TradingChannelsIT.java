package dev.tradewind.streams;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradewind.identity.TestApi.Response;
import dev.tradewind.identity.TestApi.Session;
import dev.tradewind.trading.TradingApi;
import dev.tradewind.trading.TradingIntegrationTest;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The private channels fed by the engine, through a real WebSocket client: user A sees every change of
 * their orders, in engine order, with the right figures, and their balances; user B sees only B's.
 * Fees are the defaults: maker 10 bps, taker 20 bps; a buy reserves the taker rate on top.
 */
class TradingChannelsIT extends TradingIntegrationTest {
    private final List<WsClient> clients = new ArrayList<>();

    @AfterEach
    void close() {
        clients.forEach(WsClient::close);
    }

    @Test
    void ordersAndBalancesOfTheSignedInUserOnly() {
        Session a = api.fundedTrader("USD", "10000");
        Session b = api.fundedTrader("BTC", "1");
        WsClient aWs = signedIn(a);
        WsClient bWs = signedIn(b);

        aWs.subscribe("orders", "balances");
        JsonNode ordersSnapshot = aWs.next();
        assertThat(ordersSnapshot.get("channel").asString()).isEqualTo("orders");
        assertThat(ordersSnapshot.get("snapshot").asBoolean()).isTrue();
        assertThat(ordersSnapshot.get("data")).isEmpty();
        JsonNode balancesSnapshot = aWs.next();
        assertThat(balancesSnapshot.get("channel").asString()).isEqualTo("balances");
        assertThat(balancesSnapshot.get("snapshot").asBoolean()).isTrue();
        JsonNode usd = balancesSnapshot.get("data").valueStream().filter(x -> x.get("asset").asString().equals("USD"))
                .findFirst().orElseThrow();
        assertDecimal(usd, "total", "10000");
        assertDecimal(usd, "available", "10000");
        assertDecimal(usd, "reserved", "0");
        bWs.subscribe("orders", "balances");
        bWs.next();
        bWs.next();

        // A rests a buy, then cancels it
        long first = api.placed(a, TradingApi.limit("BTC-USD", "BUY", "0.10000", "20000.00")).get("orderId").asLong();
        List<JsonNode> seen = new ArrayList<>(until(aWs, m -> isBalance(m, "USD", "reserved", "2004")));
        Response cancelled = api.delete(a, "/api/v1/orders/" + first);
        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
        seen.addAll(until(aWs, m -> isBalance(m, "USD", "reserved", "0")));

        // A rests another; B's two sells fill it in two parts
        long second = api.placed(a, TradingApi.limit("BTC-USD", "BUY", "0.10000", "20000.00")).get("orderId").asLong();
        api.placed(b, ioc(TradingApi.limit("BTC-USD", "SELL", "0.04000", "20000.00")));
        api.placed(b, ioc(TradingApi.limit("BTC-USD", "SELL", "0.06000", "20000.00")));
        seen.addAll(untilAll(aWs, m -> isOrder(m, second, "FILLED"), m -> isBalance(m, "BTC", "total", "0.1"),
                m -> isBalance(m, "USD", "total", "7998"))); // 10000 − 2000 − 0.80 − 1.20 maker fees

        List<JsonNode> orders = seen.stream().filter(m -> m.get("channel").asString().equals("orders"))
                .map(m -> m.get("data")).toList();
        assertThat(orders).extracting(o -> o.get("orderId").asLong() + " " + o.get("event").asString() + " "
                + o.get("status").asString()).containsExactly(
                first + " ACCEPTED NEW",
                first + " CANCELLED CANCELLED",
                second + " ACCEPTED NEW",
                second + " TRADE PARTIALLY_FILLED",
                second + " TRADE FILLED");
        assertThat(orders).extracting(o -> o.get("sequence").asLong()).isSorted().doesNotHaveDuplicates();
        JsonNode accepted = orders.get(0);
        assertThat(accepted.get("symbol").asString()).isEqualTo("BTC-USD");
        assertThat(accepted.get("side").asString()).isEqualTo("BUY");
        assertThat(accepted.get("type").asString()).isEqualTo("LIMIT");
        assertDecimal(accepted, "price", "20000");
        assertDecimal(accepted, "quantity", "0.1");
        assertDecimal(accepted, "filledQuantity", "0");
        assertThat(accepted.has("averageFillPrice")).isFalse();
        JsonNode partial = orders.get(3);
        assertDecimal(partial, "filledQuantity", "0.04");
        assertDecimal(partial, "averageFillPrice", "20000");
        assertDecimal(partial.get("fill"), "quantity", "0.04");
        assertDecimal(partial.get("fill"), "price", "20000");
        assertDecimal(partial.get("fill"), "fee", "0.8");
        assertThat(partial.get("fill").get("feeAsset").asString()).isEqualTo("USD");
        assertThat(partial.get("fill").get("liquidity").asString()).isEqualTo("MAKER");
        JsonNode filled = orders.get(4);
        assertDecimal(filled, "filledQuantity", "0.1");
        assertDecimal(filled.get("fill"), "fee", "1.2");

        // B saw its own orders and balances, never A's
        List<JsonNode> bSeen = until(bWs, m -> isBalance(m, "BTC", "total", "0.9"));
        Set<Long> aOrders = new HashSet<>(List.of(first, second));
        assertThat(bSeen).isNotEmpty().allSatisfy(m -> {
            if (m.get("channel").asString().equals("orders")) {
                assertThat(aOrders).doesNotContain(m.get("data").get("orderId").asLong());
            }
        });
        assertThat(bSeen).noneMatch(m -> isBalance(m, "USD", "total", "7998"));
    }

    @Test
    void theSnapshotHoldsTheOpenOrdersAtSubscribeTime() {
        Session a = api.fundedTrader("USD", "10000");
        long open = api.placed(a, TradingApi.limit("BTC-USD", "BUY", "0.01000", "15000.00")).get("orderId").asLong();
        WsClient ws = signedIn(a);
        ws.subscribe("orders");
        JsonNode snapshot = ws.next();
        assertThat(snapshot.get("snapshot").asBoolean()).isTrue();
        assertThat(snapshot.get("data")).singleElement().satisfies(o -> {
            assertThat(o.get("orderId").asLong()).isEqualTo(open);
            assertThat(o.get("status").asString()).isEqualTo("NEW");
            assertThat(o.get("event").asString()).isEqualTo("SNAPSHOT");
            assertDecimal(o, "price", "15000");
        });
    }

    @Test
    void refusedAndExpiredOrdersToo() {
        Session a = api.fundedTrader("USD", "100");
        WsClient ws = signedIn(a);
        ws.subscribe("orders");
        assertThat(ws.next().get("snapshot").asBoolean()).isTrue();

        Response refused = api.place(a, TradingApi.limit("BTC-USD", "BUY", "1.00000", "20000.00"));
        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        JsonNode rejected = ws.next().get("data");
        assertThat(rejected.get("event").asString()).isEqualTo("REJECTED");
        assertThat(rejected.get("status").asString()).isEqualTo("REJECTED");
        assertThat(rejected.get("rejectCode").asString()).isEqualTo(refused.json().get("code").asString());
        assertThat(rejected.get("symbol").asString()).isEqualTo("BTC-USD");

        // nothing to trade with far below the market: an IOC buy is accepted, then its remainder expires
        long ioc = api.placed(a, ioc(TradingApi.limit("BTC-USD", "BUY", "0.00100", "1.00"))).get("orderId").asLong();
        JsonNode accepted = ws.next().get("data");
        JsonNode expired = ws.next().get("data");
        assertThat(accepted.get("orderId").asLong()).isEqualTo(ioc);
        assertThat(accepted.get("event").asString()).isEqualTo("ACCEPTED");
        assertThat(expired.get("orderId").asLong()).isEqualTo(ioc);
        assertThat(expired.get("event").asString()).isEqualTo("EXPIRED");
        assertThat(expired.get("status").asString()).isEqualTo("EXPIRED");
        assertThat(expired.get("expiryReason").asString()).isEqualTo("UNFILLED_REMAINDER");
        assertThat(expired.get("sequence").asLong()).isGreaterThanOrEqualTo(accepted.get("sequence").asLong());
    }

    private WsClient signedIn(Session session) {
        WsClient client = WsClient.connect(port);
        clients.add(client);
        client.send(Map.of("op", "auth", "token", session.accessToken()));
        client.expectOp("authenticated");
        return client;
    }

    private static Map<String, Object> ioc(Map<String, Object> order) {
        order.put("timeInForce", "IOC");
        return order;
    }

    /** Messages up to and including the first that matches (each wait bounded by WsClient.WAIT). */
    private static List<JsonNode> until(WsClient client, Predicate<JsonNode> last) {
        return untilAll(client, last);
    }

    /** Messages until each condition has matched one of them, in any order. */
    @SafeVarargs
    private static List<JsonNode> untilAll(WsClient client, Predicate<JsonNode>... conditions) {
        List<JsonNode> messages = new ArrayList<>();
        Set<Integer> met = new HashSet<>();
        while (met.size() < conditions.length) {
            JsonNode message = client.next();
            messages.add(message);
            for (int i = 0; i < conditions.length; i++) {
                if (conditions[i].test(message)) {
                    met.add(i);
                }
            }
        }
        return messages;
    }

    private static boolean isBalance(JsonNode m, String asset, String field, String value) {
        return m.path("channel").asString().equals("balances") && m.get("data").get("asset").asString().equals(asset)
                && new BigDecimal(m.get("data").get(field).asString()).compareTo(new BigDecimal(value)) == 0;
    }

    private static boolean isOrder(JsonNode m, long orderId, String status) {
        return m.path("channel").asString().equals("orders") && m.get("data").get("orderId").asLong() == orderId
                && m.get("data").get("status").asString().equals(status);
    }

    private static void assertDecimal(JsonNode node, String field, String expected) {
        assertThat(node.get(field)).as(field + " of " + node).isNotNull();
        assertThat(node.get(field).isString()).as(field + " is a decimal string").isTrue();
        assertThat(new BigDecimal(node.get(field).asString())).as(field).isEqualByComparingTo(expected);
    }
}
