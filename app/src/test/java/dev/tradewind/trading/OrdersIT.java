package dev.tradewind.trading;

import static dev.tradewind.trading.TradingApi.limit;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tradewind.identity.TestApi.Response;
import dev.tradewind.identity.TestApi.Session;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The orders API end to end: resting and crossing orders, fills, balances, fees, ledger, cancel, BOLA. */
class OrdersIT extends TradingIntegrationTest {

    @Test
    void aRestingOrderFilledByAnotherUsersOrderSettlesBothSidesWithFeesAndLedger() {
        Session buyer = api.fundedTrader("USD", "100000");
        Session seller = api.fundedTrader("BTC", "2");

        JsonNode bid = api.placed(buyer, limit("BTC-USD", "BUY", "0.5", "40000.00"));
        assertThat(bid.get("status").asString()).isEqualTo("NEW");
        assertThat(bid.get("price").asString()).isEqualTo("40000.00");
        assertThat(bid.get("quantity").asString()).isEqualTo("0.50000");
        assertThat(bid.get("filledQuantity").asString()).isEqualTo("0.00000");
        assertThat(bid.get("timeInForce").asString()).isEqualTo("GTC");
        assertThat(bid.get("createdAt").asString()).endsWith("Z");
        long bidId = bid.get("orderId").asLong();
        // reserved: 0.5 x 40000 + the highest fee rate (20 bps) = 20040
        assertThat(api.balances(buyer, "reserved").get("USD")).isEqualByComparingTo("20040");
        assertThat(api.balances(buyer, "available").get("USD")).isEqualByComparingTo("79960");

        // read-your-writes: the order is there right after the 201
        Response got = api.get(buyer, "/api/v1/orders/" + bidId);
        assertThat(got.status()).isEqualTo(200);
        assertThat(got.json().get("status").asString()).isEqualTo("NEW");
        assertThat(ids(api.get(buyer, "/api/v1/orders").json())).containsExactly(bidId);

        JsonNode ask = api.placed(seller, Map.of("symbol", "BTC-USD", "side", "SELL", "type", "LIMIT",
                "quantity", "0.2", "price", "39000.00", "clientOrderId", "sell-1"));
        assertThat(ask.get("status").asString()).isEqualTo("FILLED");
        assertThat(ask.get("clientOrderId").asString()).isEqualTo("sell-1");
        assertThat(ask.get("averageFillPrice").asString()).isEqualTo("40000");
        JsonNode fill = ask.get("fills").get(0);
        assertThat(fill.get("liquidity").asString()).isEqualTo("TAKER");
        assertThat(fill.get("price").asString()).isEqualTo("40000.00");
        assertThat(fill.get("quantity").asString()).isEqualTo("0.20000");
        assertThat(new BigDecimal(fill.get("fee").asString())).isEqualByComparingTo("16"); // 20 bps of 8000
        assertThat(fill.get("feeAsset").asString()).isEqualTo("USD");

        JsonNode bidNow = api.get(buyer, "/api/v1/orders/" + bidId).json();
        assertThat(bidNow.get("status").asString()).isEqualTo("PARTIALLY_FILLED");
        assertThat(bidNow.get("filledQuantity").asString()).isEqualTo("0.20000");
        assertThat(bidNow.get("fills").size()).isEqualTo(1);
        assertThat(bidNow.get("fills").get(0).get("liquidity").asString()).isEqualTo("MAKER");
        assertThat(new BigDecimal(bidNow.get("fills").get(0).get("fee").asString())).isEqualByComparingTo("8");

        Map<String, BigDecimal> buyerTotals = api.totals(buyer);
        assertThat(buyerTotals.get("BTC")).isEqualByComparingTo("0.2");
        assertThat(buyerTotals.get("USD")).isEqualByComparingTo("91992"); // 100000 - 8000 - 8
        Map<String, BigDecimal> sellerTotals = api.totals(seller);
        assertThat(sellerTotals.get("BTC")).isEqualByComparingTo("1.8");
        assertThat(sellerTotals.get("USD")).isEqualByComparingTo("7984"); // 8000 - 16

        // the ledger agrees with the engine, line by line
        JsonNode ledger = api.get(buyer, "/api/v1/ledger").json();
        assertThat(ledger.get(0).get("reference").asString()).startsWith("trade:");
        assertThat(types(ledger)).containsExactly("FEE", "TRADE", "TRADE", "ADJUSTMENT");
        assertThat(new BigDecimal(ledger.get(0).get("balanceAfter").asString())).isEqualByComparingTo("91992");
        assertThat(new BigDecimal(api.get(buyer, "/api/v1/ledger?asset=BTC").json().get(0).get("balanceAfter").asString()))
                .isEqualByComparingTo("0.2");
        assertThat(jdbc.queryForObject("""
                SELECT count(*) FROM (SELECT entry_id, asset FROM ledger_postings GROUP BY entry_id, asset
                                      HAVING sum(amount) <> 0) unbalanced""", Integer.class)).isZero();
        String reference = "trade:" + fill.get("tradeId").asLong();
        assertThat(jdbc.queryForObject("""
                SELECT sum(amount) FROM ledger_postings p JOIN ledger_entries e USING (entry_id)
                WHERE e.reference = ? AND p.account_id = 0""", BigDecimal.class, reference)).isEqualByComparingTo("24");

        // fills
        JsonNode buyerFills = api.get(buyer, "/api/v1/fills?symbol=BTC-USD").json();
        assertThat(buyerFills.size()).isEqualTo(1);
        assertThat(buyerFills.get(0).get("orderId").asLong()).isEqualTo(bidId);
        assertThat(buyerFills.get(0).get("side").asString()).isEqualTo("BUY");

        // cancel releases the rest of the reservation; a second cancel is 409
        Response cancelled = api.delete(buyer, "/api/v1/orders/" + bidId);
        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
        assertThat(cancelled.json().get("status").asString()).isEqualTo("CANCELLED");
        assertThat(api.balances(buyer, "reserved").get("USD")).isEqualByComparingTo("0");
        Response again = api.delete(buyer, "/api/v1/orders/" + bidId);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("code").asString()).isEqualTo("ORDER_NOT_OPEN");
        assertThat(again.contentType()).startsWith("application/problem+json");
        assertThat(ids(api.get(buyer, "/api/v1/orders").json())).isEmpty();
        assertThat(ids(api.get(buyer, "/api/v1/orders?status=all").json())).containsExactly(bidId);
    }

    @Test
    void anotherUsersOrdersFillsAndLedgerAreInvisible() {
        Session alice = api.fundedTrader("USD", "1000");
        Session mallory = api.fundedTrader("USD", "1000");
        long order = api.placed(alice, limit("ETH-USD", "BUY", "0.1", "2000.00")).get("orderId").asLong();

        Response read = api.get(mallory, "/api/v1/orders/" + order);
        assertThat(read.status()).isEqualTo(404);
        assertThat(read.json().get("code").asString()).isEqualTo("NOT_FOUND");
        assertThat(api.get(mallory, "/api/v1/orders/999999999").json().get("code").asString()).isEqualTo("NOT_FOUND");
        Response cancel = api.delete(mallory, "/api/v1/orders/" + order);
        assertThat(cancel.status()).isEqualTo(404);
        assertThat(api.get(alice, "/api/v1/orders/" + order).json().get("status").asString()).isEqualTo("NEW");
        assertThat(ids(api.get(mallory, "/api/v1/orders?status=all").json())).isEmpty();
        assertThat(api.get(mallory, "/api/v1/fills").json().size()).isZero();
        JsonNode ledger = api.get(mallory, "/api/v1/ledger").json();
        assertThat(ledger.size()).isEqualTo(1); // only its own funding
        assertThat(api.get(null, "/api/v1/orders").status()).isEqualTo(401);
        assertThat(api.get(null, "/api/v1/balances").status()).isEqualTo(401);
    }

    @Test
    void listsArePagedNewestFirstWithACursorAndFilteredBySymbol() {
        Session trader = api.fundedTrader("USD", "10000");
        List<Long> placed = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            placed.add(api.placed(trader, limit(i % 2 == 0 ? "SOL-USD" : "ETH-USD", "BUY", "1", "10.00"))
                    .get("orderId").asLong());
        }
        Response first = api.get(trader, "/api/v1/orders?limit=2");
        assertThat(ids(first.json())).containsExactly(placed.get(4), placed.get(3));
        String cursor = first.header("X-Next-Cursor");
        assertThat(cursor).isEqualTo(placed.get(3).toString());
        Response second = api.get(trader, "/api/v1/orders?limit=2&cursor=" + cursor);
        assertThat(ids(second.json())).containsExactly(placed.get(2), placed.get(1));
        Response last = api.get(trader, "/api/v1/orders?limit=2&cursor=" + second.header("X-Next-Cursor"));
        assertThat(ids(last.json())).containsExactly(placed.get(0));
        assertThat(last.header("X-Next-Cursor")).isNull();
        assertThat(ids(api.get(trader, "/api/v1/orders?symbol=SOL-USD").json()))
                .containsExactly(placed.get(4), placed.get(2), placed.get(0));
        assertThat(api.get(trader, "/api/v1/orders?status=closed").status()).isEqualTo(400);
        assertThat(api.get(trader, "/api/v1/orders?limit=0").status()).isEqualTo(400);
    }

    @Test
    void marketAndStopOrdersAreStoredThroughTheirWholeLife() {
        Session maker = api.fundedTrader("USD", "100000", "AAPL", "100");
        Session taker = api.fundedTrader("USD", "100000", "AAPL", "100");
        api.placed(maker, limit("AAPL-USD", "SELL", "2", "200.00"));
        api.placed(maker, limit("AAPL-USD", "SELL", "3", "201.00"));

        // a stop buy above the market waits for a trade at or above its stop price
        Map<String, Object> stop = limit("AAPL-USD", "BUY", "1", "205.00");
        stop.put("type", "STOP_LIMIT");
        stop.put("stopPrice", "201.00");
        JsonNode pending = api.placed(taker, stop);
        assertThat(pending.get("status").asString()).isEqualTo("PENDING_TRIGGER");
        assertThat(pending.get("stopPrice").asString()).isEqualTo("201.00");
        long stopId = pending.get("orderId").asLong();

        // a market buy takes 2 at 200 and 1 at 201: the trade at 201 fires the stop, which takes 1 more at 201
        JsonNode market = api.placed(taker, TradingApi.market("AAPL-USD", "BUY", "3"));
        assertThat(market.get("status").asString()).isEqualTo("FILLED");
        assertThat(market.get("price")).isNull();
        assertThat(market.get("fills").size()).isEqualTo(2);
        assertThat(market.get("averageFillPrice").asString()).isEqualTo("200.333333333333");
        JsonNode fired = api.get(taker, "/api/v1/orders/" + stopId).json();
        assertThat(fired.get("status").asString()).isEqualTo("FILLED");
        assertThat(fired.get("averageFillPrice").asString()).isEqualTo("201");

        // an IOC remainder expires
        JsonNode ioc = api.placed(taker, Map.of("symbol", "AAPL-USD", "side", "BUY", "type", "LIMIT",
                "timeInForce", "IOC", "quantity", "5", "price", "201.00"));
        assertThat(ioc.get("status").asString()).isEqualTo("EXPIRED");
        assertThat(ioc.get("filledQuantity").asString()).isEqualTo("1.000");
        assertThat(api.balances(taker, "reserved").get("USD")).isEqualByComparingTo("0");
        assertThat(api.totals(taker).get("AAPL")).isEqualByComparingTo("105");
        assertThat(ids(api.get(maker, "/api/v1/orders").json())).isEmpty();
    }

    static List<Long> ids(JsonNode orders) {
        List<Long> ids = new ArrayList<>();
        orders.forEach(o -> ids.add(o.get("orderId").asLong()));
        return ids;
    }

    static List<String> types(JsonNode lines) {
        List<String> types = new ArrayList<>();
        lines.forEach(l -> types.add(l.get("type").asString()));
        return types;
    }
}
